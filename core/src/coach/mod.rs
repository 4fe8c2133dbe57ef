//! The coach: the runner profile, the exercise catalogue, and knee-safe
//! training plans recomputed from the runner's history (sources: articles
//! 000-004; see each rule's test).
//!
//! - [`profile`]: who the runner is, validated field by field.
//! - [`catalogue`]: every exercise the articles name, as data.
//! - [`history`]: profile, check-ins, session outcomes, gear changes, visits.
//! - [`generate`]: the pure function from history to [`plan::Plan`];
//!   `error`: why a plan could not be built ([`PlanBuildError`]).
//! - [`starting_point`]: what the plan reads from the profile first (risk
//!   factors, current weekly minutes).
//! - [`outcome`]: what one check-in changes in the plan, with reasons.
//! - [`after_run`]: what a kept run adds and changes (the journal keeps
//!   it, `crate::journal`); [`cadence_baseline`]: the baseline measured
//!   from the first runs.
//! - [`record`]: the history read back from the record (the journal
//!   writes it).
//!
//! - [`guard`]: the knee's one decision place: for a date, what the knee
//!   allows and whether the plan may progress, and why.
//!
//! Internals: `setup` (what a plan is built from), `choices` (the
//! exercise lists a plan repeats, chosen once per plan), `day` (one plan day from
//! the guard's ruling), `schedule` (week template), `progression` (ladder
//! and volume rules), `knee` (knee state per day, holds), `selection`
//! (choosing exercises), `run_day` (run sessions as segments),
//! `cadence_note` (where the cadence schedule stops).

pub mod after_run;
pub mod cadence_baseline;
mod cadence_note;
pub mod catalogue;
mod choices;
pub mod config;
mod day;
mod error;
pub mod generate;
pub mod guard;
pub mod history;
pub mod knee;
pub mod outcome;
pub mod plan;
pub mod profile;
pub mod progression;
pub mod record;
mod run_day;
pub mod schedule;
mod selection;
mod setup;
pub mod starting_point;

pub use after_run::{RunFacts, after_run};
pub use catalogue::{Catalogue, CatalogueError, Exercise, KneeLoad, Level};
pub use config::{CoachConfig, LadderStage};
pub use error::PlanBuildError;
pub use generate::{MAX_WEEKS, build_plan, build_plan_as_of};
pub use history::{GearChange, GearChangeType, History, MarkedSession, SessionResult, SessionType};
pub use outcome::{CheckInOutcome, LoadFactor, PlanChange, PlanChangeKind, record_check_in};
pub use plan::{Plan, PlanDay, PlanWeek, Session};
pub use profile::{EquipmentItem, ExperienceLevel, Profile, ProfileError, RunningGoal};
