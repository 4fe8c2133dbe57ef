//! The pain check-in: what the runner reports, validated on the way in.

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};
use thiserror::Error;

/// Highest score on the 0-10 scale (10: bad enough for the emergency room).
pub const MAX_SCORE: u8 = 10;

/// When in the runner's day the check-in was taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CheckInMoment {
    BeforeRun,
    DuringRun,
    AfterRun,
    NextMorning,
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
#[serde(rename_all = "snake_case")]
pub enum PainQuality {
    Sharp,
    DullAching,
}

/// Where it hurts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PainLocation {
    FrontOfKnee,
    AroundOrBehindKneecap,
    Elsewhere,
}

/// Signs that need a clinician rather than a plan change (article 002).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RedFlag {
    Swelling,
    GivingWay,
    LossOfFunction,
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
pub enum PainError {
    #[error("score: {score} is outside the 0-{MAX_SCORE} pain scale")]
    ScoreOutOfRange { score: i64 },
    #[error("red_flags: {flag:?} is listed twice")]
    DuplicateRedFlag { flag: RedFlag },
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
    ) -> Result<Self, PainError> {
        let score = u8::try_from(score)
            .ok()
            .filter(|s| *s <= MAX_SCORE)
            .ok_or(PainError::ScoreOutOfRange { score })?;
        let mut seen = Vec::with_capacity(red_flags.len());
        for flag in &red_flags {
            if seen.contains(flag) {
                return Err(PainError::DuplicateRedFlag { flag: *flag });
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
    pub fn validate(&self) -> Result<(), PainError> {
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
