package app.patella.shell.ports

import app.patella.shell.cue.VibrationPattern

/** Plays a vibration pattern. The app's adapter is the system Vibrator. */
fun interface Haptics {
    fun vibrate(pattern: VibrationPattern)
}
