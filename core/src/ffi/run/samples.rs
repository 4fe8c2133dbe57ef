//! One example of every cue, over the FFI: every run event kind and every
//! sensor observer call, worded and delivered as a live session or the
//! sensor client would (see `crate::run::samples`). For the app's
//! cue preview in Settings, and for the shells' cue policy tests, which walk
//! it so that a new kind in the core cannot go unmapped.

use crate::run::samples::{self, SensorCall};

use super::{DeliveredRunEvent, RunCue};
use crate::ffi::sensor::{SensorConnectionState, SensorDetails, SensorWarning};

/// Which sensor observer call a sample stands for, with its argument.
#[derive(Debug, Clone, PartialEq, uniffi::Enum)]
pub enum SensorCueCall {
    /// `SensorObserver.onState`.
    State {
        /// The connection state.
        state: SensorConnectionState,
    },
    /// `SensorObserver.onBattery`.
    Battery {
        /// The battery level, 0-100 %.
        percent: u8,
    },
    /// `SensorObserver.onDetails`.
    Details {
        /// What the sensor says about itself.
        details: SensorDetails,
    },
    /// `SensorObserver.onWarning`.
    Warning {
        /// The warning.
        warning: SensorWarning,
    },
}

/// A sensor observer call and the cue the core gives it.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct SensorCueSample {
    /// The call.
    pub call: SensorCueCall,
    /// Its cue, as `sensorStateCue` and its siblings return it.
    pub cue: RunCue,
}

/// Every run event kind at least once (and each variant whose delivery
/// differs, such as a check-in in each pain zone), with the cue a session
/// would attach. Timestamps are 0.
#[uniffi::export]
pub fn sample_run_events() -> Vec<DeliveredRunEvent> {
    samples::sample_run_events()
        .into_iter()
        .map(DeliveredRunEvent::from)
        .collect()
}

/// Every sensor observer call (each connection state, a full and a low
/// battery, details, each warning) with its cue.
#[uniffi::export]
pub fn sample_sensor_cues() -> Vec<SensorCueSample> {
    samples::sample_sensor_cues()
        .into_iter()
        .map(|(call, cue)| SensorCueSample {
            call: match call {
                SensorCall::State(s) => SensorCueCall::State { state: s },
                SensorCall::Battery(percent) => SensorCueCall::Battery { percent },
                SensorCall::Details(d) => SensorCueCall::Details { details: d },
                SensorCall::Warning(w) => SensorCueCall::Warning { warning: w },
            },
            cue,
        })
        .collect()
}
