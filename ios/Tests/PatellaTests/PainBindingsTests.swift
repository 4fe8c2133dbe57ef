import Foundation
import XCTest
@testable import Patella

/// The pain buffer zone through the real Rust library, as the apps reach
/// it (a check-in recorded by the coach): records, enums with data,
/// optionals, lists and typed errors. Pain climbing within one activity is
/// the run session's (core/tests/pain_zone.rs, RunBindingsTests).
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

    /// The assessment of `checkIn` by a coach with a fresh plan.
    private func assess(_ checkIn: CheckIn) throws -> PainAssessment {
        let coach = Coach()
        try coach.saveProfile(
            profile: RunnerProfile(
                experience: .newToRunning, weeklyMinutes: nil, weeklyKm: nil, daysPerWeek: 3,
                preferredDays: [], goal: .continuous15Minutes, equipment: [],
                ageYears: nil, osteoarthritis: false, osteoporosis: false, balanceProblems: false,
                bodyMassKg: nil, heightCm: nil, kneePain: 0, strengthDaysPerWeek: nil
            ),
            planStart: "2026-11-16"
        )
        return try coach.recordCheckIn(checkIn: checkIn).assessment
    }

    // Source: article 002 (pain buffer zone): 5 continues, 6 scales back.
    func testFiveIsInsideTheBufferZoneAndSixIsAbove() throws {
        let five = try assess(checkIn(5))
        XCTAssertEqual(five.zone, .withinBuffer)
        XCTAssertEqual(five.action, .continue)
        XCTAssertEqual(five.reasons, [.withinBuffer(score: 5, max: 5)])

        let six = try assess(checkIn(6))
        XCTAssertEqual(six.zone, .aboveBuffer)
        XCTAssertEqual(six.action, .scaleBack)
        XCTAssertFalse(six.advice.isEmpty)
    }

    // Source: article 002: red flags send the runner to a clinician; the enum carries its data.
    func testRedFlagsComeBackAsAnEnumWithData() throws {
        let assessment = try assess(checkIn(2, flags: [.givingWay, .swelling]))
        XCTAssertEqual(assessment.zone, .seeClinician)
        guard case let .seeClinician(flags) = assessment.action else {
            return XCTFail("expected seeClinician, got \(assessment.action)")
        }
        XCTAssertEqual(flags, [.swelling, .givingWay])
    }

    func testAnOutOfRangeScoreIsATypedErrorWithItsField() {
        XCTAssertThrowsError(try assess(checkIn(11))) { error in
            guard case let CoachError.InvalidInput(score) = error else {
                return XCTFail("expected InvalidInput, got \(error)")
            }
            XCTAssertTrue(score.hasPrefix("score: 11 "), score)
            XCTAssertEqual(error.localizedDescription, "score: 11 is outside the 0-10 pain scale")
        }
    }

    func testABadTimestampNamesTheField() {
        XCTAssertThrowsError(try assess(checkIn(3, at: "yesterday"))) { error in
            guard case let CoachError.InvalidDate(message) = error else {
                return XCTFail("expected InvalidDate, got \(error)")
            }
            XCTAssertTrue(message.hasPrefix("taken_at: "), message)
            XCTAssertTrue(message.contains("yesterday"), message)
        }
    }

    func testObjectsAreReleasedWithoutCrashing() throws {
        for score in 0..<50 {
            _ = try? assess(checkIn(Int64(score % 12)))
        }
        weak var released: Coach?
        do {
            let coach = Coach()
            released = coach
            _ = try? coach.recordCheckIn(checkIn: checkIn(3))
        }
        XCTAssertNil(released, "the coach outlived its last reference")
    }
}
