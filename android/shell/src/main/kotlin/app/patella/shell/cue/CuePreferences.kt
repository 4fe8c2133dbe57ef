package app.patella.shell.cue

import app.patella.core.AppSettings

/** The runner's switches the cue policy follows, from the Settings record. */
data class CuePreferences(val voiceCues: Boolean, val metronome: Boolean) {
    companion object {
        fun from(settings: AppSettings) = CuePreferences(settings.voiceCues, settings.metronome)
    }
}
