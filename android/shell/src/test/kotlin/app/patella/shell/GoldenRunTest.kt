package app.patella.shell

import app.patella.core.CheckIn
import app.patella.core.CheckInMoment
import app.patella.core.RunCadenceUnit
import app.patella.core.RunEvent
import app.patella.core.RunObserver
import app.patella.core.RunPlan
import app.patella.core.RunSample
import app.patella.core.RunScreen
import app.patella.core.RunSegment
import app.patella.core.RunSegmentKind
import app.patella.core.RunSensorLink
import app.patella.core.RunSession
import app.patella.shell.screens.GaugeZone
import app.patella.shell.screens.RunUiState
import app.patella.shell.session.OngoingNotice
import app.patella.shell.support.Golden
import app.patella.shell.support.RecordTree
import app.patella.shell.support.at
import java.util.Collections
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

/**
 * The golden run (`tests/fixtures/screens/run.json`, written by
 * `bindings/tests/screens_run.rs`) played again through the real library
 * from Kotlin: every Run screen at its moment, the timeline and every cue
 * equal the file field by field, and the Run presenter's state and the
 * ongoing notification carry the same labels.
 */
class GoldenRunTest {
    private class Collect : RunObserver {
        val events: MutableList<RunEvent> = Collections.synchronizedList(mutableListOf())
        override fun onEvent(event: RunEvent) {
            events += event
        }
    }

    private class Played(val moments: List<Pair<String, RunScreen>>, val tree: Map<String, Any?>)

    private fun sample(atMs: Long, spm: Double) =
        RunSample(atMs.toULong(), "phone", spm, RunCadenceUnit.STEPS_PER_MINUTE, 2.8, null, null)

    private fun play(): Played {
        val plan = RunPlan(
            listOf(
                RunSegment(RunSegmentKind.WARM_UP, 60u),
                RunSegment(RunSegmentKind.RUN, 90u),
                RunSegment(RunSegmentKind.WALK, 60u),
                RunSegment(RunSegmentKind.RUN, 90u),
                RunSegment(RunSegmentKind.COOL_DOWN, 60u),
            ),
            170.0,
        )
        val observer = Collect()
        RunSession(plan, null, observer).use { session ->
            val moments = mutableListOf<Pair<String, RunScreen>>()
            fun shot(what: String, at: Long) {
                moments += what to session.snapshot(at.toULong())
            }
            shot("ready", 0)
            session.start(0u)
            session.reportSensorLink("pod", RunSensorLink.CONNECTED, 0u)
            session.reportSensorBattery("pod", 18u, 0u)
            var timeline = emptyList<Any?>()
            for (t in 1L..260L) {
                val at = t * 1_000
                val spm = if (t <= 150) 171.0 else 150.0
                if (t > 60 && t != 200L) session.pushSample(sample(at, spm))
                session.tick(at.toULong())
                when (t) {
                    30L -> shot("warm_up", at)
                    100L -> {
                        shot("run_in_band", at)
                        timeline = session.timeline(at.toULong()).map(RecordTree::of)
                    }
                    151L -> shot("check_in_asked", at)
                    152L -> {
                        session.checkIn(at.toULong(), CheckIn("2026-11-30T07:32:00", 3, CheckInMoment.DURING_RUN, null, null, emptyList()))
                        shot("check_in_answered", at)
                    }
                    200L -> {
                        session.reportSensorLink("pod", RunSensorLink.SILENT, at.toULong())
                        session.pause(at.toULong())
                        shot("paused", at)
                        session.resume(at.toULong())
                    }
                    245L -> shot("second_run_below_band", at)
                }
            }
            session.stop(260_500u)
            shot("stopped", 261_000)
            assertTrue(session.flushEvents(10_000u), "events delivered")
            val cues = observer.events.map { mapOf("at_ms" to it.atMs.toLong(), "name" to it.name, "cue" to RecordTree.of(it.cue)) }
            val tree = mapOf(
                "moments" to moments.map { (what, screen) -> mapOf("what" to what, "screen" to RecordTree.of(screen)) },
                "timeline_at_100s" to timeline,
                "cues" to cues,
            )
            return Played(moments, tree)
        }
    }

    @Test
    fun theGoldenRunIsPlayedAgainFieldByField() {
        val diff = RecordTree.differences(Golden.read("run"), play().tree)
        assertTrue(diff.isEmpty(), "run.json differs from the run played through the library:\n" + diff.joinToString("\n"))
    }

    @Test
    fun theRunPresenterStateAndTheOngoingNotificationCarryTheGoldenLabels() {
        val golden = Golden.map("run")
        val played = play().moments
        played.forEachIndexed { i, (what, screen) ->
            val g = at(golden, "moments", i, "screen")
            assertEquals(at(golden, "moments", i, "what"), what)
            val state = RunUiState.of(screen)
            assertEquals(at(g, "status_label"), state.statusLabel, what)
            assertEquals(at(g, "countdown_label"), state.countdownLabel, what)
            assertEquals(at(g, "elapsed_label"), state.elapsedLabel, what)
            assertEquals(at(g, "remaining_label"), state.remainingLabel, what)
            assertEquals(at(g, "current", "label"), state.segmentLabel, what)
            assertEquals(at(g, "next", "label"), state.nextLabel, what)
            assertEquals(at(g, "cadence", "label"), state.cadenceLabel, what)
            assertEquals(at(g, "cadence", "zone_label"), state.zoneLabel, what)
            assertEquals(GaugeZone.valueOf((at(g, "cadence", "zone") as String).uppercase()), state.zone, what)
            assertEquals(at(g, "sensor", "label"), state.sensorLabel, what)
            assertEquals(at(g, "sensor", "battery_label"), state.batteryLabel, what)
            assertEquals(at(g, "check_in_prompt", "question"), state.checkInQuestion, what)
            assertEquals(at(g, "last_assessment", "advice"), state.assessmentAdvice, what)
            assertEquals(at(g, "stop_label"), state.stopLabel, what)
            assertEquals(at(g, "buttons", "pause"), state.canPause, what)
            assertEquals(at(g, "buttons", "check_in"), state.canCheckIn, what)
            assertEquals((at(g, "strip") as List<*>).map { (at(it, "state") as String).uppercase() }, state.strip.map { it.state.name }, what)
            val notice = OngoingNotice.of(screen)
            assertEquals(at(g, "current", "label") ?: at(g, "status_label"), notice.segment, what)
            assertEquals(at(g, "countdown_label"), notice.countdown, what)
            assertEquals(at(g, "cadence", "label"), notice.cadence, what)
        }
    }
}
