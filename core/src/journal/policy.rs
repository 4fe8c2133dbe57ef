//! When a live run's checkpoint is due: once per `every_ms` of the
//! session's time while it runs, and at once after anything the runner
//! entered (a check-in) or did (start, pause, resume, stop), so that a kill
//! never loses what the runner told the app. Pure: it reads the session
//! and the time it is given, and writes nothing.

use crate::run::{RunSession, RunStatus};
use crate::sample::MonoMs;

/// Why a checkpoint is due.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Due {
    /// The runner entered or did something (or the run began or ended):
    /// the checkpoint commits it, and the runner's call waits for it.
    Entry,
    /// Time passed: the run's readings so far. Nobody waits for it.
    Periodic,
}

/// The runner's entries as a checkpoint holds them: how many check-ins,
/// and where the run stands.
type Entries = (u32, RunStatus);

/// Decides when the next checkpoint is due.
#[derive(Debug, Clone)]
pub struct CheckpointPolicy {
    /// Project's choice: 10 s, the most issue 11 allows; a kill loses at
    /// most that much of the run's readings.
    pub every_ms: u64,
    last_ms: Option<MonoMs>,
    last_entries: Option<Entries>,
}

impl Default for CheckpointPolicy {
    fn default() -> Self {
        Self::new(10_000)
    }
}

fn entries(session: &RunSession) -> Entries {
    (session.log().check_in_count(), session.status())
}

impl CheckpointPolicy {
    pub fn new(every_ms: u64) -> Self {
        Self {
            every_ms,
            last_ms: None,
            last_entries: None,
        }
    }

    /// Whether a checkpoint of `session` at `now_ms` is due, and why; none
    /// before the run starts.
    pub fn due(&self, session: &RunSession, now_ms: MonoMs) -> Option<Due> {
        if session.status() == RunStatus::NotStarted {
            return None;
        }
        let now = entries(session);
        match self.last_entries {
            None => return Some(Due::Entry),
            Some(last) if last != now => return Some(Due::Entry),
            Some(_) => {}
        }
        // An ended run changes no more: one checkpoint of its end, and none
        // after (which could outlive the run's keeping).
        if matches!(session.status(), RunStatus::Stopped | RunStatus::Complete) {
            return None;
        }
        let recent = self
            .last_ms
            .is_some_and(|last| now_ms.saturating_sub(last) < self.every_ms);
        (!recent).then_some(Due::Periodic)
    }

    /// A checkpoint of `session` at `now_ms` was taken (handed on to be
    /// written).
    pub fn taken(&mut self, session: &RunSession, now_ms: MonoMs) {
        self.last_ms = Some(now_ms);
        self.last_entries = Some(entries(session));
    }

    /// The last checkpoint could not be written: the next one is due at
    /// once, whatever the time, so nothing waits 10 s more than it must.
    pub fn retry(&mut self) {
        self.last_ms = None;
        self.last_entries = None;
    }
}
