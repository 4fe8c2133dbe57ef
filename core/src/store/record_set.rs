//! Everything the store holds, as one value: what loading reads, what a
//! backup carries and what an import checks before anything is written.

use serde::{Deserialize, Serialize};

use super::persisted::Persisted;
use super::record_error::RecordError;
use super::records::{PairedSensor, ProfileState, RunRecord, SessionRecord};
use crate::pain::CheckIn;
use crate::settings::Settings;

/// Everything the store holds, in the order it was written.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Records {
    pub check_ins: Vec<CheckIn>,
    pub runs: Vec<RunRecord>,
    pub sessions: Vec<SessionRecord>,
    pub profile: Option<ProfileState>,
    pub settings: Settings,
    pub paired_sensor: Option<PairedSensor>,
}

impl Records {
    /// Whether the runner has recorded nothing yet. Settings do not count:
    /// a fresh install may have touched them before restoring a backup.
    pub fn is_empty(&self) -> bool {
        self.check_ins.is_empty()
            && self.runs.is_empty()
            && self.sessions.is_empty()
            && self.profile.is_none()
            && self.paired_sensor.is_none()
    }

    /// Validates every record, naming the first one at fault: each record's
    /// own checks (dates in range included), and that nothing is there
    /// twice: no two runs share an id, and no check-in or session outcome
    /// is repeated. A backup passes this before anything is written.
    pub fn validate(&self) -> Result<(), RecordError> {
        for (i, c) in self.check_ins.iter().enumerate() {
            c.check().map_err(|e| at("check_ins", i, e))?;
        }
        for (i, r) in self.runs.iter().enumerate() {
            r.check().map_err(|e| at("runs", i, e))?;
        }
        for (i, s) in self.sessions.iter().enumerate() {
            s.check().map_err(|e| at("sessions", i, e))?;
        }
        if let Some(sensor) = &self.paired_sensor {
            sensor.check()?;
        }
        self.settings.check()?;
        first_repeat(&self.runs, |r| r.id.clone()).map_or(Ok(()), |(i, id)| {
            Err(repeated("runs", i, format!("id {id:?} is used twice")))
        })?;
        first_repeat(&self.check_ins, |c| {
            serde_json::to_string(c).unwrap_or_default()
        })
        .map_or(Ok(()), |(i, _)| {
            Err(repeated(
                "check_ins",
                i,
                format!("repeats check-in {}", self.check_ins[i].taken_at),
            ))
        })?;
        // A session's outcome is a log where the latest wins: the same
        // outcome again after another (done, skipped, done) is a change of
        // mind and kept; only a line that repeats the latest outcome of its
        // session says nothing, and the store never writes one.
        match first_idle_session(&self.sessions) {
            Some(i) => {
                let s = &self.sessions[i];
                Err(repeated(
                    "sessions",
                    i,
                    format!("repeats {} on {}", s.session_id, s.date),
                ))
            }
            None => Ok(()),
        }
    }

    /// The same records without session lines that only repeat their
    /// session's latest outcome (a record written before the store stopped
    /// writing them), so that what export writes, import takes back.
    pub fn without_idle_sessions(&self) -> Self {
        let mut out = self.clone();
        while let Some(i) = first_idle_session(&out.sessions) {
            out.sessions.remove(i);
        }
        out
    }
}

/// The first session line that repeats its session's latest outcome.
fn first_idle_session(sessions: &[SessionRecord]) -> Option<usize> {
    (0..sessions.len()).find(|i| {
        let s = &sessions[*i];
        sessions[..*i]
            .iter()
            .rev()
            .find(|p| p.date == s.date && p.session_id == s.session_id)
            .is_some_and(|p| p.outcome == s.outcome)
    })
}

/// The index and key of the first item whose key came earlier too.
fn first_repeat<T, K: Eq + std::hash::Hash>(
    items: &[T],
    key: impl Fn(&T) -> K,
) -> Option<(usize, K)> {
    let mut seen = std::collections::HashSet::with_capacity(items.len());
    items.iter().enumerate().find_map(|(i, item)| {
        let k = key(item);
        if seen.contains(&k) {
            Some((i, k))
        } else {
            seen.insert(k);
            None
        }
    })
}

fn at(list: &'static str, index: usize, err: RecordError) -> RecordError {
    RecordError::At {
        list,
        index,
        reason: err.to_string(),
    }
}

fn repeated(list: &'static str, index: usize, reason: String) -> RecordError {
    RecordError::At {
        list,
        index,
        reason,
    }
}
