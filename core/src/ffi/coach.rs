//! The coach facade: the runner profile, the run planned on a day (as the
//! run session takes it), check-ins with their assessment and plan changes,
//! and marking sessions done or skipped. The history lives in memory
//! and, when opened with `Coach::open(store)`, every change goes through
//! the record's journal (`crate::journal`) first; every screen is
//! recomputed from it by the core.

mod complete_run;
#[cfg(test)]
mod date_props;
mod error;
mod profile;
mod unfinished_run;

use std::sync::{Arc, Mutex, MutexGuard};

use crate::coach::plan::Plan;
use crate::coach::{
    self as core_coach, Catalogue, CoachConfig, GearChange, History, MarkedSession, Profile,
    Session,
};
use crate::journal::Journal;
use chrono::NaiveDate;

pub use crate::coach::{
    CheckInOutcome, GearChangeType, LoadFactor, PlanChange, PlanChangeKind, SessionResult,
    SessionType,
};
pub use crate::pain::PainTrend;
pub use complete_run::RunCompletion;
pub use error::CoachError;

use crate::coach::record;
use crate::ffi::pain::CheckInEntry;
use crate::ffi::run::RunPlan;
use crate::ffi::store::RecordStore;
pub use profile::{EquipmentItem, ExperienceLevel, RunDay, RunnerProfile, RunningGoal};

pub(crate) fn parse_date(field: &str, value: &str) -> Result<NaiveDate, CoachError> {
    let date = crate::ffi::dates::parse_date(field, value)?;
    plausible(field, date)?;
    Ok(date)
}

/// The coach plans only within `crate::calendar::PLAUSIBLE_FIRST..=PLAUSIBLE_LAST`; a
/// date outside is refused before anything is stored.
pub(crate) fn plausible(field: &str, date: NaiveDate) -> Result<(), CoachError> {
    if crate::calendar::is_plausible(date) {
        return Ok(());
    }
    Err(CoachError::InvalidInput {
        field: field.to_owned(),
        detail: format!(
            "{date} is outside {} to {}",
            crate::calendar::PLAUSIBLE_FIRST,
            crate::calendar::PLAUSIBLE_LAST
        ),
    })
}

/// The runner's plan and its adaptation to pain. Opened over a
/// [`RecordStore`], it keeps everything in the record: each change is written
/// there first (through the record's journal), and only then applied, so an
/// error leaves both unchanged.
#[derive(uniffi::Object)]
pub struct Coach {
    history: Mutex<Option<History>>,
    /// Records left out when the coach was opened (see `record_warnings`).
    set_aside: Vec<String>,
    pub(crate) config: CoachConfig,
    /// The record's journal; one that keeps nothing for `Coach::new`.
    pub(crate) journal: Arc<Journal>,
}

impl Coach {
    /// Every call changes the history only after all its work succeeded, so
    /// the history behind a poisoned lock is still whole: take it back
    /// rather than leaving the coach unusable.
    pub(crate) fn lock(&self) -> Result<MutexGuard<'_, Option<History>>, CoachError> {
        Ok(self
            .history
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner))
    }

    /// The plan up to `date`, as the runner reads it on `today`.
    pub(crate) fn plan_through<'c>(
        &self,
        history: &History,
        date: NaiveDate,
        today: NaiveDate,
        catalogue: &'c Catalogue,
    ) -> Result<Plan<'c>, CoachError> {
        let days = (date - history.plan_start).num_days();
        if days < 0 {
            return Err(CoachError::InvalidInput {
                field: "date".to_owned(),
                detail: format!("{date} is before the plan starts on {}", history.plan_start),
            });
        }
        let weeks = u16::try_from(days / 7 + 1).unwrap_or(u16::MAX);
        Ok(core_coach::build_plan_as_of(
            history,
            weeks,
            catalogue,
            &self.config,
            today,
        )?)
    }
}

fn with_history<T>(
    guard: &mut Option<History>,
    f: impl FnOnce(&mut History) -> Result<T, CoachError>,
) -> Result<T, CoachError> {
    match guard.as_mut() {
        Some(h) => f(h),
        None => Err(CoachError::NoProfile),
    }
}

#[uniffi::export]
impl Coach {
    /// A coach that keeps its history in memory only (previews, tests).
    #[uniffi::constructor]
    pub fn new() -> Arc<Self> {
        Arc::new(Self {
            history: Mutex::new(None),
            set_aside: Vec::new(),
            config: CoachConfig::default(),
            journal: Arc::new(Journal::in_memory()),
        })
    }

    /// The app's coach: its history is read from `store` and every change is
    /// saved there before it takes effect.
    #[uniffi::constructor]
    pub fn open(store: Arc<RecordStore>) -> Result<Arc<Self>, CoachError> {
        let loaded = record::load_history_checked(store.core())?;
        Ok(Arc::new(Self {
            history: Mutex::new(loaded.history),
            set_aside: loaded.set_aside,
            config: CoachConfig::default(),
            journal: store.journal().clone(),
        }))
    }

    /// Records the coach left out when it was opened, one sentence each (a
    /// date it cannot plan around, a score off the scale). They stay in the
    /// record; the coach works without them.
    pub fn record_warnings(&self) -> Vec<String> {
        self.set_aside.clone()
    }

    /// The saved profile, if any.
    pub fn profile(&self) -> Result<Option<RunnerProfile>, CoachError> {
        Ok(self.lock()?.as_ref().map(|h| h.profile.clone().into()))
    }

    /// Validates and saves the profile; the plan starts on `plan_start`
    /// (ISO-8601 date). Earlier check-ins and outcomes are kept.
    pub fn save_profile(
        &self,
        profile: RunnerProfile,
        plan_start: String,
    ) -> Result<(), CoachError> {
        let start = parse_date("plan_start", &plan_start)?;
        let profile: Profile = profile.into();
        profile.validate()?;
        let mut guard = self.lock()?;
        Ok(self.journal.save_profile(&mut guard, profile, start)?)
    }

    /// The run planned on `date` (ISO-8601) as the run session takes it:
    /// pass it to `RunSession.fromPlannedRun`. None when no run is planned
    /// that day.
    pub fn planned_run(&self, date: String) -> Result<Option<RunPlan>, CoachError> {
        let day = parse_date("date", &date)?;
        let catalogue = Catalogue::builtin()?;
        let mut guard = self.lock()?;
        with_history(&mut guard, |h| {
            let plan = self.plan_through(h, day, day, catalogue)?;
            let planned = plan.day(day).ok_or_else(|| CoachError::InvalidInput {
                field: "date".to_owned(),
                detail: format!("{day} is not in the plan"),
            })?;
            Ok(planned.sessions.iter().find_map(|s| match s {
                Session::Run(run) => Some(run_plan(run.session_plan())),
                _ => None,
            }))
        })
    }

    /// Records a check-in and returns its assessment and the plan changes it
    /// causes. A check-in dated more than a few minutes ahead of now is
    /// refused, naming `taken_at`.
    pub fn record_check_in(&self, check_in: CheckInEntry) -> Result<CheckInOutcome, CoachError> {
        let checkin = check_in.to_core_entered(self.config.pain.ahead_tolerance_min)?;
        plausible("taken_at", checkin.taken_at.date())?;
        let catalogue = Catalogue::builtin()?;
        let mut guard = self.lock()?;
        with_history(&mut guard, |h| {
            Ok(self
                .journal
                .record_check_in(h, checkin, catalogue, &self.config)?)
        })
    }

    /// Marks the session of `session` type on `date` as done or skipped.
    pub fn mark_session(
        &self,
        date: String,
        session: SessionType,
        result: SessionResult,
    ) -> Result<(), CoachError> {
        let day = parse_date("date", &date)?;
        let catalogue = Catalogue::builtin()?;
        let mut guard = self.lock()?;
        with_history(&mut guard, |h| {
            let plan = self.plan_through(h, day, day, catalogue)?;
            let planned = plan
                .day(day)
                .is_some_and(|d| d.sessions.iter().any(|s| s.kind() == session));
            if !planned {
                return Err(CoachError::InvalidInput {
                    field: "session".to_owned(),
                    detail: format!("no {session:?} session is planned on {day}"),
                });
            }
            let outcome = MarkedSession {
                date: day,
                kind: session,
                status: result,
            };
            Ok(self.journal.mark_session(h, outcome)?)
        })
    }

    /// Records a change of running surface or shoes on `date`.
    pub fn record_gear_change(&self, date: String, kind: GearChangeType) -> Result<(), CoachError> {
        let day = parse_date("date", &date)?;
        let mut guard = self.lock()?;
        with_history(&mut guard, |h| {
            Ok(self
                .journal
                .record_gear_change(h, GearChange { date: day, kind })?)
        })
    }

    /// The runner confirms seeing a doctor or physical therapist at `at`
    /// ("2026-11-27T18:30:00", local time; a date alone counts as the end
    /// of that day). The visit releases the holds opened by what was
    /// reported before it; a red flag reported after it opens a new hold.
    pub fn confirm_clinician_visit(&self, at: String) -> Result<(), CoachError> {
        let moment = crate::ffi::dates::parse_visit("at", &at)?;
        let mut guard = self.lock()?;
        with_history(&mut guard, |h| {
            Ok(self.journal.confirm_clinician_visit(h, moment)?)
        })
    }
}

/// The run session's plan for a planned run day: its segments in order and
/// the day's cadence target.
fn run_plan(plan: crate::run::SessionPlan) -> RunPlan {
    RunPlan {
        segments: plan.segments,
        cadence_target_spm: plan.cadence_target_spm,
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::ffi::pain::{CheckInMoment, PainAction, PainLocation, PainZone, RedFlag};
    use crate::ffi::run::RunSegmentKind;

    pub(crate) fn runner() -> RunnerProfile {
        RunnerProfile {
            experience: ExperienceLevel::NewToRunning,
            weekly_minutes: None,
            weekly_km: None,
            days_per_week: 3,
            preferred_days: vec![RunDay::Tuesday, RunDay::Thursday, RunDay::Saturday],
            goal: RunningGoal::Continuous15Minutes,
            equipment: vec![EquipmentItem::Wall],
            age_years: Some(40),
            osteoarthritis: false,
            osteoporosis: false,
            balance_problems: false,
            body_mass_kg: None,
            height_cm: None,
            knee_pain: 0,
            strength_days_per_week: None,
            cadence_baseline_spm: None,
        }
    }

    #[test]
    fn an_opened_coach_keeps_everything_in_the_record_across_reopening() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().to_string_lossy().into_owned();
        let before = {
            let coach = Coach::open(RecordStore::open(path.clone()).unwrap()).unwrap();
            coach.save_profile(runner(), "2026-11-23".into()).unwrap();
            coach
                .record_check_in(CheckInEntry {
                    taken_at: "2026-11-24T08:00".into(),
                    score: 6,
                    moment: CheckInMoment::AfterRun,
                    quality: None,
                    location: None,
                    red_flags: vec![],
                })
                .unwrap();
            coach
                .record_gear_change("2026-11-25".into(), GearChangeType::Shoes)
                .unwrap();
            coach.plan_screen("2026-11-30".into(), 1).unwrap()
        };
        let reopened = Coach::open(RecordStore::open(path).unwrap()).unwrap();
        assert_eq!(reopened.profile().unwrap(), Some(runner()));
        assert_eq!(
            reopened.plan_screen("2026-11-30".into(), 1).unwrap(),
            before
        );
    }

    #[test]
    fn profile_round_trips_and_bad_fields_are_named() {
        let coach = Coach::new();
        assert_eq!(coach.profile().expect("readable"), None);
        assert!(matches!(
            coach.planned_run("2026-11-24".into()),
            Err(CoachError::NoProfile)
        ));
        coach
            .save_profile(runner(), "2026-11-23".into())
            .expect("saved");
        assert_eq!(coach.profile().expect("readable"), Some(runner()));
        let bad = RunnerProfile {
            days_per_week: 7,
            ..runner()
        };
        let err = coach
            .save_profile(bad, "2026-11-23".into())
            .expect_err("rejected");
        assert!(
            matches!(&err, CoachError::InvalidProfile { field, .. } if field == "current.days_per_week")
        );
        let err = coach
            .save_profile(runner(), "23.11.2026".into())
            .expect_err("bad date");
        assert!(matches!(err, CoachError::InvalidDate { field, .. } if field == "plan_start"));
    }

    #[test]
    fn the_planned_run_carries_its_segments_and_strength_work_moves_the_plan_on() {
        let coach = Coach::new();
        coach
            .save_profile(runner(), "2026-11-23".into())
            .expect("saved");
        let tuesday = coach
            .planned_run("2026-11-24".into())
            .expect("a day")
            .expect("a run on Tuesday");
        assert_eq!(
            tuesday.segments[1],
            crate::ffi::run::RunSegment {
                kind: RunSegmentKind::Run,
                duration_s: 30,
            }
        );
        assert_eq!(coach.planned_run("2026-11-25".into()).expect("a day"), None);
        let screen = coach.today_screen("2026-11-24".into()).expect("today");
        assert!(
            screen.sessions[0]
                .exercises
                .iter()
                .all(|e| !e.cues.is_empty())
        );
        let week = coach.plan_screen("2026-12-02".into(), 1).expect("a week");
        assert_eq!(week.weeks[0].start.to_string(), "2026-11-30");
        assert!(
            coach.planned_run("2026-11-01".into()).is_err(),
            "before the plan"
        );
        // The strength phase moves on recorded strength sessions (issue 18):
        // four weeks of them, and week five shows the milestone.
        let start = NaiveDate::from_ymd_opt(2026, 11, 23).expect("a date");
        for offset in 0..28 {
            let date = (start + chrono::Duration::days(offset)).to_string();
            let day = coach.today_screen(date.clone()).expect("a day");
            if day
                .sessions
                .iter()
                .any(|s| s.session == SessionType::Strength)
            {
                coach
                    .mark_session(date, SessionType::Strength, SessionResult::Done)
                    .expect("marked");
            }
        }
        let fifth = coach
            .plan_screen("2026-12-21".into(), 1)
            .expect("week five");
        let milestone = crate::coach::plan::PlanMilestone::SteadierKnees.message();
        let lines = &fifth.weeks[0].lines;
        assert_eq!(
            lines.iter().filter(|l| l.text.contains(milestone)).count(),
            1
        );
    }

    #[test]
    fn check_in_returns_assessment_and_changes_and_sessions_can_be_marked() {
        let coach = Coach::new();
        coach
            .save_profile(runner(), "2026-11-23".into())
            .expect("saved");
        coach
            .mark_session("2026-11-24".into(), SessionType::Run, SessionResult::Done)
            .expect("marked");
        let err = coach
            .mark_session("2026-11-25".into(), SessionType::Run, SessionResult::Done)
            .expect_err("no run on Wednesday");
        assert!(matches!(err, CoachError::InvalidInput { field, .. } if field == "session"));
        let result = coach
            .record_check_in(CheckInEntry {
                taken_at: "2026-11-26T19:00:00".into(),
                score: 7,
                moment: CheckInMoment::AfterRun,
                quality: None,
                location: Some(PainLocation::FrontOfKnee),
                red_flags: vec![],
            })
            .expect("recorded");
        assert_eq!(result.assessment.zone, PainZone::AboveBuffer);
        let saturday = NaiveDate::from_ymd_opt(2026, 11, 28).expect("a date");
        assert!(result.plan_changes.iter().any(|c| matches!(
            c.kind,
            PlanChangeKind::SwapRunForCrossTraining { date, .. } if date == saturday
        )));
        assert_eq!(
            coach.planned_run("2026-11-28".into()).expect("a day"),
            None,
            "cross-training in place of Saturday's run"
        );
        let err = coach
            .record_check_in(CheckInEntry {
                taken_at: "2026-11-26T19:00:00".into(),
                score: 11,
                moment: CheckInMoment::AfterRun,
                quality: None,
                location: None,
                red_flags: vec![],
            })
            .expect_err("out of range");
        assert!(matches!(err, CoachError::InvalidInput { field, .. } if field == "score"));
        let err = coach
            .record_check_in(CheckInEntry {
                taken_at: "2026-11-26T19:00:00".into(),
                score: 3,
                moment: CheckInMoment::AfterRun,
                quality: None,
                location: None,
                red_flags: vec![RedFlag::Swelling, RedFlag::Swelling],
            })
            .expect_err("a flag twice");
        assert!(matches!(err, CoachError::InvalidInput { field, .. } if field == "red_flags"));
        let err = coach
            .record_check_in(CheckInEntry {
                taken_at: "tonight".into(),
                score: 3,
                moment: CheckInMoment::AfterRun,
                quality: None,
                location: None,
                red_flags: vec![],
            })
            .expect_err("bad time");
        assert!(matches!(err, CoachError::InvalidDate { field, .. } if field == "taken_at"));
    }

    #[test]
    fn red_flag_holds_until_a_visit_is_confirmed() {
        let coach = Coach::new();
        coach
            .save_profile(runner(), "2026-11-23".into())
            .expect("saved");
        let result = coach
            .record_check_in(CheckInEntry {
                taken_at: "2026-11-24T08:00".into(),
                score: 4,
                moment: CheckInMoment::NextMorning,
                quality: None,
                location: None,
                red_flags: vec![RedFlag::Swelling],
            })
            .expect("recorded");
        assert_eq!(
            result.assessment.action,
            PainAction::SeeClinician {
                flags: vec![RedFlag::Swelling]
            }
        );
        let advisories = |coach: &Coach| {
            coach
                .plan_screen("2026-11-30".into(), 1)
                .expect("plan")
                .advisories
        };
        assert!(!advisories(&coach).is_empty(), "a clinician hold");
        coach
            .confirm_clinician_visit("2026-11-27".into())
            .expect("confirmed");
        assert!(advisories(&coach).is_empty());
        coach
            .record_gear_change("2026-12-01".into(), GearChangeType::Shoes)
            .expect("recorded");
        assert!(
            !coach
                .plan_screen("2026-11-30".into(), 1)
                .expect("plan")
                .disclaimer
                .is_empty()
        );
    }
}
