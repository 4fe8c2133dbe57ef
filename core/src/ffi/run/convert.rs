//! The mappings from the core run engine's types that are left: the event
//! kinds (which carry the pain facade's zone and action), and errors.

use crate::cadence;
use crate::pain;
use crate::run as core_run;

use super::*;

pub(super) fn input_error(e: core_run::RunError) -> RunSessionError {
    RunSessionError::InvalidInput {
        detail: e.to_string(),
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
            K::SessionStarted { total_ms, segments } => Self::SessionStarted { total_ms, segments },
            K::SegmentStarted {
                index,
                segment,
                duration_ms,
                target_spm,
            } => Self::SegmentStarted {
                index,
                segment,
                duration_ms,
                target_spm,
            },
            K::SegmentEndingSoon {
                index,
                segment,
                seconds_left,
                next,
            } => Self::SegmentEndingSoon {
                index,
                segment,
                seconds_left,
                next,
            },
            K::Halfway {
                elapsed_ms,
                remaining_ms,
            } => Self::Halfway {
                elapsed_ms,
                remaining_ms,
            },
            K::SessionComplete { elapsed_ms } => Self::SessionComplete { elapsed_ms },
            K::SessionStopped { reason, elapsed_ms } => Self::SessionStopped { reason, elapsed_ms },
            K::Paused { elapsed_ms } => Self::Paused { elapsed_ms },
            K::Resumed { paused_for_ms } => Self::Resumed { paused_for_ms },
            K::CheckInPrompt { reason } => Self::CheckInPrompt { reason },
            K::CheckInAssessed {
                score,
                zone,
                action,
            } => Self::CheckInAssessed {
                score,
                zone,
                action,
            },
            K::SwitchedToWalking { segments_changed } => {
                Self::SwitchedToWalking { segments_changed }
            }
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
            K::UnitDetected { source_id, unit } => Self::UnitDetected { source_id, unit },
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
