//! Mappings between the facade's records and the core run engine's types.

use crate::cadence::{self, MetronomeMode};
use crate::pain;
use crate::run::{self as core_run, AboveZoneResponse, RunConfig};
use crate::sample::{CadenceSample, CadenceUnit, Gait, SensorLink};

use super::*;

pub(super) fn input_error(e: core_run::RunError) -> RunSessionError {
    RunSessionError::InvalidInput {
        detail: e.to_string(),
    }
}

pub(super) fn config_from(s: RunSettings) -> RunConfig {
    let mut config = RunConfig {
        metronome: match s.metronome {
            RunMetronomeMode::Off => MetronomeMode::Off,
            RunMetronomeMode::Always => MetronomeMode::Always,
            RunMetronomeMode::Nudge => MetronomeMode::Nudge,
        },
        above_zone: if s.end_run_on_pain_above_zone {
            AboveZoneResponse::EndRun
        } else {
            AboveZoneResponse::SwitchToWalking
        },
        ..RunConfig::default()
    };
    config.check_in_prompts.every_min = s.check_in_every_min;
    config.cadence.alert.alert_above_band = s.alert_above_band;
    config.cadence.alert.min_gap_ms = u64::from(s.min_seconds_between_cues) * 1_000;
    config.target_guard.allow_unusual = s.allow_unusual_target;
    config
}

/// The facade's settings for a core configuration (the inverse of
/// `config_from` for the fields a runner can change).
pub(super) fn settings_from(c: &RunConfig) -> RunSettings {
    RunSettings {
        metronome: match c.metronome {
            MetronomeMode::Off => RunMetronomeMode::Off,
            MetronomeMode::Always => RunMetronomeMode::Always,
            MetronomeMode::Nudge => RunMetronomeMode::Nudge,
        },
        alert_above_band: c.cadence.alert.alert_above_band,
        end_run_on_pain_above_zone: c.above_zone == AboveZoneResponse::EndRun,
        check_in_every_min: c.check_in_prompts.every_min,
        min_seconds_between_cues: u32::try_from(c.cadence.alert.min_gap_ms / 1_000)
            .unwrap_or(u32::MAX),
        allow_unusual_target: c.target_guard.allow_unusual,
    }
}

/// The one check-in record, taken during the run: the session records it
/// as `DuringRun` whatever moment the app set.
pub(super) fn checkin_from(
    c: &crate::ffi::pain::CheckIn,
) -> Result<pain::CheckIn, RunSessionError> {
    c.to_core().map_err(|e| match e {
        crate::ffi::pain::PainError::InvalidDateTime { field, value } => {
            RunSessionError::InvalidDate { field, value }
        }
        other => RunSessionError::InvalidInput {
            detail: format!("check_in.{other}"),
        },
    })
}

pub(super) fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

impl From<RunSegmentKind> for core_run::SegmentKind {
    fn from(k: RunSegmentKind) -> Self {
        match k {
            RunSegmentKind::WarmUp => Self::WarmUp,
            RunSegmentKind::Run => Self::Run,
            RunSegmentKind::Walk => Self::Walk,
            RunSegmentKind::CoolDown => Self::CoolDown,
        }
    }
}

impl From<core_run::SegmentKind> for RunSegmentKind {
    fn from(k: core_run::SegmentKind) -> Self {
        match k {
            core_run::SegmentKind::WarmUp => Self::WarmUp,
            core_run::SegmentKind::Run => Self::Run,
            core_run::SegmentKind::Walk => Self::Walk,
            core_run::SegmentKind::CoolDown => Self::CoolDown,
        }
    }
}

impl From<RunPlan> for core_run::SessionPlan {
    fn from(p: RunPlan) -> Self {
        Self {
            segments: p
                .segments
                .into_iter()
                .map(|s| core_run::Segment {
                    kind: s.kind.into(),
                    duration_s: s.duration_s,
                })
                .collect(),
            cadence_target_spm: p.cadence_target_spm,
            stride_baseline: None,
        }
    }
}

impl From<RunCadenceUnit> for CadenceUnit {
    fn from(u: RunCadenceUnit) -> Self {
        match u {
            RunCadenceUnit::StepsPerMinute => Self::StepsPerMinute,
            RunCadenceUnit::StridesPerMinute => Self::StridesPerMinute,
            RunCadenceUnit::Unknown => Self::Unknown,
        }
    }
}

impl From<CadenceUnit> for RunCadenceUnit {
    fn from(u: CadenceUnit) -> Self {
        match u {
            CadenceUnit::StepsPerMinute => Self::StepsPerMinute,
            CadenceUnit::StridesPerMinute => Self::StridesPerMinute,
            CadenceUnit::Unknown => Self::Unknown,
        }
    }
}

impl From<RunSample> for CadenceSample {
    fn from(s: RunSample) -> Self {
        Self {
            at_ms: s.at_ms,
            source_id: s.source_id,
            cadence: s.cadence,
            unit: s.unit.into(),
            speed_mps: s.speed_mps,
            stride_length_m: s.stride_length_m,
            total_distance_m: None,
            gait: s.gait.map(|g| match g {
                RunGait::Walking => Gait::Walking,
                RunGait::Running => Gait::Running,
            }),
        }
    }
}

impl From<core_run::StopReason> for RunStopReason {
    fn from(r: core_run::StopReason) -> Self {
        match r {
            core_run::StopReason::User => Self::User,
            core_run::StopReason::PainAboveZone => Self::PainAboveZone,
            core_run::StopReason::PainStop => Self::PainStop,
            core_run::StopReason::RedFlag => Self::RedFlag,
        }
    }
}

impl From<core_run::PromptReason> for RunPromptReason {
    fn from(r: core_run::PromptReason) -> Self {
        match r {
            core_run::PromptReason::AfterRunSegment => Self::AfterRunSegment,
            core_run::PromptReason::CoolDown => Self::CoolDown,
            core_run::PromptReason::Periodic => Self::Periodic,
        }
    }
}

pub(super) fn reject_reason(r: &cadence::RejectReason) -> String {
    match r {
        cadence::RejectReason::UnitMismatch { .. } => "unit_mismatch",
        cadence::RejectReason::AboveMax { .. } => "above_max",
        cadence::RejectReason::StepTooLong { .. } => "step_too_long",
        cadence::RejectReason::TooLowForRunning { .. } => "too_low_for_running",
    }
    .to_owned()
}

impl From<core_run::RunEventKind> for RunEventKind {
    fn from(k: core_run::RunEventKind) -> Self {
        use core_run::RunEventKind as K;
        match k {
            K::SessionStarted { total_ms, segments } => Self::SessionStarted {
                total_ms,
                segments: count(segments),
            },
            K::SegmentStarted {
                index,
                segment,
                duration_ms,
                target_spm,
            } => Self::SegmentStarted {
                index: count(index),
                segment: segment.into(),
                duration_ms,
                target_spm,
            },
            K::SegmentEndingSoon {
                index,
                segment,
                seconds_left,
                next,
            } => Self::SegmentEndingSoon {
                index: count(index),
                segment: segment.into(),
                seconds_left,
                next: next.map(Into::into),
            },
            K::Halfway {
                elapsed_ms,
                remaining_ms,
            } => Self::Halfway {
                elapsed_ms,
                remaining_ms,
            },
            K::SessionComplete { elapsed_ms } => Self::SessionComplete { elapsed_ms },
            K::SessionStopped { reason, elapsed_ms } => Self::SessionStopped {
                reason: reason.into(),
                elapsed_ms,
            },
            K::Paused { elapsed_ms } => Self::Paused { elapsed_ms },
            K::Resumed { paused_for_ms } => Self::Resumed { paused_for_ms },
            K::CheckInPrompt { reason } => Self::CheckInPrompt {
                reason: reason.into(),
            },
            K::CheckInAssessed {
                score,
                zone,
                action,
            } => Self::CheckInAssessed {
                score,
                zone,
                action,
            },
            K::SwitchedToWalking { segments_changed } => Self::SwitchedToWalking {
                segments_changed: count(segments_changed),
            },
            K::RunEnded { skipped_ms } => Self::RunEnded { skipped_ms },
            K::CadenceLow {
                cadence_spm,
                target_spm,
                band_low_spm,
                below_for_ms,
            } => Self::CadenceLow {
                cadence_spm,
                target_spm,
                band_low_spm,
                below_for_ms,
            },
            K::CadenceHigh {
                cadence_spm,
                target_spm,
                band_high_spm,
                above_for_ms,
            } => Self::CadenceHigh {
                cadence_spm,
                target_spm,
                band_high_spm,
                above_for_ms,
            },
            K::BackOnTarget {
                cadence_spm,
                target_spm,
            } => Self::BackOnTarget {
                cadence_spm,
                target_spm,
            },
            K::Overstride {
                stride_m,
                baseline_m,
                speed_mps,
                excess_pct,
            } => Self::Overstride {
                stride_m,
                baseline_m,
                speed_mps,
                excess_pct,
            },
            K::WalkingInRunSegment {
                walking_for_ms,
                cadence_spm,
                speed_mps,
            } => Self::WalkingInRunSegment {
                walking_for_ms,
                cadence_spm,
                speed_mps,
            },
            K::SensorGap {
                source_id,
                last_reading_ms,
            } => Self::SensorGap {
                source_id,
                last_reading_ms,
            },
            K::SensorRestored { source_id, gap_ms } => Self::SensorRestored { source_id, gap_ms },
            K::UnitDetected { source_id, unit } => Self::UnitDetected {
                source_id,
                unit: unit.into(),
            },
            K::ReadingsRejected {
                source_id,
                value,
                reason,
            } => Self::ReadingsRejected {
                source_id,
                value,
                reason: reject_reason(&reason),
            },
            K::MetronomeChanged {
                playing,
                interval_ms,
            } => Self::MetronomeChanged {
                playing,
                interval_ms,
            },
        }
    }
}

impl From<core_run::RunEvent> for RunEvent {
    fn from(e: core_run::RunEvent) -> Self {
        let name = e.kind.name().to_owned();
        Self {
            at_ms: e.at_ms,
            kind: e.kind.into(),
            name,
            cue: e.cue.into(),
        }
    }
}

impl From<core_run::Urgency> for RunUrgency {
    fn from(u: core_run::Urgency) -> Self {
        match u {
            core_run::Urgency::Info => Self::Info,
            core_run::Urgency::Nudge => Self::Nudge,
            core_run::Urgency::Warning => Self::Warning,
            core_run::Urgency::Stop => Self::Stop,
        }
    }
}

impl From<core_run::Cue> for RunCue {
    fn from(c: core_run::Cue) -> Self {
        Self {
            text: c.text,
            urgency: c.urgency.into(),
            speak: c.speak,
            reach_locked_phone: c.reach_locked_phone,
        }
    }
}

impl From<core_run::SessionStatus> for RunStatus {
    fn from(s: core_run::SessionStatus) -> Self {
        match s {
            core_run::SessionStatus::NotStarted => Self::NotStarted,
            core_run::SessionStatus::Running => Self::Running,
            core_run::SessionStatus::Paused => Self::Paused,
            core_run::SessionStatus::Complete => Self::Complete,
            core_run::SessionStatus::Stopped => Self::Stopped,
        }
    }
}

impl From<core_run::CadenceState> for RunCadenceState {
    fn from(s: core_run::CadenceState) -> Self {
        match s {
            core_run::CadenceState::NoSignal => Self::NoSignal,
            core_run::CadenceState::Stopped => Self::Stopped,
            core_run::CadenceState::Walking => Self::Walking,
            core_run::CadenceState::Suspect => Self::Suspect,
            core_run::CadenceState::Running => Self::Running,
            core_run::CadenceState::BelowBand => Self::BelowBand,
            core_run::CadenceState::InBand => Self::InBand,
            core_run::CadenceState::AboveBand => Self::AboveBand,
        }
    }
}

mirror_enum!(RunSensorLink <=> SensorLink {
    Idle,
    Connecting,
    Connected,
    Silent,
    BluetoothOff,
    Failed,
});

fn segment_card(c: core_run::SegmentCard) -> RunSegmentCard {
    RunSegmentCard {
        index: count(c.index),
        kind: c.kind.into(),
        label: c.label,
        duration_ms: c.duration_ms,
        duration_label: c.duration_label,
    }
}

impl From<core_run::RunScreen> for RunScreen {
    fn from(v: core_run::RunScreen) -> Self {
        let g = v.cadence;
        let p = v.sensor;
        Self {
            at_ms: v.at_ms,
            status: v.status.into(),
            status_label: v.status_label,
            paused: v.paused,
            current: v.current.map(segment_card),
            next: v.next.map(segment_card),
            countdown_ms: v.countdown_ms,
            countdown_label: v.countdown_label,
            elapsed_ms: v.elapsed_ms,
            elapsed_label: v.elapsed_label,
            remaining_ms: v.remaining_ms,
            remaining_label: v.remaining_label,
            total_ms: v.total_ms,
            cadence: RunCadenceGauge {
                spm: g.spm,
                label: g.label,
                confidence: g.confidence,
                target_spm: g.target_spm,
                band_low_spm: g.band_low_spm,
                band_high_spm: g.band_high_spm,
                band_label: g.band_label,
                zone: g.zone.into(),
                zone_label: g.zone_label,
            },
            walking_in_run_ms: v.walking_in_run_ms,
            walking_in_run_label: v.walking_in_run_label,
            sensor: RunSensorPanel {
                source_id: p.source_id,
                link: p.link.map(Into::into),
                label: p.label,
                battery_percent: p.battery_percent,
                battery_label: p.battery_label,
                battery_low: p.battery_low,
            },
            check_in_prompt: v.check_in_prompt.map(|c| RunCheckInPrompt {
                reason: c.reason.into(),
                question: c.question,
            }),
            last_assessment: v.last_assessment.map(|a| RunAssessment {
                score: a.score,
                zone: a.zone,
                advice: a.advice,
            }),
            stop_reason: v.stop_reason.map(Into::into),
            stop_label: v.stop_label,
            strip: v
                .strip
                .into_iter()
                .map(|s| RunStripSegment {
                    kind: s.kind.into(),
                    duration_ms: s.duration_ms,
                    state: match s.state {
                        core_run::StripState::Done => RunStripState::Done,
                        core_run::StripState::Current => RunStripState::Current,
                        core_run::StripState::Upcoming => RunStripState::Upcoming,
                    },
                    done_fraction: s.done_fraction,
                })
                .collect(),
            buttons: RunButtons {
                start: v.buttons.start,
                pause: v.buttons.pause,
                resume: v.buttons.resume,
                stop: v.buttons.stop,
                check_in: v.buttons.check_in,
            },
            metronome: RunMetronomeState {
                mode: match v.metronome.mode {
                    MetronomeMode::Off => RunMetronomeMode::Off,
                    MetronomeMode::Always => RunMetronomeMode::Always,
                    MetronomeMode::Nudge => RunMetronomeMode::Nudge,
                },
                interval_ms: v.metronome.interval_ms,
                playing: v.metronome.playing,
            },
            dropped_samples: v.dropped_samples,
            rejected_samples: v.rejected_samples,
            not_saved: v.not_saved,
        }
    }
}

impl From<core_run::TimelineEntry> for RunTimelineEntry {
    fn from(e: core_run::TimelineEntry) -> Self {
        Self {
            in_ms: e.in_ms,
            at_ms: e.at_ms,
            segment_index: e.segment_index.map(count),
            segment: e.segment.map(Into::into),
            label: e.label,
            cue: e.cue.into(),
        }
    }
}
