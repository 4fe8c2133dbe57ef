package app.patella.shell.cue

import app.patella.shell.ports.Haptics
import app.patella.shell.ports.Metronome
import app.patella.shell.ports.Notifier
import app.patella.shell.ports.Speaker
import app.patella.shell.session.OngoingNotice

/** Hands each part of a [CueDelivery] to the phone's means. Call it on the main thread. */
class CuePlayer(
    private val speaker: Speaker,
    private val haptics: Haptics,
    private val metronome: Metronome,
    private val notifier: Notifier,
) {
    fun play(delivery: CueDelivery) {
        delivery.vibration?.let(haptics::vibrate)
        delivery.speech?.let(speaker::speak)
        delivery.notification?.let(notifier::post)
        when (val command = delivery.metronome) {
            is MetronomeCommand.Play -> metronome.play(command.intervalMs)
            MetronomeCommand.Stop -> metronome.stop()
            null -> Unit
        }
    }

    /** The foreground service's notification follows the Run screen. */
    fun showOngoing(notice: OngoingNotice) = notifier.showOngoing(notice)

    /** The run is over: no clicks, no speech, no ongoing notification. */
    fun quiet() {
        metronome.stop()
        speaker.silence()
        notifier.clearOngoing()
    }
}
