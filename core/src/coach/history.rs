//! The runner's history: everything the plan is recomputed from. The plan is
//! a pure function of it, so the same history always gives the same plan.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::profile::{Profile, ProfileError};
use crate::pain::{CheckIn, PainError};

/// The kinds of session a plan day can hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SessionKind {
    Run,
    Strength,
    KneeRoutine,
    CrossTraining,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SessionStatus {
    Done,
    Skipped,
}

/// What became of one planned session. A day holds at most one session of
/// each kind, so date and kind name it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionOutcome {
    pub date: NaiveDate,
    pub kind: SessionKind,
    pub status: SessionStatus,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GearChangeKind {
    Surface,
    Shoes,
}

/// A change of running surface or shoes the runner recorded (article 002).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GearChange {
    pub date: NaiveDate,
    pub kind: GearChangeKind,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct History {
    pub profile: Profile,
    /// First day of the plan (local date).
    pub plan_start: NaiveDate,
    #[serde(default)]
    pub check_ins: Vec<CheckIn>,
    #[serde(default)]
    pub outcomes: Vec<SessionOutcome>,
    #[serde(default)]
    pub gear_changes: Vec<GearChange>,
    /// Days the runner confirmed they saw a doctor or physical therapist.
    #[serde(default)]
    pub clinician_visits: Vec<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Error)]
pub enum HistoryError {
    #[error("profile.{0}")]
    Profile(#[from] ProfileError),
    #[error("check_ins[{index}].{source}")]
    CheckIn { index: usize, source: PainError },
}

impl History {
    pub fn new(profile: Profile, plan_start: NaiveDate) -> Self {
        Self {
            profile,
            plan_start,
            check_ins: Vec::new(),
            outcomes: Vec::new(),
            gear_changes: Vec::new(),
            clinician_visits: Vec::new(),
        }
    }

    pub fn validate(&self) -> Result<(), HistoryError> {
        self.profile.validate()?;
        for (index, c) in self.check_ins.iter().enumerate() {
            c.validate()
                .map_err(|source| HistoryError::CheckIn { index, source })?;
        }
        Ok(())
    }

    /// The latest recorded outcome of a session, if any.
    pub fn outcome(&self, date: NaiveDate, kind: SessionKind) -> Option<SessionStatus> {
        self.outcomes
            .iter()
            .rev()
            .find(|o| o.date == date && o.kind == kind)
            .map(|o| o.status)
    }
}
