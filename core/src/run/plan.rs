//! The session plan a run is built from: ordered segments, each with a kind
//! and a duration, and the cadence target of the day.
//!
//! The coach produces run days (run/walk intervals for new runners, article
//! 000; a warm-up before and a cool-down after every run, article 004); this
//! is the shape a run day takes when the runner starts it.

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::cadence::StrideBaseline;

/// What the runner does in a segment: the one kind of segment, for the
/// coach's plan and the live run alike.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Enum), uniffi(name = "RunSegmentKind"))]
#[serde(rename_all = "snake_case")]
pub enum SegmentKind {
    /// Easy movement before running.
    WarmUp,
    /// Running.
    Run,
    /// Walking between runs.
    Walk,
    /// Walking and stretching at the end.
    CoolDown,
}

impl SegmentKind {
    pub fn label(self) -> &'static str {
        match self {
            Self::WarmUp => "warm-up",
            Self::Run => "run",
            Self::Walk => "walk",
            Self::CoolDown => "cool-down",
        }
    }
}

/// One segment of a run day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct RunSegment {
    /// What kind of segment it is.
    pub kind: SegmentKind,
    /// Its length in seconds.
    pub duration_s: u32,
}

/// A run day, ready to be run.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SessionPlan {
    pub segments: Vec<RunSegment>,
    /// Steps per minute to coach toward in run segments; none means no
    /// cadence cues (readings are still shown).
    #[serde(default)]
    pub cadence_target_spm: Option<f64>,
    /// The runner's stride baseline from earlier runs, for overstride checks.
    #[serde(default)]
    pub stride_baseline: Option<StrideBaseline>,
}

/// Longest plan accepted. Project's choice: a day's session never nears it,
/// and it keeps every time sum far from overflow.
pub const MAX_TOTAL_S: u64 = 24 * 3_600;
/// Most segments accepted. Project's choice (run/walk days have ~20).
pub const MAX_SEGMENTS: usize = 500;
const MIN_TARGET_SPM: f64 = 100.0;
const MAX_TARGET_SPM: f64 = 230.0;

/// A plan that cannot be run, naming the field at fault.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum PlanError {
    #[error("segments: a session needs at least one segment")]
    NoSegments,
    #[error("segments: {count} segments, more than the {MAX_SEGMENTS} allowed")]
    TooManySegments { count: usize },
    #[error("segments[{index}].duration_s: a segment must last at least one second")]
    ZeroDuration { index: usize },
    #[error("segments: {total_s} s in all, longer than the {MAX_TOTAL_S} s allowed")]
    TooLong { total_s: u64 },
    #[error(
        "cadence_target_spm: {value} is not a running cadence ({MIN_TARGET_SPM}-{MAX_TARGET_SPM})"
    )]
    TargetOutOfRange { value: f64 },
}

impl SessionPlan {
    /// Checks that the plan can be run.
    pub fn validate(&self) -> Result<(), PlanError> {
        if self.segments.is_empty() {
            return Err(PlanError::NoSegments);
        }
        if self.segments.len() > MAX_SEGMENTS {
            return Err(PlanError::TooManySegments {
                count: self.segments.len(),
            });
        }
        if let Some(index) = self.segments.iter().position(|s| s.duration_s == 0) {
            return Err(PlanError::ZeroDuration { index });
        }
        let total_s = self.total_s();
        if total_s > MAX_TOTAL_S {
            return Err(PlanError::TooLong { total_s });
        }
        if let Some(value) = self.cadence_target_spm
            && !(value.is_finite() && (MIN_TARGET_SPM..=MAX_TARGET_SPM).contains(&value))
        {
            return Err(PlanError::TargetOutOfRange { value });
        }
        Ok(())
    }

    pub fn total_s(&self) -> u64 {
        self.segments.iter().map(|s| u64::from(s.duration_s)).sum()
    }

    /// Warm-up, one continuous run, cool-down (a zero duration leaves that
    /// part out).
    pub fn continuous(warm_up_s: u32, run_s: u32, cool_down_s: u32) -> Self {
        let parts = [
            (SegmentKind::WarmUp, warm_up_s),
            (SegmentKind::Run, run_s),
            (SegmentKind::CoolDown, cool_down_s),
        ];
        Self::from_parts(&parts)
    }

    /// Warm-up, `repeats` × (run, walk), cool-down: the run/walk days of
    /// article 000 (30 s jog / 4 min walk, then 1/3, 2/3, ...).
    pub fn intervals(
        warm_up_s: u32,
        run_s: u32,
        walk_s: u32,
        repeats: u32,
        cool_down_s: u32,
    ) -> Self {
        let mut parts = vec![(SegmentKind::WarmUp, warm_up_s)];
        for _ in 0..repeats {
            parts.push((SegmentKind::Run, run_s));
            parts.push((SegmentKind::Walk, walk_s));
        }
        parts.push((SegmentKind::CoolDown, cool_down_s));
        Self::from_parts(&parts)
    }

    /// Sets the cadence target.
    pub fn with_target(mut self, spm: f64) -> Self {
        self.cadence_target_spm = Some(spm);
        self
    }

    fn from_parts(parts: &[(SegmentKind, u32)]) -> Self {
        let segments = parts
            .iter()
            .filter(|(_, d)| *d > 0)
            .map(|&(kind, duration_s)| RunSegment { kind, duration_s })
            .collect();
        Self {
            segments,
            cadence_target_spm: None,
            stride_baseline: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // source: article 000 (run/walk intervals) and 004 (warm-up, cool-down)
    #[test]
    fn builders_and_validation() {
        let p = SessionPlan::intervals(300, 30, 240, 3, 300).with_target(165.0);
        assert_eq!(p.segments.len(), 8);
        assert_eq!(p.total_s(), 300 + 3 * 270 + 300);
        assert_eq!(p.validate(), Ok(()));
        let c = SessionPlan::continuous(0, 900, 0);
        assert_eq!(
            c.segments,
            vec![RunSegment {
                kind: SegmentKind::Run,
                duration_s: 900
            }]
        );
        let bad = SessionPlan {
            segments: vec![],
            cadence_target_spm: None,
            stride_baseline: None,
        };
        assert_eq!(bad.validate(), Err(PlanError::NoSegments));
        let zero = SessionPlan {
            segments: vec![RunSegment {
                kind: SegmentKind::Run,
                duration_s: 0,
            }],
            ..c.clone()
        };
        assert_eq!(zero.validate(), Err(PlanError::ZeroDuration { index: 0 }));
        assert!(
            c.with_target(400.0)
                .validate()
                .unwrap_err()
                .to_string()
                .contains("cadence_target_spm")
        );
    }
}
