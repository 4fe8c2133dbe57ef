//! The `SensorClient` object: one per app, holding at most one running
//! sensor (btleplug-driven or pushed by the app).

use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use crate::sample::{SampleSink, SinkSlot};
use crate::sensor::ble::{BleConfig, BleSensorClient, FoundSensor, RunningSensor};
use crate::sensor::clock::{InstantClock, MonoClock};
use crate::sensor::observer::SensorListener;
use crate::sensor::picker::SensorPicker;
use crate::sensor::push::PushedSensor;

use super::delivery::ObserverPump;
use super::types::SensorObserver;
use crate::ffi::events::DeliveryReport;
use crate::ffi::run::RunSession;

/// Why a sensor call failed, worded for a log line.
#[derive(Debug, thiserror::Error, uniffi::Error)]
// Flat: the apps get the Display text as the error's message (see ARCHITECTURE.md, "Errors").
#[uniffi(flat_error)]
pub enum SensorError {
    /// The Bluetooth stack refused or failed the request.
    #[error("Bluetooth: {detail}")]
    Bluetooth { detail: String },
    /// An argument was unusable; the message names it.
    #[error("{field}: {detail}")]
    InvalidArgument { field: String, detail: String },
    /// A sensor is already running on this client.
    #[error("a sensor is already running; stop it first")]
    AlreadyRunning,
    /// Raw bytes were pushed before `start_pushed`.
    #[error("no pushed sensor: call start_pushed first")]
    NotPushing,
    /// An earlier internal failure left the client unusable.
    #[error("the sensor client is unusable after an earlier internal failure")]
    Poisoned,
    /// The observer's delivery thread could not be started.
    #[error("sensor events cannot be delivered: {detail}")]
    DeliveryUnavailable { detail: String },
}

#[derive(Default)]
struct Slots {
    running: Option<RunningSensor>,
    // Shared so a push runs outside this lock.
    pushed: Option<Arc<PushedSensor>>,
    observer: Option<Arc<ObserverPump>>,
}

/// Scans for and looks after one RSC foot pod.
///
/// No foreign code runs under `slots` or on the sensor runtime: the observer
/// is called from its own delivery thread (`ObserverPump`), and the run
/// session fed by `feed_run` is Rust. So every method may be called from any
/// thread, including from inside any observer callback.
#[derive(uniffi::Object)]
pub struct SensorClient {
    pub(super) core: BleSensorClient,
    slots: Mutex<Slots>,
    /// Where readings go; swapped by `feed_run` while a sensor runs.
    sink: SinkSlot,
    /// The Sensor picker; shared with the scan thread (`picker.rs`).
    pub(super) picker: Arc<Mutex<SensorPicker>>,
}

impl SensorClient {
    /// Rust-side only: a client with its own timeouts and supervisor
    /// settings (tests, benches, the CLI).
    pub fn with_config(config: BleConfig) -> Arc<Self> {
        Self::with_config_and_clock(config, Arc::new(InstantClock::new()))
    }

    /// Rust-side only: `with_config` with the clock that stamps readings,
    /// so that the delivery bench can see the moment a notification reached
    /// the library (the clock is read right after the radio wakes it).
    pub fn with_config_and_clock(config: BleConfig, clock: Arc<dyn MonoClock>) -> Arc<Self> {
        Arc::new(Self {
            core: BleSensorClient::new(config, clock),
            slots: Mutex::new(Slots::default()),
            sink: SinkSlot::new(),
            picker: Arc::new(Mutex::new(SensorPicker::new())),
        })
    }

    /// The current observer's pump, for the picker's updates.
    pub(super) fn observer_pump(&self) -> Option<Arc<ObserverPump>> {
        self.slots().ok().and_then(|s| s.observer.clone())
    }

    fn slots(&self) -> Result<MutexGuard<'_, Slots>, SensorError> {
        self.slots.lock().map_err(|_| SensorError::Poisoned)
    }

    /// The pushed sensor, taken out of the lock before it is fed.
    fn pushed(&self) -> Result<Arc<PushedSensor>, SensorError> {
        self.slots()?.pushed.clone().ok_or(SensorError::NotPushing)
    }

    /// Rust-side only: where readings go from now on, for a running sensor
    /// too. `feed_run` is the app's way to the same thing.
    pub fn attach_sink(&self, sink: Option<Arc<dyn SampleSink>>) -> Result<(), SensorError> {
        self.sink.set(sink);
        Ok(())
    }

    /// Waits until the observer has been handed every queued event, or
    /// `limit` passed (Rust tests and benches); true when it has.
    pub fn wait_delivered(&self, limit: Duration) -> bool {
        let observer = self.slots().ok().and_then(|s| s.observer.clone());
        observer.is_none_or(|o| o.wait_idle(limit))
    }

    fn slot_sink(&self) -> Option<Arc<dyn SampleSink>> {
        Some(Arc::new(self.sink.clone()))
    }

    fn core_observer(slots: &Slots) -> Option<Arc<dyn SensorListener>> {
        slots.observer.clone().map(|o| o as Arc<dyn SensorListener>)
    }
}

/// Freeing the client (Kotlin's `close()`, Swift's last reference) does
/// what `close` does: the observer hears nothing more and any sensor stops.
impl Drop for SensorClient {
    fn drop(&mut self) {
        // Nobody is left to tell about a failed stop.
        let _ = self.close();
    }
}

fn bluetooth(e: impl std::fmt::Display) -> SensorError {
    SensorError::Bluetooth {
        detail: e.to_string(),
    }
}

#[uniffi::export]
impl SensorClient {
    /// A client with the default timeouts and supervisor settings.
    #[uniffi::constructor]
    pub fn new() -> Arc<Self> {
        Self::with_config(BleConfig::default())
    }

    /// The observer for state, battery, details and warnings; takes effect
    /// at the next `start` / `start_pushed`. It is called on the client's
    /// own delivery thread, never on the caller's.
    pub fn set_observer(
        &self,
        observer: Option<Arc<dyn SensorObserver>>,
    ) -> Result<(), SensorError> {
        let pump = match observer {
            Some(o) => Some(Arc::new(ObserverPump::start(o).map_err(|e| {
                SensorError::DeliveryUnavailable {
                    detail: e.to_string(),
                }
            })?)),
            None => None,
        };
        // The old pump ends by itself once the running sensor lets go of it.
        self.slots()?.observer = pump;
        Ok(())
    }

    /// How delivery to the current observer went: calls made, calls that
    /// threw, events dropped because the observer fell far behind.
    pub fn delivery_report(&self) -> Result<DeliveryReport, SensorError> {
        Ok(self
            .slots()?
            .observer
            .as_ref()
            .map(|o| o.report())
            .unwrap_or_default())
    }

    /// Waits up to `timeout_ms` until the observer has been handed every
    /// event queued so far and returned; true when it has (or there is no
    /// observer). From inside the observer it returns false at once.
    pub fn flush_events(&self, timeout_ms: u32) -> bool {
        self.wait_delivered(Duration::from_millis(u64::from(timeout_ms)))
    }

    /// Scans for `seconds` and lists RSC sensors, strongest first. Blocks:
    /// call it off the main thread.
    pub fn scan(&self, seconds: f64) -> Result<Vec<FoundSensor>, SensorError> {
        let window =
            Duration::try_from_secs_f64(seconds).map_err(|_| SensorError::InvalidArgument {
                field: "seconds".to_owned(),
                detail: format!("{seconds} is not a usable scan duration"),
            })?;
        self.core.scan_blocking(window).map_err(bluetooth)
    }

    /// Connects to `sensor_id` (from `scan`, or remembered), or to the
    /// strongest RSC sensor when `None`, and looks after the link until `stop`.
    pub fn start(&self, sensor_id: Option<String>) -> Result<(), SensorError> {
        let mut slots = self.slots()?;
        if slots
            .running
            .as_ref()
            .is_some_and(RunningSensor::is_finished)
        {
            // The task gave up (Failed was reported): a new start may replace it.
            slots.running = None;
        }
        if slots.running.is_some() || slots.pushed.is_some() {
            return Err(SensorError::AlreadyRunning);
        }
        let observer = Self::core_observer(&slots);
        let running = self
            .core
            .start(sensor_id, None, self.slot_sink(), observer)
            .map_err(bluetooth)?;
        slots.running = Some(running);
        Ok(())
    }

    /// For apps that own the Bluetooth link: samples come from `push_raw_rsc`
    /// under `source_id`, with the same gap, silence and battery handling.
    pub fn start_pushed(&self, source_id: String) -> Result<(), SensorError> {
        if source_id.trim().is_empty() {
            return Err(SensorError::InvalidArgument {
                field: "source_id".to_owned(),
                detail: "must not be empty".to_owned(),
            });
        }
        let mut slots = self.slots()?;
        if slots.running.is_some() || slots.pushed.is_some() {
            return Err(SensorError::AlreadyRunning);
        }
        let pushed = PushedSensor::new(
            source_id,
            self.core.config().supervisor.clone(),
            Arc::new(InstantClock::new()),
        );
        pushed.set_sink(self.slot_sink()).map_err(bluetooth)?;
        pushed
            .set_observer(Self::core_observer(&slots))
            .map_err(bluetooth)?;
        slots.pushed = Some(Arc::new(pushed));
        Ok(())
    }

    /// Raw RSC Measurement bytes, exactly as the app's stack notified them.
    pub fn push_raw_rsc(&self, bytes: Vec<u8>) -> Result<(), SensorError> {
        let pushed = self.pushed()?;
        pushed.push_measurement(&bytes).map_err(bluetooth)
    }

    /// Raw Battery Level bytes.
    pub fn push_raw_battery(&self, bytes: Vec<u8>) -> Result<(), SensorError> {
        let pushed = self.pushed()?;
        pushed.push_battery(&bytes).map_err(bluetooth)
    }

    /// The app's own link came up (`true`) or dropped (`false`).
    pub fn push_link_state(&self, up: bool) -> Result<(), SensorError> {
        let pushed = self.pushed()?;
        if up {
            pushed.link_up().map_err(bluetooth)
        } else {
            pushed.link_down().map_err(bluetooth)
        }
    }

    /// Lets the pushed sensor notice silence; call about once a second.
    pub fn push_tick(&self) -> Result<(), SensorError> {
        let pushed = self.pushed()?;
        pushed.tick().map_err(bluetooth)
    }

    /// Feeds this sensor's readings, gaps and restores straight into `session`
    /// on the Rust side, so no reading crosses the FFI; `None` detaches it.
    /// Takes effect at once, before or after `start`, in both modes. The
    /// sensor stamps its readings with the library's monotonic clock, so the
    /// app drives the session (`start`, `tick`, ...) with
    /// `monotonic_now_ms()`, the same time base.
    pub fn feed_run(&self, session: Option<Arc<RunSession>>) -> Result<(), SensorError> {
        self.sink.set(session.map(RunSession::as_sample_sink));
        Ok(())
    }

    /// Ends this client's use: the observer hears nothing more (queued events
    /// are dropped, none starts after this returns) and is let go of, then
    /// any running sensor is stopped as `stop` does. Idempotent; safe from
    /// inside the observer. A new observer may be set afterwards.
    pub fn close(&self) -> Result<(), SensorError> {
        // Even after an earlier failure the observer must be let go of.
        let observer = self
            .slots
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .observer
            .take();
        if let Some(observer) = observer {
            observer.close();
        }
        self.stop()
    }

    /// Stops whichever sensor runs: a Bluetooth link is disconnected and the
    /// observer hears Idle; a pushed sensor reports Idle. Stopping twice is
    /// fine, and so is stopping from inside any callback.
    pub fn stop(&self) -> Result<(), SensorError> {
        let (running, pushed) = {
            let mut slots = self.slots()?;
            (slots.running.take(), slots.pushed.take())
        };
        if let Some(p) = pushed {
            p.stop().map_err(bluetooth)?;
        }
        // Outside the lock: stopping waits (boundedly) for the runtime task.
        if let Some(r) = running {
            r.stop_blocking().map_err(bluetooth)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Mutex;

    use crate::sample::{CadenceSample, MonoMs};

    use super::*;
    use crate::sensor::observer::{SensorConnectionState, SensorDetails, SensorWarning};
    use crate::sensor::picker::SensorPickerScreen;

    /// How long a test waits for a delivery thread; only a hang reaches it.
    const WAIT: Duration = Duration::from_secs(10);

    #[derive(Default)]
    struct Seen(Mutex<Vec<String>>);

    impl Seen {
        fn lines(&self) -> Vec<String> {
            self.0.lock().expect("seen").clone()
        }
        fn push(&self, s: String) {
            self.0.lock().expect("seen").push(s);
        }
    }

    impl SensorObserver for Seen {
        fn on_state(&self, state: SensorConnectionState) {
            self.push(format!("state {state:?}"));
        }
        fn on_battery(&self, percent: u8) {
            self.push(format!("battery {percent}"));
        }
        fn on_details(&self, details: SensorDetails) {
            self.push(format!("details {}", details.id));
        }
        fn on_warning(&self, warning: SensorWarning) {
            self.push(format!("warning {warning:?}"));
        }
        fn on_picker(&self, screen: SensorPickerScreen) {
            self.push(format!(
                "picker {:?} {}",
                screen.state,
                screen.sensors.len()
            ));
        }
    }

    impl SampleSink for Seen {
        fn on_sample(&self, s: CadenceSample) {
            self.push(format!("sample {} from {}", s.cadence, s.source_id));
        }
        fn on_signal_lost(&self, id: &str, _: MonoMs) {
            self.push(format!("lost {id}"));
        }
        fn on_signal_restored(&self, id: &str, _: MonoMs) {
            self.push(format!("restored {id}"));
        }
    }

    #[test]
    fn pushed_bytes_reach_the_rust_sink_and_state_reaches_the_observer() {
        let client = SensorClient::new();
        let observer = Arc::new(Seen::default());
        let sink = Arc::new(Seen::default());
        client
            .set_observer(Some(observer.clone()))
            .expect("observer");
        client.attach_sink(Some(sink.clone())).expect("sink");
        assert!(matches!(
            client.push_raw_rsc(vec![0, 0, 3, 170]),
            Err(SensorError::NotPushing)
        ));
        client.start_pushed("watch-pod".into()).expect("start");
        assert!(matches!(
            client.start(None),
            Err(SensorError::AlreadyRunning)
        ));
        client.push_link_state(true).expect("up");
        client
            .push_raw_rsc(vec![0x04, 0x00, 0x03, 172])
            .expect("good");
        client
            .push_raw_rsc(vec![0x07, 0x00, 0x03])
            .expect("bad bytes are a warning, not an error");
        client.push_raw_battery(vec![9]).expect("battery");
        client.push_link_state(false).expect("down");
        client.stop().expect("stop");
        client.stop().expect("stopping twice is fine");
        assert!(client.wait_delivered(WAIT));
        assert_eq!(
            sink.lines(),
            vec!["sample 172 from watch-pod", "lost watch-pod"]
        );
        let seen = observer.lines();
        assert_eq!(seen[0], "state Connected");
        assert!(seen[1].starts_with("warning MalformedPacket"), "{seen:?}");
        assert_eq!(
            &seen[2..4],
            &["battery 9", "warning LowBattery { percent: 9 }"]
        );
        assert_eq!(
            seen[4],
            "state Reconnecting { attempt: 1, retry_in_ms: 500 }"
        );
    }

    #[derive(Default)]
    struct RunEvents(Mutex<Vec<crate::ffi::run::DeliveredRunEvent>>);

    impl crate::ffi::run::RunObserver for RunEvents {
        fn on_event(&self, event: crate::ffi::run::DeliveredRunEvent) {
            self.0.lock().expect("events").push(event);
        }
    }

    impl RunEvents {
        fn names(&self) -> Vec<String> {
            let events = self.0.lock().expect("events");
            events.iter().map(|e| e.name.clone()).collect()
        }
    }

    fn one_run_segment() -> crate::ffi::run::RunPlan {
        crate::ffi::run::RunPlan {
            segments: vec![crate::ffi::run::RunSegment {
                kind: crate::ffi::run::RunSegmentKind::Run,
                duration_s: 600,
            }],
            cadence_target_spm: Some(170.0),
        }
    }

    /// Pushes one RSC measurement (running, speed 3 m/s) and waits past the
    /// sensor clock's millisecond, so no two readings share a timestamp.
    fn push_rsc(client: &SensorClient, cadence: u8) {
        client
            .push_raw_rsc(vec![0x04, 0x00, 0x03, cadence])
            .expect("push");
        std::thread::sleep(Duration::from_millis(3));
    }

    /// Stops the client from inside its own observer, as an app reacting
    /// to a low battery might.
    struct StopOnBattery(Mutex<Option<Arc<SensorClient>>>);

    impl SensorObserver for StopOnBattery {
        fn on_state(&self, _: SensorConnectionState) {}
        fn on_battery(&self, _: u8) {
            let client = self.0.lock().unwrap().take();
            if let Some(client) = client {
                client.stop().expect("stop from the observer");
            }
        }
        fn on_details(&self, _: SensorDetails) {}
        fn on_warning(&self, _: SensorWarning) {}
        fn on_picker(&self, _: SensorPickerScreen) {}
    }

    #[test]
    fn an_observer_may_stop_the_client_from_its_callback() {
        let client = SensorClient::new();
        let observer = Arc::new(StopOnBattery(Mutex::new(Some(client.clone()))));
        client.set_observer(Some(observer.clone())).unwrap();
        client.start_pushed("pod".into()).unwrap();
        client
            .push_raw_battery(vec![80])
            .expect("the push completes");
        assert!(client.wait_delivered(WAIT));
        assert!(observer.0.lock().unwrap().is_none(), "the observer ran");
        assert!(matches!(
            client.push_raw_battery(vec![80]),
            Err(SensorError::NotPushing)
        ));
    }

    #[test]
    fn feed_run_carries_pushed_bytes_and_gaps_into_the_run_session() {
        let events = Arc::new(RunEvents::default());
        let session = RunSession::new(one_run_segment(), None, events.clone()).expect("session");
        let client = SensorClient::new();
        client.feed_run(Some(session.clone())).expect("feed");
        client.start_pushed("foot-pod".into()).expect("start");
        // The session runs on the library's clock, as the sensor does.
        session.start(0).expect("start run");
        client.push_link_state(true).expect("up");
        for _ in 0..12 {
            push_rsc(&client, 172);
        }
        let view = session.snapshot(0).expect("view");
        let cadence = view
            .cadence
            .spm
            .expect("the pushed cadence reached the run");
        assert!((cadence - 172.0).abs() < 1.0, "{cadence}");
        assert_eq!(view.dropped_samples, 0);
        // An implausible reading is refused by the run and said so, with its value.
        push_rsc(&client, 250);
        assert!(session.wait_delivered(WAIT));
        let rejected = events.0.lock().expect("events").last().cloned();
        assert!(
            matches!(
                rejected.map(|e| e.kind),
                Some(crate::ffi::run::RunEventKind::ReadingsRejected { ref source_id, value, ref reason })
                    if source_id == "foot-pod" && value == 250.0 && matches!(reason, crate::cadence::RejectReason::AboveMax { .. })
            ),
            "{:?}",
            events.names()
        );
        // A dropped link reaches the run as a sensor gap, still inside Rust.
        client.push_link_state(false).expect("down");
        assert!(session.wait_delivered(WAIT));
        let names = events.names();
        assert!(names.iter().any(|n| n == "sensor_gap"), "{names:?}");

        // Detached: later bytes no longer reach the session.
        client.feed_run(None).expect("detach");
        client.push_link_state(true).expect("up again");
        let before = session.snapshot(0).expect("view").elapsed_ms;
        for _ in 0..3 {
            push_rsc(&client, 150);
        }
        assert!(session.wait_delivered(WAIT));
        assert_eq!(events.names(), names);
        assert_eq!(session.snapshot(0).expect("view").elapsed_ms, before);
        client.stop().expect("stop");
    }

    #[test]
    fn bad_arguments_name_the_field() {
        let client = SensorClient::new();
        let err = client.scan(-1.0).expect_err("negative");
        assert_eq!(err.to_string(), "seconds: -1 is not a usable scan duration");
        let err = client.start_pushed("  ".into()).expect_err("blank");
        assert_eq!(err.to_string(), "source_id: must not be empty");
    }
}
