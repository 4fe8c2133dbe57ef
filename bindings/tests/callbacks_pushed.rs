//! Callbacks are guests (issue 10, findings 1-5), in pushed mode and for the
//! objects that need no radio: the app's observers are slow, throw, or call
//! back in, and the library neither stalls, deadlocks, panics nor goes quiet.
//! The same cases against the fake BlueZ are in `callbacks_ble.rs`.
//!
//! Each test drives the FFI objects the way an app does. Where the old code
//! hung, the calls run under `within`, so a regression fails with a message
//! instead of hanging the run.

mod callbacks_support;

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use callbacks_support::{Heard, RunLog, SensorLog, WAIT, ten_minute_run, wait_until, within};
use patella_ffi::clock::monotonic_now_ms;
use patella_ffi::run::RunSession;
use patella_ffi::sensor::{SensorClient, SensorConnectionState, SensorError};

/// One running RSC packet at `cadence`, then a pause past the sensor clock's
/// millisecond.
fn push_rsc(client: &SensorClient, cadence: u8) {
    client
        .push_raw_rsc(vec![0x04, 0x00, 0x03, cadence])
        .expect("push");
    std::thread::sleep(Duration::from_millis(2));
}

/// A session fed by a pushed sensor, both on the library's clock.
fn fed_session(
    run: &Arc<RunLog>,
    sensor: Option<Arc<SensorLog>>,
) -> (Arc<SensorClient>, Arc<RunSession>) {
    let session = RunSession::new(ten_minute_run(), None, run.clone()).expect("session");
    let client = SensorClient::new();
    client
        .set_observer(sensor.map(|s| s as Arc<dyn patella_ffi::sensor::SensorObserver>))
        .expect("observer");
    client.feed_run(Some(session.clone())).expect("feed");
    client.start_pushed("pod".into()).expect("start");
    (client, session)
}

/// Finding 1: a RunObserver stuck for seconds used to hold the thread that
/// fed the session, here the app's pushing thread.
#[test]
fn a_slow_run_observer_never_holds_up_pushed_readings() {
    let run = RunLog::new();
    let (release, gate) = mpsc::channel::<()>();
    let gate = Mutex::new(gate);
    run.react(move |e| {
        if e.name == "session_started" {
            let _ = gate.lock().unwrap().recv_timeout(2 * WAIT);
        }
    });
    let (client, session) = fed_session(&run, None);
    let (c, s) = (client.clone(), session.clone());
    let stuck = within(
        "starting and feeding a run while its observer is stuck",
        move || {
            s.start(monotonic_now_ms()).expect("start");
            c.push_link_state(true).expect("up");
            for _ in 0..40 {
                push_rsc(&c, 172);
            }
            let view = s.snapshot(monotonic_now_ms()).expect("view");
            c.push_link_state(false).expect("down");
            view
        },
    );
    assert_eq!(stuck.dropped_samples, 0, "every reading was applied");
    assert!(stuck.cadence.spm.is_some(), "the readings reached the run");
    assert_eq!(run.names(), ["session_started"], "the rest waits its turn");
    release.send(()).unwrap();
    assert!(session.wait_delivered(WAIT));
    assert_eq!(run.count("sensor_gap"), 1, "{:?}", run.names());
    client.stop().unwrap();
}

/// Finding 1 (the ANR): the observer waits for the main thread while the
/// main thread stops the sensor.
#[test]
fn stop_from_main_while_the_sensor_observer_waits_for_main() {
    let sensor = SensorLog::new();
    let (connected_tx, connected) = mpsc::channel::<()>();
    let (go, go_rx) = mpsc::channel::<()>();
    let (connected_tx, go_rx) = (Mutex::new(connected_tx), Mutex::new(go_rx));
    sensor.react(move |h| {
        if *h == Heard::State(SensorConnectionState::Connected) {
            let _ = connected_tx.lock().unwrap().send(());
            let _ = go_rx.lock().unwrap().recv_timeout(2 * WAIT);
        }
    });
    let run = RunLog::new();
    let (client, _session) = fed_session(&run, Some(sensor.clone()));
    let c = client.clone();
    within("the main thread stopping the sensor", move || {
        c.push_link_state(true).expect("up");
        connected
            .recv_timeout(WAIT)
            .expect("the observer heard Connected");
        c.stop().expect("stop");
    });
    go.send(()).unwrap();
    assert!(client.wait_delivered(WAIT));
    assert_eq!(
        sensor.states(),
        [
            SensorConnectionState::Connected,
            SensorConnectionState::Idle
        ]
    );
}

/// Findings 2 and 3: stop, push, tick, link state and feed_run from inside
/// each callback used to hang on the feed lock (or panic inside tokio).
#[test]
fn every_sensor_call_is_safe_from_inside_each_callback() {
    let run = RunLog::new();
    let sensor = SensorLog::new();
    let (client, session) = fed_session(&run, Some(sensor.clone()));
    let failures = Arc::new(Mutex::new(Vec::<String>::new()));
    // Each observer reacts a bounded number of times: its own calls make
    // more events, and an endless echo would prove nothing.
    let budget = Arc::new(AtomicUsize::new(12));
    let reenter = {
        let (client, session, failures, budget) = (
            Arc::downgrade(&client),
            Arc::downgrade(&session),
            failures.clone(),
            budget.clone(),
        );
        move |from: &str| {
            if budget.fetch_sub(1, Ordering::SeqCst) == 0 {
                budget.store(0, Ordering::SeqCst);
                return;
            }
            let (Some(client), Some(session)) = (client.upgrade(), session.upgrade()) else {
                return;
            };
            let calls: [(&str, Result<(), SensorError>); 6] = [
                (
                    "push_raw_rsc",
                    client.push_raw_rsc(vec![0x04, 0x00, 0x03, 171]),
                ),
                ("push_raw_battery", client.push_raw_battery(vec![70])),
                ("push_tick", client.push_tick()),
                ("push_link_state", client.push_link_state(true)),
                ("feed_run(None)", client.feed_run(None)),
                ("feed_run(session)", client.feed_run(Some(session))),
            ];
            for (name, result) in calls {
                // Once stopped, pushes are refused: that is an answer, not a hang.
                if let Err(e) = result
                    && !matches!(e, SensorError::NotPushing)
                {
                    failures
                        .lock()
                        .unwrap()
                        .push(format!("{name} from {from}: {e}"));
                }
            }
        }
    };
    let reenter = Arc::new(reenter);
    let r = reenter.clone();
    sensor.react(move |h| r(&format!("{h:?}")));
    let r = reenter.clone();
    let stopper = Arc::downgrade(&client);
    run.react(move |e| {
        r(&e.name);
        if e.name == "sensor_gap"
            && let Some(c) = stopper.upgrade()
        {
            c.stop().expect("stop from the run observer");
        }
    });
    let (c, s) = (client.clone(), session.clone());
    within("pushing while every observer calls back in", move || {
        s.start(monotonic_now_ms()).expect("start");
        c.push_link_state(true).expect("up");
        for _ in 0..5 {
            push_rsc(&c, 172);
        }
        c.push_raw_battery(vec![60]).expect("battery");
        c.push_link_state(false).expect("down");
    });
    assert!(session.wait_delivered(WAIT));
    wait_until("the stop reached the sensor observer", || {
        sensor.states().last() == Some(&SensorConnectionState::Idle)
    });
    assert!(
        failures.lock().unwrap().is_empty(),
        "{:?}",
        failures.lock().unwrap()
    );
    assert_eq!(
        budget.load(Ordering::SeqCst),
        0,
        "the observers did call back in"
    );
    assert!(matches!(client.push_tick(), Err(SensorError::NotPushing)));
}

/// Finding 4: a throwing SensorObserver used to poison the pushed feed.
/// (A Kotlin or Swift exception reaches Rust as a panic.)
#[test]
fn a_throwing_sensor_observer_is_counted_and_later_events_still_arrive() {
    let sensor = SensorLog::new();
    sensor.react(|h| panic!("the app's observer threw on {h:?}"));
    let run = RunLog::new();
    let (client, _session) = fed_session(&run, Some(sensor.clone()));
    let c = client.clone();
    within("pushing to a throwing observer", move || {
        c.push_link_state(true).expect("up");
        c.push_raw_battery(vec![80]).expect("battery");
        c.push_raw_rsc(vec![0x07, 0x00, 0x03]).expect("malformed");
        c.push_link_state(false).expect("down");
        c.push_link_state(true).expect("up again");
    });
    assert!(client.wait_delivered(WAIT));
    let heard = sensor.heard();
    assert_eq!(heard.len(), 5, "{heard:?}");
    assert_eq!(heard[4], Heard::State(SensorConnectionState::Connected));
    let report = client.delivery_report().unwrap();
    assert_eq!((report.failed, report.delivered), (5, 0), "{report:?}");
    client.stop().unwrap();
}

/// Finding 4: one throwing RunObserver call used to silence the session.
#[test]
fn a_throwing_run_observer_still_gets_every_later_cue() {
    let run = RunLog::new();
    run.react(|e| panic!("the app's observer threw on {}", e.name));
    let session = RunSession::new(ten_minute_run(), None, run.clone()).unwrap();
    let s = session.clone();
    within("a ten-minute run with a throwing observer", move || {
        s.start(0).expect("start");
        for t in 1..=600u64 {
            s.tick(t * 1_000).expect("tick");
        }
    });
    assert!(session.wait_delivered(WAIT));
    let names = run.names();
    assert_eq!(names.first().map(String::as_str), Some("session_started"));
    for cue in ["halfway", "segment_ending_soon", "session_complete"] {
        assert!(names.iter().any(|n| n == cue), "{cue} missing: {names:?}");
    }
    let report = session.delivery_report();
    assert_eq!(report.failed, names.len() as u64);
    assert_eq!(report.delivered, 0);
}

/// Finding 1: while one observer call is stuck, events queued without
/// bound (495 after two simulated hours). Now the queue is capped and the
/// report says what was dropped.
#[test]
fn a_stuck_run_observer_leaves_a_bounded_queue_that_says_what_it_dropped() {
    let run = RunLog::new();
    let (release, gate) = mpsc::channel::<()>();
    let gate = Mutex::new(gate);
    run.react(move |_| {
        let _ = gate.lock().unwrap().recv_timeout(2 * WAIT);
    });
    let (client, session) = fed_session(&run, None);
    let c = client.clone();
    let s = session.clone();
    within("gap after gap while the observer is stuck", move || {
        s.start(monotonic_now_ms()).expect("start");
        for _ in 0..300 {
            c.push_link_state(true).expect("up");
            push_rsc(&c, 172);
            c.push_link_state(false).expect("down");
        }
    });
    let report = session.delivery_report();
    assert!(report.pending <= 256, "{report:?}");
    assert!(report.dropped >= 300, "{report:?}");
    release.send(()).unwrap();
    drop(release);
    assert!(session.wait_delivered(WAIT));
    let done = session.delivery_report();
    assert_eq!(done.pending, 0);
    assert_eq!(done.delivered + done.failed, run.names().len() as u64);
    client.stop().unwrap();
}

/// Finding 5, pushed mode: attaching a run after the sensor started feeds
/// it, and detaching stops the feed, both at once.
#[test]
fn feed_run_takes_effect_on_a_running_pushed_sensor() {
    let run = RunLog::new();
    let session = RunSession::new(ten_minute_run(), None, run.clone()).unwrap();
    let client = SensorClient::new();
    client.start_pushed("pod".into()).unwrap();
    session.start(monotonic_now_ms()).unwrap();
    client.push_link_state(true).unwrap();
    push_rsc(&client, 172);
    assert_eq!(
        session.snapshot(monotonic_now_ms()).unwrap().cadence.spm,
        None
    );
    client.feed_run(Some(session.clone())).unwrap();
    for _ in 0..12 {
        push_rsc(&client, 172);
    }
    let fed = session.snapshot(monotonic_now_ms()).unwrap();
    assert!(fed.cadence.spm.is_some(), "{fed:?}");
    client.feed_run(None).unwrap();
    client.push_link_state(false).unwrap();
    assert!(session.wait_delivered(WAIT));
    assert_eq!(
        run.count("sensor_gap"),
        0,
        "detached: the gap is not the run's"
    );
    client.stop().unwrap();
}

/// Finding 1 (the ANR), for the run observer: it waits for the main thread
/// while the main thread stops the run and the sensor.
#[test]
fn stop_from_main_while_the_run_observer_waits_for_main() {
    let run = RunLog::new();
    let (waiting_tx, waiting) = mpsc::channel::<()>();
    let (go, go_rx) = mpsc::channel::<()>();
    let (waiting_tx, go_rx) = (Mutex::new(waiting_tx), Mutex::new(go_rx));
    run.react(move |e| {
        if e.name == "sensor_gap" {
            let _ = waiting_tx.lock().unwrap().send(());
            let _ = go_rx.lock().unwrap().recv_timeout(2 * WAIT);
        }
    });
    let (client, session) = fed_session(&run, None);
    let (c, s) = (client.clone(), session.clone());
    within(
        "the main thread stopping the run and the sensor",
        move || {
            s.start(monotonic_now_ms()).expect("start");
            c.push_link_state(true).expect("up");
            push_rsc(&c, 172);
            c.push_link_state(false).expect("down");
            waiting.recv_timeout(WAIT).expect("the observer is waiting");
            s.stop(monotonic_now_ms()).expect("stop the run");
            c.stop().expect("stop the sensor");
        },
    );
    go.send(()).unwrap();
    assert!(session.wait_delivered(WAIT));
    assert_eq!(
        run.names().last().map(String::as_str),
        Some("session_stopped")
    );
}
