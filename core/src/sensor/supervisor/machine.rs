//! The connection supervisor: a pure state machine that decides when to
//! connect, when the sensor counts as silent, when to give up, and when the
//! run session must mark a gap. Time is an argument, so a whole run of
//! drop-outs replays in a unit test.

use crate::sample::MonoMs;

use super::super::observer::SensorConnectionState;
use super::config::SupervisorConfig;

/// What happened, as the Bluetooth edge (or a test) reports it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SupervisorEvent {
    /// The app started the sensor.
    Start,
    /// Connect, discovery and subscription all succeeded.
    ConnectSucceeded,
    /// The connection attempt failed.
    ConnectFailed(FailureKind),
    /// The link dropped (the adapter reported the device disconnected).
    LinkLost,
    /// A decodable measurement arrived.
    Measurement,
    /// A battery level arrived.
    Battery(u8),
    /// The phone's Bluetooth was switched off.
    AdapterOff,
    /// The phone's Bluetooth came back.
    AdapterOn,
    /// Time passed (the edge wakes at `next_deadline`).
    Tick,
    /// The app stopped the sensor.
    Stop,
}

/// How bad a failure is, which decides what the supervisor does next.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FailureKind {
    /// Worth retrying after a backoff (timeouts, "failed", "in progress", not found yet).
    Transient,
    /// The adapter is off: wait for it rather than burning attempts.
    AdapterOff,
    /// Retrying cannot help (no adapter, permission denied, not an RSC sensor).
    Permanent(String),
}

/// What the edge must do now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SupervisorCommand {
    /// Start a connection attempt (scan if needed, connect, discover, subscribe).
    Connect,
    /// Drop the current connection.
    Disconnect,
    /// Tell the sink the signal is gone from `at_ms` (start of a gap).
    SignalLost { at_ms: MonoMs },
    /// Tell the sink the signal is back from `at_ms` (end of the gap).
    SignalRestored { at_ms: MonoMs },
    /// Tell the observer the new state.
    State(SensorConnectionState),
    /// Warn the runner about the battery.
    LowBattery { percent: u8 },
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Phase {
    Idle,
    Connecting { attempt: u32 },
    Connected { last_data_ms: MonoMs },
    Silent { since_ms: MonoMs },
    Backoff { attempt: u32, until_ms: MonoMs },
    AdapterOff,
    Failed,
}

/// The supervisor. Feed it events with the current monotonic time; carry
/// out the commands it returns in order.
#[derive(Debug, Clone)]
pub struct Supervisor {
    config: SupervisorConfig,
    phase: Phase,
    signal_lost: bool,
    battery_warned: bool,
}

impl Supervisor {
    pub fn new(config: SupervisorConfig) -> Self {
        Self {
            config,
            phase: Phase::Idle,
            signal_lost: false,
            battery_warned: false,
        }
    }

    pub fn config(&self) -> &SupervisorConfig {
        &self.config
    }

    /// The state the observer was last told about.
    pub fn state(&self) -> SensorConnectionState {
        match &self.phase {
            Phase::Idle => SensorConnectionState::Idle,
            Phase::Connecting { attempt } => {
                SensorConnectionState::Connecting { attempt: *attempt }
            }
            Phase::Connected { .. } => SensorConnectionState::Connected,
            Phase::Silent { .. } => SensorConnectionState::Silent,
            Phase::Backoff { attempt, .. } => SensorConnectionState::Reconnecting {
                attempt: *attempt,
                retry_in_ms: 0,
            },
            Phase::AdapterOff => SensorConnectionState::BluetoothOff,
            Phase::Failed => SensorConnectionState::Failed {
                reason: "gave up".to_owned(),
            },
        }
    }

    /// Whether the sink is currently inside a gap.
    pub fn signal_lost(&self) -> bool {
        self.signal_lost
    }

    /// When the supervisor next needs a `Tick`, if ever.
    pub fn next_deadline(&self) -> Option<MonoMs> {
        match self.phase {
            Phase::Connected { last_data_ms } => {
                Some(last_data_ms.saturating_add(self.config.data_timeout_ms))
            }
            Phase::Silent { since_ms } => {
                Some(since_ms.saturating_add(self.config.silent_reconnect_after_ms))
            }
            Phase::Backoff { until_ms, .. } => Some(until_ms),
            Phase::Idle | Phase::Connecting { .. } | Phase::AdapterOff | Phase::Failed => None,
        }
    }

    /// Handles one event at `now`.
    pub fn handle(&mut self, now: MonoMs, event: SupervisorEvent) -> Vec<SupervisorCommand> {
        let mut out = Vec::new();
        match event {
            SupervisorEvent::Start => {
                if matches!(self.phase, Phase::Idle | Phase::Failed) {
                    self.begin_attempt(1, &mut out);
                }
            }
            SupervisorEvent::ConnectSucceeded => {
                // From backoff or adapter-off too: an app that owns the link
                // (the push entry point) reconnects on its own schedule.
                if matches!(
                    self.phase,
                    Phase::Connecting { .. } | Phase::Backoff { .. } | Phase::AdapterOff
                ) {
                    self.phase = Phase::Connected { last_data_ms: now };
                    out.push(SupervisorCommand::State(SensorConnectionState::Connected));
                }
            }
            SupervisorEvent::ConnectFailed(kind) => {
                if let Phase::Connecting { attempt } = self.phase {
                    self.after_failure(now, attempt, kind, &mut out);
                }
            }
            SupervisorEvent::LinkLost => {
                if matches!(self.phase, Phase::Connected { .. } | Phase::Silent { .. }) {
                    self.lose_signal(now, &mut out);
                    self.schedule_retry(now, 1, &mut out);
                }
            }
            SupervisorEvent::Measurement => match self.phase {
                Phase::Connected { .. } => {
                    self.phase = Phase::Connected { last_data_ms: now };
                    self.restore_signal(now, &mut out);
                }
                // Data proves the link is up, even before the edge (or the
                // app pushing bytes) has said so.
                Phase::Silent { .. } | Phase::Connecting { .. } | Phase::Backoff { .. } => {
                    self.phase = Phase::Connected { last_data_ms: now };
                    out.push(SupervisorCommand::State(SensorConnectionState::Connected));
                    self.restore_signal(now, &mut out);
                }
                _ => {}
            },
            SupervisorEvent::Battery(percent) => self.battery(percent, &mut out),
            SupervisorEvent::AdapterOff => {
                if !matches!(self.phase, Phase::Idle | Phase::Failed | Phase::AdapterOff) {
                    if matches!(self.phase, Phase::Connected { .. } | Phase::Silent { .. }) {
                        self.lose_signal(now, &mut out);
                    }
                    self.phase = Phase::AdapterOff;
                    out.push(SupervisorCommand::State(
                        SensorConnectionState::BluetoothOff,
                    ));
                }
            }
            SupervisorEvent::AdapterOn => {
                if self.phase == Phase::AdapterOff {
                    self.begin_attempt(1, &mut out);
                }
            }
            SupervisorEvent::Tick => self.tick(now, &mut out),
            SupervisorEvent::Stop => {
                if matches!(
                    self.phase,
                    Phase::Connecting { .. } | Phase::Connected { .. } | Phase::Silent { .. }
                ) {
                    out.push(SupervisorCommand::Disconnect);
                }
                if self.phase != Phase::Idle {
                    self.phase = Phase::Idle;
                    self.signal_lost = false;
                    out.push(SupervisorCommand::State(SensorConnectionState::Idle));
                }
            }
        }
        out
    }

    fn tick(&mut self, now: MonoMs, out: &mut Vec<SupervisorCommand>) {
        match self.phase {
            Phase::Connected { last_data_ms }
                if now.saturating_sub(last_data_ms) >= self.config.data_timeout_ms =>
            {
                self.phase = Phase::Silent { since_ms: now };
                out.push(SupervisorCommand::State(SensorConnectionState::Silent));
                self.lose_signal(now, out);
            }
            Phase::Silent { since_ms }
                if now.saturating_sub(since_ms) >= self.config.silent_reconnect_after_ms =>
            {
                // A link that stays up but delivers nothing rarely heals by
                // itself: a fresh connection and subscription usually does.
                out.push(SupervisorCommand::Disconnect);
                self.begin_attempt(1, out);
            }
            Phase::Backoff { attempt, until_ms } if now >= until_ms => {
                self.begin_attempt(attempt, out);
            }
            _ => {}
        }
    }

    fn begin_attempt(&mut self, attempt: u32, out: &mut Vec<SupervisorCommand>) {
        self.phase = Phase::Connecting { attempt };
        out.push(SupervisorCommand::State(
            SensorConnectionState::Connecting { attempt },
        ));
        out.push(SupervisorCommand::Connect);
    }

    fn after_failure(
        &mut self,
        now: MonoMs,
        attempt: u32,
        kind: FailureKind,
        out: &mut Vec<SupervisorCommand>,
    ) {
        match kind {
            FailureKind::Permanent(reason) => self.fail(reason, out),
            FailureKind::AdapterOff => {
                self.phase = Phase::AdapterOff;
                out.push(SupervisorCommand::State(
                    SensorConnectionState::BluetoothOff,
                ));
            }
            FailureKind::Transient => {
                let next = attempt.saturating_add(1);
                match self.config.max_attempts {
                    Some(max) if attempt >= max => {
                        self.fail(format!("no connection after {attempt} attempts"), out);
                    }
                    _ => self.schedule_retry(now, next, out),
                }
            }
        }
    }

    fn schedule_retry(&mut self, now: MonoMs, attempt: u32, out: &mut Vec<SupervisorCommand>) {
        let delay = self.config.backoff_ms(attempt);
        self.phase = Phase::Backoff {
            attempt,
            until_ms: now.saturating_add(delay),
        };
        out.push(SupervisorCommand::State(
            SensorConnectionState::Reconnecting {
                attempt,
                retry_in_ms: delay,
            },
        ));
    }

    fn fail(&mut self, reason: String, out: &mut Vec<SupervisorCommand>) {
        self.phase = Phase::Failed;
        out.push(SupervisorCommand::State(SensorConnectionState::Failed {
            reason,
        }));
    }

    fn lose_signal(&mut self, now: MonoMs, out: &mut Vec<SupervisorCommand>) {
        if !self.signal_lost {
            self.signal_lost = true;
            out.push(SupervisorCommand::SignalLost { at_ms: now });
        }
    }

    fn restore_signal(&mut self, now: MonoMs, out: &mut Vec<SupervisorCommand>) {
        if self.signal_lost {
            self.signal_lost = false;
            out.push(SupervisorCommand::SignalRestored { at_ms: now });
        }
    }

    fn battery(&mut self, percent: u8, out: &mut Vec<SupervisorCommand>) {
        let threshold = self.config.low_battery_percent;
        if percent <= threshold {
            if !self.battery_warned {
                self.battery_warned = true;
                out.push(SupervisorCommand::LowBattery { percent });
            }
        } else if percent >= threshold.saturating_add(self.config.low_battery_rearm_margin) {
            self.battery_warned = false;
        }
    }
}
