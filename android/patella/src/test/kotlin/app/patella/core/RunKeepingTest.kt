package app.patella.core

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNotNull
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertThrows
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.io.TempDir

/**
 * Finishing and keeping a run through the real Rust library (issue 11):
 * finish -> Coach.completeRun -> the stored run read back after reopening,
 * and a run brought back after the app was killed in the middle of it.
 */
class RunKeepingTest {
    private class Quiet : RunObserver {
        override fun onEvent(event: RunEvent) {}
    }

    // The plan starts on Monday 2026-11-23; Tuesday 24 is a run day.
    private val planStart = "2026-11-23"
    private val runDay = "2026-11-24"

    private fun runner() = RunnerProfile(
        experience = ExperienceLevel.NEW_TO_RUNNING,
        weeklyMinutes = null,
        weeklyKm = null,
        daysPerWeek = 3u,
        preferredDays = listOf(RunDay.TUESDAY, RunDay.THURSDAY, RunDay.SATURDAY),
        goal = RunningGoal.Continuous15Minutes,
        equipment = emptyList(),
        ageYears = 40u,
        osteoarthritis = false,
        osteoporosis = false,
        balanceProblems = false,
        bodyMassKg = null,
        heightCm = null,
        kneePain = 0u,
        strengthDaysPerWeek = null,
    )

    private fun plannedRun(coach: Coach): RunPlan = coach.plannedRun(runDay)!!

    /** The ids of the runs the record keeps, read from its backup (the apps see runs only through the screens). */
    private fun keptRunIds(store: RecordStore): List<String> =
        Regex("\"id\": \"([^\"]+)\"").findAll(store.exportBackup()).map { it.groupValues[1] }.toList()

    /** The average cadences of the runs the record keeps, read from its backup. */
    private fun keptRunCadences(store: RecordStore): List<Double> =
        Regex("\"average_cadence_spm\": ([0-9.]+)").findAll(store.exportBackup()).map { it.groupValues[1].toDouble() }.toList()

    /** The check-in scores on the Progress screen's pain chart. */
    private fun painScores(store: RecordStore): List<UByte> =
        store.progressScreen(runDay).snapshot.pain.flatMap { it.points }.map { it.score }

    private fun reading(atMs: Long) = RunSample(
        atMs = atMs.toULong(),
        sourceId = "pod",
        cadence = 160.0,
        unit = RunCadenceUnit.STEPS_PER_MINUTE,
        speedMps = 2.5,
        strideLengthM = 0.94,
        gait = null,
    )

    private fun runFor(session: RunSession, fromS: Long, toS: Long, offsetMs: Long = 0) {
        for (t in fromS..toS) {
            val at = offsetMs + t * 1_000
            session.pushSample(reading(at))
            session.tick(at.toULong())
        }
    }

    private fun checkIn(score: Long) =
        CheckIn("${runDay}T07:10:00", score, CheckInMoment.DURING_RUN, null, null, emptyList())

    @Test
    fun aFinishedRunIsKeptAndReadBackAfterReopening(@TempDir dir: java.nio.file.Path) {
        val folder = dir.resolve("record").toString()
        RecordStore.open(folder).use { store ->
            Coach.open(store).use { coach ->
                coach.saveProfile(runner(), planStart)
                RunSession.fromPlannedRun(plannedRun(coach), null, Quiet()).use { session ->
                    session.keepIn(store, "run-k1", "${runDay}T07:00:00")
                    session.start(0u)
                    runFor(session, 1, 120)
                    session.checkIn(120_000u, checkIn(2))
                    val summary = session.finish(180_000u)
                    assertEquals("run-k1", summary.runId)
                    assertEquals(RunDistanceSource.SENSOR_SPEED, summary.distanceSource)
                    assertEquals(1u, summary.checkInCount)
                    assertEquals(PainZone.WITHIN_BUFFER, summary.checkIns[0].assessment.zone)
                    assertEquals(160.0, summary.cadence.averageSpm!!, 0.01)
                    assertTrue(summary.cadenceTrace.size >= 100, "${summary.cadenceTrace.size}")
                    val kept = coach.completeRun(summary)
                    assertEquals(false, kept.sessionDone, "two minutes of a longer plan")
                }
                assertNull(unfinishedRun(store))
            }
        }
        RecordStore.open(folder).use { store ->
            val runs = keptRunIds(store)
            assertEquals(1, runs.size)
            assertEquals("run-k1", runs[0])
            assertEquals(160.0, keptRunCadences(store).single(), 0.01)
            assertEquals(listOf<UByte>(2u), painScores(store))
        }
    }

    @Test
    fun aRunComesBackAfterTheAppWasKilled(@TempDir dir: java.nio.file.Path) {
        val folder = dir.resolve("record").toString()
        RecordStore.open(folder).use { store ->
            Coach.open(store).use { coach ->
                coach.saveProfile(runner(), planStart)
                // Killed: the session is dropped without finish.
                val session = RunSession.fromPlannedRun(plannedRun(coach), null, Quiet())
                session.keepIn(store, "run-k2", "${runDay}T07:00:00")
                session.start(0u)
                runFor(session, 1, 25)
                session.checkIn(25_000u, checkIn(3))
                runFor(session, 26, 35)
                session.close()
            }
        }
        RecordStore.open(folder).use { store ->
            val left = unfinishedRun(store)
            assertNotNull(left)
            assertEquals("run-k2", left!!.runId)
            assertEquals(35_000uL, left.elapsedMs)
            RunSession.restore(store, 5_000_000u, Quiet()).use { session ->
                val view = session.snapshot(5_000_000u)
                assertEquals(RunStatus.PAUSED, view.status)
                assertEquals(35_000uL, view.elapsedMs)
                session.resume(5_000_000u)
                runFor(session, 1, 60, 5_000_000)
                val summary = session.finish(5_060_000u)
                assertEquals(95_000uL, summary.activeMs)
                assertEquals(1u, summary.checkInCount, "the check-in from before the kill")
                Coach.open(store).use { coach -> coach.completeRun(summary) }
            }
            assertNull(unfinishedRun(store))
            assertEquals(listOf("run-k2"), keptRunIds(store))
            val err = assertThrows(RunSessionException.InvalidInput::class.java) {
                RunSession.restore(store, 0u, Quiet())
            }
            assertTrue(err.message!!.contains("no unfinished run"), err.message)
        }
    }
}
