//! The Progress screen: the progress view flattened into one snapshot, plus
//! the ranges of each chart's axes and the band values, worked out once here
//! so that the two apps draw the same charts, and the headline labels.

use super::format::{distance, unit_label};
use crate::pain::MAX_SCORE;
use crate::progress::{
    PainSeries, ProgressImprovement, ProgressView, RunCadence, StreakMilestone, WeekVolume,
};
use crate::store::DistanceUnit;
use crate::words::cadence_aim;

/// Axis steps. Project's choice: weekly volume rounds up to whole 5 km (or
/// 5 mi), cadence to 5 steps/min, with at least 5 steps/min of room around
/// the recommended band.
const VOLUME_STEP_KM: f64 = 5.0;
const CADENCE_STEP_SPM: f64 = 5.0;
const METRES_PER_MILE: f64 = 1609.344;

/// The Progress screen.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct ProgressScreen {
    /// Every chart's data.
    pub snapshot: ProgressSnapshot,
    /// The charts' axes, bands and labels.
    pub axes: ProgressAxes,
}

/// Every chart of the progress screen, as of `today`: the progress view
/// with its charts laid flat, as the apps read it.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct ProgressSnapshot {
    /// The day the snapshot is for, ISO-8601.
    pub today: chrono::NaiveDate,
    /// The top score of the buffer zone.
    pub buffer_zone_max: u8,
    /// The pain chart, one series per moment.
    pub pain: Vec<PainSeries>,
    /// Weekly distance against the 10% cap.
    pub weekly_volume: Vec<WeekVolume>,
    /// Bottom of the recommended cadence range.
    pub recommended_min_spm: f64,
    /// Top of the recommended cadence range.
    pub recommended_max_spm: f64,
    /// Each run's cadence against its target.
    pub cadence: Vec<RunCadence>,
    /// Consistent weeks in a row, up to this week.
    pub current_streak_weeks: u32,
    /// The longest run of consistent weeks.
    pub longest_streak_weeks: u32,
    /// Days with training this week.
    pub active_days_this_week: u32,
    /// The milestones of consistent work.
    pub milestones: Vec<StreakMilestone>,
    /// What the lack-of-improvement signal says.
    pub improvement: ProgressImprovement,
    /// Mean pain over the recent window.
    pub improvement_recent_mean: Option<f64>,
    /// Mean pain over the window before.
    pub improvement_earlier_mean: Option<f64>,
    /// Advice when pain is not improving.
    pub improvement_advice: Option<String>,
}

/// The Progress screen for `view`, with distances in `unit`.
pub fn progress_screen(view: ProgressView, unit: DistanceUnit) -> ProgressScreen {
    let axes = progress_axes(&view, unit);
    let (recommended_min_spm, recommended_max_spm) = view.cadence.recommended_range_spm;
    ProgressScreen {
        snapshot: ProgressSnapshot {
            today: view.today,
            buffer_zone_max: view.pain.buffer_zone_max,
            pain: view.pain.series,
            weekly_volume: view.weekly_volume,
            recommended_min_spm,
            recommended_max_spm,
            cadence: view.cadence.runs,
            current_streak_weeks: view.streaks.current_weeks,
            longest_streak_weeks: view.streaks.longest_weeks,
            active_days_this_week: view.streaks.active_days_this_week,
            milestones: view.streaks.milestones,
            improvement: view.improvement.status,
            improvement_recent_mean: view.improvement.recent_mean,
            improvement_earlier_mean: view.improvement.earlier_mean,
            improvement_advice: view.improvement.advice,
        },
        axes,
    }
}

/// The axes, bands and headline labels of the progress charts.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct ProgressAxes {
    /// Bottom of the pain axis (0).
    pub pain_min: u8,
    /// Top of the pain axis (10).
    pub pain_max: u8,
    /// Top of the buffer-zone band on the pain chart.
    pub pain_band_max: u8,
    /// First date on the time axes (ISO-8601); absent when nothing is recorded.
    pub first_date: Option<chrono::NaiveDate>,
    /// Last date on the time axes: the day asked for.
    pub last_date: chrono::NaiveDate,
    /// Top of the weekly volume axis, in `volume_unit`.
    pub volume_max: f64,
    /// "km" or "mi", from the settings.
    pub volume_unit: String,
    /// Bottom of the cadence axis, steps/min.
    pub cadence_min_spm: f64,
    /// Top of the cadence axis, steps/min.
    pub cadence_max_spm: f64,
    /// Bottom of the recommended cadence band, steps/min.
    pub cadence_band_min_spm: f64,
    /// Top of the recommended cadence band, steps/min.
    pub cadence_band_max_spm: f64,
    /// The band in words: "Aim: 165 to 180 steps/min".
    pub cadence_band_label: String,
    /// Each week's distance in words, in the order of `weekly_volume`.
    pub volume_labels: Vec<String>,
    /// Each week's distance in the runner's unit, on the scale of `volume_max`
    /// (the volume chart's bars, in the order of `snapshot.weekly_volume`).
    pub volume_values: Vec<f64>,
    /// The streak in words.
    pub streak_label: String,
    /// This week's active days in words.
    pub active_days_label: String,
    /// Shown instead of charts when nothing is recorded yet.
    pub empty_state: Option<String>,
}

fn round_up(value: f64, step: f64) -> f64 {
    ((value / step).ceil() * step).max(step)
}

/// Axes, bands and labels for `view`, with distances in `unit`.
pub fn progress_axes(view: &ProgressView, unit: DistanceUnit) -> ProgressAxes {
    let per_unit = match unit {
        DistanceUnit::Kilometres => 1000.0,
        DistanceUnit::Miles => METRES_PER_MILE,
    };
    let most_m = view
        .weekly_volume
        .iter()
        .map(|w| w.distance_m.max(w.cap_m.unwrap_or(0)))
        .max()
        .unwrap_or(0);
    let (band_min, band_max) = view.cadence.recommended_range_spm;
    let seen = view.cadence.runs.iter().map(|r| r.average_spm);
    let low = seen.clone().fold(band_min, f64::min) - CADENCE_STEP_SPM;
    let high = seen.fold(band_max, f64::max) + CADENCE_STEP_SPM;
    let first_date = view
        .pain
        .series
        .iter()
        .flat_map(|s| s.points.iter().map(|p| p.taken_at.date()))
        .chain(view.cadence.runs.iter().map(|r| r.date))
        .chain(view.weekly_volume.iter().map(|w| w.week_start))
        .min();
    let nothing = view.pain.series.iter().all(|s| s.points.is_empty())
        && view.weekly_volume.iter().all(|w| w.runs == 0);
    let weeks = view.streaks.current_weeks;
    let days = view.streaks.active_days_this_week;
    ProgressAxes {
        pain_min: 0,
        pain_max: MAX_SCORE,
        pain_band_max: view.pain.buffer_zone_max,
        first_date,
        last_date: view.today,
        volume_max: round_up(f64::from(most_m) / per_unit, VOLUME_STEP_KM),
        volume_unit: unit_label(unit).to_owned(),
        cadence_min_spm: (low / CADENCE_STEP_SPM).floor() * CADENCE_STEP_SPM,
        cadence_max_spm: round_up(high, CADENCE_STEP_SPM),
        cadence_band_min_spm: band_min,
        cadence_band_max_spm: band_max,
        cadence_band_label: cadence_aim(band_min, band_max),
        volume_labels: view
            .weekly_volume
            .iter()
            .map(|w| distance(w.distance_m, unit))
            .collect(),
        volume_values: view
            .weekly_volume
            .iter()
            .map(|w| f64::from(w.distance_m) / per_unit)
            .collect(),
        streak_label: match weeks {
            0 => "No consistent week yet".to_owned(),
            1 => "1 consistent week".to_owned(),
            n => format!("{n} consistent weeks in a row"),
        },
        active_days_label: match days {
            1 => "1 active day this week".to_owned(),
            n => format!("{n} active days this week"),
        },
        empty_state: nothing.then(|| {
            "Nothing to chart yet: check in and run, and your progress shows here.".to_owned()
        }),
    }
}
