//! The short sentences a session says, written in the project's own words,
//! and how each event reaches the runner: its urgency, whether it is spoken,
//! and whether it must reach a locked phone. Kept apart from the engine so
//! the wording can change (or be translated by the app from the event data)
//! without touching any rule; the delivery of every event kind is decided
//! once, in [`delivery`].

use super::event::{RunCue, RunEvent, RunEventKind, RunStopReason, RunUrgency};
use super::plan::SegmentKind;
use crate::pain::PainZone;
use crate::sample::{CadenceUnit, MonoMs};
use crate::words::spoken_duration;

impl RunCue {
    /// The cue of `kind`, worded `text`.
    pub fn for_event(kind: &RunEventKind, text: String) -> Self {
        let (urgency, speak, reach_locked_phone) = delivery(kind);
        Self {
            text,
            urgency,
            speak,
            reach_locked_phone,
        }
    }
}

/// Adds the event of `kind` at `at_ms` to `events`, worded `text`, with
/// the delivery [`delivery`] gives its kind.
pub(super) fn push(events: &mut Vec<RunEvent>, at_ms: MonoMs, kind: RunEventKind, text: String) {
    let cue = RunCue::for_event(&kind, text);
    events.push(RunEvent { at_ms, kind, cue });
}

/// Urgency, speak, reach a locked phone: the one place each kind's delivery
/// is decided (the project's choice; the articles say nothing about it).
/// Segment changes, prompts and anything about the knee or the sensor
/// link reach a locked phone; form cues are spoken only, since a runner
/// with the phone in a pocket hears them and a notification would pile up.
pub fn delivery(kind: &RunEventKind) -> (RunUrgency, bool, bool) {
    use RunEventKind as K;
    use RunUrgency::*;
    match kind {
        K::SessionStarted { .. } => (Info, false, false),
        K::SegmentStarted { .. } => (Nudge, true, true),
        K::SegmentEndingSoon { .. } | K::Halfway { .. } => (Info, true, false),
        K::SessionComplete { .. } => (Nudge, true, true),
        K::SessionStopped {
            reason: RunStopReason::User,
            ..
        } => (Info, true, true),
        K::SessionStopped { .. } => (Stop, true, true),
        K::Paused { .. } | K::Resumed { .. } => (Info, true, false),
        K::CheckInPrompt { .. } => (Nudge, true, true),
        K::CheckInAssessed { zone, .. } => match zone {
            PainZone::WithinBuffer => (Info, true, false),
            PainZone::AboveBuffer => (Warning, true, true),
            PainZone::Stop | PainZone::SeeClinician => (Stop, true, true),
        },
        K::SwitchedToWalking { .. } | K::RunEnded { .. } => (Warning, true, true),
        K::CadenceLow { .. } | K::CadenceHigh { .. } | K::Overstride { .. } => (Nudge, true, false),
        K::BackOnTarget { .. } | K::WalkingInRunSegment { .. } => (Info, true, false),
        K::SensorGap { .. } => (Warning, true, true),
        K::SensorRestored { .. } => (Info, true, false),
        K::UnitDetected { .. } | K::ReadingsRejected { .. } | K::MetronomeChanged { .. } => {
            (Info, false, false)
        }
    }
}

pub fn segment_started(kind: SegmentKind, duration_ms: u64) -> String {
    let d = spoken_duration(duration_ms);
    match kind {
        SegmentKind::WarmUp => format!("Warm-up, {d}: easy moves to wake the legs up."),
        SegmentKind::Run => format!("Run for {d}. Light, quick feet."),
        SegmentKind::Walk => format!("Walk for {d}. Let your breathing settle."),
        SegmentKind::CoolDown => format!("Cool-down, {d}: walk it off, then stretch."),
    }
}

pub fn ending_soon(seconds_left: u32, next: Option<SegmentKind>) -> String {
    match (seconds_left, next) {
        (s, _) if s <= 3 => s.to_string(),
        (s, Some(next)) => format!("{s} seconds, then {}.", next.label()),
        (s, None) => format!("{s} seconds to the finish."),
    }
}

pub fn session_started(total_ms: u64) -> String {
    format!("Session started: {} in all.", spoken_duration(total_ms))
}

pub fn halfway() -> String {
    "Halfway there.".to_owned()
}

pub fn complete() -> String {
    "That's the session done. Nicely run. Time for your stretches.".to_owned()
}

pub fn stopped(reason: RunStopReason) -> String {
    match reason {
        RunStopReason::User => "Session ended.".to_owned(),
        RunStopReason::PainAboveZone | RunStopReason::PainStop => {
            "Session stopped to look after your knee.".to_owned()
        }
        RunStopReason::RedFlag => {
            "Session stopped. Please get the knee checked before the next run.".to_owned()
        }
    }
}

pub fn paused() -> String {
    "Paused.".to_owned()
}

pub fn resumed() -> String {
    "And off again.".to_owned()
}

pub fn check_in_prompt() -> String {
    "Knee check: how does it feel from 0 to 10?".to_owned()
}

pub fn switched_to_walking() -> String {
    "No more running today: walk the rest of the session.".to_owned()
}

pub fn run_ended() -> String {
    "That's enough running for today. On to the cool-down.".to_owned()
}

pub fn cadence_low(target_spm: f64) -> String {
    format!("Shorter, quicker steps, about {target_spm:.0} a minute. Land under your body, softly.")
}

pub fn cadence_high(target_spm: f64) -> String {
    format!("Let the rhythm relax a little, back toward {target_spm:.0} a minute.")
}

pub fn back_on_target() -> String {
    "That's the rhythm. Hold it there.".to_owned()
}

pub fn overstride() -> String {
    "Your foot is reaching out in front. Shorter steps, landing softly below your hips.".to_owned()
}

/// Gentle on purpose: a walk in a run segment may be the knee talking.
pub fn walking_in_run_segment() -> String {
    "Walking is fine. Jog again when it feels easy; if the knee is the reason, keep walking and log a knee check."
        .to_owned()
}

pub fn unit_detected(unit: CadenceUnit) -> String {
    match unit {
        CadenceUnit::StepsPerMinute => "The sensor counts every step.".to_owned(),
        CadenceUnit::StridesPerMinute => {
            "The sensor counts strides; Patella doubles them to steps.".to_owned()
        }
        CadenceUnit::Unknown => "The sensor's counting unit is not known yet.".to_owned(),
    }
}

pub fn readings_rejected() -> String {
    "Some cadence readings make no sense and are being ignored.".to_owned()
}

pub fn metronome_changed(playing: bool) -> String {
    if playing {
        "Metronome on.".to_owned()
    } else {
        "Metronome off.".to_owned()
    }
}

pub fn sensor_gap() -> String {
    "Cadence signal lost; cadence cues are on hold.".to_owned()
}

pub fn sensor_restored() -> String {
    "Cadence signal is back.".to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segment_endings_count_down() {
        assert_eq!(ending_soon(2, None), "2");
        assert_eq!(
            ending_soon(10, Some(SegmentKind::Walk)),
            "10 seconds, then walk."
        );
    }
}
