package app.patella.app.platform

import android.content.Context
import android.hardware.Sensor
import android.hardware.SensorEvent
import android.hardware.SensorEventListener
import android.hardware.SensorManager

/**
 * The phone's step detector, the cadence source when there is no foot pod.
 * Each step goes to [onStep] with its time on the boot-time clock in ms (a
 * sensor event's timestamp counts nanoseconds since boot, the clock of
 * `SystemClock.elapsedRealtimeNanos` and of the library's
 * `monotonicNowMs`); the core turns the steps into a cadence.
 * Events arrive on the main thread.
 */
class StepDetector(context: Context, private val onStep: (ULong) -> Unit) : SensorEventListener {
    private val sensors = context.getSystemService(SensorManager::class.java)
    private val detector: Sensor? = sensors.getDefaultSensor(Sensor.TYPE_STEP_DETECTOR)

    val available: Boolean get() = detector != null

    fun start() {
        detector?.let { sensors.registerListener(this, it, SensorManager.SENSOR_DELAY_FASTEST) }
    }

    fun stop() = sensors.unregisterListener(this)

    override fun onSensorChanged(event: SensorEvent) {
        onStep((event.timestamp / NANOS_PER_MS).toULong())
    }

    override fun onAccuracyChanged(sensor: Sensor?, accuracy: Int) = Unit

    private companion object {
        const val NANOS_PER_MS = 1_000_000L
    }
}
