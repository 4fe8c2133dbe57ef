package app.patella.shell

import app.patella.core.CheckInMoment
import app.patella.core.checkInScreen
import app.patella.shell.fakes.FakeClock
import app.patella.shell.fakes.FakePhone
import app.patella.shell.screens.CheckInPresenter
import app.patella.shell.screens.PlanPresenter
import app.patella.shell.screens.PlanUiState
import app.patella.shell.screens.ProgressPresenter
import app.patella.shell.screens.SettingsPresenter
import app.patella.shell.screens.TodayPresenter
import app.patella.shell.session.AppSession
import app.patella.shell.support.Golden
import app.patella.shell.support.RecordTree
import app.patella.shell.support.ScriptedDay
import app.patella.shell.support.TestMain
import app.patella.shell.support.at
import java.nio.file.Path
import org.junit.jupiter.api.AfterEach
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.BeforeEach
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.io.TempDir

/**
 * The scripted day of the golden files, played through the real library:
 * each screen record equals its golden file field by field, and each
 * presenter's state carries the golden values. A changed field in the core
 * or in a file fails here, so the Android app cannot drift from iOS.
 */
class GoldenScreensTest {
    @TempDir
    lateinit var tmp: Path
    private lateinit var main: TestMain
    private lateinit var session: AppSession
    private val clock = FakeClock(dateTime = "2026-11-25T06:00:00")

    @BeforeEach
    fun open() {
        main = TestMain()
        session = AppSession.open(tmp.resolve("record").toString(), clock, FakePhone().player, main.dispatcher)
        ScriptedDay.play(session.store, session.coach)
    }

    @AfterEach
    fun close() {
        session.close()
        main.close()
    }

    private fun assertGolden(name: String, record: Any?) {
        val diff = RecordTree.differences(Golden.read(name), RecordTree.of(record))
        assertTrue(diff.isEmpty(), "$name.json differs from the record built through the library:\n" + diff.joinToString("\n"))
    }

    @Test
    fun everyDayScreenRecordMatchesItsGoldenFile() {
        val today = session.coach.todayScreen(ScriptedDay.WEDNESDAY)
        assertGolden("today", today)
        assertGolden("check-in", checkInScreen(today.checkInDue!!.moment))
        assertGolden("plan", session.coach.planScreen(ScriptedDay.WEDNESDAY, 2u))
        assertGolden("progress", session.store.progressScreen(ScriptedDay.WEDNESDAY))
        assertGolden("settings", session.store.settingsScreen())
        assertGolden("reminders", session.coach.reminders("2026-11-25T06:00:00"))
    }

    @Test
    fun oneChangedFieldInAGoldenTreeIsCaught() {
        // The comparison itself must see a single changed leaf.
        val record = RecordTree.of(session.store.settingsScreen())
        @Suppress("UNCHECKED_CAST")
        val edited = (Golden.map("settings") + ("plan_reminder_time" to "06:31")) as Map<String, Any?>
        assertEquals(listOf("$.plan_reminder_time: golden 06:31, record 06:30"), RecordTree.differences(edited, record))
    }

    @Test
    fun theTodayPresenterShowsTheGoldenDay() {
        val golden = Golden.map("today")
        TodayPresenter(session, { ScriptedDay.WEDNESDAY }, main.dispatcher).use { presenter ->
            val state = presenter.state.value
            assertEquals(golden["title"], state.title)
            assertEquals(golden["summary"], state.summary)
            assertEquals(golden["notes"], state.notes)
            assertEquals(golden["disclaimer"], state.disclaimer)
            assertEquals(golden["empty_state"], state.emptyState)
            assertEquals(at(golden, "check_in_due", "prompt"), state.checkInPrompt)
            assertEquals((golden["sessions"] as List<*>).size, state.sessions.size)
            state.sessions.forEachIndexed { i, row ->
                assertEquals(at(golden, "sessions", i, "title"), row.title)
                assertEquals(at(golden, "sessions", i, "status_label"), row.statusLabel)
                assertEquals(at(golden, "sessions", i, "can_start_run"), row.canStartRun)
                assertEquals(at(golden, "sessions", i, "can_mark_done"), row.canMarkDone)
                row.exercises.forEachIndexed { j, e ->
                    assertEquals(at(golden, "sessions", i, "exercises", j, "name"), e.name)
                    assertEquals(at(golden, "sessions", i, "exercises", j, "dose"), e.dose)
                    assertEquals(at(golden, "sessions", i, "exercises", j, "cues"), e.cues)
                }
            }
        }
    }

    @Test
    fun theCheckInPresenterShowsTheGoldenForm() {
        val golden = Golden.map("check-in")
        CheckInPresenter(session, clock, CheckInMoment.NEXT_MORNING, main.dispatcher).use { presenter ->
            val state = presenter.state.value
            assertEquals(golden["title"], state.title)
            assertEquals(golden["prompt"], state.prompt)
            assertEquals(golden["submit_label"], state.submitLabel)
            assertEquals((golden["scale"] as List<*>).size, state.scale.size)
            state.scale.forEachIndexed { i, row ->
                assertEquals(at(golden, "scale", i, "score").toString(), row.scoreText)
                assertEquals(at(golden, "scale", i, "label"), row.label)
                assertEquals(at(golden, "scale", i, "zone_token"), row.zoneToken)
            }
            assertEquals((golden["red_flags"] as List<*>).map { at(it, "question") }, state.redFlags.map { it.label })
            assertEquals((golden["qualities"] as List<*>).map { at(it, "label") }, state.qualities.map { it.label })
            assertEquals((golden["locations"] as List<*>).map { at(it, "label") }, state.locations.map { it.label })
        }
    }

    @Test
    fun thePlanPresenterShowsTheGoldenWeeks() {
        val golden = Golden.map("plan")
        PlanPresenter(session, { ScriptedDay.WEDNESDAY }, 2u, main.dispatcher).use { presenter ->
            val state = presenter.state.value
            assertEquals(golden["disclaimer"], state.disclaimer)
            assertEquals((golden["weeks"] as List<*>).size, state.weeks.size)
            state.weeks.forEachIndexed { i, week ->
                assertEquals(at(golden, "weeks", i, "title"), week.title)
                assertEquals(at(golden, "weeks", i, "heading"), week.heading)
                assertEquals(at(golden, "weeks", i, "is_current"), week.isCurrent)
                val lines = at(golden, "weeks", i, "lines") as List<*>
                assertEquals(lines.map { at(it, "text") }, week.lines.map { it.text })
                assertEquals(lines.map { (at(it, "indent") as Long).toInt() * PlanUiState.INDENT_DP }, week.lines.map { it.indentDp })
            }
        }
    }

    @Test
    fun theProgressPresenterPlacesTheGoldenPointsOnItsAxes() {
        val golden = Golden.map("progress")
        ProgressPresenter(session, { ScriptedDay.WEDNESDAY }, main.dispatcher).use { presenter ->
            val state = presenter.state.value
            assertEquals(at(golden, "axes", "cadence_band_label"), state.cadenceBandLabel)
            assertEquals(at(golden, "axes", "streak_label"), state.streakLabel)
            assertEquals(at(golden, "axes", "active_days_label"), state.activeDaysLabel)
            assertEquals(at(golden, "axes", "volume_labels"), state.volumeBars.map { it.label })
            // Pain 3 of 0-10 on Tuesday, between Monday 23 and Wednesday 25.
            assertEquals(1, state.painLines.size)
            assertEquals(0.5f, state.painLines[0][0].x, 1e-6f)
            assertEquals(0.3f, state.painLines[0][0].y, 1e-6f)
            assertEquals(0.5f, state.painBandTop, 1e-6f)
            // 163.5 on a 155-185 axis; the band 165-180.
            assertEquals(8.5f / 30f, state.cadencePoints[0].y, 1e-6f)
            assertEquals(10f / 30f, state.cadenceBandLow, 1e-6f)
            assertEquals(25f / 30f, state.cadenceBandHigh, 1e-6f)
            assertEquals(1f, state.volumeBars[0].height, 1e-6f)
        }
    }

    @Test
    fun theSettingsPresenterShowsTheGoldenSettingsAndSavesAFlip() {
        val golden = Golden.map("settings")
        SettingsPresenter(session, main.dispatcher).use { presenter ->
            val state = presenter.state.value
            assertEquals(golden["distance_unit_label"], state.distanceUnitLabel)
            assertEquals(golden["plan_reminder_time"], state.planReminderTime)
            assertEquals(golden["check_in_reminder_time"], state.checkInReminderTime)
            assertEquals(golden["sensor_label"], state.sensorLabel)
            assertEquals(golden["can_forget_sensor"], state.canForgetSensor)
            assertEquals(at(golden, "settings", "voice_cues"), state.voiceCues)
            assertEquals(at(golden, "settings", "metronome"), state.metronome)
        }
    }
}
