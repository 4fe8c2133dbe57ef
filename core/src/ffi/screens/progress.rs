//! The Progress screen record and `RecordStore.progressScreen(today)`: the
//! progress snapshot plus the axes and bands its charts need.

use crate::progress::{self, ProgressConfig};
use crate::screens::progress::progress_axes;

use crate::ffi::store::{RecordStore, StoreError};
use crate::ffi::store_progress::ProgressSnapshot;

/// The axes, bands and headline labels of the progress charts.
#[derive(Debug, Clone, PartialEq, uniffi::Record, serde::Serialize)]
pub struct ProgressAxesState {
    /// Bottom of the pain axis (0).
    pub pain_min: u8,
    /// Top of the pain axis (10).
    pub pain_max: u8,
    /// Top of the buffer-zone band on the pain chart.
    pub pain_band_max: u8,
    /// First date on the time axes (ISO-8601); absent when nothing is recorded.
    pub first_date: Option<String>,
    /// Last date on the time axes: the day asked for.
    pub last_date: String,
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

/// The Progress screen.
#[derive(Debug, Clone, PartialEq, uniffi::Record, serde::Serialize)]
pub struct ProgressScreen {
    /// Every chart's data.
    pub snapshot: ProgressSnapshot,
    /// The charts' axes, bands and labels.
    pub axes: ProgressAxesState,
}

#[uniffi::export]
impl RecordStore {
    /// The Progress screen as of `today` (ISO-8601), distances in the
    /// runner's unit.
    pub fn progress_screen(&self, today: String) -> Result<ProgressScreen, StoreError> {
        let day = crate::ffi::dates::parse_date("today", &today)?;
        let (view, unit) = self.records_view(|records| {
            (
                progress::progress_view(records, day, &ProgressConfig::default()),
                records.settings.distance_unit,
            )
        })?;
        let a = progress_axes(&view, unit);
        Ok(ProgressScreen {
            snapshot: view.into(),
            axes: ProgressAxesState {
                pain_min: a.pain_min,
                pain_max: a.pain_max,
                pain_band_max: a.pain_band_max,
                first_date: a.first_date.map(|d| d.to_string()),
                last_date: a.last_date.to_string(),
                volume_max: a.volume_max,
                volume_unit: a.volume_unit,
                cadence_min_spm: a.cadence_min_spm,
                cadence_max_spm: a.cadence_max_spm,
                cadence_band_min_spm: a.cadence_band_min_spm,
                cadence_band_max_spm: a.cadence_band_max_spm,
                cadence_band_label: a.cadence_band_label,
                volume_labels: a.volume_labels,
                volume_values: a.volume_values,
                streak_label: a.streak_label,
                active_days_label: a.active_days_label,
                empty_state: a.empty_state,
            },
        })
    }
}
