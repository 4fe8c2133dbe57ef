//! What the app sends a run session: the plan, settings, readings and live
//! check-ins.

use crate::pain::RedFlag;

#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum RunSegmentKind {
    WarmUp,
    Run,
    Walk,
    CoolDown,
}

#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct RunSegment {
    pub kind: RunSegmentKind,
    pub duration_s: u32,
}

/// A run day as the app starts it.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct RunPlan {
    pub segments: Vec<RunSegment>,
    /// Steps per minute to coach toward; none: no cadence cues.
    pub cadence_target_spm: Option<f64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum RunMetronomeMode {
    Off,
    Always,
    Nudge,
}

/// The settings a runner can change; everything else keeps the documented
/// defaults of `patella_core::run::RunConfig`.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct RunSettings {
    pub metronome: RunMetronomeMode,
    /// Also alert above the target band.
    pub alert_above_band: bool,
    /// Pain above the zone ends the run (cool-down) instead of switching to walking.
    pub end_run_on_pain_above_zone: bool,
    /// Minutes between periodic check-in prompts; none: only at segment changes.
    pub check_in_every_min: Option<u32>,
    /// Shortest time between two form cues, in seconds.
    pub min_seconds_between_cues: u32,
    /// Take a cadence target outside the usual 150-190 steps/min (refused
    /// otherwise, as a likely typo or unit mix-up). A planned run from the
    /// coach always may: its target steps up from the runner's own baseline.
    #[uniffi(default = false)]
    pub allow_unusual_target: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum RunCadenceUnit {
    StepsPerMinute,
    StridesPerMinute,
    Unknown,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum RunGait {
    Walking,
    Running,
}

/// A reading from the phone's pedometer or manual entry (sensor readings
/// stay inside Rust).
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct RunSample {
    pub at_ms: u64,
    pub source_id: String,
    pub cadence: f64,
    pub unit: RunCadenceUnit,
    pub speed_mps: Option<f64>,
    pub stride_length_m: Option<f64>,
    pub gait: Option<RunGait>,
}

/// A live pain check-in.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct RunCheckIn {
    /// Local date and time, ISO-8601 ("2026-11-22T07:30:00" or "2026-11-22T07:30").
    pub taken_at: String,
    /// 0 (none) to 10.
    pub score: i64,
    pub sharp: bool,
    pub red_flags: Vec<RedFlag>,
}
