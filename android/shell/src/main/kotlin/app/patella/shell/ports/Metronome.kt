package app.patella.shell.ports

/** A click per step. The app's adapter plays it on AudioTrack. */
interface Metronome {
    /** Starts (or retimes) the clicks, one every [intervalMs]. */
    fun play(intervalMs: Int)

    /** Stops the clicks. */
    fun stop()
}
