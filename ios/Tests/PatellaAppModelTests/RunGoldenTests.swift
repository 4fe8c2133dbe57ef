// The Run screen against its golden file (bindings/tests/screens_run.rs):
// the same scripted run driven through the real library, every RunScreen
// record, the timeline and every emitted cue compared field by field, and
// the Run model's state checked against each moment of the file.
import Foundation
import Patella
@testable import PatellaAppModel
import XCTest

final class RunCollector: RunObserver, @unchecked Sendable {
    private let lock = NSLock()
    private var seen: [RunEvent] = []
    func onEvent(event: RunEvent) { lock.lock(); seen.append(event); lock.unlock() }
    var events: [RunEvent] { lock.lock(); defer { lock.unlock() }; return seen }
}

/// The golden run's plan: warm-up, run, walk, run, cool-down, at 170 steps/min.
let goldenRunPlan = RunPlan(
    segments: [
        RunSegment(kind: .warmUp, durationS: 60), RunSegment(kind: .run, durationS: 90),
        RunSegment(kind: .walk, durationS: 60), RunSegment(kind: .run, durationS: 90),
        RunSegment(kind: .coolDown, durationS: 60),
    ],
    cadenceTargetSpm: 170)

/// In the band in the first run, slow in the second; no reading at 200 s.
func goldenCadence(atSecond t: UInt64) -> Double? {
    guard t > 60, t != 200 else { return nil }
    return t <= 150 ? 171 : 150
}

final class RunGoldenTests: XCTestCase {
    private func sample(_ atMs: UInt64, _ spm: Double) -> RunSample {
        RunSample(atMs: atMs, sourceId: "phone", cadence: spm, unit: .stepsPerMinute, speedMps: 2.8,
                  strideLengthM: nil, gait: nil)
    }

    /// `screens_run.rs`'s `scripted_run`, through the Swift bindings.
    private func scriptedRun() throws -> (moments: [(String, RunScreen)], timeline: [RunTimelineEntry], events: [RunEvent]) {
        let observer = RunCollector()
        let session = try RunSession(plan: goldenRunPlan, settings: nil, observer: observer)
        var moments: [(String, RunScreen)] = []
        moments.append(("ready", try session.snapshot(nowMs: 0)))
        try session.start(nowMs: 0)
        try session.reportSensorLink(sourceId: "pod", link: .connected, nowMs: 0)
        try session.reportSensorBattery(sourceId: "pod", percent: 18, nowMs: 0)
        var timeline: [RunTimelineEntry] = []
        for t in UInt64(1)...260 {
            let at = t * 1_000
            if let spm = goldenCadence(atSecond: t) { try session.pushSample(sample: sample(at, spm)) }
            try session.tick(nowMs: at)
            switch t {
            case 30: moments.append(("warm_up", try session.snapshot(nowMs: at)))
            case 100:
                moments.append(("run_in_band", try session.snapshot(nowMs: at)))
                timeline = try session.timeline(nowMs: at)
            case 151: moments.append(("check_in_asked", try session.snapshot(nowMs: at)))
            case 152:
                try session.checkIn(nowMs: at, checkin: CheckIn(
                    takenAt: "2026-11-30T07:32:00", score: 3, moment: .duringRun, quality: nil, location: nil,
                    redFlags: []))
                moments.append(("check_in_answered", try session.snapshot(nowMs: at)))
            case 200:
                try session.reportSensorLink(sourceId: "pod", link: .silent, nowMs: at)
                try session.pause(nowMs: at)
                moments.append(("paused", try session.snapshot(nowMs: at)))
                try session.resume(nowMs: at)
            case 245: moments.append(("second_run_below_band", try session.snapshot(nowMs: at)))
            default: break
            }
        }
        try session.stop(nowMs: 260_500)
        moments.append(("stopped", try session.snapshot(nowMs: 261_000)))
        XCTAssertTrue(session.flushEvents(timeoutMs: 10_000))
        return (moments, timeline, observer.events)
    }

    func testTheRunScreensTimelineAndCuesMatchTheGoldenFileFieldByField() throws {
        let golden = try Golden.load("run")
        let run = try scriptedRun()
        XCTAssertEqual(run.moments.map(\.0), golden["moments"].array.compactMap { $0["what"].string })
        for ((what, screen), g) in zip(run.moments, golden["moments"].array) {
            Golden.assertMatches(screen, g["screen"], "the Run screen at \(what)")
        }
        Golden.assertMatches(run.timeline, golden["timeline_at_100s"], "the timeline at 100 s")
        let cues = run.events.map { e -> JSONValue in
            .object(["at_ms": .number(Double(e.atMs)), "name": .string(e.name), "cue": Golden.encode(e.cue)])
        }
        XCTAssertEqual(Golden.differences(golden["cues"], .array(cues)), [])
    }

    @MainActor
    func testTheRunModelShowsEachGoldenMoment() async throws {
        let golden = try Golden.load("run")
        let run = try scriptedRun()
        for ((what, screen), g) in zip(run.moments, golden["moments"].array) {
            let model = RunModel()
            model.show(screen)
            let s = model.state, gs = g["screen"]
            XCTAssertEqual(s.statusLabel, gs["status_label"].string, what)
            XCTAssertEqual(s.segmentLabel, gs["current"]["label"].string, what)
            XCTAssertEqual(s.segmentDurationLabel, gs["current"]["duration_label"].string, what)
            XCTAssertEqual(s.nextLabel, gs["next"]["label"].string, what)
            XCTAssertEqual(s.countdownLabel, gs["countdown_label"].string, what)
            XCTAssertEqual(s.elapsedLabel, gs["elapsed_label"].string, what)
            XCTAssertEqual(s.remainingLabel, gs["remaining_label"].string, what)
            let c = gs["cadence"]
            XCTAssertEqual(s.cadenceLabel, c["label"].string, what)
            XCTAssertEqual(s.cadenceZoneLabel, c["zone_label"].string, what)
            XCTAssertEqual(s.bandLabel, c["band_label"].string, what)
            let tones: [String: CadenceTone] = ["below_band": .low, "in_band": .inBand, "above_band": .high]
            XCTAssertEqual(s.cadenceTone, c["zone"].string.flatMap { tones[$0] } ?? .neutral, what)
            XCTAssertEqual(s.gauge?.value, c["spm"].number, what)
            if s.gauge != nil {
                XCTAssertEqual(s.gauge?.low, c["band_low_spm"].number, what)
                XCTAssertEqual(s.gauge?.high, c["band_high_spm"].number, what)
            }
            XCTAssertEqual(s.walkingLabel, gs["walking_in_run_label"].string, what)
            XCTAssertEqual(s.sensorLabel, gs["sensor"]["label"].string, what)
            XCTAssertEqual(s.batteryLabel, gs["sensor"]["battery_label"].string, what)
            XCTAssertEqual(s.batteryLow, gs["sensor"]["battery_low"].bool, what)
            XCTAssertEqual(s.checkInQuestion, gs["check_in_prompt"]["question"].string, what)
            XCTAssertEqual(s.assessmentAdvice, gs["last_assessment"]["advice"].string, what)
            XCTAssertEqual(s.stopLabel, gs["stop_label"].string, what)
            XCTAssertEqual(s.strip.map(\.doneFraction), gs["strip"].array.compactMap { $0["done_fraction"].number }, what)
            XCTAssertEqual(s.strip.map(\.isCurrent), gs["strip"].array.map { $0["state"].string == "current" }, what)
            let kinds: [String: StripKind] = ["warm_up": .warmUp, "run": .run, "walk": .walk, "cool_down": .coolDown]
            XCTAssertEqual(s.strip.map(\.kind), gs["strip"].array.compactMap { $0["kind"].string.flatMap { kinds[$0] } }, what)
            let b = gs["buttons"]
            XCTAssertEqual([s.canStart, s.canPause, s.canResume, s.canStop, s.canCheckIn],
                           ["start", "pause", "resume", "stop", "check_in"].compactMap { b[$0].bool }, what)
            XCTAssertEqual(s.metronomePlaying, gs["metronome"]["playing"].bool, what)
        }
    }
}
