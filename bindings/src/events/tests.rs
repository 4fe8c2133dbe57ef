//! The pump's rules, one test each (issue 10, findings 1 and 4).

use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use super::*;

const LIMIT: Duration = Duration::from_secs(10);

#[test]
fn delivers_in_order_on_another_thread() {
    let seen = Arc::new(Mutex::new(Vec::new()));
    let caller = std::thread::current().id();
    let sink = seen.clone();
    let threads = Arc::new(Mutex::new(Vec::new()));
    let t = threads.clone();
    let pump = EventPump::start("test-pump", move |n: u32| {
        t.lock().unwrap().push(std::thread::current().id());
        sink.lock().unwrap().push(n);
    })
    .unwrap();
    for n in 0..100 {
        assert!(pump.send(n));
    }
    assert!(pump.wait_idle(LIMIT));
    assert_eq!(*seen.lock().unwrap(), (0..100).collect::<Vec<_>>());
    assert!(threads.lock().unwrap().iter().all(|id| *id != caller));
    assert_eq!(
        pump.report(),
        DeliveryReport {
            delivered: 100,
            ..DeliveryReport::default()
        }
    );
}

/// Finding 4: one throwing observer call used to end delivery for good.
#[test]
fn a_failing_observer_call_is_counted_and_later_events_still_arrive() {
    let seen = Arc::new(Mutex::new(Vec::new()));
    let sink = seen.clone();
    let pump = EventPump::start("test-pump", move |n: u32| {
        if n.is_multiple_of(3) {
            panic!("the observer threw on {n}");
        }
        sink.lock().unwrap().push(n);
    })
    .unwrap();
    for n in 0..9 {
        pump.send(n);
    }
    assert!(pump.wait_idle(LIMIT));
    assert_eq!(*seen.lock().unwrap(), vec![1, 2, 4, 5, 7, 8]);
    let report = pump.report();
    assert_eq!((report.delivered, report.failed), (6, 3));
}

/// Finding 1: a stuck observer neither blocks the sender nor grows the queue
/// without bound; the oldest events go, and the report says how many.
#[test]
fn a_stuck_observer_never_blocks_the_sender_and_the_queue_stays_bounded() {
    let (release, gate) = mpsc::channel::<()>();
    let gate = Mutex::new(gate);
    let seen = Arc::new(Mutex::new(Vec::new()));
    let sink = seen.clone();
    let pump = EventPump::with_capacity("test-pump", 8, move |n: u32| {
        if n == 0 {
            let _ = gate.lock().unwrap().recv();
        }
        sink.lock().unwrap().push(n);
    })
    .unwrap();
    pump.send(0);
    // Let the thread take event 0 and block in the observer.
    while pump.report().pending > 0 {
        std::thread::yield_now();
    }
    for n in 1..=500 {
        assert!(pump.send(n), "send returns while the observer is stuck");
    }
    let report = pump.report();
    assert_eq!(report.pending, 8, "{report:?}");
    assert_eq!(report.dropped, 492);
    release.send(()).unwrap();
    assert!(pump.wait_idle(LIMIT));
    let expect: Vec<u32> = std::iter::once(0).chain(493..=500).collect();
    assert_eq!(*seen.lock().unwrap(), expect, "the newest events are kept");
}

/// Dropping the pump from the thread the observer waits for must not wait
/// for the observer (the ANR of finding 1); what was queued still goes out.
#[test]
fn dropping_the_pump_never_waits_for_a_blocked_observer() {
    let (release, gate) = mpsc::channel::<()>();
    let gate = Mutex::new(gate);
    let (done_tx, done) = mpsc::channel::<u32>();
    let done_tx = Mutex::new(done_tx);
    let pump = EventPump::start("test-pump", move |n: u32| {
        if n == 0 {
            let _ = gate.lock().unwrap().recv();
        }
        let _ = done_tx.lock().unwrap().send(n);
    })
    .unwrap();
    pump.send(0);
    pump.send(1);
    drop(pump);
    release.send(()).unwrap();
    assert_eq!(done.recv_timeout(LIMIT), Ok(0));
    assert_eq!(done.recv_timeout(LIMIT), Ok(1));
}

#[test]
fn an_empty_batch_queues_nothing() {
    let pump = EventPump::start("test-pump", |_: u32| {}).unwrap();
    assert!(pump.send_all(Vec::new()));
    assert!(pump.wait_idle(LIMIT));
    assert_eq!(pump.report(), DeliveryReport::default());
}
