package app.patella.core

import java.util.concurrent.CountDownLatch
import java.util.concurrent.TimeUnit
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertThrows
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

/**
 * The pain buffer zone through the real Rust library: records, enums with
 * data, optionals, lists, typed errors, an object, and an observer called
 * from a Rust thread.
 */
class PainBindingsTest {
    private fun checkIn(
        score: Long,
        moment: CheckInMoment = CheckInMoment.AFTER_RUN,
        quality: PainQuality? = null,
        flags: List<RedFlag> = emptyList(),
        at: String = "2026-11-22T07:30",
    ) = CheckIn(takenAt = at, score = score, moment = moment, quality = quality, location = null, redFlags = flags)

    // Source: article 002 (pain buffer zone): 5 continues, 6 scales back.
    @Test
    fun fiveIsInsideTheBufferZoneAndSixIsAbove() {
        val five = assessCheckIn(checkIn(5))
        assertEquals(PainZone.WITHIN_BUFFER, five.zone)
        assertEquals(PainAction.Continue, five.action)
        assertEquals(listOf<PainReason>(PainReason.WithinBuffer(5u, 5u)), five.reasons)

        val six = assessCheckIn(checkIn(6))
        assertEquals(PainZone.ABOVE_BUFFER, six.zone)
        assertEquals(PainAction.ScaleBack, six.action)
        assertTrue(six.advice.isNotBlank())
    }

    // Source: article 002: red flags send the runner to a clinician; the enum carries its data.
    @Test
    fun redFlagsComeBackAsAnEnumWithData() {
        val flags = listOf(RedFlag.GIVING_WAY, RedFlag.SWELLING)
        val assessment = assessCheckIn(checkIn(2, flags = flags))
        assertEquals(PainZone.SEE_CLINICIAN, assessment.zone)
        val action = assessment.action as PainAction.SeeClinician
        assertEquals(listOf(RedFlag.SWELLING, RedFlag.GIVING_WAY), action.flags)
    }

    @Test
    fun anOutOfRangeScoreIsATypedExceptionWithItsField() {
        val error = assertThrows(PainException.ScoreOutOfRange::class.java) { assessCheckIn(checkIn(11)) }
        assertTrue(error.message!!.startsWith("score: 11 "), error.message)
        assertTrue(error.message!!.contains("score"), error.message)
    }

    @Test
    fun aBadTimestampNamesTheField() {
        val error = assertThrows(PainException.InvalidDateTime::class.java) { assessCheckIn(checkIn(3, at = "yesterday")) }
        assertTrue(error.message!!.startsWith("taken_at: "), error.message)
        assertTrue(error.message!!.contains("yesterday"), error.message)
    }

    // Source: articles 001 and 004: worsening pain during a run means stop.
    @Test
    fun theJournalCatchesPainClimbingDuringARun() {
        PainJournal().use { journal ->
            assertNull(journal.latest())
            journal.record(checkIn(2, CheckInMoment.DURING_RUN, at = "2026-11-22T07:30"))
            val later = journal.record(checkIn(5, CheckInMoment.DURING_RUN, at = "2026-11-22T07:45"))
            assertEquals(PainZone.STOP, later.zone)
            assertEquals(PainReason.WorseningDuringActivity(2u, 5u), later.reasons.last())
            assertEquals(2, journal.entries().size)
            assertEquals(5L, journal.latest()?.score)
            assertEquals("2026-11-22T07:45:00", journal.latest()?.takenAt)
        }
    }

    @Test
    fun theObserverIsCalledFromARustThread() {
        val latch = CountDownLatch(3)
        val threads = java.util.concurrent.ConcurrentHashMap.newKeySet<Long>()
        val zones = java.util.Collections.synchronizedList(mutableListOf<PainZone>())
        val observer = object : PainObserver {
            override fun onAssessment(checkIn: CheckIn, assessment: PainAssessment) {
                threads.add(Thread.currentThread().id)
                zones.add(assessment.zone)
                latch.countDown()
            }
        }
        PainJournal().use { journal ->
            journal.setObserver(observer)
            journal.record(checkIn(1))
            journal.record(checkIn(7))
            journal.record(checkIn(3, CheckInMoment.DURING_RUN, quality = PainQuality.SHARP))
            assertTrue(latch.await(5, TimeUnit.SECONDS), "observer was not called three times")
        }
        assertEquals(listOf(PainZone.WITHIN_BUFFER, PainZone.ABOVE_BUFFER, PainZone.STOP), zones.toList())
        // JNA attaches the Rust delivery thread afresh for each callback, so
        // only "never the caller's thread" is stable.
        assertTrue(threads.isNotEmpty())
        assertTrue(Thread.currentThread().id !in threads, "observer ran on the caller's thread")
    }

    @Test
    fun objectsCanBeClosedAndReleasedWithoutCrashing() {
        repeat(200) {
            val journal = PainJournal()
            journal.record(checkIn((it % 11).toLong()))
            journal.close()
        }
        // Objects left to the garbage collector are released through the cleaner.
        repeat(200) { PainJournal().record(checkIn(4)) }
        System.gc()
        val journal = PainJournal()
        journal.close()
        journal.close() // closing twice is harmless
        assertThrows(IllegalStateException::class.java) { journal.latest() }
    }
}
