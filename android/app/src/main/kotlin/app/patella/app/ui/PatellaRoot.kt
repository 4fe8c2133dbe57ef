package app.patella.app.ui

import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.padding
import androidx.compose.material3.Button
import androidx.compose.material3.NavigationBar
import androidx.compose.material3.NavigationBarItem
import androidx.compose.material3.Scaffold
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.saveable.rememberSaveable
import androidx.compose.runtime.setValue
import androidx.compose.foundation.layout.Box
import androidx.compose.foundation.layout.Row
import androidx.compose.ui.Modifier
import androidx.compose.ui.res.stringResource
import androidx.lifecycle.compose.collectAsStateWithLifecycle
import app.patella.app.R
import app.patella.app.platform.RunPermission
import app.patella.shell.screens.CheckInPresenter
import app.patella.shell.screens.PlanPresenter
import app.patella.shell.screens.ProgressPresenter
import app.patella.shell.screens.RunPresenter
import app.patella.shell.screens.ScaleRow
import app.patella.shell.screens.SensorPickerPresenter
import app.patella.shell.screens.SettingsPresenter
import app.patella.shell.screens.TodayPresenter

/** The tabs of the app; the Run screen covers them while a run is under way. */
enum class Tab(val label: Int) { TODAY(R.string.tab_today), PLAN(R.string.tab_plan), PROGRESS(R.string.tab_progress), SETTINGS(R.string.tab_settings) }

/** The presenters the screens draw, built by the activity over the service's session. */
class Presenters(
    val today: TodayPresenter,
    val plan: PlanPresenter,
    val progress: ProgressPresenter,
    val settings: SettingsPresenter,
    val picker: SensorPickerPresenter,
    val run: RunPresenter,
    /** The during-run pain scale, from the check-in form's record. */
    val runPainScale: List<ScaleRow>,
)

/** What the activity does for the screens: runs, check-ins, permissions. */
class RootActions(
    val startRun: (Boolean) -> Unit,
    val resumeKilledRun: () -> Unit,
    val finishRun: () -> Unit,
    val openCheckIn: () -> CheckInPresenter?,
    val retryPermission: (RunPermission) -> Unit,
    val openAppSettings: () -> Unit,
    val skipPermission: (RunPermission) -> Unit,
)

/**
 * The whole app: a refused permission's screen first, then the run under
 * way, a check-in or the picker when open, else the tabs.
 */
@Composable
fun PatellaRoot(presenters: Presenters, actions: RootActions, refused: RunPermission?, killedRunWaiting: Boolean) {
    var tab by rememberSaveable { mutableStateOf(Tab.TODAY) }
    var checkIn by rememberSaveable { mutableStateOf(false) }
    var picking by rememberSaveable { mutableStateOf(false) }
    val run by presenters.run.state.collectAsStateWithLifecycle()
    Scaffold(
        bottomBar = {
            NavigationBar {
                Tab.entries.forEach { t ->
                    NavigationBarItem(selected = t == tab, onClick = { tab = t; checkIn = false; picking = false }, icon = {}, label = { Text(stringResource(t.label)) })
                }
            }
        },
    ) { padding ->
        Box(Modifier.padding(padding)) {
            val current = run
            val form = if (checkIn) actions.openCheckIn() else null
            when {
                refused != null -> PermissionScreen(
                    refused,
                    onRetry = { actions.retryPermission(refused) },
                    onOpenSettings = actions.openAppSettings,
                    onSkip = { actions.skipPermission(refused) },
                )
                current != null -> RunScreen(current, presenters.runPainScale, presenters.run::onIntent, actions.finishRun)
                form != null -> CheckInScreen(form)
                picking -> SensorPickerScreen(presenters.picker) { picking = false }
                else -> when (tab) {
                    Tab.TODAY -> Column {
                        if (killedRunWaiting) Button(onClick = actions.resumeKilledRun) { Text(stringResource(R.string.run_resume_killed)) }
                        Row {
                            Button(onClick = { actions.startRun(true) }) { Text(stringResource(R.string.run_with_pod)) }
                            Button(onClick = { actions.startRun(false) }) { Text(stringResource(R.string.run_with_phone)) }
                        }
                        TodayScreen(presenters.today, onStartRun = { actions.startRun(true) }, onCheckIn = { checkIn = true })
                    }
                    Tab.PLAN -> PlanScreen(presenters.plan)
                    Tab.PROGRESS -> ProgressScreen(presenters.progress)
                    Tab.SETTINGS -> SettingsScreen(presenters.settings, onChooseSensor = { picking = true })
                }
            }
        }
    }
}
