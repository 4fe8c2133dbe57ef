package app.patella.app.platform

import android.Manifest
import android.app.Notification
import android.app.NotificationChannel
import android.app.NotificationManager
import android.app.PendingIntent
import android.content.Context
import android.content.Intent
import android.content.pm.PackageManager
import androidx.core.app.NotificationCompat
import androidx.core.app.NotificationManagerCompat
import androidx.core.content.ContextCompat
import app.patella.app.MainActivity
import app.patella.app.R
import app.patella.shell.cue.CueNotification
import app.patella.shell.cue.CueTopic
import app.patella.shell.cue.NotificationImportance
import app.patella.shell.ports.Notifier
import app.patella.shell.session.OngoingNotice

/**
 * The run's notifications: the foreground service's ongoing one (segment,
 * countdown, cadence) and the cue notifications, one channel per cue topic
 * so the runner can quiet one kind without losing the rest. A cue replaces
 * the previous one of its topic (same tag).
 */
class RunNotifier(private val context: Context) : Notifier {
    private val manager = NotificationManagerCompat.from(context)

    init {
        val system = context.getSystemService(NotificationManager::class.java)
        system.createNotificationChannel(
            NotificationChannel(ONGOING_CHANNEL, context.getString(R.string.channel_run), NotificationManager.IMPORTANCE_LOW),
        )
        for (topic in CueTopic.entries) {
            system.createNotificationChannel(
                NotificationChannel(topic.tag, context.getString(channelName(topic)), NotificationManager.IMPORTANCE_HIGH).apply {
                    lockscreenVisibility = Notification.VISIBILITY_PUBLIC
                },
            )
        }
    }

    /** The ongoing notification, also what the service starts in the foreground with. */
    fun ongoing(notice: OngoingNotice?): Notification = NotificationCompat.Builder(context, ONGOING_CHANNEL)
        .setSmallIcon(android.R.drawable.ic_media_play)
        .setContentTitle(notice?.segment ?: context.getString(R.string.ongoing_title))
        .setContentText(notice?.countdown)
        .setSubText(notice?.cadence)
        .setOngoing(true)
        .setOnlyAlertOnce(true)
        .setSilent(true)
        .setCategory(NotificationCompat.CATEGORY_WORKOUT)
        .setVisibility(NotificationCompat.VISIBILITY_PUBLIC)
        .setContentIntent(openApp())
        .build()

    override fun showOngoing(notice: OngoingNotice) {
        if (allowed()) manager.notify(ONGOING_ID, ongoing(notice))
    }

    override fun clearOngoing() = manager.cancel(ONGOING_ID)

    override fun post(notification: CueNotification) {
        if (!allowed()) return
        val built = NotificationCompat.Builder(context, notification.topic.tag)
            .setSmallIcon(android.R.drawable.ic_dialog_info)
            .setContentTitle(context.getString(R.string.app_name))
            .setContentText(notification.text)
            .setStyle(NotificationCompat.BigTextStyle().bigText(notification.text))
            .setPriority(priority(notification.importance))
            .setVisibility(if (notification.onLockScreen) NotificationCompat.VISIBILITY_PUBLIC else NotificationCompat.VISIBILITY_PRIVATE)
            .setCategory(NotificationCompat.CATEGORY_WORKOUT)
            // Sound and vibration come from the cue policy, not the channel.
            .setSilent(true)
            .setAutoCancel(true)
            .setContentIntent(openApp())
            .build()
        manager.notify(notification.tag, CUE_ID, built)
    }

    private fun allowed() = manager.areNotificationsEnabled() &&
        (android.os.Build.VERSION.SDK_INT < android.os.Build.VERSION_CODES.TIRAMISU ||
            ContextCompat.checkSelfPermission(context, Manifest.permission.POST_NOTIFICATIONS) == PackageManager.PERMISSION_GRANTED)

    private fun openApp(): PendingIntent = PendingIntent.getActivity(
        context,
        0,
        Intent(context, MainActivity::class.java).addFlags(Intent.FLAG_ACTIVITY_SINGLE_TOP),
        PendingIntent.FLAG_IMMUTABLE,
    )

    private fun priority(importance: NotificationImportance) = when (importance) {
        NotificationImportance.LOW -> NotificationCompat.PRIORITY_LOW
        NotificationImportance.DEFAULT -> NotificationCompat.PRIORITY_DEFAULT
        NotificationImportance.HIGH -> NotificationCompat.PRIORITY_HIGH
    }

    private fun channelName(topic: CueTopic) = when (topic) {
        CueTopic.SESSION -> R.string.channel_session
        CueTopic.SEGMENT -> R.string.channel_segment
        CueTopic.KNEE -> R.string.channel_knee
        CueTopic.CADENCE -> R.string.channel_cadence
        CueTopic.SENSOR -> R.string.channel_sensor
    }

    companion object {
        const val ONGOING_ID = 1
        private const val CUE_ID = 2
        private const val ONGOING_CHANNEL = "patella-run"
    }
}
