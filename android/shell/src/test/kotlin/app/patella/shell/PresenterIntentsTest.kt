package app.patella.shell

import app.patella.core.CheckInMoment
import app.patella.shell.fakes.FakeClock
import app.patella.shell.fakes.FakePhone
import app.patella.shell.screens.CheckInIntent
import app.patella.shell.screens.CheckInPresenter
import app.patella.shell.screens.ProgressPresenter
import app.patella.shell.screens.SettingSwitch
import app.patella.shell.screens.SettingsIntent
import app.patella.shell.screens.SettingsPresenter
import app.patella.shell.screens.TodayIntent
import app.patella.shell.screens.TodayPresenter
import app.patella.shell.session.AppSession
import app.patella.shell.support.ScriptedDay
import app.patella.shell.support.TestMain
import app.patella.shell.support.await
import java.nio.file.Path
import org.junit.jupiter.api.AfterEach
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNotEquals
import org.junit.jupiter.api.Assertions.assertNotNull
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.BeforeEach
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.io.TempDir

/**
 * Intents go to the core and the screens that show the record follow:
 * a session marked done, a check-in saved, a setting flipped and the pod
 * forgotten; each state arrives on the main dispatcher.
 */
class PresenterIntentsTest {
    @TempDir
    lateinit var tmp: Path
    private lateinit var main: TestMain
    private lateinit var session: AppSession
    private val clock = FakeClock(dateTime = "2026-11-25T07:00:00")

    @BeforeEach
    fun open() {
        main = TestMain()
        session = main.run { AppSession.open(tmp.resolve("record").toString(), clock, FakePhone().player, main.dispatcher) }
        main.run { ScriptedDay.play(session.store, session.coach) }
    }

    @AfterEach
    fun close() {
        main.run { session.close() }
        main.close()
    }

    @Test
    fun markingTheKneeRoutineDoneChangesTodaysRow() {
        TodayPresenter(session, { ScriptedDay.WEDNESDAY }, main.dispatcher).use { today ->
            val before = today.state.value.sessions[0]
            assertTrue(before.canMarkDone)
            main.run { today.onIntent(TodayIntent.MarkDone(0)) }
            val after = today.state.await { it.sessions[0].statusLabel != before.statusLabel }.sessions[0]
            assertNotEquals(before.statusLabel, after.statusLabel)
            assertFalse(after.canMarkDone)
        }
    }

    @Test
    fun aCheckInIsSavedAndTheProgressChartGainsAPoint() {
        val progress = ProgressPresenter(session, { ScriptedDay.WEDNESDAY }, main.dispatcher)
        val points = progress.state.value.painLines.sumOf { it.size }
        CheckInPresenter(session, clock, CheckInMoment.NEXT_MORNING, main.dispatcher).use { form ->
            assertFalse(form.state.value.canSubmit)
            main.run {
                form.onIntent(CheckInIntent.PickScore(2))
                form.onIntent(CheckInIntent.PickLocation(0))
                form.onIntent(CheckInIntent.Submit)
            }
            val saved = form.state.value
            assertTrue(saved.scale[2].selected && saved.locations[0].selected)
            assertNotNull(saved.advice)
            assertNull(saved.error)
            progress.state.await { lines -> lines.painLines.sumOf { it.size } == points + 1 }
        }
        progress.close()
    }

    @Test
    fun flippingVoiceCuesIsSavedAndShown() {
        SettingsPresenter(session, main.dispatcher).use { settings ->
            assertTrue(settings.state.value.voiceCues)
            main.run { settings.onIntent(SettingsIntent.Flip(SettingSwitch.VOICE_CUES)) }
            assertFalse(settings.state.await { !it.voiceCues }.voiceCues)
            main.run { assertFalse(session.store.settings().voiceCues) }
            main.run { settings.onIntent(SettingsIntent.ForgetSensor) }
            assertFalse(settings.state.await { !it.canForgetSensor }.canForgetSensor)
            assertEquals(null, main.run { session.store.pairedSensor() })
        }
    }
}
