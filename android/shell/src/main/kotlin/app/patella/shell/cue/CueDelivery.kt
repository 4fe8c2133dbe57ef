package app.patella.shell.cue

import app.patella.shell.ports.Utterance

/** How loud a cue notification is: Android's notification importance. */
enum class NotificationImportance { LOW, DEFAULT, HIGH }

/** A cue posted as a notification; [tag] replaces the previous one of its topic. */
data class CueNotification(
    val tag: String,
    val topic: CueTopic,
    val text: String,
    val importance: NotificationImportance,
    /** Shown in full on the lock screen. */
    val onLockScreen: Boolean,
)

/** What the metronome should do after an event. */
sealed interface MetronomeCommand {
    data class Play(val intervalMs: Int) : MetronomeCommand
    data object Stop : MetronomeCommand
}

/** Everything one cue turns into; null parts are not delivered. */
data class CueDelivery(
    val speech: Utterance?,
    val vibration: VibrationPattern?,
    val notification: CueNotification?,
    val metronome: MetronomeCommand? = null,
)
