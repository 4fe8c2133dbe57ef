//! A run under way, kept in the record from its start: [`LiveRun`] owns the
//! live [`RunSession`] and its checkpoint. The FFI's `RunSession` and the
//! terminal's `patella run` and `patella demo` both drive one.
//!
//! - What the runner enters or does (start, a check-in, pause, resume,
//!   stop, finish) is committed before the call returns: its checkpoint is
//!   written, and the call answers [`Saved`], so the Run screen and the
//!   terminal can say "not saved" when the write failed.
//! - Everything else (readings, ticks, a lost signal) never waits: when a
//!   checkpoint is due (`policy`) a copy is handed by value to the writer
//!   thread (`writer`), so no write to the record ever happens on the
//!   sensor's thread or under the session's lock.
//! - Events go to the caller's `on_events` under the lock, so inputs from
//!   several threads keep their order; it must only queue them.

use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use chrono::NaiveDateTime;

use super::Journal;
use super::checkpoint::{CheckpointSlot, RunCheckpoint, StoreSlot};
use super::policy::CheckpointPolicy;
use super::saved::{ACK_WAIT_MS, Saved};
use super::writer::{Trouble, Waiter, Writer, Written};
use crate::run::{RunError, RunEvent, RunSession};
use crate::sample::MonoMs;

/// What to do when the record cannot be written as a run starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WhenNotWritable {
    /// Refuse: the run does not start (issue 19, defect 4).
    Refuse,
    /// The runner accepted that nothing of the run will be kept.
    RunWithoutKeeping,
}

/// Why a live run refused a call.
#[derive(Debug, thiserror::Error)]
pub enum LiveRunError {
    /// The session refused the input (the message says why).
    #[error("{0}")]
    Run(#[from] RunError),
    /// An earlier call panicked while holding the session.
    #[error("run session: an earlier call failed while holding the session")]
    Poisoned,
    /// Another run waits in the record's checkpoint (the shell was killed
    /// during it); keeping a new run would write over it.
    #[error("run {run_id} was left unfinished; bring it back or keep it before keeping a new run")]
    UnfinishedRunWaiting { run_id: String },
    /// The record cannot be written, and the runner has not accepted a run
    /// that is not kept.
    #[error("the record cannot be written ({reason}): a run now would not be kept")]
    NotWritable { reason: String },
    /// The record holds no run to bring back.
    #[error("run checkpoint: the record holds no unfinished run")]
    NothingToRestore,
    /// The run in the record's checkpoint cannot be read.
    #[error("{0}")]
    Unreadable(String),
    /// The checkpoint writer's thread could not be started.
    #[error("run checkpoints: {0}")]
    Writer(String),
}

/// Whose run this is.
pub(super) struct Identity {
    pub(super) run_id: String,
    pub(super) started_at: NaiveDateTime,
}

/// How the run is kept.
pub(super) enum Mode {
    /// Checkpoints go to the writer when `policy` says they are due.
    Writing {
        writer: Writer,
        policy: CheckpointPolicy,
    },
    /// Finished: no more checkpoints; the writer stays until the run is
    /// let go of, so that nothing waits on a slow disk now.
    Ended { writer: Writer },
    /// The runner accepted that nothing is kept.
    Declined,
}

pub(super) struct Keeping {
    pub(super) who: Identity,
    /// Where the finished run is noted for keeping (the FFI's
    /// `Coach.completeRun` keeps it from there).
    pub(super) journal: Option<Arc<Journal>>,
    pub(super) mode: Mode,
}

pub(super) struct LiveRunState {
    pub(super) session: RunSession,
    pub(super) keeping: Option<Keeping>,
}

/// The newest checkpoint handed on when an input was taken, to wait for
/// once the session's lock is let go.
pub(super) struct Ticket {
    waiter: Waiter,
    number: u64,
}

impl Ticket {
    /// Whether that checkpoint (or a newer one) is in the record.
    pub(super) fn wait(self) -> Saved {
        if self.number == 0 {
            // Nothing to save yet: the run has not started.
            return Saved::Yes;
        }
        let limit = Duration::from_millis(ACK_WAIT_MS);
        match self.waiter.wait(self.number, limit) {
            Written::Yes => Saved::Yes,
            Written::Failed(reason) => Saved::No { reason },
            Written::Late => Saved::late(),
        }
    }
}

type OnEvents = Box<dyn Fn(Vec<RunEvent>) + Send + Sync>;

/// A live run and its checkpoint.
pub struct LiveRun {
    pub(super) inner: Mutex<LiveRunState>,
    pub(super) on_events: OnEvents,
}

impl LiveRunState {
    /// After an input: hands a checkpoint to the writer if one is due.
    /// Returns the newest checkpoint handed on so far, to wait for; none
    /// when the run is not being checkpointed.
    pub(super) fn after_input(&mut self) -> Option<Ticket> {
        let keeping = self.keeping.as_mut()?;
        let Mode::Writing { writer, policy } = &mut keeping.mode else {
            return None;
        };
        // A failed write is tried again at the next input.
        if writer.needs_retry() {
            policy.retry();
        }
        let now_ms = self.session.session_time_ms();
        if policy.due(&self.session, now_ms).is_some()
            && let Some(state) = self.session.saved_state(now_ms)
        {
            policy.taken(&self.session, now_ms);
            let who = &keeping.who;
            writer.hand(RunCheckpoint::new(&who.run_id, who.started_at, state));
        }
        Some(Ticket {
            waiter: writer.waiter(),
            number: writer.latest(),
        })
    }

    pub(super) fn writer(&self) -> Option<&Writer> {
        match &self.keeping.as_ref()?.mode {
            Mode::Writing { writer, .. } | Mode::Ended { writer } => Some(writer),
            Mode::Declined => None,
        }
    }

    /// The answer to give when no checkpoint is waited for.
    pub(super) fn standing(&self) -> Saved {
        let Some(keeping) = &self.keeping else {
            return Saved::NotKept;
        };
        match &keeping.mode {
            Mode::Declined => Saved::NotKept,
            Mode::Writing { writer, .. } | Mode::Ended { writer } => match writer.trouble() {
                None => Saved::Yes,
                Some(Trouble::Failed(reason)) => Saved::No { reason },
                Some(Trouble::Late) => Saved::late(),
            },
        }
    }
}

impl LiveRun {
    /// A live run of `session`, not kept yet (see [`keep_in`](Self::keep_in));
    /// its events go to `on_events`, which must only queue them.
    pub fn new(
        session: RunSession,
        on_events: impl Fn(Vec<RunEvent>) + Send + Sync + 'static,
    ) -> Self {
        Self {
            inner: Mutex::new(LiveRunState {
                session,
                keeping: None,
            }),
            on_events: Box::new(on_events),
        }
    }

    pub(super) fn lock(&self) -> Result<MutexGuard<'_, LiveRunState>, LiveRunError> {
        self.inner.lock().map_err(|_| LiveRunError::Poisoned)
    }

    /// Keeps this run in `journal`'s record as run `run_id`, started at
    /// local time `started_at`: from now on it checkpoints itself there.
    /// Refused while another run waits in the record's checkpoint, and on
    /// a record that cannot be written unless `when_not_writable` accepts
    /// a run that is not kept. A journal that keeps nothing keeps nothing.
    pub fn keep_in(
        &self,
        journal: &Arc<Journal>,
        run_id: &str,
        started_at: NaiveDateTime,
        when_not_writable: WhenNotWritable,
    ) -> Result<Saved, LiveRunError> {
        let who = Identity {
            run_id: run_id.to_owned(),
            started_at,
        };
        let Some(store) = journal.store() else {
            return self.attach(who, Some(journal.clone()), Mode::Declined);
        };
        if let Some(reason) = Journal::unwritable(store) {
            if when_not_writable == WhenNotWritable::Refuse {
                return Err(LiveRunError::NotWritable { reason });
            }
            return self.attach(who, Some(journal.clone()), Mode::Declined);
        }
        // One checkpoint slot: a run the shell was killed during must be
        // brought back or kept before another may write there. One that
        // cannot be read holds nothing to bring back, so it blocks no one.
        if let Some(waiting) = journal.unfinished_run().ok().flatten()
            && waiting.run_id != run_id
        {
            return Err(LiveRunError::UnfinishedRunWaiting {
                run_id: waiting.run_id,
            });
        }
        let slot: Arc<dyn CheckpointSlot> = Arc::new(StoreSlot(store.clone()));
        self.keep_with(slot, Some(journal.clone()), who)
    }

    /// Keeps this run through `slot` (a test's fake, or the record's).
    pub fn keep_in_slot(
        &self,
        slot: Arc<dyn CheckpointSlot>,
        run_id: &str,
        started_at: NaiveDateTime,
    ) -> Result<Saved, LiveRunError> {
        let who = Identity {
            run_id: run_id.to_owned(),
            started_at,
        };
        self.keep_with(slot, None, who)
    }

    fn keep_with(
        &self,
        slot: Arc<dyn CheckpointSlot>,
        journal: Option<Arc<Journal>>,
        who: Identity,
    ) -> Result<Saved, LiveRunError> {
        let writer = Writer::start(slot).map_err(|e| LiveRunError::Writer(e.to_string()))?;
        let mode = Mode::Writing {
            writer,
            policy: CheckpointPolicy::default(),
        };
        self.attach(who, journal, mode)
    }

    fn attach(
        &self,
        who: Identity,
        journal: Option<Arc<Journal>>,
        mode: Mode,
    ) -> Result<Saved, LiveRunError> {
        let ticket = {
            let mut inner = self.lock()?;
            inner.keeping = Some(Keeping { who, journal, mode });
            // A run already under way is checkpointed at once.
            match inner.after_input() {
                Some(ticket) => ticket,
                None => return Ok(inner.standing()),
            }
        };
        Ok(ticket.wait())
    }

    /// Brings back the run left unfinished in `journal`'s record (the
    /// shell was killed during it), paused at `now_ms`; it goes on keeping
    /// itself there.
    pub fn restore(
        journal: &Arc<Journal>,
        now_ms: MonoMs,
        on_events: impl Fn(Vec<RunEvent>) + Send + Sync + 'static,
    ) -> Result<Self, LiveRunError> {
        let store = journal.store().ok_or(LiveRunError::NothingToRestore)?;
        let checkpoint = RunCheckpoint::read(store)
            .map_err(|e| LiveRunError::Unreadable(e.to_string()))?
            .ok_or(LiveRunError::NothingToRestore)?;
        let started_at = checkpoint
            .started_at()
            .map_err(|e| LiveRunError::Unreadable(format!("run checkpoint: {e}")))?;
        let session = RunSession::restore(checkpoint.session, now_ms)?;
        let live = Self::new(session, on_events);
        let slot: Arc<dyn CheckpointSlot> = Arc::new(StoreSlot(store.clone()));
        let who = Identity {
            run_id: checkpoint.run_id,
            started_at,
        };
        live.keep_with(slot, Some(journal.clone()), who)?;
        Ok(live)
    }

    /// Whose run this is, once kept: its id and local start.
    pub fn identity(&self) -> Option<(String, NaiveDateTime)> {
        let inner = self.lock().ok()?;
        let who = &inner.keeping.as_ref()?.who;
        Some((who.run_id.clone(), who.started_at))
    }
}
