// Plays the cue policy's haptic patterns with Core Haptics, or with
// UIFeedbackGenerator on phones without a haptic engine.
// iOS only: UIKit's feedback generators (UIFeedbackGenerator and its
// subclasses: iOS, iPadOS, Mac Catalyst) do not exist on macOS.
#if os(iOS)
import CoreHaptics
import PatellaAppModel
import UIKit

@MainActor
public final class PhoneHaptics: Haptics {
    private var engine: CHHapticEngine?

    public init() {
        if CHHapticEngine.capabilitiesForHardware().supportsHaptics {
            engine = try? CHHapticEngine()
            engine?.isAutoShutdownEnabled = true
        }
    }

    public func play(_ pattern: HapticPattern) {
        guard let engine, let player = try? engine.makePlayer(with: Self.pattern(pattern)) else {
            fallback(pattern)
            return
        }
        try? engine.start()
        try? player.start(atTime: CHHapticTimeImmediate)
    }

    private static func pattern(_ pattern: HapticPattern) throws -> CHHapticPattern {
        func tap(at time: TimeInterval, intensity: Float) -> CHHapticEvent {
            CHHapticEvent(eventType: .hapticTransient, parameters: [
                CHHapticEventParameter(parameterID: .hapticIntensity, value: intensity),
                CHHapticEventParameter(parameterID: .hapticSharpness, value: 0.6),
            ], relativeTime: time)
        }
        switch pattern {
        case .tap:
            return try CHHapticPattern(events: [tap(at: 0, intensity: 0.6)], parameters: [])
        case .doubleTap:
            return try CHHapticPattern(events: [tap(at: 0, intensity: 1), tap(at: 0.18, intensity: 1)], parameters: [])
        case .longBuzz:
            return try CHHapticPattern(events: [
                CHHapticEvent(eventType: .hapticContinuous, parameters: [
                    CHHapticEventParameter(parameterID: .hapticIntensity, value: 1),
                ], relativeTime: 0, duration: 0.8),
            ], parameters: [])
        }
    }

    private func fallback(_ pattern: HapticPattern) {
        switch pattern {
        case .tap: UIImpactFeedbackGenerator(style: .light).impactOccurred()
        case .doubleTap: UINotificationFeedbackGenerator().notificationOccurred(.warning)
        case .longBuzz: UINotificationFeedbackGenerator().notificationOccurred(.error)
        }
    }
}
#endif
