package app.patella.shell

import app.patella.core.RunCue
import app.patella.core.RunEvent
import app.patella.core.RunEventKind
import app.patella.core.RunUrgency
import app.patella.shell.cue.CuePolicy
import app.patella.shell.cue.CuePreferences
import app.patella.shell.cue.CueTopic
import app.patella.shell.cue.MetronomeCommand
import app.patella.shell.cue.NotificationImportance
import app.patella.shell.cue.VibrationPattern
import app.patella.shell.ports.Utterance
import kotlin.reflect.KClass
import kotlin.reflect.KType
import kotlin.reflect.full.primaryConstructor
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Test

/**
 * The cue policy as a table: every event kind the generated bindings know
 * (enumerated from the sealed class, so a new kind in the core fails here
 * until it is in the table) has its topic, and every urgency and flag gives
 * the expected speech, vibration and notification.
 */
class CuePolicyTableTest {
    private val topics = mapOf(
        "SessionStarted" to CueTopic.SESSION,
        "SegmentStarted" to CueTopic.SEGMENT,
        "SegmentEndingSoon" to CueTopic.SEGMENT,
        "Halfway" to CueTopic.SESSION,
        "SessionComplete" to CueTopic.SESSION,
        "SessionStopped" to CueTopic.SESSION,
        "Paused" to CueTopic.SESSION,
        "Resumed" to CueTopic.SESSION,
        "CheckInPrompt" to CueTopic.KNEE,
        "CheckInAssessed" to CueTopic.KNEE,
        "SwitchedToWalking" to CueTopic.KNEE,
        "RunEnded" to CueTopic.KNEE,
        "CadenceLow" to CueTopic.CADENCE,
        "CadenceHigh" to CueTopic.CADENCE,
        "BackOnTarget" to CueTopic.CADENCE,
        "Overstride" to CueTopic.CADENCE,
        "WalkingInRunSegment" to CueTopic.CADENCE,
        "SensorGap" to CueTopic.SENSOR,
        "SensorRestored" to CueTopic.SENSOR,
        "UnitDetected" to CueTopic.SENSOR,
        "ReadingsRejected" to CueTopic.SENSOR,
        "MetronomeChanged" to CueTopic.CADENCE,
    )

    /** An instance of an event kind with plain values, built by reflection. */
    private fun instance(kind: KClass<*>): RunEventKind {
        kind.objectInstance?.let { return it as RunEventKind }
        val constructor = kind.primaryConstructor!!
        return constructor.call(*constructor.parameters.map { plain(it.type) }.toTypedArray()) as RunEventKind
    }

    private fun plain(type: KType): Any? {
        if (type.isMarkedNullable) return null
        val kind = type.classifier as KClass<*>
        return when (kind) {
            ULong::class -> 1uL
            UInt::class -> 1u
            UByte::class -> 1u.toUByte()
            Double::class -> 1.0
            Boolean::class -> true
            String::class -> "pod"
            else -> kind.java.enumConstants?.first()
                ?: kind.sealedSubclasses.firstNotNullOfOrNull { it.objectInstance }
                ?: kind.sealedSubclasses.firstOrNull()?.primaryConstructor?.let { c ->
                    c.call(*c.parameters.map { plain(it.type) }.toTypedArray())
                }
                ?: error("no plain value for $kind")
        }
    }

    @Test
    fun everyEventKindOfTheCoreHasATopic() {
        val kinds = RunEventKind::class.sealedSubclasses
        assertEquals(22, kinds.size, "the core has ${kinds.size} event kinds")
        assertEquals(topics.keys, kinds.map { it.simpleName }.toSet(), "a kind without a topic in this table")
        for (kind in kinds) {
            assertEquals(topics[kind.simpleName], CuePolicy.topicOf(instance(kind)), kind.simpleName)
        }
    }

    @Test
    fun eachUrgencyAndFlagGivesItsDelivery() {
        val on = CuePreferences(voiceCues = true, metronome = true)
        val off = on.copy(voiceCues = false)
        val patterns = mapOf(
            RunUrgency.INFO to null,
            RunUrgency.NUDGE to VibrationPattern.NUDGE,
            RunUrgency.WARNING to VibrationPattern.WARNING,
            RunUrgency.STOP to VibrationPattern.STOP,
        )
        val importance = mapOf(
            RunUrgency.INFO to NotificationImportance.LOW,
            RunUrgency.NUDGE to NotificationImportance.DEFAULT,
            RunUrgency.WARNING to NotificationImportance.HIGH,
            RunUrgency.STOP to NotificationImportance.HIGH,
        )
        assertEquals(RunUrgency.entries.toSet(), patterns.keys)
        for (urgency in RunUrgency.entries) for (speak in listOf(true, false)) for (locked in listOf(true, false)) {
            val cue = RunCue("Cue text", urgency, speak, locked)
            val label = "$urgency speak=$speak locked=$locked"
            val voiced = CuePolicy.deliver(cue, CueTopic.KNEE, on)
            val interrupt = urgency == RunUrgency.WARNING || urgency == RunUrgency.STOP
            assertEquals(if (speak) Utterance("Cue text", interrupt) else null, voiced.speech, label)
            assertEquals(if (speak || locked) patterns[urgency] else null, voiced.vibration, label)
            assertEquals(if (locked) importance[urgency] else null, voiced.notification?.importance, label)
            assertEquals(if (locked) CueTopic.KNEE.tag else null, voiced.notification?.tag, label)
            val quiet = CuePolicy.deliver(cue, CueTopic.KNEE, off)
            assertNull(quiet.speech, label)
            assertEquals(voiced.vibration, quiet.vibration, "vibration stays without voice: $label")
            assertEquals(voiced.notification, quiet.notification, label)
        }
    }

    @Test
    fun onlyTheMetronomeEventMovesTheMetronomeAndTheSwitchSilencesIt() {
        val cue = RunCue("Beat", RunUrgency.INFO, false, false)
        val on = CuePreferences(voiceCues = true, metronome = true)
        val play = RunEvent(1u, RunEventKind.MetronomeChanged(true, 353u), "metronome_changed", cue)
        assertEquals(MetronomeCommand.Play(353), CuePolicy.forRunEvent(play, on).metronome)
        assertEquals(MetronomeCommand.Stop, CuePolicy.forRunEvent(play, on.copy(metronome = false)).metronome)
        val stop = RunEvent(2u, RunEventKind.MetronomeChanged(false, null), "metronome_changed", cue)
        assertEquals(MetronomeCommand.Stop, CuePolicy.forRunEvent(stop, on).metronome)
        val other = RunEvent(3u, RunEventKind.Paused(1uL), "paused", cue)
        assertNull(CuePolicy.forRunEvent(other, on).metronome)
    }
}
