//! A sample runner's record for the report tests and the README's report
//! screenshot, made by the real engine: each run is a planned run/walk
//! session driven second by second through `RunSession` (cadence that sags
//! in a run segment and comes back, check-ins between segments), finished,
//! and kept with `Store::complete_run`, as an app keeps it. Morning
//! check-ins fill the pain chart.

use std::path::Path;

use chrono::{Duration, NaiveDate, NaiveDateTime};
use patella_core::pain::{CheckIn, CheckInMoment};
use patella_core::run::{RunConfig, RunSession, SessionPlan};
use patella_core::sample::{CadenceSample, CadenceUnit};
use patella_core::store::{Outcome, RunRecord, SessionRecord, Store};

/// The day the sample's last run falls on; its progress is drawn as of it.
pub const LAST_DAY: (i32, u32, u32) = (2026, 11, 28);
/// The id of the sample's last run, the one with an alert and a 6/10.
pub const LAST_RUN: &str = "sample-run-12";

pub fn last_day() -> NaiveDate {
    let (y, m, d) = LAST_DAY;
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

fn at(day: NaiveDate, h: u32, m: u32) -> NaiveDateTime {
    day.and_hms_opt(h, m, 0).unwrap_or_default()
}

fn check_in(taken_at: NaiveDateTime, score: i64, moment: CheckInMoment) -> CheckIn {
    match CheckIn::new(taken_at, score, moment, None, None, vec![]) {
        Ok(c) => c,
        Err(e) => panic!("sample check-in: {e}"),
    }
}

/// Whether second `t` of a run/walk plan (`warm_up_s`, then `run_s` and
/// `walk_s` in turn) falls in a run segment.
fn running_at(t: u64, warm_up_s: u64, run_s: u64, walk_s: u64, repeats: u64) -> bool {
    t > warm_up_s
        && t <= warm_up_s + repeats * (run_s + walk_s)
        && (t - warm_up_s - 1) % (run_s + walk_s) < run_s
}

/// One planned run, driven through the engine: running cadence in run
/// segments, walking cadence elsewhere. `sag` is the span of seconds where
/// the running cadence drops to 152; `check_ins` are (second, score).
fn drive(
    plan: SessionPlan,
    run_s: u64,
    started_at: NaiveDateTime,
    sag: std::ops::Range<u64>,
    check_ins: &[(u64, i64)],
) -> (patella_core::run::RunSessionSummary, Vec<CheckIn>) {
    let total = plan.total_s();
    let mut session = match RunSession::new(plan, RunConfig::default()) {
        Ok(s) => s,
        Err(e) => panic!("sample plan: {e}"),
    };
    let base = 1_000_000;
    session.start(base);
    let mut taken = Vec::new();
    // After a score above the buffer zone the runner walks, as told.
    let mut walking_from = u64::MAX;
    for t in 1..=total {
        let now = base + t * 1_000;
        // A slow wobble, as a real runner's cadence has.
        let wobble = 2.5 * (t as f64 / 47.0).sin();
        let running = t < walking_from && running_at(t, 300, run_s, 120, 4);
        let spm = if !running {
            116.0
        } else if sag.contains(&t) {
            152.0
        } else {
            170.0
        } + wobble;
        let sample = CadenceSample {
            at_ms: now,
            source_id: "sample-pod".to_owned(),
            cadence: spm,
            unit: CadenceUnit::StepsPerMinute,
            speed_mps: Some(if running { 2.6 } else { 1.5 }),
            stride_length_m: None,
            gait: None,
            total_distance_m: None,
        };
        let pushed = session.push_sample(&sample).and_then(|_| session.tick(now));
        if let Err(e) = pushed {
            panic!("sample run at {t} s: {e}");
        }
        if let Some(&(_, score)) = check_ins.iter().find(|(s, _)| *s == t) {
            let c = check_in(
                started_at + Duration::seconds(t as i64),
                score,
                CheckInMoment::DuringRun,
            );
            taken.push(c.clone());
            if score > 5 {
                walking_from = t;
            }
            if let Err(e) = session.check_in(now, c) {
                panic!("sample check-in at {t} s: {e}");
            }
        }
    }
    match session.finish(base + total * 1_000) {
        Ok((summary, _)) => (summary, taken),
        Err(e) => panic!("sample finish: {e}"),
    }
}

/// Fills `dir` with four weeks of a runner's record ending on [`last_day`]:
/// three run/walk sessions a week, growing, and a morning check-in after
/// each. Returns the ids of the runs, oldest first.
pub fn seed(dir: &Path) -> Vec<String> {
    let store = match Store::open(dir) {
        Ok(s) => s,
        Err(e) => panic!("sample store: {e}"),
    };
    let first = last_day() - Duration::days(25);
    let mut ids = Vec::new();
    for n in 0..12u32 {
        let week = n / 3;
        let day = first + Duration::days(i64::from(week * 7 + [0, 2, 4][(n % 3) as usize]));
        let started_at = at(day, 7, 30);
        // The running grows by 20 s a week: the weekly distance stays within
        // the 10% cap, as a runner following the plan would.
        let run_s = 60 + 20 * week;
        let plan = SessionPlan::intervals(300, run_s, 120, 4, 300).with_target(170.0);
        let last = n == 11;
        // A run segment sags in a few runs (the second one in the last run,
        // which has a check-in of 6 after it, walks from there, and eases
        // to 4 in the cool-down).
        let sagging = match (n % 4, last) {
            (_, true) => Some(1),
            (3, _) => Some(2),
            _ => None,
        };
        let sag = sagging.map_or(0..0, |k: u32| {
            let from = u64::from(300 + k * (run_s + 120));
            from + 10..from + u64::from(run_s) - 10
        });
        let after_run1 = u64::from(300 + run_s) + 20;
        let after_run2 = u64::from(300 + 2 * run_s + 120) + 20;
        // The 6 is above the buffer zone: the runs left become walks.
        let cool_down = u64::from(300 + 4 * (run_s + 120));
        let scores: Vec<(u64, i64)> = if last {
            vec![(after_run2, 6), (cool_down + 60, 4)]
        } else {
            vec![(after_run1, i64::from(1 + n % 3))]
        };
        let (summary, taken) = drive(plan, u64::from(run_s), started_at, sag, &scores);
        let id = format!("sample-run-{}", n + 1);
        let run = match RunRecord::kept(&id, started_at, &summary) {
            Ok(r) => r,
            Err(e) => panic!("sample run {id}: {e}"),
        };
        let outcome = SessionRecord {
            date: day,
            session_id: format!("run-{day}"),
            outcome: Outcome::Done,
        };
        if let Err(e) = store.complete_run(&run, &taken, Some(&outcome)) {
            panic!("keeping {id}: {e}");
        }
        let morning = check_in(
            at(day + Duration::days(1), 8, 0),
            i64::from([1, 2, 1, 3][(n % 4) as usize] + u32::from(last) * 2),
            CheckInMoment::NextMorning,
        );
        if let Err(e) = store.add_check_in(&morning) {
            panic!("morning check-in: {e}");
        }
        ids.push(id);
    }
    ids
}
