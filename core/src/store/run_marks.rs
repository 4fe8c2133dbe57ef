//! Where things happened on a kept run's time axis: the target band, the
//! segments as they were run, the form alerts and the check-ins, each
//! placed in seconds from the start of the run (the same axis as the
//! stored cadence trace). A report draws a run from these without the
//! engine's monotonic clock, which means nothing once the run is over.
//!
//! Kept small and bounded: one span per planned segment, and at most the
//! alerts and check-ins the run summary itself keeps.

use serde::{Deserialize, Serialize};

use super::record_error::{MAX_CADENCE_SPM, RecordError};
use crate::run::{RunEventKind, RunSessionSummary as FinishedRun, SegmentKind};

/// The markers of one kept run. Empty for runs kept before they existed,
/// or entered by hand.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct RunMarks {
    /// Lower edge of the cadence target band, steps per minute.
    pub band_low_spm: Option<f64>,
    /// Upper edge of the cadence target band, steps per minute.
    pub band_high_spm: Option<f64>,
    /// Each segment reached, in order.
    pub segments: Vec<SegmentSpan>,
    /// Form alerts (cadence low or high, overstride, walking in a run segment).
    pub alerts: Vec<AlertMark>,
    /// Pain check-ins taken during the run.
    pub check_ins: Vec<CheckInMark>,
}

/// One segment as it was run, in seconds from the start of the run.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SegmentSpan {
    pub kind: SegmentKind,
    pub start_s: u32,
    pub end_s: u32,
}

/// Which form alert a mark shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AlertKind {
    CadenceLow,
    CadenceHigh,
    Overstride,
    WalkingInRunSegment,
}

impl AlertKind {
    /// A short label for charts and tables.
    pub fn label(self) -> &'static str {
        match self {
            Self::CadenceLow => "cadence low",
            Self::CadenceHigh => "cadence high",
            Self::Overstride => "long strides",
            Self::WalkingInRunSegment => "walking in a run",
        }
    }
}

/// One form alert, with what the runner was told.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AlertMark {
    pub at_s: u32,
    pub kind: AlertKind,
    /// The cue's text as the runner saw or heard it.
    pub text: String,
}

/// One check-in taken during the run.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CheckInMark {
    pub at_s: u32,
    /// 0 (no pain) to 10.
    pub score: u8,
    /// The runner called the pain sharp.
    #[serde(default)]
    pub sharp: bool,
}

fn seconds(ms: u64) -> u32 {
    u32::try_from(ms / 1_000).unwrap_or(u32::MAX)
}

impl RunMarks {
    /// The marks of a finished run, on its trace's time axis. Segment
    /// spans follow the active time (a pause does not widen them); alerts
    /// are placed from their session time; check-ins from the active time
    /// at which they were taken.
    pub fn from_run(run: &FinishedRun) -> Self {
        let origin = run.trace_origin_ms;
        let alerts = run
            .alerts
            .iter()
            .filter_map(|e| {
                let kind = match e.kind {
                    RunEventKind::CadenceLow { .. } => AlertKind::CadenceLow,
                    RunEventKind::CadenceHigh { .. } => AlertKind::CadenceHigh,
                    RunEventKind::Overstride { .. } => AlertKind::Overstride,
                    RunEventKind::WalkingInRunSegment { .. } => AlertKind::WalkingInRunSegment,
                    _ => return None,
                };
                Some(AlertMark {
                    at_s: seconds(e.at_ms.saturating_sub(origin?)),
                    kind,
                    text: e.cue.text.clone(),
                })
            })
            .collect();
        Self {
            band_low_spm: run.band_low_spm,
            band_high_spm: run.band_high_spm,
            segments: SegmentSpan::spans(
                run.segments
                    .iter()
                    .map(|s| (s.kind, s.planned_ms, s.elapsed_ms)),
            ),
            alerts,
            check_ins: run
                .check_ins
                .iter()
                .map(|n| CheckInMark {
                    at_s: seconds(n.elapsed_ms),
                    score: n.check_in.score,
                    sharp: n.check_in.quality == Some(crate::pain::PainQuality::Sharp),
                })
                .collect(),
        }
    }

    /// Whether there is nothing to mark (such runs keep no `marks` field).
    pub fn is_empty(&self) -> bool {
        self.band_low_spm.is_none()
            && self.band_high_spm.is_none()
            && self.segments.is_empty()
            && self.alerts.is_empty()
            && self.check_ins.is_empty()
    }

    /// Rejects marks that cannot belong to a run, naming the field.
    pub fn validate(&self) -> Result<(), RecordError> {
        let bad = |field: &'static str, reason: String| RecordError::Field {
            record: "run.marks",
            field,
            reason,
        };
        for (field, value) in [
            ("band_low_spm", self.band_low_spm),
            ("band_high_spm", self.band_high_spm),
        ] {
            if let Some(v) = value
                && !(v.is_finite() && v > 0.0 && v <= MAX_CADENCE_SPM)
            {
                return Err(bad(field, format!("{v} is outside 0-{MAX_CADENCE_SPM}")));
            }
        }
        if let (Some(low), Some(high)) = (self.band_low_spm, self.band_high_spm)
            && low > high
        {
            return Err(bad("band_low_spm", format!("{low} is above {high}")));
        }
        if let Some((i, s)) = self
            .segments
            .iter()
            .enumerate()
            .find(|(_, s)| s.end_s < s.start_s)
        {
            return Err(bad(
                "segments",
                format!("segment {i} ends at {} s, before it starts", s.end_s),
            ));
        }
        if let Some((i, c)) = self
            .check_ins
            .iter()
            .enumerate()
            .find(|(_, c)| c.score > crate::pain::MAX_SCORE)
        {
            return Err(bad(
                "check_ins",
                format!("check-in {i}: {} is outside the 0-10 scale", c.score),
            ));
        }
        Ok(())
    }
}

impl SegmentSpan {
    /// Spans from `(kind, planned_ms, elapsed_ms)` per segment in plan
    /// order: each starts where the planned ones before it end, and covers
    /// the time spent in it. Segments never reached are left out.
    pub fn spans(segments: impl IntoIterator<Item = (SegmentKind, u64, u64)>) -> Vec<Self> {
        let mut start_ms = 0u64;
        let mut out = Vec::new();
        for (kind, planned_ms, elapsed_ms) in segments {
            if elapsed_ms > 0 {
                out.push(Self {
                    kind,
                    start_s: seconds(start_ms),
                    end_s: seconds(start_ms.saturating_add(elapsed_ms)),
                });
            }
            start_ms = start_ms.saturating_add(planned_ms);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_follow_the_plan_and_skip_segments_not_reached() {
        let spans = SegmentSpan::spans([
            (SegmentKind::WarmUp, 60_000, 60_000),
            (SegmentKind::Run, 120_000, 90_500),
            (SegmentKind::Walk, 60_000, 0),
        ]);
        assert_eq!(
            spans,
            vec![
                SegmentSpan {
                    kind: SegmentKind::WarmUp,
                    start_s: 0,
                    end_s: 60
                },
                SegmentSpan {
                    kind: SegmentKind::Run,
                    start_s: 60,
                    end_s: 150
                },
            ]
        );
    }

    #[test]
    fn a_band_upside_down_is_refused() {
        let marks = RunMarks {
            band_low_spm: Some(180.0),
            band_high_spm: Some(170.0),
            ..RunMarks::default()
        };
        let err = marks.validate().expect_err("low above high");
        assert!(err.to_string().contains("band_low_spm"), "{err}");
    }
}
