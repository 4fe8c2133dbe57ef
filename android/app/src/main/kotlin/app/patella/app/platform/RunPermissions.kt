package app.patella.app.platform

import android.Manifest
import android.content.Context
import android.content.pm.PackageManager
import android.os.Build
import androidx.core.content.ContextCompat

/** The four runtime permissions a run asks for, each with its own refusal screen. */
enum class RunPermission(val names: List<String>) {
    BLUETOOTH_SCAN(if (Build.VERSION.SDK_INT >= Build.VERSION_CODES.S) listOf(Manifest.permission.BLUETOOTH_SCAN) else listOf(Manifest.permission.ACCESS_FINE_LOCATION)),
    BLUETOOTH_CONNECT(if (Build.VERSION.SDK_INT >= Build.VERSION_CODES.S) listOf(Manifest.permission.BLUETOOTH_CONNECT) else emptyList()),
    POST_NOTIFICATIONS(if (Build.VERSION.SDK_INT >= Build.VERSION_CODES.TIRAMISU) listOf(Manifest.permission.POST_NOTIFICATIONS) else emptyList()),
    ACTIVITY_RECOGNITION(if (Build.VERSION.SDK_INT >= Build.VERSION_CODES.Q) listOf(Manifest.permission.ACTIVITY_RECOGNITION) else emptyList()),
    ;

    fun granted(context: Context) =
        names.all { ContextCompat.checkSelfPermission(context, it) == PackageManager.PERMISSION_GRANTED }

    companion object {
        /** What a run with a foot pod needs; the phone's steps need ACTIVITY_RECOGNITION instead. */
        val forPod = listOf(BLUETOOTH_SCAN, BLUETOOTH_CONNECT, POST_NOTIFICATIONS)
        val forPhoneSteps = listOf(ACTIVITY_RECOGNITION, POST_NOTIFICATIONS)
    }
}
