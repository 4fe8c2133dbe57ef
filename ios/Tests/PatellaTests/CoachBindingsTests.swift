import Foundation
import XCTest
@testable import Patella

/// The coach through the real Rust library: the profile, today's sessions
/// and the week with full exercise detail, a check-in with its plan changes,
/// and sessions marked done or skipped.
final class CoachBindingsTests: XCTestCase {
    // The plan starts on Monday 2026-11-23; runs on Tuesday, Thursday, Saturday.
    private let planStart = "2026-11-23"

    private func runner(daysPerWeek: UInt8 = 3, goal: RunningGoal = .continuous15Minutes) -> RunnerProfile {
        RunnerProfile(
            experience: .newToRunning, weeklyMinutes: nil, weeklyKm: nil, daysPerWeek: daysPerWeek,
            preferredDays: [.tuesday, .thursday, .saturday], goal: goal, equipment: [.wall, .loopBand],
            ageYears: 40, osteoarthritis: false, osteoporosis: false, balanceProblems: false,
            bodyMassKg: nil, heightCm: nil, kneePain: 0, strengthDaysPerWeek: nil
        )
    }

    private func coachWithRunner() throws -> Coach {
        let coach = Coach()
        try coach.saveProfile(profile: runner(), planStart: planStart)
        return coach
    }

    private func afterRun(_ score: Int64, at takenAt: String) -> CheckIn {
        CheckIn(takenAt: takenAt, score: score, moment: .afterRun, quality: nil, location: nil, redFlags: [])
    }

    private func runs(_ day: PlanDay) -> [PlannedRun] {
        day.sessions.compactMap { if case let .run(run) = $0 { return run } else { return nil } }
    }

    private func isStrength(_ session: PlanSession) -> Bool {
        if case .strength = session { return true } else { return false }
    }

    func testTheProfileIsSavedAndReadBack() throws {
        let coach = Coach()
        XCTAssertNil(try coach.profile())
        XCTAssertThrowsError(try coach.today(date: "2026-11-24")) { error in
            guard case CoachError.NoProfile = error else { return XCTFail("expected NoProfile, got \(error)") }
        }
        let profile = runner(goal: .weeklyDistance(targetKm: 12.5))
        try coach.saveProfile(profile: profile, planStart: planStart)
        XCTAssertEqual(try coach.profile(), profile)
        XCTAssertEqual(try coach.profile()?.goal, .weeklyDistance(targetKm: 12.5))
    }

    func testAnInvalidProfileIsRejectedNamingTheField() throws {
        let coach = Coach()
        // Seven run days leave no day to recover: refused, field named.
        XCTAssertThrowsError(try coach.saveProfile(profile: runner(daysPerWeek: 7), planStart: planStart)) { error in
            guard case let CoachError.InvalidProfile(message) = error else {
                return XCTFail("expected InvalidProfile, got \(error)")
            }
            XCTAssertTrue(message.hasPrefix("current.days_per_week: "), message)
            XCTAssertFalse(message.isEmpty)
        }
        XCTAssertNil(try coach.profile(), "a refused profile must not be saved")
        XCTAssertThrowsError(try coach.saveProfile(profile: runner(), planStart: "23.11.2026")) { error in
            guard case let CoachError.InvalidDate(message) = error else {
                return XCTFail("expected InvalidDate, got \(error)")
            }
            XCTAssertTrue(message.hasPrefix("plan_start: "), message)
            XCTAssertTrue(message.contains("23.11.2026"), message)
        }
    }

    func testTodayCarriesTheRunWithFullExerciseDetail() throws {
        let coach = try coachWithRunner()
        let tuesday = try coach.today(date: "2026-11-24")
        XCTAssertEqual(tuesday.date, "2026-11-24")
        XCTAssertEqual(tuesday.kind, .run)
        let planned = runs(tuesday)
        XCTAssertEqual(planned.count, 1)
        let run = try XCTUnwrap(planned.first)
        // Source: article 000: a new runner starts on short run/walk intervals.
        XCTAssertTrue(run.segments.contains { $0.kind == .run && (1...120).contains($0.seconds) }, "\(run.segments)")
        XCTAssertTrue(run.segments.contains { $0.kind == .walk })
        XCTAssertEqual(run.runningSeconds, run.segments.filter { $0.kind == .run }.map(\.seconds).reduce(0, +))
        // Source: article 004: a dynamic warm-up before every run, stretches after.
        XCTAssertFalse(run.warmUp.isEmpty)
        XCTAssertFalse(run.coolDown.isEmpty)
        for exercise in (run.warmUp + run.coolDown).map(\.exercise) {
            XCTAssertFalse(exercise.id.isEmpty)
            XCTAssertFalse(exercise.name.isEmpty)
            XCTAssertFalse(exercise.cues.isEmpty, "\(exercise.id) has no cues")
            XCTAssertTrue(exercise.dose.setsMin >= 1 && exercise.dose.setsMin <= exercise.dose.setsMax)
            XCTAssertLessThanOrEqual(exercise.dose.amountMin, exercise.dose.amountMax)
        }
    }

    // Source: article 004: strength work goes on non-running days, 2-3 a week.
    func testTheWeekNeverPutsStrengthOnARunDay() throws {
        let coach = try coachWithRunner()
        let week = try coach.week(date: "2026-11-25")
        XCTAssertEqual(week.start, "2026-11-23")
        XCTAssertEqual(week.days.map(\.date), (23...29).map { "2026-11-\($0)" })
        for day in week.days {
            let hasRun = !runs(day).isEmpty
            let hasStrength = day.sessions.contains(where: isStrength)
            XCTAssertFalse(hasRun && hasStrength, "strength and a run on \(day.date)")
        }
        XCTAssertEqual(week.days.filter { !runs($0).isEmpty }.map(\.date), ["2026-11-24", "2026-11-26", "2026-11-28"])
        let strength = week.days.flatMap(\.sessions).filter(isStrength)
        XCTAssertTrue((2...3).contains(strength.count), "\(strength.count) strength days")
    }

    // Source: article 002 (pain buffer zone): pain of 6 after a run is above
    // the buffer zone, so the plan scales back: the next run becomes cross-training.
    func testPainOfSixAfterARunScalesThePlanBack() throws {
        let coach = try coachWithRunner()
        let result = try coach.recordCheckIn(checkIn: afterRun(6, at: "2026-11-24T19:00"))
        XCTAssertEqual(result.assessment.zone, .aboveBuffer)
        XCTAssertEqual(result.assessment.action, .scaleBack)
        XCTAssertTrue(result.planChanges.allSatisfy { !$0.reason.isEmpty })
        let swaps: [(String, UInt32)] = result.planChanges.compactMap {
            if case let .swapRunForCrossTraining(date, minutes) = $0.action { return (date, minutes) } else { return nil }
        }
        XCTAssertEqual(swaps.count, 1)
        let (date, minutes) = try XCTUnwrap(swaps.first)
        XCTAssertEqual(date, "2026-11-26", "the next planned run is swapped")

        let thursday = try coach.today(date: "2026-11-26")
        XCTAssertTrue(runs(thursday).isEmpty, "\(thursday)")
        let offers: [CrossTrainingOffer] = thursday.sessions.compactMap {
            if case let .crossTraining(offer, _) = $0 { return offer } else { return nil }
        }
        XCTAssertEqual(offers.map(\.minutes), [minutes])
        XCTAssertFalse(offers[0].activities.isEmpty)
    }

    /// The run/walk intervals of each day, without the warm-up and cool-down.
    private func intervals(_ week: PlanWeek) -> [[[PlanSegment]]] {
        week.days.map { day in runs(day).map { $0.segments.filter { $0.kind == .run || $0.kind == .walk } } }
    }

    // Source: article 002 (pain buffer zone): 5 is still inside it, so the runs
    // stay as planned. Source: article 001: while the knee hurts, no jumping
    // (the warm-up drops its impact moves); article 003: a daily knee routine.
    func testPainOfFiveKeepsTheRunsButProtectsTheKnee() throws {
        let coach = try coachWithRunner()
        let before = try coach.week(date: "2026-11-26")
        XCTAssertTrue(before.days.flatMap(runs).flatMap(\.warmUp).contains { $0.exercise.kneeLoad == .impact })
        let result = try coach.recordCheckIn(checkIn: afterRun(5, at: "2026-11-24T19:00"))
        XCTAssertEqual(result.assessment.zone, .withinBuffer)
        XCTAssertEqual(result.assessment.action, .continue)
        XCTAssertNil(result.trendWarning)
        XCTAssertTrue(result.planChanges.map(\.action).contains(.dailyKneeRoutine(from: "2026-11-24")))
        for change in result.planChanges {
            switch change.action {
            case .swapRunForCrossTraining, .stepBack: XCTFail("pain of 5 changed the runs: \(change)")
            default: break
            }
        }
        let after = try coach.week(date: "2026-11-26")
        XCTAssertEqual(intervals(after), intervals(before))
        let warmUps = after.days.filter { $0.date >= "2026-11-25" }.flatMap(runs).flatMap(\.warmUp)
        XCTAssertFalse(warmUps.isEmpty)
        XCTAssertTrue(warmUps.allSatisfy { $0.exercise.kneeLoad != .impact && $0.exercise.kneeLoad != .deepLoaded })
    }

    func testABadCheckInIsATypedErrorNamingTheField() throws {
        let coach = try coachWithRunner()
        XCTAssertThrowsError(try coach.recordCheckIn(checkIn: afterRun(11, at: "2026-11-24T19:00"))) { error in
            guard case let CoachError.InvalidInput(message) = error else { return XCTFail("got \(error)") }
            XCTAssertTrue(message.hasPrefix("score: "), message)
        }
        XCTAssertThrowsError(try coach.recordCheckIn(checkIn: afterRun(3, at: "tonight"))) { error in
            guard case let CoachError.InvalidDate(message) = error else { return XCTFail("got \(error)") }
            XCTAssertTrue(message.hasPrefix("taken_at: "), message)
            XCTAssertTrue(message.contains("tonight"), message)
        }
    }

    func testSessionsAreMarkedDoneOrSkipped() throws {
        let coach = try coachWithRunner()
        try coach.markSession(date: "2026-11-24", session: .run, result: .done)
        let strengthDay = try XCTUnwrap(try coach.week(date: "2026-11-23").days.first { $0.sessions.contains(where: isStrength) })
        try coach.markSession(date: strengthDay.date, session: .strength, result: .skipped)
        // Nothing to mark where nothing of that kind is planned.
        XCTAssertThrowsError(try coach.markSession(date: strengthDay.date, session: .run, result: .done)) { error in
            guard case let CoachError.InvalidInput(message) = error else { return XCTFail("got \(error)") }
            XCTAssertTrue(message.hasPrefix("session: "), message)
        }
        XCTAssertThrowsError(try coach.markSession(date: "Tuesday", session: .run, result: .done)) { error in
            guard case let CoachError.InvalidDate(message) = error else { return XCTFail("got \(error)") }
            XCTAssertTrue(message.hasPrefix("date: "), message)
        }
    }

    // Source: article 002: a red flag holds progression until a clinician has seen the knee.
    func testARedFlagHoldsUntilAVisitIsConfirmed() throws {
        let coach = try coachWithRunner()
        let swelling = CheckIn(
            takenAt: "2026-11-25T08:00", score: 3, moment: .nextMorning,
            quality: nil, location: .frontOfKnee, redFlags: [.swelling]
        )
        let result = try coach.recordCheckIn(checkIn: swelling)
        XCTAssertEqual(result.assessment.action, .seeClinician(flags: [.swelling]))
        let holds = try coach.advisories(date: "2026-11-30").filter { $0.kind == .seeClinician }
        XCTAssertEqual(holds.count, 1)
        XCTAssertNotNil(holds.first?.since)
        try coach.confirmClinicianVisit(at: "2026-11-27")
        XCTAssertTrue(try coach.advisories(date: "2026-11-30").allSatisfy { $0.kind != .seeClinician })
        XCTAssertFalse(coach.disclaimer().isEmpty)
    }

    // Nothing the runner enters may be lost: a coach opened over the record
    // writes through it, and a coach opened again later plans the same week.
    func testACoachOpenedOverTheRecordKeepsEverythingAcrossRestarts() throws {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("patella-coach-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var weekBefore: PlanWeek?
        do {
            let coach = try Coach.open(store: try RecordStore.open(dir: folder))
            XCTAssertNil(try coach.profile())
            try coach.saveProfile(profile: runner(), planStart: planStart)
            // Source: article 002: pain above 5 after a run scales the plan back.
            _ = try coach.recordCheckIn(checkIn: afterRun(6, at: "2026-11-24T19:00"))
            try coach.markSession(date: "2026-11-24", session: .run, result: .done)
            weekBefore = try coach.week(date: "2026-11-26")
        }
        let store = try RecordStore.open(dir: folder)
        XCTAssertEqual(try store.checkIns().count, 1)
        let reopened = try Coach.open(store: store)
        XCTAssertEqual(try reopened.profile(), runner())
        XCTAssertEqual(try reopened.week(date: "2026-11-26"), weekBefore)
    }
}
