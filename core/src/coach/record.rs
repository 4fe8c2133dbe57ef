//! The coach's history as the record (`crate::store`) keeps it, read back
//! on every launch; the journal (`crate::journal`) is what writes it.
//!
//! The store logs check-ins and session outcomes on its own, one line each.
//! The rest of the history (profile, plan start, surface and shoe changes,
//! clinician visits) is small and changes rarely, so it lives in the store's
//! profile document as one [`CoachDocument`].

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::config::CoachConfig;
use super::history::{GearChange, History, MarkedSession, SessionResult, SessionType};
use super::profile::Profile;
use crate::calendar::{PLAUSIBLE_FIRST, PLAUSIBLE_LAST, is_plausible};
use crate::store::{self, RecordStoreError, Store};

/// The part of the history that the store's profile document holds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CoachDocument {
    pub profile: Profile,
    pub plan_start: NaiveDate,
    #[serde(default)]
    pub gear_changes: Vec<GearChange>,
    #[serde(default, with = "crate::moment::visits")]
    pub clinician_visits: Vec<chrono::NaiveDateTime>,
}

#[derive(Debug, Error)]
pub enum CoachRecordError {
    #[error("record: {0}")]
    Store(#[from] RecordStoreError),
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

/// The history read from the record, with what had to be set aside.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadedHistory {
    /// `None` before a profile was saved (or when its plan start was unusable).
    pub history: Option<History>,
    /// One sentence per record left out because the coach cannot plan with
    /// it (a date outside [`super::dates`]'s range, a score off the scale).
    /// The record itself stays in the store untouched.
    pub set_aside: Vec<String>,
}

/// The history as the store holds it, or `None` before a profile was saved.
/// Session outcomes the coach did not write (other session ids) are left
/// out. Records the coach cannot plan with are set aside, so one bad line
/// never makes the coach unusable; see [`load_history_checked`].
pub fn load_history(store: &Store) -> Result<Option<History>, CoachRecordError> {
    Ok(load_history_checked(store)?.history)
}

fn keep_date(date: NaiveDate, what: String, set_aside: &mut Vec<String>) -> bool {
    if is_plausible(date) {
        return true;
    }
    set_aside.push(format!(
        "{what} dated {date} was set aside: the coach plans between {PLAUSIBLE_FIRST} and \
         {PLAUSIBLE_LAST}"
    ));
    false
}

/// Like [`load_history`], and says what was set aside.
pub fn load_history_checked(store: &Store) -> Result<LoadedHistory, CoachRecordError> {
    store
        .with_records(|records| {
            let mut set_aside = Vec::new();
            let Some(document) = &records.profile else {
                return Ok(LoadedHistory {
                    history: None,
                    set_aside,
                });
            };
            let document: CoachDocument = serde_json::from_value(document.clone())
                .map_err(|e| CoachRecordError::UnreadableProfile(e.to_string()))?;
            if !keep_date(document.plan_start, "The plan".to_owned(), &mut set_aside) {
                return Ok(LoadedHistory {
                    history: None,
                    set_aside,
                });
            }
            let mut history = History::new(document.profile, document.plan_start);
            history.gear_changes = document
                .gear_changes
                .into_iter()
                .filter(|g| keep_date(g.date, "A gear change".to_owned(), &mut set_aside))
                .collect();
            history.clinician_visits = document
                .clinician_visits
                .into_iter()
                .filter(|v| keep_date(v.date(), "A clinician visit".to_owned(), &mut set_aside))
                .collect();
            history.check_ins = records
                .check_ins
                .iter()
                .filter(|c| {
                    let date = c.taken_at.date();
                    match c.validate() {
                        Err(e) => {
                            set_aside.push(format!("The check-in of {date} was set aside: {e}"));
                            false
                        }
                        Ok(()) => keep_date(date, "A check-in".to_owned(), &mut set_aside),
                    }
                })
                .cloned()
                .collect();
            history.outcomes = records
                .sessions
                .iter()
                .filter_map(outcome_from_stored)
                .filter(|o| keep_date(o.date, "A session outcome".to_owned(), &mut set_aside))
                .collect();
            history.measured_cadence_spm =
                match super::cadence_baseline::measured(&records.runs, &CoachConfig::default()) {
                    Ok(spm) => spm,
                    Err(e) => {
                        set_aside.push(format!(
                            "The first runs give no cadence baseline to plan with: {e}"
                        ));
                        None
                    }
                };
            Ok(LoadedHistory {
                history: Some(history),
                set_aside,
            })
        })
        .map_err(CoachRecordError::from)?
}

/// A session outcome as the store logs it: a day holds at most one session
/// of each kind, so the kind's name is the session's id.
pub fn stored_outcome(outcome: &MarkedSession) -> store::SessionRecord {
    store::SessionRecord {
        date: outcome.date,
        session_id: session_id(outcome.kind).to_owned(),
        outcome: match outcome.status {
            SessionResult::Done => store::Outcome::Done,
            SessionResult::Skipped => store::Outcome::Skipped,
        },
    }
}

fn session_id(kind: SessionType) -> &'static str {
    match kind {
        SessionType::Run => "run",
        SessionType::Strength => "strength",
        SessionType::KneeRoutine => "knee_routine",
        SessionType::CrossTraining => "cross_training",
    }
}

fn outcome_from_stored(stored: &store::SessionRecord) -> Option<MarkedSession> {
    let kind = [
        SessionType::Run,
        SessionType::Strength,
        SessionType::KneeRoutine,
        SessionType::CrossTraining,
    ]
    .into_iter()
    .find(|k| session_id(*k) == stored.session_id)?;
    Some(MarkedSession {
        date: stored.date,
        kind,
        status: match stored.outcome {
            store::Outcome::Done => SessionResult::Done,
            store::Outcome::Skipped => SessionResult::Skipped,
        },
    })
}
