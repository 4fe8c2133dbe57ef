package app.patella.shell.fakes

import app.patella.shell.cue.CueNotification
import app.patella.shell.cue.CuePlayer
import app.patella.shell.cue.VibrationPattern
import app.patella.shell.ports.Clock
import app.patella.shell.ports.Haptics
import app.patella.shell.ports.Metronome
import app.patella.shell.ports.Notifier
import app.patella.shell.ports.Speaker
import app.patella.shell.ports.Utterance
import app.patella.shell.session.OngoingNotice

/**
 * Fakes of the phone's means, recording what they were asked to do, for
 * the shell's tests and for Compose previews.
 */
class FakeSpeaker : Speaker {
    val said = mutableListOf<Utterance>()
    var silenced = 0

    override fun speak(utterance: Utterance) {
        said += utterance
    }

    override fun silence() {
        silenced += 1
    }
}

class FakeHaptics : Haptics {
    val played = mutableListOf<VibrationPattern>()

    override fun vibrate(pattern: VibrationPattern) {
        played += pattern
    }
}

class FakeMetronome : Metronome {
    /** The interval playing now; null when stopped. */
    var playingMs: Int? = null
    val commands = mutableListOf<String>()

    override fun play(intervalMs: Int) {
        playingMs = intervalMs
        commands += "play $intervalMs"
    }

    override fun stop() {
        playingMs = null
        commands += "stop"
    }
}

class FakeNotifier : Notifier {
    val posted = mutableListOf<CueNotification>()
    var ongoing: OngoingNotice? = null

    override fun post(notification: CueNotification) {
        posted += notification
    }

    override fun showOngoing(notice: OngoingNotice) {
        ongoing = notice
    }

    override fun clearOngoing() {
        ongoing = null
    }
}

/** A clock the test moves by hand. */
class FakeClock(var monotonic: ULong = 0u, var dateTime: String = "2026-11-24T07:00:00") : Clock {
    override fun monotonicMs(): ULong = monotonic

    override fun localDateTime(): String = dateTime
}

/** All the fakes, and the player over them. */
class FakePhone {
    val speaker = FakeSpeaker()
    val haptics = FakeHaptics()
    val metronome = FakeMetronome()
    val notifier = FakeNotifier()
    val player = CuePlayer(speaker, haptics, metronome, notifier)
}
