package app.patella.shell.session

/** Where a run's cadence comes from. */
sealed interface CadenceSource {
    /** A Bluetooth foot pod the library connects to itself; none: the strongest one nearby. */
    data class FootPod(val sensorId: String?) : CadenceSource

    /** A foot pod on the app's own Bluetooth link, its raw bytes pushed with [AppSession.pushRawRsc]. */
    data class PushedPod(val sourceId: String) : CadenceSource

    /** No pod: the phone's step detector, steps reported with [AppSession.onStep]. */
    data object PhoneSteps : CadenceSource
}
