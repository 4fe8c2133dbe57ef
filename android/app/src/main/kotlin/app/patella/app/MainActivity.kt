package app.patella.app

import android.content.ComponentName
import android.content.Intent
import android.content.ServiceConnection
import android.net.Uri
import android.os.Bundle
import android.os.IBinder
import android.provider.Settings
import androidx.activity.ComponentActivity
import androidx.activity.compose.setContent
import androidx.activity.result.contract.ActivityResultContracts
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.setValue
import androidx.core.content.ContextCompat
import app.patella.app.platform.RunPermission
import app.patella.app.service.RunService
import app.patella.app.ui.PatellaRoot
import app.patella.app.ui.PatellaTheme
import app.patella.app.ui.Presenters
import app.patella.app.ui.RootActions
import app.patella.core.CheckInMoment
import app.patella.shell.ports.SystemClocks
import app.patella.shell.screens.CheckInPresenter
import app.patella.shell.screens.PlanPresenter
import app.patella.shell.screens.ProgressPresenter
import app.patella.shell.screens.RunPresenter
import app.patella.shell.screens.SensorPickerPresenter
import app.patella.shell.screens.SettingsPresenter
import app.patella.shell.screens.TodayPresenter
import app.patella.shell.session.CadenceSource
import kotlinx.coroutines.Dispatchers

/**
 * The session wiring: binds to [RunService], builds the presenters over its
 * session, asks for permissions, and hands the screens their state and
 * actions. The only app file besides the service that reaches the core.
 */
class MainActivity : ComponentActivity() {
    private var service by mutableStateOf<RunService?>(null)
    private var presenters by mutableStateOf<Presenters?>(null)
    private var refused by mutableStateOf<RunPermission?>(null)
    private var killedRunWaiting by mutableStateOf(false)
    private var checkIn: CheckInPresenter? = null
    private var pendingRun: Boolean? = null
    private val skipped = mutableSetOf<RunPermission>()
    private val asked = mutableSetOf<RunPermission>()

    private val connection = object : ServiceConnection {
        override fun onServiceConnected(name: ComponentName?, binder: IBinder?) {
            val bound = (binder as RunService.Binder).service
            service = bound
            presenters = presentersFor(bound)
            killedRunWaiting = bound.session.unfinishedRun() != null && bound.session.run.value == null
        }

        override fun onServiceDisconnected(name: ComponentName?) {
            service = null
            presenters = null
        }
    }

    private val askPermissions = registerForActivityResult(ActivityResultContracts.RequestMultiplePermissions()) {
        pendingRun?.let(::startRun)
    }

    override fun onCreate(savedInstanceState: Bundle?) {
        super.onCreate(savedInstanceState)
        bindService(Intent(this, RunService::class.java), connection, BIND_AUTO_CREATE)
        setContent {
            PatellaTheme {
                presenters?.let { PatellaRoot(it, actions(), refused, killedRunWaiting) }
            }
        }
    }

    override fun onDestroy() {
        unbindService(connection)
        super.onDestroy()
    }

    private fun presentersFor(bound: RunService): Presenters {
        val session = bound.session
        val date = { bound.today }
        val scale = CheckInPresenter(session, SystemClocks(), CheckInMoment.DURING_RUN, Dispatchers.Main)
        return Presenters(
            today = TodayPresenter(session, date, Dispatchers.Main),
            plan = PlanPresenter(session, date, PLAN_WEEKS, Dispatchers.Main),
            progress = ProgressPresenter(session, date, Dispatchers.Main),
            settings = SettingsPresenter(session, Dispatchers.Main),
            picker = SensorPickerPresenter(session, Dispatchers.Main),
            run = RunPresenter(session, Dispatchers.Main),
            runPainScale = scale.state.value.scale.also { scale.close() },
        )
    }

    private fun actions() = RootActions(
        startRun = ::startRun,
        resumeKilledRun = {
            ContextCompat.startForegroundService(this, Intent(this, RunService::class.java))
            service?.resumeKilledRun(cadence(true))
            killedRunWaiting = false
        },
        finishRun = { service?.finishRun() },
        openCheckIn = ::checkInPresenter,
        retryPermission = { permission -> askPermissions.launch(permission.names.toTypedArray()) },
        openAppSettings = {
            startActivity(Intent(Settings.ACTION_APPLICATION_DETAILS_SETTINGS, Uri.fromParts("package", packageName, null)))
        },
        skipPermission = { permission ->
            skipped += permission
            refused = null
            pendingRun?.let(::startRun)
        },
    )

    /** Starts today's run once its permissions are granted or knowingly skipped. */
    private fun startRun(withPod: Boolean) {
        val bound = service ?: return
        val needed = if (withPod) RunPermission.forPod else RunPermission.forPhoneSteps
        val missing = needed.filter { !it.granted(this) && it !in skipped }
        if (missing.isNotEmpty()) {
            pendingRun = withPod
            val next = missing.first()
            if (asked.add(next)) {
                // First time: the system asks; a refusal comes back here.
                askPermissions.launch(next.names.toTypedArray())
            } else {
                // Refused before: its screen says what the run loses without it.
                refused = next
            }
            return
        }
        pendingRun = null
        refused = null
        // Started, so the run outlives this activity's binding.
        ContextCompat.startForegroundService(this, Intent(this, RunService::class.java))
        bound.startRun(cadence(withPod))
    }

    private fun cadence(withPod: Boolean): CadenceSource {
        val paired = service?.session?.store?.pairedSensor()
        return if (withPod && paired != null) CadenceSource.FootPod(paired.id) else CadenceSource.PhoneSteps
    }

    private fun checkInPresenter(): CheckInPresenter? {
        val bound = service ?: return null
        checkIn?.let { return it }
        val moment = bound.session.coach.todayScreen(bound.today).checkInDue?.moment ?: return null
        return CheckInPresenter(bound.session, SystemClocks(), moment, Dispatchers.Main).also { checkIn = it }
    }

    private companion object {
        const val PLAN_WEEKS: UShort = 4u
    }
}
