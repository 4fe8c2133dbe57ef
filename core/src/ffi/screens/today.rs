//! The Today screen record and `Coach.todayScreen(date)`.

use crate::coach::Catalogue;
use crate::screens::today as core_today;

use crate::ffi::coach::{Coach, CoachError, SessionType, parse_date};
use crate::ffi::pain::CheckInMoment;

/// What became of a planned session so far.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TodayStatus {
    /// Not done or skipped yet.
    Planned,
    /// Marked done.
    Done,
    /// Marked skipped.
    Skipped,
}

/// Which part of a session an exercise belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ExercisePart {
    /// Before the run.
    WarmUp,
    /// After the run.
    CoolDown,
    /// A strength session.
    Strength,
    /// The daily knee routine.
    KneeRoutine,
}

/// One exercise as the runner does it.
#[derive(Debug, Clone, PartialEq, uniffi::Record, serde::Serialize)]
pub struct TodayExerciseState {
    /// The catalogue id.
    pub id: String,
    /// The exercise's name.
    pub name: String,
    /// The part of the session it belongs to.
    pub part: ExercisePart,
    /// The part in words: "Warm-up", "Cool-down", "Strength", "Knee routine".
    pub part_label: String,
    /// The dose in words: "3 × 10-15", "30 s per side".
    pub dose: String,
    /// Short how-to cues, in order.
    pub cues: Vec<String>,
    /// The exercise this one stands in for, in words, when it is a swap.
    pub instead_of: Option<String>,
}

/// One planned session of the day, with the buttons it allows.
#[derive(Debug, Clone, PartialEq, uniffi::Record, serde::Serialize)]
pub struct TodaySessionState {
    /// The kind of session, as `Coach.markSession` takes it.
    pub session: SessionType,
    /// A heading: "Run", "Strength", "Daily knee routine", "Cross-training".
    pub title: String,
    /// The session in one line.
    pub summary: String,
    /// Sentences shown under the summary (a break option, why it changed).
    pub notes: Vec<String>,
    /// Done, skipped or still to do.
    pub status: TodayStatus,
    /// The status in words: "To do", "Done", "Skipped".
    pub status_label: String,
    /// Whether the "start run" button is enabled.
    pub can_start_run: bool,
    /// Whether the "done" button is enabled.
    pub can_mark_done: bool,
    /// Whether the "skip" button is enabled.
    pub can_mark_skipped: bool,
    /// Every exercise of the session, in order.
    pub exercises: Vec<TodayExerciseState>,
}

/// A check-in the runner is asked for now.
#[derive(Debug, Clone, PartialEq, uniffi::Record, serde::Serialize)]
pub struct CheckInDueState {
    /// The moment the check-in form should open with.
    pub moment: CheckInMoment,
    /// The sentence that asks for it.
    pub prompt: String,
}

/// The Today screen.
#[derive(Debug, Clone, PartialEq, uniffi::Record, serde::Serialize)]
pub struct TodayScreen {
    /// The day shown, ISO-8601.
    pub date: String,
    /// The day in words: "Tuesday 24 November 2026".
    pub title: String,
    /// What the day holds, in a few words; empty when there is no plan.
    pub summary: String,
    /// Why the day looks as it does (a knee restriction), one sentence each.
    pub notes: Vec<String>,
    /// The day's sessions, in order.
    pub sessions: Vec<TodaySessionState>,
    /// The check-in the runner is asked for now, if any.
    pub check_in_due: Option<CheckInDueState>,
    /// Holds and suggestions to see a clinician, one sentence each.
    pub advisories: Vec<String>,
    /// Shown instead of sessions when there are none (no profile, rest day).
    pub empty_state: Option<String>,
    /// The guidance-not-diagnosis line.
    pub disclaimer: String,
}

impl From<core_today::TodayScreen> for TodayScreen {
    fn from(s: core_today::TodayScreen) -> Self {
        Self {
            date: s.date.to_string(),
            title: s.title,
            summary: s.summary,
            notes: s.notes,
            sessions: s.sessions.into_iter().map(session).collect(),
            check_in_due: s.check_in_due.map(|d| CheckInDueState {
                moment: d.moment,
                prompt: d.prompt,
            }),
            advisories: s.advisories,
            empty_state: s.empty_state,
            disclaimer: s.disclaimer,
        }
    }
}

fn session(s: core_today::TodaySession) -> TodaySessionState {
    TodaySessionState {
        session: s.kind,
        title: s.title,
        summary: s.summary,
        notes: s.notes,
        status: match s.status {
            core_today::TodayStatus::Planned => TodayStatus::Planned,
            core_today::TodayStatus::Done => TodayStatus::Done,
            core_today::TodayStatus::Skipped => TodayStatus::Skipped,
        },
        status_label: s.status_label,
        can_start_run: s.can_start_run,
        can_mark_done: s.can_mark_done,
        can_mark_skipped: s.can_mark_skipped,
        exercises: s
            .exercises
            .into_iter()
            .map(|e| TodayExerciseState {
                id: e.id,
                name: e.name,
                part: match e.part {
                    core_today::ExercisePart::WarmUp => ExercisePart::WarmUp,
                    core_today::ExercisePart::CoolDown => ExercisePart::CoolDown,
                    core_today::ExercisePart::Strength => ExercisePart::Strength,
                    core_today::ExercisePart::KneeRoutine => ExercisePart::KneeRoutine,
                },
                part_label: e.part_label,
                dose: e.dose,
                cues: e.cues,
                instead_of: e.instead_of,
            })
            .collect(),
    }
}

#[uniffi::export]
impl Coach {
    /// The Today screen for `date` (ISO-8601). Without a profile, or before
    /// the plan starts, it says so in `empty_state` rather than failing.
    pub fn today_screen(&self, date: String) -> Result<TodayScreen, CoachError> {
        let day = parse_date("date", &date)?;
        let catalogue = Catalogue::builtin()?;
        let guard = self.lock()?;
        let Some(history) = guard.as_ref() else {
            return Ok(core_today::empty(day, core_today::NO_PROFILE).into());
        };
        if day < history.plan_start {
            return Ok(core_today::empty(day, core_today::BEFORE_PLAN).into());
        }
        let plan = self.plan_through(history, day, day, catalogue)?;
        Ok(core_today::today_screen(&plan, history, day).into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ffi::coach::SessionResult;
    use crate::ffi::coach::tests::runner;
    use crate::ffi::pain::CheckIn;

    // Article 002: rate the knee after running and again the next morning.
    #[test]
    fn a_done_run_asks_for_the_after_run_then_the_morning_check_in() {
        let coach = Coach::new();
        let empty = coach.today_screen("2026-11-24".into()).expect("screen");
        assert!(empty.sessions.is_empty());
        assert!(empty.empty_state.is_some());
        coach
            .save_profile(runner(), "2026-11-23".into())
            .expect("profile");
        let tuesday = coach.today_screen("2026-11-24".into()).expect("screen");
        let run = tuesday
            .sessions
            .iter()
            .find(|s| s.session == SessionType::Run)
            .expect("a run on Tuesday");
        assert!(run.can_start_run && run.can_mark_done && run.can_mark_skipped);
        assert!(
            run.exercises
                .iter()
                .all(|e| !e.cues.is_empty() && !e.dose.is_empty())
        );
        assert_eq!(tuesday.check_in_due, None);
        coach
            .mark_session("2026-11-24".into(), SessionType::Run, SessionResult::Done)
            .expect("done");
        let after = coach.today_screen("2026-11-24".into()).expect("screen");
        let run = after
            .sessions
            .iter()
            .find(|s| s.session == SessionType::Run)
            .expect("run");
        assert_eq!(run.status, TodayStatus::Done);
        assert!(!run.can_start_run && !run.can_mark_done);
        assert_eq!(
            after.check_in_due.map(|d| d.moment),
            Some(CheckInMoment::AfterRun)
        );
        let morning = coach.today_screen("2026-11-25".into()).expect("screen");
        assert_eq!(
            morning.check_in_due.map(|d| d.moment),
            Some(CheckInMoment::NextMorning)
        );
        coach
            .record_check_in(CheckIn {
                taken_at: "2026-11-25T07:45:00".into(),
                score: 1,
                moment: CheckInMoment::NextMorning,
                quality: None,
                location: None,
                red_flags: vec![],
            })
            .expect("recorded");
        let later = coach.today_screen("2026-11-25".into()).expect("screen");
        assert_eq!(later.check_in_due, None);
        let before = coach.today_screen("2026-11-01".into()).expect("screen");
        assert_eq!(before.empty_state.as_deref(), Some(core_today::BEFORE_PLAN));
    }

    // Article 002: swelling is a sign for a clinician; Today says so as a
    // sentence and holds the plan, and no run can be started that day.
    #[test]
    fn a_red_flag_shows_as_sentences_on_today_and_stops_runs() {
        let coach = Coach::new();
        coach
            .save_profile(runner(), "2026-11-23".into())
            .expect("profile");
        coach
            .record_check_in(CheckIn {
                taken_at: "2026-11-24T07:00:00".into(),
                score: 4,
                moment: CheckInMoment::NextMorning,
                quality: None,
                location: None,
                red_flags: vec![crate::ffi::pain::RedFlag::Swelling],
            })
            .expect("recorded");
        let later = coach.today_screen("2026-12-01".into()).expect("screen");
        assert!(!later.advisories.is_empty());
        assert!(
            later.advisories.iter().all(|a| a.ends_with('.')),
            "{:?}",
            later.advisories
        );
        assert!(
            later.advisories.iter().any(|a| a.contains("swelling")),
            "{:?}",
            later.advisories
        );
        assert!(!later.sessions.iter().any(|s| s.can_start_run));
    }
}
