package app.patella.app.platform

import android.content.Context
import android.os.Build
import android.os.VibrationAttributes
import android.os.VibrationEffect
import android.os.Vibrator
import android.os.VibratorManager
import app.patella.shell.cue.VibrationPattern
import app.patella.shell.ports.Haptics

/** Plays the cue policy's pattern for each urgency on the phone's vibrator. */
class VibratorHaptics(context: Context) : Haptics {
    private val vibrator: Vibrator = if (Build.VERSION.SDK_INT >= Build.VERSION_CODES.S) {
        context.getSystemService(VibratorManager::class.java).defaultVibrator
    } else {
        @Suppress("DEPRECATION")
        context.getSystemService(Vibrator::class.java)
    }

    override fun vibrate(pattern: VibrationPattern) {
        if (!vibrator.hasVibrator()) return
        val effect = VibrationEffect.createWaveform(pattern.timingsMs.toLongArray(), -1)
        if (Build.VERSION.SDK_INT >= Build.VERSION_CODES.TIRAMISU) {
            // Accessibility usage: felt through Do Not Disturb and with the screen off.
            vibrator.vibrate(effect, VibrationAttributes.createForUsage(VibrationAttributes.USAGE_ACCESSIBILITY))
        } else {
            vibrator.vibrate(effect)
        }
    }
}
