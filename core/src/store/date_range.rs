//! The calendar a record may be dated in. Dates come from outside (the
//! app's clock, a typed date, a file, a backup); one far outside any
//! runner's life would overflow the coach's date arithmetic later, so it is
//! refused where it enters, and a stored one is quarantined like a damaged
//! line.
//!
//! The bounds are the project's choice (the articles give none): wide
//! enough for any real history and any plan decades ahead, far inside what
//! date arithmetic can reach.

use chrono::{Datelike, NaiveDate, NaiveDateTime};

/// The first year a record may be dated in.
pub const EARLIEST_YEAR: i32 = 1900;
/// The last year a record may be dated in.
pub const LATEST_YEAR: i32 = 2199;

/// Whether `date` lies in [`EARLIEST_YEAR`]..=[`LATEST_YEAR`].
pub fn date_in_range(date: NaiveDate) -> bool {
    (EARLIEST_YEAR..=LATEST_YEAR).contains(&date.year())
}

/// Why a date is refused, or nothing if it is in range.
pub fn check_date(date: NaiveDate) -> Result<(), String> {
    if date_in_range(date) {
        Ok(())
    } else {
        Err(format!(
            "{date} is outside the years {EARLIEST_YEAR}-{LATEST_YEAR}"
        ))
    }
}

/// As [`check_date`], for a date and time.
pub fn check_date_time(at: NaiveDateTime) -> Result<(), String> {
    check_date(at.date())
}
