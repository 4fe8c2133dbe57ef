//! Mappings between the facade's records and the core run engine's types.

use patella_core::cadence::{self, MetronomeMode};
use patella_core::pain::{self, PainQuality};
use patella_core::run::{self as core_run, AboveZoneResponse, RunConfig};
use patella_core::sample::{CadenceSample, CadenceUnit, Gait};

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

pub(super) fn checkin_from(c: RunCheckIn) -> Result<pain::CheckIn, RunSessionError> {
    let taken_at = crate::dates::parse_date_time("taken_at", &c.taken_at).map_err(|e| {
        RunSessionError::InvalidDate {
            field: e.field,
            value: e.value,
        }
    })?;
    let flags = c.red_flags.into_iter().map(pain::RedFlag::from).collect();
    let quality = c.sharp.then_some(PainQuality::Sharp);
    pain::CheckIn::new(
        taken_at,
        c.score,
        pain::CheckInMoment::DuringRun,
        quality,
        None,
        flags,
    )
    .map_err(|e| RunSessionError::InvalidInput {
        detail: format!("check_in.{e}"),
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
                zone: zone.into(),
                action: action.into(),
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
            cue: e.cue,
        }
    }
}

impl From<core_run::RunView> for RunView {
    fn from(v: core_run::RunView) -> Self {
        Self {
            at_ms: v.at_ms,
            status: match v.status {
                core_run::SessionStatus::NotStarted => RunStatus::NotStarted,
                core_run::SessionStatus::Running => RunStatus::Running,
                core_run::SessionStatus::Paused => RunStatus::Paused,
                core_run::SessionStatus::Complete => RunStatus::Complete,
                core_run::SessionStatus::Stopped => RunStatus::Stopped,
            },
            segment_index: v.segment_index.map(count),
            segment: v.segment.map(Into::into),
            segment_elapsed_ms: v.segment_elapsed_ms,
            segment_remaining_ms: v.segment_remaining_ms,
            elapsed_ms: v.elapsed_ms,
            remaining_ms: v.remaining_ms,
            total_ms: v.total_ms,
            cadence_spm: v.cadence_spm,
            cadence_confidence: v.cadence_confidence,
            cadence_state: match v.cadence_state {
                core_run::CadenceState::NoSignal => RunCadenceState::NoSignal,
                core_run::CadenceState::Stopped => RunCadenceState::Stopped,
                core_run::CadenceState::Walking => RunCadenceState::Walking,
                core_run::CadenceState::Suspect => RunCadenceState::Suspect,
                core_run::CadenceState::Running => RunCadenceState::Running,
                core_run::CadenceState::BelowBand => RunCadenceState::BelowBand,
                core_run::CadenceState::InBand => RunCadenceState::InBand,
                core_run::CadenceState::AboveBand => RunCadenceState::AboveBand,
            },
            walking_in_run_ms: v.walking_in_run_ms,
            target_spm: v.target_spm,
            band_low_spm: v.band_low_spm,
            band_high_spm: v.band_high_spm,
            metronome_mode: match v.metronome.mode {
                MetronomeMode::Off => RunMetronomeMode::Off,
                MetronomeMode::Always => RunMetronomeMode::Always,
                MetronomeMode::Nudge => RunMetronomeMode::Nudge,
            },
            metronome_interval_ms: v.metronome.interval_ms,
            metronome_playing: v.metronome.playing,
            speed_mps: v.speed_mps,
            stride_length_m: v.stride_length_m,
            dropped_samples: v.dropped_samples,
            rejected_samples: v.rejected_samples,
        }
    }
}
