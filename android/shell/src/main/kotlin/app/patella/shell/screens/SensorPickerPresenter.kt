package app.patella.shell.screens

import app.patella.core.PairedSensorRecord
import app.patella.core.RunCadenceUnit
import app.patella.core.SensorPickerScreen
import app.patella.core.SensorScanState
import app.patella.shell.session.AppSession
import kotlinx.coroutines.CoroutineDispatcher
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.map

/** The Sensor picker: found pods strongest first, and the scan's message. */
data class SensorPickerUiState(
    val message: String,
    val rows: List<SensorRow>,
    val scanEnabled: Boolean,
    val scanning: Boolean,
) {
    companion object {
        fun of(screen: SensorPickerScreen) = SensorPickerUiState(
            message = screen.message,
            rows = screen.sensors.mapIndexed { i, s -> SensorRow(i, s.label, s.signalBars.toInt(), s.signalLabel) },
            scanEnabled = screen.scanEnabled,
            scanning = screen.state == SensorScanState.SCANNING,
        )
    }
}

/** One found pod; [signalBars] is 0-4, drawn as that many filled bars. */
data class SensorRow(val index: Int, val label: String, val signalBars: Int, val signalLabel: String)

sealed interface SensorPickerIntent {
    data object Scan : SensorPickerIntent
    data class Choose(val index: Int) : SensorPickerIntent
}

/** The picker over the session's sensor client; choosing a pod pairs it. */
class SensorPickerPresenter(
    private val session: AppSession,
    main: CoroutineDispatcher,
    private val scanSeconds: Double = 10.0,
) : Presenter<SensorPickerUiState>(main) {
    override val state: StateFlow<SensorPickerUiState> =
        session.sensorPicker.map(SensorPickerUiState::of).published(SensorPickerUiState.of(session.sensorPicker.value))

    fun onIntent(intent: SensorPickerIntent) {
        when (intent) {
            SensorPickerIntent.Scan -> session.scanForSensors(scanSeconds)
            is SensorPickerIntent.Choose -> {
                val choice = session.sensorPicker.value.sensors.getOrNull(intent.index) ?: return
                // The unit is learnt on the first run; the runner can set it in Settings.
                session.store.savePairedSensor(PairedSensorRecord(choice.id, choice.label, RunCadenceUnit.UNKNOWN))
                session.recordChanged()
            }
        }
    }
}
