//! The shapes the store persists, other than the pain check-in (which is
//! [`crate::pain::CheckIn`], stored as is).
//!
//! The profile and plan state belongs to the coach, which keeps it here as
//! one JSON document (`crate::coach::record::CoachDocument`); the store
//! treats it as opaque, so the coach's format can evolve on its own.

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use super::record_error::{MAX_CADENCE_SPM, RecordError};
use super::run_marks::RunMarks;
use crate::sample::{CadenceUnit, MonoMs};

/// The runner's profile and plan state, as the coach writes it
/// (`crate::coach::record::CoachDocument`), kept as opaque JSON. The file's
/// header carries the store's schema version.
pub type ProfileState = serde_json::Value;

/// Width of one point of a stored cadence trace. Project's choice: 30 s keeps
/// an hour's run to 120 points, enough to chart drift within a run while
/// years of runs stay quick to open.
pub const TRACE_BUCKET_S: u32 = 30;

/// One point of a downsampled cadence trace. Stored as a pair
/// `[at_s, steps_per_min]`: years of runs hold many points, and the pair is
/// a third of the size of an object with named fields, and quicker to read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(from = "(u32, f64)", into = "(u32, f64)")]
pub struct CadencePoint {
    /// Start of the bucket, in seconds from the start of the run.
    pub at_s: u32,
    /// Mean cadence over the bucket, steps per minute (both feet).
    pub steps_per_min: f64,
}

impl From<(u32, f64)> for CadencePoint {
    fn from((at_s, steps_per_min): (u32, f64)) -> Self {
        Self {
            at_s,
            steps_per_min,
        }
    }
}

impl From<CadencePoint> for (u32, f64) {
    fn from(p: CadencePoint) -> Self {
        (p.at_s, p.steps_per_min)
    }
}

/// Averages `(at_ms, steps_per_min)` readings into buckets of `bucket_s`
/// seconds counted from `start_ms`. Readings before the start, or not
/// finite, are left out; empty buckets produce no point.
pub fn downsample_trace(
    start_ms: MonoMs,
    readings: &[(MonoMs, f64)],
    bucket_s: u32,
) -> Vec<CadencePoint> {
    let bucket_ms = u64::from(bucket_s.max(1)) * 1000;
    let mut out: Vec<CadencePoint> = Vec::new();
    let mut current: Option<(u64, f64, u32)> = None;
    for &(at, spm) in readings {
        if at < start_ms || !spm.is_finite() {
            continue;
        }
        let bucket = (at - start_ms) / bucket_ms;
        match current {
            Some((b, sum, n)) if b == bucket => current = Some((b, sum + spm, n + 1)),
            _ => {
                if let Some(point) = current.and_then(|c| close_bucket(c, bucket_s)) {
                    out.push(point);
                }
                current = Some((bucket, spm, 1));
            }
        }
    }
    if let Some(point) = current.and_then(|c| close_bucket(c, bucket_s)) {
        out.push(point);
    }
    // Readings arriving out of order could repeat a bucket; keep the trace
    // strictly increasing by dropping the later point of a repeated bucket.
    out.dedup_by(|later, earlier| later.at_s <= earlier.at_s);
    out
}

fn close_bucket((bucket, sum, n): (u64, f64, u32), bucket_s: u32) -> Option<CadencePoint> {
    let at_s = u32::try_from(bucket.saturating_mul(u64::from(bucket_s))).ok()?;
    let mean = sum / f64::from(n);
    Some(CadencePoint {
        at_s,
        steps_per_min: (mean * 10.0).round() / 10.0,
    })
}

/// What is kept of one run.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RunRecord {
    /// Given by the app (a UUID), so a run can be named for export.
    pub id: String,
    /// Local date and time the run started.
    pub started_at: NaiveDateTime,
    pub duration_s: u32,
    pub distance_m: u32,
    /// Mean cadence over the run, steps per minute; `None` without a source.
    #[serde(default)]
    pub average_cadence_spm: Option<f64>,
    /// The cadence target in force for this run, steps per minute.
    #[serde(default)]
    pub target_cadence_spm: Option<f64>,
    #[serde(default)]
    pub cadence_trace: Vec<CadencePoint>,
    /// The band, segments, alerts and check-ins on the trace's time axis.
    #[serde(default, skip_serializing_if = "RunMarks::is_empty")]
    pub marks: RunMarks,
}

impl RunRecord {
    /// The local date the run started on.
    pub fn date(&self) -> NaiveDate {
        self.started_at.date()
    }

    /// Rejects what cannot be a run, naming the field at fault.
    pub fn validate(&self) -> Result<(), RecordError> {
        let bad = |field: &'static str, reason: String| RecordError::Field {
            record: "run",
            field,
            reason,
        };
        if self.id.trim().is_empty() {
            return Err(bad("id", "must not be empty".into()));
        }
        if self.duration_s == 0 {
            return Err(bad("duration_s", "must be more than 0".into()));
        }
        crate::calendar::check_date_time(self.started_at).map_err(|r| bad("started_at", r))?;
        for (field, value) in [
            ("average_cadence_spm", self.average_cadence_spm),
            ("target_cadence_spm", self.target_cadence_spm),
        ] {
            if let Some(v) = value
                && !(v.is_finite() && v > 0.0 && v <= MAX_CADENCE_SPM)
            {
                return Err(bad(
                    field,
                    format!("{v} is outside 0-{MAX_CADENCE_SPM} steps/min"),
                ));
            }
        }
        let mut previous: Option<u32> = None;
        for (i, p) in self.cadence_trace.iter().enumerate() {
            if !(p.steps_per_min.is_finite() && (0.0..=MAX_CADENCE_SPM).contains(&p.steps_per_min))
            {
                return Err(bad(
                    "cadence_trace",
                    format!(
                        "point {i}: {} is outside 0-{MAX_CADENCE_SPM} steps/min",
                        p.steps_per_min
                    ),
                ));
            }
            if previous.is_some_and(|prev| p.at_s <= prev) {
                return Err(bad(
                    "cadence_trace",
                    format!("point {i}: time goes backwards"),
                ));
            }
            previous = Some(p.at_s);
        }
        self.marks.validate()
    }
}

/// How a planned session ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Done,
    Skipped,
}

/// A planned session (run, strength, warm-up...) marked done or skipped.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionRecord {
    pub date: NaiveDate,
    /// The plan's id for the session.
    pub session_id: String,
    pub outcome: Outcome,
}

impl SessionRecord {
    pub fn validate(&self) -> Result<(), RecordError> {
        let bad = |field, reason| RecordError::Field {
            record: "session outcome",
            field,
            reason,
        };
        if self.session_id.trim().is_empty() {
            return Err(bad("session_id", "must not be empty".into()));
        }
        crate::calendar::check_date(self.date).map_err(|r| bad("date", r))
    }
}

/// The cadence sensor the runner paired, so the app reconnects to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "ffi",
    derive(uniffi::Record),
    uniffi(name = "PairedSensorRecord")
)]
pub struct PairedSensor {
    /// The platform's identifier for the device.
    pub id: String,
    /// The name shown to the runner.
    pub name: String,
    /// The unit detected for its cadence values, once known.
    pub cadence_unit: CadenceUnit,
}

impl PairedSensor {
    pub fn validate(&self) -> Result<(), RecordError> {
        if self.id.trim().is_empty() {
            return Err(RecordError::Field {
                record: "paired sensor",
                field: "id",
                reason: "must not be empty".into(),
            });
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn downsampling_averages_each_bucket() {
        let start = 1_000;
        let readings = [
            (1_000, 170.0),
            (20_000, 172.0),
            (31_000, 180.0),
            (95_000, 160.0),
        ];
        let trace = downsample_trace(start, &readings, 30);
        assert_eq!(
            trace,
            vec![
                CadencePoint {
                    at_s: 0,
                    steps_per_min: 171.0
                },
                CadencePoint {
                    at_s: 30,
                    steps_per_min: 180.0
                },
                CadencePoint {
                    at_s: 90,
                    steps_per_min: 160.0
                },
            ]
        );
    }

    #[test]
    fn a_run_with_a_bad_trace_names_the_field() {
        let run = RunRecord {
            id: "r1".into(),
            started_at: NaiveDate::from_ymd_opt(2026, 1, 1)
                .and_then(|d| d.and_hms_opt(7, 0, 0))
                .expect("valid date"),
            duration_s: 600,
            distance_m: 2000,
            average_cadence_spm: Some(170.0),
            target_cadence_spm: None,
            marks: RunMarks::default(),
            cadence_trace: vec![
                CadencePoint {
                    at_s: 30,
                    steps_per_min: 170.0,
                },
                CadencePoint {
                    at_s: 0,
                    steps_per_min: 170.0,
                },
            ],
        };
        let err = run.validate().expect_err("trace goes backwards");
        assert!(err.to_string().contains("run.cadence_trace"), "{err}");
    }
}
