import Foundation
import XCTest
@testable import Patella

/// Finishing and keeping a run through the real Rust library (issue 11):
/// finish -> Coach.completeRun -> the stored run read back after reopening,
/// and a run brought back after the app was killed in the middle of it.
final class RunKeepingTests: XCTestCase {
    final class Quiet: RunObserver, @unchecked Sendable {
        func onEvent(event: RunEvent) {}
    }

    // The plan starts on Monday 2026-11-23; Tuesday 24 is a run day.
    private let planStart = "2026-11-23"
    private let runDay = "2026-11-24"
    private var root: URL!

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("patella-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: root)
    }

    private var dataDir: String { root.appendingPathComponent("record").path }

    private func runner() -> RunnerProfile {
        RunnerProfile(
            experience: .newToRunning, weeklyMinutes: nil, weeklyKm: nil, daysPerWeek: 3,
            preferredDays: [.tuesday, .thursday, .saturday], goal: .continuous15Minutes, equipment: [],
            ageYears: 40, osteoarthritis: false, osteoporosis: false, balanceProblems: false,
            bodyMassKg: nil, heightCm: nil, kneePain: 0, strengthDaysPerWeek: nil
        )
    }

    private func plannedRun(_ coach: Coach) throws -> RunPlan {
        try XCTUnwrap(try coach.plannedRun(date: runDay))
    }

    /// The runs the record keeps, read from its backup (the apps see runs
    /// only through the screens).
    private func keptRuns(_ store: RecordStore) throws -> [[String: Any]] {
        let data = Data(try store.exportBackup().utf8)
        let backup = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let records = try XCTUnwrap(backup["records"] as? [String: Any])
        return try XCTUnwrap(records["runs"] as? [[String: Any]])
    }

    /// The check-in scores on the Progress screen's pain chart.
    private func painScores(_ store: RecordStore) throws -> [UInt8] {
        try store.progressScreen(today: runDay).snapshot.pain.flatMap(\.points).map(\.score)
    }

    private func reading(_ atMs: UInt64) -> RunSample {
        RunSample(
            atMs: atMs, sourceId: "pod", cadence: 160, unit: .stepsPerMinute,
            speedMps: 2.5, strideLengthM: 0.94, gait: nil
        )
    }

    private func run(_ session: RunSession, from: UInt64, to: UInt64, offsetMs: UInt64 = 0) throws {
        for t in from...to {
            let at = offsetMs + t * 1_000
            try session.pushSample(sample: reading(at))
            try session.tick(nowMs: at)
        }
    }

    private func checkIn(_ score: Int64) -> CheckIn {
        CheckIn(takenAt: "\(runDay)T07:10:00", score: score, moment: .duringRun, quality: nil, location: nil, redFlags: [])
    }

    func testAFinishedRunIsKeptAndReadBackAfterReopening() throws {
        do {
            let store = try RecordStore.open(dir: dataDir)
            let coach = try Coach.open(store: store)
            try coach.saveProfile(profile: runner(), planStart: planStart)
            let session = try RunSession.fromPlannedRun(run: plannedRun(coach), settings: nil, observer: Quiet())
            try session.keepIn(store: store, runId: "run-s1", startedAt: "\(runDay)T07:00:00")
            try session.start(nowMs: 0)
            try run(session, from: 1, to: 120)
            try session.checkIn(nowMs: 120_000, checkin: checkIn(2))
            let summary = try session.finish(nowMs: 180_000)
            XCTAssertEqual(summary.runId, "run-s1")
            XCTAssertEqual(summary.distanceSource, .sensorSpeed)
            XCTAssertEqual(summary.checkInCount, 1)
            XCTAssertEqual(summary.checkIns.first?.assessment.zone, .withinBuffer)
            XCTAssertEqual(try XCTUnwrap(summary.cadence.averageSpm), 160, accuracy: 0.01)
            XCTAssertGreaterThanOrEqual(summary.cadenceTrace.count, 100)
            let kept = try coach.completeRun(summary: summary)
            XCTAssertFalse(kept.sessionDone, "two minutes of a longer plan")
            XCTAssertNil(try unfinishedRun(store: store))
        }
        let store = try RecordStore.open(dir: dataDir)
        let runs = try keptRuns(store)
        XCTAssertEqual(runs.compactMap { $0["id"] as? String }, ["run-s1"])
        XCTAssertEqual(try XCTUnwrap(runs.first?["average_cadence_spm"] as? Double), 160, accuracy: 0.01)
        XCTAssertEqual(try painScores(store), [2])
    }

    func testARunComesBackAfterTheAppWasKilled() throws {
        do {
            let store = try RecordStore.open(dir: dataDir)
            let coach = try Coach.open(store: store)
            try coach.saveProfile(profile: runner(), planStart: planStart)
            // Killed: the session is dropped without finish.
            let session = try RunSession.fromPlannedRun(run: plannedRun(coach), settings: nil, observer: Quiet())
            try session.keepIn(store: store, runId: "run-s2", startedAt: "\(runDay)T07:00:00")
            try session.start(nowMs: 0)
            try run(session, from: 1, to: 25)
            try session.checkIn(nowMs: 25_000, checkin: checkIn(3))
            try run(session, from: 26, to: 35)
        }
        let store = try RecordStore.open(dir: dataDir)
        let left = try XCTUnwrap(try unfinishedRun(store: store))
        XCTAssertEqual(left.runId, "run-s2")
        XCTAssertEqual(left.elapsedMs, 35_000)
        let session = try RunSession.restore(store: store, nowMs: 5_000_000, observer: Quiet())
        let view = try session.snapshot(nowMs: 5_000_000)
        XCTAssertEqual(view.status, .paused)
        XCTAssertEqual(view.elapsedMs, 35_000)
        try session.resume(nowMs: 5_000_000)
        try run(session, from: 1, to: 60, offsetMs: 5_000_000)
        let summary = try session.finish(nowMs: 5_060_000)
        XCTAssertEqual(summary.activeMs, 95_000)
        XCTAssertEqual(summary.checkInCount, 1, "the check-in from before the kill")
        _ = try Coach.open(store: store).completeRun(summary: summary)
        XCTAssertNil(try unfinishedRun(store: store))
        XCTAssertEqual(try keptRuns(store).compactMap { $0["id"] as? String }, ["run-s2"])
        XCTAssertThrowsError(try RunSession.restore(store: store, nowMs: 0, observer: Quiet())) { error in
            guard case let RunSessionError.InvalidInput(detail) = error else {
                return XCTFail("\(error)")
            }
            XCTAssertTrue(detail.contains("no unfinished run"), detail)
        }
    }
}
