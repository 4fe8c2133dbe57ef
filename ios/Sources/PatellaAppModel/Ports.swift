// The app model's ports: the few things it asks of the phone (a voice, the
// vibration motor, a metronome, local notifications, a clock). PatellaPlatform
// implements them with Apple's frameworks; the tests use fakes.
import Foundation

/// Reads a cue out loud, ducking the runner's music meanwhile.
@MainActor
public protocol Speaker: AnyObject {
    func speak(_ text: String)
    /// Stops whatever is being said (the run ended, the app closed).
    func silence()
}

/// How strongly a cue is felt, chosen from the core's urgency.
public enum HapticPattern: String, Equatable, Sendable, CaseIterable {
    /// One light tap: a step in the session, a gentle correction.
    case tap
    /// Two firm taps: something to act on soon.
    case doubleTap
    /// One long buzz: the session stopped for the knee's sake.
    case longBuzz
}

@MainActor
public protocol Haptics: AnyObject {
    func play(_ pattern: HapticPattern)
}

/// Clicks once per step at the interval the core asks for.
@MainActor
public protocol Metronome: AnyObject {
    func start(intervalMs: UInt32)
    func stop()
}

/// A local notification, its text from the core.
public struct LocalNotification: Equatable, Sendable {
    public enum Importance: String, Equatable, Sendable {
        /// Shown quietly in the list.
        case passive
        /// Lights the screen and sounds as usual.
        case active
        /// Breaks through a Focus: the run stopped, or the sensor is gone.
        case timeSensitive
    }

    /// Replaces an earlier notification with the same id.
    public var id: String
    public var title: String
    public var body: String
    /// Local date and time to show it ("2026-11-25T06:30:00"); nil: now.
    public var at: String?
    public var importance: Importance

    public init(id: String, title: String, body: String, at: String?, importance: Importance) {
        self.id = id
        self.title = title
        self.body = body
        self.at = at
        self.importance = importance
    }
}

@MainActor
public protocol Notifier: AnyObject {
    func post(_ notification: LocalNotification)
    /// Replaces every scheduled plan and check-in reminder with these.
    func schedule(reminders: [LocalNotification])
}

/// Time as the core wants it: a monotonic millisecond count (the clock the
/// library's sensor stamps readings with) and the local calendar.
@MainActor
public protocol AppClock: AnyObject {
    /// Monotonic milliseconds (`monotonicNowMs()` in the app).
    func nowMs() -> UInt64
    /// Today's local date, "2026-11-25".
    func today() -> String
    /// The local date and time, "2026-11-25T06:00:00".
    func localDateTime() -> String
}

/// Every port the session needs, passed in once.
@MainActor
public struct AppPorts {
    public var speaker: Speaker
    public var haptics: Haptics
    public var metronome: Metronome
    public var notifier: Notifier
    public var clock: AppClock

    public init(speaker: Speaker, haptics: Haptics, metronome: Metronome, notifier: Notifier, clock: AppClock) {
        self.speaker = speaker
        self.haptics = haptics
        self.metronome = metronome
        self.notifier = notifier
        self.clock = clock
    }
}
