// The optional Live Activity: the current segment and its countdown on the
// lock screen and in the Dynamic Island. The widget extension that draws it
// is the app team's; these are its attributes and the controller that
// starts, updates and ends it from the Run model's state.
// iOS only: ActivityKit is an iOS and iPadOS framework (16.1 and later).
#if os(iOS)
import ActivityKit
import Foundation
import PatellaAppModel

public struct RunActivityAttributes: ActivityAttributes {
    public struct ContentState: Codable, Hashable {
        /// `RunState.segmentLabel`.
        public var segment: String
        /// `RunState.countdownLabel`, as the core words it.
        public var countdown: String
        /// `RunState.cadenceLabel`.
        public var cadence: String
    }

    public init() {}
}

@MainActor
public final class RunLiveActivity {
    private var activity: Activity<RunActivityAttributes>?

    public init() {}

    public func show(_ state: RunState) {
        let content = RunActivityAttributes.ContentState(
            segment: state.segmentLabel ?? state.statusLabel, countdown: state.countdownLabel,
            cadence: state.cadenceLabel)
        if let activity {
            Task { await activity.update(ActivityContent(state: content, staleDate: nil)) }
        } else if ActivityAuthorizationInfo().areActivitiesEnabled {
            activity = try? Activity.request(attributes: RunActivityAttributes(),
                                             content: ActivityContent(state: content, staleDate: nil))
        }
    }

    public func end() {
        guard let activity else { return }
        Task { await activity.end(nil, dismissalPolicy: .immediate) }
        self.activity = nil
    }
}
#endif
