//! `RecordStore.progressScreen(today)`: the core's Progress screen for a
//! day, computed from the open record.

use crate::progress::{self, ProgressConfig};
use crate::screens::progress::{ProgressScreen, progress_screen};

use crate::ffi::store::{RecordStore, StoreError};

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
        Ok(progress_screen(view, unit))
    }
}
