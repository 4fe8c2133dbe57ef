package app.patella.core

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNotNull
import org.junit.jupiter.api.Assertions.assertThrows
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

/**
 * The sensor client through the real Rust library, in pushed mode (the app
 * owns the Bluetooth link and hands over raw bytes): state, battery and
 * warnings reach a Kotlin observer, and `feedRun` carries the readings into a
 * run session inside Rust, with no call per reading across the FFI.
 */
class SensorBindingsTest {
    private class Recorder : SensorObserver {
        val seen = java.util.Collections.synchronizedList(mutableListOf<Any>())
        override fun onState(state: SensorConnectionState) { seen.add(state) }
        override fun onBattery(percent: UByte) { seen.add(percent) }
        override fun onDetails(details: SensorDetails) { seen.add(details) }
        override fun onWarning(warning: SensorWarning) { seen.add(warning) }
        override fun onPicker(screen: SensorPickerScreen) { seen.add(screen) }
        fun snapshot(): List<Any> = synchronized(seen) { seen.toList() }
    }

    private class RunRecorder : RunObserver {
        val events = java.util.Collections.synchronizedList(mutableListOf<RunEvent>())
        override fun onEvent(event: RunEvent) { events.add(event) }
        fun kinds(): List<RunEventKind> = synchronized(events) { events.map { it.kind } }
    }

    /** An RSC Measurement notification: flags (running), speed 3 m/s, cadence. */
    private fun rsc(cadence: Int) = byteArrayOf(0x04, 0x00, 0x03, cadence.toByte())

    // Issue 11, the Sensor picker: one record read with one call, and the
    // same record at each change, for an app that scans by itself.
    @Test
    fun thePickerScreenListsPushedSensorsStrongestFirst() {
        val recorder = Recorder()
        SensorClient().use { client ->
            client.setObserver(recorder)
            assertEquals(SensorScanState.NOT_STARTED, client.pickerScreen().state)
            client.pushScanState(PushedScanState.STARTED)
            client.pushFoundSensor(FoundSensor("a", "AA:01", "Left pod", -80))
            client.pushFoundSensor(FoundSensor("b", "AA:02", null, -50))
            client.pushScanState(PushedScanState.FINISHED)
            assertTrue(client.flushEvents(5_000u))
            val screen = client.pickerScreen()
            assertEquals(SensorScanState.FOUND, screen.state)
            assertEquals(listOf("Foot pod AA:02", "Left pod"), screen.sensors.map { it.label })
            assertTrue(screen.scanEnabled)
            val heard = recorder.snapshot().filterIsInstance<SensorPickerScreen>()
            assertEquals(4, heard.size)
            assertEquals(screen, heard.last())
            client.pushScanState(PushedScanState.BLUETOOTH_OFF)
            assertEquals(SensorScanState.BLUETOOTH_OFF, client.pickerScreen().state)
        }
    }

    @Test
    fun pushedBatteryAndBadBytesReachTheObserver() {
        val recorder = Recorder()
        SensorClient().use { client ->
            client.setObserver(recorder)
            client.startPushed("watch-pod")
            client.pushLinkState(true)
            client.pushRawBattery(byteArrayOf(9))
            client.pushRawRsc(byteArrayOf(0x07, 0x00, 0x03))
            client.stop()
            assertTrue(client.flushEvents(5_000u))
        }
        val seen = recorder.snapshot()
        assertEquals(SensorConnectionState.Connected, seen.first())
        val battery = seen.indexOf(9.toUByte())
        assertTrue(battery >= 0, "no battery level in $seen")
        // The low-battery threshold is the project's choice, not the articles'.
        assertEquals(SensorWarning.LowBattery(9u), seen[battery + 1])
        val malformed = seen.filterIsInstance<SensorWarning.MalformedPacket>().single()
        assertTrue(malformed.detail.isNotBlank())
    }

    @Test
    fun misuseIsATypedExceptionNamingTheField() {
        SensorClient().use { client ->
            assertThrows(SensorException.NotPushing::class.java) { client.pushRawRsc(rsc(170)) }
            val blank = assertThrows(SensorException.InvalidArgument::class.java) { client.startPushed("  ") }
            assertTrue(blank.message!!.startsWith("source_id: "), blank.message)
            val scan = assertThrows(SensorException.InvalidArgument::class.java) { client.scan(-1.0) }
            assertTrue(scan.message!!.startsWith("seconds: "), scan.message)
            client.startPushed("pod")
            assertThrows(SensorException.AlreadyRunning::class.java) { client.startPushed("pod-2") }
            client.stop()
            client.stop() // stopping twice is fine
            client.startPushed("pod-2") // and the client can start again
            client.stop()
        }
    }

    // Readings pushed as raw bytes reach the run session inside Rust: its view
    // shows the cadence, and the run's own events (an implausible reading
    // refused, a link drop as a sensor gap) reach the run observer.
    @Test
    fun feedRunCarriesPushedBytesIntoTheRunSession() {
        val runEvents = RunRecorder()
        val plan = RunPlan(listOf(RunSegment(RunSegmentKind.RUN, 600u)), 170.0)
        RunSession(plan, null, runEvents).use { session ->
            SensorClient().use { client ->
                client.feedRun(session)
                client.startPushed("foot-pod")
                // The session shares the sensor's clock, which began at startPushed.
                session.start(0u)
                client.pushLinkState(true)
                repeat(12) {
                    client.pushRawRsc(rsc(172))
                    Thread.sleep(3) // one reading per sensor-clock millisecond at most
                }
                val view = session.snapshot(0u)
                val cadence = view.cadence.spm
                assertNotNull(cadence, "the pushed cadence never reached the run")
                assertEquals(172.0, cadence!!, 1.0)
                assertEquals(0uL, view.droppedSamples)

                client.pushRawRsc(rsc(250))
                assertTrue(session.flushEvents(5_000u))
                val rejected = runEvents.kinds().filterIsInstance<RunEventKind.ReadingsRejected>().single()
                assertEquals("foot-pod", rejected.sourceId)
                assertEquals(250.0, rejected.value)
                assertTrue(rejected.reason is RejectReason.AboveMax, "${rejected.reason}")

                client.pushLinkState(false)
                assertTrue(session.flushEvents(5_000u))
                val gap = runEvents.kinds().filterIsInstance<RunEventKind.SensorGap>().single()
                assertEquals("foot-pod", gap.sourceId)

                // Detached: the session hears nothing more from the sensor.
                client.feedRun(null)
                val before = runEvents.events.size
                client.pushLinkState(true)
                client.pushRawRsc(rsc(250))
                assertTrue(session.flushEvents(5_000u))
                assertEquals(before, runEvents.events.size)
                client.stop()
            }
        }
    }

    @Test
    fun clientsCanBeClosedAndReleasedWithoutCrashing() {
        repeat(100) { n ->
            SensorClient().use { client ->
                client.setObserver(Recorder())
                client.startPushed("pod-$n")
                client.pushRawBattery(byteArrayOf(80))
            }
        }
        repeat(100) { SensorClient().startPushed("leaked") }
        System.gc()
        val client = SensorClient()
        client.close()
        client.close()
        assertThrows(IllegalStateException::class.java) { client.stop() }
    }
}
