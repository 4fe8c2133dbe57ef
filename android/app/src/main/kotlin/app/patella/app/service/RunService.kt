package app.patella.app.service

import android.content.Intent
import android.content.pm.ServiceInfo
import android.os.Build
import android.os.IBinder
import androidx.core.app.ServiceCompat
import androidx.lifecycle.LifecycleService
import androidx.lifecycle.lifecycleScope
import app.patella.app.platform.AudioTrackMetronome
import app.patella.app.platform.RunNotifier
import app.patella.app.platform.RunPermission
import app.patella.app.platform.StepDetector
import app.patella.app.platform.TtsSpeaker
import app.patella.app.platform.VibratorHaptics
import app.patella.shell.cue.CuePlayer
import app.patella.shell.ports.SystemClocks
import app.patella.shell.session.AppSession
import app.patella.shell.session.CadenceSource
import app.patella.shell.session.RunStart
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.Job
import kotlinx.coroutines.delay
import kotlinx.coroutines.isActive
import kotlinx.coroutines.launch

/**
 * Holds the app session, so a run lives on when the activity is gone and
 * the screen is off. While a run is under way it is a foreground service
 * of type connectedDevice (the foot pod) and health (the run), with the
 * ongoing notification, and ticks the run once a second.
 *
 * The activity binds to it for the screens, and starts it (startForegroundService)
 * before a run, so that unbinding does not end the run.
 */
class RunService : LifecycleService() {
    inner class Binder : android.os.Binder() {
        val service: RunService get() = this@RunService
    }

    private val binder = Binder()
    private val clocks = SystemClocks()
    private lateinit var notifier: RunNotifier
    private lateinit var speaker: TtsSpeaker
    private lateinit var steps: StepDetector
    private var ticker: Job? = null

    lateinit var session: AppSession
        private set

    val today: String get() = clocks.localDate()

    override fun onCreate() {
        super.onCreate()
        notifier = RunNotifier(this)
        speaker = TtsSpeaker(this)
        val player = CuePlayer(speaker, VibratorHaptics(this), AudioTrackMetronome(), notifier)
        session = AppSession.open(filesDir.resolve("record").path, clocks, player, Dispatchers.Main)
        steps = StepDetector(this, session::onStep)
    }

    override fun onBind(intent: Intent): IBinder {
        super.onBind(intent)
        return binder
    }

    /** Starts today's planned run in the foreground. */
    fun startRun(cadence: CadenceSource): RunStart = session.startRun(today, cadence).also {
        if (it == RunStart.Started) runInForeground(cadence)
    }

    /** Brings back the run the app was killed in, paused, in the foreground. */
    fun resumeKilledRun(cadence: CadenceSource): RunStart = session.resumeUnfinishedRun(cadence).also {
        if (it == RunStart.Started) runInForeground(cadence)
    }

    /** Keeps the run, leaves the foreground, and lets the service stop once unbound. */
    fun finishRun() {
        session.finishRun()
        ticker?.cancel()
        steps.stop()
        ServiceCompat.stopForeground(this, ServiceCompat.STOP_FOREGROUND_REMOVE)
        stopSelf()
    }

    private fun runInForeground(cadence: CadenceSource) {
        ServiceCompat.startForeground(this, RunNotifier.ONGOING_ID, notifier.ongoing(null), foregroundTypes(cadence))
        if (cadence == CadenceSource.PhoneSteps) steps.start()
        ticker?.cancel()
        ticker = lifecycleScope.launch {
            while (isActive) {
                delay(TICK_MS)
                session.tick()
            }
        }
    }

    /** Android 14 checks each type against a granted permission: claim only those. */
    private fun foregroundTypes(cadence: CadenceSource): Int {
        if (Build.VERSION.SDK_INT < Build.VERSION_CODES.UPSIDE_DOWN_CAKE) {
            return ServiceInfo.FOREGROUND_SERVICE_TYPE_CONNECTED_DEVICE
        }
        var types = 0
        if (cadence != CadenceSource.PhoneSteps && RunPermission.BLUETOOTH_CONNECT.granted(this)) {
            types = types or ServiceInfo.FOREGROUND_SERVICE_TYPE_CONNECTED_DEVICE
        }
        if (RunPermission.ACTIVITY_RECOGNITION.granted(this)) {
            types = types or ServiceInfo.FOREGROUND_SERVICE_TYPE_HEALTH
        }
        return if (types == 0) ServiceInfo.FOREGROUND_SERVICE_TYPE_CONNECTED_DEVICE else types
    }

    override fun onDestroy() {
        ticker?.cancel()
        steps.stop()
        // A run still under way keeps its checkpoint and is offered back next time.
        session.close()
        speaker.shutdown()
        super.onDestroy()
    }

    private companion object {
        const val TICK_MS = 1_000L
    }
}
