// The Settings screen: cue, metronome, reminder and unit choices from
// `RecordStore.settingsScreen`, saved back through `saveSettings`, and the
// paired foot pod.
import Foundation
import Observation
import Patella

/// What the Settings view shows. Fed by `SettingsScreen`.
public struct SettingsState: Equatable, Sendable {
    /// `settings.voiceCues`: the Voice cues switch.
    public var voiceCues: Bool
    /// `settings.metronome`: the Metronome switch.
    public var metronome: Bool
    /// `settings.alertsAboveBand`: the "tell me when my cadence is too high" switch.
    public var alertsAboveBand: Bool
    /// `settings.distanceUnit == .miles`: the Miles switch; `distanceUnitLabel` captions it.
    public var usesMiles: Bool
    public var distanceUnitLabel: String
    /// `settings.planReminders` and `planReminderTime`: the plan reminder row.
    public var planReminders: Bool
    public var planReminderTime: String
    /// `settings.checkInReminders` and `checkInReminderTime`: the morning check-in row.
    public var checkInReminders: Bool
    public var checkInReminderTime: String
    /// `sensorLabel`: the paired foot pod line; `sensor.unitLabel` under it.
    public var sensorLabel: String
    public var sensorUnitLabel: String?
    /// `canForgetSensor`: enables Forget.
    public var canForgetSensor: Bool
    /// The core's message when a change was refused.
    public var errorMessage: String?

    public static let empty = SettingsState(
        voiceCues: true, metronome: false, alertsAboveBand: false, usesMiles: false, distanceUnitLabel: "",
        planReminders: false, planReminderTime: "", checkInReminders: false, checkInReminderTime: "",
        sensorLabel: "", sensorUnitLabel: nil, canForgetSensor: false, errorMessage: nil)
}

@MainActor
@Observable
public final class SettingsModel {
    /// How far one tap on Earlier or Later moves a reminder, in minutes.
    static let reminderStep = 15
    static let minutesPerDay = 24 * 60

    public private(set) var state = SettingsState.empty
    @ObservationIgnored private(set) var settings: AppSettings?
    @ObservationIgnored weak var session: AppSession?

    public init() {}

    public func show(_ screen: SettingsScreen) {
        settings = screen.settings
        let s = screen.settings
        state = SettingsState(
            voiceCues: s.voiceCues, metronome: s.metronome, alertsAboveBand: s.alertsAboveBand,
            usesMiles: s.distanceUnit == .miles, distanceUnitLabel: screen.distanceUnitLabel,
            planReminders: s.planReminders, planReminderTime: screen.planReminderTime,
            checkInReminders: s.checkInReminders, checkInReminderTime: screen.checkInReminderTime,
            sensorLabel: screen.sensorLabel, sensorUnitLabel: screen.sensor?.unitLabel,
            // A refused change's message outlives the redraw that follows it.
            canForgetSensor: screen.canForgetSensor, errorMessage: state.errorMessage)
    }

    func fail(_ error: Error) {
        state.errorMessage = error.localizedDescription
    }

    // MARK: intents

    public func setVoiceCues(_ on: Bool) { change { $0.voiceCues = on } }
    public func setMetronome(_ on: Bool) { change { $0.metronome = on } }
    public func setAlertsAboveBand(_ on: Bool) { change { $0.alertsAboveBand = on } }
    public func setUsesMiles(_ on: Bool) { change { $0.distanceUnit = on ? .miles : .kilometres } }
    public func setPlanReminders(_ on: Bool) { change { $0.planReminders = on } }
    public func setCheckInReminders(_ on: Bool) { change { $0.checkInReminders = on } }
    public func planReminderEarlier() { change { $0.planReminderMinute = Self.shift($0.planReminderMinute, -1) } }
    public func planReminderLater() { change { $0.planReminderMinute = Self.shift($0.planReminderMinute, 1) } }
    public func checkInReminderEarlier() { change { $0.checkInReminderMinute = Self.shift($0.checkInReminderMinute, -1) } }
    public func checkInReminderLater() { change { $0.checkInReminderMinute = Self.shift($0.checkInReminderMinute, 1) } }
    public func forgetSensor() {
        state.errorMessage = nil
        session?.forgetSensor()
    }

    /// A minute of the day moved one step, wrapping round midnight.
    static func shift(_ minute: UInt16, _ steps: Int) -> UInt16 {
        let moved = (Int(minute) + steps * reminderStep) % minutesPerDay
        return UInt16(moved < 0 ? moved + minutesPerDay : moved)
    }

    private func change(_ edit: (inout AppSettings) -> Void) {
        guard var next = settings else { return }
        state.errorMessage = nil
        edit(&next)
        session?.save(settings: next)
    }
}
