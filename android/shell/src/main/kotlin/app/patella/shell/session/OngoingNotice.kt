package app.patella.shell.session

import app.patella.core.RunScreen

/**
 * The foreground service's ongoing notification: the segment, its
 * countdown and the cadence, every word from the Run screen record.
 */
data class OngoingNotice(val segment: String, val countdown: String, val cadence: String) {
    companion object {
        fun of(screen: RunScreen) = OngoingNotice(
            segment = screen.current?.label ?: screen.statusLabel,
            countdown = screen.countdownLabel,
            cadence = screen.cadence.label,
        )
    }
}
