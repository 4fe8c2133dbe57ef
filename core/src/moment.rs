//! Moments the runner enters (a check-in's `taken_at`, a clinician visit):
//! local wall-clock date-times, read the one way every file and the FFI
//! share.
//!
//! A clinician visit carries its time, so that a visit releases only what
//! was reported before it (a red flag the same evening is not "already
//! seen"). Records written before visits had a time hold a date alone; such
//! a visit counts as the end of its day, the latest moment it can have been.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use serde::{Deserialize, Deserializer, Serializer};

/// The moment a date-only visit stands for: the last second of its day.
pub fn end_of_day(date: NaiveDate) -> NaiveDateTime {
    date.and_time(NaiveTime::from_hms_opt(23, 59, 59).unwrap_or(NaiveTime::MIN))
}

/// Reads "YYYY-MM-DDTHH:MM[:SS]" as it stands, or "YYYY-MM-DD" as the end
/// of that day.
pub fn parse_visit(value: &str) -> Option<NaiveDateTime> {
    ["%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%dT%H:%M"]
        .iter()
        .find_map(|f| NaiveDateTime::parse_from_str(value, f).ok())
        .or_else(|| {
            NaiveDate::parse_from_str(value, "%Y-%m-%d")
                .ok()
                .map(end_of_day)
        })
}

/// Serde for a list of visit moments: written with their time, read with
/// or without one.
pub mod visits {
    use super::*;

    pub fn serialize<S: Serializer>(visits: &[NaiveDateTime], s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(
            visits
                .iter()
                .map(|v| v.format("%Y-%m-%dT%H:%M:%S").to_string()),
        )
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<NaiveDateTime>, D::Error> {
        let raw: Vec<String> = Vec::deserialize(d)?;
        raw.iter()
            .map(|v| {
                parse_visit(v).ok_or_else(|| {
                    serde::de::Error::custom(format!(
                        "clinician_visits: {v:?} is not a date like 2026-11-22 or a date and \
                         time like 2026-11-22T18:30:00"
                    ))
                })
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_date_only_visit_is_the_end_of_its_day() {
        let d = NaiveDate::from_ymd_opt(2026, 3, 20).unwrap_or_default();
        assert_eq!(parse_visit("2026-03-20"), Some(end_of_day(d)));
        assert_eq!(
            parse_visit("2026-03-20T09:15").map(|v| v.time()),
            NaiveTime::from_hms_opt(9, 15, 0)
        );
        assert_eq!(parse_visit("20/03/2026"), None);
    }
}
