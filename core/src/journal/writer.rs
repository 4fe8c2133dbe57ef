//! The checkpoint writer: a thread of its own that writes a live run's
//! checkpoints, handed to it by value, so that no write to the record ever
//! happens on the sensor's thread or under the session's lock.
//!
//! Latest wins: each checkpoint is the whole run as it stood, so one not
//! written yet is replaced by a newer one (numbered in the order they were
//! taken) and an older one never overwrites a newer. A caller that must
//! know its checkpoint is in the record (a check-in, a pause, a stop) waits
//! until one at least as new was written, or failed. Dropping the writer
//! writes what is still pending, then ends the thread.

use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError};
use std::thread::JoinHandle;
use std::time::Duration;

use super::checkpoint::{CheckpointSlot, RunCheckpoint};

/// Why checkpoints are not in the record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Trouble {
    /// The latest write failed; the reason.
    Failed(String),
    /// Not written within a caller's wait.
    Late,
}

/// What became of a checkpoint a caller waits for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Written {
    /// It (or a newer one) is in the record.
    Yes,
    /// The write failed, and no newer one was written since; the reason.
    Failed(String),
    /// Not written within the wait; it may still be.
    Late,
}

#[derive(Default)]
struct State {
    /// The newest checkpoint not written yet, with its number.
    pending: Option<(u64, RunCheckpoint)>,
    /// The newest number handed on.
    handed: u64,
    /// The newest number whose write ended, and the newest written.
    attempted: u64,
    saved: u64,
    /// Why the latest write failed, while no later one succeeded.
    failure: Option<String>,
    /// A caller stopped waiting before its checkpoint was written.
    late: bool,
    written: u64,
    failed: u64,
    closing: bool,
    /// The thread that writes, once it has started (tests compare it).
    thread: Option<std::thread::ThreadId>,
}

struct Shared {
    state: Mutex<State>,
    /// Wakes the writer: something is pending, or it is closing.
    work: Condvar,
    /// Wakes the waiters: a write ended.
    done: Condvar,
}

impl Shared {
    fn lock(&self) -> MutexGuard<'_, State> {
        // Every change to the state is whole under the lock; the slot's
        // write runs outside it, so a panic there leaves a usable state.
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// What the writer has done so far.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WriterReport {
    /// Checkpoints written.
    pub written: u64,
    /// Writes that failed.
    pub failed: u64,
    /// Why the latest write failed, while no later one succeeded.
    pub failure: Option<String>,
    /// The writing thread.
    pub thread: Option<std::thread::ThreadId>,
}

pub(super) struct Writer {
    shared: Arc<Shared>,
    thread: Option<JoinHandle<()>>,
}

impl Writer {
    /// Starts the thread that writes to `slot`.
    pub(super) fn start(slot: Arc<dyn CheckpointSlot>) -> std::io::Result<Self> {
        let shared = Arc::new(Shared {
            state: Mutex::new(State::default()),
            work: Condvar::new(),
            done: Condvar::new(),
        });
        let for_thread = shared.clone();
        let thread = std::thread::Builder::new()
            .name("patella-checkpoints".to_owned())
            .spawn(move || write_loop(&for_thread, slot.as_ref()))?;
        Ok(Self {
            shared,
            thread: Some(thread),
        })
    }

    /// Hands `checkpoint` on to be written; returns its number. Never
    /// waits for a write: cheap enough under the session's lock.
    pub(super) fn hand(&self, checkpoint: RunCheckpoint) -> u64 {
        let mut state = self.shared.lock();
        state.handed += 1;
        let number = state.handed;
        state.pending = Some((number, checkpoint));
        self.shared.work.notify_one();
        number
    }

    /// The number of the newest checkpoint handed on (0: none yet).
    pub(super) fn latest(&self) -> u64 {
        self.shared.lock().handed
    }

    /// Why what was handed on is not all in the record: the latest write
    /// failed, or a caller gave up waiting and it is still not written.
    pub(super) fn trouble(&self) -> Option<Trouble> {
        let state = self.shared.lock();
        match &state.failure {
            Some(reason) => Some(Trouble::Failed(reason.clone())),
            None if state.late && state.saved < state.handed => Some(Trouble::Late),
            None => None,
        }
    }

    /// The latest write failed and nothing newer waits: the next input
    /// should hand a new checkpoint on.
    pub(super) fn needs_retry(&self) -> bool {
        let state = self.shared.lock();
        state.pending.is_none() && state.failure.is_some()
    }

    /// A handle to wait for checkpoints with, outside the session's lock.
    pub(super) fn waiter(&self) -> Waiter {
        Waiter {
            shared: self.shared.clone(),
        }
    }

    pub(super) fn report(&self) -> WriterReport {
        let state = self.shared.lock();
        WriterReport {
            written: state.written,
            failed: state.failed,
            failure: state.failure.clone(),
            thread: state.thread,
        }
    }
}

/// Waits for the writer's checkpoints, without holding the writer.
pub(super) struct Waiter {
    shared: Arc<Shared>,
}

impl Waiter {
    /// Waits up to `limit` until checkpoint `number` (or a newer one) was
    /// written, or its write failed.
    pub(super) fn wait(&self, number: u64, limit: Duration) -> Written {
        let state = self.shared.lock();
        let (mut state, _) = self
            .shared
            .done
            .wait_timeout_while(state, limit, |s| s.saved < number && s.attempted < number)
            .unwrap_or_else(PoisonError::into_inner);
        if state.saved >= number {
            Written::Yes
        } else if state.attempted >= number {
            Written::Failed(state.failure.clone().unwrap_or_default())
        } else {
            state.late = true;
            Written::Late
        }
    }
}

impl Drop for Writer {
    fn drop(&mut self) {
        self.shared.lock().closing = true;
        self.shared.work.notify_one();
        if let Some(thread) = self.thread.take() {
            // It ends once the pending checkpoint is written.
            let _ = thread.join();
        }
    }
}

fn write_loop(shared: &Shared, slot: &dyn CheckpointSlot) {
    shared.lock().thread = Some(std::thread::current().id());
    loop {
        let (number, checkpoint) = {
            let mut state = shared.lock();
            loop {
                if let Some(next) = state.pending.take() {
                    break next;
                }
                if state.closing {
                    return;
                }
                state = shared
                    .work
                    .wait(state)
                    .unwrap_or_else(PoisonError::into_inner);
            }
        };
        // The write itself holds no lock: the run goes on meanwhile.
        let result = slot.save(&checkpoint);
        let mut state = shared.lock();
        state.attempted = number;
        match result {
            Ok(()) => {
                state.saved = number;
                state.written += 1;
                state.failure = None;
                state.late = state.late && state.saved < state.handed;
            }
            Err(reason) => {
                state.failed += 1;
                state.failure = Some(reason);
            }
        }
        shared.done.notify_all();
    }
}
