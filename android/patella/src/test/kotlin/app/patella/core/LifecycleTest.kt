package app.patella.core

import java.lang.ref.WeakReference
import java.util.concurrent.atomic.AtomicInteger
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

/**
 * Issue 11 ("Lifecycle"): every object that holds an observer lets go of it
 * at `close()` (Kotlin's AutoCloseable one, which frees the Rust object and
 * ends its delivery), so the Kotlin observer becomes collectable. While the
 * object is open the observer is held, which shows the check can fail.
 */
class LifecycleTest {
    private class Counting : RunObserver, SensorObserver {
        val calls = AtomicInteger()
        override fun onEvent(event: RunEvent) { calls.incrementAndGet() }
        override fun onState(state: SensorConnectionState) { calls.incrementAndGet() }
        override fun onBattery(percent: UByte) { calls.incrementAndGet() }
        override fun onDetails(details: SensorDetails) { calls.incrementAndGet() }
        override fun onWarning(warning: SensorWarning) { calls.incrementAndGet() }
        override fun onPicker(screen: SensorPickerScreen) { calls.incrementAndGet() }
    }

    /** Runs the collector until `ref` clears or `limitMs` passes. */
    private fun collected(ref: WeakReference<*>, limitMs: Long): Boolean {
        val deadline = System.currentTimeMillis() + limitMs
        while (ref.get() != null) {
            if (System.currentTimeMillis() > deadline) return false
            System.gc()
            Thread.sleep(10)
        }
        return true
    }

    // Each observer is made in a function of its own, so that no local of
    // the test keeps it alive.
    private fun session(): Pair<RunSession, WeakReference<Counting>> {
        val observer = Counting()
        val plan = RunPlan(listOf(RunSegment(RunSegmentKind.RUN, 600u)), 170.0)
        return RunSession(plan, null, observer) to WeakReference(observer)
    }

    private fun sensor(): Pair<SensorClient, WeakReference<Counting>> {
        val observer = Counting()
        val client = SensorClient()
        client.setObserver(observer)
        return client to WeakReference(observer)
    }

    @Test
    fun aClosedRunSessionLetsGoOfItsObserverEvenWhileASensorFeedsIt() {
        val (session, ref) = session()
        SensorClient().use { client ->
            client.feedRun(session)
            session.start(0u)
            assertTrue(session.flushEvents(10_000u))
            assertTrue(ref.get()!!.calls.get() > 0, "start is announced")
            assertFalse(collected(ref, 300), "held while the session is open")
            session.close()
            assertTrue(collected(ref, 10_000), "the observer is still held after close()")
        }
    }

    @Test
    fun aClosedSensorClientLetsGoOfItsObserver() {
        val (client, ref) = sensor()
        client.startPushed("pod")
        client.pushRawBattery(byteArrayOf(80))
        assertTrue(client.flushEvents(10_000u))
        assertTrue(ref.get()!!.calls.get() > 0, "the battery is heard")
        assertFalse(collected(ref, 300), "held while the client is open")
        client.close()
        assertTrue(collected(ref, 10_000), "the observer is still held after close()")
    }
}
