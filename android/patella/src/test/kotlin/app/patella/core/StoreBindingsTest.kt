package app.patella.core

import java.io.File
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.attribute.PosixFilePermissions
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertThrows
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.io.TempDir

/**
 * The runner's record through the real Rust library: a store opened in a
 * temporary folder, filled from a backup, closed, reopened and read back;
 * the progress snapshot; and a damaged database refused by name. The apps
 * write check-ins and runs only through the coach and the run session, so
 * this record comes in as a backup.
 */
class StoreBindingsTest {
    @TempDir
    lateinit var tmp: Path

    /** Three check-ins (2, 6 and 4) and one run on 21 November 2026. */
    private val record = """
{"format": "patella-backup", "schema_version": 1, "records": {"sessions": [], "settings": {},
  "check_ins": [
    {"taken_at": "2026-11-20T07:30:00", "score": 2, "moment": "next_morning"},
    {"taken_at": "2026-11-21T18:45:00", "score": 6, "moment": "after_run", "quality": "dull_aching", "location": "front_of_knee"},
    {"taken_at": "2026-11-22T08:10:00", "score": 4, "moment": "next_morning", "quality": "sharp",
     "location": "around_or_behind_kneecap", "red_flags": ["swelling", "giving_way"]}],
  "runs": [{"id": "3f1c2a8e-0b7d-4c55-9a61-2d0f4b9e7c10", "started_at": "2026-11-21T18:00:00", "duration_s": 1500,
    "distance_m": 3200, "average_cadence_spm": 166.5, "target_cadence_spm": 170.0}]}}
    """.trimIndent()

    private val runId = "3f1c2a8e-0b7d-4c55-9a61-2d0f4b9e7c10"
    private val takenAt = listOf("2026-11-20T07:30:00", "2026-11-21T18:45:00", "2026-11-22T08:10:00")

    private fun dataDir(): String = tmp.resolve("patella-data").toString()

    /** The check-ins' times on the Progress screen's pain chart, in order. */
    private fun painTimes(store: RecordStore, today: String = "2026-11-23"): List<String> =
        store.progressScreen(today).snapshot.pain.flatMap { it.points }.map { it.takenAt }.sorted()

    /** Fills the record from the backup; returns the backup the store then gives. */
    private fun writeRecord(dir: String): String =
        RecordStore.open(dir).use { store ->
            assertEquals(emptyList<String>(), store.importBackup(record), "nothing set aside")
            assertEquals(takenAt, painTimes(store))
            store.exportBackup()
        }

    @Test
    fun whatIsWrittenIsReadBackAfterReopening() {
        val dir = dataDir()
        val written = writeRecord(dir)
        RecordStore.open(dir).use { store ->
            assertEquals(emptyList<StoreWarningRecord>(), store.warnings())
            assertEquals(takenAt, painTimes(store))
            assertEquals(written, store.exportBackup())
        }
    }

    @Test
    fun aSecondOpenWhileTheFirstIsOpenIsRefused() {
        val dir = dataDir()
        RecordStore.open(dir).use { first ->
            first.importBackup(record)
            val refused = assertThrows(StoreException.Storage::class.java) { RecordStore.open(dir) }
            // Said as it is: open in this process, not in another one.
            assertTrue(refused.message!!.contains("already open in this process"), refused.message)
        }
        // Closing released the folder.
        RecordStore.open(dir).use { assertEquals(takenAt, painTimes(it)) }
    }

    @Test
    fun theStoreFilesAreForTheOwnerOnly() {
        val dir = dataDir()
        writeRecord(dir)
        val folder = Path.of(dir)
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)))
        val files = File(dir).listFiles()!!.filter { it.isFile }
        assertTrue(files.any { it.name == "record.sqlite3" }, "${files.map { it.name }}")
        for (file in files) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.toPath())), file.name)
        }
    }

    @Test
    fun aDatabaseThatIsNotOneIsRefusedByNameAndLeftAsItIs() {
        val dir = dataDir()
        writeRecord(dir)
        // Garbage over the database, as a bad flash write or a stray copy might leave.
        val db = File(dir, "record.sqlite3")
        val garbage = "\u0000\u0000 not a record {{".repeat(400)
        db.writeText(garbage)
        val refused = assertThrows(StoreException.Storage::class.java) { RecordStore.open(dir) }
        assertTrue(refused.message!!.contains("record.sqlite3"), refused.message)
        assertEquals(garbage, db.readText(), "nothing was written over it")
    }

    @Test
    fun theProgressSnapshotChartsTheRecord() {
        val dir = dataDir()
        writeRecord(dir)
        RecordStore.open(dir).use { store ->
            val snapshot = store.progressScreen("2026-11-22").snapshot
            assertEquals("2026-11-22", snapshot.today)
            // Source: article 002 (pain buffer zone): up to 5 is acceptable, 6 is above.
            assertEquals(5.toUByte(), snapshot.bufferZoneMax)
            val points = snapshot.pain.flatMap { it.points }.sortedBy { it.takenAt }
            assertEquals(takenAt, points.map { it.takenAt })
            assertEquals(listOf(false, true, false), points.map { it.aboveBuffer })
            val afterRun = snapshot.pain.single { it.moment == CheckInMoment.AFTER_RUN }
            assertEquals(listOf(6.toUByte()), afterRun.points.map { it.score })

            val week = snapshot.weeklyVolume.single { it.runs > 0u }
            assertEquals(3200u, week.distanceM)
            val cadence = snapshot.cadence.single()
            assertEquals(runId, cadence.runId)
            assertEquals("2026-11-21", cadence.date)
            assertEquals(166.5, cadence.averageSpm)
            assertEquals(-3.5, cadence.gapSpm, 1e-9)
            assertTrue(snapshot.recommendedMinSpm < snapshot.recommendedMaxSpm)
            assertEquals(listOf(ProgressMilestone.STEADIER_KNEES, ProgressMilestone.DEEPER_PROTECTION), snapshot.milestones.map { it.milestone })
            assertEquals(ProgressImprovement.NOT_ENOUGH_DATA, snapshot.improvement)

            val error = assertThrows(StoreException.InvalidDate::class.java) { store.progressScreen("22/11/2026") }
            assertTrue(error.message!!.startsWith("today: "), error.message)
        }
    }

    @Test
    fun badRecordsInABackupAreRefusedNamingTheField() {
        RecordStore.open(dataDir()).use { store ->
            val score = assertThrows(StoreException.Invalid::class.java) {
                store.importBackup(record.replace("\"score\": 6", "\"score\": 12"))
            }
            assertTrue(score.message!!.contains("score"), score.message)
            val run = assertThrows(StoreException.Invalid::class.java) {
                store.importBackup(record.replace("\"duration_s\": 1500", "\"duration_s\": 0"))
            }
            assertTrue(run.message!!.contains("duration_s"), run.message)
            assertEquals(emptyList<String>(), painTimes(store), "nothing came in")
            // Article 002 (issue 18, finding 5): a check-in reports pain already
            // felt; one dated ahead of now is set aside, named, and the rest comes in.
            val notes = store.importBackup(record.replace("2026-11-20T07:30:00", "2031-06-01T08:00:00+02:00"))
            assertEquals(1, notes.size)
            assertTrue(notes[0].contains("taken_at: 2031-06-01T08:00:00 is ahead of now"), notes[0])
            assertEquals(takenAt.drop(1), painTimes(store))
        }
    }

    @Test
    fun checkInsFromSeveralThreadsAreAllKept() {
        val dir = dataDir()
        RecordStore.open(dir).use { store ->
            Coach.open(store).use { coach ->
                coach.saveProfile(
                    RunnerProfile(
                        ExperienceLevel.NEW_TO_RUNNING, null, null, 3u, emptyList(), RunningGoal.Continuous15Minutes,
                        emptyList(), null, false, false, false, null, null, 0u, null,
                    ),
                    "2026-11-16",
                )
                val threads = (0 until 4).map { t ->
                    Thread {
                        repeat(25) { i ->
                            val minute = i.toString().padStart(2, '0')
                            coach.recordCheckIn(CheckIn("2026-11-2${t}T07:${minute}:00", (i % 11).toLong(), CheckInMoment.NEXT_MORNING, null, null, emptyList()))
                        }
                    }.also { it.start() }
                }
                threads.forEach { it.join(60_000) }
            }
            assertEquals(100, painTimes(store).size)
        }
        RecordStore.open(dir).use { store ->
            assertEquals(emptyList<StoreWarningRecord>(), store.warnings())
            val byDay = painTimes(store).groupingBy { it.substring(0, 10) }.eachCount()
            assertEquals((0 until 4).associate { "2026-11-2$it" to 25 }, byDay)
        }
    }

    @Test
    fun aBackupMovesTheRecordToAnotherFolder() {
        val dir = dataDir()
        val written = writeRecord(dir)
        val backup = RecordStore.open(dir).use { it.exportBackup() }
        assertEquals(written, backup)
        RecordStore.open(tmp.resolve("restored").toString()).use { restored ->
            assertEquals(emptyList<String>(), restored.importBackup(backup), "nothing set aside")
            assertEquals(takenAt, painTimes(restored))
            assertEquals(backup, restored.exportBackup())
        }
    }
}
