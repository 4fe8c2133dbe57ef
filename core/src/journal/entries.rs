//! Each entry the runner makes outside a run, one method each: written to
//! the record first, then (for the coach's) taken into the history handed
//! in. The coach's part is worked out on a copy before anything is written,
//! so a refused entry writes nothing, and a failed write changes nothing.

use chrono::{NaiveDate, NaiveDateTime};

use super::{Journal, JournalError};
use crate::coach::record::{CoachDocument, stored_outcome};
use crate::coach::{
    self, Catalogue, CheckInOutcome, CoachConfig, GearChange, History, MarkedSession, Profile,
};
use crate::pain::CheckIn;
use crate::store::{PairedSensor, Records, RunRecord, Settings};

impl Journal {
    /// Writes the coach's document of `history` (all but check-ins and
    /// outcomes, which the record logs one by one).
    fn write_document(&self, history: &History) -> Result<(), JournalError> {
        let value = serde_json::to_value(CoachDocument::of(history))
            .map_err(|e| JournalError::Document(e.to_string()))?;
        self.write(|store| store.set_profile(&value))
    }

    /// The history after `change`, once the record holds it.
    fn change_document(
        &self,
        history: &mut History,
        change: impl FnOnce(&mut History),
    ) -> Result<(), JournalError> {
        let mut updated = history.clone();
        change(&mut updated);
        self.write_document(&updated)?;
        *history = updated;
        Ok(())
    }

    /// The runner's profile, with the plan starting on `plan_start`; what
    /// the history already holds (check-ins, outcomes, gear, visits) stays.
    /// The caller validates the profile.
    pub fn save_profile(
        &self,
        history: &mut Option<History>,
        profile: Profile,
        plan_start: NaiveDate,
    ) -> Result<(), JournalError> {
        let updated = match history.as_ref() {
            Some(h) => History {
                profile,
                plan_start,
                ..h.clone()
            },
            None => History::new(profile, plan_start),
        };
        self.write_document(&updated)?;
        *history = Some(updated);
        Ok(())
    }

    /// A knee check-in, with its assessment and the plan changes it causes.
    pub fn record_check_in(
        &self,
        history: &mut History,
        check_in: CheckIn,
        catalogue: &Catalogue,
        config: &CoachConfig,
    ) -> Result<CheckInOutcome, JournalError> {
        let mut updated = history.clone();
        let outcome = coach::record_check_in(&mut updated, check_in.clone(), catalogue, config)?;
        self.write(|store| store.add_check_in(&check_in))?;
        *history = updated;
        Ok(outcome)
    }

    /// A planned session marked done or skipped. The caller checks that the
    /// session was planned.
    pub fn mark_session(
        &self,
        history: &mut History,
        outcome: MarkedSession,
    ) -> Result<(), JournalError> {
        self.write(|store| store.add_session_outcome(&stored_outcome(&outcome)))?;
        history.outcomes.push(outcome);
        Ok(())
    }

    /// A change of running surface or shoes (article 002).
    pub fn record_gear_change(
        &self,
        history: &mut History,
        change: GearChange,
    ) -> Result<(), JournalError> {
        self.change_document(history, |h| h.gear_changes.push(change))
    }

    /// The runner confirms seeing a doctor or physical therapist at `at`.
    pub fn confirm_clinician_visit(
        &self,
        history: &mut History,
        at: NaiveDateTime,
    ) -> Result<(), JournalError> {
        self.change_document(history, |h| h.clinician_visits.push(at))
    }

    /// A check-in entered without a coach in memory (the record's own
    /// `RecordStore.addCheckIn`); a coach opened later reads it back.
    pub fn enter_check_in(&self, check_in: &CheckIn) -> Result<(), JournalError> {
        self.write(|store| store.add_check_in(check_in))
    }

    /// A run entered after the fact, its summary only (the record's own
    /// `RecordStore.addRun`, the demo's past runs). A run recorded by a
    /// session is kept with [`Journal::keep_run`] instead.
    pub fn enter_run(&self, run: &RunRecord) -> Result<(), JournalError> {
        self.write(|store| store.add_run(run))
    }

    /// The runner's settings.
    pub fn save_settings(&self, settings: &Settings) -> Result<(), JournalError> {
        self.write(|store| store.set_settings(settings))
    }

    /// The paired sensor, or none to forget it.
    pub fn save_paired_sensor(&self, sensor: Option<&PairedSensor>) -> Result<(), JournalError> {
        self.write(|store| store.set_paired_sensor(sensor))
    }

    /// A backup restored into an empty record, all or nothing.
    pub fn import_backup(&self, records: &Records) -> Result<(), JournalError> {
        self.write(|store| store.import(records))
    }
}
