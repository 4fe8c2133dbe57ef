//! A finished run kept in one transaction: the run, the check-ins taken
//! during it, the session it fulfilled, and the end of its checkpoint in
//! `live_run`. After a crash the record holds all of them or none, and a
//! kept run never comes back as a run to resume.
//!
//! The checkpoint ends only if it is this run's: its JSON's `run_id` (the
//! one field of `crate::run::KeptCheckpoint` the store reads) names the
//! run. Another run's checkpoint stays: that run is not kept yet.

use serde_json::Value;

use super::error::RecordStoreError;
use super::open_store::{Store, repeats_latest};
use super::persisted::Persisted;
use super::record_error::RecordError;
use super::records::{RunRecord, SessionRecord};
use super::rows;
use crate::pain::CheckIn;

impl Store {
    /// Keeps a finished run with the check-ins taken during it and the
    /// session it fulfilled, and forgets the run's checkpoint (if the live
    /// run's checkpoint is this run's), all in one synced transaction.
    /// Completing the same run again (an app retrying) keeps it once and
    /// still forgets its checkpoint; another run under the same id is
    /// refused. A check-in already in the record, or an outcome already its
    /// session's latest, is not stored again.
    pub fn complete_run(
        &self,
        run: &RunRecord,
        check_ins: &[CheckIn],
        session: Option<&SessionRecord>,
    ) -> Result<(), RecordStoreError> {
        self.keep_run(run, check_ins, session, true)
    }

    pub(super) fn keep_run(
        &self,
        run: &RunRecord,
        check_ins: &[CheckIn],
        session: Option<&SessionRecord>,
        ends_live_run: bool,
    ) -> Result<(), RecordStoreError> {
        run.check()?;
        for (index, c) in check_ins.iter().enumerate() {
            c.check().map_err(|e| RecordError::At {
                list: "run.check_ins",
                index,
                reason: e.to_string(),
            })?;
        }
        if let Some(s) = session {
            s.check()?;
        }
        let mut inner = self.inner()?;
        let kept = match inner.records.runs.iter().find(|r| r.id == run.id) {
            Some(same) if same == run => true,
            Some(_) => {
                return Err(RecordStoreError::Invalid(RecordError::Field {
                    record: "run",
                    field: "id",
                    reason: format!("{:?} is already the id of another run", run.id),
                }));
            }
            None => false,
        };
        let ends_live_run = ends_live_run && checkpoint_of(&inner.checkpoint, &run.id);
        if kept && !ends_live_run {
            return Ok(());
        }
        // What is new: each check-in once, and the outcome unless it is
        // already its session's latest.
        let mut new_check_ins: Vec<&CheckIn> = Vec::new();
        for c in check_ins {
            if !inner.records.check_ins.contains(c) && !new_check_ins.contains(&c) {
                new_check_ins.push(c);
            }
        }
        let session = session.filter(|s| !repeats_latest(&inner.records.sessions, s));
        self.write(&mut inner, "keeping a run", |tx| {
            if !kept {
                rows::insert_run(tx, run)?;
                for c in &new_check_ins {
                    rows::insert_check_in(tx, c, Some(&run.id))?;
                }
                if let Some(s) = session {
                    rows::insert_session(tx, s, Some(&run.id))?;
                }
            }
            if ends_live_run {
                rows::put_live_run(tx, None)?;
            }
            Ok(())
        })?;
        if !kept {
            inner.records.runs.push(run.clone());
            inner
                .records
                .check_ins
                .extend(new_check_ins.into_iter().cloned());
            inner.records.sessions.extend(session.cloned());
        }
        if ends_live_run {
            inner.checkpoint = Ok(None);
        }
        Ok(())
    }
}

/// Whether the live run's checkpoint is run `id`'s.
fn checkpoint_of(checkpoint: &Result<Option<Value>, String>, id: &str) -> bool {
    matches!(checkpoint, Ok(Some(v)) if v.get("run_id").and_then(Value::as_str) == Some(id))
}
