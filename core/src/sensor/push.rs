//! For apps that already own the Bluetooth connection (their own stack, a
//! watch bridge): they push raw RSC bytes and link changes, and get the same
//! samples, gaps, silence detection and battery warnings as the btleplug
//! client. Connect and disconnect decisions are theirs, so the supervisor's
//! radio actions are dropped here.
//!
//! The sink and the observer are called under the feed's lock, so they must
//! only hand work on, never run app code: the FFI gives them a `SinkSlot`
//! into a run session and an observer backed by a delivery thread.

use std::sync::{Arc, Mutex, MutexGuard};

use thiserror::Error;

use crate::sample::SampleSink;

use super::clock::MonoClock;
use super::feed::SensorFeed;
use super::observer::{SensorDetails, SensorListener};
use super::supervisor::{SupervisorConfig, SupervisorEvent};

#[derive(Debug, Error, PartialEq, Eq)]
pub enum PushError {
    /// A previous caller panicked while holding the feed.
    #[error("the pushed sensor feed is unusable after an earlier failure")]
    Poisoned,
}

/// A sensor whose bytes the app pushes in.
pub struct PushedSensor {
    feed: Mutex<SensorFeed>,
    clock: Arc<dyn MonoClock>,
}

impl PushedSensor {
    /// A pushed sensor known as `source_id` (the app's id for the device).
    /// It starts as connecting: the app calls `link_up` when its link is ready.
    pub fn new(
        source_id: impl Into<String>,
        config: SupervisorConfig,
        clock: Arc<dyn MonoClock>,
    ) -> Self {
        let mut feed = SensorFeed::new(source_id, config);
        let now = clock.now_ms();
        let _ = feed.event(now, SupervisorEvent::Start);
        Self {
            feed: Mutex::new(feed),
            clock,
        }
    }

    fn feed(&self) -> Result<MutexGuard<'_, SensorFeed>, PushError> {
        self.feed.lock().map_err(|_| PushError::Poisoned)
    }

    pub fn set_sink(&self, sink: Option<Arc<dyn SampleSink>>) -> Result<(), PushError> {
        self.feed()?.set_sink(sink);
        Ok(())
    }

    pub fn set_observer(&self, observer: Option<Arc<dyn SensorListener>>) -> Result<(), PushError> {
        self.feed()?.set_observer(observer);
        Ok(())
    }

    /// The app's link to the sensor is up and subscribed.
    pub fn link_up(&self) -> Result<(), PushError> {
        let now = self.clock.now_ms();
        let mut feed = self.feed()?;
        let _ = feed.event(now, SupervisorEvent::ConnectSucceeded);
        Ok(())
    }

    /// The app's link dropped.
    pub fn link_down(&self) -> Result<(), PushError> {
        let now = self.clock.now_ms();
        let _ = self.feed()?.event(now, SupervisorEvent::LinkLost);
        Ok(())
    }

    /// Raw RSC Measurement bytes, exactly as notified.
    pub fn push_measurement(&self, bytes: &[u8]) -> Result<(), PushError> {
        let now = self.clock.now_ms();
        let _ = self.feed()?.measurement_bytes(now, bytes);
        Ok(())
    }

    /// Raw Battery Level bytes.
    pub fn push_battery(&self, bytes: &[u8]) -> Result<(), PushError> {
        let now = self.clock.now_ms();
        let _ = self.feed()?.battery_bytes(now, bytes);
        Ok(())
    }

    /// What the app read about the sensor.
    pub fn push_details(&self, details: SensorDetails) -> Result<(), PushError> {
        self.feed()?.details(details);
        Ok(())
    }

    /// The app stopped using the sensor: the observer hears Idle, and later
    /// pushes are the app's mistake (the facade refuses them).
    pub fn stop(&self) -> Result<(), PushError> {
        let now = self.clock.now_ms();
        let _ = self.feed()?.event(now, SupervisorEvent::Stop);
        Ok(())
    }

    /// Lets time pass, so a silent link is noticed; call it about once a second.
    pub fn tick(&self) -> Result<(), PushError> {
        let now = self.clock.now_ms();
        let _ = self.feed()?.event(now, SupervisorEvent::Tick);
        Ok(())
    }
}
