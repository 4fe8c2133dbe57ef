import Foundation
import XCTest
@testable import Patella

/// Every screen record of issue 11 read through the real Rust library: Today,
/// Check-in, Plan, Progress, Settings (with the paired sensor) and the
/// reminder schedule, after the same scripted day as the golden files.
final class ScreensBindingsTests: XCTestCase {
    private func runner() -> RunnerProfile {
        RunnerProfile(
            experience: .newToRunning, weeklyMinutes: nil, weeklyKm: nil, daysPerWeek: 3,
            preferredDays: [.tuesday, .thursday, .saturday], goal: .continuous15Minutes, equipment: [.wall],
            ageYears: 40, osteoarthritis: false, osteoporosis: false, balanceProblems: false,
            bodyMassKg: nil, heightCm: nil, kneePain: 2, strengthDaysPerWeek: nil
        )
    }

    func testEveryScreenIsReadThroughTheLibrary() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try RecordStore.open(dir: dir.path)
        let coach = try Coach.open(store: store)
        XCTAssertNotNil(try coach.todayScreen(date: "2026-11-24").emptyState)
        try coach.saveProfile(profile: runner(), planStart: "2026-11-23")
        try coach.markSession(date: "2026-11-24", session: .run, result: .done)

        let today = try coach.todayScreen(date: "2026-11-25")
        XCTAssertEqual(today.checkInDue?.moment, .nextMorning)
        XCTAssertTrue(today.sessions.allSatisfy { $0.canMarkDone })
        XCTAssertTrue(today.sessions.flatMap { $0.exercises }.allSatisfy { !$0.cues.isEmpty })

        let checkIn = checkInScreen(moment: .nextMorning)
        XCTAssertEqual(checkIn.scale.count, 11)
        XCTAssertEqual(checkIn.scale[5].zoneToken, "within-buffer")
        XCTAssertEqual(checkIn.scale[6].zoneToken, "above-buffer")
        XCTAssertEqual(checkIn.redFlags.count, 4)

        let plan = try coach.planScreen(date: "2026-11-25", weeks: 2)
        XCTAssertEqual(plan.weeks.count, 2)
        XCTAssertTrue(plan.weeks[0].isCurrent)
        XCTAssertTrue(plan.weeks[0].heading.hasPrefix("Week 1 from 2026-11-23"))

        let progress = try store.progressScreen(today: "2026-11-25")
        XCTAssertEqual(progress.axes.painMax, 10)
        XCTAssertEqual(progress.axes.cadenceBandMinSpm, progress.snapshot.recommendedMinSpm)

        var settings = try store.settings()
        settings.planReminderMinute = 390
        try store.saveSettings(settings: settings)
        try store.savePairedSensor(sensor: PairedSensorRecord(id: "pod-1", name: "Stride pod", cadenceUnit: .unknown))
        let screen = try store.settingsScreen()
        XCTAssertEqual(screen.planReminderTime, "06:30")
        XCTAssertEqual(screen.sensorLabel, "Paired with Stride pod")
        var bad = settings
        bad.checkInReminderMinute = 1440
        XCTAssertThrowsError(try store.saveSettings(settings: bad))

        let reminders = try coach.reminders(now: "2026-11-25T06:00:00")
        XCTAssertFalse(reminders.isEmpty)
        XCTAssertEqual(reminders.first?.at, "2026-11-25T06:30:00")
        XCTAssertFalse(reminders.contains { $0.at <= "2026-11-25T06:00:00" })
    }
}
