//! The live run's checkpoint: one row of the `live_run` table, replaced
//! whole in one transaction, so that a run survives the app being killed.
//! It is not part of [`Records`](super::Records) and not in a backup: it
//! lives only while a run is under way, and keeping the run ends it in the
//! same transaction (`completed_run`). The store keeps it as opaque JSON;
//! its shape is the journal's (`crate::journal::RunCheckpoint`). A
//! checkpoint the journal cannot bring back is moved, as found, to the
//! `set_aside_checkpoints` table, so that it is neither lost nor in the way.

use serde_json::Value;

use super::error::RecordStoreError;
use super::open_store::Store;
use super::record_error::RecordError;
use super::rows;

impl Store {
    /// Replaces the checkpoint of the run under way: the old one or the
    /// new one survives a crash, never half of either.
    pub fn save_run_checkpoint(&self, checkpoint: &Value) -> Result<(), RecordStoreError> {
        let mut inner = self.inner()?;
        self.write(&mut inner, "saving the run's checkpoint", |tx| {
            rows::put_live_run(tx, Some(checkpoint))
        })?;
        inner.checkpoint = Ok(Some(checkpoint.clone()));
        Ok(())
    }

    /// The checkpoint left by a run that was not finished, if any. One that
    /// does not read back is an error naming it, not `None`: the app can
    /// tell the runner the run could not be brought back.
    pub fn run_checkpoint(&self) -> Result<Option<Value>, RecordStoreError> {
        match &self.inner()?.checkpoint {
            Ok(checkpoint) => Ok(checkpoint.clone()),
            Err(reason) => Err(RecordStoreError::Invalid(RecordError::Field {
                record: "run checkpoint",
                field: "json",
                reason: reason.clone(),
            })),
        }
    }

    /// Moves the checkpoint, exactly as stored, out of the way of the next
    /// run into `set_aside_checkpoints` with `reason`, in one transaction.
    /// Nothing happens when there is none.
    pub fn set_aside_run_checkpoint(&self, reason: &str) -> Result<(), RecordStoreError> {
        let mut inner = self.inner()?;
        self.write(&mut inner, "setting the run's checkpoint aside", |tx| {
            rows::set_aside_live_run(tx, reason)
        })?;
        inner.checkpoint = Ok(None);
        Ok(())
    }

    /// How many checkpoints have been set aside (kept in the database);
    /// none can have been in a record that takes no writes.
    pub fn set_aside_checkpoints(&self) -> Result<usize, RecordStoreError> {
        let inner = self.inner()?;
        match &inner.conn {
            Ok(conn) => rows::set_aside_count(conn).map_err(super::error::from_sqlite(
                &self.db,
                "counting the set-aside checkpoints",
            )),
            Err(_) => Ok(0),
        }
    }

    /// Forgets the checkpoint (the run was finished and kept, or dropped).
    pub fn clear_run_checkpoint(&self) -> Result<(), RecordStoreError> {
        let mut inner = self.inner()?;
        self.write(&mut inner, "forgetting the run's checkpoint", |tx| {
            rows::put_live_run(tx, None)
        })?;
        inner.checkpoint = Ok(None);
        Ok(())
    }
}
