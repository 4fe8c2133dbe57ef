//! The plan-reminder schedule across the FFI: `Coach.reminders(now)`,
//! returning the core's `Reminder` records.

use crate::coach::Catalogue;
use crate::screens::reminders::{self as core_reminders, REMINDER_DAYS, Reminder};
use crate::store::Settings;

use crate::ffi::coach::{Coach, CoachError};
use crate::ffi::dates::parse_date_time;

#[uniffi::export]
impl Coach {
    /// The reminders after `now` (local ISO-8601 date and time) for the next
    /// 7 days, in time order, from the settings in the record (defaults for
    /// a coach without one). Without a profile there are none.
    pub fn reminders(&self, now: String) -> Result<Vec<Reminder>, CoachError> {
        let now = parse_date_time("now", &now)?;
        crate::ffi::coach::plausible("now", now.date())?;
        let settings = match self.journal.store() {
            Some(store) => {
                store
                    .with_records(|r| r.settings.clone())
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
        let plan = self.plan_through(history, last, now.date(), catalogue)?;
        Ok(core_reminders::reminders(&plan, history, &settings, now))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ffi::coach::tests::runner;
    use crate::ffi::coach::{SessionResult, SessionType};
    use crate::ffi::store::RecordStore;

    // Issue 11: the schedule covers the next 7 days, after `now`, in order,
    // and follows the settings.
    #[test]
    fn reminders_cover_seven_days_after_now_and_follow_the_settings() {
        let dir = tempfile::tempdir().expect("tempdir");
        let store = RecordStore::open(dir.path().to_string_lossy().into_owned()).expect("opens");
        let coach = Coach::open(store.clone()).expect("coach");
        assert!(
            coach
                .reminders("2026-11-23T06:00:00".into())
                .expect("none")
                .is_empty()
        );
        coach
            .save_profile(runner(), "2026-11-23".into())
            .expect("profile");
        let all = coach.reminders("2026-11-23T07:30:00".into()).expect("all");
        assert!(!all.is_empty());
        let local = |text: &str| {
            chrono::NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S").expect("a local time")
        };
        assert!(all.iter().all(|r| r.at > local("2026-11-23T07:30:00")));
        assert!(all.iter().all(|r| r.at < local("2026-11-30T00:00:00")));
        assert!(all.windows(2).all(|w| w[0].at <= w[1].at));
        assert!(
            !all.iter().any(|r| r.id == "plan-2026-11-23"),
            "07:00 on the first day has passed"
        );
        // Wednesday morning follows Tuesday's run; skipping it drops that one.
        assert!(all.iter().any(|r| r.id == "check-in-2026-11-25"));
        coach
            .mark_session(
                "2026-11-24".into(),
                SessionType::Run,
                SessionResult::Skipped,
            )
            .expect("skipped");
        let after_skip = coach.reminders("2026-11-23T07:30:00".into()).expect("all");
        assert!(!after_skip.iter().any(|r| r.id == "check-in-2026-11-25"));
        let mut settings = store.settings().expect("settings");
        settings.plan_reminders = false;
        settings.check_in_reminders = false;
        store.save_settings(settings).expect("saved");
        assert!(
            coach
                .reminders("2026-11-23T07:30:00".into())
                .expect("none")
                .is_empty()
        );
        let err = coach.reminders("tomorrow".into()).expect_err("bad time");
        assert!(err.to_string().contains("now"), "{err}");
    }
}
