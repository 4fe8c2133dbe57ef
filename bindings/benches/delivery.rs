//! The sensor delivery path, end to end (issue 10, "Performance of the new
//! delivery path"): the fake BlueZ notifies an RSC packet, btleplug carries
//! it over a private D-Bus, the library stamps it, applies it to a
//! `RunSession`, and the session's events reach a `RunObserver` on the
//! delivery thread.
//!
//! Reported, in steady state at the fake's rate (4 Hz by default), with the
//! path split in two (issue 19), because on a small loaded machine the
//! Python fake and the D-Bus daemon's hop dominate and follow the machine:
//! - the harness's share: the fake's send, through D-Bus and btleplug, to
//!   the moment the library's sensor task reads its clock for the
//!   notification it was woken by (the stamp);
//! - the library's own share: from that stamp, through decoding and the run
//!   session applying the sample, to its events queued for the app;
//! - end to end as before: send to applied, and to the observer's call for
//!   sample-driven events;
//! - thread wake-ups (voluntary context switches) per notification, for the
//!   library's threads and for the whole process, and per thread by name;
//! - CPU scaled to an hour of run: the library's alone (its work on the
//!   sensor worker, timed with the thread's CPU clock, plus its own event
//!   threads) and the whole process's.
//!
//! The bench's app keeps a run checkpoint every 10 s as the apps do, so
//! that the checkpoint is inside the measured window.
//!
//! Goals for the library's share (issue 19): p99 <= 1 ms, <= 1.5 wake-ups
//! per notification, <= 3 s CPU per hour.
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
use patella_core::sensor::clock::{InstantClock, MonoClock};
use patella_core::sensor::supervisor::SupervisorConfig;
use patella_ffi::clock::monotonic_now_ms;
use patella_ffi::run::{
    DeliveredRunEvent, RunObserver, RunPlan, RunSegment, RunSegmentKind, RunSession,
};
use patella_ffi::sensor::SensorClient;
use patella_ffi::store::RecordStore;

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
    let mut stamped = Vec::new();
    let mut events = Vec::new();
    for line in child.lines() {
        let mut parts = line.split_whitespace();
        match (parts.next(), parts.next(), parts.next()) {
            (Some("STAMPED"), Some(i), Some(ns)) => {
                stamped.push((
                    i.parse::<usize>().unwrap_or(0),
                    ns.parse::<u64>().unwrap_or(0),
                ));
            }
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
    let h = latency(&stamped);
    println!(
        "delivery path at the fake's rate, {} packets sent",
        sent.len()
    );
    println!(
        "harness's share, send -> stamped in the library: n={} p50={:.0} us p99={:.0} us max={:.0} us",
        h.len(),
        pct(&h, 0.5),
        pct(&h, 0.99),
        pct(&h, 1.0)
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

/// The CPU time this thread has used, in ns.
fn thread_cpu_ns() -> u64 {
    let ts = rustix::time::clock_gettime(rustix::time::ClockId::ThreadCPUTime);
    u64::try_from(ts.tv_sec).unwrap_or(0) * 1_000_000_000 + u64::try_from(ts.tv_nsec).unwrap_or(0)
}

/// When the library last read its clock, and the reading thread's CPU time
/// then.
#[derive(Clone, Copy)]
struct Stamp {
    at: Instant,
    cpu_ns: u64,
}

/// The library's sensor clock, noting each reading. The sensor task reads
/// its clock right after the radio wakes it for a notification, and then
/// hands the sample on synchronously on the same thread, so the reading
/// before a sample reaches the sink is where the library's share begins.
struct StampingClock {
    inner: InstantClock,
    last: Mutex<Option<Stamp>>,
}

impl MonoClock for StampingClock {
    fn now_ms(&self) -> MonoMs {
        let stamp = Stamp {
            at: Instant::now(),
            cpu_ns: thread_cpu_ns(),
        };
        *self.last.lock().expect("stamp") = Some(stamp);
        self.inner.now_ms()
    }
}

/// One sample as the bench saw it through the library.
struct Delivered {
    stamped: Instant,
    applied: Instant,
    reading: MonoMs,
    /// CPU the sensor worker spent from the stamp to the sample applied.
    library_cpu_ns: u64,
}

/// Stamps each sample once the session has applied it (its events queued
/// for the app by then), with its reading time.
struct Applied {
    session: Arc<dyn SampleSink>,
    clock: Arc<StampingClock>,
    delivered: Mutex<Vec<Delivered>>,
    /// How long the session took to apply each sample.
    apply_ns: Mutex<Vec<u64>>,
}

impl SampleSink for Applied {
    fn on_sample(&self, sample: CadenceSample) {
        let reading = sample.at_ms;
        let before = Instant::now();
        let stamp = self
            .clock
            .last
            .lock()
            .expect("stamp")
            .take()
            .unwrap_or(Stamp {
                at: before,
                cpu_ns: thread_cpu_ns(),
            });
        self.session.on_sample(sample);
        let applied = Instant::now();
        let cpu_after = thread_cpu_ns();
        let took = u64::try_from((applied - before).as_nanos()).unwrap_or(u64::MAX);
        self.apply_ns.lock().expect("apply").push(took);
        self.delivered.lock().expect("delivered").push(Delivered {
            stamped: stamp.at,
            applied,
            reading,
            library_cpu_ns: cpu_after.saturating_sub(stamp.cpu_ns),
        });
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
    fn on_event(&self, event: DeliveredRunEvent) {
        let now = Instant::now();
        self.events
            .lock()
            .expect("events")
            .push((event.name, event.at_ms, now));
    }
}

/// Per thread name: wake-ups (voluntary context switches) and CPU ns.
struct ThreadStats {
    switches: BTreeMap<String, u64>,
    cpu_ns: BTreeMap<String, u64>,
}

/// The library's own threads, apart from the sensor runtime (which btleplug
/// and libdbus share): its event pumps and its checkpoint writer. Names are
/// cut to 15 bytes by the kernel, so the runtime's "patella-sensor" is told
/// from "patella-sensor-events" by the full name.
fn library_own_thread(name: &str) -> bool {
    name.starts_with("patella-") && name != "patella-sensor"
}

fn proc_stats() -> ThreadStats {
    let mut stats = ThreadStats {
        switches: BTreeMap::new(),
        cpu_ns: BTreeMap::new(),
    };
    let Ok(tasks) = std::fs::read_dir("/proc/self/task") else {
        return stats;
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
        let cpu = std::fs::read_to_string(dir.join("schedstat"))
            .ok()
            .and_then(|s| s.split_whitespace().next()?.parse::<u64>().ok())
            .unwrap_or(0);
        *stats.switches.entry(name.clone()).or_insert(0) += n;
        *stats.cpu_ns.entry(name).or_insert(0) += cpu;
    }
    stats
}

/// The growth of each thread's figure over the window (threads that ended
/// in it are not counted).
fn growth(before: &BTreeMap<String, u64>, after: &BTreeMap<String, u64>) -> BTreeMap<String, u64> {
    after
        .iter()
        .map(|(name, a)| {
            (
                name.clone(),
                a.saturating_sub(before.get(name).copied().unwrap_or(0)),
            )
        })
        .collect()
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
    let clock = Arc::new(StampingClock {
        inner: InstantClock::new(),
        last: Mutex::new(None),
    });
    let client = SensorClient::with_config_and_clock(config(), clock.clone());
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
        fn on_event(&self, event: DeliveredRunEvent) {
            let o = self.0.lock().expect("slot").clone();
            if let Some(o) = o {
                o.on_event(event);
            }
        }
    }
    let session = RunSession::new(plan, None, Arc::new(Forward(slot.clone()))).expect("session");
    // The run keeps itself in a real record, as in the apps, so its 10 s
    // checkpoints fall inside the measured window.
    let data = tempfile::tempdir().expect("data folder");
    let store = RecordStore::open(data.path().display().to_string()).expect("open the record");
    session
        .keep_in(
            store,
            "bench-run".to_owned(),
            "2026-12-07T07:00:00".to_owned(),
            false,
        )
        .expect("keep the run");
    let applied = Arc::new(Applied {
        session: session.clone().as_sample_sink(),
        clock: clock.clone(),
        delivered: Mutex::new(Vec::new()),
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
    let before = proc_stats();
    let n0 = applied.delivered.lock().expect("delivered").len();
    std::thread::sleep(Duration::from_secs(seconds));
    let after = proc_stats();
    let n1 = applied.delivered.lock().expect("delivered").len();
    client.stop().expect("stop");
    let _ = ticker.join();

    let delivered = applied.delivered.lock().expect("delivered");
    for (i, d) in delivered.iter().enumerate() {
        println!("STAMPED {i} {}", monotonic_ns(d.stamped));
        println!("APPLIED {i} {}", monotonic_ns(d.applied));
    }
    // Sample-driven events only: those stamped with a reading's time. The
    // packet is the last one read at that millisecond.
    let readings: Vec<MonoMs> = delivered.iter().map(|d| d.reading).collect();
    for (name, at_ms, at) in observed.events.lock().expect("events").iter() {
        if let Some(i) = readings.iter().rposition(|r| r == at_ms) {
            println!("EVENT {i} {} {name}", monotonic_ns(*at));
        }
    }
    let window = &delivered[n0.min(n1)..n1];
    let mut library: Vec<u64> = window
        .iter()
        .map(|d| u64::try_from((d.applied - d.stamped).as_nanos()).unwrap_or(u64::MAX))
        .collect();
    library.sort_unstable();
    let at = |v: &[u64], p: usize| v.get(v.len().saturating_sub(1) * p / 100).copied();
    if let (Some(mid), Some(p99), Some(max)) = (at(&library, 50), at(&library, 99), library.last())
    {
        println!(
            "STAT library's share, stamped -> applied, events queued: p50 {:.1} us, p99 {:.1} us, max {:.1} us",
            mid as f64 / 1e3,
            p99 as f64 / 1e3,
            *max as f64 / 1e3
        );
    }
    let mut apply = applied.apply_ns.lock().expect("apply").clone();
    apply.sort_unstable();
    if let (Some(mid), Some(p99)) = (at(&apply, 50), at(&apply, 99)) {
        println!(
            "STAT   of which the session applying one sample: p50 {:.1} us, p99 {:.1} us",
            mid as f64 / 1e3,
            p99 as f64 / 1e3
        );
    }
    let notes = (n1 - n0).max(1) as f64;
    let switches = growth(&before.switches, &after.switches);
    let cpu = growth(&before.cpu_ns, &after.cpu_ns);
    println!("STAT steady window: {seconds} s, {} notifications", n1 - n0);
    // The sensor worker wakes once for each notification it is handed;
    // that wake-up is the library's, the D-Bus threads' are the harness's.
    let library_switches: u64 = switches
        .iter()
        .filter(|(name, _)| library_own_thread(name) || name.as_str() == "patella-sensor")
        .map(|(_, n)| n)
        .sum();
    println!(
        "STAT wake-ups per notification, library's threads: {:.2}",
        library_switches as f64 / notes
    );
    println!(
        "STAT wake-ups per notification, whole process: {:.2}",
        switches.values().sum::<u64>() as f64 / notes
    );
    for (name, n) in &switches {
        println!(
            "STAT   thread {name}: {:.2} per notification",
            *n as f64 / notes
        );
    }
    let per_hour = |ns: u64| ns as f64 / 1e9 * 3_600.0 / seconds as f64;
    let library_cpu: u64 = window.iter().map(|d| d.library_cpu_ns).sum::<u64>()
        + cpu
            .iter()
            .filter(|(name, _)| library_own_thread(name))
            .map(|(_, n)| n)
            .sum::<u64>();
    println!(
        "STAT CPU per hour of run, library alone (its sensor work and its own threads): {:.2} s",
        per_hour(library_cpu)
    );
    println!(
        "STAT CPU per hour of run, whole process: {:.2} s",
        per_hour(cpu.values().sum())
    );
    for (name, ns) in &cpu {
        println!("STAT   thread {name}: {:.3} s per hour", per_hour(*ns));
    }
}
