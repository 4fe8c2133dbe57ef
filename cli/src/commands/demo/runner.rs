//! The demo's sample runner: a profile built in, two weeks into the plan
//! with every planned run done and the knee quiet afterwards (1/10), so
//! today is a run day on the run/walk ladder's third rung. Its record is
//! written to the demo's data folder through the journal, the way the apps
//! write one.

use chrono::{Datelike, Days, NaiveDate, Weekday};
use patella_core::coach::{
    self, Catalogue, CoachConfig, History, MarkedSession, Profile, Session, SessionResult,
    SessionType,
};
use patella_core::journal::Journal;
use patella_core::pain::{CheckIn, CheckInMoment};
use patella_core::store::RunRecord;

use crate::commands::live::keep::journal_error;
use crate::output::CliError;

/// A runner getting back to running with runner's knee, three runs a week,
/// a cadence baseline of 158 steps/min; the run days are filled in so that
/// today is one.
const SAMPLE_PROFILE: &str = r#"{
  "experience": "new_to_running",
  "current": { "weekly_minutes": 0, "days_per_week": 3, "preferred_days": [] },
  "goal": { "kind": "return_with_runners_knee" },
  "equipment": ["loop_band", "wall", "chair"],
  "risk_factors": { "age_years": 41 },
  "knee_pain": 1,
  "strength_days_per_week": 2,
  "cadence_baseline_spm": 158.0
}"#;

/// What the demo says about the runner.
pub const SAMPLE_DESCRIPTION: &str = "back to running after runner's knee, two weeks into \
     the plan, every run done so far with the knee at 1/10 afterwards; cadence baseline \
     158 steps/min";

/// Weeks of plan behind the runner on the demo's day.
const WEEKS_BEHIND: u64 = 2;

fn invalid(e: impl std::fmt::Display) -> CliError {
    CliError::Invalid(format!("the sample runner: {e}"))
}

fn shift(day: Weekday, by: u8) -> Weekday {
    (0..by).fold(day, |d, _| d.succ())
}

/// Writes the sample runner's record through `journal` and returns its
/// history.
pub fn sample_record(journal: &Journal, today: NaiveDate) -> Result<History, CliError> {
    let mut profile: Profile = serde_json::from_str(SAMPLE_PROFILE).map_err(invalid)?;
    let first = today.weekday();
    profile.current.preferred_days = vec![first, shift(first, 2), shift(first, 4)];
    profile.validate().map_err(invalid)?;
    let start = today
        .checked_sub_days(Days::new(WEEKS_BEHIND * 7))
        .ok_or_else(|| invalid("today is too early a date"))?;
    let mut saved = None;
    journal
        .save_profile(&mut saved, profile, start)
        .map_err(journal_error)?;
    let mut history = saved.ok_or_else(|| invalid("no profile was saved"))?;
    let catalogue = Catalogue::builtin().map_err(invalid)?;
    let config = CoachConfig::default();
    // Day by day, as the runner lived it: each planned run done, then a
    // check-in. The plan is rebuilt each day since the past shapes it.
    let mut date = start;
    while date < today {
        let plan = coach::build_plan(&history, 3, catalogue, &config).map_err(invalid)?;
        let run = plan.day(date).and_then(|d| {
            d.sessions.iter().find_map(|s| match s {
                Session::Run(run) => Some(run),
                _ => None,
            })
        });
        if let Some(run) = run {
            let planned_s: u32 = run.segments.iter().map(|s| s.seconds).sum();
            let outcome = MarkedSession {
                date,
                kind: SessionType::Run,
                status: SessionResult::Done,
            };
            let evening = date
                .and_hms_opt(18, 0, 0)
                .ok_or_else(|| invalid("a time"))?;
            let check_in = CheckIn {
                taken_at: evening + chrono::Duration::minutes(40),
                score: 1,
                moment: CheckInMoment::AfterRun,
                quality: None,
                location: None,
                red_flags: Vec::new(),
            };
            journal
                .enter_run(&RunRecord {
                    id: format!("sample-{date}"),
                    started_at: evening,
                    duration_s: planned_s,
                    // About 1.5 m/s over the whole session, walks included.
                    distance_m: planned_s * 3 / 2,
                    average_cadence_spm: Some(157.0),
                    target_cadence_spm: run.cadence_target_spm,
                    cadence_trace: Vec::new(),
                    // The sample's past runs are summaries only; the run the
                    // demo drives carries its band, segments and alerts.
                    marks: Default::default(),
                })
                .map_err(journal_error)?;
            journal
                .mark_session(&mut history, outcome)
                .map_err(journal_error)?;
            journal
                .record_check_in(&mut history, check_in, catalogue, &config)
                .map_err(journal_error)?;
        }
        date = date.succ_opt().ok_or_else(|| invalid("a date"))?;
    }
    Ok(history)
}
