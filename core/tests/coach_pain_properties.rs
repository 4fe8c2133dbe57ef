//! Issue 18's safety rules as properties over generated multi-week
//! histories (500 each): pain judged right over weeks, both ways. Each
//! names the article behind the rule.

mod coach_support;

use chrono::{Duration, NaiveDate, NaiveDateTime};
use coach_support::generators::*;
use coach_support::{at, catalogue, start};
use patella_core::coach::plan::{Advisory, HoldReason, WeekKind};
use patella_core::coach::{
    CoachConfig, History, Level, Plan, PlanWeek, Session, SessionResult, SessionType, build_plan,
};
use patella_core::pain::{CheckInMoment, RedFlag};
use proptest::prelude::*;

fn build(h: &History, weeks: u16) -> Plan<'static> {
    build_plan(h, weeks, catalogue(), &CoachConfig::default()).expect("a valid history plans")
}

fn longest(w: &PlanWeek<'_>) -> u32 {
    w.days
        .iter()
        .map(|d| d.running_seconds())
        .max()
        .unwrap_or(0)
}

fn has_run(p: &Plan<'_>, date: NaiveDate) -> bool {
    p.day(date)
        .is_some_and(|d| d.sessions.iter().any(|s| matches!(s, Session::Run(_))))
}

/// The score a day's run is judged by, read independently of the coach:
/// the latest check-in of an earlier day, or of the day itself taken before
/// the run; the profile's pain before any.
fn score_before_run(h: &History, date: NaiveDate) -> u8 {
    in_time_order(h)
        .iter()
        .rev()
        .find(|c| {
            let d = c.taken_at.date();
            d < date
                || d == date
                    && matches!(
                        c.moment,
                        CheckInMoment::BeforeRun | CheckInMoment::NextMorning
                    )
        })
        .map_or(h.profile.knee_pain, |c| c.score)
}

/// One value per day (its highest score), and the lower median of the
/// days of the 7 ending on `last`, when at least two have a check-in.
fn week_level(h: &History, last: NaiveDate) -> Option<u8> {
    let mut days: Vec<(NaiveDate, u8)> = h
        .check_ins
        .iter()
        .map(|c| (c.taken_at.date(), c.score))
        .filter(|(d, _)| *d <= last && *d > last - Duration::days(7))
        .collect();
    days.sort();
    let mut daily: Vec<u8> = Vec::new();
    let mut seen: Vec<NaiveDate> = Vec::new();
    for (d, s) in days.iter().rev() {
        if !seen.contains(d) {
            seen.push(*d);
            daily.push(*s);
        }
    }
    if daily.len() < 2 {
        return None;
    }
    daily.sort();
    Some(daily[(daily.len() - 1) / 2])
}

fn trend_held(p: &Plan<'_>, date: NaiveDate) -> bool {
    p.day(date).is_some_and(|d| {
        d.notes
            .iter()
            .any(|n| n.contains("until your pain settles"))
    })
}

/// Runs settled at 0-2 (two to four days a week) for 12 weeks, and one day
/// whose check-ins are anything at all but red flags or sharp pain.
fn settled_with_one_flare() -> impl Strategy<Value = History> {
    (
        proptest::collection::vec(
            (
                proptest::sample::subsequence(vec![0i64, 1, 2, 3, 4, 5, 6], 2..=4),
                proptest::collection::vec(0u8..=2, 7),
            ),
            12,
        ),
        0i64..84,
        proptest::collection::vec((6u32..22, 0u8..=10, moment()), 1..4),
    )
        .prop_map(|(weeks, flare_day, flare)| {
            let mut h = History::new(
                coach_support::regular(120, coach_support::distance_goal()),
                start(),
            );
            for (w, (days, scores)) in weeks.iter().enumerate() {
                for d in days {
                    let offset = 7 * w as i64 + d;
                    if offset == flare_day {
                        continue;
                    }
                    h.check_ins.push(coach_support::checkin(
                        offset,
                        scores[*d as usize],
                        CheckInMoment::AfterRun,
                    ));
                }
            }
            for (hour, score, moment) in flare {
                let mut c = coach_support::checkin(flare_day, score, moment);
                c.taken_at = at(flare_day, hour);
                h.check_ins.push(c);
            }
            h
        })
}

/// Red flags and clinician visits at any hour, so a visit can fall on the
/// day of a flag, before or after it.
fn flags_and_visits() -> impl Strategy<Value = History> {
    (
        profile(),
        proptest::collection::vec((0i64..60, 6u32..23), 1..3),
        proptest::collection::vec((0i64..60, 6u32..23), 0..3),
    )
        .prop_map(|(profile, flags, visits)| {
            let mut h = History::new(profile, start());
            for (offset, hour) in flags {
                let mut c = coach_support::flagged(offset, 3, RedFlag::Swelling);
                c.taken_at = at(offset, hour);
                h.check_ins.push(c);
            }
            h.clinician_visits = visits.into_iter().map(|(o, hr)| at(o, hr)).collect();
            h
        })
}

/// A flag is open on `date` when no visit came after it, up to that day.
fn flag_open(h: &History, flag: NaiveDateTime, date: NaiveDate) -> bool {
    flag.date() <= date
        && !h
            .clinician_visits
            .iter()
            .any(|v| *v >= flag && v.date() <= date)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    /// source: article 002 (above 5: scale back; running comes back in the
    /// zone). After any score above 5, no run until a check-in at 5 or below.
    #[test]
    fn no_run_after_a_score_above_five_until_a_check_in_in_the_zone(h in any_history()) {
        prop_assume!(h.validate().is_ok());
        let p = build(&h, 12);
        for d in p.weeks.iter().flat_map(|w| w.days.iter()) {
            if has_run(&p, d.date) {
                let score = score_before_run(&h, d.date);
                prop_assert!(score <= 5, "a run on {} after {score}/10", d.date);
            }
        }
    }

    /// source: article 002 (scale back time, distance and frequency). The
    /// week after pain above 5 has less running than the last week that
    /// ran, and no single run longer than that week's longest.
    #[test]
    fn a_step_back_week_has_less_running_and_no_longer_run(h in any_history()) {
        prop_assume!(h.validate().is_ok());
        let p = build(&h, 12);
        let holds = hold_starts(&h);
        for w in 1..p.weeks.len() {
            let week = &p.weeks[w];
            // The week after pain above 5. After a hold or a visit the
            // restart is measured from the last full week before it (its
            // own property below).
            let prev = p.weeks[w - 1].start;
            let in_prev = |d: NaiveDate| d >= prev && d < week.start;
            let pain = h.check_ins.iter().any(|c| c.score > 5 && in_prev(c.taken_at.date()));
            let visit = h.clinician_visits.iter().any(|v| in_prev(v.date()));
            if week.kind != WeekKind::StepBack || !pain || visit || holds.iter().any(|s| *s < week.start) {
                continue;
            }
            let Some(before) = p.weeks[..w].iter().rev().find(|b| b.running_seconds > 0) else { continue };
            prop_assert!(week.running_seconds == 0 || week.running_seconds < before.running_seconds,
                "week {} runs {} s after {} s: {:?}", w, week.running_seconds, before.running_seconds,
                p.weeks.iter().map(|x| (x.kind, x.running_seconds, x.ladder_stage, x.days.iter().filter(|d| d.running_seconds() > 0).count())).collect::<Vec<_>>());
            prop_assert!(longest(week) <= longest(before),
                "week {}: a run of {} s after a longest of {} s", w, longest(week), longest(before));
        }
    }

    /// source: article 002 (a trend is persistent). Settled pain with any
    /// single day of anything never starts a trend hold.
    #[test]
    fn no_single_day_starts_a_trend_hold(h in settled_with_one_flare()) {
        prop_assume!(h.validate().is_ok());
        let p = build(&h, 12);
        for d in p.weeks.iter().flat_map(|w| w.days.iter()) {
            prop_assert!(!trend_held(&p, d.date), "a trend hold on {}: {:?}", d.date, d.notes);
        }
        let trend = p.advisories.iter().any(|a| matches!(a, Advisory::SeeClinician { reason: HoldReason::Trend { .. }, .. }));
        prop_assert!(!trend, "{:?}", p.advisories);
    }

    /// source: article 002. A trend hold lifts once pain settles: no day is
    /// trend-held after two weeks, each with two days or more of check-ins,
    /// whose levels are at or below the settled 2/10.
    #[test]
    fn a_trend_hold_lifts_once_pain_settles(h in any_history()) {
        prop_assume!(h.validate().is_ok());
        let p = build(&h, 12);
        for d in p.weeks.iter().flat_map(|w| w.days.iter()) {
            let settled = [0, 7].iter().all(|back| {
                week_level(&h, d.date - Duration::days(*back)).is_some_and(|l| l <= 2)
            });
            prop_assert!(!(settled && trend_held(&p, d.date)), "held on {} though settled", d.date);
        }
    }

    /// source: article 002 (what the runner reports changes the plan from
    /// then on). A check-in never changes a day before its own.
    #[test]
    fn a_check_in_never_changes_a_day_before_its_own(h in any_history(), c in checkin()) {
        prop_assume!(h.validate().is_ok());
        let mut with = h.clone();
        with.check_ins.push(c.clone());
        prop_assume!(with.validate().is_ok());
        let (a, b) = (build(&h, 12), build(&with, 12));
        for (x, y) in a.weeks.iter().flat_map(|w| w.days.iter()).zip(b.weeks.iter().flat_map(|w| w.days.iter())) {
            if x.date >= c.taken_at.date() { break; }
            prop_assert_eq!(x, y, "{} changed by a check-in of {}", x.date, c.taken_at);
        }
    }

    /// source: article 002. At most one clinician advisory per open
    /// condition (red flags, recurring sharp pain, a trend).
    #[test]
    fn at_most_one_advisory_per_open_condition(h in any_history()) {
        prop_assume!(h.validate().is_ok());
        let p = build(&h, 12);
        let kinds: Vec<&'static str> = p.advisories.iter().filter_map(|a| match a {
            Advisory::SeeClinician { reason: HoldReason::RedFlags { .. }, .. } => Some("flags"),
            Advisory::SeeClinician { reason: HoldReason::SharpPain { .. }, .. } => Some("sharp"),
            Advisory::SeeClinician { reason: HoldReason::Trend { .. }, .. } => Some("trend"),
            _ => None,
        }).collect();
        for k in ["flags", "sharp", "trend"] {
            prop_assert!(kinds.iter().filter(|x| **x == k).count() <= 1, "{:?}", p.advisories);
        }
        let messages: Vec<&str> = p.advisories.iter().map(Advisory::message).collect();
        let mut unique = messages.clone();
        unique.sort();
        unique.dedup();
        prop_assert_eq!(unique.len(), messages.len());
    }

    /// source: article 002 (red flags: a clinician first). A visit releases
    /// only the flags reported before it: no run while a flag is open.
    #[test]
    fn a_visit_releases_only_earlier_flags(h in flags_and_visits()) {
        prop_assume!(h.validate().is_ok());
        let p = build(&h, 10);
        for d in p.weeks.iter().flat_map(|w| w.days.iter()) {
            let open = h.check_ins.iter().any(|c| flag_open(&h, c.taken_at, d.date));
            if open {
                prop_assert!(!has_run(&p, d.date), "a run on {} with a flag open", d.date);
            }
        }
    }

    /// source: article 002. After a visit the plan restarts one step (20%)
    /// below the last full week before the hold.
    #[test]
    fn the_restart_after_a_visit_is_one_step_below_the_last_full_week(
        minutes in 60u32..300, flag_week in 1i64..4, visit_after in 1i64..4,
    ) {
        let mut h = History::new(coach_support::regular(minutes, coach_support::distance_goal()), start());
        h.check_ins.push(coach_support::flagged(7 * flag_week + 1, 2, RedFlag::GivingWay));
        h.clinician_visits.push(at(7 * (flag_week + visit_after) + 2, 9));
        let weeks = u16::try_from(flag_week + visit_after + 2).unwrap_or(8);
        let h = coach_support::with_evidence(&h, weeks, 1);
        let p = build(&h, weeks);
        let full = &p.weeks[usize::try_from(flag_week - 1).unwrap_or(0)];
        let restart = p.weeks.iter().find(|w| i64::from(w.index) > flag_week && w.kind == WeekKind::StepBack);
        let restart = restart.expect("a step back after the visit");
        let step = (f64::from(full.running_seconds / 60) * 0.8).floor() as u32;
        prop_assert_eq!(restart.nominal_minutes, step, "after {} min", full.running_seconds / 60);
    }

    /// source: articles 000 and 002. A week's label agrees with its numbers:
    /// a build runs more than the week before, a lighter week less, and a
    /// week with no running is never a build, a lighter week or a repeat.
    #[test]
    fn week_labels_agree_with_week_numbers(h in any_history()) {
        prop_assume!(h.validate().is_ok());
        let p = build(&h, 12);
        for pair in p.weeks.windows(2) {
            let (before, week) = (&pair[0], &pair[1]);
            match week.kind {
                WeekKind::Build => prop_assert!(week.running_seconds > before.running_seconds, "week {}", week.index),
                WeekKind::Taper => prop_assert!(week.running_seconds < before.running_seconds, "week {}", week.index),
                WeekKind::Repeat | WeekKind::Maintain => prop_assert!(week.running_seconds > 0 || before.running_seconds == 0, "week {}", week.index),
                _ => {}
            }
        }
    }

    /// source: article 004 (strength progresses on work done). The phase
    /// never passes the recorded strength sessions: each week of the phase
    /// needs two done sessions (or all those planned, when fewer).
    #[test]
    fn the_strength_phase_never_passes_the_recorded_sessions(h in any_history()) {
        prop_assume!(h.validate().is_ok());
        let p = build(&h, 12);
        let config = CoachConfig::default();
        let mut weeks_done = 0u16;
        for w in &p.weeks {
            let needed = match w.strength_phase {
                Level::Foundation => 0,
                Level::Progression => config.foundation_weeks,
                Level::Advanced => config.advanced_after_weeks,
            };
            prop_assert!(weeks_done >= needed, "week {} at {:?} after {} weeks of recorded work", w.index, w.strength_phase, weeks_done);
            let done = w.days.iter().filter(|d| {
                h.outcomes.iter().any(|o| o.date == d.date && o.kind == SessionType::Strength && o.status == SessionResult::Done)
            }).count();
            weeks_done += u16::from(done >= 1);
        }
    }
}

/// The generators reach what the properties are about: step backs, trend
/// holds that lift, and flags released by a visit.
#[test]
fn the_pain_properties_see_their_cases() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let (mut step_backs, mut trend_holds) = (0, 0);
    for _ in 0..200 {
        let h = any_history()
            .new_tree(&mut runner)
            .expect("a history")
            .current();
        if h.validate().is_err() {
            continue;
        }
        let p = build(&h, 12);
        step_backs += usize::from(p.weeks.iter().any(|w| w.kind == WeekKind::StepBack));
        trend_holds += usize::from(
            p.weeks
                .iter()
                .flat_map(|w| w.days.iter())
                .any(|d| trend_held(&p, d.date)),
        );
    }
    assert!(
        step_backs >= 40,
        "only {step_backs} of 200 histories step back"
    );
    assert!(
        trend_holds >= 5,
        "only {trend_holds} of 200 histories hold for a trend"
    );
}
