package app.patella.app.platform

import android.media.AudioAttributes
import android.media.AudioFormat
import android.media.AudioTrack
import app.patella.shell.ports.Metronome
import kotlin.math.PI
import kotlin.math.exp
import kotlin.math.sin

/**
 * A click per step on AudioTrack: one beat (a short 1.5 kHz tick, then
 * silence) written once into a static buffer exactly one interval long and
 * looped, so the beat keeps time to the sample however busy the app is.
 */
class AudioTrackMetronome : Metronome {
    private var track: AudioTrack? = null
    private var playingMs: Int? = null

    override fun play(intervalMs: Int) {
        if (playingMs == intervalMs && track != null) return
        stop()
        val frames = SAMPLE_RATE * intervalMs / 1_000
        val beat = ShortArray(frames)
        for (i in 0 until minOf(CLICK_FRAMES, frames)) {
            val decay = exp(-i / (CLICK_FRAMES / 5.0))
            beat[i] = (sin(2 * PI * CLICK_HZ * i / SAMPLE_RATE) * decay * Short.MAX_VALUE * VOLUME).toInt().toShort()
        }
        track = AudioTrack.Builder()
            .setAudioAttributes(
                AudioAttributes.Builder()
                    .setUsage(AudioAttributes.USAGE_ASSISTANCE_SONIFICATION)
                    .setContentType(AudioAttributes.CONTENT_TYPE_SONIFICATION)
                    .build(),
            )
            .setAudioFormat(
                AudioFormat.Builder()
                    .setEncoding(AudioFormat.ENCODING_PCM_16BIT)
                    .setSampleRate(SAMPLE_RATE)
                    .setChannelMask(AudioFormat.CHANNEL_OUT_MONO)
                    .build(),
            )
            .setTransferMode(AudioTrack.MODE_STATIC)
            .setBufferSizeInBytes(frames * 2)
            .build()
            .apply {
                write(beat, 0, frames)
                setLoopPoints(0, frames, -1)
                play()
            }
        playingMs = intervalMs
    }

    override fun stop() {
        track?.run {
            stop()
            release()
        }
        track = null
        playingMs = null
    }

    private companion object {
        const val SAMPLE_RATE = 44_100
        const val CLICK_HZ = 1_500.0
        const val CLICK_FRAMES = 1_300 // about 30 ms
        const val VOLUME = 0.6
    }
}
