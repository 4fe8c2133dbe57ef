//! Thresholds of the pain buffer zone.

use serde::{Deserialize, Serialize};

/// The numbers behind the zones.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PainConfig {
    /// Highest score still inside the buffer zone. Article 002 puts it at 5.
    pub buffer_zone_max: u8,
    /// How many points above the previous check-in of the same activity count
    /// as "worsening". Project's choice: any rise of 2 points or more during
    /// one activity, since a 1-point wobble is within rating noise.
    pub worsening_rise: u8,
    /// Lowest score that is severe: the advice is to have the knee seen
    /// promptly. Article 002's scale puts 10 at "bad enough for the
    /// emergency room"; 9 is the project's choice for where that begins.
    #[serde(default = "severe_from")]
    pub severe_from: u8,
    /// How many minutes ahead of now a check-in may be dated (clock skew
    /// between a watch and a phone); see [`super::AHEAD_TOLERANCE_MIN`].
    #[serde(default = "ahead_tolerance_min")]
    pub ahead_tolerance_min: u32,
}

fn ahead_tolerance_min() -> u32 {
    super::AHEAD_TOLERANCE_MIN
}

fn severe_from() -> u8 {
    9
}

impl Default for PainConfig {
    fn default() -> Self {
        Self {
            buffer_zone_max: 5,
            worsening_rise: 2,
            severe_from: severe_from(),
            ahead_tolerance_min: super::AHEAD_TOLERANCE_MIN,
        }
    }
}
