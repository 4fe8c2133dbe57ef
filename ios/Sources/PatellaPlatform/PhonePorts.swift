// The ports on a real iPhone.
import PatellaAppModel

@MainActor
public enum PhonePorts {
    public static func make(notifier: LocalNotifier = LocalNotifier()) -> AppPorts {
        AppPorts(speaker: SpeechSpeaker(), haptics: PhoneHaptics(), metronome: ClickMetronome(),
                 notifier: notifier, clock: SystemClock())
    }
}
