//! Progress and history: the views the apps draw as charts, computed as pure
//! functions of the stored records and today's date.
//!
//! - [`pain_chart`]: pain over time per kind of check-in, with the
//!   buffer-zone line (article 002).
//! - [`weekly_volume`]: distance per week against the 10% cap (article 000).
//! - [`cadence_chart`]: cadence per run against its target (articles 002, 004).
//! - [`streaks`]: consistent weeks and the 4-6 / 8-12 week milestones
//!   (article 004).
//! - [`improvement_signal`]: the lack-of-improvement signal (article 002).
//!
//! [`progress_view`] gathers them all for one day.

mod cadence;
mod config;
mod improvement;
mod pain;
mod streaks;
mod volume;
mod weeks;

use chrono::NaiveDate;
use serde::Serialize;

pub use cadence::{CadenceChart, RECOMMENDED_RANGE_SPM, RunCadence, cadence_chart};
pub use config::ProgressConfig;
pub use improvement::{ImprovementSignal, ProgressImprovement, improvement_signal};
pub use pain::{PainChart, PainPoint, PainSeries, pain_chart};
pub use streaks::{ProgressMilestone, StreakMilestone, Streaks, streaks};
pub use volume::{WeekVolume, weekly_volume};
pub use weeks::week_start;

use crate::store::Records;

/// Everything the progress screen shows, as of one day.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ProgressView {
    pub today: NaiveDate,
    pub pain: PainChart,
    pub weekly_volume: Vec<WeekVolume>,
    pub cadence: CadenceChart,
    pub streaks: Streaks,
    pub improvement: ImprovementSignal,
}

/// Computes the progress screen for `today`. Records dated after `today`
/// are left out.
pub fn progress_view(records: &Records, today: NaiveDate, config: &ProgressConfig) -> ProgressView {
    ProgressView {
        today,
        pain: pain_chart(&records.check_ins, config.buffer_zone_max, today),
        weekly_volume: weekly_volume(&records.runs, today, config.weekly_growth_cap),
        cadence: cadence_chart(
            &records.runs,
            today,
            config.default_cadence_target_spm,
            config.cadence_tolerance_spm,
        ),
        streaks: streaks(
            &records.sessions,
            &records.runs,
            today,
            config.active_days_per_consistent_week,
        ),
        improvement: improvement_signal(&records.check_ins, today, config),
    }
}
