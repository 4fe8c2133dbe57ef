//! What each sensor event says to the runner, and how it is delivered:
//! the sensor client's counterpart of [`super::cue::delivery`], decided
//! once here so the shells only show and notify. The project's choices:
//! losing the sensor for good or the phone's Bluetooth reaches a locked
//! phone; routine link steps are shown, never spoken.

use super::event::{RunCue, RunUrgency};
use super::screen::LOW_BATTERY_PERCENT;
use crate::sensor::observer::{SensorConnectionState, SensorDetails, SensorWarning};

fn cue(text: String, urgency: RunUrgency, speak: bool, reach_locked_phone: bool) -> RunCue {
    RunCue {
        text,
        urgency,
        speak,
        reach_locked_phone,
    }
}

/// The cue of a connection state.
pub fn for_state(state: &SensorConnectionState) -> RunCue {
    use RunUrgency::*;
    match state {
        SensorConnectionState::Idle => cue("Sensor off.".into(), Info, false, false),
        SensorConnectionState::Connecting { .. } => {
            cue("Looking for your sensor.".into(), Info, false, false)
        }
        SensorConnectionState::Connected => cue("Sensor connected.".into(), Info, false, false),
        SensorConnectionState::Silent => cue(
            "The sensor is connected but sends nothing; is it on your shoe?".into(),
            Nudge,
            false,
            false,
        ),
        SensorConnectionState::Reconnecting { attempt, .. } => cue(
            format!("Sensor dropped out; reconnecting (try {attempt})."),
            Nudge,
            false,
            false,
        ),
        SensorConnectionState::BluetoothOff => cue(
            "Bluetooth is off, so the sensor cannot be heard. Turn it on to get cadence back."
                .into(),
            Warning,
            true,
            true,
        ),
        SensorConnectionState::Failed { reason } => cue(
            format!("The sensor cannot be reached ({reason}). The run goes on without cadence."),
            Warning,
            true,
            true,
        ),
    }
}

/// The cue of a battery reading: said only when low.
pub fn for_battery(percent: u8) -> RunCue {
    if percent <= LOW_BATTERY_PERCENT {
        cue(
            format!("Sensor battery at {percent}%: charge or replace it soon."),
            RunUrgency::Nudge,
            false,
            false,
        )
    } else {
        cue(
            format!("Sensor battery at {percent}%."),
            RunUrgency::Info,
            false,
            false,
        )
    }
}

/// The cue of what the sensor says about itself.
pub fn for_details(details: &SensorDetails) -> RunCue {
    let name = details.name.as_deref().unwrap_or("your sensor");
    cue(
        format!("Connected to {name}."),
        RunUrgency::Info,
        false,
        false,
    )
}

/// The cue of a warning. Packet and read faults go to the support log;
/// the runner sees them only as a line of text.
pub fn for_warning(warning: &SensorWarning) -> RunCue {
    match warning {
        SensorWarning::LowBattery { percent } => cue(
            format!("Sensor battery low ({percent}%). Charge it before the next run."),
            RunUrgency::Nudge,
            true,
            false,
        ),
        SensorWarning::MalformedPacket { .. } => cue(
            "A garbled sensor reading was skipped.".into(),
            RunUrgency::Info,
            false,
            false,
        ),
        SensorWarning::ReadFailed { what, .. } => cue(
            format!("Could not read the sensor's {what}."),
            RunUrgency::Info,
            false,
            false,
        ),
        SensorWarning::ConnectFailed { .. } => cue(
            "Connecting to the sensor failed; trying again.".into(),
            RunUrgency::Info,
            false,
            false,
        ),
    }
}
