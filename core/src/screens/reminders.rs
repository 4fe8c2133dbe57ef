//! The reminder schedule: local notifications for the next days, as dates,
//! times and texts, so that the apps register them and decide nothing.

use chrono::{Duration, NaiveDate, NaiveDateTime, NaiveTime};

use super::format::day_label;
use super::plan_text::day_summary;
use crate::coach::Plan;
use crate::coach::history::{History, SessionResult, SessionType};
use crate::store::Settings;

/// How many days ahead the schedule reaches (issue 11: the next 7 days).
pub const REMINDER_DAYS: u32 = 7;

/// What a reminder is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ffi", derive(uniffi::Enum))]
pub enum ReminderKind {
    /// The day's planned sessions.
    Plan,
    /// The check-in the morning after a run.
    MorningCheckIn,
}

/// One local notification for the app to register.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct Reminder {
    /// What it is for.
    pub kind: ReminderKind,
    /// Local date and time to show it, ISO-8601 ("2026-11-24T07:00:00").
    pub at: NaiveDateTime,
    /// A stable id per day and kind, so registering again replaces it
    /// rather than repeating it.
    pub id: String,
    /// The notification's title.
    pub title: String,
    /// The notification's text.
    pub body: String,
}

fn at(date: NaiveDate, minute: u16) -> Option<NaiveDateTime> {
    let time = NaiveTime::from_hms_opt(u32::from(minute / 60), u32::from(minute % 60), 0)?;
    Some(date.and_time(time))
}

/// The reminders after `now` for the `REMINDER_DAYS` days from `now`'s
/// date, in time order. A plan reminder comes on each day with sessions
/// still to do; a morning check-in reminder on each day after a planned
/// run that was not skipped. Settings that are off give none.
pub fn reminders(
    plan: &Plan<'_>,
    history: &History,
    settings: &Settings,
    now: NaiveDateTime,
) -> Vec<Reminder> {
    let mut out = Vec::new();
    for offset in 0..REMINDER_DAYS {
        let Some(date) = now
            .date()
            .checked_add_signed(Duration::days(i64::from(offset)))
        else {
            break;
        };
        if settings.plan_reminders
            && let Some(day) = plan.day(date)
            && day
                .sessions
                .iter()
                .any(|s| history.outcome(date, s.kind()).is_none())
            && let Some(when) = at(date, settings.plan_reminder_minute)
        {
            out.push(Reminder {
                kind: ReminderKind::Plan,
                at: when,
                id: format!("plan-{date}"),
                title: "Today's plan".to_owned(),
                body: format!("{}: {}.", day_label(date), day_summary(day)),
            });
        }
        let yesterday = date.checked_sub_signed(Duration::days(1));
        let ran = yesterday.is_some_and(|y| {
            plan.day(y)
                .is_some_and(|d| d.sessions.iter().any(|s| s.kind() == SessionType::Run))
                && history.outcome(y, SessionType::Run) != Some(SessionResult::Skipped)
        });
        if settings.check_in_reminders
            && ran
            && let Some(when) = at(date, settings.check_in_reminder_minute)
        {
            out.push(Reminder {
                kind: ReminderKind::MorningCheckIn,
                at: when,
                id: format!("check-in-{date}"),
                title: "Morning knee check-in".to_owned(),
                body: "How does your knee feel the morning after your run? A 10-second \
                       check-in keeps your plan right."
                    .to_owned(),
            });
        }
    }
    out.retain(|r| r.at > now);
    out.sort_by_key(|r| r.at);
    out
}
