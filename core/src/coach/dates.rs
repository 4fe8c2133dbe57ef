//! The dates the coach accepts. A date far outside a runner's life (year
//! +262142, say) cannot be planned around, and plan arithmetic near the
//! calendar's end would overflow; such a date is refused where it enters,
//! with a typed error, and set aside when it comes from the record.
//!
//! Project's choice: 1970-01-01 to 2199-12-31. Other modules that need "a
//! plausible date" use [`PLAUSIBLE_FIRST`] and [`PLAUSIBLE_LAST`].

use chrono::NaiveDate;

/// The earliest date the coach accepts.
pub const PLAUSIBLE_FIRST: NaiveDate = match NaiveDate::from_ymd_opt(1970, 1, 1) {
    Some(d) => d,
    None => NaiveDate::MIN,
};

/// The latest date the coach accepts.
pub const PLAUSIBLE_LAST: NaiveDate = match NaiveDate::from_ymd_opt(2199, 12, 31) {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_longest_plan_spans_the_whole_range() {
        let days = (PLAUSIBLE_LAST - PLAUSIBLE_FIRST).num_days();
        assert!(i64::from(MAX_PLAN_WEEKS) * 7 > days);
    }
}
