package app.patella.core

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNotNull
import org.junit.jupiter.api.Assertions.assertThrows
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

/**
 * The live run session through the real Rust library: a plan in, a 1 Hz
 * tick and pedometer readings, pause and resume, live check-ins, snapshots,
 * and events with their data and cue reaching a Kotlin observer.
 */
class RunBindingsTest {
    /**
     * Keeps every event. The session calls it on its own delivery thread, so
     * a test flushes (`flushEvents`) before it reads what arrived.
     */
    private class Recorder : RunObserver {
        val events = java.util.Collections.synchronizedList(mutableListOf<RunEvent>())
        override fun onEvent(event: RunEvent) {
            events.add(event)
        }
        fun names(): List<String> = synchronized(events) { events.map { it.name } }
    }

    private fun plan(target: Double? = 170.0) = RunPlan(
        segments = listOf(
            RunSegment(RunSegmentKind.WARM_UP, 30u),
            RunSegment(RunSegmentKind.RUN, 300u),
            RunSegment(RunSegmentKind.COOL_DOWN, 30u),
        ),
        cadenceTargetSpm = target,
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

    private fun checkIn(score: Long, sharp: Boolean = false, at: String = "2026-11-22T07:40:00") =
        CheckIn(
            takenAt = at,
            score = score,
            moment = CheckInMoment.DURING_RUN,
            quality = if (sharp) PainQuality.SHARP else null,
            location = null,
            redFlags = emptyList(),
        )

    // Source: articles 002 and 004 (cadence: a slightly quicker step eases the
    // knee). A sustained low cadence in a run segment gives one cue, after the
    // dwell and the segment's start grace, never during the warm-up.
    @Test
    fun aSustainedLowCadenceInTheRunSegmentGivesOneCueWithItsNumbers() {
        val recorder = Recorder()
        RunSession(plan(), null, recorder).use { session ->
            session.start(0u)
            var sawBelowBand = false
            for (second in 1L..360L) {
                session.pushSample(sample(second * 1_000, if (second > 30) 150.0 else 170.0))
                session.tick((second * 1_000).toULong())
                if (session.snapshot((second * 1_000).toULong()).cadence.zone == RunCadenceState.BELOW_BAND) {
                    sawBelowBand = true
                }
            }
            assertTrue(sawBelowBand, "the view never showed the cadence below the band")
            assertEquals(RunStatus.COMPLETE, session.snapshot(360_000u).status)
            assertTrue(session.flushEvents(5_000u))
        }
        val names = recorder.names()
        assertEquals("session_started", names.first())
        assertEquals("session_complete", names.last())
        assertEquals(1, names.count { it == "cadence_low" }, names.toString())
        val low = recorder.events.first { it.name == "cadence_low" }
        val kind = low.kind as RunEventKind.CadenceLow
        assertEquals(170.0, kind.targetSpm)
        assertTrue(kind.cadenceSpm < kind.bandLowSpm, "$kind")
        assertTrue(kind.belowForMs >= 15_000u, "$kind")
        // Not in the warm-up (0-30 s): the dwell runs inside the run segment.
        assertTrue(low.atMs >= 45_000u, "cue at ${low.atMs}")
        assertFalse(low.cue.text.isBlank(), "a cadence alert carries a cue")
        assertTrue(low.cue.speak, "a cadence alert is spoken")
        assertEquals(RunUrgency.NUDGE, low.cue.urgency)
        val started = recorder.events.map { it.kind }.filterIsInstance<RunEventKind.SegmentStarted>()
        assertEquals(listOf(RunSegmentKind.WARM_UP, RunSegmentKind.RUN, RunSegmentKind.COOL_DOWN), started.map { it.segment })
        assertEquals(300_000uL, started[1].durationMs)
        assertTrue(recorder.events.zipWithNext().all { (a, b) -> a.atMs <= b.atMs }, "events out of order")
    }

    @Test
    fun pauseAndResumeShowInTheViewAndTheEvents() {
        val recorder = Recorder()
        RunSession(plan(), null, recorder).use { session ->
            assertEquals(RunStatus.NOT_STARTED, session.snapshot(0u).status)
            session.start(0u)
            session.tick(40_000u)
            val running = session.snapshot(40_000u)
            assertEquals(RunStatus.RUNNING, running.status)
            assertEquals(RunSegmentKind.RUN, running.current?.kind)
            assertEquals(1u, running.current?.index)
            assertEquals(360_000uL, running.totalMs)
            session.pause(40_000u)
            session.tick(100_000u)
            val paused = session.snapshot(100_000u)
            assertEquals(RunStatus.PAUSED, paused.status)
            assertEquals(40_000uL, paused.elapsedMs, "paused time does not count")
            session.resume(100_000u)
            assertEquals(RunStatus.RUNNING, session.snapshot(100_000u).status)
            assertTrue(session.flushEvents(5_000u))
        }
        val paused = recorder.events.map { it.kind }.filterIsInstance<RunEventKind.Paused>().single()
        assertEquals(40_000uL, paused.elapsedMs)
        val resumed = recorder.events.map { it.kind }.filterIsInstance<RunEventKind.Resumed>().single()
        assertEquals(60_000uL, resumed.pausedForMs)
    }

    // Source: article 002 (pain buffer zone): a score above the zone during a
    // run scales back, which by default turns the rest of the run to walking.
    @Test
    fun aCheckInAboveTheZoneSwitchesTheRunToWalking() {
        val recorder = Recorder()
        RunSession(plan(), null, recorder).use { session ->
            session.start(0u)
            session.tick(60_000u)
            session.checkIn(60_000u, checkIn(7))
            assertTrue(session.flushEvents(5_000u))
        }
        val assessed = recorder.events.map { it.kind }.filterIsInstance<RunEventKind.CheckInAssessed>().single()
        assertEquals(7.toUByte(), assessed.score)
        assertEquals(PainZone.ABOVE_BUFFER, assessed.zone)
        assertEquals(PainAction.ScaleBack, assessed.action)
        val walking = recorder.events.map { it.kind }.filterIsInstance<RunEventKind.SwitchedToWalking>().single()
        assertTrue(walking.segmentsChanged >= 1u, "$walking")
    }

    // Source: article 002 (sharp pain means stop), with the runner's settings applied.
    @Test
    fun aSharpCheckInStopsTheRunAndSettingsApply() {
        val recorder = Recorder()
        val settings = RunSettings(
            metronome = RunMetronomeMode.ALWAYS,
            alertAboveBand = true,
            endRunOnPainAboveZone = true,
            checkInEveryMin = null,
            minSecondsBetweenCues = 30u,
        )
        RunSession(plan(), settings, recorder).use { session ->
            session.start(0u)
            session.tick(40_000u)
            val view = session.snapshot(40_000u)
            assertEquals(RunMetronomeMode.ALWAYS, view.metronome.mode)
            assertTrue(view.metronome.playing)
            assertNotNull(view.metronome.intervalMs)
            session.checkIn(41_000u, checkIn(2, sharp = true))
            assertEquals(RunStatus.STOPPED, session.snapshot(41_000u).status)
            assertTrue(session.flushEvents(5_000u))
        }
        val stopped = recorder.events.map { it.kind }.filterIsInstance<RunEventKind.SessionStopped>().single()
        assertEquals(RunStopReason.PAIN_STOP, stopped.reason)
    }

    @Test
    fun badInputIsATypedExceptionWithItsFields() {
        val empty = assertThrows(RunSessionException.InvalidPlan::class.java) {
            RunSession(RunPlan(emptyList(), null), null, Recorder())
        }
        assertTrue(empty.message!!.contains("segments"), empty.message)

        RunSession(plan(), null, Recorder()).use { session ->
            session.start(0u)
            session.tick(10_000u)
            // A stale clock read is taken at the session's time, not refused (issue 10).
            session.tick(5_000u)
            assertEquals(10_000uL, session.snapshot(10_000u).elapsedMs)
            // A reading a day ahead is refused and moves nothing.
            val ahead = assertThrows(RunSessionException.InvalidInput::class.java) {
                session.pushSample(sample(86_400_000, 170.0))
            }
            assertTrue(ahead.message!!.contains("ahead"), ahead.message)

            val date = assertThrows(RunSessionException.InvalidDate::class.java) {
                session.checkIn(11_000u, checkIn(3, at = "22/11/2026"))
            }
            assertTrue(date.message!!.startsWith("taken_at: "), date.message)
            assertTrue(date.message!!.contains("22/11/2026"), date.message)

            val score = assertThrows(RunSessionException.InvalidInput::class.java) {
                session.checkIn(11_000u, checkIn(12))
            }
            assertTrue(score.message!!.contains("score"), score.message)

            val nan = assertThrows(RunSessionException.InvalidInput::class.java) {
                session.pushSample(sample(11_000, Double.NaN))
            }
            assertTrue(nan.message!!.contains("cadence"), nan.message)
            // The session still works after refusing input.
            session.tick(12_000u)
            assertEquals(12_000uL, session.snapshot(12_000u).elapsedMs)
        }
    }

    // Issue 9, article 002's 165-180 aim: a target outside 150-190 needs the override.
    @Test
    fun anUnusualCadenceTargetNeedsTheOverride() {
        val unusual = assertThrows(RunSessionException.InvalidPlan::class.java) {
            RunSession(plan(140.0), null, Recorder())
        }
        assertTrue(unusual.message!!.contains("outside the usual"), unusual.message)
        val settings = RunSettings(
            metronome = RunMetronomeMode.NUDGE,
            alertAboveBand = false,
            endRunOnPainAboveZone = false,
            checkInEveryMin = null,
            minSecondsBetweenCues = 60u,
            allowUnusualTarget = true,
        )
        RunSession(plan(140.0), settings, Recorder()).use { session ->
            session.start(0u)
            assertEquals(140.0, session.snapshot(0u).cadence.targetSpm)
        }
    }

    @Test
    fun sessionsCanBeClosedAndReleasedWithoutCrashing() {
        repeat(100) {
            RunSession(plan(), null, Recorder()).use { session ->
                session.start(0u)
                session.pushSample(sample(1_000, 168.0))
                session.tick(2_000u)
            }
        }
        repeat(100) { RunSession(plan(), null, Recorder()).start(0u) }
        System.gc()
        val session = RunSession(plan(), null, Recorder())
        session.close()
        session.close()
        assertThrows(IllegalStateException::class.java) { session.snapshot(0u) }
    }
}
