//! What the app sends a run session: the plan, settings and readings (a
//! live check-in is the pain facade's one `CheckIn` record).

use serde::Serialize;

/// The one kind of segment, for the coach's plan and the live run alike.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, uniffi::Enum)]
#[serde(rename_all = "snake_case")]
pub enum RunSegmentKind {
    /// Easy movement before running.
    WarmUp,
    /// Running.
    Run,
    /// Walking between runs.
    Walk,
    /// Walking and stretching at the end.
    CoolDown,
}

/// One segment of a run day.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct RunSegment {
    /// What kind of segment it is.
    pub kind: RunSegmentKind,
    /// Its length in seconds.
    pub duration_s: u32,
}

/// A run day as the app starts it.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct RunPlan {
    /// The segments, in order.
    pub segments: Vec<RunSegment>,
    /// Steps per minute to coach toward; none: no cadence cues.
    pub cadence_target_spm: Option<f64>,
}

/// When the metronome plays.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, uniffi::Enum)]
#[serde(rename_all = "snake_case")]
pub enum RunMetronomeMode {
    /// Never.
    Off,
    /// Throughout every run segment.
    Always,
    /// Only while a below-band alert is outstanding.
    Nudge,
}

/// The settings a runner can change; everything else keeps the documented
/// defaults of `crate::run::RunConfig`.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct RunSettings {
    /// When the metronome plays.
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

/// What a source's cadence counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum RunCadenceUnit {
    /// Every step (both feet).
    StepsPerMinute,
    /// One foot's strides: half the steps.
    StridesPerMinute,
    /// Not known: the session detects it from the readings.
    Unknown,
}

/// Walking or running, when the source says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum RunGait {
    /// The source says walking.
    Walking,
    /// The source says running.
    Running,
}

/// A reading from the phone's pedometer or manual entry (sensor readings
/// stay inside Rust).
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct RunSample {
    /// When it was read, on the session's clock (`monotonic_now_ms()`).
    pub at_ms: u64,
    /// Which source it came from ("phone-pedometer").
    pub source_id: String,
    /// The cadence, in `unit`.
    pub cadence: f64,
    /// What the cadence counts.
    pub unit: RunCadenceUnit,
    /// Speed in metres per second, if known.
    pub speed_mps: Option<f64>,
    /// Stride length in metres, if known.
    pub stride_length_m: Option<f64>,
    /// Walking or running, if the source says.
    pub gait: Option<RunGait>,
}

/// The session settings the runner's saved settings ask for (the Settings
/// screen's record): pass the result to `RunSession.fromPlannedRun`. "Metronome
/// on" gives the nudging metronome; voice cues stay the app's to apply to
/// each cue's `speak`.
#[uniffi::export]
pub fn run_settings_for(settings: crate::ffi::screens::AppSettings) -> RunSettings {
    let settings: crate::store::Settings = settings.into();
    super::convert::settings_from(&crate::run::run_config_for(&settings))
}
