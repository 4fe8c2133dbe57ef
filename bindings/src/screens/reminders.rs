//! The plan-reminder schedule across the FFI: `Coach.reminders(now)`.

use patella_core::coach::Catalogue;
use patella_core::screens::reminders::{self as core_reminders, REMINDER_DAYS};
use patella_core::store::Settings;

use crate::coach::{Coach, CoachError};
use crate::dates::{format_date_time, parse_date_time};

/// What a reminder is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ReminderKind {
    /// The day's planned sessions.
    Plan,
    /// The check-in the morning after a run.
    MorningCheckIn,
}

/// One local notification for the app to register.
#[derive(Debug, Clone, PartialEq, uniffi::Record, serde::Serialize)]
pub struct ReminderState {
    /// What it is for.
    pub kind: ReminderKind,
    /// Local date and time to show it, ISO-8601 ("2026-11-24T07:00:00").
    pub at: String,
    /// A stable id per day and kind: registering again replaces it.
    pub id: String,
    /// The notification's title.
    pub title: String,
    /// The notification's text.
    pub body: String,
}

#[uniffi::export]
impl Coach {
    /// The reminders after `now` (local ISO-8601 date and time) for the next
    /// 7 days, in time order, from the settings in the record (defaults for
    /// a coach without one). Without a profile there are none.
    pub fn reminders(&self, now: String) -> Result<Vec<ReminderState>, CoachError> {
        let now = parse_date_time("now", &now)?;
        crate::coach::plausible("now", now.date())?;
        let settings = match &self.record {
            Some(store) => {
                store
                    .records_view(|r| r.settings.clone())
                    .map_err(|e| CoachError::Record {
                        detail: e.to_string(),
                    })?
            }
            None => Settings::default(),
        };
        let catalogue = Catalogue::builtin()?;
        let guard = self.lock()?;
        let Some(history) = guard.as_ref() else {
            return Ok(Vec::new());
        };
        let last = now
            .date()
            .checked_add_signed(chrono::Duration::days(i64::from(REMINDER_DAYS)))
            .unwrap_or(now.date());
        if last < history.plan_start {
            return Ok(Vec::new());
        }
        let plan = self.plan_through(history, last, catalogue)?;
        Ok(core_reminders::reminders(&plan, history, &settings, now)
            .into_iter()
            .map(|r| ReminderState {
                kind: match r.kind {
                    core_reminders::ReminderKind::Plan => ReminderKind::Plan,
                    core_reminders::ReminderKind::MorningCheckIn => ReminderKind::MorningCheckIn,
                },
                at: format_date_time(r.at),
                id: r.id,
                title: r.title,
                body: r.body,
            })
            .collect())
    }
}
