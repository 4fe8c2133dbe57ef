package app.patella.shell.ports

import app.patella.core.monotonicNowMs
import java.time.LocalDateTime
import java.time.ZoneId
import java.time.format.DateTimeFormatter
import java.time.temporal.ChronoUnit

/**
 * The two times the core asks for: the sleep-counting monotonic clock the
 * sensor stamps its readings with, and the local calendar.
 */
interface Clock {
    /** Milliseconds on the library's sleep-counting clock. */
    fun monotonicMs(): ULong

    /** The local date and time, ISO-8601 to the second ("2026-11-25T07:30:00"). */
    fun localDateTime(): String

    /** The local date, ISO-8601 ("2026-11-25"). */
    fun localDate(): String = localDateTime().substring(0, DATE_LENGTH)

    private companion object {
        const val DATE_LENGTH = 10
    }
}

/** The real clocks: the library's `monotonicNowMs` and the phone's zone. */
class SystemClocks(private val zone: ZoneId = ZoneId.systemDefault()) : Clock {
    override fun monotonicMs(): ULong = monotonicNowMs()

    override fun localDateTime(): String =
        LocalDateTime.now(zone).truncatedTo(ChronoUnit.SECONDS).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
}
