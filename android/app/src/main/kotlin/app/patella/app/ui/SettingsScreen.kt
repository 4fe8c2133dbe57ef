package app.patella.app.ui

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.Switch
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.unit.dp
import androidx.lifecycle.compose.collectAsStateWithLifecycle
import app.patella.app.R
import app.patella.shell.screens.SettingSwitch
import app.patella.shell.screens.SettingsIntent
import app.patella.shell.screens.SettingsPresenter

/** Settings: the cue switches, reminder times and the paired pod. */
@Composable
fun SettingsScreen(presenter: SettingsPresenter, onChooseSensor: () -> Unit) {
    val state by presenter.state.collectAsStateWithLifecycle()
    val flip = { switch: SettingSwitch -> presenter.onIntent(SettingsIntent.Flip(switch)) }
    Column(Modifier.padding(16.dp), verticalArrangement = Arrangement.spacedBy(8.dp)) {
        Text(state.distanceUnitLabel)
        Toggle(stringResource(R.string.settings_voice), null, state.voiceCues) { flip(SettingSwitch.VOICE_CUES) }
        Toggle(stringResource(R.string.settings_metronome), null, state.metronome) { flip(SettingSwitch.METRONOME) }
        Toggle(stringResource(R.string.settings_alerts_above_band), null, state.alertsAboveBand) { flip(SettingSwitch.ALERTS_ABOVE_BAND) }
        Toggle(stringResource(R.string.settings_plan_reminders), state.planReminderTime, state.planReminders) { flip(SettingSwitch.PLAN_REMINDERS) }
        Toggle(stringResource(R.string.settings_check_in_reminders), state.checkInReminderTime, state.checkInReminders) { flip(SettingSwitch.CHECK_IN_REMINDERS) }
        Text(state.sensorLabel, style = MaterialTheme.typography.titleSmall)
        Row(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
            OutlinedButton(onClick = onChooseSensor) { Text(stringResource(R.string.settings_choose_sensor)) }
            if (state.canForgetSensor) {
                OutlinedButton(onClick = { presenter.onIntent(SettingsIntent.ForgetSensor) }) { Text(stringResource(R.string.settings_forget_sensor)) }
            }
        }
    }
}

@Composable
private fun Toggle(label: String, detail: String?, on: Boolean, onFlip: () -> Unit) {
    Row(Modifier.fillMaxWidth(), verticalAlignment = Alignment.CenterVertically, horizontalArrangement = Arrangement.SpaceBetween) {
        Column(Modifier.weight(1f)) {
            Text(label)
            detail?.let { Text(it, style = MaterialTheme.typography.bodySmall) }
        }
        Switch(checked = on, onCheckedChange = { onFlip() })
    }
}
