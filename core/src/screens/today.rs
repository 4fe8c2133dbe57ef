//! The Today screen: the day's sessions with what became of them and what
//! the runner may do next, every exercise with its dose and how-to cues,
//! whether a check-in is due, and the plan's advisories as sentences.

use chrono::{Duration, NaiveDate};

use super::format::{activities, day_label, dose, long_day_label, phase, session_title};
use super::plan_text::{break_option, day_summary, run_summary};
use crate::coach::history::{History, SessionResult, SessionType};
use crate::coach::plan::{DISCLAIMER, PlannedExercise, WeekKind};
use crate::coach::{Plan, Session};
use crate::pain::CheckInMoment;
use crate::words::duration;

/// What became of a planned session so far.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ffi", derive(uniffi::Enum))]
pub enum TodayStatus {
    /// Not done or skipped yet.
    Planned,
    /// Marked done.
    Done,
    /// Marked skipped.
    Skipped,
}

/// Which part of a session an exercise belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ffi", derive(uniffi::Enum))]
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
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct TodayExercise {
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
    /// The catalogue exercise this one stands in for, in words, when it is a swap.
    pub instead_of: Option<String>,
}

/// One planned session of the day, with the buttons it allows.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct TodaySession {
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
    pub exercises: Vec<TodayExercise>,
}

/// A check-in the runner is asked for now.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct CheckInDue {
    /// The moment the check-in form should open with.
    pub moment: CheckInMoment,
    /// The sentence that asks for it.
    pub prompt: String,
}

/// The Today screen.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct TodayScreen {
    /// The day shown, ISO-8601.
    pub date: NaiveDate,
    /// The day in words: "Tuesday 24 November 2026".
    pub title: String,
    /// What the day holds, in a few words; empty when there is no plan.
    pub summary: String,
    /// Why the day looks as it does (a knee restriction), one sentence each.
    pub notes: Vec<String>,
    /// The day's sessions, in order.
    pub sessions: Vec<TodaySession>,
    /// The check-in the runner is asked for now, if any.
    pub check_in_due: Option<CheckInDue>,
    /// Holds and suggestions to see a clinician, one sentence each.
    pub advisories: Vec<String>,
    /// Shown instead of sessions when there are none (no profile, rest day).
    pub empty_state: Option<String>,
    /// The guidance-not-diagnosis line.
    pub disclaimer: String,
}

/// Shown before the runner has a profile, so there is no plan yet.
pub const NO_PROFILE: &str =
    "No plan yet. Set up your running profile and Patella will build your first week.";

/// Shown on a day with nothing planned.
pub const REST_DAY: &str =
    "Rest day: nothing planned. Recovery is part of the plan; an easy walk is fine.";

/// Shown on a day before the plan starts.
pub const BEFORE_PLAN: &str = "Your plan has not started yet.";

/// The screen before any plan exists (no profile, or before its start).
pub fn empty(date: NaiveDate, message: &str) -> TodayScreen {
    TodayScreen {
        date,
        title: long_day_label(date),
        summary: String::new(),
        notes: Vec::new(),
        sessions: Vec::new(),
        check_in_due: None,
        advisories: Vec::new(),
        empty_state: Some(message.to_owned()),
        disclaimer: DISCLAIMER.to_owned(),
    }
}

/// The Today screen for `date`, from a plan that reaches it and the history
/// that built it.
pub fn today_screen(plan: &Plan<'_>, history: &History, date: NaiveDate) -> TodayScreen {
    let Some(day) = plan.day(date) else {
        return empty(date, BEFORE_PLAN);
    };
    let sessions: Vec<TodaySession> = day
        .sessions
        .iter()
        .map(|s| session(s, history.outcome(date, s.kind())))
        .collect();
    let mut advisories: Vec<String> = Vec::new();
    if let Some(week) = plan.week_of(date)
        && week.kind == WeekKind::Hold
    {
        advisories.push(hold_sentence(&week.reasons));
    }
    advisories.extend(plan.advisories.iter().map(|a| a.message().to_owned()));
    TodayScreen {
        date,
        title: long_day_label(date),
        summary: capitalised(&day_summary(day)),
        notes: day.notes.clone(),
        empty_state: sessions.is_empty().then(|| REST_DAY.to_owned()),
        sessions,
        check_in_due: check_in_due(history, date),
        advisories,
        disclaimer: DISCLAIMER.to_owned(),
    }
}

fn hold_sentence(reasons: &[String]) -> String {
    let mut text = "This week your plan holds at its current level.".to_owned();
    for reason in reasons {
        let reason = reason.trim();
        text.push(' ');
        text.push_str(&capitalised(reason));
        if !reason.ends_with('.') {
            text.push('.');
        }
    }
    text
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn session(s: &Session<'_>, outcome: Option<SessionResult>) -> TodaySession {
    let status = match outcome {
        None => TodayStatus::Planned,
        Some(SessionResult::Done) => TodayStatus::Done,
        Some(SessionResult::Skipped) => TodayStatus::Skipped,
    };
    let open = status == TodayStatus::Planned;
    let (summary, notes, exercises) = match s {
        Session::Run(r) => (
            capitalised(&run_summary(r)),
            r.cross_training_option
                .iter()
                .map(|c| capitalised(&break_option(c)) + ".")
                .collect(),
            exercises(&r.warm_up, ExercisePart::WarmUp)
                .chain(exercises(&r.cool_down, ExercisePart::CoolDown))
                .collect(),
        ),
        Session::Strength(st) => (
            format!("{} exercises, {}", st.exercises.len(), phase(st.phase)),
            Vec::new(),
            exercises(&st.exercises, ExercisePart::Strength).collect(),
        ),
        Session::KneeRoutine { exercises: list } => (
            // The routine leaves out what the day's other sessions hold, so
            // it may be moves only (a run day) or stretches only (a
            // strength day): the summary says which.
            match list.iter().filter(|e| e.exercise.kind.is_stretch()).count() {
                0 => format!("{} gentle moves", list.len()),
                s if s == list.len() => format!("{s} stretches"),
                _ => format!("{} gentle moves, then stretches", list.len()),
            },
            Vec::new(),
            exercises(list, ExercisePart::KneeRoutine).collect(),
        ),
        Session::CrossTraining { training, reason } => (
            format!(
                "{} of {} instead of running",
                duration(training.minutes.saturating_mul(60)),
                activities(&training.options)
            ),
            vec![reason.clone()],
            Vec::new(),
        ),
    };
    TodaySession {
        session: s.kind(),
        title: session_title(s.kind()).to_owned(),
        summary,
        notes,
        status,
        status_label: match status {
            TodayStatus::Planned => "To do",
            TodayStatus::Done => "Done",
            TodayStatus::Skipped => "Skipped",
        }
        .to_owned(),
        can_start_run: open && s.kind() == SessionType::Run,
        can_mark_done: open,
        can_mark_skipped: open,
        exercises,
    }
}

fn exercises<'a>(
    list: &'a [PlannedExercise<'_>],
    part: ExercisePart,
) -> impl Iterator<Item = TodayExercise> + 'a {
    list.iter().map(move |p| TodayExercise {
        id: p.exercise.id.clone(),
        name: p.exercise.name.clone(),
        part,
        part_label: match part {
            ExercisePart::WarmUp => "Warm-up",
            ExercisePart::CoolDown => "Cool-down",
            ExercisePart::Strength => "Strength",
            ExercisePart::KneeRoutine => "Knee routine",
        }
        .to_owned(),
        dose: dose(&p.exercise.dose),
        cues: p.exercise.cues.clone(),
        instead_of: p.instead_of.map(|id| id.replace('_', " ")),
    })
}

/// Which check-in, if any, the runner is asked for on `date`. Project's
/// choice, following article 002's advice to rate the knee after running and
/// again the next morning: after a run marked done today with no after-run
/// check-in yet, that one; otherwise, the morning after a run marked done,
/// the next-morning check-in until it is in.
pub fn check_in_due(history: &History, date: NaiveDate) -> Option<CheckInDue> {
    let ran_on = |d: NaiveDate| history.outcome(d, SessionType::Run) == Some(SessionResult::Done);
    let checked = |m: CheckInMoment| {
        history
            .check_ins
            .iter()
            .any(|c| c.moment == m && c.taken_at.date() == date)
    };
    if ran_on(date) && !checked(CheckInMoment::AfterRun) {
        return Some(CheckInDue {
            moment: CheckInMoment::AfterRun,
            prompt: "You ran today: how is your knee now? Rate it from 0 to 10.".to_owned(),
        });
    }
    let yesterday = date.checked_sub_signed(Duration::days(1))?;
    if ran_on(yesterday) && !checked(CheckInMoment::NextMorning) {
        return Some(CheckInDue {
            moment: CheckInMoment::NextMorning,
            prompt: format!(
                "The morning after your run on {}: how does your knee feel? Rate it from 0 to 10.",
                day_label(yesterday)
            ),
        });
    }
    None
}
