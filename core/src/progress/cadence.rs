//! Cadence per run against its target (source: articles 002 and 004).

use chrono::NaiveDate;
use serde::Serialize;

use crate::store::RunRecord;

/// The range article 002 recommends, steps per minute.
pub const RECOMMENDED_RANGE_SPM: (f64, f64) = (165.0, 180.0);

/// One run on the cadence chart.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct RunCadence {
    /// The run's id.
    pub run_id: String,
    /// The run's date, ISO-8601.
    pub date: NaiveDate,
    /// Average cadence, steps/min.
    pub average_spm: f64,
    /// The target in force, steps/min.
    pub target_spm: f64,
    /// Average minus target, steps/min: negative means below the target.
    pub gap_spm: f64,
    /// Whether the average was within the tolerance of the target.
    pub on_target: bool,
}

/// The cadence chart.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CadenceChart {
    /// The band to shade behind the points.
    pub recommended_range_spm: (f64, f64),
    /// Runs with a cadence, oldest first.
    pub runs: Vec<RunCadence>,
}

/// Charts every run on or before `until` that recorded a cadence. A run
/// without its own target is held to `default_target`.
pub fn cadence_chart(
    runs: &[RunRecord],
    until: NaiveDate,
    default_target: f64,
    tolerance: f64,
) -> CadenceChart {
    let mut points: Vec<(chrono::NaiveDateTime, RunCadence)> = runs
        .iter()
        .filter(|r| r.date() <= until)
        .filter_map(|r| {
            let average_spm = r.average_cadence_spm?;
            let target_spm = r.target_cadence_spm.unwrap_or(default_target);
            let gap_spm = ((average_spm - target_spm) * 10.0).round() / 10.0;
            Some((
                r.started_at,
                RunCadence {
                    run_id: r.id.clone(),
                    date: r.date(),
                    average_spm,
                    target_spm,
                    gap_spm,
                    on_target: average_spm >= target_spm - tolerance,
                },
            ))
        })
        .collect();
    points.sort_by_key(|(at, _)| *at);
    CadenceChart {
        recommended_range_spm: RECOMMENDED_RANGE_SPM,
        runs: points.into_iter().map(|(_, p)| p).collect(),
    }
}
