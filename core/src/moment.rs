//! Moments the runner enters (a check-in's `taken_at`, a clinician visit):
//! local wall-clock date-times, read the one way every file and the FFI
//! share.
//!
//! A moment may end in an RFC 3339 offset ("+02:00", "-05:00" or "Z"), as a
//! phone or a watch often writes it. The plan works in the runner's local
//! dates, so the offset is dropped and the moment is kept as the wall-clock
//! date and time it names: "2026-03-20T19:30:00+02:00" is 19:30 on 20 March.
//! Fractional seconds are read too.
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

/// The wall-clock formats a moment is read in, after any offset is taken off.
const WALL_CLOCK: [&str; 2] = ["%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%dT%H:%M"];

/// How a moment is written: whole seconds as "2026-03-20T19:30:00", with a
/// fraction only when it has one.
const WRITTEN: &str = "%Y-%m-%dT%H:%M:%S%.f";

/// What a moment that cannot be read should have looked like.
pub const DATE_TIME_EXAMPLE: &str =
    "a date and time like 2026-11-22T07:30:00 (an offset such as +02:00 or Z may follow)";

/// The text before an RFC 3339 offset ("Z", or "+HH:MM"/"-HH:MM" with the
/// hour at most 23 and the minute at most 59), if `value` ends in one.
fn without_offset(value: &str) -> Option<&str> {
    if let Some(rest) = value.strip_suffix(['Z', 'z']) {
        return Some(rest);
    }
    let cut = value.len().checked_sub(6)?;
    let (head, offset) = (value.get(..cut)?, value.get(cut..)?.as_bytes());
    let digit = |i: usize| {
        offset
            .get(i)
            .filter(|b| b.is_ascii_digit())
            .map(|b| b - b'0')
    };
    let hours = digit(1)? * 10 + digit(2)?;
    let minutes = digit(4)? * 10 + digit(5)?;
    let signed = matches!(offset.first(), Some(b'+' | b'-'));
    (signed && offset.get(3) == Some(&b':') && hours <= 23 && minutes <= 59).then_some(head)
}

fn wall_clock(value: &str) -> Option<NaiveDateTime> {
    written(value).or_else(|| {
        WALL_CLOCK
            .iter()
            .find_map(|f| NaiveDateTime::parse_from_str(value, f).ok())
    })
}

/// "YYYY-MM-DDTHH:MM:SS" exactly, the way every moment is written, read
/// without chrono's format interpreter: opening years of check-ins reads
/// thousands of them (issue 19: the record opens in a few milliseconds).
/// Anything else, and any value this refuses, goes to the formats above,
/// which read the same shape the same way.
fn written(value: &str) -> Option<NaiveDateTime> {
    let b = value.as_bytes();
    if b.len() != 19
        || b[4] != b'-'
        || b[7] != b'-'
        || b[10] != b'T'
        || b[13] != b':'
        || b[16] != b':'
    {
        return None;
    }
    let num = |from: usize, to: usize| -> Option<u32> {
        b[from..to].iter().try_fold(0u32, |n, d| {
            d.is_ascii_digit().then(|| n * 10 + u32::from(d - b'0'))
        })
    };
    let year = i32::try_from(num(0, 4)?).ok()?;
    NaiveDate::from_ymd_opt(year, num(5, 7)?, num(8, 10)?)?.and_hms_opt(
        num(11, 13)?,
        num(14, 16)?,
        num(17, 19)?,
    )
}

/// Reads a check-in's `taken_at`: "YYYY-MM-DDTHH:MM[:SS[.fff]]", optionally
/// followed by an RFC 3339 offset, which is dropped (see the module doc).
pub fn parse_taken_at(value: &str) -> Option<NaiveDateTime> {
    wall_clock(value).or_else(|| without_offset(value).and_then(wall_clock))
}

/// Reads a visit as [`parse_taken_at`] does, or "YYYY-MM-DD" as the end of
/// that day.
pub fn parse_visit(value: &str) -> Option<NaiveDateTime> {
    parse_taken_at(value).or_else(|| {
        NaiveDate::parse_from_str(value, "%Y-%m-%d")
            .ok()
            .map(end_of_day)
    })
}

/// Writes a moment the way every file keeps it.
pub fn format_moment(at: NaiveDateTime) -> String {
    at.format(WRITTEN).to_string()
}

/// Serde for a check-in's `taken_at`: written as "2026-03-20T19:30:00",
/// read with or without seconds, fractions and an offset.
pub mod taken_at {
    use super::*;

    pub fn serialize<S: Serializer>(at: &NaiveDateTime, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&format_moment(*at))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDateTime, D::Error> {
        d.deserialize_str(TakenAt)
    }

    /// Reads the text where it lies, without a copy: a record opens with
    /// thousands of check-ins.
    struct TakenAt;

    impl serde::de::Visitor<'_> for TakenAt {
        type Value = NaiveDateTime;

        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str(DATE_TIME_EXAMPLE)
        }

        fn visit_str<E: serde::de::Error>(self, raw: &str) -> Result<NaiveDateTime, E> {
            parse_taken_at(raw)
                .ok_or_else(|| E::custom(format!("taken_at: {raw:?} is not {DATE_TIME_EXAMPLE}")))
        }
    }
}

/// Serde for a list of visit moments: written with their time, read with
/// or without one.
pub mod visits {
    use super::*;

    pub fn serialize<S: Serializer>(visits: &[NaiveDateTime], s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(visits.iter().map(|v| format_moment(*v)))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<NaiveDateTime>, D::Error> {
        let raw: Vec<String> = Vec::deserialize(d)?;
        raw.iter()
            .map(|v| {
                parse_visit(v).ok_or_else(|| {
                    serde::de::Error::custom(format!(
                        "clinician_visits: {v:?} is not a date like 2026-11-22 or {DATE_TIME_EXAMPLE}"
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

    fn at(h: u32, m: u32, s: u32) -> Option<NaiveDateTime> {
        NaiveDate::from_ymd_opt(2026, 3, 20).and_then(|d| d.and_hms_opt(h, m, s))
    }

    // Issue 18, finding 14: a phone writes its offset; the moment is kept as
    // the wall-clock time it names, the offset dropped.
    #[test]
    fn an_offset_is_read_and_the_wall_clock_time_kept() {
        for value in [
            "2026-03-20T19:30:00+02:00",
            "2026-03-20T19:30:00-05:00",
            "2026-03-20T19:30:00Z",
            "2026-03-20T19:30:00z",
            "2026-03-20T19:30+02:00",
            "2026-03-20T19:30Z",
            "2026-03-20T19:30:00",
            "2026-03-20T19:30",
        ] {
            assert_eq!(parse_taken_at(value), at(19, 30, 0), "{value}");
        }
        let fraction = parse_taken_at("2026-03-20T19:30:00.250+02:00");
        assert_eq!(
            fraction.map(|f| f.and_utc().timestamp_subsec_millis()),
            Some(250)
        );
        assert_eq!(
            parse_visit("2026-03-20T09:15:00+01:00"),
            at(9, 15, 0),
            "a visit reads offsets too"
        );
    }

    #[test]
    fn the_written_shape_reads_as_the_formats_read_it() {
        for value in [
            "2026-03-20T19:30:00",
            "1970-01-01T00:00:00",
            "2199-12-31T23:59:59",
            "2024-02-29T12:00:00",
            "2026-02-29T12:00:00",
            "2026-13-01T00:00:00",
            "2026-03-20T24:00:00",
            "2026-03-20T19:60:00",
            "2026-03-20T23:59:60",
            "2026-03-20T19:3a:00",
            "2026-03-20 19:30:00",
        ] {
            let by_format = WALL_CLOCK
                .iter()
                .find_map(|f| NaiveDateTime::parse_from_str(value, f).ok());
            assert_eq!(wall_clock(value), by_format, "{value}");
        }
    }

    #[test]
    fn what_is_not_a_moment_is_refused() {
        for value in [
            "",
            "tonight",
            "2026-03-20",
            "2026-03-20T19:30:00+2:00",
            "2026-03-20T19:30:00+24:00",
            "2026-03-20T19:30:00+02:60",
            "2026-03-20T19:30:00 02:00",
            "2026-03-20T19:30:00+02:00Z",
            "2026-03-20T19:30:00+0200",
            "2026-03-20T25:30:00",
            "2026-03-20T19:30:00é",
        ] {
            assert_eq!(parse_taken_at(value), None, "{value}");
        }
    }

    #[derive(serde::Serialize, serde::Deserialize)]
    struct Holder {
        #[serde(with = "taken_at")]
        taken_at: NaiveDateTime,
    }

    #[test]
    fn taken_at_is_written_as_before_and_a_bad_one_names_the_field() {
        let read: Holder =
            serde_json::from_str(r#"{"taken_at":"2026-03-20T19:30:00+02:00"}"#).unwrap();
        assert_eq!(Some(read.taken_at), at(19, 30, 0));
        assert_eq!(
            serde_json::to_string(&read).unwrap(),
            r#"{"taken_at":"2026-03-20T19:30:00"}"#
        );
        let err = serde_json::from_str::<Holder>(r#"{"taken_at":"20/03/2026"}"#)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(err.starts_with("taken_at: \"20/03/2026\""), "{err}");
    }
}
