package app.patella.core

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNotNull
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertThrows
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.io.TempDir

/**
 * The coach through the real Rust library: the profile, the run planned on
 * a day, the sessions of each day (from the Today screen), a check-in with
 * its plan changes, and sessions marked done or skipped.
 */
class CoachBindingsTest {
    // The plan starts on Monday 2026-11-23; runs on Tuesday, Thursday, Saturday.
    private val planStart = "2026-11-23"

    private fun runner() = RunnerProfile(
        experience = ExperienceLevel.NEW_TO_RUNNING,
        weeklyMinutes = null,
        weeklyKm = null,
        daysPerWeek = 3u,
        preferredDays = listOf(RunDay.TUESDAY, RunDay.THURSDAY, RunDay.SATURDAY),
        goal = RunningGoal.Continuous15Minutes,
        equipment = listOf(EquipmentItem.WALL, EquipmentItem.LOOP_BAND),
        ageYears = 40u,
        osteoarthritis = false,
        osteoporosis = false,
        balanceProblems = false,
        bodyMassKg = null,
        heightCm = null,
        kneePain = 0u,
        strengthDaysPerWeek = null,
    )

    private fun coachWithRunner(): Coach = Coach().also { it.saveProfile(runner(), planStart) }

    private val week = (23..29).map { "2026-11-$it" }

    /** The kinds of session planned on each day of the first week. */
    private fun sessionsOfTheWeek(coach: Coach) =
        week.associateWith { day -> coach.todayScreen(day).sessions.map { it.session } }

    private fun afterRun(score: Long, at: String) =
        CheckIn(takenAt = at, score = score, moment = CheckInMoment.AFTER_RUN, quality = null, location = null, redFlags = emptyList())

    @Test
    fun theProfileIsSavedAndReadBack() {
        Coach().use { coach ->
            assertNull(coach.profile())
            assertThrows(CoachException.NoProfile::class.java) { coach.plannedRun("2026-11-24") }
            val profile = runner().copy(goal = RunningGoal.WeeklyDistance(targetKm = 12.5))
            coach.saveProfile(profile, planStart)
            assertEquals(profile, coach.profile())
            assertEquals(RunningGoal.WeeklyDistance(12.5), coach.profile()?.goal)
        }
    }

    @Test
    fun anInvalidProfileIsRejectedNamingTheField() {
        Coach().use { coach ->
            // Seven run days leave no day to recover: refused, field named.
            val error = assertThrows(CoachException.InvalidProfile::class.java) {
                coach.saveProfile(runner().copy(daysPerWeek = 7u), planStart)
            }
            assertTrue(error.message!!.startsWith("current.days_per_week: "), error.message)
            assertTrue(error.message!!.length > "current.days_per_week: ".length, error.message)
            assertNull(coach.profile(), "a refused profile must not be saved")

            val date = assertThrows(CoachException.InvalidDate::class.java) { coach.saveProfile(runner(), "23.11.2026") }
            assertTrue(date.message!!.startsWith("plan_start: "), date.message)
            assertTrue(date.message!!.contains("23.11.2026"), date.message)
        }
    }

    @Test
    fun thePlannedRunCarriesItsSegmentsAndTheDayItsExercises() {
        coachWithRunner().use { coach ->
            val run = coach.plannedRun("2026-11-24")
            assertNotNull(run)
            // Source: article 000: a new runner starts on short run/walk intervals.
            assertTrue(run!!.segments.any { it.kind == RunSegmentKind.RUN && it.durationS in 1u..120u }, "$run")
            assertTrue(run.segments.any { it.kind == RunSegmentKind.WALK })
            // Source: article 004: a warm-up before every run, a cool-down after.
            assertEquals(RunSegmentKind.WARM_UP, run.segments.first().kind)
            assertEquals(RunSegmentKind.COOL_DOWN, run.segments.last().kind)
            assertNull(coach.plannedRun("2026-11-25"), "no run on Wednesday")
            // Source: article 004: a dynamic warm-up before every run, stretches after.
            val exercises = coach.todayScreen("2026-11-24").sessions.flatMap { it.exercises }
            assertTrue(exercises.any { it.part == ExercisePart.WARM_UP })
            assertTrue(exercises.any { it.part == ExercisePart.COOL_DOWN })
            for (exercise in exercises) {
                assertTrue(exercise.id.isNotBlank())
                assertTrue(exercise.name.isNotBlank())
                assertTrue(exercise.cues.isNotEmpty(), "${exercise.id} has no cues")
                assertTrue(exercise.dose.isNotBlank(), "${exercise.id} has no dose")
            }
        }
    }

    // Source: article 004: strength work goes on non-running days, 2-3 a week.
    @Test
    fun theWeekNeverPutsStrengthOnARunDay() {
        coachWithRunner().use { coach ->
            val kinds = sessionsOfTheWeek(coach)
            for ((day, sessions) in kinds) {
                assertFalse(SessionType.RUN in sessions && SessionType.STRENGTH in sessions, "strength and a run on $day")
            }
            val runDays = week.filter { SessionType.RUN in kinds.getValue(it) }
            assertEquals(listOf("2026-11-24", "2026-11-26", "2026-11-28"), runDays)
            val strengthDays = week.filter { SessionType.STRENGTH in kinds.getValue(it) }
            assertTrue(strengthDays.size in 2..3, "${strengthDays.size} strength days")
            for (day in strengthDays) {
                val strength = coach.todayScreen(day).sessions.single { it.session == SessionType.STRENGTH }
                assertTrue(strength.exercises.isNotEmpty() && strength.exercises.all { it.cues.isNotEmpty() })
            }
        }
    }

    // Source: article 002 (pain buffer zone): pain of 6 after a run is above
    // the buffer zone, so the plan scales back: the next run becomes cross-training.
    @Test
    fun painOfSixAfterARunScalesThePlanBack() {
        coachWithRunner().use { coach ->
            val result = coach.recordCheckIn(afterRun(6, "2026-11-24T19:00"))
            assertEquals(PainZone.ABOVE_BUFFER, result.assessment.zone)
            assertEquals(PainAction.ScaleBack, result.assessment.action)
            assertTrue(result.planChanges.isNotEmpty())
            assertTrue(result.planChanges.all { it.reason.isNotBlank() })
            val swap = result.planChanges.map { it.kind }.filterIsInstance<PlanChangeKind.SwapRunForCrossTraining>().single()
            assertEquals("2026-11-26", swap.date, "the next planned run is swapped")
            assertTrue(swap.minutes > 0u)

            assertNull(coach.plannedRun("2026-11-26"), "no run on Thursday")
            val thursday = coach.todayScreen("2026-11-26").sessions
            assertTrue(thursday.none { it.session == SessionType.RUN }, "$thursday")
            assertEquals(1, thursday.count { it.session == SessionType.CROSS_TRAINING }, "$thursday")
        }
    }

    // Source: article 002 (pain buffer zone): 5 is still inside it, so the runs
    // stay as planned. Source: article 001: while the knee hurts at all, no
    // jumping or deep loaded bends (core/tests/coach_rules_strength.rs checks the
    // exercises); article 003: a short daily knee routine.
    @Test
    fun painOfFiveKeepsTheRunsButProtectsTheKnee() {
        coachWithRunner().use { coach ->
            // The run/walk intervals of each day, without the warm-up and cool-down.
            fun intervals() = week.map { day ->
                coach.plannedRun(day)?.segments?.filter { it.kind == RunSegmentKind.RUN || it.kind == RunSegmentKind.WALK }
            }
            val before = intervals()
            val result = coach.recordCheckIn(afterRun(5, "2026-11-24T19:00"))
            assertEquals(PainZone.WITHIN_BUFFER, result.assessment.zone)
            assertEquals(PainAction.Continue, result.assessment.action)
            assertNull(result.trendWarning)
            val kinds = result.planChanges.map { it.kind }
            assertTrue(kinds.none { it is PlanChangeKind.SwapRunForCrossTraining || it is PlanChangeKind.StepBack }, "$kinds")
            assertTrue(kinds.any { it is PlanChangeKind.PauseHighKneeLoad }, "$kinds")
            assertTrue(kinds.contains(PlanChangeKind.DailyKneeRoutine(from = "2026-11-24")), "$kinds")

            assertEquals(before, intervals())
            val routine = coach.todayScreen("2026-11-25").sessions.single { it.session == SessionType.KNEE_ROUTINE }
            assertTrue(routine.exercises.isNotEmpty())
        }
    }

    @Test
    fun aBadCheckInIsATypedErrorNamingTheField() {
        coachWithRunner().use { coach ->
            val score = assertThrows(CoachException.InvalidInput::class.java) { coach.recordCheckIn(afterRun(11, "2026-11-24T19:00")) }
            assertTrue(score.message!!.startsWith("score: "), score.message)
            val date = assertThrows(CoachException.InvalidDate::class.java) { coach.recordCheckIn(afterRun(3, "tonight")) }
            assertTrue(date.message!!.startsWith("taken_at: "), date.message)
        }
    }

    @Test
    fun sessionsAreMarkedDoneOrSkipped() {
        coachWithRunner().use { coach ->
            coach.markSession("2026-11-24", SessionType.RUN, SessionResult.DONE)
            val strengthDay = week.first { SessionType.STRENGTH in sessionsOfTheWeek(coach).getValue(it) }
            coach.markSession(strengthDay, SessionType.STRENGTH, SessionResult.SKIPPED)

            // Nothing to mark where nothing of that kind is planned.
            val error = assertThrows(CoachException.InvalidInput::class.java) {
                coach.markSession(strengthDay, SessionType.RUN, SessionResult.DONE)
            }
            assertTrue(error.message!!.startsWith("session: "), error.message)
            val date = assertThrows(CoachException.InvalidDate::class.java) {
                coach.markSession("Tuesday", SessionType.RUN, SessionResult.DONE)
            }
            assertTrue(date.message!!.startsWith("date: "), date.message)
        }
    }

    // Source: article 002: a red flag holds progression until a clinician has seen the knee.
    @Test
    fun aRedFlagHoldsUntilAVisitIsConfirmed() {
        coachWithRunner().use { coach ->
            val swelling = CheckIn(
                takenAt = "2026-11-25T08:00", score = 3, moment = CheckInMoment.NEXT_MORNING,
                quality = null, location = PainLocation.FRONT_OF_KNEE, redFlags = listOf(RedFlag.SWELLING),
            )
            val result = coach.recordCheckIn(swelling)
            assertEquals(PainAction.SeeClinician(listOf(RedFlag.SWELLING)), result.assessment.action)
            val hold = coach.planScreen("2026-11-30", 1u).advisories.single()
            assertTrue(hold.isNotBlank())
            coach.confirmClinicianVisit("2026-11-27")
            assertTrue(coach.planScreen("2026-11-30", 1u).advisories.isEmpty())
            assertTrue(coach.planScreen("2026-11-30", 1u).disclaimer.isNotBlank())
        }
    }

    // Nothing the runner enters may be lost: a coach opened over the record
    // writes through it, and a coach opened again later plans the same week.
    @Test
    fun aCoachOpenedOverTheRecordKeepsEverythingAcrossRestarts(@TempDir dir: java.nio.file.Path) {
        val folder = dir.resolve("record").toString()
        val weekBefore = RecordStore.open(folder).use { store ->
            Coach.open(store).use { coach ->
                assertNull(coach.profile())
                coach.saveProfile(runner(), planStart)
                // Source: article 002: pain above 5 after a run scales the plan back.
                coach.recordCheckIn(afterRun(6, "2026-11-24T19:00"))
                coach.markSession("2026-11-24", SessionType.RUN, SessionResult.DONE)
                coach.planScreen("2026-11-26", 1u)
            }
        }
        RecordStore.open(folder).use { store ->
            assertEquals(1, store.progressScreen("2026-11-26").snapshot.pain.sumOf { it.points.size })
            Coach.open(store).use { coach ->
                assertEquals(runner(), coach.profile())
                assertEquals(weekBefore, coach.planScreen("2026-11-26", 1u))
            }
        }
    }
}
