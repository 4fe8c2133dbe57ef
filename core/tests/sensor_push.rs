//! The push entry point, for apps that own the Bluetooth link: raw bytes
//! and link changes in, the same samples, gaps and warnings out.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use patella_core::sample::{CadenceSample, MonoMs, SampleSink, SinkSlot};
use patella_core::sensor::clock::MonoClock;
use patella_core::sensor::observer::{
    SensorConnectionState, SensorDetails, SensorListener, SensorWarning,
};
use patella_core::sensor::push::PushedSensor;
use patella_core::sensor::supervisor::SupervisorConfig;

#[derive(Default)]
struct ManualClock(AtomicU64);

impl ManualClock {
    fn set(&self, ms: MonoMs) {
        self.0.store(ms, Ordering::SeqCst);
    }
}

impl MonoClock for ManualClock {
    fn now_ms(&self) -> MonoMs {
        self.0.load(Ordering::SeqCst)
    }
}

#[derive(Default)]
struct Log(Mutex<Vec<String>>);

impl Log {
    fn lines(&self) -> Vec<String> {
        self.0.lock().expect("log").clone()
    }
    fn push(&self, s: String) {
        self.0.lock().expect("log").push(s);
    }
}

impl SampleSink for Log {
    fn on_sample(&self, s: CadenceSample) {
        self.push(format!(
            "sample {} {:?} @{}",
            s.cadence, s.speed_mps, s.at_ms
        ));
    }
    fn on_signal_lost(&self, id: &str, at: MonoMs) {
        self.push(format!("lost {id} @{at}"));
    }
    fn on_signal_restored(&self, id: &str, at: MonoMs) {
        self.push(format!("restored {id} @{at}"));
    }
}

impl SensorListener for Log {
    fn on_state(&self, state: SensorConnectionState) {
        self.push(format!("state {state:?}"));
    }
    fn on_battery(&self, percent: u8) {
        self.push(format!("battery {percent}"));
    }
    fn on_details(&self, d: SensorDetails) {
        self.push(format!("details {}", d.id));
    }
    fn on_warning(&self, w: SensorWarning) {
        self.push(format!("warning {w:?}"));
    }
}

#[test]
fn pushed_bytes_reach_the_sink_with_gaps_silence_and_battery() {
    let clock = Arc::new(ManualClock::default());
    let log = Arc::new(Log::default());
    let config = SupervisorConfig {
        data_timeout_ms: 3_000,
        ..SupervisorConfig::default()
    };
    let pod = PushedSensor::new("watch-pod", config, clock.clone());
    pod.set_sink(Some(log.clone())).expect("sink");
    pod.set_observer(Some(log.clone())).expect("observer");
    pod.link_up().expect("up");
    clock.set(1_000);
    pod.push_measurement(&[0x00, 0x00, 0x03, 170])
        .expect("push");
    pod.push_measurement(&[0x01, 0x00]).expect("push malformed");
    pod.push_battery(&[10]).expect("battery");
    clock.set(4_500);
    pod.tick().expect("tick");
    clock.set(5_000);
    pod.push_measurement(&[0x00, 0x00, 0x02, 168])
        .expect("push");
    pod.link_down().expect("down");
    clock.set(9_000);
    pod.link_up().expect("up again");
    pod.push_measurement(&[0x00, 0x80, 0x02, 171])
        .expect("push");
    assert_eq!(
        log.lines(),
        vec![
            "state Connected",
            "sample 170 Some(3.0) @1000",
            "warning MalformedPacket { detail: \"RSC Measurement: field `instantaneous speed` needs bytes 1..3 but the packet has 2 bytes\" }",
            "battery 10",
            "warning LowBattery { percent: 10 }",
            "state Silent",
            "lost watch-pod @4500",
            "state Connected",
            "restored watch-pod @5000",
            "sample 168 Some(2.0) @5000",
            "lost watch-pod @5000",
            "state Reconnecting { attempt: 1, retry_in_ms: 500 }",
            "state Connected",
            "restored watch-pod @9000",
            "sample 171 Some(2.5) @9000",
        ]
    );
}

/// Issue 10, finding 5: a run attached or detached while the sensor runs
/// takes effect at the next reading, because the sensor feeds a `SinkSlot`.
/// And `stop` reports Idle.
#[test]
fn a_sink_slot_swapped_mid_run_takes_effect_at_the_next_reading() {
    let clock = Arc::new(ManualClock::default());
    let (first, second, states) = (
        Arc::new(Log::default()),
        Arc::new(Log::default()),
        Arc::new(Log::default()),
    );
    let slot = SinkSlot::new();
    let pod = PushedSensor::new("pod", SupervisorConfig::default(), clock.clone());
    pod.set_sink(Some(Arc::new(slot.clone()))).expect("sink");
    pod.set_observer(Some(states.clone())).expect("observer");
    pod.link_up().expect("up");
    clock.set(1_000);
    pod.push_measurement(&[0x00, 0x00, 0x03, 170])
        .expect("nobody listens");
    slot.set(Some(first.clone()));
    clock.set(2_000);
    pod.push_measurement(&[0x00, 0x00, 0x03, 171])
        .expect("to the first run");
    slot.set(Some(second.clone()));
    clock.set(3_000);
    pod.push_measurement(&[0x00, 0x00, 0x03, 172])
        .expect("to the second run");
    slot.set(None);
    clock.set(4_000);
    pod.push_measurement(&[0x00, 0x00, 0x03, 173])
        .expect("detached");
    pod.stop().expect("stop");
    assert_eq!(first.lines(), ["sample 171 Some(3.0) @2000"]);
    assert_eq!(second.lines(), ["sample 172 Some(3.0) @3000"]);
    assert_eq!(states.lines(), ["state Connected", "state Idle"]);
}
