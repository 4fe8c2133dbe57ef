//! `close()` on every object that holds an app observer (issue 11,
//! "Lifecycle"): after it returns no callback arrives, and the observer is
//! let go of, so the app's object can be freed. The Kotlin and Swift tests
//! check the same from the foreign side (a weak reference that clears).

mod callbacks_support;

use std::sync::{Arc, Weak};
use std::time::{Duration, Instant};

use callbacks_support::{RunLog, SensorLog, WAIT, ten_minute_run};
use patella_ffi::run::RunSession;
use patella_ffi::sensor::SensorClient;

/// Waits until nobody but the test holds `weak`'s object any more.
fn released<T: ?Sized>(weak: &Weak<T>) -> bool {
    let deadline = Instant::now() + WAIT;
    while weak.strong_count() > 0 {
        if Instant::now() > deadline {
            return false;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    true
}

#[test]
fn a_closed_run_session_calls_nobody_and_lets_go_of_its_observer() {
    let log = RunLog::new();
    let session = RunSession::new(ten_minute_run(), None, log.clone()).expect("session");
    session.start(0).expect("start");
    assert!(session.flush_events(10_000));
    let heard = log.names().len();
    assert!(heard > 0, "start is announced");

    session.close();
    // Past the end of the whole plan: every segment change would be an event.
    session.tick(3_600_000).expect("the session still runs");
    session.stop(3_600_001).expect("and stops");
    assert!(session.flush_events(10_000));
    assert_eq!(log.names().len(), heard, "no event after close");

    let weak = Arc::downgrade(&log);
    drop(log);
    assert!(released(&weak), "the session still holds the observer");
    session.close(); // twice is fine
}

#[test]
fn a_closed_sensor_client_calls_nobody_and_lets_go_of_its_observer() {
    let log = SensorLog::new();
    let client = SensorClient::new();
    client.set_observer(Some(log.clone())).expect("observer");
    client.start_pushed("pod".into()).expect("pushed");
    client.push_raw_battery(vec![80]).expect("battery");
    assert!(client.flush_events(10_000));
    let heard = log.heard().len();
    assert!(heard > 0, "the battery is heard");

    client.close().expect("close");
    // Stopped by close: the pushed sensor is gone, and no Idle was heard.
    assert!(client.push_raw_battery(vec![70]).is_err());
    assert!(client.flush_events(10_000));
    assert_eq!(log.heard().len(), heard, "no call after close");

    let weak = Arc::downgrade(&log);
    drop(log);
    assert!(released(&weak), "the client still holds the observer");
    client.close().expect("twice is fine");
}

/// Kotlin's `close()` frees the Rust object instead (the exported `close`
/// is Swift's): freeing each object lets go of its observer the same way,
/// even a session a sensor still feeds.
#[test]
fn freeing_an_object_lets_go_of_its_observer() {
    let log = RunLog::new();
    let session = RunSession::new(ten_minute_run(), None, log.clone()).expect("session");
    let client = SensorClient::new();
    client.feed_run(Some(session.clone())).expect("feed");
    client.start_pushed("pod".into()).expect("pushed");
    session.start(0).expect("start");
    let weak_log = Arc::downgrade(&log);
    drop(log);
    drop(session);
    assert!(released(&weak_log), "the fed session outlived the app");
    // The sensor keeps going without it.
    client
        .push_raw_rsc(vec![0x04, 0x00, 0x03, 170])
        .expect("a reading for a freed session is let go");

    let sensor_log = SensorLog::new();
    client
        .set_observer(Some(sensor_log.clone()))
        .expect("observer");
    let weak_sensor_log = Arc::downgrade(&sensor_log);
    drop(sensor_log);
    drop(client);
    assert!(released(&weak_sensor_log), "the client outlived the app");
}
