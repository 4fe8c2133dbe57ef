package app.patella.core

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertThrows
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

/**
 * The pain buffer zone through the real Rust library, as the apps reach it
 * (a check-in recorded by the coach): records, enums with data, optionals,
 * lists and typed errors. Pain climbing within one activity is the run
 * session's (core/tests/pain_zone.rs, RunBindingsTest).
 */
class PainBindingsTest {
    private fun checkIn(
        score: Long,
        moment: CheckInMoment = CheckInMoment.AFTER_RUN,
        quality: PainQuality? = null,
        flags: List<RedFlag> = emptyList(),
        at: String = "2026-11-22T07:30",
    ) = CheckIn(takenAt = at, score = score, moment = moment, quality = quality, location = null, redFlags = flags)

    private fun coach() = Coach().also {
        it.saveProfile(
            RunnerProfile(
                ExperienceLevel.NEW_TO_RUNNING, null, null, 3u, emptyList(), RunningGoal.Continuous15Minutes,
                emptyList(), null, false, false, false, null, null, 0u, null,
            ),
            "2026-11-16",
        )
    }

    /** The assessment of [checkIn] by a coach with a fresh plan. */
    private fun assess(checkIn: CheckIn): PainAssessment = coach().use { it.recordCheckIn(checkIn).assessment }

    // Source: article 002 (pain buffer zone): 5 continues, 6 scales back.
    @Test
    fun fiveIsInsideTheBufferZoneAndSixIsAbove() {
        val five = assess(checkIn(5))
        assertEquals(PainZone.WITHIN_BUFFER, five.zone)
        assertEquals(PainAction.Continue, five.action)
        assertEquals(listOf<PainReason>(PainReason.WithinBuffer(5u, 5u)), five.reasons)

        val six = assess(checkIn(6))
        assertEquals(PainZone.ABOVE_BUFFER, six.zone)
        assertEquals(PainAction.ScaleBack, six.action)
        assertTrue(six.advice.isNotBlank())
    }

    // Source: article 002: red flags send the runner to a clinician; the enum carries its data.
    @Test
    fun redFlagsComeBackAsAnEnumWithData() {
        val flags = listOf(RedFlag.GIVING_WAY, RedFlag.SWELLING)
        val assessment = assess(checkIn(2, flags = flags))
        assertEquals(PainZone.SEE_CLINICIAN, assessment.zone)
        val action = assessment.action as PainAction.SeeClinician
        assertEquals(listOf(RedFlag.SWELLING, RedFlag.GIVING_WAY), action.flags)
    }

    @Test
    fun anOutOfRangeScoreIsATypedExceptionWithItsField() {
        val error = assertThrows(CoachException.InvalidInput::class.java) { assess(checkIn(11)) }
        assertTrue(error.message!!.startsWith("score: 11 "), error.message)
        assertTrue(error.message!!.contains("score"), error.message)
    }

    @Test
    fun aBadTimestampNamesTheField() {
        val error = assertThrows(CoachException.InvalidDate::class.java) { assess(checkIn(3, at = "yesterday")) }
        assertTrue(error.message!!.startsWith("taken_at: "), error.message)
        assertTrue(error.message!!.contains("yesterday"), error.message)
    }

    @Test
    fun objectsCanBeClosedAndReleasedWithoutCrashing() {
        repeat(50) {
            val coach = coach()
            runCatching { coach.recordCheckIn(checkIn((it % 12).toLong())) }
            coach.close()
        }
        // Objects left to the garbage collector are released through the cleaner.
        repeat(50) { runCatching { Coach().recordCheckIn(checkIn(4)) } }
        System.gc()
        val coach = Coach()
        coach.close()
        coach.close() // closing twice is harmless
        assertThrows(IllegalStateException::class.java) { coach.profile() }
    }
}
