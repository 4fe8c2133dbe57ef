//! The live run's checkpoint: one row of the `live_run` table, replaced
//! whole in one transaction, so that a run survives the app being killed.
//! It is not part of [`Records`](super::Records) and not in a backup: it
//! lives only while a run is under way, and keeping the run ends it in the
//! same transaction (`completed_run`). The store keeps it as opaque JSON;
//! its shape is the run session's (`crate::run::RunCheckpoint`).

use serde_json::Value;

use super::error::StoreError;
use super::open_store::Store;
use super::records::RecordError;
use super::rows;

impl Store {
    /// Replaces the checkpoint of the run under way: the old one or the
    /// new one survives a crash, never half of either.
    pub fn save_run_checkpoint(&self, checkpoint: &Value) -> Result<(), StoreError> {
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
    pub fn run_checkpoint(&self) -> Result<Option<Value>, StoreError> {
        match &self.inner()?.checkpoint {
            Ok(checkpoint) => Ok(checkpoint.clone()),
            Err(reason) => Err(StoreError::Invalid(RecordError::Field {
                record: "run checkpoint",
                field: "json",
                reason: reason.clone(),
            })),
        }
    }

    /// Forgets the checkpoint (the run was finished and kept, or dropped).
    pub fn clear_run_checkpoint(&self) -> Result<(), StoreError> {
        let mut inner = self.inner()?;
        self.write(&mut inner, "forgetting the run's checkpoint", |tx| {
            rows::put_live_run(tx, None)
        })?;
        inner.checkpoint = Ok(None);
        Ok(())
    }
}
