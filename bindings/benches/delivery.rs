//! The sensor delivery path, end to end (issue 10, "Performance of the new
//! delivery path"): the fake BlueZ notifies an RSC packet, btleplug carries
//! it over a private D-Bus, the library stamps it, applies it to a
//! `RunSession`, and the session's events reach a `RunObserver` on the
//! delivery thread.
//!
//! Reported, in steady state at the fake's rate (4 Hz by default):
//! - latency from the fake's send to the sample applied in the session
//!   (p50, p99, max), and to the observer call for sample-driven events;
//! - thread wake-ups (voluntary context switches of every thread of this
//!   process) per notification, and those of each thread by name;
//! - CPU time of the process, scaled to an hour of run.
//!
//! Goals from the issue: p99 <= 1 ms, <= 1.5 wake-ups per notification,
//! <= 3 s CPU per hour.
//!
//! Run: `cargo bench -p patella-ffi --bench delivery` (needs dbus-daemon
//! and python3-dbus-fast, as the BLE tests do). `PATELLA_BENCH_SECONDS`
//! sets the measured window (default 60), `PATELLA_BENCH_HZ` the rate.
//!
//! Cross-process latency needs one clock on both sides: the fake logs
//! `time.monotonic_ns()` (CLOCK_MONOTONIC) at each send, and on Linux Rust's
//! `Instant` reads the same clock; its value is read from its `Debug` form,
//! since std exposes no other safe way.

#[allow(dead_code)]
#[path = "../../core/tests/ble_harness/mod.rs"]
mod ble_harness;

use std::collections::BTreeMap;
use std::process::Command;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use patella_core::sample::{CadenceSample, MonoMs, SampleSink};
use patella_core::sensor::ble::{BleConfig, BleTimeouts};
use patella_core::sensor::supervisor::SupervisorConfig;
use patella_ffi::clock::monotonic_now_ms;
use patella_ffi::run::{RunEvent, RunObserver, RunPlan, RunSegment, RunSegmentKind, RunSession};
use patella_ffi::sensor::SensorClient;

const CHILD_ENV: &str = "PATELLA_DELIVERY_BENCH_CHILD";

fn main() {
    if std::env::var_os(CHILD_ENV).is_some() {
        measure();
        return;
    }
    // `cargo bench` passes `--bench`; `cargo test --all-targets` does not,
    // and a minute-long measurement has no place in a test run.
    if !std::env::args().any(|a| a == "--bench") {
        println!("delivery bench: run it with `cargo bench -p patella-ffi --bench delivery`");
        return;
    }
    drive();
}

fn env_u64(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// The parent: starts the bus and the fake, runs the measurement in a child
/// (libdbus reads the bus address once per process), then joins the fake's
/// send times with the child's arrival times.
fn drive() {
    let hz = env_u64("PATELLA_BENCH_HZ", 4).max(1);
    let interval = format!("{}", 1.0 / hz as f64);
    let bus = ble_harness::FakeBluez::start(&["--interval", &interval, "--stamp"]);
    let exe = std::env::current_exe().expect("own path");
    let out = Command::new(exe)
        .env(CHILD_ENV, "1")
        .env("DBUS_SYSTEM_BUS_ADDRESS", bus.address())
        .output()
        .expect("run the measurement");
    let child = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        out.status.success(),
        "measurement failed:\n{child}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let sent: Vec<u64> = bus
        .log()
        .lines()
        .filter_map(|l| l.strip_prefix("SENT "))
        .filter_map(|l| l.split_once(' '))
        .filter_map(|(_, ns)| ns.trim().parse().ok())
        .collect();
    report(&child, &sent);
}

fn report(child: &str, sent: &[u64]) {
    let mut applied = Vec::new();
    let mut events = Vec::new();
    for line in child.lines() {
        let mut parts = line.split_whitespace();
        match (parts.next(), parts.next(), parts.next()) {
            (Some("APPLIED"), Some(i), Some(ns)) => {
                applied.push((
                    i.parse::<usize>().unwrap_or(0),
                    ns.parse::<u64>().unwrap_or(0),
                ));
            }
            (Some("EVENT"), Some(i), Some(ns)) => {
                println!(
                    "sample-driven event: {}",
                    line.split_whitespace().nth(3).unwrap_or("?")
                );
                events.push((
                    i.parse::<usize>().unwrap_or(0),
                    ns.parse::<u64>().unwrap_or(0),
                ));
            }
            _ => {}
        }
    }
    let latency = |pairs: &[(usize, u64)]| -> Vec<u64> {
        let mut v: Vec<u64> = pairs
            .iter()
            .filter_map(|(i, ns)| sent.get(*i).map(|s| ns.saturating_sub(*s)))
            .collect();
        v.sort_unstable();
        v
    };
    let pct = |v: &[u64], p: f64| -> f64 {
        if v.is_empty() {
            return f64::NAN;
        }
        let idx = ((v.len() - 1) as f64 * p).round() as usize;
        v[idx] as f64 / 1_000.0
    };
    let a = latency(&applied);
    let e = latency(&events);
    println!(
        "delivery path at the fake's rate, {} packets sent",
        sent.len()
    );
    println!(
        "send -> sample applied:   n={} p50={:.0} us p90={:.0} us p95={:.0} us p99={:.0} us max={:.0} us",
        a.len(),
        pct(&a, 0.5),
        pct(&a, 0.9),
        pct(&a, 0.95),
        pct(&a, 0.99),
        pct(&a, 1.0)
    );
    println!(
        "send -> observer event:   n={} p50={:.0} us p99={:.0} us max={:.0} us",
        e.len(),
        pct(&e, 0.5),
        pct(&e, 0.99),
        pct(&e, 1.0)
    );
    for line in child.lines().filter(|l| l.starts_with("STAT ")) {
        println!("{}", &line[5..]);
    }
}

/// Rust's `Instant` as CLOCK_MONOTONIC nanoseconds (see the module doc).
fn monotonic_ns(at: Instant) -> u64 {
    let text = format!("{at:?}");
    let field = |name: &str| -> u64 {
        text.split(name)
            .nth(1)
            .and_then(|rest| {
                rest.trim_start_matches([':', ' '])
                    .split(|c: char| !c.is_ascii_digit())
                    .next()
            })
            .and_then(|n| n.parse().ok())
            .expect("Instant's Debug form carries tv_sec and tv_nsec on Linux")
    };
    field("tv_sec") * 1_000_000_000 + field("tv_nsec")
}

/// Stamps each sample once the session has applied it, with its reading time.
struct Applied {
    session: Arc<dyn SampleSink>,
    times: Mutex<Vec<Instant>>,
    readings: Mutex<Vec<MonoMs>>,
    /// How long the session took to apply each sample (the library's own
    /// share of the latency, after btleplug handed the packet over).
    apply_ns: Mutex<Vec<u64>>,
}

impl SampleSink for Applied {
    fn on_sample(&self, sample: CadenceSample) {
        let at = sample.at_ms;
        let before = Instant::now();
        self.session.on_sample(sample);
        let now = Instant::now();
        self.times.lock().expect("times").push(now);
        let took = u64::try_from((now - before).as_nanos()).unwrap_or(u64::MAX);
        self.apply_ns.lock().expect("apply").push(took);
        self.readings.lock().expect("readings").push(at);
    }
    fn on_signal_lost(&self, source_id: &str, at_ms: MonoMs) {
        self.session.on_signal_lost(source_id, at_ms);
    }
    fn on_signal_restored(&self, source_id: &str, at_ms: MonoMs) {
        self.session.on_signal_restored(source_id, at_ms);
    }
}

/// Stamps each event as the observer receives it, with its session time.
struct Observed {
    events: Mutex<Vec<(String, MonoMs, Instant)>>,
}

impl RunObserver for Observed {
    fn on_event(&self, event: RunEvent) {
        let now = Instant::now();
        self.events
            .lock()
            .expect("events")
            .push((event.name, event.at_ms, now));
    }
}

/// Wake-ups (voluntary context switches) per thread name, and CPU ns of the
/// whole process.
fn proc_stats() -> (BTreeMap<String, u64>, u64) {
    let mut switches = BTreeMap::new();
    let mut cpu_ns = 0;
    let Ok(tasks) = std::fs::read_dir("/proc/self/task") else {
        return (switches, 0);
    };
    for task in tasks.flatten() {
        let dir = task.path();
        let name = std::fs::read_to_string(dir.join("comm"))
            .unwrap_or_default()
            .trim()
            .to_owned();
        let status = std::fs::read_to_string(dir.join("status")).unwrap_or_default();
        let n: u64 = status
            .lines()
            // Voluntary switches are wake-ups (the thread slept, then was
            // woken); involuntary ones are other processes taking the core.
            .filter(|l| l.starts_with("voluntary_ctxt_switches"))
            .filter_map(|l| l.split_whitespace().nth(1)?.parse::<u64>().ok())
            .sum();
        *switches.entry(name).or_insert(0) += n;
        cpu_ns += std::fs::read_to_string(dir.join("schedstat"))
            .ok()
            .and_then(|s| s.split_whitespace().next()?.parse::<u64>().ok())
            .unwrap_or(0);
    }
    (switches, cpu_ns)
}

fn config() -> BleConfig {
    BleConfig {
        timeouts: BleTimeouts {
            adapter_ms: 3_000,
            scan_ms: 5_000,
            connect_ms: 3_000,
            discover_ms: 3_000,
            read_ms: 2_000,
            subscribe_ms: 2_000,
            housekeeping_ms: 2_000,
        },
        supervisor: SupervisorConfig::default(),
    }
}

/// The child: one client feeding one session for the measured window.
fn measure() {
    let seconds = env_u64("PATELLA_BENCH_SECONDS", 60);
    let client = SensorClient::with_config(config());
    let found = client.scan(0.5).expect("scan");
    let plan = RunPlan {
        segments: vec![RunSegment {
            kind: RunSegmentKind::Run,
            duration_s: 4 * 3_600,
        }],
        cadence_target_spm: Some(170.0),
    };
    // The session is built before its sink wrapper, so the observer learns
    // the wrapper through a slot filled right after.
    let slot: Arc<Mutex<Option<Arc<Observed>>>> = Arc::new(Mutex::new(None));
    struct Forward(Arc<Mutex<Option<Arc<Observed>>>>);
    impl RunObserver for Forward {
        fn on_event(&self, event: RunEvent) {
            let o = self.0.lock().expect("slot").clone();
            if let Some(o) = o {
                o.on_event(event);
            }
        }
    }
    let session = RunSession::new(plan, None, Arc::new(Forward(slot.clone()))).expect("session");
    let applied = Arc::new(Applied {
        session: session.clone().as_sample_sink(),
        times: Mutex::new(Vec::new()),
        readings: Mutex::new(Vec::new()),
        apply_ns: Mutex::new(Vec::new()),
    });
    let observed = Arc::new(Observed {
        events: Mutex::new(Vec::new()),
    });
    *slot.lock().expect("slot") = Some(observed.clone());
    session.start(monotonic_now_ms()).expect("start");
    client.attach_sink(Some(applied.clone())).expect("sink");
    client.start(Some(found[0].id.clone())).expect("connect");

    // Warm-up: connection, discovery and unit detection are not steady state.
    let ticker = std::thread::spawn({
        let session = session.clone();
        move || {
            // The app's 1 Hz tick, as in a real run.
            for _ in 0..(seconds + 10) {
                std::thread::sleep(Duration::from_secs(1));
                let _ = session.tick(monotonic_now_ms());
            }
        }
    });
    std::thread::sleep(Duration::from_secs(5));
    let (sw0, cpu0) = proc_stats();
    let n0 = applied.times.lock().expect("times").len();
    std::thread::sleep(Duration::from_secs(seconds));
    let (sw1, cpu1) = proc_stats();
    let n1 = applied.times.lock().expect("times").len();
    client.stop().expect("stop");
    let _ = ticker.join();

    for (i, at) in applied.times.lock().expect("times").iter().enumerate() {
        println!("APPLIED {i} {}", monotonic_ns(*at));
    }
    // Sample-driven events only: those stamped with a reading's time. The
    // packet is the last one read at that millisecond.
    let readings = applied.readings.lock().expect("readings").clone();
    for (name, at_ms, at) in observed.events.lock().expect("events").iter() {
        if let Some(i) = readings.iter().rposition(|r| r == at_ms) {
            println!("EVENT {i} {} {name}", monotonic_ns(*at));
        }
    }
    let mut apply = applied.apply_ns.lock().expect("apply").clone();
    apply.sort_unstable();
    if let (Some(mid), Some(p99)) = (
        apply.get(apply.len() / 2),
        apply.get(apply.len().saturating_sub(1) * 99 / 100),
    ) {
        println!(
            "STAT the session applying one sample: p50 {:.1} us, p99 {:.1} us",
            *mid as f64 / 1e3,
            *p99 as f64 / 1e3
        );
    }
    let notes = (n1 - n0).max(1) as f64;
    let total: u64 = sw1.values().sum::<u64>() - sw0.values().sum::<u64>();
    println!("STAT steady window: {seconds} s, {} notifications", n1 - n0);
    println!(
        "STAT wake-ups per notification, whole process: {:.2}",
        total as f64 / notes
    );
    for (name, after) in &sw1 {
        let before = sw0.get(name).copied().unwrap_or(0);
        println!(
            "STAT   thread {name}: {:.2} per notification",
            after.saturating_sub(before) as f64 / notes
        );
    }
    let cpu_s = (cpu1 - cpu0) as f64 / 1e9;
    println!(
        "STAT CPU: {cpu_s:.3} s in {seconds} s = {:.2} s per hour of run",
        cpu_s * 3_600.0 / seconds as f64
    );
}
