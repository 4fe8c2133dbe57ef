//! What a run session refuses, naming the input at fault. The session's
//! state is unchanged by any refused input.

use thiserror::Error;

use super::plan::PlanError;
use crate::pain::PainError;
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
    #[error("now_ms: {now_ms} is earlier than the session's latest time {latest_ms}")]
    TimeWentBackwards { now_ms: MonoMs, latest_ms: MonoMs },
    #[error("sample.at_ms: {at_ms} from '{source_id}' repeats the time of its previous reading")]
    DuplicateSample { source_id: String, at_ms: MonoMs },
    #[error(
        "sample.at_ms: {at_ms} from '{source_id}' is earlier than its previous reading at {previous_ms}"
    )]
    OutOfOrderSample {
        source_id: String,
        at_ms: MonoMs,
        previous_ms: MonoMs,
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
    CheckIn(#[from] PainError),
    #[error("check_in: the session is not under way (not started, or already over)")]
    NotUnderWay,
}
