//! A finished run kept in one write: the run, the check-ins taken during
//! it and the session marked done travel in a single line of `runs.jsonl`,
//! so a power cut leaves either all three or none (a torn line fails its
//! checksum and is set aside on open, like any cut-off tail).
//!
//! In memory the record stays as it always was: on open the line's
//! check-ins join `Records::check_ins` and its outcome joins
//! `Records::sessions`, so every reader (the coach, progress, export) sees
//! them without knowing how they were written. A backup writes them back
//! as separate records, which reads the same.

use serde::{Deserialize, Serialize};

use super::error::StoreError;
use super::load::Persisted;
use super::open_store::Store;
use super::records::{RecordError, Records, RunSummary, SessionOutcome};
use crate::pain::CheckIn;

/// One line of `runs.jsonl`: a run, with what was recorded with it when it
/// was completed in one write. A line written by `add_run` has neither.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RunLine {
    #[serde(flatten)]
    pub run: RunSummary,
    /// Check-ins taken during the run.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub check_ins: Vec<CheckIn>,
    /// The planned session this run fulfilled.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub session: Option<SessionOutcome>,
}

impl From<RunSummary> for RunLine {
    fn from(run: RunSummary) -> Self {
        Self {
            run,
            check_ins: Vec::new(),
            session: None,
        }
    }
}

impl Persisted for RunLine {
    fn check(&self) -> Result<(), RecordError> {
        self.run.validate()?;
        for (index, c) in self.check_ins.iter().enumerate() {
            c.check().map_err(|e| RecordError::At {
                list: "run.check_ins",
                index,
                reason: e.to_string(),
            })?;
        }
        if let Some(s) = &self.session {
            s.validate()?;
        }
        Ok(())
    }
}

/// Spreads the lines read from `runs.jsonl` over the record.
pub(super) fn spread(lines: &[RunLine], records: &mut Records) {
    for line in lines {
        records.runs.push(line.run.clone());
        records.check_ins.extend(line.check_ins.iter().cloned());
        records.sessions.extend(line.session.iter().cloned());
    }
}

impl Store {
    /// Keeps a finished run with the check-ins taken during it and the
    /// session it fulfilled, all in one synced append: after a crash the
    /// record holds all of them or none. Completing the same run again (an
    /// app retrying) is kept once; another run under the same id is refused.
    pub fn complete_run(
        &self,
        run: &RunSummary,
        check_ins: &[CheckIn],
        session: Option<&SessionOutcome>,
    ) -> Result<(), StoreError> {
        let line = RunLine {
            run: run.clone(),
            check_ins: check_ins.to_vec(),
            session: session.cloned(),
        };
        self.append_run_line(&line)
    }
}
