// The ports on a real iPhone.
// iOS only: it wires the speaker, haptics and metronome, which are.
#if os(iOS)
import PatellaAppModel

@MainActor
public enum PhonePorts {
    public static func make(notifier: LocalNotifier = LocalNotifier()) -> AppPorts {
        AppPorts(speaker: SpeechSpeaker(), haptics: PhoneHaptics(), metronome: ClickMetronome(),
                 notifier: notifier, clock: SystemClock())
    }
}
#endif
