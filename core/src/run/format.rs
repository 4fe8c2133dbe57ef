//! How the run screen words its states: segment titles, the session status,
//! the cadence zone, the sensor link, battery and the warnings of a run not
//! kept. Its numbers (clock times, cadences, bands) are [`crate::words`]'.
//! One place, so every shell and the CLI show the same strings.

use super::plan::SegmentKind;
use super::view::{RunCadenceState, RunStatus};
use crate::sample::SensorLink;

/// The segment's name as a title: "Warm-up", "Run", "Walk", "Cool-down".
pub fn segment_title(kind: SegmentKind) -> &'static str {
    match kind {
        SegmentKind::WarmUp => "Warm-up",
        SegmentKind::Run => "Run",
        SegmentKind::Walk => "Walk",
        SegmentKind::CoolDown => "Cool-down",
    }
}

pub fn status(status: RunStatus) -> &'static str {
    match status {
        RunStatus::NotStarted => "Ready",
        RunStatus::Running => "Running",
        RunStatus::Paused => "Paused",
        RunStatus::Complete => "Done",
        RunStatus::Stopped => "Stopped",
    }
}

/// The Run screen's warning while what the runner entered is not in the
/// record: `reason` says why (a full disk, a record that cannot be written).
pub fn not_saved(reason: &str) -> String {
    format!(
        "Not saved: {reason}. It still counts in this run, but would be lost if the app \
         closed now."
    )
}

/// Said when a run checkpoint could not be brought back (issue 19,
/// defect 6): it is not lost, and it stands in no new run's way.
pub fn checkpoint_set_aside(reason: &str) -> String {
    format!(
        "A run left unfinished could not be brought back ({reason}). It is set aside in the \
         record, untouched, and a new run can start."
    )
}

/// Said by an export while a run left unfinished waits to be kept: it is
/// not in the record's runs yet, so not in what is exported.
pub fn unfinished_run_not_exported(run_id: &str, started_at: &str) -> String {
    format!(
        "Run {run_id}, started {}, was left unfinished and is not in this export yet; the next \
         run keeps it, and an export after that includes it.",
        started_at.replace('T', " ")
    )
}

/// The Run screen's line for a run started, with the runner's consent, on a
/// record that cannot be written, or with keeping turned off.
pub const NOT_KEPT: &str = "Not kept: nothing of this run will be saved.";

/// What the runner is told of a live check-in: recorded, or taken with the
/// warning of why it is not safe (`not_saved`, or [`NOT_KEPT`]).
pub fn check_in_taken(score: u8, warning: Option<&str>) -> String {
    match warning {
        None => format!("Knee check-in recorded: {score}/10."),
        Some(warning) => format!("Knee check-in taken: {score}/10. {warning}"),
    }
}

/// A few words on the cadence zone, next to the gauge.
pub fn cadence_zone(state: RunCadenceState) -> &'static str {
    match state {
        RunCadenceState::NoSignal => "No cadence signal",
        RunCadenceState::Stopped => "Standing still",
        RunCadenceState::Walking => "Walking",
        RunCadenceState::Suspect => "Checking the reading",
        RunCadenceState::Running => "Running",
        RunCadenceState::BelowBand => "Below your band",
        RunCadenceState::InBand => "In your band",
        RunCadenceState::AboveBand => "Above your band",
    }
}

pub fn sensor_link(link: Option<SensorLink>) -> &'static str {
    match link {
        None => "No sensor",
        Some(SensorLink::Idle) => "Sensor off",
        Some(SensorLink::Connecting) => "Connecting to the sensor",
        Some(SensorLink::Connected) => "Sensor connected",
        Some(SensorLink::Silent) => "Sensor quiet",
        Some(SensorLink::BluetoothOff) => "Bluetooth is off",
        Some(SensorLink::Failed) => "Sensor not reachable",
    }
}

/// "Walking for 0:45".
pub fn walking_for(ms: u64) -> String {
    format!("Walking for {}", crate::words::clock(ms))
}

pub fn battery(percent: u8) -> String {
    format!("{percent}%")
}
