//! How a run session behaves: countdowns, check-in prompts, the response to
//! pain, sensor timing, the metronome and the cadence thresholds. Every
//! default is documented; where the articles are silent it is the project's
//! choice.

use serde::{Deserialize, Serialize};

use crate::cadence::{CadenceConfig, MetronomeMode};
use crate::pain::PainConfig;

/// What to do when a live check-in lands above the buffer zone (source:
/// article 002: above 5, scale back).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AboveZoneResponse {
    /// Every remaining run segment becomes a walk. Project's default: the
    /// runner still gets home and still moves.
    #[default]
    SwitchToWalking,
    /// Skip to the cool-down (or finish if there is none).
    EndRun,
}

/// When the session asks "how is the knee?".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CheckInPrompts {
    /// Ask when a run segment ends. Project's choice: that is when the
    /// runner has a moment to answer.
    pub after_run_segments: bool,
    /// Ask when the cool-down starts.
    pub at_cool_down: bool,
    /// Ask every this many minutes of warm-up, run and walk time since the
    /// last prompt (none: never). Project's choice: 10 minutes.
    pub every_min: Option<u32>,
}

impl Default for CheckInPrompts {
    fn default() -> Self {
        Self {
            after_run_segments: true,
            at_cool_down: true,
            every_min: Some(10),
        }
    }
}

/// The whole session configuration.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct RunConfig {
    /// Seconds before a segment's end at which a countdown event fires.
    /// Project's choice: a heads-up at 10 s, then 3-2-1.
    pub countdown_s: Vec<u32>,
    pub check_in_prompts: CheckInPrompts,
    pub above_zone: AboveZoneResponse,
    pub pain: PainConfig,
    pub cadence: CadenceConfig,
    pub metronome: MetronomeMode,
    /// Silence from every source for this long marks a sensor gap.
    /// Project's choice: 5 s, five missed readings of a 1 Hz pod.
    pub signal_gap_ms: u64,
    /// A reading stamped this much before the session's latest time is still
    /// used (treated as arriving now); older ones are dropped. Project's
    /// choice: radio and scheduling jitter stays well under 2 s.
    pub late_sample_tolerance_ms: u64,
    /// Most distinct sources in one session; more is a caller bug, and the
    /// bound keeps memory fixed. Project's choice.
    pub max_sources: usize,
    /// History resolution at the start, and most points kept; when full,
    /// neighbours merge and the resolution halves. Project's choice: 5 s
    /// points, 720 of them (one hour at full resolution).
    pub history_bucket_ms: u64,
    pub history_max_points: usize,
}

impl Default for RunConfig {
    fn default() -> Self {
        Self {
            countdown_s: vec![10, 3, 2, 1],
            check_in_prompts: CheckInPrompts::default(),
            above_zone: AboveZoneResponse::default(),
            pain: PainConfig::default(),
            cadence: CadenceConfig::default(),
            metronome: MetronomeMode::default(),
            signal_gap_ms: 5_000,
            late_sample_tolerance_ms: 2_000,
            max_sources: 8,
            history_bucket_ms: 5_000,
            history_max_points: 720,
        }
    }
}
