//! The pain check-in: what the runner reports, validated on the way in.

use chrono::{NaiveDateTime, TimeDelta};
use serde::{Deserialize, Serialize};
use thiserror::Error;

/// Highest score on the 0-10 scale (10: bad enough for the emergency room).
pub const MAX_SCORE: u8 = 10;

/// How far ahead of now a check-in may be dated and still be taken, in
/// minutes. Project's choice (the articles say nothing on clocks): 5 minutes
/// covers the skew between a watch and a phone, while a check-in dated later
/// than that reports pain not felt yet and is refused (issue 18, finding 5).
/// [`super::PainConfig::ahead_tolerance_min`] carries it.
pub const AHEAD_TOLERANCE_MIN: u32 = 5;

/// When in the runner's day the check-in was taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum CheckInMoment {
    /// Before setting off on a run.
    BeforeRun,
    /// In the middle of a run.
    DuringRun,
    /// Soon after a run.
    AfterRun,
    /// The morning after a run.
    NextMorning,
    /// In the middle of strength work.
    DuringStrength,
}

impl CheckInMoment {
    /// Whether the runner is in the middle of an activity, where sharp or
    /// worsening pain means stopping now.
    pub fn is_during_activity(self) -> bool {
        matches!(self, Self::DuringRun | Self::DuringStrength)
    }
}

/// How the pain feels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum PainQuality {
    /// Sharp or stabbing.
    Sharp,
    /// Dull or aching.
    DullAching,
}

/// Where it hurts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum PainLocation {
    /// The front of the knee.
    FrontOfKnee,
    /// Around or behind the kneecap.
    AroundOrBehindKneecap,
    /// Anywhere else.
    Elsewhere,
}

/// Signs that need a clinician rather than a plan change (article 002).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum RedFlag {
    /// The knee is visibly swollen.
    Swelling,
    /// The knee buckled or gave way.
    GivingWay,
    /// The leg cannot be used as usual.
    LossOfFunction,
    /// Pain travels up or down the leg.
    RadiatingPain,
}

/// One pain report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CheckIn {
    /// Local date and time the runner reported it. Read with an optional
    /// RFC 3339 offset, kept as the wall-clock time it names
    /// (see [`crate::moment`]).
    #[serde(with = "crate::moment::taken_at")]
    pub taken_at: NaiveDateTime,
    /// 0 (no pain) to 10.
    pub score: u8,
    pub moment: CheckInMoment,
    #[serde(default)]
    pub quality: Option<PainQuality>,
    #[serde(default)]
    pub location: Option<PainLocation>,
    #[serde(default)]
    pub red_flags: Vec<RedFlag>,
}

/// A check-in that cannot be accepted, naming the field at fault.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum CheckInError {
    #[error("score: {score} is outside the 0-{MAX_SCORE} pain scale")]
    ScoreOutOfRange { score: i64 },
    #[error("red_flags: {flag:?} is listed twice")]
    DuplicateRedFlag { flag: RedFlag },
    #[error(
        "taken_at: {} is ahead of now ({}) by more than {tolerance_min} minutes; a check-in \
         can only report pain already felt",
        crate::moment::format_moment(*.taken_at),
        crate::moment::format_moment(*.now)
    )]
    AheadOfNow {
        taken_at: NaiveDateTime,
        now: NaiveDateTime,
        tolerance_min: u32,
    },
}

/// Refuses a check-in dated more than `tolerance_min` minutes after `now`
/// (both local wall-clock time); at or before now, or within the tolerance,
/// it is accepted.
pub fn ahead_of_now(
    taken_at: NaiveDateTime,
    now: NaiveDateTime,
    tolerance_min: u32,
) -> Result<(), CheckInError> {
    let tolerance = TimeDelta::try_minutes(i64::from(tolerance_min)).unwrap_or(TimeDelta::MAX);
    if taken_at.signed_duration_since(now) > tolerance {
        return Err(CheckInError::AheadOfNow {
            taken_at,
            now,
            tolerance_min,
        });
    }
    Ok(())
}

/// A check-in a file held that was left out, with why.
#[derive(Debug, Clone, PartialEq, Error)]
#[error("check_ins[{index}] set aside: {reason}")]
pub struct SetAside {
    /// Its place in the list it came in.
    pub index: usize,
    pub check_in: CheckIn,
    pub reason: CheckInError,
}

/// Takes out of `check_ins` every one dated ahead of `now` (see
/// [`ahead_of_now`]), keeping the rest in order; returns what was taken
/// out, for a warning naming each.
pub fn set_aside_ahead_of_now(
    check_ins: &mut Vec<CheckIn>,
    now: NaiveDateTime,
    tolerance_min: u32,
) -> Vec<SetAside> {
    let mut set_aside = Vec::new();
    let mut index = 0;
    check_ins.retain(|c| {
        let keep = match ahead_of_now(c.taken_at, now, tolerance_min) {
            Ok(()) => true,
            Err(reason) => {
                set_aside.push(SetAside {
                    index,
                    check_in: c.clone(),
                    reason,
                });
                false
            }
        };
        index += 1;
        keep
    });
    set_aside
}

impl CheckIn {
    /// Builds a check-in from raw input, rejecting what cannot be a pain report.
    pub fn new(
        taken_at: NaiveDateTime,
        score: i64,
        moment: CheckInMoment,
        quality: Option<PainQuality>,
        location: Option<PainLocation>,
        red_flags: Vec<RedFlag>,
    ) -> Result<Self, CheckInError> {
        let score = u8::try_from(score)
            .ok()
            .filter(|s| *s <= MAX_SCORE)
            .ok_or(CheckInError::ScoreOutOfRange { score })?;
        let mut seen = Vec::with_capacity(red_flags.len());
        for flag in &red_flags {
            if seen.contains(flag) {
                return Err(CheckInError::DuplicateRedFlag { flag: *flag });
            }
            seen.push(*flag);
        }
        Ok(Self {
            taken_at,
            score,
            moment,
            quality,
            location,
            red_flags,
        })
    }

    /// Checks a check-in that arrived already built (from a file or the FFI).
    pub fn validate(&self) -> Result<(), CheckInError> {
        Self::new(
            self.taken_at,
            i64::from(self.score),
            self.moment,
            self.quality,
            self.location,
            self.red_flags.clone(),
        )
        .map(|_| ())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;
    use proptest::prelude::*;

    fn now() -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2025, 6, 1)
            .and_then(|d| d.and_hms_opt(8, 0, 0))
            .unwrap()
    }

    fn check_in(taken_at: NaiveDateTime) -> CheckIn {
        CheckIn::new(taken_at, 3, CheckInMoment::NextMorning, None, None, vec![]).unwrap()
    }

    // Article 002: a check-in reports pain the runner has felt; one dated
    // in 2031 cannot hold the plan of 2025 (issue 18, finding 5).
    #[test]
    fn article_002_a_check_in_ahead_of_now_is_refused_naming_taken_at() {
        let later = now() + TimeDelta::minutes(10);
        let err = ahead_of_now(later, now(), AHEAD_TOLERANCE_MIN).unwrap_err();
        let text = err.to_string();
        assert!(
            text.starts_with("taken_at: 2025-06-01T08:10:00 is ahead of now (2025-06-01T08:00:00)"),
            "{text}"
        );
        assert!(ahead_of_now(now() + TimeDelta::minutes(2), now(), AHEAD_TOLERANCE_MIN).is_ok());
        assert!(ahead_of_now(now() + TimeDelta::minutes(5), now(), AHEAD_TOLERANCE_MIN).is_ok());
        assert!(ahead_of_now(now(), now(), 0).is_ok());
        assert!(ahead_of_now(now() + TimeDelta::seconds(1), now(), 0).is_err());
        assert!(ahead_of_now(now(), now(), u32::MAX).is_ok());
    }

    #[test]
    fn article_002_set_aside_takes_out_only_what_is_ahead_of_now() {
        let future = NaiveDate::from_ymd_opt(2031, 6, 1)
            .and_then(|d| d.and_hms_opt(8, 0, 0))
            .unwrap();
        let mut list = vec![
            check_in(now() - TimeDelta::days(1)),
            check_in(future),
            check_in(now()),
        ];
        let aside = set_aside_ahead_of_now(&mut list, now(), AHEAD_TOLERANCE_MIN);
        assert_eq!(
            list,
            vec![check_in(now() - TimeDelta::days(1)), check_in(now())]
        );
        assert_eq!(aside.len(), 1);
        assert_eq!(aside[0].index, 1);
        assert!(
            aside[0]
                .to_string()
                .starts_with("check_ins[1] set aside: taken_at: 2031-06-01T08:00:00"),
            "{}",
            aside[0]
        );
    }

    proptest! {
        // Article 002 and issue 18, finding 5: more than the tolerance after
        // now is refused; at or before now is always accepted.
        #[test]
        fn article_002_ahead_of_now_refuses_past_the_tolerance_only(
            ahead_s in (i64::from(AHEAD_TOLERANCE_MIN) * 60 + 1)..(200 * 365 * 86_400i64),
            behind_s in 0..(200 * 365 * 86_400i64),
        ) {
            let base = now();
            prop_assert!(ahead_of_now(base + TimeDelta::seconds(ahead_s), base, AHEAD_TOLERANCE_MIN).is_err());
            prop_assert!(ahead_of_now(base - TimeDelta::seconds(behind_s), base, AHEAD_TOLERANCE_MIN).is_ok());
        }
    }
}
