// The Run screen: one `RunSession.snapshot` per redraw (once a second and
// after each event), the latest cue as a banner, and the run's buttons.
import Foundation
import Observation
import Patella

/// How the cadence reads against the band. Fed by `RunCadenceGauge.zone`.
public enum CadenceTone: Equatable, Sendable {
    /// No signal, stopped, walking or unsure: grey.
    case neutral
    case low, inBand, high
}

/// The cadence gauge, present when the core gives a reading and a band.
/// Fed by `RunCadenceGauge.spm`, `bandLowSpm`, `bandHighSpm`.
public struct CadenceGaugeState: Equatable, Sendable {
    public var value: Double
    public var low: Double
    public var high: Double
}

/// One piece of the segment strip. Fed by `RunStripSegment`.
public struct StripPiece: Equatable, Identifiable, Sendable {
    /// Position in the plan.
    public var id: Int
    /// `kind`: the piece's colour.
    public var kind: StripKind
    /// `doneFraction`: how much of it is filled, 0-1.
    public var doneFraction: Double
    /// `state == .current`: outlined.
    public var isCurrent: Bool
}

public enum StripKind: Equatable, Sendable {
    case warmUp, run, walk, coolDown
}

/// What the Run view shows. Fed by `RunScreen`.
public struct RunState: Equatable, Sendable {
    /// `statusLabel`: Ready, Running, Paused...
    public var statusLabel: String
    /// `current.label` and `current.durationLabel`: the big segment title.
    public var segmentLabel: String?
    public var segmentDurationLabel: String?
    /// `next.label`: "then ..." under it.
    public var nextLabel: String?
    /// `countdownLabel`: the big clock; `elapsedLabel` and `remainingLabel` beside it.
    public var countdownLabel: String
    public var elapsedLabel: String
    public var remainingLabel: String
    /// `cadence.label`, `cadence.zoneLabel`, `cadence.bandLabel`, `cadence.zone`.
    public var cadenceLabel: String
    public var cadenceZoneLabel: String
    public var bandLabel: String?
    public var cadenceTone: CadenceTone
    public var gauge: CadenceGaugeState?
    /// `walkingInRunLabel`: "walking for ..." in a run segment.
    public var walkingLabel: String?
    /// `sensor.label`, `sensor.batteryLabel`, `sensor.batteryLow`: the sensor panel.
    public var sensorLabel: String
    public var batteryLabel: String?
    public var batteryLow: Bool
    /// `checkInPrompt.question`: the check-in banner.
    public var checkInQuestion: String?
    /// `lastAssessment.advice`: the latest check-in's advice.
    public var assessmentAdvice: String?
    /// `stopLabel`: why the run ended early.
    public var stopLabel: String?
    /// `strip`: the plan as a bar.
    public var strip: [StripPiece]
    /// `buttons`: which buttons are enabled.
    public var canStart: Bool
    public var canPause: Bool
    public var canResume: Bool
    public var canStop: Bool
    public var canCheckIn: Bool
    /// `metronome.playing`: the metronome icon.
    public var metronomePlaying: Bool
    /// The latest event's `cue.text`: the banner under the clock.
    public var lastCue: String?
    /// The core's message when an intent was refused.
    public var errorMessage: String?

    public static let empty = RunState(
        statusLabel: "", segmentLabel: nil, segmentDurationLabel: nil, nextLabel: nil, countdownLabel: "",
        elapsedLabel: "", remainingLabel: "", cadenceLabel: "", cadenceZoneLabel: "", bandLabel: nil,
        cadenceTone: .neutral, gauge: nil, walkingLabel: nil, sensorLabel: "", batteryLabel: nil,
        batteryLow: false, checkInQuestion: nil, assessmentAdvice: nil, stopLabel: nil, strip: [],
        canStart: false, canPause: false, canResume: false, canStop: false, canCheckIn: false,
        metronomePlaying: false, lastCue: nil, errorMessage: nil)
}

@MainActor
@Observable
public final class RunModel {
    public private(set) var state = RunState.empty
    /// The run is live (started, restored, not yet kept): the app shows the Run screen.
    public private(set) var isActive = false
    @ObservationIgnored weak var session: AppSession?

    public init() {}

    public func show(_ screen: RunScreen) {
        let c = screen.cadence
        var gauge: CadenceGaugeState?
        if let spm = c.spm, let low = c.bandLowSpm, let high = c.bandHighSpm {
            gauge = CadenceGaugeState(value: spm, low: low, high: high)
        }
        state = RunState(
            statusLabel: screen.statusLabel,
            segmentLabel: screen.current?.label, segmentDurationLabel: screen.current?.durationLabel,
            nextLabel: screen.next?.label,
            countdownLabel: screen.countdownLabel, elapsedLabel: screen.elapsedLabel,
            remainingLabel: screen.remainingLabel,
            cadenceLabel: c.label, cadenceZoneLabel: c.zoneLabel, bandLabel: c.bandLabel,
            cadenceTone: Self.tone(c.zone), gauge: gauge,
            walkingLabel: screen.walkingInRunLabel,
            sensorLabel: screen.sensor.label, batteryLabel: screen.sensor.batteryLabel,
            batteryLow: screen.sensor.batteryLow,
            checkInQuestion: screen.checkInPrompt?.question,
            assessmentAdvice: screen.lastAssessment?.advice,
            stopLabel: screen.stopLabel,
            strip: screen.strip.enumerated().map {
                StripPiece(id: $0.offset, kind: Self.kind($0.element.kind), doneFraction: $0.element.doneFraction,
                           isCurrent: $0.element.state == .current)
            },
            canStart: screen.buttons.start, canPause: screen.buttons.pause, canResume: screen.buttons.resume,
            canStop: screen.buttons.stop, canCheckIn: screen.buttons.checkIn,
            metronomePlaying: screen.metronome.playing,
            lastCue: state.lastCue,
            // A refused intent's message outlives the redraws that follow it.
            errorMessage: state.errorMessage)
    }

    func heard(_ cue: RunCue) {
        state.lastCue = cue.text
    }

    func setActive(_ active: Bool) {
        isActive = active
        if active { state.errorMessage = nil }
        if !active { state.lastCue = nil }
    }

    func fail(_ error: Error) {
        state.errorMessage = error.localizedDescription
    }

    static func tone(_ zone: RunCadenceState) -> CadenceTone {
        switch zone {
        case .noSignal, .stopped, .walking, .suspect, .running: return .neutral
        case .belowBand: return .low
        case .inBand: return .inBand
        case .aboveBand: return .high
        }
    }

    static func kind(_ kind: RunSegmentKind) -> StripKind {
        switch kind {
        case .warmUp: return .warmUp
        case .run: return .run
        case .walk: return .walk
        case .coolDown: return .coolDown
        }
    }

    // MARK: intents

    public func start() { act { $0.startRunClock() } }
    public func pause() { act { $0.pauseRun() } }
    public func resume() { act { $0.resumeRun() } }
    public func stop() { act { $0.stopRun() } }
    public func checkIn() { act { $0.openCheckIn(moment: .duringRun) } }

    private func act(_ intent: (AppSession) -> Void) {
        state.errorMessage = nil
        if let session { intent(session) }
    }
}
