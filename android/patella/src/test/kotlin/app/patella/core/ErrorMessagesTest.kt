package app.patella.core

import java.nio.file.Path
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertThrows
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.io.TempDir

/**
 * Issue 11 ("Errors and docs"): every error type crosses with the Rust text
 * as its `message`, so an app shows `e.message` as it is.
 */
class ErrorMessagesTest {
    @TempDir
    lateinit var tmp: Path

    private object Silent : RunObserver {
        override fun onEvent(event: RunEvent) {}
    }

    @Test
    fun aStoreErrorCarriesTheRustText() {
        RecordStore.open(tmp.resolve("data").toString()).use { store ->
            val e = assertThrows(StoreException.InvalidDate::class.java) { store.progressScreen("22/11/2026") }
            assertEquals(
                "today: \"22/11/2026\" is not a usable date and time (like 2026-11-22T07:30:00, in the years 1970-2199)",
                e.message,
            )
            assertEquals(e.message, e.localizedMessage)
        }
    }

    @Test
    fun aCoachErrorCarriesTheRustText() {
        Coach().use { coach ->
            val e = assertThrows(CoachException.NoProfile::class.java) { coach.plannedRun("2026-11-24") }
            assertEquals("no profile has been saved yet", e.message)
        }
    }

    @Test
    fun aCheckInErrorCarriesTheRustText() {
        val checkIn = CheckIn("2026-11-24T19:00", 11, CheckInMoment.AFTER_RUN, null, null, emptyList())
        val e = Coach().use { coach ->
            assertThrows(CoachException.InvalidInput::class.java) { coach.recordCheckIn(checkIn) }
        }
        assertEquals("score: 11 is outside the 0-10 pain scale", e.message)
    }

    @Test
    fun aRunSessionErrorCarriesTheRustText() {
        val e = assertThrows(RunSessionException.InvalidPlan::class.java) {
            RunSession(RunPlan(emptyList(), null), null, Silent)
        }
        assertEquals("plan: segments: a session needs at least one segment", e.message)
    }

    @Test
    fun aSensorErrorCarriesTheRustText() {
        SensorClient().use { client ->
            val e = assertThrows(SensorException.NotPushing::class.java) { client.pushRawRsc(byteArrayOf(0, 170.toByte())) }
            assertEquals("no pushed sensor: call start_pushed first", e.message)
            val blank = assertThrows(SensorException.InvalidArgument::class.java) { client.startPushed(" ") }
            assertEquals("source_id: must not be empty", blank.message)
        }
    }
}
