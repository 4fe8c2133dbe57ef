package app.patella.shell.support

import app.patella.core.AppSettings
import app.patella.core.CheckIn
import app.patella.core.CheckInMoment
import app.patella.core.Coach
import app.patella.core.DistanceUnitChoice
import app.patella.core.EquipmentItem
import app.patella.core.ExperienceLevel
import app.patella.core.PairedSensorRecord
import app.patella.core.RunCadenceUnit
import app.patella.core.RecordStore
import app.patella.core.RunDay
import app.patella.core.RunnerProfile
import app.patella.core.RunningGoal
import app.patella.core.SessionResult
import app.patella.core.SessionType
import java.io.File
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit
import kotlinx.coroutines.ExecutorCoroutineDispatcher
import kotlinx.coroutines.asCoroutineDispatcher
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.first
import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.withTimeout

/** The repository's golden screen files, found from the working folder up. */
object Golden {
    private val folder: File by lazy {
        System.getProperty("patella.root")?.let { return@lazy File(it, "tests/fixtures/screens") }
        var dir: File? = File("").absoluteFile
        while (dir != null && !File(dir, "tests/fixtures/screens").isDirectory) dir = dir.parentFile
        File(requireNotNull(dir) { "tests/fixtures/screens not found above the working folder" }, "tests/fixtures/screens")
    }

    fun read(name: String): Any? = Json.parse(File(folder, "$name.json").readText())

    @Suppress("UNCHECKED_CAST")
    fun map(name: String): Map<String, Any?> = read(name) as Map<String, Any?>

    fun file(name: String) = File(folder, "$name.json")
}

/** Walks a golden tree by keys and indices: at(tree, "sessions", 0, "title"); null past a null. */
@Suppress("UNCHECKED_CAST")
fun at(tree: Any?, vararg path: Any): Any? = path.fold(tree) { node, step ->
    when {
        node == null -> null
        step is Int -> (node as List<Any?>)[step]
        else -> (node as Map<String, Any?>)[step.toString()]
    }
}

/**
 * The scripted day behind the golden files, as `bindings/tests/screens_support`
 * drives it: a plan from Monday 23 November 2026, a run on Tuesday with a
 * check-in after it, a paired sensor and reminders moved to 06:30.
 */
object ScriptedDay {
    const val WEDNESDAY = "2026-11-25"

    fun runner() = RunnerProfile(
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

    /**
     * Tuesday's run, measured elsewhere (a watch, say) and brought in as a
     * backup before anything else: the apps keep runs only through a run
     * session, and this day's figures are fixed.
     */
    const val TUESDAY_RUN_BACKUP = """{"format": "patella-backup", "schema_version": 1,
  "records": {"check_ins": [], "sessions": [], "settings": {}, "runs": [{"id": "run-2026-11-24",
  "started_at": "2026-11-24T18:00:00", "duration_s": 1890, "distance_m": 3400,
  "average_cadence_spm": 163.5, "target_cadence_spm": 168.0}]}}"""

    fun play(store: RecordStore, coach: Coach) {
        store.importBackup(TUESDAY_RUN_BACKUP)
        coach.saveProfile(runner(), "2026-11-23")
        coach.markSession("2026-11-24", SessionType.RUN, SessionResult.DONE)
        coach.recordCheckIn(CheckIn("2026-11-24T19:00:00", 3, CheckInMoment.AFTER_RUN, null, null, emptyList()))
        store.saveSettings(
            AppSettings(DistanceUnitChoice.KILOMETRES, true, false, true, true, (6 * 60 + 30).toUShort(), true, (8 * 60).toUShort()),
        )
        store.savePairedSensor(PairedSensorRecord("C4:7F:51:0A:22:9E", "Stride pod", RunCadenceUnit.STRIDES_PER_MINUTE))
    }
}

/** A stand-in for Android's main thread: one named thread. */
class TestMain : AutoCloseable {
    private val executor = Executors.newSingleThreadExecutor { r -> Thread(r, THREAD) }
    val dispatcher: ExecutorCoroutineDispatcher = executor.asCoroutineDispatcher()

    /** Runs [block] on the main thread and waits for it. */
    fun <T> run(block: () -> T): T = executor.submit(block).get(WAIT_S, TimeUnit.SECONDS)

    /** Waits until everything posted to the main thread so far has run. */
    fun drain() = run { }

    override fun close() {
        dispatcher.close()
    }

    companion object {
        const val THREAD = "test-main"
        const val WAIT_S = 10L
    }
}

/** Waits (at most 10 s) until the flow's value passes [check], and returns it. */
fun <T> StateFlow<T>.await(check: (T) -> Boolean): T = runBlocking {
    withTimeout(TestMain.WAIT_S * 1_000) { first(check) }
}
