import XCTest
@testable import Patella

/// The Run screen record, the cues and the timeline through the real Rust
/// library: the app only reads display-ready values and delivery flags.
final class RunScreenTests: XCTestCase {
    private final class Recorder: RunObserver, @unchecked Sendable {
        private let lock = NSLock()
        private var seen: [RunEvent] = []
        func onEvent(event: RunEvent) { lock.lock(); seen.append(event); lock.unlock() }
        var events: [RunEvent] { lock.lock(); defer { lock.unlock() }; return seen }
    }

    private let plan = RunPlan(
        segments: [
            RunSegment(kind: .warmUp, durationS: 60),
            RunSegment(kind: .run, durationS: 90),
            RunSegment(kind: .walk, durationS: 60),
        ],
        cadenceTargetSpm: 170
    )

    private func sample(_ atMs: UInt64, _ cadence: Double) -> RunSample {
        RunSample(atMs: atMs, sourceId: "phone-pedometer", cadence: cadence, unit: .stepsPerMinute,
                  speedMps: nil, strideLengthM: nil, gait: nil)
    }

    func testTheRunScreenCarriesLabelsZoneStripAndButtons() throws {
        let session = try RunSession(plan: plan, settings: nil, observer: Recorder())
        let ready = try session.snapshot(nowMs: 0)
        XCTAssertTrue(ready.buttons.start)
        XCTAssertFalse(ready.buttons.pause)
        XCTAssertEqual(ready.sensor.label, "No sensor")
        try session.start(nowMs: 0)
        for second in UInt64(1)...75 {
            try session.pushSample(sample: sample(second * 1_000, 171))
            try session.tick(nowMs: second * 1_000)
        }
        let screen = try session.snapshot(nowMs: 75_000)
        XCTAssertEqual(screen.statusLabel, "Running")
        XCTAssertEqual(screen.current?.label, "Run")
        XCTAssertEqual(screen.next?.label, "Walk")
        XCTAssertEqual(screen.countdownLabel, "1:15")
        XCTAssertEqual(screen.cadence.label, "171 steps/min")
        XCTAssertEqual(screen.cadence.zone, .inBand)
        XCTAssertEqual(screen.strip.map(\.state), [.done, .current, .upcoming])
        XCTAssertTrue(screen.buttons.pause && screen.buttons.stop && screen.buttons.checkIn)
        XCTAssertNil(screen.checkInPrompt)
    }

    // Article 002: the knee is checked when a run segment ends.
    func testAPromptShowsUntilTheCheckInAnswersIt() throws {
        let session = try RunSession(plan: plan, settings: nil, observer: Recorder())
        try session.start(nowMs: 0)
        try session.tick(nowMs: 151_000)
        XCTAssertEqual(try session.snapshot(nowMs: 151_000).checkInPrompt?.reason, .afterRunSegment)
        try session.checkIn(nowMs: 152_000, checkin: CheckIn(
            takenAt: "2026-11-30T07:40", score: 3, moment: .duringRun, quality: nil, location: nil, redFlags: []))
        let answered = try session.snapshot(nowMs: 152_000)
        XCTAssertNil(answered.checkInPrompt)
        XCTAssertEqual(answered.lastAssessment?.zone, .withinBuffer)
        try session.stop(nowMs: 153_000)
        let stopped = try session.snapshot(nowMs: 153_000)
        XCTAssertEqual(stopped.stopReason, .user)
        XCTAssertFalse(stopped.buttons.stop)
    }

    func testEveryEventCarriesItsCueAndTheTimelineMatchesWhatHappens() throws {
        let recorder = Recorder()
        let session = try RunSession(plan: plan, settings: nil, observer: recorder)
        try session.start(nowMs: 0)
        let timeline = try session.timeline(nowMs: 0)
        XCTAssertEqual(timeline.map(\.label), ["Run", "Walk", "Finish"])
        XCTAssertEqual(timeline.map(\.atMs), [60_000, 150_000, 210_000])
        for second in UInt64(1)...210 { try session.tick(nowMs: second * 1_000) }
        XCTAssertTrue(session.flushEvents(timeoutMs: 5_000))
        let events = recorder.events
        XCTAssertTrue(events.allSatisfy { !$0.cue.text.isEmpty })
        let started = Array(events.filter { $0.name == "segment_started" }.dropFirst())
        XCTAssertEqual(started.map(\.cue), timeline.prefix(2).map(\.cue))
        XCTAssertTrue(started.allSatisfy { $0.cue.reachLockedPhone && $0.cue.speak })
        XCTAssertEqual(events.first { $0.name == "session_complete" }?.cue, timeline.last?.cue)
    }

    func testSensorEventsHaveCuesFromTheCore() {
        let off = sensorStateCue(state: .bluetoothOff)
        XCTAssertEqual(off.urgency, .warning)
        XCTAssertTrue(off.reachLockedPhone)
        XCTAssertFalse(sensorStateCue(state: .connected).speak)
        XCTAssertEqual(sensorBatteryCue(percent: 10).urgency, .nudge)
        XCTAssertTrue(sensorWarningCue(warning: .lowBattery(percent: 10)).text.contains("10%"))
    }
}
