//! The mappings from the core run engine that are left: an event with its
//! kind's name, and the errors.

use crate::pain;
use crate::run as core_run;

use super::*;

pub(super) fn input_error(e: core_run::RunError) -> RunSessionError {
    RunSessionError::InvalidInput {
        detail: e.to_string(),
    }
}

/// The one check-in record, taken during the run: the session records it
/// as `DuringRun` whatever moment the app set.
pub(super) fn checkin_from(
    c: &crate::ffi::pain::CheckInEntry,
) -> Result<pain::CheckIn, RunSessionError> {
    c.to_core().map_err(|e| match e {
        crate::ffi::pain::CheckInInputError::InvalidDateTime { field, value } => {
            RunSessionError::InvalidDate { field, value }
        }
        other => RunSessionError::InvalidInput {
            detail: format!("check_in.{other}"),
        },
    })
}

pub(super) fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

impl From<core_run::RunEvent> for DeliveredRunEvent {
    fn from(e: core_run::RunEvent) -> Self {
        let name = e.kind.name().to_owned();
        Self {
            at_ms: e.at_ms,
            kind: e.kind,
            name,
            cue: e.cue,
        }
    }
}
