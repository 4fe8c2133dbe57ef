//! The connection supervisor and the feed with time passed in: backoff,
//! silence, gaps, adapter power and battery warnings, replayed in
//! microseconds.

use std::sync::{Arc, Mutex};

use patella_core::sample::{CadenceSample, CadenceUnit, Gait, MonoMs, SampleSink};
use patella_core::sensor::feed::{LinkAction, SensorFeed};
use patella_core::sensor::observer::{
    SensorConnectionState, SensorDetails, SensorListener, SensorWarning,
};
use patella_core::sensor::rsc::parse_feature;
use patella_core::sensor::supervisor::{
    FailureKind, Supervisor, SupervisorCommand as Cmd, SupervisorConfig, SupervisorEvent as Ev,
};

fn config() -> SupervisorConfig {
    SupervisorConfig {
        backoff_initial_ms: 100,
        backoff_factor: 2,
        backoff_max_ms: 1_000,
        max_attempts: None,
        data_timeout_ms: 2_000,
        silent_reconnect_after_ms: 3_000,
        low_battery_percent: 15,
        low_battery_rearm_margin: 5,
    }
}

fn connected(at: MonoMs) -> Supervisor {
    let mut s = Supervisor::new(config());
    assert_eq!(
        s.handle(at, Ev::Start),
        vec![
            Cmd::State(SensorConnectionState::Connecting { attempt: 1 }),
            Cmd::Connect
        ]
    );
    assert_eq!(
        s.handle(at, Ev::ConnectSucceeded),
        vec![Cmd::State(SensorConnectionState::Connected)]
    );
    s
}

#[test]
fn backoff_doubles_and_stays_bounded() {
    let c = config();
    let delays: Vec<u64> = (1..=8).map(|a| c.backoff_ms(a)).collect();
    assert_eq!(delays, vec![100, 200, 400, 800, 1_000, 1_000, 1_000, 1_000]);
    assert_eq!(c.backoff_ms(u32::MAX), 1_000);
}

#[test]
fn failed_attempts_retry_after_growing_waits_until_one_succeeds() {
    let mut s = Supervisor::new(config());
    s.handle(0, Ev::Start);
    let mut now = 0;
    for attempt in 2..=6u32 {
        let out = s.handle(now, Ev::ConnectFailed(FailureKind::Transient));
        let wait = config().backoff_ms(attempt);
        assert_eq!(
            out,
            vec![Cmd::State(SensorConnectionState::Reconnecting {
                attempt,
                retry_in_ms: wait
            })]
        );
        assert_eq!(s.next_deadline(), Some(now + wait));
        assert!(
            s.handle(now + wait - 1, Ev::Tick).is_empty(),
            "not before the wait is over"
        );
        now += wait;
        assert_eq!(
            s.handle(now, Ev::Tick),
            vec![
                Cmd::State(SensorConnectionState::Connecting { attempt }),
                Cmd::Connect
            ]
        );
    }
    assert_eq!(
        s.handle(now, Ev::ConnectSucceeded),
        vec![Cmd::State(SensorConnectionState::Connected)]
    );
}

#[test]
fn an_attempt_limit_gives_up_and_a_permanent_error_gives_up_at_once() {
    let mut limited = Supervisor::new(SupervisorConfig {
        max_attempts: Some(2),
        ..config()
    });
    limited.handle(0, Ev::Start);
    limited.handle(0, Ev::ConnectFailed(FailureKind::Transient));
    limited.handle(200, Ev::Tick);
    let out = limited.handle(200, Ev::ConnectFailed(FailureKind::Transient));
    assert_eq!(
        out,
        vec![Cmd::State(SensorConnectionState::Failed {
            reason: "no connection after 2 attempts".into()
        })]
    );
    assert_eq!(limited.next_deadline(), None);

    let mut s = Supervisor::new(config());
    s.handle(0, Ev::Start);
    let out = s.handle(
        5,
        Ev::ConnectFailed(FailureKind::Permanent("permission denied".into())),
    );
    assert_eq!(
        out,
        vec![Cmd::State(SensorConnectionState::Failed {
            reason: "permission denied".into()
        })]
    );
    // The app may start again later.
    assert_eq!(s.handle(9, Ev::Start).last(), Some(&Cmd::Connect));
}

#[test]
fn link_loss_marks_one_gap_that_ends_with_the_first_measurement() {
    let mut s = connected(0);
    assert!(
        s.handle(500, Ev::Measurement).is_empty(),
        "no gap yet, nothing to restore"
    );
    let out = s.handle(1_000, Ev::LinkLost);
    assert_eq!(
        out,
        vec![
            Cmd::SignalLost { at_ms: 1_000 },
            Cmd::State(SensorConnectionState::Reconnecting {
                attempt: 1,
                retry_in_ms: 100
            })
        ]
    );
    s.handle(1_100, Ev::Tick);
    // A failed reconnect inside the gap must not open a second gap.
    let out = s.handle(1_150, Ev::ConnectFailed(FailureKind::Transient));
    assert!(!out.iter().any(|c| matches!(c, Cmd::SignalLost { .. })));
    s.handle(1_350, Ev::Tick);
    assert_eq!(
        s.handle(1_400, Ev::ConnectSucceeded),
        vec![Cmd::State(SensorConnectionState::Connected)]
    );
    assert!(s.signal_lost(), "connected is not yet delivering");
    assert_eq!(
        s.handle(1_450, Ev::Measurement),
        vec![Cmd::SignalRestored { at_ms: 1_450 }]
    );
    assert!(!s.signal_lost());
}

#[test]
fn a_silent_sensor_is_reported_then_recovers_when_data_returns() {
    let mut s = connected(0);
    s.handle(1_000, Ev::Measurement);
    assert_eq!(s.next_deadline(), Some(3_000));
    assert!(s.handle(2_999, Ev::Tick).is_empty());
    assert_eq!(
        s.handle(3_000, Ev::Tick),
        vec![
            Cmd::State(SensorConnectionState::Silent),
            Cmd::SignalLost { at_ms: 3_000 }
        ]
    );
    assert_eq!(
        s.handle(4_000, Ev::Measurement),
        vec![
            Cmd::State(SensorConnectionState::Connected),
            Cmd::SignalRestored { at_ms: 4_000 }
        ]
    );
}

#[test]
fn a_sensor_silent_for_too_long_is_reconnected() {
    let mut s = connected(0);
    s.handle(2_000, Ev::Tick);
    assert_eq!(s.next_deadline(), Some(5_000));
    assert_eq!(
        s.handle(5_000, Ev::Tick),
        vec![
            Cmd::Disconnect,
            Cmd::State(SensorConnectionState::Connecting { attempt: 1 }),
            Cmd::Connect
        ]
    );
    s.handle(5_100, Ev::ConnectSucceeded);
    assert_eq!(
        s.handle(5_200, Ev::Measurement),
        vec![Cmd::SignalRestored { at_ms: 5_200 }]
    );
}

#[test]
fn adapter_off_waits_without_burning_attempts_and_reconnects_when_on() {
    let mut s = connected(0);
    assert_eq!(
        s.handle(100, Ev::AdapterOff),
        vec![
            Cmd::SignalLost { at_ms: 100 },
            Cmd::State(SensorConnectionState::BluetoothOff)
        ]
    );
    assert!(
        s.handle(100, Ev::LinkLost).is_empty(),
        "the loss is already accounted for"
    );
    assert_eq!(s.next_deadline(), None);
    assert_eq!(
        s.handle(60_000, Ev::AdapterOn),
        vec![
            Cmd::State(SensorConnectionState::Connecting { attempt: 1 }),
            Cmd::Connect
        ]
    );
    // An attempt that finds the adapter off again goes back to waiting.
    assert_eq!(
        s.handle(60_010, Ev::ConnectFailed(FailureKind::AdapterOff)),
        vec![Cmd::State(SensorConnectionState::BluetoothOff)]
    );
}

#[test]
fn low_battery_warns_once_and_rearms_above_the_margin() {
    let mut s = connected(0);
    assert!(s.handle(0, Ev::Battery(40)).is_empty());
    assert_eq!(
        s.handle(1, Ev::Battery(15)),
        vec![Cmd::LowBattery { percent: 15 }]
    );
    assert!(s.handle(2, Ev::Battery(14)).is_empty());
    assert!(
        s.handle(3, Ev::Battery(17)).is_empty(),
        "17 is inside the margin"
    );
    assert!(s.handle(4, Ev::Battery(12)).is_empty());
    assert!(s.handle(5, Ev::Battery(20)).is_empty());
    assert_eq!(
        s.handle(6, Ev::Battery(9)),
        vec![Cmd::LowBattery { percent: 9 }]
    );
}

#[test]
fn stop_disconnects_and_goes_idle() {
    let mut s = connected(0);
    assert_eq!(
        s.handle(10, Ev::Stop),
        vec![Cmd::Disconnect, Cmd::State(SensorConnectionState::Idle)]
    );
    assert!(s.handle(20, Ev::Stop).is_empty());
    assert!(s.handle(30, Ev::LinkLost).is_empty());
}

#[derive(Default)]
struct Recorder {
    log: Mutex<Vec<String>>,
    samples: Mutex<Vec<CadenceSample>>,
}

impl Recorder {
    fn log(&self) -> Vec<String> {
        self.log.lock().expect("log").clone()
    }
}

impl SampleSink for Recorder {
    fn on_sample(&self, sample: CadenceSample) {
        self.log
            .lock()
            .expect("log")
            .push(format!("sample {} @{}", sample.cadence, sample.at_ms));
        self.samples.lock().expect("samples").push(sample);
    }
    fn on_signal_lost(&self, source_id: &str, at_ms: MonoMs) {
        self.log
            .lock()
            .expect("log")
            .push(format!("lost {source_id} @{at_ms}"));
    }
    fn on_signal_restored(&self, source_id: &str, at_ms: MonoMs) {
        self.log
            .lock()
            .expect("log")
            .push(format!("restored {source_id} @{at_ms}"));
    }
}

impl SensorListener for Recorder {
    fn on_state(&self, state: SensorConnectionState) {
        self.log
            .lock()
            .expect("log")
            .push(format!("state {state:?}"));
    }
    fn on_battery(&self, percent: u8) {
        self.log
            .lock()
            .expect("log")
            .push(format!("battery {percent}"));
    }
    fn on_details(&self, details: SensorDetails) {
        self.log
            .lock()
            .expect("log")
            .push(format!("details {}", details.id));
    }
    fn on_warning(&self, warning: SensorWarning) {
        self.log
            .lock()
            .expect("log")
            .push(format!("warning {warning:?}"));
    }
}

#[test]
fn the_feed_turns_bytes_into_samples_gaps_and_warnings() {
    let rec = Arc::new(Recorder::default());
    let mut feed = SensorFeed::new("pod-1", config());
    feed.set_sink(Some(rec.clone()));
    feed.set_observer(Some(rec.clone()));
    assert_eq!(feed.event(0, Ev::Start), vec![LinkAction::Connect]);
    feed.event(10, Ev::ConnectSucceeded);
    feed.measurement_bytes(
        100,
        &[0x07, 0x00, 0x03, 0xAA, 0x6E, 0x00, 0xE8, 0x03, 0x00, 0x00],
    );
    feed.measurement_bytes(200, &[0x07, 0x00]);
    feed.battery_bytes(300, &[12]);
    feed.event(400, Ev::LinkLost);
    feed.event(500, Ev::Tick);
    feed.event(600, Ev::ConnectSucceeded);
    feed.measurement_bytes(700, &[0x00, 0x00, 0x02, 0x55]);
    assert_eq!(feed.malformed_count(), 1);
    let log = rec.log();
    assert_eq!(
        log,
        vec![
            "state Connecting { attempt: 1 }",
            "state Connected",
            "sample 170 @100",
            "warning MalformedPacket { detail: \"RSC Measurement: field `instantaneous speed` needs bytes 1..3 but the packet has 2 bytes\" }",
            "battery 12",
            "warning LowBattery { percent: 12 }",
            "lost pod-1 @400",
            "state Reconnecting { attempt: 1, retry_in_ms: 100 }",
            "state Connecting { attempt: 1 }",
            "state Connected",
            "restored pod-1 @700",
            "sample 85 @700",
        ]
    );
    let samples = rec.samples.lock().expect("samples");
    let first = &samples[0];
    assert_eq!(first.unit, CadenceUnit::Unknown, "RSC never claims a unit");
    assert_eq!(first.source_id, "pod-1");
    assert_eq!(first.speed_mps, Some(3.0));
    assert_eq!(first.stride_length_m, Some(1.1));
    assert_eq!(first.gait, Some(Gait::Running));
    assert_eq!(samples[1].gait, Some(Gait::Walking));
    assert_eq!(samples[1].stride_length_m, None);
}

#[test]
fn gait_is_unknown_when_the_sensor_does_not_support_the_status() {
    let rec = Arc::new(Recorder::default());
    let mut feed = SensorFeed::new("pod-2", config());
    feed.set_sink(Some(rec.clone()));
    feed.details(SensorDetails {
        id: "pod-2".into(),
        features: Some(parse_feature(&[0x03, 0x00]).expect("feature")),
        ..SensorDetails::default()
    });
    feed.event(0, Ev::Start);
    feed.event(0, Ev::ConnectSucceeded);
    feed.measurement_bytes(5, &[0x04, 0x00, 0x03, 170]);
    assert_eq!(rec.samples.lock().expect("samples")[0].gait, None);
}
