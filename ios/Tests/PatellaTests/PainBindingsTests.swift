import Foundation
import XCTest
@testable import Patella

/// The pain buffer zone through the real Rust library: records, enums with
/// data, optionals, lists, typed errors, an object, and an observer called
/// from a Rust thread.
final class PainBindingsTests: XCTestCase {
    private func checkIn(
        _ score: Int64,
        moment: CheckInMoment = .afterRun,
        quality: PainQuality? = nil,
        flags: [RedFlag] = [],
        at takenAt: String = "2026-11-22T07:30"
    ) -> CheckIn {
        CheckIn(takenAt: takenAt, score: score, moment: moment, quality: quality, location: nil, redFlags: flags)
    }

    // Source: article 002 (pain buffer zone): 5 continues, 6 scales back.
    func testFiveIsInsideTheBufferZoneAndSixIsAbove() throws {
        let five = try assessCheckIn(checkIn: checkIn(5))
        XCTAssertEqual(five.zone, .withinBuffer)
        XCTAssertEqual(five.action, .continue)
        XCTAssertEqual(five.reasons, [.withinBuffer(score: 5, max: 5)])

        let six = try assessCheckIn(checkIn: checkIn(6))
        XCTAssertEqual(six.zone, .aboveBuffer)
        XCTAssertEqual(six.action, .scaleBack)
        XCTAssertFalse(six.advice.isEmpty)
    }

    // Source: article 002: red flags send the runner to a clinician; the enum carries its data.
    func testRedFlagsComeBackAsAnEnumWithData() throws {
        let assessment = try assessCheckIn(checkIn: checkIn(2, flags: [.givingWay, .swelling]))
        XCTAssertEqual(assessment.zone, .seeClinician)
        guard case let .seeClinician(flags) = assessment.action else {
            return XCTFail("expected seeClinician, got \(assessment.action)")
        }
        XCTAssertEqual(flags, [.swelling, .givingWay])
    }

    func testAnOutOfRangeScoreIsATypedErrorWithItsField() {
        XCTAssertThrowsError(try assessCheckIn(checkIn: checkIn(11))) { error in
            guard case let PainError.ScoreOutOfRange(score) = error else {
                return XCTFail("expected ScoreOutOfRange, got \(error)")
            }
            XCTAssertTrue(score.hasPrefix("score: 11 "), score)
            XCTAssertEqual(error.localizedDescription, "score: 11 is outside the 0-10 pain scale")
        }
    }

    func testABadTimestampNamesTheField() {
        XCTAssertThrowsError(try assessCheckIn(checkIn: checkIn(3, at: "yesterday"))) { error in
            guard case let PainError.InvalidDateTime(message) = error else {
                return XCTFail("expected InvalidDateTime, got \(error)")
            }
            XCTAssertTrue(message.hasPrefix("taken_at: "), message)
            XCTAssertTrue(message.contains("yesterday"), message)
        }
    }

    // Source: articles 001 and 004: worsening pain during a run means stop.
    func testTheJournalCatchesPainClimbingDuringARun() throws {
        let journal = PainJournal()
        XCTAssertNil(try journal.latest())
        _ = try journal.record(checkIn: checkIn(2, moment: .duringRun, at: "2026-11-22T07:30"))
        let later = try journal.record(checkIn: checkIn(5, moment: .duringRun, at: "2026-11-22T07:45"))
        XCTAssertEqual(later.zone, .stop)
        XCTAssertEqual(later.reasons.last, .worseningDuringActivity(from: 2, to: 5))
        XCTAssertEqual(try journal.entries().count, 2)
        XCTAssertEqual(try journal.latest()?.takenAt, "2026-11-22T07:45:00")
    }

    func testTheObserverIsCalledFromARustThread() throws {
        final class Recorder: PainObserver, @unchecked Sendable {
            let lock = NSLock()
            var zones: [PainZone] = []
            var onMainThread: [Bool] = []
            let done: XCTestExpectation
            init(done: XCTestExpectation) { self.done = done }
            func onAssessment(checkIn: CheckIn, assessment: PainAssessment) {
                lock.lock()
                zones.append(assessment.zone)
                onMainThread.append(Thread.isMainThread)
                lock.unlock()
                done.fulfill()
            }
        }
        let done = expectation(description: "three assessments delivered")
        done.expectedFulfillmentCount = 3
        let recorder = Recorder(done: done)
        let journal = PainJournal()
        try journal.setObserver(observer: recorder)
        _ = try journal.record(checkIn: checkIn(1))
        _ = try journal.record(checkIn: checkIn(7))
        _ = try journal.record(checkIn: checkIn(3, moment: .duringRun, quality: .sharp))
        wait(for: [done], timeout: 5)
        recorder.lock.lock()
        defer { recorder.lock.unlock() }
        XCTAssertEqual(recorder.zones, [.withinBuffer, .aboveBuffer, .stop])
        XCTAssertEqual(recorder.onMainThread, [false, false, false])
    }

    func testObjectsAreReleasedWithoutCrashing() throws {
        for score in 0..<500 {
            let journal = PainJournal()
            _ = try journal.record(checkIn: checkIn(Int64(score % 11)))
        }
        weak var released: PainJournal?
        do {
            let journal = PainJournal()
            released = journal
            try journal.setObserver(observer: NoopObserver())
        }
        XCTAssertNil(released, "the journal outlived its last reference")
    }
}

private final class NoopObserver: PainObserver, @unchecked Sendable {
    func onAssessment(checkIn: CheckIn, assessment: PainAssessment) {}
}
