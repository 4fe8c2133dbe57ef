//! `Coach.todayScreen(date)`: the core's Today screen record.

use crate::coach::Catalogue;
use crate::screens::today::{self as core_today, TodayScreen};

use crate::ffi::coach::{Coach, CoachError, parse_date};

#[uniffi::export]
impl Coach {
    /// The Today screen for `date` (ISO-8601). Without a profile, or before
    /// the plan starts, it says so in `empty_state` rather than failing.
    pub fn today_screen(&self, date: String) -> Result<TodayScreen, CoachError> {
        let day = parse_date("date", &date)?;
        let catalogue = Catalogue::builtin()?;
        let guard = self.lock()?;
        let Some(history) = guard.as_ref() else {
            return Ok(core_today::empty(day, core_today::NO_PROFILE));
        };
        if day < history.plan_start {
            return Ok(core_today::empty(day, core_today::BEFORE_PLAN));
        }
        let plan = self.plan_through(history, day, day, catalogue)?;
        Ok(core_today::today_screen(&plan, history, day))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ffi::coach::tests::runner;
    use crate::ffi::coach::{SessionResult, SessionType};
    use crate::ffi::pain::CheckInEntry;
    use crate::ffi::pain::CheckInMoment;
    use crate::screens::today::TodayStatus;

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
            .record_check_in(CheckInEntry {
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
            .record_check_in(CheckInEntry {
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
