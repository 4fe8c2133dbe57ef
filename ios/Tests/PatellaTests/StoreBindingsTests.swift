import Foundation
import XCTest
@testable import Patella

/// The runner's record through the real Rust library: a store opened in a
/// temporary folder, filled from a backup, released, reopened and read
/// back; the progress snapshot; and damage on disk refused by name. The
/// apps write check-ins and runs only through the coach and the run
/// session, so this record comes in as a backup.
final class StoreBindingsTests: XCTestCase {
    private var root: URL!

    /// Three check-ins (2, 6 and 4) and one run on 21 November 2026.
    private let record = """
    {"format": "patella-backup", "schema_version": 1, "records": {"sessions": [], "settings": {},
      "check_ins": [
        {"taken_at": "2026-11-20T07:30:00", "score": 2, "moment": "next_morning"},
        {"taken_at": "2026-11-21T18:45:00", "score": 6, "moment": "after_run", "quality": "dull_aching", "location": "front_of_knee"},
        {"taken_at": "2026-11-22T08:10:00", "score": 4, "moment": "next_morning", "quality": "sharp",
         "location": "around_or_behind_kneecap", "red_flags": ["swelling", "giving_way"]}],
      "runs": [{"id": "3f1c2a8e-0b7d-4c55-9a61-2d0f4b9e7c10", "started_at": "2026-11-21T18:00:00", "duration_s": 1500,
        "distance_m": 3200, "average_cadence_spm": 166.5, "target_cadence_spm": 170.0}]}}
    """

    private let runId = "3f1c2a8e-0b7d-4c55-9a61-2d0f4b9e7c10"
    private let takenAt = ["2026-11-20T07:30:00", "2026-11-21T18:45:00", "2026-11-22T08:10:00"]

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("patella-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: root)
    }

    private var dataDir: URL { root.appendingPathComponent("patella-data") }

    /// `record` with `old` replaced by `new`: a backup one record of which is off.
    private func backup(replacing old: String, with new: String) -> String {
        record.replacingOccurrences(of: old, with: new)
    }

    /// The check-ins' times on the Progress screen's pain chart, in order.
    private func painTimes(_ store: RecordStore, _ today: String = "2026-11-23") throws -> [String] {
        try store.progressScreen(today: today).snapshot.pain.flatMap(\.points).map(\.takenAt).sorted()
    }

    /// Writes the record in a scope of its own, so the store is released
    /// (and its folder lock dropped) when this returns; returns the backup
    /// the store then gives.
    @discardableResult
    private func writeRecord() throws -> String {
        let store = try RecordStore.open(dir: dataDir.path)
        XCTAssertEqual(try store.importBackup(backup: record), [], "nothing set aside")
        XCTAssertEqual(try painTimes(store), takenAt)
        return try store.exportBackup()
    }

    func testWhatIsWrittenIsReadBackAfterReopening() throws {
        let written = try writeRecord()
        let store = try RecordStore.open(dir: dataDir.path)
        XCTAssertEqual(store.warnings(), [])
        XCTAssertEqual(try painTimes(store), takenAt)
        XCTAssertEqual(try store.exportBackup(), written)
    }

    func testASecondOpenWhileTheFirstIsAliveIsRefused() throws {
        do {
            let first = try RecordStore.open(dir: dataDir.path)
            _ = try first.importBackup(backup: record)
            XCTAssertThrowsError(try RecordStore.open(dir: dataDir.path)) { error in
                guard case let StoreError.Storage(detail) = error else { return XCTFail("expected Storage, got \(error)") }
                // Said as it is: open in this process, not in another one.
                XCTAssertTrue(detail.contains("already open in this process"), detail)
            }
        }
        // Releasing the last reference released the folder.
        XCTAssertEqual(try painTimes(try RecordStore.open(dir: dataDir.path)), takenAt)
    }

    func testTheStoreFilesAreForTheOwnerOnly() throws {
        try writeRecord()
        let fm = FileManager.default
        let folder = try fm.attributesOfItem(atPath: dataDir.path)
        XCTAssertEqual((folder[.posixPermissions] as? NSNumber)?.intValue, 0o700)
        let names = try fm.contentsOfDirectory(atPath: dataDir.path)
        XCTAssertTrue(names.contains("record.sqlite3"), "\(names)")
        for name in names {
            let path = dataDir.appendingPathComponent(name).path
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDir), !isDir.boolValue else { continue }
            let mode = (try fm.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue
            XCTAssertEqual(mode, 0o600, name)
        }
    }

    func testADatabaseThatIsNotOneIsRefusedByNameAndLeftAsItIs() throws {
        try writeRecord()
        // Garbage over the database, as a bad flash write or a stray copy might leave.
        let db = dataDir.appendingPathComponent("record.sqlite3")
        let garbage = String(repeating: "\u{0}\u{0} not a record {{", count: 400)
        try garbage.write(to: db, atomically: false, encoding: .utf8)
        XCTAssertThrowsError(try RecordStore.open(dir: dataDir.path)) { error in
            guard case let StoreError.Storage(detail) = error else { return XCTFail("expected Storage, got \(error)") }
            XCTAssertTrue(detail.contains("record.sqlite3"), detail)
        }
        XCTAssertEqual(try String(contentsOf: db, encoding: .utf8), garbage, "nothing was written over it")
    }

    func testTheProgressSnapshotChartsTheRecord() throws {
        try writeRecord()
        let store = try RecordStore.open(dir: dataDir.path)
        let snapshot = try store.progressScreen(today: "2026-11-22").snapshot
        XCTAssertEqual(snapshot.today, "2026-11-22")
        // Source: article 002 (pain buffer zone): up to 5 is acceptable, 6 is above.
        XCTAssertEqual(snapshot.bufferZoneMax, 5)
        let points = snapshot.pain.flatMap(\.points).sorted { $0.takenAt < $1.takenAt }
        XCTAssertEqual(points.map(\.takenAt), takenAt)
        XCTAssertEqual(points.map(\.aboveBuffer), [false, true, false])
        XCTAssertEqual(snapshot.pain.first { $0.moment == .afterRun }?.points.map(\.score), [6])

        let weeks = snapshot.weeklyVolume.filter { $0.runs > 0 }
        XCTAssertEqual(weeks.map(\.distanceM), [3200])
        XCTAssertEqual(snapshot.cadence.count, 1)
        let cadence = try XCTUnwrap(snapshot.cadence.first)
        XCTAssertEqual(cadence.runId, runId)
        XCTAssertEqual(cadence.date, "2026-11-21")
        XCTAssertEqual(cadence.gapSpm, -3.5, accuracy: 1e-9)
        XCTAssertLessThan(snapshot.recommendedMinSpm, snapshot.recommendedMaxSpm)
        XCTAssertEqual(snapshot.milestones.map(\.milestone), [.steadierKnees, .deeperProtection])
        XCTAssertEqual(snapshot.improvement, .notEnoughData)

        XCTAssertThrowsError(try store.progressScreen(today: "22/11/2026")) { error in
            guard case let StoreError.InvalidDate(message) = error else { return XCTFail("got \(error)") }
            XCTAssertTrue(message.hasPrefix("today: "), message)
        }
    }

    func testBadRecordsInABackupAreRefusedNamingTheField() throws {
        let store = try RecordStore.open(dir: dataDir.path)
        // Article 002 (issue 18, finding 5): a check-in reports pain already
        // felt; one dated ahead of now is set aside, named, and the rest comes in.
        let aheadBackup = backup(replacing: "2026-11-20T07:30:00", with: "2031-06-01T08:00:00+02:00")
        XCTAssertThrowsError(try store.importBackup(backup: backup(replacing: "\"score\": 6", with: "\"score\": 12"))) { error in
            guard case let StoreError.Invalid(detail) = error else { return XCTFail("got \(error)") }
            XCTAssertTrue(detail.contains("score"), detail)
        }
        XCTAssertThrowsError(try store.importBackup(backup: backup(replacing: "\"duration_s\": 1500", with: "\"duration_s\": 0"))) { error in
            guard case let StoreError.Invalid(detail) = error else { return XCTFail("got \(error)") }
            XCTAssertTrue(detail.contains("duration_s"), detail)
        }
        XCTAssertEqual(try painTimes(store), [], "nothing came in")
        let notes = try store.importBackup(backup: aheadBackup)
        XCTAssertEqual(notes.count, 1)
        XCTAssertTrue(notes[0].contains("taken_at: 2031-06-01T08:00:00 is ahead of now"), notes[0])
        XCTAssertEqual(try painTimes(store), Array(takenAt.dropFirst()))
    }

    func testCheckInsFromSeveralThreadsAreAllKept() throws {
        do {
            let store = try RecordStore.open(dir: dataDir.path)
            let coach = try Coach.open(store: store)
            try coach.saveProfile(
                profile: RunnerProfile(
                    experience: .newToRunning, weeklyMinutes: nil, weeklyKm: nil, daysPerWeek: 3,
                    preferredDays: [], goal: .continuous15Minutes, equipment: [],
                    ageYears: nil, osteoarthritis: false, osteoporosis: false, balanceProblems: false,
                    bodyMassKg: nil, heightCm: nil, kneePain: 0, strengthDaysPerWeek: nil
                ),
                planStart: "2026-11-16"
            )
            let failures = NSLock()
            var errors: [Error] = []
            DispatchQueue.concurrentPerform(iterations: 4) { t in
                for i in 0..<25 {
                    let checkIn = CheckIn(
                        takenAt: String(format: "2026-11-2%dT07:%02d:00", t, i), score: Int64(i % 11),
                        moment: .nextMorning, quality: nil, location: nil, redFlags: []
                    )
                    do { _ = try coach.recordCheckIn(checkIn: checkIn) } catch {
                        failures.lock(); errors.append(error); failures.unlock()
                    }
                }
            }
            XCTAssertTrue(errors.isEmpty, "\(errors)")
            XCTAssertEqual(try painTimes(store).count, 100)
        }
        let store = try RecordStore.open(dir: dataDir.path)
        XCTAssertEqual(store.warnings(), [])
        let byDay = Dictionary(grouping: try painTimes(store), by: { String($0.prefix(10)) }).mapValues(\.count)
        XCTAssertEqual(byDay, ["2026-11-20": 25, "2026-11-21": 25, "2026-11-22": 25, "2026-11-23": 25])
    }

    func testABackupMovesTheRecordToAnotherFolder() throws {
        let written = try writeRecord()
        let backup = try RecordStore.open(dir: dataDir.path).exportBackup()
        XCTAssertEqual(backup, written)
        let restored = try RecordStore.open(dir: root.appendingPathComponent("restored").path)
        XCTAssertEqual(try restored.importBackup(backup: backup), [], "nothing set aside")
        XCTAssertEqual(try painTimes(restored), takenAt)
        XCTAssertEqual(try restored.exportBackup(), backup)
    }
}
