package app.patella.shell.ports

/**
 * Reads a cue aloud. The app's adapter is TextToSpeech with audio focus
 * ducking (music gets quieter, not paused); tests use [app.patella.shell.fakes.FakeSpeaker].
 */
interface Speaker {
    /** Says [utterance]; an interrupting one cuts off whatever is being said. */
    fun speak(utterance: Utterance)

    /** Stops speaking and gives the audio focus back. */
    fun silence()
}

/** One sentence to say, with whether it may cut off the sentence under way. */
data class Utterance(val text: String, val interrupt: Boolean)
