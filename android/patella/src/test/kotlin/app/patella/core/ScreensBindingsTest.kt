package app.patella.core

import java.nio.file.Path
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNotNull
import org.junit.jupiter.api.Assertions.assertThrows
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.io.TempDir

/**
 * Every screen record of issue 11 read through the real Rust library: Today,
 * Check-in, Plan, Progress, Settings (with the paired sensor) and the
 * reminder schedule, after the same scripted day as the golden files.
 */
class ScreensBindingsTest {
    @TempDir
    lateinit var tmp: Path

    private fun runner() = RunnerProfile(
        experience = ExperienceLevel.NEW_TO_RUNNING,
        weeklyMinutes = null,
        weeklyKm = null,
        daysPerWeek = 3u,
        preferredDays = listOf(RunDay.TUESDAY, RunDay.THURSDAY, RunDay.SATURDAY),
        goal = RunningGoal.Continuous15Minutes,
        equipment = listOf(EquipmentItem.WALL),
        ageYears = 40u,
        osteoarthritis = false,
        osteoporosis = false,
        balanceProblems = false,
        bodyMassKg = null,
        heightCm = null,
        kneePain = 2u,
        strengthDaysPerWeek = null,
    )

    @Test
    fun everyScreenIsReadThroughTheLibrary() {
        RecordStore.open(tmp.resolve("data").toString()).use { store ->
            Coach.open(store).use { coach ->
                assertNotNull(coach.todayScreen("2026-11-24").emptyState)
                coach.saveProfile(runner(), "2026-11-23")
                coach.markSession("2026-11-24", SessionType.RUN, SessionResult.DONE)

                val today = coach.todayScreen("2026-11-25")
                assertEquals(CheckInMoment.NEXT_MORNING, today.checkInDue?.moment)
                assertTrue(today.sessions.all { it.canMarkDone })
                assertTrue(today.sessions.flatMap { it.exercises }.all { it.cues.isNotEmpty() })

                val checkIn = checkInScreen(CheckInMoment.NEXT_MORNING)
                assertEquals(11, checkIn.scale.size)
                assertEquals("within-buffer", checkIn.scale[5].zoneToken)
                assertEquals("above-buffer", checkIn.scale[6].zoneToken)
                assertEquals(4, checkIn.redFlags.size)

                val plan = coach.planScreen("2026-11-25", 2u)
                assertEquals(2, plan.weeks.size)
                assertTrue(plan.weeks[0].isCurrent)
                assertTrue(plan.weeks[0].heading.startsWith("Week 1 from 2026-11-23"))

                val progress = store.progressScreen("2026-11-25")
                assertEquals(10.toUByte(), progress.axes.painMax)
                assertEquals(progress.snapshot.recommendedMinSpm, progress.axes.cadenceBandMinSpm)

                val settings = store.settings().copy(planReminderMinute = 390u.toUShort())
                store.saveSettings(settings)
                store.savePairedSensor(PairedSensorRecord("pod-1", "Stride pod", RunCadenceUnit.UNKNOWN))
                val screen = store.settingsScreen()
                assertEquals("06:30", screen.planReminderTime)
                assertEquals("Paired with Stride pod", screen.sensorLabel)
                assertThrows(StoreException::class.java) {
                    store.saveSettings(settings.copy(checkInReminderMinute = 1440u.toUShort()))
                }

                val reminders = coach.reminders("2026-11-25T06:00:00")
                assertTrue(reminders.isNotEmpty())
                assertEquals("2026-11-25T06:30:00", reminders[0].at)
                assertFalse(reminders.any { it.at <= "2026-11-25T06:00:00" })
            }
        }
    }
}
