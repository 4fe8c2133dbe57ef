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
    pub severe_from: u8,
}

impl Default for PainConfig {
    fn default() -> Self {
        Self {
            buffer_zone_max: 5,
            worsening_rise: 2,
            severe_from: 9,
        }
    }
}
