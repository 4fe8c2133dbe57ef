package app.patella.shell

import app.patella.core.RunEvent
import app.patella.core.RunObserver
import app.patella.core.RunSegmentKind
import app.patella.core.RunSession
import app.patella.core.runSettingsFor
import app.patella.core.stepDetectorSample
import app.patella.shell.cue.CueDelivery
import app.patella.shell.cue.CuePolicy
import app.patella.shell.cue.CuePreferences
import app.patella.shell.cue.CueTopic
import app.patella.shell.cue.MetronomeCommand
import app.patella.shell.cue.VibrationPattern
import app.patella.shell.fakes.FakeClock
import app.patella.shell.fakes.FakePhone
import app.patella.shell.session.AppSession
import app.patella.shell.session.CadenceSource
import app.patella.shell.session.RunStart
import app.patella.shell.session.StepLog
import app.patella.shell.support.RunDay
import app.patella.shell.support.TestMain
import java.nio.file.Path
import java.util.Collections
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.io.TempDir

/**
 * A whole planned run through the app session and the fakes: the phone's
 * step detector as the cadence source, slow running, a painful check-in,
 * voice cues switched off halfway. What the fakes were asked to say, play
 * and post is exactly what the cue policy gives for the core's events (a
 * twin session fed the same steps yields them), and the concrete cues a
 * runner relies on are there.
 */
class ScriptedRunTest {
    @TempDir
    lateinit var tmp: Path

    private class Twin : RunObserver {
        val events: MutableList<RunEvent> = Collections.synchronizedList(mutableListOf())
        override fun onEvent(event: RunEvent) {
            events += event
        }
    }

    /** Steps at the rate the runner moves at in [kind]. */
    private fun stepMs(kind: RunSegmentKind?): ULong = when (kind) {
        RunSegmentKind.RUN -> 414u // about 145 steps/min: below a 160 target
        RunSegmentKind.WARM_UP, RunSegmentKind.WALK, RunSegmentKind.COOL_DOWN, null -> 550u
    }

    @Test
    fun aScriptedRunSpeaksVibratesPlaysAndNotifiesAsThePolicySays() {
        val clock = FakeClock(monotonic = 2_000_000u)
        val phone = FakePhone()
        val twin = Twin()
        TestMain().use { main ->
            val session = main.run { AppSession.open(tmp.resolve("r").toString(), clock, phone.player, main.dispatcher) }
            val twinSession = main.run {
                RunDay.prepareRegular(session)
                val planned = session.coach.plannedRun(RunDay.DATE)!!
                RunSession.fromPlannedRun(planned, runSettingsFor(session.store.settings()), twin)
            }
            val twinSteps = StepLog()
            var checkedIn = false

            fun second() {
                val kind = session.run.value?.current?.kind
                val interval = stepMs(kind)
                val next = clock.monotonic + 1_000u
                var step = clock.monotonic + interval
                while (step <= next) {
                    session.onStep(step)
                    twinSteps.add(step)
                    step += interval
                }
                clock.monotonic = next
                session.tick()
                stepDetectorSample(twinSteps.snapshot(), next)?.let(twinSession::pushSample)
                twinSession.tick(next)
                // The first knee check the run asks for: 7 of 10.
                if (!checkedIn && session.run.value?.checkInPrompt != null) {
                    checkedIn = true
                    session.checkIn(7)
                    twinSession.checkIn(next, app.patella.core.CheckIn(clock.dateTime, 7, app.patella.core.CheckInMoment.DURING_RUN, null, null, emptyList()))
                }
            }

            main.run {
                assertEquals(RunStart.Started, session.startRun(RunDay.DATE, CadenceSource.PhoneSteps))
                twinSession.start(clock.monotonic)
                repeat(1_200) { second() }
            }
            main.run { assertTrue(session.flushEvents()) }
            main.drain()
            assertTrue(twinSession.flushEvents(10_000u))
            val voiceOnFor = twin.events.size
            val heardBefore = phone.speaker.said.size
            main.run {
                session.saveSettings(session.store.settings().copy(voiceCues = false))
                repeat(1_600) { second() }
                session.finishRun()
            }
            main.drain()
            twinSession.finish(clock.monotonic)
            assertTrue(twinSession.flushEvents(10_000u))
            twinSession.close()

            val on = CuePreferences(voiceCues = true, metronome = true)
            val off = on.copy(voiceCues = false)
            val expected: List<CueDelivery> = twin.events.mapIndexed { i, e -> CuePolicy.forRunEvent(e, if (i < voiceOnFor) on else off) }
            assertEquals(expected.mapNotNull { it.speech }, phone.speaker.said)
            assertEquals(expected.mapNotNull { it.vibration }, phone.haptics.played)
            assertEquals(expected.mapNotNull { it.notification }, phone.notifier.posted)
            val names = twin.events.map { it.name }
            assertTrue(checkedIn, "the run asked about the knee")
            for (kind in listOf("session_started", "segment_started", "cadence_low", "check_in_prompt", "check_in_assessed", "metronome_changed")) {
                assertTrue(kind in names, "$kind in $names")
            }
            assertTrue("switched_to_walking" in names || "run_ended" in names, "pain above the zone changes the run: $names")
            // What a runner relies on, in plain terms.
            assertTrue(heardBefore > 0 && phone.speaker.said.size == heardBefore, "speech stops when voice cues are off")
            assertTrue(phone.haptics.played.drop(expected.take(voiceOnFor).count { it.vibration != null }).isNotEmpty(), "vibration goes on without voice")
            assertTrue(VibrationPattern.WARNING in phone.haptics.played, "pain above the zone is a warning")
            assertTrue(phone.notifier.posted.any { it.topic == CueTopic.SEGMENT }, "segment changes reach a locked phone")
            val plays = expected.mapNotNull { it.metronome }
            assertTrue(plays.any { it is MetronomeCommand.Play }, "$plays")
            assertTrue(phone.metronome.commands.any { it.startsWith("play ") }, "${phone.metronome.commands}")
            assertEquals(null, phone.metronome.playingMs, "the metronome stops with the run")
            assertEquals(null, phone.notifier.ongoing, "the ongoing notification goes with the run")
            main.run { session.close() }
        }
    }
}
