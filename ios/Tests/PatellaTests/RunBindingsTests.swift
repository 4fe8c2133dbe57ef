import Foundation
import XCTest
@testable import Patella

/// The live run session through the real Rust library: a plan in, a 1 Hz
/// tick and pedometer readings, pause and resume, live check-ins, snapshots,
/// and events with their data and cue reaching a Swift observer.
final class RunBindingsTests: XCTestCase {
    /// Keeps every event. The session calls it on its own delivery thread, so
    /// a test flushes (`flushEvents`) before it reads what arrived.
    final class Recorder: RunObserver, @unchecked Sendable {
        private let lock = NSLock()
        private var seen: [RunEvent] = []
        func onEvent(event: RunEvent) {
            lock.lock()
            seen.append(event)
            lock.unlock()
        }
        var events: [RunEvent] {
            lock.lock()
            defer { lock.unlock() }
            return seen
        }
        var names: [String] { events.map(\.name) }
    }

    private func plan(target: Double? = 170) -> RunPlan {
        RunPlan(
            segments: [
                RunSegment(kind: .warmUp, durationS: 30),
                RunSegment(kind: .run, durationS: 300),
                RunSegment(kind: .coolDown, durationS: 30),
            ],
            cadenceTargetSpm: target
        )
    }

    private func sample(_ atMs: UInt64, _ cadence: Double) -> RunSample {
        RunSample(
            atMs: atMs, sourceId: "phone-pedometer", cadence: cadence, unit: .stepsPerMinute,
            speedMps: nil, strideLengthM: nil, gait: nil
        )
    }

    private func checkIn(_ score: Int64, sharp: Bool = false, at takenAt: String = "2026-11-22T07:40:00") -> CheckIn {
        CheckIn(takenAt: takenAt, score: score, moment: .duringRun, quality: sharp ? .sharp : nil, location: nil, redFlags: [])
    }

    // Source: articles 002 and 004 (cadence: a slightly quicker step eases the
    // knee). A sustained low cadence in a run segment gives one cue, after the
    // dwell and the segment's start grace, never during the warm-up.
    func testASustainedLowCadenceInTheRunSegmentGivesOneCueWithItsNumbers() throws {
        let recorder = Recorder()
        let session = try RunSession(plan: plan(), settings: nil, observer: recorder)
        try session.start(nowMs: 0)
        var sawBelowBand = false
        for second in UInt64(1)...360 {
            try session.pushSample(sample: sample(second * 1_000, second > 30 ? 150 : 170))
            try session.tick(nowMs: second * 1_000)
            if try session.snapshot(nowMs: second * 1_000).cadence.zone == .belowBand {
                sawBelowBand = true
            }
        }
        XCTAssertTrue(sawBelowBand, "the view never showed the cadence below the band")
        XCTAssertEqual(try session.snapshot(nowMs: 360_000).status, .complete)
        XCTAssertTrue(session.flushEvents(timeoutMs: 5_000))

        let names = recorder.names
        XCTAssertEqual(names.first, "session_started")
        XCTAssertEqual(names.last, "session_complete")
        XCTAssertEqual(names.filter { $0 == "cadence_low" }.count, 1, "\(names)")
        let low = try XCTUnwrap(recorder.events.first { $0.name == "cadence_low" })
        guard case let .cadenceLow(cadenceSpm, targetSpm, bandLowSpm, belowForMs) = low.kind else {
            return XCTFail("expected cadenceLow, got \(low.kind)")
        }
        XCTAssertEqual(targetSpm, 170)
        XCTAssertLessThan(cadenceSpm, bandLowSpm)
        XCTAssertGreaterThanOrEqual(belowForMs, 15_000)
        // Not in the warm-up (0-30 s): the dwell runs inside the run segment.
        XCTAssertGreaterThanOrEqual(low.atMs, 45_000)
        XCTAssertFalse(low.cue.text.isEmpty, "a cadence alert carries a cue")
        XCTAssertTrue(low.cue.speak, "a cadence alert is spoken")
        XCTAssertEqual(low.cue.urgency, .nudge)
        let segments: [RunSegmentKind] = recorder.events.compactMap {
            if case let .segmentStarted(_, segment, _, _) = $0.kind { return segment }
            return nil
        }
        XCTAssertEqual(segments, [.warmUp, .run, .coolDown])
        let times = recorder.events.map(\.atMs)
        XCTAssertEqual(times, times.sorted(), "events out of order")
    }

    func testPauseAndResumeShowInTheViewAndTheEvents() throws {
        let recorder = Recorder()
        let session = try RunSession(plan: plan(), settings: nil, observer: recorder)
        XCTAssertEqual(try session.snapshot(nowMs: 0).status, .notStarted)
        try session.start(nowMs: 0)
        try session.tick(nowMs: 40_000)
        let running = try session.snapshot(nowMs: 40_000)
        XCTAssertEqual(running.status, .running)
        XCTAssertEqual(running.current?.kind, .run)
        XCTAssertEqual(running.current?.index, 1)
        XCTAssertEqual(running.totalMs, 360_000)
        try session.pause(nowMs: 40_000)
        try session.tick(nowMs: 100_000)
        let paused = try session.snapshot(nowMs: 100_000)
        XCTAssertEqual(paused.status, .paused)
        XCTAssertEqual(paused.elapsedMs, 40_000, "paused time does not count")
        try session.resume(nowMs: 100_000)
        XCTAssertEqual(try session.snapshot(nowMs: 100_000).status, .running)
        XCTAssertTrue(session.flushEvents(timeoutMs: 5_000))
        XCTAssertTrue(recorder.events.contains { $0.kind == .paused(elapsedMs: 40_000) })
        XCTAssertTrue(recorder.events.contains { $0.kind == .resumed(pausedForMs: 60_000) })
    }

    // Source: article 002 (pain buffer zone): a score above the zone during a
    // run scales back, which by default turns the rest of the run to walking.
    func testACheckInAboveTheZoneSwitchesTheRunToWalking() throws {
        let recorder = Recorder()
        let session = try RunSession(plan: plan(), settings: nil, observer: recorder)
        try session.start(nowMs: 0)
        try session.tick(nowMs: 60_000)
        try session.checkIn(nowMs: 60_000, checkin: checkIn(7))
        XCTAssertTrue(session.flushEvents(timeoutMs: 5_000))
        let kinds = recorder.events.map(\.kind)
        XCTAssertTrue(kinds.contains(.checkInAssessed(score: 7, zone: .aboveBuffer, action: .scaleBack)), "\(kinds)")
        let changed: [UInt32] = kinds.compactMap {
            if case let .switchedToWalking(n) = $0 { return n }
            return nil
        }
        XCTAssertEqual(changed.count, 1)
        XCTAssertGreaterThanOrEqual(changed.first ?? 0, 1)
    }

    // Source: article 002 (sharp pain means stop), with the runner's settings applied.
    func testASharpCheckInStopsTheRunAndSettingsApply() throws {
        let recorder = Recorder()
        let settings = RunSettings(
            metronome: .always, alertAboveBand: true, endRunOnPainAboveZone: true,
            checkInEveryMin: nil, minSecondsBetweenCues: 30
        )
        let session = try RunSession(plan: plan(), settings: settings, observer: recorder)
        try session.start(nowMs: 0)
        try session.tick(nowMs: 40_000)
        let view = try session.snapshot(nowMs: 40_000)
        XCTAssertEqual(view.metronome.mode, .always)
        XCTAssertTrue(view.metronome.playing)
        XCTAssertNotNil(view.metronome.intervalMs)
        try session.checkIn(nowMs: 41_000, checkin: checkIn(2, sharp: true))
        XCTAssertEqual(try session.snapshot(nowMs: 41_000).status, .stopped)
        XCTAssertTrue(session.flushEvents(timeoutMs: 5_000))
        XCTAssertTrue(recorder.events.contains {
            if case .sessionStopped(reason: .painStop, _) = $0.kind { return true }
            return false
        })
    }

    func testBadInputIsATypedErrorWithItsFields() throws {
        XCTAssertThrowsError(try RunSession(plan: RunPlan(segments: [], cadenceTargetSpm: nil), settings: nil, observer: Recorder())) { error in
            guard case let RunSessionError.InvalidPlan(detail) = error else {
                return XCTFail("expected InvalidPlan, got \(error)")
            }
            XCTAssertTrue(detail.contains("segments"), detail)
        }
        let session = try RunSession(plan: plan(), settings: nil, observer: Recorder())
        try session.start(nowMs: 0)
        try session.tick(nowMs: 10_000)
        // A stale clock read is taken at the session's time, not refused (issue 10).
        try session.tick(nowMs: 5_000)
        XCTAssertEqual(try session.snapshot(nowMs: 10_000).elapsedMs, 10_000)
        // A reading a day ahead is refused and moves nothing.
        XCTAssertThrowsError(try session.pushSample(sample: sample(86_400_000, 170))) { error in
            guard case let RunSessionError.InvalidInput(detail) = error else {
                return XCTFail("expected InvalidInput, got \(error)")
            }
            XCTAssertTrue(detail.contains("ahead"), detail)
        }
        XCTAssertThrowsError(try session.checkIn(nowMs: 11_000, checkin: checkIn(3, at: "22/11/2026"))) { error in
            XCTAssertEqual(error as? RunSessionError, .InvalidDate(message: "taken_at: '22/11/2026' is not an ISO-8601 date or date and time (e.g. 2026-11-22T07:30:00)"))
        }
        XCTAssertThrowsError(try session.checkIn(nowMs: 11_000, checkin: checkIn(12))) { error in
            guard case let RunSessionError.InvalidInput(detail) = error else {
                return XCTFail("expected InvalidInput, got \(error)")
            }
            XCTAssertTrue(detail.contains("score"), detail)
        }
        XCTAssertThrowsError(try session.pushSample(sample: sample(11_000, .nan))) { error in
            guard case let RunSessionError.InvalidInput(detail) = error else {
                return XCTFail("expected InvalidInput, got \(error)")
            }
            XCTAssertTrue(detail.contains("cadence"), detail)
        }
        // The session still works after refusing input.
        try session.tick(nowMs: 12_000)
        XCTAssertEqual(try session.snapshot(nowMs: 12_000).elapsedMs, 12_000)
    }

    // Issue 9, article 002's 165-180 aim: a target outside 150-190 needs the override.
    func testAnUnusualCadenceTargetNeedsTheOverride() throws {
        XCTAssertThrowsError(try RunSession(plan: plan(target: 140), settings: nil, observer: Recorder())) { error in
            guard case let RunSessionError.InvalidPlan(detail) = error else {
                return XCTFail("expected InvalidPlan, got \(error)")
            }
            XCTAssertTrue(detail.contains("outside the usual"), detail)
        }
        let settings = RunSettings(
            metronome: .nudge, alertAboveBand: false, endRunOnPainAboveZone: false,
            checkInEveryMin: nil, minSecondsBetweenCues: 60, allowUnusualTarget: true
        )
        let session = try RunSession(plan: plan(target: 140), settings: settings, observer: Recorder())
        try session.start(nowMs: 0)
        XCTAssertEqual(try session.snapshot(nowMs: 0).cadence.targetSpm, 140)
    }

    func testSessionsAreReleasedWithoutCrashing() throws {
        for _ in 0..<200 {
            let session = try RunSession(plan: plan(), settings: nil, observer: Recorder())
            try session.start(nowMs: 0)
            try session.pushSample(sample: sample(1_000, 168))
        }
        weak var released: RunSession?
        do {
            let session = try RunSession(plan: plan(), settings: nil, observer: Recorder())
            released = session
            try session.start(nowMs: 0)
        }
        XCTAssertNil(released, "the session outlived its last reference")
    }
}
