//! The numbers behind the progress views.

use serde::{Deserialize, Serialize};

/// Thresholds for the charts and signals. The article numbers are noted;
/// the rest are the project's choice.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProgressConfig {
    /// The buffer-zone line on the pain chart. Article 002 puts it at 5.
    pub buffer_zone_max: u8,
    /// Weekly distance may grow to at most this multiple of the week before.
    /// Article 000: no more than 10% a week.
    pub weekly_growth_cap: f64,
    /// Target used for a run that recorded none, steps/min. Project's choice:
    /// 170, inside the 165-180 range of article 002.
    pub default_cadence_target_spm: f64,
    /// How far under the target a run may fall and still count as on target.
    /// Project's choice: 2 steps/min, the wobble of a foot pod.
    pub cadence_tolerance_spm: f64,
    /// Days with a done session or a run that make a week "consistent".
    /// Project's choice: 2, the low end of strength work 2-3 times a week
    /// (articles 000, 001, 004).
    pub active_days_per_consistent_week: u32,
    /// Length of each of the two windows compared by the lack-of-improvement
    /// signal. Project's choice: 21 days, so the comparison spans six weeks,
    /// the far end of the 4-6 weeks by which article 004 expects steadier
    /// knees.
    pub improvement_window_days: u32,
    /// Check-ins needed in each window before the signal says anything.
    /// Project's choice.
    pub improvement_min_check_ins: usize,
    /// The mean score must drop by at least this much to count as improving.
    /// Project's choice: half a point, above day-to-day rating noise.
    pub improvement_min_drop: f64,
    /// A recent mean at or below this is low pain, not a lack of improvement.
    /// Project's choice, shared with the coach's trend rule
    /// (`pain::SETTLED_PAIN_MAX`).
    pub settled_pain_max: f64,
}

impl Default for ProgressConfig {
    fn default() -> Self {
        Self {
            buffer_zone_max: 5,
            weekly_growth_cap: 1.10,
            default_cadence_target_spm: 170.0,
            cadence_tolerance_spm: 2.0,
            active_days_per_consistent_week: 2,
            improvement_window_days: 21,
            improvement_min_check_ins: 4,
            improvement_min_drop: 0.5,
            settled_pain_max: crate::pain::SETTLED_PAIN_MAX,
        }
    }
}
