package app.patella.shell.screens

import app.patella.core.SettingsScreen
import app.patella.shell.session.AppSession
import kotlinx.coroutines.CoroutineDispatcher
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.map

/** The Settings screen: switches, their times and the paired sensor, worded by the core. */
data class SettingsUiState(
    val distanceUnitLabel: String,
    val metronome: Boolean,
    val alertsAboveBand: Boolean,
    val voiceCues: Boolean,
    val planReminders: Boolean,
    val planReminderTime: String,
    val checkInReminders: Boolean,
    val checkInReminderTime: String,
    val sensorLabel: String,
    val canForgetSensor: Boolean,
) {
    companion object {
        fun of(screen: SettingsScreen) = SettingsUiState(
            distanceUnitLabel = screen.distanceUnitLabel,
            metronome = screen.settings.metronome,
            alertsAboveBand = screen.settings.alertsAboveBand,
            voiceCues = screen.settings.voiceCues,
            planReminders = screen.settings.planReminders,
            planReminderTime = screen.planReminderTime,
            checkInReminders = screen.settings.checkInReminders,
            checkInReminderTime = screen.checkInReminderTime,
            sensorLabel = screen.sensorLabel,
            canForgetSensor = screen.canForgetSensor,
        )
    }
}

/** The switches a runner flips on the Settings screen. */
enum class SettingSwitch { METRONOME, ALERTS_ABOVE_BAND, VOICE_CUES, PLAN_REMINDERS, CHECK_IN_REMINDERS }

sealed interface SettingsIntent {
    data class Flip(val switch: SettingSwitch) : SettingsIntent
    data object ForgetSensor : SettingsIntent
}

/** Settings from `RecordStore.settingsScreen`; changes are saved at once. */
class SettingsPresenter(private val session: AppSession, main: CoroutineDispatcher) : Presenter<SettingsUiState>(main) {
    private fun read() = SettingsUiState.of(session.store.settingsScreen())

    override val state: StateFlow<SettingsUiState> = session.recordRevision.map { read() }.published(read())

    fun onIntent(intent: SettingsIntent) {
        when (intent) {
            is SettingsIntent.Flip -> {
                val s = session.store.settings()
                session.saveSettings(
                    when (intent.switch) {
                        SettingSwitch.METRONOME -> s.copy(metronome = !s.metronome)
                        SettingSwitch.ALERTS_ABOVE_BAND -> s.copy(alertsAboveBand = !s.alertsAboveBand)
                        SettingSwitch.VOICE_CUES -> s.copy(voiceCues = !s.voiceCues)
                        SettingSwitch.PLAN_REMINDERS -> s.copy(planReminders = !s.planReminders)
                        SettingSwitch.CHECK_IN_REMINDERS -> s.copy(checkInReminders = !s.checkInReminders)
                    },
                )
            }
            SettingsIntent.ForgetSensor -> {
                session.store.savePairedSensor(null)
                session.recordChanged()
            }
        }
    }
}
