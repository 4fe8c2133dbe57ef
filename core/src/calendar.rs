//! The calendar Patella accepts. Dates come from outside (the app's clock, a
//! typed date, a file, a backup); one far outside any runner's life (year
//! +262142, say) cannot be planned around, and plan arithmetic near the end
//! of the calendar would overflow. Such a date is refused with a typed error
//! where it enters, and a stored one is left out with a warning like a
//! damaged record (the database's own checks refuse one too).
//!
//! This module is the one place that says what "a plausible date" is: the
//! store, import, the FFI and the coach all ask it.
//!
//! Project's choice (the articles give no range): 1970-01-01 to 2199-12-31,
//! wide enough for any real history and any plan decades ahead, far inside
//! what date arithmetic can reach.

use chrono::{NaiveDate, NaiveDateTime};

/// The first year a record may be dated in.
pub const EARLIEST_YEAR: i32 = 1970;
/// The last year a record may be dated in.
pub const LATEST_YEAR: i32 = 2199;

/// The earliest date Patella accepts: the first day of [`EARLIEST_YEAR`].
pub const PLAUSIBLE_FIRST: NaiveDate = match NaiveDate::from_ymd_opt(EARLIEST_YEAR, 1, 1) {
    Some(d) => d,
    None => NaiveDate::MIN,
};

/// The latest date Patella accepts: the last day of [`LATEST_YEAR`].
pub const PLAUSIBLE_LAST: NaiveDate = match NaiveDate::from_ymd_opt(LATEST_YEAR, 12, 31) {
    Some(d) => d,
    None => NaiveDate::MAX,
};

/// Weeks from the earliest to the latest plausible date, rounded up: a plan
/// this long reaches any accepted date from any accepted start.
pub const MAX_PLAN_WEEKS: u16 = 12_100;

/// Whether `date` lies within the accepted range.
pub fn is_plausible(date: NaiveDate) -> bool {
    (PLAUSIBLE_FIRST..=PLAUSIBLE_LAST).contains(&date)
}

/// Why a date is refused, or nothing if it is in range.
pub fn check_date(date: NaiveDate) -> Result<(), String> {
    if is_plausible(date) {
        Ok(())
    } else {
        Err(format!(
            "{date} is outside {PLAUSIBLE_FIRST} to {PLAUSIBLE_LAST}"
        ))
    }
}

/// As [`check_date`], for a date and time.
pub fn check_date_time(at: NaiveDateTime) -> Result<(), String> {
    check_date(at.date())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_longest_plan_spans_the_whole_range() {
        let days = (PLAUSIBLE_LAST - PLAUSIBLE_FIRST).num_days();
        assert!(i64::from(MAX_PLAN_WEEKS) * 7 > days);
    }

    #[test]
    fn the_bounds_are_accepted_and_their_neighbours_refused() {
        assert!(check_date(PLAUSIBLE_FIRST).is_ok());
        assert!(check_date(PLAUSIBLE_LAST).is_ok());
        assert!(
            PLAUSIBLE_FIRST
                .pred_opt()
                .is_some_and(|d| check_date(d).is_err())
        );
        assert!(
            PLAUSIBLE_LAST
                .succ_opt()
                .is_some_and(|d| check_date(d).is_err())
        );
    }
}
