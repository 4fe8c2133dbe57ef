package app.patella.shell

import app.patella.core.RecordStore
import app.patella.core.RunStatus
import app.patella.shell.fakes.FakeClock
import app.patella.shell.fakes.FakePhone
import app.patella.shell.session.AppSession
import app.patella.shell.session.CadenceSource
import app.patella.shell.session.RunStart
import app.patella.shell.support.Json
import app.patella.shell.support.RunDay
import app.patella.shell.support.TestMain
import java.lang.ref.WeakReference
import java.nio.file.Path
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNotNull
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.io.TempDir

/**
 * The app session's life: open, run, the process killed mid-run, the run
 * brought back at the next launch and finished, closed; and nothing of the
 * app kept alive by the library after close.
 */
class AppSessionTest {
    @TempDir
    lateinit var tmp: Path

    /** The record as its backup holds it: the apps see runs and check-ins only through the screens. */
    @Suppress("UNCHECKED_CAST")
    private fun records(store: RecordStore): Map<String, Any?> =
        (Json.parse(store.exportBackup()) as Map<String, Any?>)["records"] as Map<String, Any?>

    @Suppress("UNCHECKED_CAST")
    private fun keptRuns(store: RecordStore): List<Map<String, Any?>> = records(store)["runs"] as List<Map<String, Any?>>

    @Suppress("UNCHECKED_CAST")
    private fun checkInScores(store: RecordStore): List<Long> =
        (records(store)["check_ins"] as List<Map<String, Any?>>).map { it["score"] as Long }

    private fun collected(ref: WeakReference<*>): Boolean {
        repeat(100) {
            if (ref.get() == null) return true
            System.gc()
            Thread.sleep(20)
        }
        return ref.get() == null
    }

    private fun killMidRun(folder: String, main: TestMain, clock: FakeClock): WeakReference<AppSession> {
        val phone = FakePhone()
        val session = main.run { AppSession.open(folder, clock, phone.player, main.dispatcher) { "run-1" } }
        main.run {
            RunDay.prepare(session)
            assertNull(session.unfinishedRun())
            assertEquals(RunStart.NoRunPlanned, session.startRun(RunDay.PLAN_START, CadenceSource.PhoneSteps))
            assertEquals(RunStart.Started, session.startRun(RunDay.DATE, CadenceSource.PhoneSteps))
            assertEquals(RunStart.AlreadyRunning, session.startRun(RunDay.DATE, CadenceSource.PhoneSteps))
            RunDay.runFor(session, clock, 40)
            session.checkIn(2)
            RunDay.runFor(session, clock, 5)
            assertEquals(RunStatus.RUNNING, session.run.value?.status)
            assertNotNull(phone.notifier.ongoing, "the service's notification shows the run")
        }
        // The process dies: nothing is finished, everything is let go of.
        main.run { session.close() }
        main.drain()
        return WeakReference(session)
    }

    @Test
    fun aNewRunAfterAKillKeepsTheKilledRunAsItStood() {
        val folder = tmp.resolve("record").toString()
        val clock = FakeClock(monotonic = 1_000_000u)
        TestMain().use { main ->
            killMidRun(folder, main, clock)
            clock.monotonic += 600_000u
            val session = main.run { AppSession.open(folder, clock, FakePhone().player, main.dispatcher) { "run-2" } }
            main.run {
                assertEquals("run-1", session.unfinishedRun()?.runId)
                // The runner starts afresh instead of resuming.
                assertEquals(RunStart.Started, session.startRun(RunDay.DATE, CadenceSource.PhoneSteps))
                val kept = keptRuns(session.store).single()
                assertEquals("run-1", kept["id"])
                assertTrue((kept["duration_s"] as Long) >= 40, "the killed run's time: ${kept["duration_s"]}")
                assertEquals(listOf(2L), checkInScores(session.store), "its check-in too")
                assertEquals("run-2", session.unfinishedRun()?.runId, "the new run keeps itself")
                session.close()
            }
        }
    }

    @Test
    fun aRunKilledMidwayIsBroughtBackFinishedAndKept() {
        val folder = tmp.resolve("record").toString()
        val clock = FakeClock(monotonic = 1_000_000u)
        TestMain().use { main ->
            val killed = killMidRun(folder, main, clock)
            assertTrue(collected(killed), "the closed session (and its observers) can be collected")

            clock.monotonic += 600_000u
            val phone = FakePhone()
            val session = main.run { AppSession.open(folder, clock, phone.player, main.dispatcher) }
            main.run {
                val left = session.unfinishedRun()
                assertEquals("run-1", left?.runId)
                assertTrue(left!!.elapsedMs >= 40_000u, "${left.elapsedMs}")
                assertEquals(RunStart.Started, session.resumeUnfinishedRun(CadenceSource.PhoneSteps))
                assertEquals(RunStatus.PAUSED, session.run.value?.status)
                session.resume()
                RunDay.runFor(session, clock, 30)
                val completion = session.finishRun()
                assertNotNull(completion)
                assertNull(session.run.value)
                assertNull(session.unfinishedRun())
                val kept = keptRuns(session.store).single()
                assertEquals("run-1", kept["id"])
                val average = kept["average_cadence_spm"] as Double?
                assertNotNull(average, "the phone's steps gave the run a cadence")
                assertTrue(average!! in 158.0..162.0, "a step every 375 ms is 160 steps/min, across the kill: $average")
                assertEquals(listOf(2L), checkInScores(session.store), "the check-in from before the kill")
                assertNull(phone.notifier.ongoing, "the ongoing notification goes with the run")
                assertEquals(RunStart.NothingToResume, session.resumeUnfinishedRun(CadenceSource.PhoneSteps))
            }
            main.run { session.close() }
            // Reopening after a clean close finds the record free and the run kept.
            val again = main.run { AppSession.open(folder, clock, FakePhone().player, main.dispatcher) }
            main.run {
                assertEquals(1, keptRuns(again.store).size)
                again.close()
            }
        }
    }
}
