package app.patella.shell

import app.patella.core.RunEvent
import app.patella.core.RunObserver
import app.patella.core.RunPlan
import app.patella.core.RunSegment
import app.patella.core.RunSegmentKind
import app.patella.core.RunSession
import app.patella.core.SensorClient
import app.patella.core.SensorConnectionState
import app.patella.core.SensorDetails
import app.patella.core.SensorObserver
import app.patella.core.SensorPickerScreen
import app.patella.core.SensorWarning
import app.patella.shell.bridge.MainThreadRelay
import app.patella.shell.bridge.RunEventRelay
import app.patella.shell.bridge.SensorCall
import app.patella.shell.bridge.SensorEventRelay
import app.patella.shell.support.TestMain
import java.util.Collections
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

/**
 * Observer calls made on the library's own delivery threads reach the
 * main dispatcher, all of them, in the order the library made them.
 */
class BridgeTest {
    private val plan = RunPlan(
        listOf(RunSegment(RunSegmentKind.WARM_UP, 30u), RunSegment(RunSegmentKind.RUN, 60u), RunSegment(RunSegmentKind.WALK, 30u)),
        null,
    )

    private class Direct : RunObserver {
        val events: MutableList<RunEvent> = Collections.synchronizedList(mutableListOf())
        override fun onEvent(event: RunEvent) {
            events += event
        }
    }

    private fun drive(session: RunSession) {
        session.start(0u)
        for (t in 1uL..130uL) {
            session.tick(t * 1_000u)
            if (t == 40uL) session.pause(t * 1_000u)
            if (t == 45uL) session.resume(t * 1_000u)
        }
        assertTrue(session.flushEvents(10_000u))
    }

    @Test
    fun runEventsLandOnTheMainThreadInOrder() {
        val expected = Direct().also { d -> RunSession(plan, null, d).use(::drive) }.events.toList()
        TestMain().use { main ->
            MainThreadRelay(main.dispatcher).use { relay ->
                val seen = mutableListOf<Pair<String, RunEvent>>()
                val callingThreads = Collections.synchronizedSet(mutableSetOf<String>())
                val observer = object : RunObserver {
                    val inner = RunEventRelay(relay) { seen += Thread.currentThread().name to it }
                    override fun onEvent(event: RunEvent) {
                        callingThreads += Thread.currentThread().name
                        inner.onEvent(event)
                    }
                }
                RunSession(plan, null, observer).use(::drive)
                main.drain()
                assertTrue(expected.size > 10, "${expected.size} events")
                assertEquals(expected, seen.map { it.second })
                assertEquals(setOf(TestMain.THREAD), seen.map { it.first }.toSet())
                assertTrue(TestMain.THREAD !in callingThreads, "the library called from its own thread: $callingThreads")
            }
        }
    }

    private fun pushedScript(client: SensorClient) {
        client.startPushed("pod")
        client.pushLinkState(true)
        client.pushRawBattery(byteArrayOf(15))
        client.pushRawRsc(byteArrayOf(0, 0x80.toByte(), 0x01, 85))
        client.pushLinkState(false)
        client.pushLinkState(true)
        client.stop()
        assertTrue(client.flushEvents(10_000u))
    }

    @Test
    fun sensorCallsLandOnTheMainThreadInOrder() {
        val direct = Collections.synchronizedList(mutableListOf<SensorCall>())
        SensorClient().use { client ->
            client.setObserver(object : SensorObserver {
                override fun onState(state: SensorConnectionState) { direct += SensorCall.State(state) }
                override fun onBattery(percent: UByte) { direct += SensorCall.Battery(percent) }
                override fun onDetails(details: SensorDetails) { direct += SensorCall.Details(details) }
                override fun onWarning(warning: SensorWarning) { direct += SensorCall.Warning(warning) }
                override fun onPicker(screen: SensorPickerScreen) { direct += SensorCall.Picker(screen) }
            })
            pushedScript(client)
        }
        TestMain().use { main ->
            MainThreadRelay(main.dispatcher).use { relay ->
                val seen = mutableListOf<Pair<String, SensorCall>>()
                SensorClient().use { client ->
                    client.setObserver(SensorEventRelay(relay) { seen += Thread.currentThread().name to it })
                    pushedScript(client)
                }
                main.drain()
                assertTrue(direct.size >= 4, "$direct")
                assertTrue(direct.any { it is SensorCall.Battery }, "$direct")
                assertEquals(direct.toList(), seen.map { it.second })
                assertEquals(setOf(TestMain.THREAD), seen.map { it.first }.toSet())
            }
        }
    }

    @Test
    fun nothingRunsAfterTheRelayIsClosed() {
        TestMain().use { main ->
            val relay = MainThreadRelay(main.dispatcher)
            val ran = mutableListOf<Int>()
            relay.post { ran += 1 }
            main.drain()
            relay.close()
            relay.post { ran += 2 }
            main.drain()
            assertEquals(listOf(1), ran)
        }
    }
}
