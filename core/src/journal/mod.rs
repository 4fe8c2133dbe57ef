//! The journal: the only way a runner's action reaches the record
//! (issue 19). The apps (through the FFI), `patella run`, `patella demo`
//! and `patella import` all write here; none of them calls the store's
//! write methods itself (`core/tests/journal_only_writer.rs` fails if one
//! does).
//!
//! One rule holds for every action: the record is written first, and
//! memory (the coach's [`History`](crate::coach::History), a live run's
//! acknowledgement) changes only once the write succeeded, so an error
//! leaves both as they were. A method that changes the coach's history
//! takes it as `&mut History` and assigns the new one last.
//!
//! - [`entries`]: the profile, check-ins, sessions done or skipped, gear
//!   changes, clinician visits, settings, the paired sensor, an import.
//! - [`keep_run`]: keeping a run ([`FinishedRun`], `finished`), one
//!   function for a run finished, stopped, or found waiting in the
//!   checkpoint after a kill; idempotent by run id.
//! - [`checkpoint`]: [`RunCheckpoint`], the one checkpoint of a run under
//!   way as the record holds it, and [`CheckpointSlot`], where it is written.
//! - [`live_run`]: [`LiveRun`], a run under way with its checkpoint: what
//!   the runner enters is in the record before it is acknowledged, and the
//!   periodic checkpoints are written by a thread of their own (`writer`),
//!   never on the sensor's thread or under the session's lock.
//! - `live_inputs`: the live run's inputs and what is read back; `saved`:
//!   what a runner's input is answered with; `policy`: when a checkpoint
//!   is due; `writer`: the thread that writes it.
//!
//! The journal reads no clock: dates, times and ids come in as arguments.

pub mod checkpoint;
pub mod entries;
mod error;
mod finished;
pub mod keep_run;
mod live_inputs;
pub mod live_run;
mod policy;
mod saved;
mod writer;

use std::sync::{Arc, Mutex, PoisonError};

pub use checkpoint::{CheckpointError, CheckpointSlot, RunCheckpoint, Waiting};
pub use error::JournalError;
pub use finished::FinishedRun;
pub use keep_run::KeptRun;
pub use live_run::{LiveRun, LiveRunError, WhenNotWritable};
pub use policy::{CheckpointPolicy, Due};
pub use saved::{ACK_WAIT_MS, Saved};
pub use writer::WriterReport;

use crate::store::{Store, StoreWarning};

/// The runner's record, written through one door.
pub struct Journal {
    /// `None`: a journal that keeps nothing (the coach's previews and
    /// tests, a run the runner chose not to keep): every write succeeds
    /// at once and memory changes as it would.
    store: Option<Arc<Store>>,
    /// The run that finished under this journal and waits to be kept
    /// (`LiveRun::finish`, then the FFI's `Coach.completeRun`).
    finished: Mutex<Option<FinishedRun>>,
    /// Why a checkpoint was set aside since the shell last asked
    /// ([`Journal::take_set_aside`]), so the runner can be told.
    set_aside: Mutex<Option<String>>,
}

impl Journal {
    /// The journal of `store`.
    pub fn new(store: Arc<Store>) -> Self {
        Self {
            store: Some(store),
            finished: Mutex::new(None),
            set_aside: Mutex::new(None),
        }
    }

    /// A journal that keeps nothing: memory changes, no record is written.
    pub fn in_memory() -> Self {
        Self {
            store: None,
            finished: Mutex::new(None),
            set_aside: Mutex::new(None),
        }
    }

    /// The record, for reading; `None` for a journal that keeps nothing.
    pub fn store(&self) -> Option<&Arc<Store>> {
        self.store.as_ref()
    }

    /// Whether what is written here is kept: a record that takes writes.
    pub fn keeps(&self) -> bool {
        self.store.as_ref().is_some_and(|s| s.is_writable())
    }

    /// Why `store` takes no writes, as its warning says; none when it does.
    pub fn unwritable(store: &Store) -> Option<String> {
        if store.is_writable() {
            return None;
        }
        let said = store.warnings().iter().find_map(|w| match w {
            StoreWarning::ReadOnly { reason } => Some(reason.clone()),
            _ => None,
        });
        Some(said.unwrap_or_else(|| "it opened read-only".to_owned()))
    }

    /// Why a run checkpoint that could not be brought back was set aside
    /// since this was last asked, if one was (`RunCheckpoint::settle`).
    pub fn take_set_aside(&self) -> Option<String> {
        self.set_aside
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .take()
    }

    /// Notes a checkpoint set aside, for [`take_set_aside`](Self::take_set_aside).
    pub(super) fn note_set_aside(&self, reason: String) {
        *self
            .set_aside
            .lock()
            .unwrap_or_else(PoisonError::into_inner) = Some(reason);
    }

    /// Runs `write` on the record, if there is one.
    fn write(
        &self,
        write: impl FnOnce(&Store) -> Result<(), crate::store::RecordStoreError>,
    ) -> Result<(), JournalError> {
        match &self.store {
            Some(store) => Ok(write(store)?),
            None => Ok(()),
        }
    }

    fn finished_slot(&self) -> std::sync::MutexGuard<'_, Option<FinishedRun>> {
        // The slot holds a whole value or none at every moment.
        self.finished.lock().unwrap_or_else(PoisonError::into_inner)
    }
}
