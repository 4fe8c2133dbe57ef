//! The runner's history: everything the plan is recomputed from. The plan is
//! a pure function of it, so the same history always gives the same plan.

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::profile::{Profile, ProfileError};
use crate::calendar::{PLAUSIBLE_FIRST, PLAUSIBLE_LAST, is_plausible};
use crate::pain::{CheckIn, CheckInError};

/// The kinds of session a plan day can hold (`SessionType` to the apps).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum SessionType {
    /// A run (or run/walk).
    Run,
    /// Strength work.
    Strength,
    /// The daily knee routine.
    KneeRoutine,
    /// Cycling or swimming in place of a run.
    CrossTraining,
}

/// How a planned session went, as the runner marks it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum SessionResult {
    /// The session was done.
    Done,
    /// The session was skipped.
    Skipped,
}

/// A planned session marked done or skipped. A day holds at most one
/// session of each kind, so date and kind name it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MarkedSession {
    pub date: NaiveDate,
    pub kind: SessionType,
    pub status: SessionResult,
}

/// A change of gear that resets part of the build-up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum GearChangeType {
    /// A new running surface (say, road to trail or track).
    Surface,
    /// New shoes, or a different kind of shoe.
    Shoes,
}

/// A change of running surface or shoes the runner recorded (article 002).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GearChange {
    pub date: NaiveDate,
    pub kind: GearChangeType,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct History {
    pub profile: Profile,
    /// First day of the plan (local date).
    pub plan_start: NaiveDate,
    #[serde(default)]
    pub check_ins: Vec<CheckIn>,
    #[serde(default)]
    pub outcomes: Vec<MarkedSession>,
    #[serde(default)]
    pub gear_changes: Vec<GearChange>,
    /// Moments the runner confirmed they saw a doctor or physical therapist
    /// (local time; a date alone counts as the end of its day). A visit
    /// releases what was reported before it, never what came after.
    #[serde(default, with = "crate::moment::visits")]
    pub clinician_visits: Vec<NaiveDateTime>,
    /// The cadence baseline measured from the first stored runs
    /// (`cadence_baseline`); used when the profile has none entered.
    #[serde(default)]
    pub measured_cadence_spm: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Error)]
pub enum HistoryError {
    #[error("profile.{0}")]
    Profile(#[from] ProfileError),
    #[error("check_ins[{index}].{source}")]
    CheckIn { index: usize, source: CheckInError },
    #[error("{field}: {date} is outside {} to {}", PLAUSIBLE_FIRST, PLAUSIBLE_LAST)]
    DateOutOfRange { field: String, date: NaiveDate },
}

fn check_date(field: impl FnOnce() -> String, date: NaiveDate) -> Result<(), HistoryError> {
    if is_plausible(date) {
        Ok(())
    } else {
        Err(HistoryError::DateOutOfRange {
            field: field(),
            date,
        })
    }
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
            measured_cadence_spm: None,
        }
    }

    pub fn validate(&self) -> Result<(), HistoryError> {
        self.profile.validate()?;
        check_date(|| "plan_start".to_owned(), self.plan_start)?;
        for (index, c) in self.check_ins.iter().enumerate() {
            c.validate()
                .map_err(|source| HistoryError::CheckIn { index, source })?;
            check_date(|| format!("check_ins[{index}].taken_at"), c.taken_at.date())?;
        }
        for (i, o) in self.outcomes.iter().enumerate() {
            check_date(|| format!("outcomes[{i}].date"), o.date)?;
        }
        for (i, g) in self.gear_changes.iter().enumerate() {
            check_date(|| format!("gear_changes[{i}].date"), g.date)?;
        }
        for (i, v) in self.clinician_visits.iter().enumerate() {
            check_date(|| format!("clinician_visits[{i}]"), v.date())?;
        }
        Ok(())
    }

    /// The latest recorded outcome of a session, if any.
    pub fn outcome(&self, date: NaiveDate, kind: SessionType) -> Option<SessionResult> {
        self.outcomes
            .iter()
            .rev()
            .find(|o| o.date == date && o.kind == kind)
            .map(|o| o.status)
    }
}
