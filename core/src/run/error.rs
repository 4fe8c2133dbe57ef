//! What a run session refuses, naming the input at fault. The session's
//! state is unchanged by any refused input.
//!
//! Time itself is never a reason to refuse the app's own calls: a `now_ms`
//! behind the session's time is taken as the session's time (see
//! `session.rs`). Only readings are refused for their time, when they lie
//! outside the bounds the session config states.

use thiserror::Error;

use super::plan::PlanError;
use crate::pain::CheckInError;
use crate::sample::MonoMs;

#[derive(Debug, Clone, PartialEq, Error)]
pub enum RunError {
    #[error("plan: {0}")]
    Plan(#[from] PlanError),
    #[error("config.{field}: {problem}")]
    Config {
        field: &'static str,
        problem: &'static str,
    },
    #[error(
        "cadence_target_spm: {value} steps/min is outside the usual {low}-{high}; such a target needs an explicit override (allow an unusual target) if it is meant"
    )]
    UnusualTarget { value: f64, low: f64, high: f64 },
    #[error(
        "sample.at_ms: {at_ms} is more than {max_lead_ms} ms ahead of the session's time {latest_ms}; a reading cannot carry the session further ahead (check the source's clock)"
    )]
    FutureSample {
        at_ms: MonoMs,
        latest_ms: MonoMs,
        max_lead_ms: u64,
    },
    #[error(
        "sample.at_ms: {at_ms} is more than {tolerance_ms} ms behind the session's time {latest_ms}"
    )]
    LateSample {
        at_ms: MonoMs,
        latest_ms: MonoMs,
        tolerance_ms: u64,
    },
    #[error("sample.{field}: {value} is not a valid reading (must be a finite number, 0 or more)")]
    InvalidSample { field: &'static str, value: f64 },
    #[error("sample.source_id: must not be empty")]
    EmptySourceId,
    #[error(
        "sample.source_id: '{source_id}' would be source number {max_plus_one}, more than one session takes"
    )]
    TooManySources {
        source_id: String,
        max_plus_one: usize,
    },
    #[error("check_in: {0}")]
    CheckIn(#[from] CheckInError),
    #[error("check_in: the session is not under way (not started, or already over)")]
    NotUnderWay,
    #[error("finish: the session has not started, so there is no run to sum up")]
    NotStarted,
    #[error("run checkpoint: {problem}")]
    Checkpoint { problem: String },
}
