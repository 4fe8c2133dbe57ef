// The cue policy: how each run event and sensor change reaches the runner.
// The core decides the words, the urgency, whether a cue is worth saying and
// whether it must reach a locked phone (RunCue). This file only maps those,
// with the runner's settings, onto the phone's channels: speech, a haptic
// pattern, a notification, and the few events the app must act on itself.
// No wording lives here.
import Foundation
import Patella

/// What the runner chose on the Settings screen that changes delivery.
public struct CuePreferences: Equatable, Sendable {
    /// `AppSettings.voiceCues`: read cues out loud.
    public var voiceCues: Bool
    /// `AppSettings.metronome`: play the metronome when the run asks for it.
    public var metronome: Bool

    public init(voiceCues: Bool, metronome: Bool) {
        self.voiceCues = voiceCues
        self.metronome = metronome
    }

    public init(_ settings: AppSettings) {
        self.init(voiceCues: settings.voiceCues, metronome: settings.metronome)
    }
}

/// Something the app itself does for an event, beyond delivering its cue.
public enum RunAction: Equatable, Sendable {
    case none
    /// Start (`intervalMs` set) or stop the metronome.
    case metronome(intervalMs: UInt32?)
    /// Open the Check-in sheet for a during-run check-in.
    case askCheckIn
    /// The session is over: finish and keep the run.
    case sessionEnded
}

/// Where one cue goes.
public struct CueDelivery: Equatable, Sendable {
    /// The sentence to read out; nil: silent.
    public var speech: String?
    public var haptic: HapticPattern?
    /// Posted only while the app is not in front.
    public var notification: LocalNotification?
    public var action: RunAction

    public init(speech: String?, haptic: HapticPattern?, notification: LocalNotification?, action: RunAction) {
        self.speech = speech
        self.haptic = haptic
        self.notification = notification
        self.action = action
    }
}

public enum CuePolicy {
    /// The haptic for an urgency: info is seen, not felt.
    public static func haptic(for urgency: RunUrgency) -> HapticPattern? {
        switch urgency {
        case .info: return nil
        case .nudge: return .tap
        case .warning: return .doubleTap
        case .stop: return .longBuzz
        }
    }

    static func importance(for urgency: RunUrgency) -> LocalNotification.Importance {
        switch urgency {
        case .info: return .passive
        case .nudge: return .active
        case .warning, .stop: return .timeSensitive
        }
    }

    /// A cue's channels. `appInFront`: the Run screen shows it already, so
    /// no notification.
    public static func delivery(
        for cue: RunCue, id: String, preferences: CuePreferences, appInFront: Bool, action: RunAction = .none
    ) -> CueDelivery {
        let speech = cue.speak && preferences.voiceCues ? cue.text : nil
        let notification = cue.reachLockedPhone && !appInFront
            ? LocalNotification(id: id, title: "Patella", body: cue.text, at: nil,
                                importance: importance(for: cue.urgency))
            : nil
        return CueDelivery(speech: speech, haptic: haptic(for: cue.urgency), notification: notification, action: action)
    }

    /// A run event's channels and the app's own action for its kind.
    public static func delivery(for event: RunEvent, preferences: CuePreferences, appInFront: Bool) -> CueDelivery {
        delivery(for: event.cue, id: "run-\(event.name)", preferences: preferences, appInFront: appInFront,
                 action: action(for: event.kind, preferences: preferences))
    }

    /// Every kind the core can raise, spelled out: a new kind in the core
    /// stops this file compiling until someone decides what the app does.
    public static func action(for kind: RunEventKind, preferences: CuePreferences) -> RunAction {
        switch kind {
        case let .metronomeChanged(playing, intervalMs):
            return .metronome(intervalMs: playing && preferences.metronome ? intervalMs : nil)
        case .checkInPrompt:
            return .askCheckIn
        case .sessionComplete, .sessionStopped:
            return .sessionEnded
        case .sessionStarted, .segmentStarted, .segmentEndingSoon, .halfway, .paused, .resumed,
             .checkInAssessed, .switchedToWalking, .runEnded, .cadenceLow, .cadenceHigh,
             .backOnTarget, .overstride, .walkingInRunSegment, .sensorGap, .sensorRestored,
             .unitDetected, .readingsRejected:
            return .none
        }
    }

    /// The kind's name, as the core's catalogue and the CLI's JSON spell it.
    public static func name(of kind: RunEventKind) -> String {
        switch kind {
        case .sessionStarted: return "session_started"
        case .segmentStarted: return "segment_started"
        case .segmentEndingSoon: return "segment_ending_soon"
        case .halfway: return "halfway"
        case .sessionComplete: return "session_complete"
        case .sessionStopped: return "session_stopped"
        case .paused: return "paused"
        case .resumed: return "resumed"
        case .checkInPrompt: return "check_in_prompt"
        case .checkInAssessed: return "check_in_assessed"
        case .switchedToWalking: return "switched_to_walking"
        case .runEnded: return "run_ended"
        case .cadenceLow: return "cadence_low"
        case .cadenceHigh: return "cadence_high"
        case .backOnTarget: return "back_on_target"
        case .overstride: return "overstride"
        case .walkingInRunSegment: return "walking_in_run_segment"
        case .sensorGap: return "sensor_gap"
        case .sensorRestored: return "sensor_restored"
        case .unitDetected: return "unit_detected"
        case .readingsRejected: return "readings_rejected"
        case .metronomeChanged: return "metronome_changed"
        }
    }

    /// A sensor observer call's cue, from the core; nil for the picker,
    /// which only redraws its screen.
    public static func cue(for call: SensorCall) -> RunCue? {
        switch call {
        case let .state(state): return sensorStateCue(state: state)
        case let .battery(percent): return sensorBatteryCue(percent: percent)
        case let .details(details): return sensorDetailsCue(details: details)
        case let .warning(warning): return sensorWarningCue(warning: warning)
        case .picker: return nil
        }
    }

    /// The name of a sensor call's kind, as the core's cue catalogue
    /// (`tests/fixtures/screens/cues.json`) spells it.
    public static func name(of call: SensorCall) -> String {
        switch call {
        case let .state(state):
            switch state {
            case .idle: return "state_idle"
            case .connecting: return "state_connecting"
            case .connected: return "state_connected"
            case .silent: return "state_silent"
            case .reconnecting: return "state_reconnecting"
            case .bluetoothOff: return "state_bluetooth_off"
            case .failed: return "state_failed"
            }
        case let .battery(percent): return "battery_\(percent)"
        case .details: return "details"
        case let .warning(warning):
            switch warning {
            case .lowBattery: return "warning_low_battery"
            case .malformedPacket: return "warning_malformed_packet"
            case .readFailed: return "warning_read_failed"
            case .connectFailed: return "warning_connect_failed"
            }
        case .picker: return "picker"
        }
    }

    /// A sensor call's channels.
    public static func delivery(for call: SensorCall, preferences: CuePreferences, appInFront: Bool) -> CueDelivery? {
        cue(for: call).map {
            delivery(for: $0, id: "sensor-\(name(of: call))", preferences: preferences, appInFront: appInFront)
        }
    }
}
