//! The Progress screen record and `RecordStore.progressScreen(today)`: the
//! progress snapshot plus the axes and bands its charts need.

use crate::progress::{self, ProgressConfig};
use crate::screens::progress::{ProgressAxes, progress_axes};

use crate::ffi::store::{RecordStore, StoreError};
use crate::ffi::store_progress::ProgressSnapshot;

/// The Progress screen.
#[derive(Debug, Clone, PartialEq, uniffi::Record, serde::Serialize)]
pub struct ProgressScreen {
    /// Every chart's data.
    pub snapshot: ProgressSnapshot,
    /// The charts' axes, bands and labels.
    pub axes: ProgressAxes,
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
        let axes = progress_axes(&view, unit);
        Ok(ProgressScreen {
            snapshot: view.into(),
            axes,
        })
    }
}
