//! What the app sends a run session: the plan, and the run settings its
//! runner's saved settings ask for (the settings, the segments and the
//! readings are the core's own records: `RunSettings`, `RunSegment`,
//! `RunSample`; a live check-in is the pain facade's one `CheckInEntry` record).

use crate::run::{RunSegment, RunSettings, SessionPlan};

/// A run day as the app starts it.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct RunPlan {
    /// The segments, in order.
    pub segments: Vec<RunSegment>,
    /// Steps per minute to coach toward; none: no cadence cues.
    pub cadence_target_spm: Option<f64>,
}

impl From<RunPlan> for SessionPlan {
    fn from(p: RunPlan) -> Self {
        Self {
            segments: p.segments,
            cadence_target_spm: p.cadence_target_spm,
            stride_baseline: None,
        }
    }
}

/// The session settings the runner's saved settings ask for (the Settings
/// screen's record): pass the result to `RunSession.fromPlannedRun`. "Metronome
/// on" gives the nudging metronome; voice cues stay the app's to apply to
/// each cue's `speak`.
#[uniffi::export]
pub fn run_settings_for(settings: crate::ffi::screens::AppSettings) -> RunSettings {
    RunSettings::from_saved(&settings)
}
