// Local notifications through UNUserNotificationCenter: cues that must
// reach a locked phone mid-run, and the plan and check-in reminders the
// core schedules (`Coach.reminders`), each at its local date and time.
import Foundation
import PatellaAppModel
import UserNotifications

@MainActor
public final class LocalNotifier: Notifier {
    private let center = UNUserNotificationCenter.current()
    private var reminderIds: [String] = []

    public init() {}

    /// Asks once, the first time the runner turns on a reminder or starts a run.
    public func requestPermission() {
        center.requestAuthorization(options: [.alert, .sound, .badge]) { _, _ in }
    }

    public func post(_ notification: LocalNotification) {
        center.add(UNNotificationRequest(identifier: notification.id, content: content(notification), trigger: nil))
    }

    public func schedule(reminders: [LocalNotification]) {
        center.removePendingNotificationRequests(withIdentifiers: reminderIds)
        reminderIds = reminders.map(\.id)
        for reminder in reminders {
            guard let at = reminder.at, let when = Self.components(at) else { continue }
            let trigger = UNCalendarNotificationTrigger(dateMatching: when, repeats: false)
            center.add(UNNotificationRequest(identifier: reminder.id, content: content(reminder), trigger: trigger))
        }
    }

    private func content(_ n: LocalNotification) -> UNMutableNotificationContent {
        let content = UNMutableNotificationContent()
        content.title = n.title
        content.body = n.body
        content.sound = n.importance == .passive ? nil : .default
        switch n.importance {
        case .passive: content.interruptionLevel = .passive
        case .active: content.interruptionLevel = .active
        case .timeSensitive: content.interruptionLevel = .timeSensitive
        }
        return content
    }

    /// "2026-11-25T06:30:00" as local calendar components.
    static func components(_ local: String) -> DateComponents? {
        let parts = local.split(whereSeparator: { "-T:".contains($0) }).compactMap { Int($0) }
        guard parts.count >= 5 else { return nil }
        return DateComponents(year: parts[0], month: parts[1], day: parts[2], hour: parts[3], minute: parts[4])
    }
}
