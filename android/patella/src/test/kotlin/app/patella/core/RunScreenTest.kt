package app.patella.core

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNotNull
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

/**
 * The Run screen record, the cues and the timeline through the real Rust
 * library: the app only reads display-ready values and delivery flags.
 */
class RunScreenTest {
    private class Recorder : RunObserver {
        val events = java.util.Collections.synchronizedList(mutableListOf<RunEvent>())
        override fun onEvent(event: RunEvent) {
            events.add(event)
        }
    }

    private val plan = RunPlan(
        segments = listOf(
            RunSegment(RunSegmentKind.WARM_UP, 60u),
            RunSegment(RunSegmentKind.RUN, 90u),
            RunSegment(RunSegmentKind.WALK, 60u),
        ),
        cadenceTargetSpm = 170.0,
    )

    private fun sample(atMs: Long, cadence: Double) = RunSample(
        atMs = atMs.toULong(),
        sourceId = "phone-pedometer",
        cadence = cadence,
        unit = RunCadenceUnit.STEPS_PER_MINUTE,
        speedMps = null,
        strideLengthM = null,
        gait = null,
    )

    @Test
    fun theRunScreenCarriesLabelsZoneStripAndButtons() {
        RunSession(plan, null, Recorder()).use { session ->
            val ready = session.snapshot(0u)
            assertTrue(ready.buttons.start)
            assertFalse(ready.buttons.pause)
            assertEquals("No sensor", ready.sensor.label)
            session.start(0u)
            for (second in 1L..75L) {
                session.pushSample(sample(second * 1_000, 171.0))
                session.tick((second * 1_000).toULong())
            }
            val screen = session.snapshot(75_000u)
            assertEquals("Running", screen.statusLabel)
            assertEquals("Run", screen.current?.label)
            assertEquals("Walk", screen.next?.label)
            assertEquals("1:15", screen.countdownLabel)
            assertEquals("171 steps/min", screen.cadence.label)
            assertEquals(RunCadenceState.IN_BAND, screen.cadence.zone)
            assertNotNull(screen.cadence.bandLabel)
            assertEquals(
                listOf(RunStripState.DONE, RunStripState.CURRENT, RunStripState.UPCOMING),
                screen.strip.map { it.state },
            )
            assertTrue(screen.buttons.pause && screen.buttons.stop && screen.buttons.checkIn)
            assertNull(screen.checkInPrompt)
        }
    }

    // Article 002: the knee is checked when a run segment ends.
    @Test
    fun aPromptShowsUntilTheCheckInAnswersIt() {
        RunSession(plan, null, Recorder()).use { session ->
            session.start(0u)
            session.tick(151_000u)
            assertEquals(RunPromptReason.AFTER_RUN_SEGMENT, session.snapshot(151_000u).checkInPrompt?.reason)
            session.checkIn(
                152_000u,
                CheckIn("2026-11-30T07:40", 3, CheckInMoment.DURING_RUN, null, null, emptyList()),
            )
            val answered = session.snapshot(152_000u)
            assertNull(answered.checkInPrompt)
            assertEquals(PainZone.WITHIN_BUFFER, answered.lastAssessment?.zone)
            session.stop(153_000u)
            val stopped = session.snapshot(153_000u)
            assertEquals(RunStopReason.USER, stopped.stopReason)
            assertFalse(stopped.buttons.stop)
        }
    }

    @Test
    fun everyEventCarriesItsCueAndTheTimelineMatchesWhatHappens() {
        val recorder = Recorder()
        RunSession(plan, null, recorder).use { session ->
            session.start(0u)
            val timeline = session.timeline(0u)
            assertEquals(listOf("Run", "Walk", "Finish"), timeline.map { it.label })
            assertEquals(listOf(60_000uL, 150_000uL, 210_000uL), timeline.map { it.atMs })
            for (second in 1L..210L) session.tick((second * 1_000).toULong())
            assertTrue(session.flushEvents(5_000u))
            val events = recorder.events.toList()
            assertTrue(events.all { it.cue.text.isNotBlank() }, "$events")
            val started = events.filter { it.name == "segment_started" }.drop(1)
            assertEquals(timeline.take(2).map { it.cue }, started.map { it.cue })
            assertTrue(started.all { it.cue.reachLockedPhone && it.cue.speak })
            assertEquals(timeline.last().cue, events.single { it.name == "session_complete" }.cue)
        }
    }

    @Test
    fun sensorEventsHaveCuesFromTheCore() {
        val off = sensorStateCue(SensorConnectionState.BluetoothOff)
        assertEquals(RunUrgency.WARNING, off.urgency)
        assertTrue(off.reachLockedPhone)
        assertFalse(sensorStateCue(SensorConnectionState.Connected).speak)
        assertEquals(RunUrgency.NUDGE, sensorBatteryCue(10u.toUByte()).urgency)
        assertTrue(sensorWarningCue(SensorWarning.LowBattery(10u.toUByte())).text.contains("10%"))
    }
}
