//! Dates and times cross the FFI as ISO-8601 strings ("2026-11-22",
//! "2026-11-22T07:30:00"): every platform formats and parses them natively,
//! and a typo comes back as an error naming the field instead of a wrong day.
//!
//! This is where dates enter from the app, so this is where their range is
//! checked: a date outside the record's calendar
//! (`crate::calendar`) is refused here
//! like a typo, before it can reach the coach or the store.

use crate::calendar::{check_date, check_date_time};
use chrono::{NaiveDate, NaiveDateTime};

/// Why a date string was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateFieldError {
    pub field: String,
    pub value: String,
    /// What is wrong with it, e.g. not a date, or outside the years kept.
    pub reason: String,
}

impl std::fmt::Display for DateFieldError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {:?} {}", self.field, self.value, self.reason)
    }
}

fn refused(field: &str, value: &str, reason: String) -> DateFieldError {
    DateFieldError {
        field: field.to_owned(),
        value: value.to_owned(),
        reason,
    }
}

/// Accepts "YYYY-MM-DD" within the record's calendar.
pub fn parse_date(field: &str, value: &str) -> Result<NaiveDate, DateFieldError> {
    let date = NaiveDate::parse_from_str(value, "%Y-%m-%d")
        .map_err(|_| refused(field, value, "is not a date like 2026-11-22".to_owned()))?;
    check_date(date).map_err(|r| refused(field, value, r))?;
    Ok(date)
}

/// Accepts "YYYY-MM-DDTHH:MM[:SS]" in local time, within the record's
/// calendar. An RFC 3339 offset ("+02:00", "Z") may follow; the moment is
/// kept as the wall-clock time it names (`crate::moment`).
pub fn parse_date_time(field: &str, value: &str) -> Result<NaiveDateTime, DateFieldError> {
    let at = crate::moment::parse_taken_at(value).ok_or_else(|| {
        refused(
            field,
            value,
            format!("is not {}", crate::moment::DATE_TIME_EXAMPLE),
        )
    })?;
    check_date_time(at).map_err(|r| refused(field, value, r))?;
    Ok(at)
}

/// Accepts a visit's moment: a date and time as [`parse_date_time`] does,
/// or a date alone, which counts as the end of that day.
pub fn parse_visit(field: &str, value: &str) -> Result<NaiveDateTime, DateFieldError> {
    let at = crate::moment::parse_visit(value).ok_or_else(|| {
        refused(
            field,
            value,
            format!(
                "is not a date like 2026-11-22 or {}",
                crate::moment::DATE_TIME_EXAMPLE
            ),
        )
    })?;
    check_date_time(at).map_err(|r| refused(field, value, r))?;
    Ok(at)
}

pub fn format_date(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

pub fn format_date_time(at: NaiveDateTime) -> String {
    at.format("%Y-%m-%dT%H:%M:%S").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_names_the_field() {
        let at = parse_date_time("taken_at", "2026-11-22T07:30").unwrap();
        assert_eq!(format_date_time(at), "2026-11-22T07:30:00");
        let err = parse_date("start", "22/11/2026").unwrap_err();
        assert_eq!(err.field, "start");
        assert_eq!(err.value, "22/11/2026");
    }

    // Issue 18, finding 14: the app may send the offset its platform writes;
    // the check-in keeps the wall-clock time it names.
    #[test]
    fn a_taken_at_with_an_offset_is_read_as_its_wall_clock_time() {
        for value in [
            "2026-03-20T19:30:00+02:00",
            "2026-03-20T19:30:00Z",
            "2026-03-20T19:30:00.5-05:00",
        ] {
            let at = parse_date_time("taken_at", value).unwrap();
            assert_eq!(format_date_time(at), "2026-03-20T19:30:00", "{value}");
        }
        let err = parse_date_time("taken_at", "2026-03-20T19:30:00+0200").unwrap_err();
        assert_eq!(err.field, "taken_at");
        assert!(err.to_string().starts_with("taken_at: "), "{err}");
        let pain = crate::ffi::pain::CheckInEntry {
            taken_at: "2026-03-20T19:30:00+02:00".into(),
            score: 2,
            moment: crate::ffi::pain::CheckInMoment::AfterRun,
            quality: None,
            location: None,
            red_flags: vec![],
        };
        assert_eq!(pain.to_core().unwrap().taken_at, at_1930());
    }

    fn at_1930() -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 3, 20)
            .and_then(|d| d.and_hms_opt(19, 30, 0))
            .unwrap()
    }

    // Issue 10, item 9: a far-future date is refused where it enters, with
    // the field named, so it never reaches the coach's date arithmetic.
    #[test]
    fn dates_outside_the_records_calendar_are_refused_where_they_enter() {
        for value in ["+262142-12-20", "2200-01-01", "1969-12-31", "-0001-01-01"] {
            let err = parse_date("plan_start", value).unwrap_err();
            assert_eq!(err.field, "plan_start");
            assert!(err.to_string().contains("outside"), "{err}");
        }
        let err = parse_date_time("taken_at", "+262142-12-20T07:00").unwrap_err();
        assert!(err.to_string().contains("outside"), "{err}");
        assert!(parse_date("plan_start", "2199-12-31").is_ok());
        assert!(parse_date_time("taken_at", "1970-01-01T00:00").is_ok());
    }
}
