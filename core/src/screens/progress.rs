//! What the Progress screen adds to the progress snapshot: the ranges of
//! each chart's axes and the band values, worked out once here so that the
//! two apps draw the same charts, and the headline labels.

use super::format::{distance, unit_label};
use crate::pain::MAX_SCORE;
use crate::progress::ProgressView;
use crate::store::DistanceUnit;
use crate::words::cadence_aim;

/// Axis steps. Project's choice: weekly volume rounds up to whole 5 km (or
/// 5 mi), cadence to 5 steps/min, with at least 5 steps/min of room around
/// the recommended band.
const VOLUME_STEP_KM: f64 = 5.0;
const CADENCE_STEP_SPM: f64 = 5.0;
const METRES_PER_MILE: f64 = 1609.344;

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
