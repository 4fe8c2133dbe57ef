//! The store at scale: five years of daily check-ins and four runs a week.
//!
//! Goals: opening the store (the whole record read into memory) in at most
//! 5 ms and with today's progress view well under 50 ms (issue 6); saving a
//! check-in, committed and synced, in at most 1 ms on a real disk, about the
//! same on an empty store as on a 5-year one.
//!
//! Figures (SQLite store, shared 2-core VM; 1826
//! check-ins, 1044 runs with 80-point traces, 782 sessions):
//! - load about 1 (this VM's timings wander by a third between runs): open
//!   only 2.6-2.9 ms; open + today's progress view 2.7-3.2 ms; the view
//!   alone 0.14-0.18 ms; open + the Today screen (the coach's plan rebuilt
//!   over 261 weeks of history) 5.2-6.7 ms. Reading the database mapped
//!   (`mmap_size`) gave 4.7-7.9 ms against 5.5-6.7 ms unmapped, alternated
//!   in one session: no clear gain, so it was left out (a mapped read of a
//!   failing disk stops the process instead of returning an error).
//! - save one check-in (one synced transaction): 0.17-0.2 ms on the empty
//!   store, 0.27-0.98 ms on the 5-year one; the spread is the disk.

use std::hint::black_box;
use std::time::Duration;

use chrono::{Days, NaiveDate};
use criterion::{Criterion, criterion_group, criterion_main};
use patella_core::coach::profile::CurrentRunning;
use patella_core::coach::record::load_history;
use patella_core::coach::{
    Catalogue, CoachConfig, ExperienceLevel, Profile, RunningGoal, build_plan_as_of,
};
use patella_core::journal::Journal;
use patella_core::pain::{CheckIn, CheckInMoment};
use patella_core::progress::{ProgressConfig, progress_view};
use patella_core::screens::today::today_screen;
use patella_core::store::{CadencePoint, Outcome, Records, RunRecord, SessionRecord, Store};

fn start() -> NaiveDate {
    NaiveDate::from_ymd_opt(2021, 1, 4).expect("date")
}

fn day(n: u64) -> NaiveDate {
    start().checked_add_days(Days::new(n)).expect("date")
}

fn check_in(n: u64) -> CheckIn {
    CheckIn {
        taken_at: day(n).and_hms_opt(7, 30, 0).expect("time"),
        score: (n % 7) as u8,
        moment: if n.is_multiple_of(2) {
            CheckInMoment::NextMorning
        } else {
            CheckInMoment::AfterRun
        },
        quality: None,
        location: None,
        red_flags: Vec::new(),
    }
}

/// Five years: a check-in every day, runs on four days a week (40 minutes,
/// a 30-second cadence trace), strength sessions on two others.
fn five_years() -> Records {
    let days = 5 * 365 + 1;
    let mut records = Records::default();
    for n in 0..days {
        records.check_ins.push(check_in(n));
        match n % 7 {
            0 | 2 | 4 | 5 => records.runs.push(RunRecord {
                id: format!("run-{n:05}"),
                started_at: day(n).and_hms_opt(6, 45, 0).expect("time"),
                duration_s: 2400,
                distance_m: 6000 + (n % 13) as u32 * 100,
                average_cadence_spm: Some(166.0 + (n % 9) as f64),
                target_cadence_spm: Some(172.0),
                marks: Default::default(),
                cadence_trace: (0..80)
                    .map(|i| CadencePoint {
                        at_s: i * 30,
                        steps_per_min: 165.0 + f64::from(i % 12),
                    })
                    .collect(),
            }),
            _ => records.sessions.push(SessionRecord {
                date: day(n),
                session_id: format!("strength-{n}"),
                outcome: Outcome::Done,
            }),
        }
    }
    records
}

/// A runner who has run three days a week all along.
fn runner() -> Profile {
    Profile {
        experience: ExperienceLevel::Regular,
        current: CurrentRunning {
            weekly_minutes: Some(90),
            weekly_km: None,
            days_per_week: 3,
            preferred_days: vec![
                chrono::Weekday::Mon,
                chrono::Weekday::Wed,
                chrono::Weekday::Sat,
            ],
        },
        goal: RunningGoal::Continuous15Minutes,
        equipment: vec![],
        risk_factors: Default::default(),
        knee_pain: 0,
        strength_days_per_week: None,
        cadence_baseline_spm: None,
    }
}

fn bench_store(c: &mut Criterion) {
    let big = tempfile::tempdir().expect("tempdir");
    let records = five_years();
    {
        let store = std::sync::Arc::new(Store::open(big.path()).expect("opens"));
        store.import(&records).expect("seeded");
        let mut history = None;
        Journal::new(store)
            .save_profile(&mut history, runner(), start())
            .expect("the runner's profile");
    }
    let today = day(5 * 365);
    let config = ProgressConfig::default();

    // What the app does at launch: open the record and build the Today
    // screen, the coach's plan rebuilt from five years of history.
    let catalogue = Catalogue::builtin().expect("catalogue");
    let coach = CoachConfig::default();
    c.bench_function("open store (5 years) + the Today screen", |b| {
        b.iter(|| {
            let store = Store::open(big.path()).expect("opens");
            let history = load_history(&store).expect("history").expect("a runner");
            let weeks =
                u16::try_from((today - history.plan_start).num_days() / 7 + 1).expect("weeks");
            let plan = build_plan_as_of(&history, weeks, catalogue, &coach, today).expect("plan");
            black_box(today_screen(&plan, &history, today).sessions.len())
        })
    });

    c.bench_function("open store (5 years) + today's progress view", |b| {
        b.iter(|| {
            let store = Store::open(big.path()).expect("opens");
            let view = store
                .with_records(|r| progress_view(r, today, &config))
                .expect("view");
            black_box(view.weekly_volume.len())
        })
    });

    c.bench_function("open store (5 years) only", |b| {
        b.iter(|| black_box(Store::open(big.path()).expect("opens").warnings().len()))
    });
    c.bench_function("today's progress view only (5 years)", |b| {
        b.iter(|| black_box(progress_view(&records, today, &config).weekly_volume.len()))
    });

    // Every save is a new check-in (after the five years): the store keeps
    // a repeated one once without writing, which would measure nothing.
    let after = day(5 * 365 + 1).and_hms_opt(0, 0, 0).expect("time");
    let fresh = |n: u64| CheckIn {
        taken_at: after + chrono::Duration::seconds(n as i64),
        ..check_in(n % 1800)
    };
    let mut n = 10_000;
    // The empty store goes first, so that the large one does not get the
    // quieter disk of running second.
    let empty = tempfile::tempdir().expect("tempdir");
    let store = Store::open(empty.path()).expect("opens");
    c.bench_function("save one check-in (empty store)", |b| {
        b.iter(|| {
            n += 1;
            store.add_check_in(&fresh(n)).expect("saved")
        })
    });
    drop(store);

    let store = Store::open(big.path()).expect("opens");
    c.bench_function("save one check-in (5 years of history)", |b| {
        b.iter(|| {
            n += 1;
            store.add_check_in(&fresh(n)).expect("saved")
        })
    });
    // The figure the issue asks for: one check-in, committed and synced
    // (`synchronous = FULL`) before the call returns, into a 5-year record.
    c.bench_function("save a check-in (synced)", |b| {
        b.iter(|| {
            n += 1;
            store.add_check_in(&fresh(n)).expect("saved")
        })
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20).measurement_time(Duration::from_secs(4));
    targets = bench_store
}
criterion_main!(benches);
