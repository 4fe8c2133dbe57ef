//! Dates and times cross the FFI as ISO-8601 strings ("2026-11-22",
//! "2026-11-22T07:30:00"): every platform formats and parses them natively,
//! and a typo comes back as an error naming the field instead of a wrong day.

use chrono::{NaiveDate, NaiveDateTime};

/// Why a date string was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateFieldError {
    pub field: String,
    pub value: String,
}

pub fn parse_date(field: &str, value: &str) -> Result<NaiveDate, DateFieldError> {
    NaiveDate::parse_from_str(value, "%Y-%m-%d").map_err(|_| DateFieldError {
        field: field.to_owned(),
        value: value.to_owned(),
    })
}

/// Accepts "YYYY-MM-DDTHH:MM[:SS]" in local time.
pub fn parse_date_time(field: &str, value: &str) -> Result<NaiveDateTime, DateFieldError> {
    ["%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%M"]
        .iter()
        .find_map(|format| NaiveDateTime::parse_from_str(value, format).ok())
        .ok_or_else(|| DateFieldError {
            field: field.to_owned(),
            value: value.to_owned(),
        })
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
}
