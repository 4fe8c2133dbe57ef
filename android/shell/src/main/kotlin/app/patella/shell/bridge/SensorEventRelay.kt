package app.patella.shell.bridge

import app.patella.core.SensorConnectionState
import app.patella.core.SensorDetails
import app.patella.core.SensorObserver
import app.patella.core.SensorPickerScreen
import app.patella.core.SensorWarning

/** One sensor observer call, as data, for the main thread. */
sealed interface SensorCall {
    data class State(val state: SensorConnectionState) : SensorCall
    data class Battery(val percent: UByte) : SensorCall
    data class Details(val details: SensorDetails) : SensorCall
    data class Warning(val warning: SensorWarning) : SensorCall
    data class Picker(val screen: SensorPickerScreen) : SensorCall
}

/** The sensor client's observer: each call goes on, in order, to [onMain] on the main dispatcher. */
class SensorEventRelay(
    private val relay: MainThreadRelay,
    private val onMain: (SensorCall) -> Unit,
) : SensorObserver {
    override fun onState(state: SensorConnectionState) = forward(SensorCall.State(state))
    override fun onBattery(percent: UByte) = forward(SensorCall.Battery(percent))
    override fun onDetails(details: SensorDetails) = forward(SensorCall.Details(details))
    override fun onWarning(warning: SensorWarning) = forward(SensorCall.Warning(warning))
    override fun onPicker(screen: SensorPickerScreen) = forward(SensorCall.Picker(screen))

    private fun forward(call: SensorCall) {
        relay.post { onMain(call) }
    }
}
