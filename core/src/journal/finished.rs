//! A run that ended, ready to keep: from a live run that finished, or from
//! the checkpoint a killed one left (`RunCheckpoint::finished`). What
//! [`Journal::keep_run`](super::Journal::keep_run) takes.

use chrono::NaiveDateTime;

use crate::run::RunSessionSummary;

/// A run that ended in a session, ready to keep: whose it is, and what the
/// session summed up.
#[derive(Debug, Clone, PartialEq)]
pub struct FinishedRun {
    /// The shell's id for the run (a UUID in the apps).
    pub run_id: String,
    /// Local date and time the run started.
    pub started_at: NaiveDateTime,
    /// What `RunSession::finish` made of it.
    pub summary: RunSessionSummary,
}
