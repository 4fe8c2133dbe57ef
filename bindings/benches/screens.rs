//! Each screen record built in Rust, as an app's one call per screen makes
//! it (issue 11, "Performance"): Today, Check-in, Plan (4 weeks), Progress,
//! Settings and the 7-day reminders, over the golden files' scripted day, and
//! Today and Plan 20 weeks into the plan, where the coach builds more weeks.
//!
//! Run: `cargo bench -p patella-ffi --bench screens`.

#[path = "../tests/screens_support/mod.rs"]
mod screens_support;

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use patella_ffi::pain::CheckInMoment;
use patella_ffi::screens::check_in_screen;

fn screens(c: &mut Criterion) {
    let Ok(tmp) = tempfile::tempdir() else {
        return;
    };
    let (store, coach) = screens_support::scripted_day(&tmp.path().to_string_lossy());
    let mut g = c.benchmark_group("screen");
    g.measurement_time(Duration::from_secs(3));
    g.bench_function("today", |b| {
        b.iter(|| coach.today_screen(black_box("2026-11-25".into())))
    });
    g.bench_function("today_week_21", |b| {
        b.iter(|| coach.today_screen(black_box("2027-04-14".into())))
    });
    g.bench_function("check_in", |b| {
        b.iter(|| check_in_screen(black_box(CheckInMoment::NextMorning)))
    });
    g.bench_function("plan_4_weeks", |b| {
        b.iter(|| coach.plan_screen(black_box("2026-11-25".into()), 4))
    });
    g.bench_function("plan_4_weeks_from_week_21", |b| {
        b.iter(|| coach.plan_screen(black_box("2027-04-14".into()), 4))
    });
    g.bench_function("progress", |b| {
        b.iter(|| store.progress_screen(black_box("2026-11-25".into())))
    });
    g.bench_function("settings", |b| b.iter(|| store.settings_screen()));
    g.bench_function("reminders_7_days", |b| {
        b.iter(|| coach.reminders(black_box("2026-11-25T06:00:00".into())))
    });
    g.finish();
}

criterion_group!(benches, screens);
criterion_main!(benches);
