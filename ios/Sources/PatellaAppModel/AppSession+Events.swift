// Observer calls, on the main actor and in order: each cue through the cue
// policy to the speaker, haptics and notifications, and the app's own action
// for the event's kind.
import Foundation
import Patella

extension AppSession {
    // MARK: events

    func handle(runEvent event: RunEvent) {
        let delivery = CuePolicy.delivery(for: event, preferences: preferences, appInFront: appInFront)
        deliver(delivery)
        run.heard(event.cue)
        switch delivery.action {
        case let .metronome(intervalMs):
            if let intervalMs { ports.metronome.start(intervalMs: intervalMs) } else { ports.metronome.stop() }
        case .askCheckIn:
            if runSession != nil { openCheckIn(moment: .duringRun) }
        case .sessionEnded:
            finishRun()
        case .none:
            break
        }
        redrawRun()
    }

    func handle(sensorCall call: SensorCall) {
        if case let .picker(screen) = call {
            sensorPicker.show(screen)
            return
        }
        if let delivery = CuePolicy.delivery(for: call, preferences: preferences, appInFront: appInFront) {
            deliver(delivery)
        }
        redrawRun()
    }

    private func deliver(_ delivery: CueDelivery) {
        if let speech = delivery.speech { ports.speaker.speak(speech) }
        if let haptic = delivery.haptic { ports.haptics.play(haptic) }
        if let notification = delivery.notification { ports.notifier.post(notification) }
    }
}
