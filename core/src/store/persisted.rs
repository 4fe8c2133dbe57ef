//! The check every record passes on its way into the store and on its way
//! back out (`Persisted`), one impl per kind of record.

use serde::Serialize;
use serde::de::DeserializeOwned;

use super::record_error::RecordError;
use super::records::{PairedSensor, ProfileState, RunRecord, SessionRecord};
use crate::pain::CheckIn;
use crate::settings::Settings;

/// A record the store persists, with the check it must pass on the way in
/// and on the way back out.
pub trait Persisted: Serialize + DeserializeOwned + Clone {
    fn check(&self) -> Result<(), RecordError>;
}

impl Persisted for CheckIn {
    fn check(&self) -> Result<(), RecordError> {
        self.validate().map_err(RecordError::from)?;
        crate::calendar::check_date_time(self.taken_at).map_err(|reason| RecordError::Field {
            record: "check-in",
            field: "taken_at",
            reason,
        })
    }
}
impl Persisted for RunRecord {
    fn check(&self) -> Result<(), RecordError> {
        self.validate()
    }
}
impl Persisted for SessionRecord {
    fn check(&self) -> Result<(), RecordError> {
        self.validate()
    }
}
impl Persisted for PairedSensor {
    fn check(&self) -> Result<(), RecordError> {
        self.validate()
    }
}
impl Persisted for Settings {
    fn check(&self) -> Result<(), RecordError> {
        Ok(self.validate()?)
    }
}
impl Persisted for ProfileState {
    fn check(&self) -> Result<(), RecordError> {
        Ok(())
    }
}
