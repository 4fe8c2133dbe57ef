//! Import of a backup into an empty store: every record checked first,
//! then all of it written in one transaction, so an import is all there or
//! not there at all, across errors and crashes alike.

use super::error::RecordStoreError;
use super::open_store::Store;
use super::record_set::Records;
use super::rows;

impl Store {
    /// Loads `records` (e.g. from a backup) into this store, which must hold
    /// nothing yet. Every record is checked first (dates in range, nothing
    /// twice); then the import is one transaction. The live run's
    /// checkpoint, not part of a backup, is left as it is.
    pub fn import(&self, records: &Records) -> Result<(), RecordStoreError> {
        records
            .validate()
            .map_err(|e| RecordStoreError::ImportInvalid(e.to_string()))?;
        let mut inner = self.inner()?;
        self.check_writable(&inner)?;
        if !inner.records.is_empty() {
            return Err(RecordStoreError::NotEmpty);
        }
        self.write(&mut inner, "importing", |tx| {
            for c in &records.check_ins {
                rows::insert_check_in(tx, c, None)?;
            }
            for r in &records.runs {
                rows::insert_run(tx, r)?;
            }
            for s in &records.sessions {
                rows::insert_session(tx, s, None)?;
            }
            rows::put_document(tx, rows::PROFILE, records.profile.as_ref())?;
            rows::put_document(tx, rows::SETTINGS, Some(&records.settings))?;
            rows::put_document(tx, rows::PAIRED_SENSOR, records.paired_sensor.as_ref())
        })?;
        inner.records = records.clone();
        Ok(())
    }
}
