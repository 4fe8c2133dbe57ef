//! Pain check-ins across the FFI: the check-in the app fills in, read here
//! so that a refusal names the field at fault. Its enums and the assessment
//! are the core's own (`crate::pain`), derived for uniffi.

use crate::pain as core;

pub use crate::pain::{
    CheckInMoment, PainAction, PainAssessment, PainLocation, PainQuality, PainReason, PainZone,
    RedFlag,
};

use crate::ffi::dates::{DateFieldError, format_date_time, parse_date_time};

/// A pain report as the app collects it, dates as text, read here so that
/// a refusal names the field; the core's `pain::CheckIn` once read. The
/// apps know it as `CheckIn`.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
#[uniffi(name = "CheckIn")]
pub struct CheckInEntry {
    /// Local date and time, "YYYY-MM-DDTHH:MM[:SS]".
    pub taken_at: String,
    /// 0 (no pain) to 10 (emergency-room bad).
    pub score: i64,
    /// When in the day's training it was taken.
    pub moment: CheckInMoment,
    /// How the pain feels, when the runner said.
    #[uniffi(default = None)]
    pub quality: Option<PainQuality>,
    /// Where the pain is, when the runner said.
    #[uniffi(default = None)]
    pub location: Option<PainLocation>,
    /// The red flags the runner ticked; each at most once.
    #[uniffi(default = [])]
    pub red_flags: Vec<RedFlag>,
}

/// A check-in the core refused, naming what is wrong; the coach and the run
/// session turn it into their own error.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CheckInInputError {
    /// The check-in itself breaks a rule (score, red flags, a time ahead of
    /// now); the message names the field.
    #[error(transparent)]
    Refused(#[from] core::CheckInError),
    /// A date and time could not be read; the message names the field.
    #[error(
        "{field}: '{value}' is not a date and time like 2026-11-22T07:30 (an offset such as +02:00 or Z may follow)"
    )]
    InvalidDateTime { field: String, value: String },
}

impl CheckInEntry {
    pub(crate) fn to_core(&self) -> Result<core::CheckIn, CheckInInputError> {
        let taken_at = parse_date_time("taken_at", &self.taken_at)?;
        Ok(core::CheckIn::new(
            taken_at,
            self.score,
            self.moment,
            self.quality,
            self.location,
            self.red_flags.clone(),
        )?)
    }

    /// As [`CheckInEntry::to_core`], for a check-in the app records now: one
    /// dated more than `tolerance_min` minutes ahead of the local time now
    /// is refused (issue 18, finding 5).
    pub(crate) fn to_core_entered(
        &self,
        tolerance_min: u32,
    ) -> Result<core::CheckIn, CheckInInputError> {
        let checkin = self.to_core()?;
        core::ahead_of_now(
            checkin.taken_at,
            crate::ffi::wall_clock::local_now(),
            tolerance_min,
        )?;
        Ok(checkin)
    }
}

impl From<&core::CheckIn> for CheckInEntry {
    fn from(c: &core::CheckIn) -> Self {
        Self {
            taken_at: format_date_time(c.taken_at),
            score: i64::from(c.score),
            moment: c.moment,
            quality: c.quality,
            location: c.location,
            red_flags: c.red_flags.clone(),
        }
    }
}

impl From<DateFieldError> for CheckInInputError {
    fn from(e: DateFieldError) -> Self {
        Self::InvalidDateTime {
            field: e.field,
            value: e.value,
        }
    }
}
