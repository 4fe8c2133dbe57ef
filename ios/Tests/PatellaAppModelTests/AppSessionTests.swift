// The app session's lifecycle against the real library, with fake ports:
// a scripted run heard, felt and notified as the golden cues say; a run
// killed mid-way and brought back; and nothing at all after close.
import Foundation
import Patella
@testable import PatellaAppModel
import XCTest

final class AppSessionTests: XCTestCase {
    /// Drives the golden run (screens_run.rs) through the session and its
    /// models, as the runner and the 1 Hz timer would, with fake time.
    @MainActor
    private func driveGoldenRun(_ session: AppSession, _ fakes: FakePorts) async throws {
        let clock = fakes.clock
        session.startRun(plan: goldenRunPlan, settings: nil)
        XCTAssertTrue(session.run.isActive)
        XCTAssertTrue(session.run.state.canStart)
        clock.ms = 0
        session.run.start()
        for t in UInt64(1)...260 {
            clock.ms = t * 1_000
            if let spm = goldenCadence(atSecond: t) { session.pushPedometer(stepsPerMinute: spm) }
            session.tick()
            switch t {
            case 151:
                let asked = await eventually { session.checkInMoment == .duringRun }
                XCTAssertTrue(asked, "the check-in prompt opened the Check-in sheet")
            case 152:
                let three = try XCTUnwrap(session.checkIn.state.scale.first { $0.id == 3 })
                session.checkIn.pick(score: three)
                session.checkIn.submit()
                XCTAssertNotNil(session.checkIn.state.advice)
                session.closeCheckIn()
            case 246:
                // A second apart, the slow cadence's cue has started the metronome.
                let beating = await eventually { fakes.metronome.intervalMs == 353 }
                XCTAssertTrue(beating, "the metronome plays at the target's beat while slow")
            case 200:
                session.run.pause()
                XCTAssertTrue(session.run.state.canResume)
                session.run.resume()
            default: break
            }
        }
        clock.ms = 260_500
        session.run.stop()
    }

    @MainActor
    func testAScriptedRunIsSpokenFeltAndNotifiedAsTheGoldenCuesSay() async throws {
        let folder = TempFolder()
        defer { folder.remove() }
        do { _ = try scriptedDay(in: folder.path) }
        let fakes = FakePorts()
        let session = AppSession(dataDirectory: folder.path, ports: fakes.ports, cadenceSource: .pedometerOnly)
        try session.open()
        defer { session.close() }
        session.appInFront = false // the phone is locked in a pocket
        try await driveGoldenRun(session, fakes)

        let cues = try Golden.load("run")["cues"].array.map { $0["cue"] }
        let spoken = cues.filter { $0["speak"].bool == true }.compactMap { $0["text"].string }
        let felt: [HapticPattern] = cues.compactMap {
            switch $0["urgency"].string {
            case "nudge": return .tap
            case "warning": return .doubleTap
            case "stop": return .longBuzz
            default: return nil
            }
        }
        let notified = cues.filter { $0["reach_locked_phone"].bool == true }.compactMap { $0["text"].string }
        let allHeard = await eventually { fakes.speaker.spoken.count >= spoken.count }
        XCTAssertTrue(allHeard)
        XCTAssertEqual(fakes.speaker.spoken, spoken)
        XCTAssertEqual(fakes.haptics.played, felt)
        XCTAssertEqual(fakes.notifier.posted.map(\.body), notified)
        XCTAssertEqual(fakes.metronome.changes.first, 353, "the metronome starts at the target's beat when slow")
        let quiet = await eventually { fakes.metronome.intervalMs == nil }
        XCTAssertTrue(quiet, "and is stopped when the run ends")
        XCTAssertFalse(session.run.isActive)
        XCTAssertNil(session.run.state.errorMessage)
        XCTAssertEqual(session.run.state.stopLabel, try Golden.load("run")["moments"][7]["screen"]["stop_label"].string)
    }

    @MainActor
    func testWithTheAppInFrontAndVoiceCuesOffNothingIsSpokenOrNotified() async throws {
        let folder = TempFolder()
        defer { folder.remove() }
        do { _ = try scriptedDay(in: folder.path) }
        let fakes = FakePorts()
        let session = AppSession(dataDirectory: folder.path, ports: fakes.ports, cadenceSource: .pedometerOnly)
        try session.open()
        defer { session.close() }
        session.settings.setVoiceCues(false)
        XCTAssertFalse(session.settings.state.voiceCues)
        try await driveGoldenRun(session, fakes)
        let cues = try Golden.load("run")["cues"].array.map { $0["cue"] }
        let expectedHaptics = cues.filter { $0["urgency"].string != "info" }.count
        let allFelt = await eventually { fakes.haptics.played.count >= expectedHaptics }
        XCTAssertTrue(allFelt)
        XCTAssertEqual(fakes.speaker.spoken, [])
        XCTAssertEqual(fakes.notifier.posted, [])
    }

    @MainActor
    func testARunKilledMidwayIsOfferedBackAndKeptOnce() async throws {
        let folder = TempFolder()
        defer { folder.remove() }
        do { _ = try scriptedDay(in: folder.path) }
        weak var killed: AppSession?
        do {
            let fakes = FakePorts()
            let first = AppSession(dataDirectory: folder.path, ports: fakes.ports, cadenceSource: .pedometerOnly)
            try first.open()
            XCTAssertFalse(first.today.state.canResumeRun)
            first.startRun(plan: goldenRunPlan, settings: nil)
            first.run.start()
            for t in UInt64(1)...95 {
                fakes.clock.ms = t * 1_000
                if let spm = goldenCadence(atSecond: t) { first.pushPedometer(stepsPerMinute: spm) }
                first.tick()
            }
            killed = first
            // The system kills the app: no close, no finish.
        }
        let gone = await eventually { killed == nil }
        XCTAssertTrue(gone, "nothing keeps a killed session alive")

        let fakes = FakePorts()
        fakes.clock.ms = 9_000_000
        let session = AppSession(dataDirectory: folder.path, ports: fakes.ports, cadenceSource: .pedometerOnly)
        try session.open()
        XCTAssertTrue(session.today.state.canResumeRun)
        session.today.resumeRun()
        XCTAssertTrue(session.run.isActive)
        XCTAssertFalse(session.today.state.canResumeRun, "offered once")
        XCTAssertTrue(session.run.state.canResume)
        XCTAssertEqual(session.run.state.segmentLabel, "Run", "back in the first run segment")
        session.run.resume()
        for t in UInt64(1)...20 {
            fakes.clock.ms = 9_000_000 + t * 1_000
            session.pushPedometer(stepsPerMinute: 171)
            session.tick()
        }
        session.run.stop()
        XCTAssertNil(session.run.state.errorMessage)
        XCTAssertFalse(session.run.isActive)
        session.close()

        let store = try RecordStore.open(dir: folder.path)
        XCTAssertEqual(try keptRunCount(store), 2, "the scripted day's run and the resumed one")
        XCTAssertNil(try unfinishedRun(store: store))
    }

    @MainActor
    func testANewRunAfterAKillKeepsTheKilledRunAsItStood() async throws {
        let folder = TempFolder()
        defer { folder.remove() }
        do { _ = try scriptedDay(in: folder.path) }
        weak var killed: AppSession?
        do {
            let fakes = FakePorts()
            let first = AppSession(dataDirectory: folder.path, ports: fakes.ports, cadenceSource: .pedometerOnly)
            try first.open()
            first.startRun(plan: goldenRunPlan, settings: nil)
            first.run.start()
            for t in UInt64(1)...95 {
                fakes.clock.ms = t * 1_000
                if let spm = goldenCadence(atSecond: t) { first.pushPedometer(stepsPerMinute: spm) }
                first.tick()
            }
            killed = first
        }
        let gone = await eventually { killed == nil }
        XCTAssertTrue(gone, "nothing keeps a killed session alive")

        let fakes = FakePorts()
        fakes.clock.ms = 9_000_000
        let session = AppSession(dataDirectory: folder.path, ports: fakes.ports, cadenceSource: .pedometerOnly)
        try session.open()
        XCTAssertTrue(session.today.state.canResumeRun)
        // The runner starts afresh instead of resuming.
        session.startRun(plan: goldenRunPlan, settings: nil)
        XCTAssertNil(session.run.state.errorMessage)
        XCTAssertTrue(session.run.isActive)
        session.run.start()
        for t in UInt64(1)...12 {
            fakes.clock.ms = 9_000_000 + t * 1_000
            session.tick()
        }
        session.close()

        let store = try RecordStore.open(dir: folder.path)
        XCTAssertEqual(try keptRunCount(store), 2, "the scripted day's run and the killed one, kept as it stood")
        XCTAssertNotNil(try unfinishedRun(store: store), "the new run keeps itself")
    }

    @MainActor
    func testAfterCloseNothingReachesThePortsOrTheModelsAndTheRecordIsFree() async throws {
        let folder = TempFolder()
        defer { folder.remove() }
        do { _ = try scriptedDay(in: folder.path) }
        let fakes = FakePorts()
        let session = AppSession(dataDirectory: folder.path, ports: fakes.ports, cadenceSource: .appPushed(sourceId: "pod"))
        try session.open()
        XCTAssertTrue(session.isOpen)
        session.startRun(plan: goldenRunPlan, settings: nil)
        session.run.start()
        // Events are queued for the main actor but not yet handed on...
        for t in UInt64(1)...70 {
            fakes.clock.ms = t * 1_000
            session.tick()
        }
        let before = (fakes.speaker.spoken, fakes.haptics.played, session.run.state)
        session.close()
        XCTAssertFalse(session.isOpen)
        // ...and after close none of them is, nor anything pushed later.
        session.tick()
        session.pushPedometer(stepsPerMinute: 170)
        session.pushRawBattery([40])
        try await Task.sleep(nanoseconds: 300_000_000)
        XCTAssertEqual(fakes.speaker.spoken, before.0)
        XCTAssertEqual(fakes.haptics.played, before.1)
        XCTAssertEqual(session.run.state.countdownLabel, before.2.countdownLabel)
        XCTAssertGreaterThan(fakes.speaker.silenced, 0)
        XCTAssertNotNil(try RecordStore.open(dir: folder.path), "the record is released")
    }
}

/// How many runs the record keeps, read from its backup (the apps see runs
/// only through the screens).
func keptRunCount(_ store: RecordStore) throws -> Int {
    let data = Data(try store.exportBackup().utf8)
    let backup = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let records = try XCTUnwrap(backup["records"] as? [String: Any])
    return try XCTUnwrap(records["runs"] as? [[String: Any]]).count
}
