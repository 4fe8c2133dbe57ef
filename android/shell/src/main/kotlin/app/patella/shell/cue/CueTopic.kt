package app.patella.shell.cue

/**
 * What a cue is about. A cue notification of one topic replaces the one
 * before it (its tag), so a locked phone shows the latest segment change
 * and the latest cadence cue, not a pile of them; each topic is also its
 * own notification channel, which the runner can silence separately.
 */
enum class CueTopic(val tag: String) {
    SESSION("patella-session"),
    SEGMENT("patella-segment"),
    KNEE("patella-knee"),
    CADENCE("patella-cadence"),
    SENSOR("patella-sensor"),
}
