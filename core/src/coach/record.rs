//! The coach's history kept in the record (`crate::store`), so that nothing
//! the runner enters is lost between launches.
//!
//! The store logs check-ins and session outcomes on its own, one line each.
//! The rest of the history (profile, plan start, surface and shoe changes,
//! clinician visits) is small and changes rarely, so it lives in the store's
//! profile document as one [`CoachDocument`].

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::history::{GearChange, History, SessionKind, SessionOutcome, SessionStatus};
use super::profile::Profile;
use crate::store::{self, Store, StoreError};

/// The part of the history that the store's profile document holds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CoachDocument {
    pub profile: Profile,
    pub plan_start: NaiveDate,
    #[serde(default)]
    pub gear_changes: Vec<GearChange>,
    #[serde(default)]
    pub clinician_visits: Vec<NaiveDate>,
}

#[derive(Debug, Error)]
pub enum CoachRecordError {
    #[error("record: {0}")]
    Store(#[from] StoreError),
    #[error("record: the saved profile cannot be read as a coach profile: {0}")]
    UnreadableProfile(String),
}

impl CoachDocument {
    pub fn of(history: &History) -> Self {
        Self {
            profile: history.profile.clone(),
            plan_start: history.plan_start,
            gear_changes: history.gear_changes.clone(),
            clinician_visits: history.clinician_visits.clone(),
        }
    }
}

/// The history as the store holds it, or `None` before a profile was saved.
/// Session outcomes the coach did not write (other session ids) are left out.
pub fn load_history(store: &Store) -> Result<Option<History>, CoachRecordError> {
    store
        .with_records(|records| {
            let Some(document) = &records.profile else {
                return Ok(None);
            };
            let document: CoachDocument = serde_json::from_value(document.clone())
                .map_err(|e| CoachRecordError::UnreadableProfile(e.to_string()))?;
            let mut history = History::new(document.profile, document.plan_start);
            history.gear_changes = document.gear_changes;
            history.clinician_visits = document.clinician_visits;
            history.check_ins = records.check_ins.clone();
            history.outcomes = records
                .sessions
                .iter()
                .filter_map(outcome_from_stored)
                .collect();
            Ok(Some(history))
        })
        .map_err(CoachRecordError::from)?
}

/// Saves the profile document of `history` (all but check-ins and outcomes).
pub fn save_document(store: &Store, history: &History) -> Result<(), CoachRecordError> {
    let value = serde_json::to_value(CoachDocument::of(history))
        .map_err(|e| CoachRecordError::UnreadableProfile(e.to_string()))?;
    Ok(store.set_profile(&value)?)
}

/// A session outcome as the store logs it: a day holds at most one session
/// of each kind, so the kind's name is the session's id.
pub fn stored_outcome(outcome: &SessionOutcome) -> store::SessionOutcome {
    store::SessionOutcome {
        date: outcome.date,
        session_id: session_id(outcome.kind).to_owned(),
        outcome: match outcome.status {
            SessionStatus::Done => store::Outcome::Done,
            SessionStatus::Skipped => store::Outcome::Skipped,
        },
    }
}

fn session_id(kind: SessionKind) -> &'static str {
    match kind {
        SessionKind::Run => "run",
        SessionKind::Strength => "strength",
        SessionKind::KneeRoutine => "knee_routine",
        SessionKind::CrossTraining => "cross_training",
    }
}

fn outcome_from_stored(stored: &store::SessionOutcome) -> Option<SessionOutcome> {
    let kind = [
        SessionKind::Run,
        SessionKind::Strength,
        SessionKind::KneeRoutine,
        SessionKind::CrossTraining,
    ]
    .into_iter()
    .find(|k| session_id(*k) == stored.session_id)?;
    Some(SessionOutcome {
        date: stored.date,
        kind,
        status: match stored.outcome {
            store::Outcome::Done => SessionStatus::Done,
            store::Outcome::Skipped => SessionStatus::Skipped,
        },
    })
}
