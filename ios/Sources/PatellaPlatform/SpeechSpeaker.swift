// Speaks cues with AVSpeechSynthesizer. The audio session ducks the
// runner's music while a cue is read and hands it back afterwards; with the
// `audio` background mode this keeps working with the phone locked.
// iOS only: it ducks and restores other audio through AVAudioSession, which
// macOS does not have (iOS, iPadOS, Mac Catalyst, tvOS, watchOS, visionOS).
#if os(iOS)
import AVFoundation
import PatellaAppModel

@MainActor
public final class SpeechSpeaker: NSObject, Speaker, AVSpeechSynthesizerDelegate {
    private let synthesizer = AVSpeechSynthesizer()
    private let audio = AVAudioSession.sharedInstance()

    public override init() {
        super.init()
        synthesizer.delegate = self
        try? audio.setCategory(.playback, mode: .voicePrompt,
                               options: [.duckOthers, .interruptSpokenAudioAndMixWithOthers])
    }

    public func speak(_ text: String) {
        try? audio.setActive(true)
        let utterance = AVSpeechUtterance(string: text)
        // A short lead-in: Bluetooth headphones wake up on the first audio
        // and would otherwise swallow the cue's first syllables.
        utterance.preUtteranceDelay = 0.3
        synthesizer.speak(utterance)
    }

    public func silence() {
        synthesizer.stopSpeaking(at: .immediate)
        try? audio.setActive(false, options: .notifyOthersOnDeactivation)
    }

    nonisolated public func speechSynthesizer(_ synthesizer: AVSpeechSynthesizer, didFinish utterance: AVSpeechUtterance) {
        Task { @MainActor in
            // The music comes back to full volume once nothing is queued.
            if !self.synthesizer.isSpeaking {
                try? self.audio.setActive(false, options: .notifyOthersOnDeactivation)
            }
        }
    }
}
#endif
