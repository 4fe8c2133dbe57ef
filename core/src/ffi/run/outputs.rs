//! What a run session sends back: events (the core's `RunEventKind` and
//! `RunCue`, with the kind's name), the error, and the observer the app
//! implements. The Run screen is the core's `RunScreen`.

use super::*;

/// One event as the app receives it: when, what (as data), the kind's name
/// and its cue. The core's `run::RunEvent` with its name added; the apps
/// know it as `RunEvent`.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
#[uniffi(name = "RunEvent")]
pub struct DeliveredRunEvent {
    /// The monotonic time it refers to.
    pub at_ms: u64,
    /// What happened, with its numbers.
    pub kind: RunEventKind,
    /// The kind's name as in the CLI's JSON ("cadence_low").
    pub name: String,
    /// What to show and say, and how urgently.
    pub cue: RunCue,
}

/// What a session call can fail with.
#[derive(Debug, thiserror::Error, uniffi::Error)]
// Flat: the apps get the Display text as the error's message (see ARCHITECTURE.md, "Errors").
#[uniffi(flat_error)]
pub enum RunSessionError {
    /// The run plan cannot be run; the message says why.
    #[error("{detail}")]
    InvalidPlan { detail: String },
    /// A call's input was refused; nothing changed.
    #[error("{detail}")]
    InvalidInput { detail: String },
    /// A date or date-time could not be read; the message names the field.
    #[error(
        "{field}: '{value}' is not an ISO-8601 date or date and time (e.g. 2026-11-22T07:30:00)"
    )]
    InvalidDate { field: String, value: String },
    /// An earlier internal failure left the session unusable.
    #[error("run session: an earlier call failed while holding the session; create a new session")]
    Poisoned,
    /// The session's event delivery thread could not be started.
    #[error("run session: events cannot be delivered: {detail}")]
    DeliveryUnavailable { detail: String },
    /// Another run was left unfinished in the record (the app was killed
    /// during it); keeping a new run would write over it.
    #[error(
        "run {run_id} was left unfinished: bring it back with RunSession.restore, or keep it as it stands with Coach.keepUnfinishedRun, before keeping a new run"
    )]
    UnfinishedRunWaiting { run_id: String },
    /// The record cannot be written (a read-only or full data folder), so
    /// the run would not be kept; `keepIn` with `acceptNotKept` runs it
    /// anyway, keeping nothing.
    #[error(
        "the record cannot be written ({reason}): this run would not be kept; free the data folder, or keep the run with acceptNotKept to run without keeping anything"
    )]
    RecordNotWritable { reason: String },
}

/// Where the app receives the session's events, in order.
#[uniffi::export(with_foreign)]
pub trait RunObserver: Send + Sync {
    /// One event, on the session's delivery thread.
    fn on_event(&self, event: DeliveredRunEvent);
}
