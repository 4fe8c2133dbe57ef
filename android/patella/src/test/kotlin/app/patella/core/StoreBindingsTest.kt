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
 * temporary folder, written, closed, reopened and read back; the progress
 * snapshot; and a damaged database refused by name.
 */
class StoreBindingsTest {
    @TempDir
    lateinit var tmp: Path

    private val checkIns = listOf(
        CheckIn("2026-11-20T07:30:00", 2, CheckInMoment.NEXT_MORNING, null, null, emptyList()),
        CheckIn("2026-11-21T18:45:00", 6, CheckInMoment.AFTER_RUN, PainQuality.DULL_ACHING, PainLocation.FRONT_OF_KNEE, emptyList()),
        CheckIn(
            "2026-11-22T08:10:00", 4, CheckInMoment.NEXT_MORNING, PainQuality.SHARP, PainLocation.AROUND_OR_BEHIND_KNEECAP,
            listOf(RedFlag.SWELLING, RedFlag.GIVING_WAY),
        ),
    )

    private val run = StoredRun(
        id = "3f1c2a8e-0b7d-4c55-9a61-2d0f4b9e7c10",
        startedAt = "2026-11-21T18:00:00",
        durationS = 1500u,
        distanceM = 3200u,
        averageCadenceSpm = 166.5,
        targetCadenceSpm = 170.0,
    )

    private fun dataDir(): String = tmp.resolve("patella-data").toString()

    private fun writeRecord(dir: String) {
        RecordStore.open(dir).use { store ->
            checkIns.forEach(store::addCheckIn)
            store.addRun(run)
            assertEquals(checkIns, store.checkIns())
        }
    }

    @Test
    fun whatIsWrittenIsReadBackAfterReopening() {
        val dir = dataDir()
        writeRecord(dir)
        RecordStore.open(dir).use { store ->
            assertEquals(emptyList<StoreWarningRecord>(), store.warnings())
            assertEquals(checkIns, store.checkIns())
            assertEquals(listOf(run), store.runs())
        }
    }

    @Test
    fun aSecondOpenWhileTheFirstIsOpenIsRefused() {
        val dir = dataDir()
        RecordStore.open(dir).use { first ->
            first.addCheckIn(checkIns[0])
            val refused = assertThrows(StoreException.Storage::class.java) { RecordStore.open(dir) }
            // Said as it is: open in this process, not in another one.
            assertTrue(refused.message!!.contains("already open in this process"), refused.message)
        }
        // Closing released the folder.
        RecordStore.open(dir).use { assertEquals(listOf(checkIns[0]), it.checkIns()) }
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
            val snapshot = store.progress("2026-11-22")
            assertEquals("2026-11-22", snapshot.today)
            // Source: article 002 (pain buffer zone): up to 5 is acceptable, 6 is above.
            assertEquals(5.toUByte(), snapshot.bufferZoneMax)
            val points = snapshot.pain.flatMap { it.points }.sortedBy { it.takenAt }
            assertEquals(checkIns.map { it.takenAt }, points.map { it.takenAt })
            assertEquals(listOf(false, true, false), points.map { it.aboveBuffer })
            val afterRun = snapshot.pain.single { it.moment == CheckInMoment.AFTER_RUN }
            assertEquals(listOf(6.toUByte()), afterRun.points.map { it.score })

            val week = snapshot.weeklyVolume.single { it.runs > 0u }
            assertEquals(3200u, week.distanceM)
            val cadence = snapshot.cadence.single()
            assertEquals(run.id, cadence.runId)
            assertEquals("2026-11-21", cadence.date)
            assertEquals(166.5, cadence.averageSpm)
            assertEquals(-3.5, cadence.gapSpm, 1e-9)
            assertTrue(snapshot.recommendedMinSpm < snapshot.recommendedMaxSpm)
            assertEquals(listOf(ProgressMilestone.STEADIER_KNEES, ProgressMilestone.DEEPER_PROTECTION), snapshot.milestones.map { it.milestone })
            assertEquals(ProgressImprovement.NOT_ENOUGH_DATA, snapshot.improvement)

            val error = assertThrows(StoreException.InvalidDate::class.java) { store.progress("22/11/2026") }
            assertTrue(error.message!!.startsWith("today: "), error.message)
        }
    }

    @Test
    fun badRecordsAreRefusedNamingTheField() {
        RecordStore.open(dataDir()).use { store ->
            val date = assertThrows(StoreException.InvalidDate::class.java) { store.addCheckIn(checkIns[0].copy(takenAt = "22/11/2026")) }
            assertTrue(date.message!!.startsWith("taken_at: "), date.message)
            // Article 002 (issue 18, finding 5): a check-in reports pain already felt.
            val ahead = assertThrows(StoreException.Invalid::class.java) { store.addCheckIn(checkIns[0].copy(takenAt = "2031-06-01T08:00:00+02:00")) }
            assertTrue(ahead.message!!.startsWith("taken_at: 2031-06-01T08:00:00 is ahead of now"), ahead.message)
            val score = assertThrows(StoreException.Invalid::class.java) { store.addCheckIn(checkIns[0].copy(score = 12)) }
            assertTrue(score.message!!.startsWith("score"), score.message)
            val run = assertThrows(StoreException.Invalid::class.java) { store.addRun(run.copy(durationS = 0u)) }
            assertTrue(run.message!!.contains("duration_s"), run.message)
            assertEquals(emptyList<CheckIn>(), store.checkIns())
            assertEquals(emptyList<StoredRun>(), store.runs())
        }
    }

    @Test
    fun checkInsFromSeveralThreadsAreAllKept() {
        val dir = dataDir()
        RecordStore.open(dir).use { store ->
            val threads = (0 until 4).map { t ->
                Thread {
                    repeat(25) { i ->
                        val minute = i.toString().padStart(2, '0')
                        store.addCheckIn(CheckIn("2026-11-2${t}T07:${minute}:00", (i % 11).toLong(), CheckInMoment.NEXT_MORNING, null, null, emptyList()))
                    }
                }.also { it.start() }
            }
            threads.forEach { it.join(10_000) }
            assertEquals(100, store.checkIns().size)
        }
        RecordStore.open(dir).use { store ->
            assertEquals(emptyList<StoreWarningRecord>(), store.warnings())
            val byDay = store.checkIns().groupingBy { it.takenAt.substring(0, 10) }.eachCount()
            assertEquals((0 until 4).associate { "2026-11-2$it" to 25 }, byDay)
        }
    }

    @Test
    fun aBackupMovesTheRecordToAnotherFolder() {
        val dir = dataDir()
        writeRecord(dir)
        val backup = RecordStore.open(dir).use { it.exportBackup() }
        RecordStore.open(tmp.resolve("restored").toString()).use { restored ->
            assertEquals(emptyList<String>(), restored.importBackup(backup), "nothing set aside")
            assertEquals(checkIns, restored.checkIns())
            assertEquals(listOf(run), restored.runs())
        }
    }
}
