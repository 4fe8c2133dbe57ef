package app.patella.shell.ports

import app.patella.shell.cue.CueNotification
import app.patella.shell.session.OngoingNotice

/**
 * Notifications. The app's adapter posts through NotificationManager: one
 * ongoing notification for the foreground run service, and cue
 * notifications that reach a locked phone.
 */
interface Notifier {
    /** Posts (or replaces, by tag) a cue notification. */
    fun post(notification: CueNotification)

    /** Shows or refreshes the ongoing run notification. */
    fun showOngoing(notice: OngoingNotice)

    /** Removes the ongoing run notification when the run is over. */
    fun clearOngoing()
}
