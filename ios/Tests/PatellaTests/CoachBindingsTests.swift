import Foundation
import XCTest
@testable import Patella

/// The coach through the real Rust library: the profile, the run planned on
/// a day, the sessions of each day (from the Today screen), a check-in with
/// its plan changes, and sessions marked done or skipped.
final class CoachBindingsTests: XCTestCase {
    // The plan starts on Monday 2026-11-23; runs on Tuesday, Thursday, Saturday.
    private let planStart = "2026-11-23"
    private let week = (23...29).map { "2026-11-\($0)" }

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

    /// The kinds of session planned on `day`.
    private func sessions(_ coach: Coach, _ day: String) throws -> [SessionType] {
        try coach.todayScreen(date: day).sessions.map(\.session)
    }

    func testTheProfileIsSavedAndReadBack() throws {
        let coach = Coach()
        XCTAssertNil(try coach.profile())
        XCTAssertThrowsError(try coach.plannedRun(date: "2026-11-24")) { error in
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

    func testThePlannedRunCarriesItsSegmentsAndTheDayItsExercises() throws {
        let coach = try coachWithRunner()
        let run = try XCTUnwrap(try coach.plannedRun(date: "2026-11-24"))
        // Source: article 000: a new runner starts on short run/walk intervals.
        XCTAssertTrue(run.segments.contains { $0.kind == .run && (1...120).contains($0.durationS) }, "\(run.segments)")
        XCTAssertTrue(run.segments.contains { $0.kind == .walk })
        // Source: article 004: a warm-up before every run, a cool-down after.
        XCTAssertEqual(run.segments.first?.kind, .warmUp)
        XCTAssertEqual(run.segments.last?.kind, .coolDown)
        XCTAssertNil(try coach.plannedRun(date: "2026-11-25"), "no run on Wednesday")
        // Source: article 004: a dynamic warm-up before every run, stretches after.
        let exercises = try coach.todayScreen(date: "2026-11-24").sessions.flatMap(\.exercises)
        XCTAssertTrue(exercises.contains { $0.part == .warmUp })
        XCTAssertTrue(exercises.contains { $0.part == .coolDown })
        for exercise in exercises {
            XCTAssertFalse(exercise.id.isEmpty)
            XCTAssertFalse(exercise.name.isEmpty)
            XCTAssertFalse(exercise.cues.isEmpty, "\(exercise.id) has no cues")
            XCTAssertFalse(exercise.dose.isEmpty, "\(exercise.id) has no dose")
        }
    }

    // Source: article 004: strength work goes on non-running days, 2-3 a week.
    func testTheWeekNeverPutsStrengthOnARunDay() throws {
        let coach = try coachWithRunner()
        var runDays: [String] = []
        var strengthDays: [String] = []
        for day in week {
            let kinds = try sessions(coach, day)
            XCTAssertFalse(kinds.contains(.run) && kinds.contains(.strength), "strength and a run on \(day)")
            if kinds.contains(.run) { runDays.append(day) }
            if kinds.contains(.strength) { strengthDays.append(day) }
        }
        XCTAssertEqual(runDays, ["2026-11-24", "2026-11-26", "2026-11-28"])
        XCTAssertTrue((2...3).contains(strengthDays.count), "\(strengthDays.count) strength days")
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
            if case let .swapRunForCrossTraining(date, minutes) = $0.kind { return (date, minutes) } else { return nil }
        }
        XCTAssertEqual(swaps.count, 1)
        let (date, minutes) = try XCTUnwrap(swaps.first)
        XCTAssertEqual(date, "2026-11-26", "the next planned run is swapped")
        XCTAssertGreaterThan(minutes, 0)

        XCTAssertNil(try coach.plannedRun(date: "2026-11-26"), "no run on Thursday")
        let thursday = try sessions(coach, "2026-11-26")
        XCTAssertFalse(thursday.contains(.run), "\(thursday)")
        XCTAssertEqual(thursday.filter { $0 == .crossTraining }.count, 1, "\(thursday)")
    }

    /// The run/walk intervals of each day of the first week, without the
    /// warm-up and cool-down.
    private func intervals(_ coach: Coach) throws -> [[RunSegment]] {
        try week.map { day in
            (try coach.plannedRun(date: day)?.segments ?? []).filter { $0.kind == .run || $0.kind == .walk }
        }
    }

    // Source: article 002 (pain buffer zone): 5 is still inside it, so the runs
    // stay as planned. Source: article 001: while the knee hurts, no jumping
    // (core/tests/coach_rules_strength.rs checks the exercises); article 003:
    // a daily knee routine.
    func testPainOfFiveKeepsTheRunsButProtectsTheKnee() throws {
        let coach = try coachWithRunner()
        let before = try intervals(coach)
        let result = try coach.recordCheckIn(checkIn: afterRun(5, at: "2026-11-24T19:00"))
        XCTAssertEqual(result.assessment.zone, .withinBuffer)
        XCTAssertEqual(result.assessment.action, .continue)
        XCTAssertNil(result.trendWarning)
        XCTAssertTrue(result.planChanges.map(\.kind).contains(.dailyKneeRoutine(from: "2026-11-24")))
        for change in result.planChanges {
            switch change.kind {
            case .swapRunForCrossTraining, .stepBack: XCTFail("pain of 5 changed the runs: \(change)")
            default: break
            }
        }
        XCTAssertEqual(try intervals(coach), before)
        XCTAssertTrue(try sessions(coach, "2026-11-25").contains(.kneeRoutine))
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
        let strengthDay = try XCTUnwrap(try week.first { try sessions(coach, $0).contains(.strength) })
        try coach.markSession(date: strengthDay, session: .strength, result: .skipped)
        // Nothing to mark where nothing of that kind is planned.
        XCTAssertThrowsError(try coach.markSession(date: strengthDay, session: .run, result: .done)) { error in
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
        let holds = try coach.planScreen(date: "2026-11-30", weeks: 1).advisories
        XCTAssertEqual(holds.count, 1)
        XCTAssertFalse(holds[0].isEmpty)
        try coach.confirmClinicianVisit(at: "2026-11-27")
        let plan = try coach.planScreen(date: "2026-11-30", weeks: 1)
        XCTAssertTrue(plan.advisories.isEmpty)
        XCTAssertFalse(plan.disclaimer.isEmpty)
    }

    // Nothing the runner enters may be lost: a coach opened over the record
    // writes through it, and a coach opened again later plans the same week.
    func testACoachOpenedOverTheRecordKeepsEverythingAcrossRestarts() throws {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("patella-coach-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var weekBefore: PlanScreen?
        do {
            let coach = try Coach.open(store: try RecordStore.open(dir: folder))
            XCTAssertNil(try coach.profile())
            try coach.saveProfile(profile: runner(), planStart: planStart)
            // Source: article 002: pain above 5 after a run scales the plan back.
            _ = try coach.recordCheckIn(checkIn: afterRun(6, at: "2026-11-24T19:00"))
            try coach.markSession(date: "2026-11-24", session: .run, result: .done)
            weekBefore = try coach.planScreen(date: "2026-11-26", weeks: 1)
        }
        let store = try RecordStore.open(dir: folder)
        let pain = try store.progressScreen(today: "2026-11-26").snapshot.pain
        XCTAssertEqual(pain.map(\.points.count).reduce(0, +), 1)
        let reopened = try Coach.open(store: store)
        XCTAssertEqual(try reopened.profile(), runner())
        XCTAssertEqual(try reopened.planScreen(date: "2026-11-26", weeks: 1), weekBefore)
    }
}
