// The Check-in screen: the 0-10 scale, moment, quality, location and red
// flags from `checkInScreen(moment:)`, the runner's answers as a draft, and
// the saved check-in's advice from the core's assessment.
import Foundation
import Observation
import Patella

/// How a scale point is coloured. Fed by `ScalePoint.zone`.
public enum ScaleTone: Equatable, Sendable {
    case noPain, withinBuffer, aboveBuffer
}

/// One pick in a list of choices (moment, quality, location, red flag).
public struct CheckInChoice: Equatable, Identifiable, Sendable {
    /// Position in its list.
    public var id: Int
    /// `label` (or a red flag's `question`): the row's text.
    public var label: String
    /// The runner's draft: ticked or not.
    public var selected: Bool
}

/// One point of the scale. Fed by `ScalePoint`.
public struct ScaleChoice: Equatable, Identifiable, Sendable {
    /// `score`: the identity.
    public var id: Int
    /// `score` as the button's title.
    public var scoreLabel: String
    /// `label`: what the number means, under the scale when picked.
    public var label: String
    /// `zoneLabel`: the buffer-zone sentence for that number.
    public var zoneLabel: String
    /// `zone`: the button's colour.
    public var tone: ScaleTone
    /// The runner's draft.
    public var selected: Bool
}

/// What the Check-in view shows. Fed by `CheckInScreen`, the draft and the
/// saved check-in's `CheckInOutcome` (or, mid-run, the Run screen).
public struct CheckInState: Equatable, Sendable {
    /// `title`: the sheet's title.
    public var title: String
    /// `prompt`: the question above the scale.
    public var prompt: String
    /// `scale`: eleven buttons, 0-10.
    public var scale: [ScaleChoice]
    /// `moments`: when the pain is felt; the screen's `moment` starts selected.
    public var moments: [CheckInChoice]
    /// `qualityPrompt` and `qualities`: optional, one at most.
    public var qualityPrompt: String
    public var qualities: [CheckInChoice]
    /// `locationPrompt` and `locations`: optional, one at most.
    public var locationPrompt: String
    public var locations: [CheckInChoice]
    /// `redFlagPrompt` and `redFlags`: any number.
    public var redFlagPrompt: String
    public var redFlags: [CheckInChoice]
    /// `submitLabel`: the Save button.
    public var submitLabel: String
    /// A score is picked: enables Save.
    public var canSubmit: Bool
    /// `CheckInOutcome.assessment.advice` once saved: what to do now.
    public var advice: String?
    /// `CheckInOutcome.planChanges[].reason`: how the plan changed.
    public var planChanges: [String]
    /// `CheckInOutcome.trendWarning`: pain not improving over weeks.
    public var trendWarning: String?
    /// The core's message when the check-in was refused.
    public var errorMessage: String?

    public static let empty = CheckInState(
        title: "", prompt: "", scale: [], moments: [], qualityPrompt: "", qualities: [], locationPrompt: "",
        locations: [], redFlagPrompt: "", redFlags: [], submitLabel: "", canSubmit: false, advice: nil,
        planChanges: [], trendWarning: nil, errorMessage: nil)
}

@MainActor
@Observable
public final class CheckInModel {
    public private(set) var state = CheckInState.empty
    @ObservationIgnored private var record: CheckInScreen?
    @ObservationIgnored weak var session: AppSession?

    public init() {}

    /// Shows a fresh form for `screen`, its moment preselected.
    public func show(_ screen: CheckInScreen) {
        record = screen
        func choices(_ labels: [String], selected: Int? = nil) -> [CheckInChoice] {
            labels.enumerated().map { CheckInChoice(id: $0.offset, label: $0.element, selected: $0.offset == selected) }
        }
        state = CheckInState(
            title: screen.title,
            prompt: screen.prompt,
            scale: screen.scale.map {
                ScaleChoice(id: Int($0.score), scoreLabel: String($0.score), label: $0.label, zoneLabel: $0.zoneLabel, tone: Self.tone($0.zone),
                            selected: false)
            },
            moments: choices(screen.moments.map(\.label),
                             selected: screen.moments.firstIndex { $0.moment == screen.moment }),
            qualityPrompt: screen.qualityPrompt,
            qualities: choices(screen.qualities.map(\.label)),
            locationPrompt: screen.locationPrompt,
            locations: choices(screen.locations.map(\.label)),
            redFlagPrompt: screen.redFlagPrompt,
            redFlags: choices(screen.redFlags.map(\.question)),
            submitLabel: screen.submitLabel,
            canSubmit: false, advice: nil, planChanges: [], trendWarning: nil, errorMessage: nil)
    }

    static func tone(_ zone: ScaleZone) -> ScaleTone {
        switch zone {
        case .noPain: return .noPain
        case .withinBuffer: return .withinBuffer
        case .aboveBuffer: return .aboveBuffer
        }
    }

    // MARK: intents

    public func pick(score: ScaleChoice) {
        for i in state.scale.indices { state.scale[i].selected = state.scale[i].id == score.id }
        state.canSubmit = true
    }

    public func pick(moment: CheckInChoice) { selectOne(&state.moments, moment) }

    public func toggle(quality: CheckInChoice) { selectAtMostOne(&state.qualities, quality) }

    public func toggle(location: CheckInChoice) { selectAtMostOne(&state.locations, location) }

    public func toggle(redFlag: CheckInChoice) {
        guard redFlag.id < state.redFlags.count else { return }
        state.redFlags[redFlag.id].selected.toggle()
    }

    public func submit() {
        guard let draft = draft(takenAt: session?.localDateTime() ?? "") else { return }
        session?.submit(checkIn: draft)
    }

    /// The answers as the core's `CheckIn`; nil until a score is picked.
    public func draft(takenAt: String) -> CheckIn? {
        guard let record, let score = state.scale.first(where: \.selected)?.id,
              let moment = state.moments.firstIndex(where: \.selected) else { return nil }
        let quality = state.qualities.firstIndex(where: \.selected).map { record.qualities[$0].quality }
        let location = state.locations.firstIndex(where: \.selected).map { record.locations[$0].location }
        let flags = state.redFlags.filter(\.selected).map { record.redFlags[$0.id].flag }
        return CheckIn(takenAt: takenAt, score: Int64(score), moment: record.moments[moment].moment,
                       quality: quality, location: location, redFlags: flags)
    }

    /// The saved check-in's outcome, from the coach.
    func saved(_ result: CheckInOutcome) {
        state.advice = result.assessment.advice
        state.planChanges = result.planChanges.map(\.reason)
        state.trendWarning = result.trendWarning
        state.errorMessage = nil
    }

    /// A check-in given mid-run: the run screen carries its assessment.
    func saved(advice: String?) {
        state.advice = advice
        state.planChanges = []
        state.trendWarning = nil
        state.errorMessage = nil
    }

    func fail(_ error: Error) {
        state.errorMessage = error.localizedDescription
    }

    private func selectOne(_ list: inout [CheckInChoice], _ choice: CheckInChoice) {
        for i in list.indices { list[i].selected = list[i].id == choice.id }
    }

    private func selectAtMostOne(_ list: inout [CheckInChoice], _ choice: CheckInChoice) {
        let wasSelected = list.first { $0.id == choice.id }?.selected ?? false
        for i in list.indices { list[i].selected = !wasSelected && list[i].id == choice.id }
    }
}
