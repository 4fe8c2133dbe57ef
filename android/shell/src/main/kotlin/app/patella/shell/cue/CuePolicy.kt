package app.patella.shell.cue

import app.patella.core.RunCue
import app.patella.core.RunEvent
import app.patella.core.RunEventKind
import app.patella.core.RunUrgency
import app.patella.core.SensorConnectionState
import app.patella.core.SensorDetails
import app.patella.core.SensorWarning
import app.patella.core.sensorBatteryCue
import app.patella.core.sensorDetailsCue
import app.patella.core.sensorStateCue
import app.patella.core.sensorWarningCue
import app.patella.shell.bridge.SensorCall
import app.patella.shell.ports.Utterance

/**
 * Turns the core's cues into speech, vibration, notifications and metronome
 * commands. The core decides every word, the urgency, whether to speak and
 * whether to reach a locked phone; this policy only adds the runner's
 * switches (voice cues, metronome) and the phone's means for each urgency.
 *
 * Both `when`s below are exhaustive over the generated enums, so a new
 * event kind or urgency in the core stops this module from compiling until
 * it has a mapping.
 */
object CuePolicy {
    fun forRunEvent(event: RunEvent, prefs: CuePreferences): CueDelivery =
        deliver(event.cue, topicOf(event.kind), prefs).copy(metronome = metronomeFor(event.kind, prefs))

    fun forSensorState(state: SensorConnectionState, prefs: CuePreferences): CueDelivery =
        deliver(sensorStateCue(state), CueTopic.SENSOR, prefs)

    fun forSensorBattery(percent: UByte, prefs: CuePreferences): CueDelivery =
        deliver(sensorBatteryCue(percent), CueTopic.SENSOR, prefs)

    fun forSensorDetails(details: SensorDetails, prefs: CuePreferences): CueDelivery =
        deliver(sensorDetailsCue(details), CueTopic.SENSOR, prefs)

    fun forSensorWarning(warning: SensorWarning, prefs: CuePreferences): CueDelivery =
        deliver(sensorWarningCue(warning), CueTopic.SENSOR, prefs)

    /** A sensor observer call's delivery; the picker's updates are screens, not cues. */
    fun forSensorCall(call: SensorCall, prefs: CuePreferences): CueDelivery? = when (call) {
        is SensorCall.State -> forSensorState(call.state, prefs)
        is SensorCall.Battery -> forSensorBattery(call.percent, prefs)
        is SensorCall.Details -> forSensorDetails(call.details, prefs)
        is SensorCall.Warning -> forSensorWarning(call.warning, prefs)
        is SensorCall.Picker -> null
    }

    /** The delivery of one cue: the core's flags, the runner's switches. */
    fun deliver(cue: RunCue, topic: CueTopic, prefs: CuePreferences): CueDelivery {
        val reaches = cue.speak || cue.reachLockedPhone
        return CueDelivery(
            speech = if (cue.speak && prefs.voiceCues) Utterance(cue.text, interrupts(cue.urgency)) else null,
            // Vibration is also the fallback when voice cues are off.
            vibration = if (reaches) vibrationFor(cue.urgency) else null,
            notification = if (cue.reachLockedPhone) {
                CueNotification(topic.tag, topic, cue.text, importanceFor(cue.urgency), onLockScreen = true)
            } else {
                null
            },
        )
    }

    fun vibrationFor(urgency: RunUrgency): VibrationPattern? = when (urgency) {
        RunUrgency.INFO -> null
        RunUrgency.NUDGE -> VibrationPattern.NUDGE
        RunUrgency.WARNING -> VibrationPattern.WARNING
        RunUrgency.STOP -> VibrationPattern.STOP
    }

    fun importanceFor(urgency: RunUrgency): NotificationImportance = when (urgency) {
        RunUrgency.INFO -> NotificationImportance.LOW
        RunUrgency.NUDGE -> NotificationImportance.DEFAULT
        RunUrgency.WARNING, RunUrgency.STOP -> NotificationImportance.HIGH
    }

    /** Warnings and stops cut off a countdown being read; the rest queue. */
    fun interrupts(urgency: RunUrgency): Boolean = when (urgency) {
        RunUrgency.INFO, RunUrgency.NUDGE -> false
        RunUrgency.WARNING, RunUrgency.STOP -> true
    }

    fun topicOf(kind: RunEventKind): CueTopic = when (kind) {
        is RunEventKind.SessionStarted -> CueTopic.SESSION
        is RunEventKind.SegmentStarted -> CueTopic.SEGMENT
        is RunEventKind.SegmentEndingSoon -> CueTopic.SEGMENT
        is RunEventKind.Halfway -> CueTopic.SESSION
        is RunEventKind.SessionComplete -> CueTopic.SESSION
        is RunEventKind.SessionStopped -> CueTopic.SESSION
        is RunEventKind.Paused -> CueTopic.SESSION
        is RunEventKind.Resumed -> CueTopic.SESSION
        is RunEventKind.CheckInPrompt -> CueTopic.KNEE
        is RunEventKind.CheckInAssessed -> CueTopic.KNEE
        is RunEventKind.SwitchedToWalking -> CueTopic.KNEE
        is RunEventKind.RunEnded -> CueTopic.KNEE
        is RunEventKind.CadenceLow -> CueTopic.CADENCE
        is RunEventKind.CadenceHigh -> CueTopic.CADENCE
        is RunEventKind.BackOnTarget -> CueTopic.CADENCE
        is RunEventKind.Overstride -> CueTopic.CADENCE
        is RunEventKind.WalkingInRunSegment -> CueTopic.CADENCE
        is RunEventKind.SensorGap -> CueTopic.SENSOR
        is RunEventKind.SensorRestored -> CueTopic.SENSOR
        is RunEventKind.UnitDetected -> CueTopic.SENSOR
        is RunEventKind.ReadingsRejected -> CueTopic.SENSOR
        is RunEventKind.MetronomeChanged -> CueTopic.CADENCE
    }

    /** Only the metronome event moves the metronome; the runner's switch can silence it mid-run. */
    fun metronomeFor(kind: RunEventKind, prefs: CuePreferences): MetronomeCommand? {
        if (kind !is RunEventKind.MetronomeChanged) return null
        val interval = kind.intervalMs
        return if (kind.playing && interval != null && prefs.metronome) {
            MetronomeCommand.Play(interval.toInt())
        } else {
            MetronomeCommand.Stop
        }
    }
}
