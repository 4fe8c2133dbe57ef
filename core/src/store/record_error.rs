//! Why a record cannot be stored, naming the field at fault, and the
//! cadence limit the checks of runs and their marks share. A leaf of the
//! store: every record's check returns this error.

use thiserror::Error;

use crate::pain::CheckInError;
use crate::settings::SettingsError;

/// Highest cadence accepted as a real reading, in steps per minute.
pub const MAX_CADENCE_SPM: f64 = 300.0;

/// A record that cannot be stored, naming the field at fault.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum RecordError {
    #[error("{record}.{field}: {reason}")]
    Field {
        record: &'static str,
        field: &'static str,
        reason: String,
    },
    #[error("check-in {0}")]
    CheckIn(#[from] CheckInError),
    #[error("{list}[{index}]: {reason}")]
    At {
        list: &'static str,
        index: usize,
        reason: String,
    },
}

impl From<SettingsError> for RecordError {
    fn from(e: SettingsError) -> Self {
        Self::Field {
            record: "settings",
            field: e.field,
            reason: e.reason,
        }
    }
}
