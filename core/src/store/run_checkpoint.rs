//! The live run's checkpoint: one small document beside the record
//! (`run_checkpoint.jsonl`, a single checksummed line), replaced whole, so
//! that a run survives the app being killed. It is not part of
//! [`Records`](super::Records) and not in a backup: it lives only while a
//! run is under way. The store keeps it as opaque JSON; its shape is the run
//! session's (`crate::run::RunCheckpoint`).

use serde_json::Value;

use super::error::StoreError;
use super::line;
use super::open_store::Store;
use super::records::RecordError;

/// The checkpoint's file name in the data folder.
pub const RUN_CHECKPOINT_FILE: &str = "run_checkpoint.jsonl";

fn damaged(reason: String) -> StoreError {
    StoreError::Invalid(RecordError::Field {
        record: "run checkpoint",
        field: "line",
        reason,
    })
}

impl Store {
    /// Replaces the checkpoint of the run under way (temp file, sync,
    /// rename: the old one or the new one survives a crash, never half).
    pub fn save_run_checkpoint(&self, checkpoint: &Value) -> Result<(), StoreError> {
        let bytes = line::encode_value(checkpoint)?;
        self.replace_side_file(RUN_CHECKPOINT_FILE, Some(&bytes))
    }

    /// The checkpoint left by a run that was not finished, if any. A
    /// checkpoint whose checksum fails is an error naming it, not `None`:
    /// the app can tell the runner the run could not be brought back.
    pub fn run_checkpoint(&self) -> Result<Option<Value>, StoreError> {
        let Some(bytes) = self.read_side_file(RUN_CHECKPOINT_FILE)? else {
            return Ok(None);
        };
        let body = bytes.strip_suffix(b"\n").unwrap_or(&bytes);
        let json = line::decode(body).map_err(|f| damaged(f.to_string()))?;
        serde_json::from_str(json)
            .map(Some)
            .map_err(|e| damaged(e.to_string()))
    }

    /// Forgets the checkpoint (the run was finished and kept, or dropped).
    pub fn clear_run_checkpoint(&self) -> Result<(), StoreError> {
        self.replace_side_file(RUN_CHECKPOINT_FILE, None)
    }
}
