package app.patella.shell

import app.patella.core.FoundSensor
import app.patella.core.PushedScanState
import app.patella.shell.fakes.FakeClock
import app.patella.shell.fakes.FakePhone
import app.patella.shell.screens.SensorPickerIntent
import app.patella.shell.screens.SensorPickerPresenter
import app.patella.shell.session.AppSession
import app.patella.shell.support.TestMain
import app.patella.shell.support.await
import java.nio.file.Path
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.io.TempDir

/**
 * The Sensor picker presenter over the real library's picker: pods an app
 * found by itself arrive through the observer on the main thread, strongest
 * first, and choosing one pairs it in the record.
 */
class SensorPickerPresenterTest {
    @TempDir
    lateinit var tmp: Path

    @Test
    fun foundPodsAppearStrongestFirstAndChoosingOnePairsIt() {
        TestMain().use { main ->
            val session = main.run { AppSession.open(tmp.resolve("r").toString(), FakeClock(), FakePhone().player, main.dispatcher) }
            val presenter = SensorPickerPresenter(session, main.dispatcher)
            assertTrue(presenter.state.value.rows.isEmpty())
            main.run {
                session.pushScanState(PushedScanState.STARTED)
                session.pushFoundSensor(FoundSensor("pod-a", "AA:BB", "Weak pod", (-92).toShort()))
                session.pushFoundSensor(FoundSensor("pod-b", "CC:DD", "Stride pod", (-48).toShort()))
            }
            val scanning = presenter.state.await { it.rows.size == 2 }
            assertTrue(scanning.scanning)
            assertFalse(scanning.scanEnabled)
            assertEquals("Stride pod", scanning.rows[0].label)
            assertTrue(scanning.rows[0].signalBars > scanning.rows[1].signalBars)
            assertTrue(scanning.rows[0].signalLabel.isNotBlank())
            main.run { session.pushScanState(PushedScanState.FINISHED) }
            val done = presenter.state.await { !it.scanning }
            assertTrue(done.scanEnabled)
            assertTrue(done.message.isNotBlank())
            main.run { presenter.onIntent(SensorPickerIntent.Choose(0)) }
            main.run {
                assertEquals("pod-b", session.store.pairedSensor()?.id)
                assertEquals("Paired with Stride pod", session.store.settingsScreen().sensorLabel)
            }
            presenter.close()
            main.run { session.close() }
        }
    }
}
