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

/// Waits until `weak` can no longer be upgraded: its owner let go of it.
fn released<T>(weak: &std::sync::Weak<T>) -> bool {
    let deadline = std::time::Instant::now() + LIMIT;
    while weak.upgrade().is_some() {
        if std::time::Instant::now() > deadline {
            return false;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    true
}

/// Issue 11 ("Lifecycle"): after `close` no observer call starts, queued
/// events are dropped and counted, and the observer itself is let go of.
#[test]
fn closing_drops_the_queue_and_releases_the_observer() {
    struct Observer(Mutex<Vec<u32>>);
    let observer = Arc::new(Observer(Mutex::new(Vec::new())));
    let weak = Arc::downgrade(&observer);
    let (release, gate) = mpsc::channel::<()>();
    let gate = Mutex::new(gate);
    let held = observer.clone();
    let pump = EventPump::start("test-pump", move |n: u32| {
        if n == 0 {
            let _ = gate.lock().unwrap().recv();
        }
        held.0.lock().unwrap().push(n);
    })
    .unwrap();
    pump.send(0);
    pump.send(1);
    pump.send(2);
    // Event 0 is under way (or about to be); 1 and 2 wait in the queue.
    while pump.report().pending > 2 {
        std::thread::yield_now();
    }
    pump.close();
    assert!(pump.is_closed());
    assert!(!pump.send(3), "a closed pump takes nothing");
    release.send(()).unwrap();
    assert!(pump.wait_idle(LIMIT));
    let seen = observer.0.lock().unwrap().clone();
    assert_eq!(seen, vec![0], "only the call already under way ran");
    assert_eq!(pump.report().dropped, 2);
    drop(observer);
    assert!(
        released(&weak),
        "the delivery thread still holds the observer"
    );
}

#[test]
fn closing_twice_or_then_dropping_is_harmless() {
    let pump = EventPump::start("test-pump", |_: u32| {}).unwrap();
    pump.close();
    pump.close();
    assert!(pump.wait_idle(LIMIT));
    drop(pump);
}

mod properties {
    use std::sync::{Arc, Mutex};
    use std::time::Duration;

    use proptest::prelude::*;

    use super::super::EventPump;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        /// Every event sent is accounted for exactly once (delivered, failed
        /// or dropped), the observer sees them in the order sent, nothing is
        /// dropped unless the observer fell `capacity` behind, and the
        /// newest event is never the one dropped.
        #[test]
        fn every_event_is_delivered_failed_or_dropped_once_in_order(
            capacity in 1usize..12,
            throws in proptest::collection::vec(any::<bool>(), 0..120),
            stall in any::<bool>(),
        ) {
            let seen = Arc::new(Mutex::new(Vec::new()));
            let (release, gate) = std::sync::mpsc::channel::<()>();
            let gate = Mutex::new(gate);
            let sink = seen.clone();
            let pump = EventPump::with_capacity("prop-pump", capacity, move |(i, throw): (usize, bool)| {
                if stall && i == 0 {
                    let _ = gate.lock().unwrap().recv_timeout(Duration::from_secs(10));
                }
                sink.lock().unwrap().push(i);
                if throw {
                    // A foreign exception surfaces as an unwind; this one
                    // skips the panic hook, so the run stays quiet.
                    std::panic::resume_unwind(Box::new("the observer threw"));
                }
            })
            .unwrap();
            for (i, throw) in throws.iter().enumerate() {
                prop_assert!(pump.send((i, *throw)));
            }
            drop(release);
            prop_assert!(pump.wait_idle(Duration::from_secs(10)));
            let report = pump.report();
            let n = throws.len() as u64;
            prop_assert_eq!(report.delivered + report.failed + report.dropped, n);
            prop_assert_eq!(report.pending, 0);
            let seen = seen.lock().unwrap().clone();
            prop_assert!(seen.windows(2).all(|w| w[0] < w[1]), "out of order: {:?}", seen);
            let thrown = seen.iter().filter(|i| throws[**i]).count() as u64;
            prop_assert_eq!(report.failed, thrown);
            prop_assert_eq!(seen.len() as u64, report.delivered + report.failed);
            if !stall {
                // Nothing forced a backlog; drops can still happen if the
                // thread is slow to start, but then only under `capacity`.
                prop_assert!(report.dropped == 0 || throws.len() > capacity);
            }
            if let Some(last) = throws.len().checked_sub(1) {
                prop_assert_eq!(seen.last().copied(), Some(last));
            }
        }

        /// Issue 11 ("Lifecycle"): wherever `close` falls, nothing sent
        /// after it is taken, what was sent before is delivered in order or
        /// counted as dropped, and the observer is let go of.
        #[test]
        fn after_close_nothing_is_delivered_and_the_observer_is_released(
            before in 0usize..40,
            after in 0usize..20,
        ) {
            let seen = Arc::new(Mutex::new(Vec::new()));
            let sink = seen.clone();
            let weak = Arc::downgrade(&seen);
            let pump = EventPump::start("prop-pump", move |i: usize| {
                sink.lock().unwrap().push(i);
            })
            .unwrap();
            for i in 0..before {
                prop_assert!(pump.send(i));
            }
            pump.close();
            for i in before..before + after {
                prop_assert!(!pump.send(i), "a closed pump took event {}", i);
            }
            prop_assert!(pump.wait_idle(Duration::from_secs(10)));
            let report = pump.report();
            let got = seen.lock().unwrap().clone();
            prop_assert_eq!(&got, &(0..got.len()).collect::<Vec<_>>());
            prop_assert_eq!(report.delivered + report.dropped, before as u64);
            prop_assert_eq!(report.delivered, got.len() as u64);
            drop(seen);
            let deadline = std::time::Instant::now() + Duration::from_secs(10);
            while weak.strong_count() > 0 && std::time::Instant::now() < deadline {
                std::thread::sleep(Duration::from_millis(1));
            }
            prop_assert_eq!(weak.strong_count(), 0, "the observer is still held");
        }
    }
}
