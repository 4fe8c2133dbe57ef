package app.patella.shell

import app.patella.core.RunEventKind
import app.patella.core.SensorCueCall
import app.patella.core.sampleRunEvents
import app.patella.core.sampleSensorCues
import app.patella.shell.bridge.SensorCall
import app.patella.shell.cue.CueDelivery
import app.patella.shell.cue.CuePolicy
import app.patella.shell.cue.CuePreferences
import app.patella.shell.support.Golden
import app.patella.shell.support.RecordTree
import app.patella.shell.support.at
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNotNull
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

/**
 * The core's cue catalogue (`tests/fixtures/screens/cues.json`: one example
 * of every run event kind and every sensor observer call, shared with the
 * iOS shell) through the Android cue policy: the examples rebuilt through
 * the library equal the file, every event kind of the bindings is in it,
 * and each entry gives the speech, vibration and notification its urgency
 * and flags call for, with voice cues on and off.
 */
class CueCatalogueTest {
    private val catalogue = Golden.read("cues") as List<*>
    private val on = CuePreferences(voiceCues = true, metronome = true)
    private val off = on.copy(voiceCues = false)

    private fun sensorCall(call: SensorCueCall): SensorCall = when (call) {
        is SensorCueCall.State -> SensorCall.State(call.state)
        is SensorCueCall.Battery -> SensorCall.Battery(call.percent)
        is SensorCueCall.Details -> SensorCall.Details(call.details)
        is SensorCueCall.Warning -> SensorCall.Warning(call.warning)
    }

    /** What an entry's cue must turn into, from the file's own fields. */
    private fun assertDelivered(entry: Any?, delivery: CueDelivery?, voice: Boolean) {
        val label = "${at(entry, "source")} ${at(entry, "kind")} voice=$voice"
        assertNotNull(delivery, label)
        val text = at(entry, "cue", "text") as String
        val urgency = at(entry, "cue", "urgency") as String
        val speak = at(entry, "cue", "speak") as Boolean
        val locked = at(entry, "cue", "reach_locked_phone") as Boolean
        assertEquals(if (speak && voice) text else null, delivery!!.speech?.text, label)
        assertEquals(urgency in setOf("warning", "stop"), delivery.speech?.interrupt ?: (urgency in setOf("warning", "stop")), label)
        val pattern = mapOf("info" to null, "nudge" to "nudge", "warning" to "warning", "stop" to "stop").getValue(urgency)
        assertEquals(if (speak || locked) pattern else null, delivery.vibration?.name, label)
        assertEquals(if (locked) text else null, delivery.notification?.text, label)
        val importance = mapOf("info" to "LOW", "nudge" to "DEFAULT", "warning" to "HIGH", "stop" to "HIGH").getValue(urgency)
        assertEquals(if (locked) importance else null, delivery.notification?.importance?.name, label)
    }

    @Test
    fun theCatalogueCoversEveryEventKindAndIsWhatTheLibraryGives() {
        val run = catalogue.filter { at(it, "source") == "run" }
        val events = sampleRunEvents()
        assertEquals(run.size, events.size)
        events.forEachIndexed { i, event ->
            assertEquals(at(run[i], "kind"), event.name)
            assertEquals(at(run[i], "cue"), RecordTree.of(event.cue), event.name)
        }
        val kinds = RunEventKind::class.sealedSubclasses.map { RecordTree.snake(it.simpleName!!) }.toSet()
        assertEquals(kinds, run.map { at(it, "kind") }.toSet(), "every event kind of the bindings has an example")
        val sensor = catalogue.filter { at(it, "source") == "sensor" }
        val calls = sampleSensorCues()
        assertEquals(sensor.size, calls.size)
        calls.forEachIndexed { i, sample -> assertEquals(at(sensor[i], "cue"), RecordTree.of(sample.cue), "${at(sensor[i], "kind")}") }
        assertTrue(sensor.isNotEmpty())
    }

    @Test
    fun everyRunEventInTheCatalogueIsDeliveredAsItsCueSays() {
        val run = catalogue.filter { at(it, "source") == "run" }
        sampleRunEvents().forEachIndexed { i, event ->
            assertDelivered(run[i], CuePolicy.forRunEvent(event, on), voice = true)
            assertDelivered(run[i], CuePolicy.forRunEvent(event, off), voice = false)
        }
    }

    @Test
    fun everySensorCallInTheCatalogueIsDeliveredAsItsCueSays() {
        val sensor = catalogue.filter { at(it, "source") == "sensor" }
        sampleSensorCues().forEachIndexed { i, sample ->
            assertDelivered(sensor[i], CuePolicy.forSensorCall(sensorCall(sample.call), on), voice = true)
            assertDelivered(sensor[i], CuePolicy.forSensorCall(sensorCall(sample.call), off), voice = false)
        }
        assertNull(CuePolicy.forSensorCall(SensorCall.Picker(app.patella.core.SensorPickerScreen(app.patella.core.SensorScanState.NOT_STARTED, "", emptyList(), true)), on))
    }
}
