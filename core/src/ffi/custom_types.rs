//! The core's own value types that cross the FFI as something else: calendar
//! dates and local times go as the ISO-8601 strings of `dates` ("2026-11-22",
//! "2026-11-22T07:30:00"), so a core record that holds a `NaiveDate` derives
//! its FFI record directly. Apps that send a date use the facade's input
//! records, which name the field a bad date came in.

use chrono::{NaiveDate, NaiveDateTime};

use super::dates::{format_date, format_date_time};

uniffi::custom_type!(NaiveDate, String, {
    remote,
    lower: |date| format_date(date),
    try_lift: |text| Ok(NaiveDate::parse_from_str(&text, "%Y-%m-%d")?),
});

uniffi::custom_type!(NaiveDateTime, String, {
    remote,
    lower: |at| format_date_time(at),
    try_lift: |text| Ok(NaiveDateTime::parse_from_str(&text, "%Y-%m-%dT%H:%M:%S")?),
});
