package app.patella.app.platform

import android.content.Context
import android.media.AudioAttributes
import android.media.AudioFocusRequest
import android.media.AudioManager
import android.speech.tts.TextToSpeech
import android.speech.tts.UtteranceProgressListener
import app.patella.shell.ports.Speaker
import app.patella.shell.ports.Utterance

/**
 * Speaks cues with TextToSpeech. While it speaks it holds a transient audio
 * focus that lets music duck (play quieter) rather than pause, and gives it
 * back when the queue is empty. Cues asked for before the engine is ready
 * wait for it.
 */
class TtsSpeaker(context: Context) : Speaker, TextToSpeech.OnInitListener {
    private val audio = context.getSystemService(AudioManager::class.java)
    private val attributes = AudioAttributes.Builder()
        .setUsage(AudioAttributes.USAGE_ASSISTANCE_NAVIGATION_GUIDANCE)
        .setContentType(AudioAttributes.CONTENT_TYPE_SPEECH)
        .build()
    private val focus = AudioFocusRequest.Builder(AudioManager.AUDIOFOCUS_GAIN_TRANSIENT_MAY_DUCK)
        .setAudioAttributes(attributes)
        .setWillPauseWhenDucked(false)
        .build()
    private val tts = TextToSpeech(context.applicationContext, this)
    private var ready = false
    private val waiting = ArrayDeque<Utterance>()
    private var nextId = 0L

    override fun onInit(status: Int) {
        ready = status == TextToSpeech.SUCCESS
        if (!ready) return
        tts.setAudioAttributes(attributes)
        tts.setOnUtteranceProgressListener(object : UtteranceProgressListener() {
            override fun onStart(utteranceId: String?) = Unit
            override fun onDone(utteranceId: String?) = releaseWhenQuiet()
            @Deprecated("Deprecated in Java")
            override fun onError(utteranceId: String?) = releaseWhenQuiet()
        })
        while (waiting.isNotEmpty()) speak(waiting.removeFirst())
    }

    override fun speak(utterance: Utterance) {
        if (!ready) {
            waiting.addLast(utterance)
            return
        }
        audio.requestAudioFocus(focus)
        val mode = if (utterance.interrupt) TextToSpeech.QUEUE_FLUSH else TextToSpeech.QUEUE_ADD
        tts.speak(utterance.text, mode, null, "patella-${nextId++}")
    }

    override fun silence() {
        waiting.clear()
        if (ready) tts.stop()
        audio.abandonAudioFocusRequest(focus)
    }

    fun shutdown() {
        silence()
        tts.shutdown()
    }

    private fun releaseWhenQuiet() {
        if (!tts.isSpeaking) audio.abandonAudioFocusRequest(focus)
    }
}
