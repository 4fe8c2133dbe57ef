package app.patella.shell.cue

/**
 * A vibration as alternating off/on durations in milliseconds (the shape
 * Android's `VibrationEffect.createWaveform` takes), with a name for logs
 * and tests. One pattern per urgency, so a runner learns them by feel.
 */
data class VibrationPattern(val name: String, val timingsMs: List<Long>) {
    companion object {
        /** One short tap: a gentle correction or a step in the session. */
        val NUDGE = VibrationPattern("nudge", listOf(0L, 120L))

        /** Two firm pulses: something to act on soon. */
        val WARNING = VibrationPattern("warning", listOf(0L, 250L, 150L, 250L))

        /** Three long pulses: the run stopped for the knee's sake. */
        val STOP = VibrationPattern("stop", listOf(0L, 600L, 200L, 600L, 200L, 600L))
    }
}
