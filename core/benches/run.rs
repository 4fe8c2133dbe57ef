//! Run engine benchmarks: the cost of one reading through a live session,
//! and a full one-hour session at 1 Hz (goal: at least a million times
//! faster than real time, i.e. under 3.6 ms).
#![allow(clippy::unwrap_used)]

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use patella_core::run::{RunConfig, RunSession, SessionPlan, TraceRow, replay};
use patella_core::sample::{CadenceSample, CadenceUnit};

const HOUR_S: u64 = 3_600;

/// Cadence of second `t` of an hour: in band, a drift below for 100 s, a
/// stop at a light, then in band again.
fn spm_at(t: u64) -> f64 {
    match t % HOUR_S {
        1_200..=1_300 => 156.0 + (t % 3) as f64,
        2_000..=2_040 => 0.0,
        _ => 169.0 + (t % 5) as f64,
    }
}

fn reading(t: u64) -> CadenceSample {
    let spm = spm_at(t);
    let speed = if spm > 0.0 { 3.0 } else { 0.0 };
    CadenceSample {
        at_ms: t * 1_000,
        source_id: "pod".to_owned(),
        cadence: spm / 2.0,
        unit: CadenceUnit::Unknown,
        speed_mps: Some(speed),
        stride_length_m: (spm > 0.0).then(|| speed * 120.0 / spm),
        gait: None,
        total_distance_m: None,
    }
}

fn plan() -> SessionPlan {
    SessionPlan::intervals(300, 1_500, 60, 2, 300).with_target(170.0)
}

fn per_sample(c: &mut Criterion) {
    // Long enough that a session never runs out within one timed batch.
    const BATCH_S: u64 = 4 * HOUR_S;
    const SETTLE_S: u64 = 60;
    let readings: Vec<CadenceSample> = (1..=SETTLE_S + BATCH_S).map(reading).collect();
    let plan = SessionPlan::continuous(0, (SETTLE_S + BATCH_S + 60) as u32, 0).with_target(170.0);
    c.bench_function(
        "run/push_sample in a run segment (1 Hz, detection, smoothing, alerts, overstride)",
        |b| {
            b.iter_custom(|iters| {
                let mut elapsed = Duration::ZERO;
                let mut left = iters;
                while left > 0 {
                    // Untimed: a fresh session, past the start-of-run grace.
                    let mut session = RunSession::new(plan.clone(), RunConfig::default()).unwrap();
                    session.start(0);
                    let (settle, timed) = readings.split_at(SETTLE_S as usize);
                    for r in settle {
                        session.push_sample(r).unwrap();
                    }
                    let n = left.min(BATCH_S);
                    let start = Instant::now();
                    for r in &timed[..n as usize] {
                        black_box(session.push_sample(black_box(r)).unwrap());
                    }
                    elapsed += start.elapsed();
                    left -= n;
                }
                elapsed
            });
        },
    );
}

fn one_hour(c: &mut Criterion) {
    let rows: Vec<TraceRow> = (1..=HOUR_S)
        .map(|t| TraceRow {
            line: t as usize + 1,
            sample: reading(t),
        })
        .collect();
    c.bench_function("run/replay one hour at 1 Hz (3600 readings)", |b| {
        b.iter(|| black_box(replay(black_box(&rows), plan(), RunConfig::default()).unwrap()));
    });
    let readings: Vec<CadenceSample> = (1..=HOUR_S).map(reading).collect();
    c.bench_function(
        "run/one hour as the app drives it (reading + tick + Run screen each second)",
        |b| {
            b.iter(|| {
                let mut session = RunSession::new(plan(), RunConfig::default()).unwrap();
                let mut events = session.start(0).len();
                for r in &readings {
                    events += session.push_sample(r).unwrap().len();
                    events += session.tick(r.at_ms).unwrap().len();
                    black_box(session.screen(r.at_ms));
                }
                black_box(events)
            });
        },
    );
}

/// One Run screen record and one timeline, mid-run with a sensor, a pending
/// knee check and a live band: what an app pays per redraw (Kotlin adds
/// about 40 µs of JNA per call on top).
fn per_redraw(c: &mut Criterion) {
    let mut session = RunSession::new(plan(), RunConfig::default()).unwrap();
    session.start(0);
    session.sensor_link("pod", patella_core::sample::SensorLink::Connected);
    session.sensor_battery("pod", 64);
    for t in 1..=900 {
        session.push_sample(&reading(t)).unwrap();
        session.tick(t * 1_000).unwrap();
    }
    c.bench_function("run/screen (one Run screen record)", |b| {
        b.iter(|| black_box(session.screen(black_box(900_500))));
    });
    c.bench_function("run/timeline (segment changes ahead)", |b| {
        b.iter(|| black_box(session.timeline(black_box(900_500))));
    });
}

criterion_group!(benches, per_sample, one_hour, per_redraw);
criterion_main!(benches);
