//! How the run screen writes its numbers: clock times, cadence, the band,
//! battery. One place, so every shell and the CLI show the same strings.

use super::plan::SegmentKind;
use super::view::{RunCadenceState, RunStatus};
use crate::sample::SensorLink;

/// "4:05" below an hour, "1:02:03" from one; whole seconds, rounded down.
pub fn clock(ms: u64) -> String {
    let s = ms / 1_000;
    let (h, m, s) = (s / 3_600, (s / 60) % 60, s % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m}:{s:02}")
    }
}

/// A countdown rounds up, so it reads "0:01" until the very end, never
/// "0:00" with time still left.
pub fn countdown(ms: u64) -> String {
    clock(ms.div_ceil(1_000) * 1_000)
}

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

/// "172 steps/min" (worded by `screens::format::cadence`), or a dash
/// without a reading.
pub fn cadence(spm: Option<f64>) -> String {
    spm.map_or_else(|| "--".to_owned(), crate::screens::format::cadence)
}

/// "165-175 steps/min".
pub fn band(low_spm: f64, high_spm: f64) -> String {
    format!("{low_spm:.0}-{high_spm:.0} steps/min")
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
    format!("Walking for {}", clock(ms))
}

pub fn battery(percent: u8) -> String {
    format!("{percent}%")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clocks_and_countdowns_read_as_a_watch_does() {
        assert_eq!(clock(0), "0:00");
        assert_eq!(clock(65_999), "1:05");
        assert_eq!(clock(3_723_000), "1:02:03");
        assert_eq!(countdown(1), "0:01");
        assert_eq!(countdown(60_000), "1:00");
        assert_eq!(countdown(59_001), "1:00");
        assert_eq!(cadence(Some(171.6)), "172 steps/min");
        assert_eq!(cadence(None), "--");
        assert_eq!(band(165.0, 175.0), "165-175 steps/min");
    }
}
