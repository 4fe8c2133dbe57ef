// Per-sample cost through the Kotlin bindings (issue 4), run by
// scripts/bench-ffi, never by the tests: a timing is a measurement to read,
// not something to assert. Prints ns per call for a near-empty call (`tick`
// at an unchanged time), a snapshot, `pushSample`, and raw RSC bytes through
// `SensorClient.pushRawRsc` with `feedRun`, plus the ratios between them,
// and one call of each screen record (issue 11).
package app.patella.core

import java.nio.file.Files

/** Counts events without keeping them, so the observer adds little. */
private class CountingObserver : RunObserver {
    @Volatile var count = 0L
    override fun onEvent(event: RunEvent) { count++ }
}

/** A session that cannot end during the bench: one long run segment. */
private fun session(observer: RunObserver) = RunSession(
    RunPlan(listOf(RunSegment(RunSegmentKind.RUN, 80_000u)), 170.0),
    null,
    observer,
)

/** Times `calls` calls of `body(i)`; returns ns per call. */
private inline fun time(calls: Int, body: (Int) -> Unit): Double {
    val start = System.nanoTime()
    for (i in 0 until calls) body(i)
    return (System.nanoTime() - start).toDouble() / calls
}

private fun report(name: String, nsPerCall: Double) =
    println("kotlin %-34s %10.0f ns/call".format(name, nsPerCall))

fun main(args: Array<String>) {
    val n = args.firstOrNull()?.toIntOrNull() ?: 100_000
    // A first full round lets the JIT compile the binding and JNA paths, so
    // the order of the measurements does not skew them; it is not printed.
    measure(n / 2, show = false)
    measure(n, show = true)
}

private fun measure(n: Int, show: Boolean) {
    val warm = n / 5
    val observer = CountingObserver()

    // tick at an unchanged time: the FFI round trip with almost no work behind it.
    val tickNs = session(observer).use { s ->
        s.start(0u)
        time(warm) { s.tick(0u) }
        time(n) { s.tick(0u) }
    }
    val snapshotNs = session(observer).use { s ->
        s.start(0u)
        time(warm) { s.snapshot(0u) }
        time(n) { s.snapshot(0u) }
    }
    // One reading every 100 ms of session time, in band: the normal case.
    val sample = RunSample(0u, "phone-pedometer", 172.0, RunCadenceUnit.STEPS_PER_MINUTE, 3.0, null, null)
    var pushDropped = 0uL
    val pushNs = session(observer).use { s ->
        s.start(0u)
        time(warm) { i -> s.pushSample(sample.copy(atMs = (i + 1).toULong() * 100u)) }
        val ns = time(n) { i -> s.pushSample(sample.copy(atMs = (warm + i + 1).toULong() * 100u)) }
        pushDropped = s.snapshot(0u).droppedSamples
        ns
    }
    // Raw bytes into the sensor client, carried into the run inside Rust.
    // The client stamps each reading with the sleep-counting clock on arrival,
    // so the session starts on that clock too.
    val bytes = byteArrayOf(0x04, 0x00, 0x03, 172.toByte())
    var rscDropped = 0uL
    var rscCadence: Double? = null
    val rscNs = session(observer).use { s ->
        SensorClient().use { client ->
            client.feedRun(s)
            client.startPushed("foot-pod")
            s.start(monotonicNowMs())
            client.pushLinkState(true)
            time(warm) { client.pushRawRsc(bytes) }
            val ns = time(n) { client.pushRawRsc(bytes) }
            val view = s.snapshot(monotonicNowMs())
            rscDropped = view.droppedSamples
            rscCadence = view.cadence.spm
            client.stop()
            ns
        }
    }

    val screens = screenCosts(maxOf(n / 100, 50))

    if (!show) return
    println("kotlin FFI bench: $n calls each after a warm-up round and $warm warm-up calls, library ${System.getProperty("jna.library.path")}")
    report("tick (unchanged time)", tickNs)
    report("snapshot", snapshotNs)
    report("RunSession.pushSample", pushNs)
    report("SensorClient.pushRawRsc + feedRun", rscNs)
    println("kotlin ratio pushSample / tick          %6.2f".format(pushNs / tickNs))
    println("kotlin ratio pushSample / snapshot      %6.2f".format(pushNs / snapshotNs))
    println("kotlin ratio pushRawRsc+feedRun / tick  %6.2f".format(rscNs / tickNs))
    println("kotlin pushSample dropped $pushDropped; pushRawRsc dropped $rscDropped of ${n + warm}, run cadence $rscCadence; events seen ${observer.count}")
    for ((name, ns) in screens) report(name, ns)
}

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

/** One call of each screen an app reads, on a record a week into the plan. */
private fun screenCosts(calls: Int): List<Pair<String, Double>> {
    val dir = Files.createTempDirectory("patella-bench")
    try {
        return RecordStore.open(dir.resolve("data").toString()).use { store ->
            Coach.open(store).use { coach ->
                coach.saveProfile(runner(), "2026-11-23")
                coach.markSession("2026-11-24", SessionType.RUN, SessionResult.DONE)
                val screens = listOf<Pair<String, () -> Unit>>(
                    "screen Today" to { coach.todayScreen("2026-11-25") },
                    "screen Check-in" to { checkInScreen(CheckInMoment.NEXT_MORNING) },
                    "screen Plan (4 weeks)" to { coach.planScreen("2026-11-25", 4u) },
                    "screen Progress" to { store.progressScreen("2026-11-25") },
                    "screen Settings" to { store.settingsScreen() },
                    "reminders (7 days)" to { coach.reminders("2026-11-25T06:00:00") },
                )
                screens.map { (name, call) ->
                    time(calls / 5) { call() }
                    name to time(calls) { call() }
                }
            }
        }
    } finally {
        dir.toFile().deleteRecursively()
    }
}
