import Foundation
import XCTest
@testable import Patella

/// The runner's record through the real Rust library: a store opened in a
/// temporary folder, written, released, reopened and read back; the progress
/// snapshot; and damage on disk set aside with a warning.
final class StoreBindingsTests: XCTestCase {
    private var root: URL!

    private let checkIns = [
        CheckIn(takenAt: "2026-11-20T07:30:00", score: 2, moment: .nextMorning, quality: nil, location: nil, redFlags: []),
        CheckIn(takenAt: "2026-11-21T18:45:00", score: 6, moment: .afterRun, quality: .dullAching, location: .frontOfKnee, redFlags: []),
        CheckIn(
            takenAt: "2026-11-22T08:10:00", score: 4, moment: .nextMorning, quality: .sharp,
            location: .aroundOrBehindKneecap, redFlags: [.swelling, .givingWay]
        ),
    ]

    private let run = StoredRun(
        id: "3f1c2a8e-0b7d-4c55-9a61-2d0f4b9e7c10", startedAt: "2026-11-21T18:00:00",
        durationS: 1500, distanceM: 3200, averageCadenceSpm: 166.5, targetCadenceSpm: 170.0
    )

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("patella-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: root)
    }

    private var dataDir: URL { root.appendingPathComponent("patella-data") }

    /// Writes the record in a scope of its own, so the store is released
    /// (and its folder lock dropped) when this returns.
    private func writeRecord() throws {
        let store = try RecordStore.open(dir: dataDir.path)
        for checkIn in checkIns { try store.addCheckIn(checkIn: checkIn) }
        try store.addRun(run: run)
        XCTAssertEqual(try store.checkIns(), checkIns)
    }

    func testWhatIsWrittenIsReadBackAfterReopening() throws {
        try writeRecord()
        let store = try RecordStore.open(dir: dataDir.path)
        XCTAssertEqual(store.warnings(), [])
        XCTAssertEqual(try store.checkIns(), checkIns)
        XCTAssertEqual(try store.runs(), [run])
    }

    func testASecondOpenWhileTheFirstIsAliveIsRefused() throws {
        do {
            let first = try RecordStore.open(dir: dataDir.path)
            try first.addCheckIn(checkIn: checkIns[0])
            XCTAssertThrowsError(try RecordStore.open(dir: dataDir.path)) { error in
                guard case let StoreError.Storage(detail) = error else { return XCTFail("expected Storage, got \(error)") }
                // Said as it is: open in this process, not in another one.
                XCTAssertTrue(detail.contains("already open in this process"), detail)
            }
        }
        // Releasing the last reference released the folder.
        XCTAssertEqual(try RecordStore.open(dir: dataDir.path).checkIns(), [checkIns[0]])
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
        let snapshot = try store.progress(today: "2026-11-22")
        XCTAssertEqual(snapshot.today, "2026-11-22")
        // Source: article 002 (pain buffer zone): up to 5 is acceptable, 6 is above.
        XCTAssertEqual(snapshot.bufferZoneMax, 5)
        let points = snapshot.pain.flatMap(\.points).sorted { $0.takenAt < $1.takenAt }
        XCTAssertEqual(points.map(\.takenAt), checkIns.map(\.takenAt))
        XCTAssertEqual(points.map(\.aboveBuffer), [false, true, false])
        XCTAssertEqual(snapshot.pain.first { $0.moment == .afterRun }?.points.map(\.score), [6])

        let weeks = snapshot.weeklyVolume.filter { $0.runs > 0 }
        XCTAssertEqual(weeks.map(\.distanceM), [3200])
        XCTAssertEqual(snapshot.cadence.count, 1)
        let cadence = try XCTUnwrap(snapshot.cadence.first)
        XCTAssertEqual(cadence.runId, run.id)
        XCTAssertEqual(cadence.date, "2026-11-21")
        XCTAssertEqual(cadence.gapSpm, -3.5, accuracy: 1e-9)
        XCTAssertLessThan(snapshot.recommendedMinSpm, snapshot.recommendedMaxSpm)
        XCTAssertEqual(snapshot.milestones.map(\.milestone), [.steadierKnees, .deeperProtection])
        XCTAssertEqual(snapshot.improvement, .notEnoughData)

        XCTAssertThrowsError(try store.progress(today: "22/11/2026")) { error in
            guard case let StoreError.InvalidDate(message) = error else { return XCTFail("got \(error)") }
            XCTAssertTrue(message.hasPrefix("today: "), message)
        }
    }

    func testBadRecordsAreRefusedNamingTheField() throws {
        let store = try RecordStore.open(dir: dataDir.path)
        var badTime = checkIns[0]
        badTime.takenAt = "22/11/2026"
        XCTAssertThrowsError(try store.addCheckIn(checkIn: badTime)) { error in
            guard case let StoreError.InvalidDate(message) = error else { return XCTFail("got \(error)") }
            XCTAssertTrue(message.hasPrefix("taken_at: "), message)
        }
        // Article 002 (issue 18, finding 5): a check-in reports pain already felt.
        var ahead = checkIns[0]
        ahead.takenAt = "2031-06-01T08:00:00+02:00"
        XCTAssertThrowsError(try store.addCheckIn(checkIn: ahead)) { error in
            guard case let StoreError.Invalid(detail) = error else { return XCTFail("got \(error)") }
            XCTAssertTrue(detail.hasPrefix("taken_at: 2031-06-01T08:00:00 is ahead of now"), detail)
        }
        var badScore = checkIns[0]
        badScore.score = 12
        XCTAssertThrowsError(try store.addCheckIn(checkIn: badScore)) { error in
            guard case let StoreError.Invalid(detail) = error else { return XCTFail("got \(error)") }
            XCTAssertTrue(detail.hasPrefix("score"), detail)
        }
        var badRun = run
        badRun.durationS = 0
        XCTAssertThrowsError(try store.addRun(run: badRun)) { error in
            guard case let StoreError.Invalid(detail) = error else { return XCTFail("got \(error)") }
            XCTAssertTrue(detail.contains("duration_s"), detail)
        }
        XCTAssertEqual(try store.checkIns(), [])
        XCTAssertEqual(try store.runs(), [])
    }

    func testCheckInsFromSeveralThreadsAreAllKept() throws {
        do {
            let store = try RecordStore.open(dir: dataDir.path)
            let failures = NSLock()
            var errors: [Error] = []
            DispatchQueue.concurrentPerform(iterations: 4) { t in
                for i in 0..<25 {
                    let checkIn = CheckIn(
                        takenAt: String(format: "2026-11-2%dT07:%02d:00", t, i), score: Int64(i % 11),
                        moment: .nextMorning, quality: nil, location: nil, redFlags: []
                    )
                    do { try store.addCheckIn(checkIn: checkIn) } catch {
                        failures.lock(); errors.append(error); failures.unlock()
                    }
                }
            }
            XCTAssertTrue(errors.isEmpty, "\(errors)")
            XCTAssertEqual(try store.checkIns().count, 100)
        }
        let store = try RecordStore.open(dir: dataDir.path)
        XCTAssertEqual(store.warnings(), [])
        let byDay = Dictionary(grouping: try store.checkIns(), by: { String($0.takenAt.prefix(10)) }).mapValues(\.count)
        XCTAssertEqual(byDay, ["2026-11-20": 25, "2026-11-21": 25, "2026-11-22": 25, "2026-11-23": 25])
    }

    func testABackupMovesTheRecordToAnotherFolder() throws {
        try writeRecord()
        let backup = try RecordStore.open(dir: dataDir.path).exportBackup()
        let restored = try RecordStore.open(dir: root.appendingPathComponent("restored").path)
        XCTAssertEqual(try restored.importBackup(backup: backup), [], "nothing set aside")
        XCTAssertEqual(try restored.checkIns(), checkIns)
        XCTAssertEqual(try restored.runs(), [run])
    }
}
