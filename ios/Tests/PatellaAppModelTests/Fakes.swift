// Fakes of the app model's ports: each records what it was asked to do, so
// a test can check what the runner would have heard, felt and seen.
import Foundation
@testable import PatellaAppModel

@MainActor
final class FakeSpeaker: Speaker {
    private(set) var spoken: [String] = []
    private(set) var silenced = 0
    func speak(_ text: String) { spoken.append(text) }
    func silence() { silenced += 1 }
}

@MainActor
final class FakeHaptics: Haptics {
    private(set) var played: [HapticPattern] = []
    func play(_ pattern: HapticPattern) { played.append(pattern) }
}

@MainActor
final class FakeMetronome: Metronome {
    private(set) var intervalMs: UInt32?
    private(set) var changes: [UInt32?] = []
    func start(intervalMs: UInt32) { self.intervalMs = intervalMs; changes.append(intervalMs) }
    func stop() { intervalMs = nil; changes.append(nil) }
}

@MainActor
final class FakeNotifier: Notifier {
    private(set) var posted: [LocalNotification] = []
    private(set) var scheduled: [LocalNotification] = []
    func post(_ notification: LocalNotification) { posted.append(notification) }
    func schedule(reminders: [LocalNotification]) { scheduled = reminders }
}

/// A clock the test moves by hand.
@MainActor
final class FakeClock: AppClock {
    var ms: UInt64 = 0
    var date = "2026-11-25"
    var time = "06:00:00"
    func nowMs() -> UInt64 { ms }
    func today() -> String { date }
    func localDateTime() -> String { "\(date)T\(time)" }
}

@MainActor
struct FakePorts {
    let speaker = FakeSpeaker()
    let haptics = FakeHaptics()
    let metronome = FakeMetronome()
    let notifier = FakeNotifier()
    let clock = FakeClock()

    var ports: AppPorts {
        AppPorts(speaker: speaker, haptics: haptics, metronome: metronome, notifier: notifier, clock: clock)
    }
}

/// A fresh folder under the temporary directory, removed by `remove()`.
struct TempFolder {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("patella-app-\(UUID().uuidString)")
    var path: String { url.path }
    func remove() { try? FileManager.default.removeItem(at: url) }
}

/// Waits on the main actor until `done` holds, letting queued main-actor
/// work run meanwhile; false after `seconds`.
@MainActor
func eventually(_ seconds: Double = 5, _ done: () -> Bool) async -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while !done() {
        if Date() > deadline { return false }
        try? await Task.sleep(nanoseconds: 2_000_000)
    }
    return true
}
