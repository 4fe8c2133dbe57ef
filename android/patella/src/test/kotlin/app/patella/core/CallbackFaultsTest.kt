package app.patella.core

import java.time.Duration
import java.util.Collections
import java.util.concurrent.CountDownLatch
import java.util.concurrent.TimeUnit
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTimeoutPreemptively
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

/**
 * Callbacks are guests (issue 10, findings 1-5), through the real library
 * from Kotlin: observers that throw, that are slow, that call back in, and
 * one that waits for the thread that is stopping the sensor. None of it may
 * hang, crash, or silence later events. Calls that used to hang run under
 * `assertTimeoutPreemptively`, so a regression fails instead of hanging.
 */
class CallbackFaultsTest {
    private val limit: Duration = Duration.ofSeconds(10)
    private val plan = RunPlan(listOf(RunSegment(RunSegmentKind.RUN, 600u)), 170.0)

    /** An RSC Measurement notification: flags (running), speed 3 m/s, cadence. */
    private fun rsc(cadence: Int) = byteArrayOf(0x04, 0x00, 0x03, cadence.toByte())

    private open class States : SensorObserver {
        val states: MutableList<SensorConnectionState> = Collections.synchronizedList(mutableListOf())
        override fun onState(state: SensorConnectionState) { states.add(state) }
        override fun onBattery(percent: UByte) {}
        override fun onDetails(details: SensorDetails) {}
        override fun onWarning(warning: SensorWarning) {}
        override fun onPicker(screen: SensorPickerScreen) {}
    }

    // Finding 4: a Kotlin exception from the run observer used to leave the
    // session silent for the rest of the run.
    @Test
    fun aThrowingRunObserverIsCountedAndLaterCuesStillArrive() {
        val names = Collections.synchronizedList(mutableListOf<String>())
        val observer = object : RunObserver {
            override fun onEvent(event: RunEvent) {
                names.add(event.name)
                throw IllegalStateException("the app's observer failed on ${event.name}")
            }
        }
        RunSession(plan, null, observer).use { session ->
            session.start(0u)
            for (second in 1L..600L) session.tick((second * 1_000).toULong())
            assertTrue(session.flushEvents(5_000u))
            for (cue in listOf("session_started", "halfway", "session_complete")) {
                assertTrue(cue in names, "$cue missing from $names")
            }
            val report = session.deliveryReport()
            assertEquals(names.size.toULong(), report.failed)
            assertEquals(0uL, report.delivered)
        }
    }

    // Finding 4: a throwing sensor observer used to poison the pushed feed.
    @Test
    fun aThrowingSensorObserverLeavesThePushedSensorWorking() {
        val observer = object : States() {
            override fun onState(state: SensorConnectionState) {
                super.onState(state)
                throw IllegalStateException("the app's observer failed")
            }
        }
        SensorClient().use { client ->
            client.setObserver(observer)
            client.startPushed("pod")
            client.pushLinkState(true)
            client.pushLinkState(false)
            client.pushLinkState(true)
            client.pushRawRsc(rsc(172))
            client.stop()
            assertTrue(client.flushEvents(5_000u))
            assertEquals(SensorConnectionState.Idle, observer.states.last())
            assertEquals(observer.states.size.toULong(), client.deliveryReport().failed)
        }
    }

    // Findings 2 and 3: stop, pushes and feedRun from inside the callbacks
    // used to hang on the feed's lock.
    @Test
    fun everySensorCallWorksFromInsideEachCallback() {
        RunSession(plan, null, object : RunObserver {
            override fun onEvent(event: RunEvent) {}
        }).use { session ->
            SensorClient().use { client ->
                val answers = Collections.synchronizedList(mutableListOf<String>())
                val sensorObserver = object : States() {
                    override fun onState(state: SensorConnectionState) {
                        super.onState(state)
                        if (state == SensorConnectionState.Connected && answers.isEmpty()) {
                            client.pushRawRsc(rsc(171))
                            client.pushRawBattery(byteArrayOf(70))
                            client.pushTick()
                            client.feedRun(null)
                            client.feedRun(session)
                            answers.add("sensor observer done")
                        }
                    }
                }
                val runObserver = object : RunObserver {
                    override fun onEvent(event: RunEvent) {
                        if (event.name == "sensor_gap") {
                            client.feedRun(null)
                            client.stop()
                            answers.add("stopped from the run observer")
                        }
                    }
                }
                RunSession(plan, null, runObserver).use { watched ->
                    client.setObserver(sensorObserver)
                    client.feedRun(watched)
                    client.startPushed("pod")
                    assertTimeoutPreemptively(limit) {
                        watched.start(monotonicNowMs())
                        client.pushLinkState(true)
                        repeat(5) { client.pushRawRsc(rsc(172)); Thread.sleep(2) }
                        assertTrue(client.flushEvents(5_000u))
                        client.feedRun(watched)
                        client.pushLinkState(false)
                        assertTrue(watched.flushEvents(5_000u))
                        assertTrue(client.flushEvents(5_000u))
                    }
                    assertEquals(listOf("sensor observer done", "stopped from the run observer"), answers.toList())
                    assertEquals(SensorConnectionState.Idle, sensorObserver.states.last())
                }
            }
        }
    }

    // Finding 1 (an ANR): the observer waits for the main thread while the
    // main thread stops the sensor.
    @Test
    fun stopFromTheMainThreadWhileTheObserverWaitsForIt() {
        val connected = CountDownLatch(1)
        val mainDone = CountDownLatch(1)
        val observer = object : States() {
            override fun onState(state: SensorConnectionState) {
                super.onState(state)
                if (state == SensorConnectionState.Connected) {
                    connected.countDown()
                    mainDone.await(10, TimeUnit.SECONDS)
                }
            }
        }
        SensorClient().use { client ->
            client.setObserver(observer)
            client.startPushed("pod")
            assertTimeoutPreemptively(limit) {
                client.pushLinkState(true)
                assertTrue(connected.await(5, TimeUnit.SECONDS))
                client.stop()
            }
            mainDone.countDown()
            assertTrue(client.flushEvents(5_000u))
            assertEquals(listOf(SensorConnectionState.Connected, SensorConnectionState.Idle), observer.states.toList())
        }
    }

    // Finding 1: a slow observer never holds up the thread that feeds the run.
    @Test
    fun aSlowRunObserverNeverHoldsUpTheCaller() {
        val release = CountDownLatch(1)
        val observer = object : RunObserver {
            override fun onEvent(event: RunEvent) { release.await(10, TimeUnit.SECONDS) }
        }
        RunSession(plan, null, observer).use { session ->
            SensorClient().use { client ->
                client.feedRun(session)
                client.startPushed("pod")
                assertTimeoutPreemptively(limit) {
                    session.start(monotonicNowMs())
                    client.pushLinkState(true)
                    repeat(20) { client.pushRawRsc(rsc(172)); Thread.sleep(2) }
                    for (second in 1L..120L) session.tick(monotonicNowMs())
                }
                assertEquals(0uL, session.snapshot(monotonicNowMs()).droppedSamples)
                release.countDown()
                assertTrue(session.flushEvents(5_000u))
                client.stop()
            }
        }
    }
}
