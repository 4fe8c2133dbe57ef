//! A finished run (`crate::run::RunSessionSummary`, from `RunSession::finish`)
//! turned into what the record keeps: the run's id and local start, its
//! time and distance, the cadence trace in 30-second means and the marks
//! (`run_marks`). The apps' path (`Coach.completeRun` in the bindings) and
//! the terminal's both keep a run this way.

use chrono::NaiveDateTime;

use super::record_error::RecordError;
use super::records::{RunRecord, TRACE_BUCKET_S, downsample_trace};
use super::run_marks::RunMarks;
use crate::run::RunSessionSummary as FinishedRun;

impl RunRecord {
    /// The record's run for `finished`, under `id`, started at local time
    /// `started_at`; checked before it is returned.
    pub fn kept(
        id: &str,
        started_at: NaiveDateTime,
        finished: &FinishedRun,
    ) -> Result<Self, RecordError> {
        let bad = |field, reason: &str| RecordError::Field {
            record: "run",
            field,
            reason: reason.to_owned(),
        };
        // Whole seconds, rounded up, and at least one: a run stopped within
        // its first second (a knee check at once) still happened.
        let duration_s = u32::try_from(finished.duration_ms.div_ceil(1_000))
            .map_err(|_| bad("duration_s", "longer than any run"))?
            .max(1);
        let distance_m = finished.distance_m.unwrap_or(0.0);
        if !(distance_m.is_finite() && distance_m >= 0.0) {
            return Err(bad("distance_m", "not a distance"));
        }
        let readings: Vec<(u64, f64)> = finished
            .cadence_trace
            .iter()
            .map(|p| (u64::from(p.at_s) * 1_000, p.spm))
            .collect();
        let run = Self {
            id: id.to_owned(),
            started_at,
            duration_s,
            // Saturates only past 4 million km.
            distance_m: distance_m.round().min(f64::from(u32::MAX)) as u32,
            average_cadence_spm: finished.cadence.average_spm(),
            target_cadence_spm: finished.target_spm,
            cadence_trace: downsample_trace(0, &readings, TRACE_BUCKET_S),
            marks: RunMarks::from_run(finished),
        };
        run.validate()?;
        Ok(run)
    }
}
