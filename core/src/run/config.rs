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

/// Which cadence targets a session takes as given (issue 9, "cadence
/// targets stay honest"). Article 002 aims at 165-180 steps/min and article
/// 004 moves toward it about 5% at a time, so a target far outside the aim
/// is usually a typo or a unit mix-up (85 strides typed as steps). Such a
/// target is refused unless the caller says it means it: a runner whose own
/// baseline is low (the coach's step-up schedule starts from it), or a
/// runner who chose it knowingly.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct TargetGuard {
    /// Lowest and highest target taken without an override. Project's
    /// choice: 150-190, the 165-180 aim widened by about one block of 5%
    /// step-ups each way.
    pub usual_low_spm: f64,
    pub usual_high_spm: f64,
    /// The explicit override: take a target outside the usual range
    /// (still within the plan's hard limits).
    pub allow_unusual: bool,
}

impl Default for TargetGuard {
    fn default() -> Self {
        Self {
            usual_low_spm: 150.0,
            usual_high_spm: 190.0,
            allow_unusual: false,
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
    /// Furthest a reading may carry the session's time past what it already
    /// has; one stamped further ahead is refused and moves nothing (see
    /// `session.rs`, "How time moves"). Project's choice: with a 1 Hz tick
    /// and readings stamped on arrival, a genuine reading leads by about a
    /// second; 5 s leaves room for a late tick and matches the gap limit.
    pub max_reading_lead_ms: u64,
    /// A steady walk in a run segment for this long raises one
    /// `walking_in_run_segment` event. Project's choice: half a minute is
    /// more than a stumble or a kerb, and soon enough to be reassuring.
    pub walking_in_run_after_ms: u64,
    pub target_guard: TargetGuard,
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
            max_reading_lead_ms: 5_000,
            walking_in_run_after_ms: 30_000,
            target_guard: TargetGuard::default(),
            max_sources: 8,
            history_bucket_ms: 5_000,
            history_max_points: 720,
        }
    }
}
