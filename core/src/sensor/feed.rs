//! The feed: where raw sensor bytes become samples for the run session.
//! It joins the parser, the supervisor, the sink and the observer, and is
//! shared by the btleplug edge and by apps that own Bluetooth themselves and
//! push raw RSC bytes.

use std::sync::Arc;

use crate::sample::{CadenceSample, CadenceUnit, Gait, MonoMs, SampleSink, SensorLink};

use super::observer::{SensorConnectionState, SensorDetails, SensorListener, SensorWarning};
use super::rsc::{RscFeatures, RscMeasurement, parse_battery_level, parse_measurement};
use super::supervisor::{Supervisor, SupervisorCommand, SupervisorConfig, SupervisorEvent};

/// What the feed needs from the radio edge after an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkAction {
    Connect,
    Disconnect,
}

/// Samples, gaps and state for one sensor.
pub struct SensorFeed {
    source_id: String,
    supervisor: Supervisor,
    sink: Option<Arc<dyn SampleSink>>,
    observer: Option<Arc<dyn SensorListener>>,
    features: Option<RscFeatures>,
    malformed: u64,
}

impl SensorFeed {
    pub fn new(source_id: impl Into<String>, config: SupervisorConfig) -> Self {
        Self {
            source_id: source_id.into(),
            supervisor: Supervisor::new(config),
            sink: None,
            observer: None,
            features: None,
            malformed: 0,
        }
    }

    pub fn set_sink(&mut self, sink: Option<Arc<dyn SampleSink>>) {
        self.sink = sink;
    }

    pub fn set_observer(&mut self, observer: Option<Arc<dyn SensorListener>>) {
        self.observer = observer;
    }

    pub fn source_id(&self) -> &str {
        &self.source_id
    }

    pub fn supervisor(&self) -> &Supervisor {
        &self.supervisor
    }

    /// Packets dropped because they could not be decoded.
    pub fn malformed_count(&self) -> u64 {
        self.malformed
    }

    /// Feeds a supervisor event and carries out what it decides; returns the
    /// radio actions for the edge.
    pub fn event(&mut self, now: MonoMs, event: SupervisorEvent) -> Vec<LinkAction> {
        let commands = self.supervisor.handle(now, event);
        self.apply(now, commands)
    }

    /// Decodes an RSC Measurement and hands the sample to the sink. A
    /// malformed packet is counted and reported, never forwarded.
    pub fn measurement_bytes(&mut self, now: MonoMs, bytes: &[u8]) -> Vec<LinkAction> {
        match parse_measurement(bytes) {
            Ok(m) => {
                let actions = self.event(now, SupervisorEvent::Measurement);
                let sample = self.sample(now, &m);
                if let Some(sink) = &self.sink {
                    sink.on_sample(sample);
                }
                actions
            }
            Err(err) => {
                self.malformed = self.malformed.saturating_add(1);
                self.warn(SensorWarning::MalformedPacket {
                    detail: err.to_string(),
                });
                Vec::new()
            }
        }
    }

    /// Decodes a Battery Level and reports it (and a low-battery warning).
    pub fn battery_bytes(&mut self, now: MonoMs, bytes: &[u8]) -> Vec<LinkAction> {
        match parse_battery_level(bytes) {
            Ok(percent) => {
                if let Some(obs) = &self.observer {
                    obs.on_battery(percent);
                }
                if let Some(sink) = &self.sink {
                    sink.on_battery(&self.source_id, percent, now);
                }
                self.event(now, SupervisorEvent::Battery(percent))
            }
            Err(err) => {
                self.warn(SensorWarning::ReadFailed {
                    what: "battery level".to_owned(),
                    detail: err.to_string(),
                });
                Vec::new()
            }
        }
    }

    /// Records what the sensor said about itself and tells the observer.
    pub fn details(&mut self, details: SensorDetails) {
        self.features = details.features;
        if let Some(obs) = &self.observer {
            obs.on_details(details);
        }
    }

    pub fn warn(&self, warning: SensorWarning) {
        if let Some(obs) = &self.observer {
            obs.on_warning(warning);
        }
    }

    fn sample(&self, now: MonoMs, m: &RscMeasurement) -> CadenceSample {
        // The running bit is always on the wire, but it only means something
        // when the sensor declares walking/running status support.
        let gait_supported = self.features.is_none_or(|f| f.walking_running_status);
        CadenceSample {
            at_ms: now,
            source_id: self.source_id.clone(),
            cadence: f64::from(m.cadence_raw),
            unit: CadenceUnit::Unknown,
            speed_mps: Some(m.speed_mps),
            stride_length_m: m.stride_length_m,
            total_distance_m: m.total_distance_m,
            gait: gait_supported.then_some(if m.running {
                Gait::Running
            } else {
                Gait::Walking
            }),
        }
    }

    fn apply(&mut self, now: MonoMs, commands: Vec<SupervisorCommand>) -> Vec<LinkAction> {
        let mut actions = Vec::new();
        for command in commands {
            match command {
                SupervisorCommand::Connect => actions.push(LinkAction::Connect),
                SupervisorCommand::Disconnect => actions.push(LinkAction::Disconnect),
                SupervisorCommand::SignalLost { at_ms } => {
                    if let Some(sink) = &self.sink {
                        sink.on_signal_lost(&self.source_id, at_ms);
                    }
                }
                SupervisorCommand::SignalRestored { at_ms } => {
                    if let Some(sink) = &self.sink {
                        sink.on_signal_restored(&self.source_id, at_ms);
                    }
                }
                SupervisorCommand::State(state) => {
                    if let Some(sink) = &self.sink {
                        sink.on_link(&self.source_id, link_of(&state), now);
                    }
                    if let Some(obs) = &self.observer {
                        obs.on_state(state);
                    }
                }
                SupervisorCommand::LowBattery { percent } => {
                    self.warn(SensorWarning::LowBattery { percent });
                }
            }
        }
        actions
    }
}

/// The run session's view of a client state.
fn link_of(state: &SensorConnectionState) -> SensorLink {
    match state {
        SensorConnectionState::Idle => SensorLink::Idle,
        SensorConnectionState::Connecting { .. } | SensorConnectionState::Reconnecting { .. } => {
            SensorLink::Connecting
        }
        SensorConnectionState::Connected => SensorLink::Connected,
        SensorConnectionState::Silent => SensorLink::Silent,
        SensorConnectionState::BluetoothOff => SensorLink::BluetoothOff,
        SensorConnectionState::Failed { .. } => SensorLink::Failed,
    }
}
