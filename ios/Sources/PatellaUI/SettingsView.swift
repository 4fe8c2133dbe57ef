// Settings: cue and metronome switches, units, reminders and the foot pod.
import PatellaAppModel
import SwiftUI

struct SettingsScreenView: View {
    let model: SettingsModel
    let picker: SensorPickerModel

    var body: some View {
        NavigationStack {
            Form {
                Section {
                    Toggle("Voice cues", isOn: Binding(get: { model.state.voiceCues }, set: { model.setVoiceCues($0) }))
                    Toggle("Metronome", isOn: Binding(get: { model.state.metronome }, set: { model.setMetronome($0) }))
                    Toggle("Cue a cadence above the band", isOn: Binding(get: { model.state.alertsAboveBand },
                                                                           set: { model.setAlertsAboveBand($0) }))
                    Toggle(model.state.distanceUnitLabel, isOn: Binding(get: { model.state.usesMiles },
                                                                        set: { model.setUsesMiles($0) }))
                }
                Section {
                    Toggle("Plan reminder", isOn: Binding(get: { model.state.planReminders }, set: { model.setPlanReminders($0) }))
                    Stepper(model.state.planReminderTime,
                            onIncrement: { model.planReminderLater() }, onDecrement: { model.planReminderEarlier() })
                    Toggle("Morning check-in", isOn: Binding(get: { model.state.checkInReminders },
                                                             set: { model.setCheckInReminders($0) }))
                    Stepper(model.state.checkInReminderTime,
                            onIncrement: { model.checkInReminderLater() }, onDecrement: { model.checkInReminderEarlier() })
                }
                Section {
                    NavigationLink(model.state.sensorLabel) { SensorPickerScreenView(model: picker) }
                    if let unit = model.state.sensorUnitLabel { Text(unit).font(.footnote) }
                    Button("Forget", role: .destructive) { model.forgetSensor() }.disabled(!model.state.canForgetSensor)
                }
                if let error = model.state.errorMessage { Text(error).foregroundStyle(.red) }
            }
            .navigationTitle("Settings")
        }
    }
}
