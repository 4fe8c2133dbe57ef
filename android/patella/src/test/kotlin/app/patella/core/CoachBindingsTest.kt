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
 * The coach through the real Rust library: the profile, today's sessions
 * and the week with full exercise detail, a check-in with its plan changes,
 * and sessions marked done or skipped.
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

    private fun afterRun(score: Long, at: String) =
        CheckIn(takenAt = at, score = score, moment = CheckInMoment.AFTER_RUN, quality = null, location = null, redFlags = emptyList())

    @Test
    fun theProfileIsSavedAndReadBack() {
        Coach().use { coach ->
            assertNull(coach.profile())
            assertThrows(CoachException.NoProfile::class.java) { coach.today("2026-11-24") }
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
    fun todayCarriesTheRunWithFullExerciseDetail() {
        coachWithRunner().use { coach ->
            val tuesday = coach.today("2026-11-24")
            assertEquals("2026-11-24", tuesday.date)
            assertEquals(PlanDayKind.RUN, tuesday.kind)
            val run = tuesday.sessions.filterIsInstance<PlanSession.Run>().single().run
            // Source: article 000: a new runner starts on short run/walk intervals.
            assertTrue(run.segments.any { it.kind == RunSegmentKind.RUN && it.seconds in 1u..120u }, "$run")
            assertTrue(run.segments.any { it.kind == RunSegmentKind.WALK })
            assertEquals(run.runningSeconds, run.segments.filter { it.kind == RunSegmentKind.RUN }.sumOf { it.seconds })
            // Source: article 004: a dynamic warm-up before every run, stretches after.
            assertTrue(run.warmUp.isNotEmpty())
            assertTrue(run.coolDown.isNotEmpty())
            for (exercise in (run.warmUp + run.coolDown).map { it.exercise }) {
                assertTrue(exercise.id.isNotBlank())
                assertTrue(exercise.name.isNotBlank())
                assertTrue(exercise.cues.isNotEmpty(), "${exercise.id} has no cues")
                assertTrue(exercise.dose.setsMin >= 1u && exercise.dose.setsMin <= exercise.dose.setsMax, "${exercise.id}: ${exercise.dose}")
                assertTrue(exercise.dose.amountMin <= exercise.dose.amountMax)
            }
        }
    }

    // Source: article 004: strength work goes on non-running days, 2-3 a week.
    @Test
    fun theWeekNeverPutsStrengthOnARunDay() {
        coachWithRunner().use { coach ->
            val week = coach.week("2026-11-25")
            assertEquals("2026-11-23", week.start)
            assertEquals(7, week.days.size)
            assertEquals((23..29).map { "2026-11-$it" }, week.days.map { it.date })
            for (day in week.days) {
                val hasRun = day.sessions.any { it is PlanSession.Run }
                val hasStrength = day.sessions.any { it is PlanSession.Strength }
                assertFalse(hasRun && hasStrength, "strength and a run on ${day.date}")
            }
            val runDays = week.days.filter { d -> d.sessions.any { it is PlanSession.Run } }.map { it.date }
            assertEquals(listOf("2026-11-24", "2026-11-26", "2026-11-28"), runDays)
            val strength = week.days.flatMap { it.sessions }.filterIsInstance<PlanSession.Strength>()
            assertTrue(strength.size in 2..3, "${strength.size} strength days")
            assertTrue(strength.all { s -> s.exercises.isNotEmpty() && s.exercises.all { it.exercise.cues.isNotEmpty() } })
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
            val swap = result.planChanges.map { it.action }.filterIsInstance<PlanChangeAction.SwapRunForCrossTraining>().single()
            assertEquals("2026-11-26", swap.date, "the next planned run is swapped")
            assertTrue(swap.minutes > 0u)

            val thursday = coach.today("2026-11-26")
            assertTrue(thursday.sessions.none { it is PlanSession.Run }, "$thursday")
            val offer = thursday.sessions.filterIsInstance<PlanSession.CrossTraining>().single()
            assertEquals(swap.minutes, offer.offer.minutes)
            assertTrue(offer.offer.activities.isNotEmpty())
        }
    }

    // Source: article 002 (pain buffer zone): 5 is still inside it, so the runs
    // stay as planned. Source: article 001: while the knee hurts at all, no
    // jumping or deep loaded bends; article 003: a short daily knee routine.
    @Test
    fun painOfFiveKeepsTheRunsButProtectsTheKnee() {
        coachWithRunner().use { coach ->
            // The run/walk intervals of each day, without the warm-up and cool-down.
            fun intervals(week: PlanWeek) = week.days.map { d ->
                d.sessions.filterIsInstance<PlanSession.Run>().map { r ->
                    r.run.segments.filter { it.kind == RunSegmentKind.RUN || it.kind == RunSegmentKind.WALK }
                }
            }
            val before = coach.week("2026-11-26")
            assertTrue(before.days.flatMap { it.sessions }.filterIsInstance<PlanSession.Run>()
                .flatMap { it.run.warmUp }.any { it.exercise.kneeLoad == KneeLoadLevel.IMPACT }, "a pain-free warm-up has impact moves")
            val result = coach.recordCheckIn(afterRun(5, "2026-11-24T19:00"))
            assertEquals(PainZone.WITHIN_BUFFER, result.assessment.zone)
            assertEquals(PainAction.Continue, result.assessment.action)
            assertNull(result.trendWarning)
            val actions = result.planChanges.map { it.action }
            assertTrue(actions.none { it is PlanChangeAction.SwapRunForCrossTraining || it is PlanChangeAction.StepBack }, "$actions")
            assertTrue(actions.any { it is PlanChangeAction.PauseHighKneeLoad }, "$actions")
            assertTrue(actions.contains(PlanChangeAction.DailyKneeRoutine(from = "2026-11-24")), "$actions")

            val week = coach.week("2026-11-26")
            assertEquals(intervals(before), intervals(week))
            val routine = coach.today("2026-11-25").sessions.filterIsInstance<PlanSession.KneeRoutine>().single()
            assertTrue(routine.exercises.isNotEmpty())
            // No jumping and no deep loaded knee bends while the knee hurts.
            val loads = week.days.filter { it.date >= "2026-11-25" }.flatMap { it.sessions }.flatMap { s ->
                when (s) {
                    is PlanSession.Strength -> s.exercises
                    is PlanSession.KneeRoutine -> s.exercises
                    is PlanSession.Run -> s.run.warmUp + s.run.coolDown
                    else -> emptyList()
                }
            }.map { it.exercise.kneeLoad }
            assertTrue(loads.isNotEmpty())
            assertTrue(loads.none { it == KneeLoadLevel.IMPACT || it == KneeLoadLevel.DEEP_LOADED }, "$loads")
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
            val strengthDay = coach.week("2026-11-23").days.first { d -> d.sessions.any { it is PlanSession.Strength } }
            coach.markSession(strengthDay.date, SessionType.STRENGTH, SessionResult.SKIPPED)

            // Nothing to mark where nothing of that kind is planned.
            val error = assertThrows(CoachException.InvalidInput::class.java) {
                coach.markSession(strengthDay.date, SessionType.RUN, SessionResult.DONE)
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
            val hold = coach.advisories("2026-11-30").single { it.kind == AdvisoryKind.SEE_CLINICIAN }
            assertNotNull(hold.since)
            assertTrue(hold.message.isNotBlank())
            coach.confirmClinicianVisit("2026-11-27")
            assertTrue(coach.advisories("2026-11-30").none { it.kind == AdvisoryKind.SEE_CLINICIAN })
            assertTrue(coach.disclaimer().isNotBlank())
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
                coach.week("2026-11-26")
            }
        }
        RecordStore.open(folder).use { store ->
            assertEquals(1, store.checkIns().size)
            Coach.open(store).use { coach ->
                assertEquals(runner(), coach.profile())
                assertEquals(weekBefore, coach.week("2026-11-26"))
            }
        }
    }
}
