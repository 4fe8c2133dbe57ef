// The production clock: the library's monotonic time and the phone's local
// calendar, written the way the core reads dates (ISO-8601, no zone).
import Foundation
import Patella

@MainActor
public final class SystemClock: AppClock {
    private let calendar: Calendar

    public init(calendar: Calendar = .current) {
        self.calendar = calendar
    }

    public func nowMs() -> UInt64 { monotonicNowMs() }

    public func today() -> String {
        String(localDateTime().prefix(10))
    }

    public func localDateTime() -> String {
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: Date())
        // Zero-padded fields by hand: a DateFormatter would follow the
        // runner's locale (other calendars, other digits).
        func pad(_ value: Int?, _ width: Int) -> String {
            let digits = String(value ?? 0)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(c.year, 4))-\(pad(c.month, 2))-\(pad(c.day, 2))T\(pad(c.hour, 2)):\(pad(c.minute, 2)):\(pad(c.second, 2))"
    }
}
