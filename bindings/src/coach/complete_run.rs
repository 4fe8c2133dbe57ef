//! `Coach.completeRun`: a finished run (`RunSummary`) kept in the record in
//! one write with its check-ins and the run session's outcome, then taken
//! into the coach's history; it returns the plan changes that follow.

use chrono::NaiveDate;
use patella_core::coach::completed_run::counts_as_done;
use patella_core::coach::{CompletedRun, after_run, cadence_baseline};
use patella_core::store::{self as core_store, TRACE_BUCKET_S, downsample_trace};

use super::*;
use crate::run::RunSummary;

/// What keeping a finished run did.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct RunCompletion {
    /// The plan changes the run caused (pain during it scales the plan back).
    pub plan_changes: Vec<PlanChange>,
    /// Whether the day's run session was marked done: the plan ran to its
    /// end, or at least half its planned time was run.
    pub session_done: bool,
    /// The cadence baseline measured from the first stored runs, steps/min,
    /// once there are enough of them (used when the runner entered none).
    pub measured_cadence_baseline_spm: Option<f64>,
}

fn invalid(field: &str, detail: impl Into<String>) -> CoachError {
    CoachError::InvalidInput {
        field: field.to_owned(),
        detail: detail.into(),
    }
}

/// The run as the record keeps it.
fn stored_run(summary: &RunSummary) -> Result<core_store::RunSummary, CoachError> {
    if summary.run_id.trim().is_empty() {
        return Err(invalid(
            "run_id",
            "the run has no id: call RunSession.keepIn when the run starts",
        ));
    }
    let started_at =
        crate::dates::parse_date_time("started_at", &summary.started_at).map_err(|e| {
            CoachError::InvalidDate {
                field: e.field,
                value: e.value,
            }
        })?;
    plausible("started_at", started_at.date())?;
    let duration_s = u32::try_from(summary.duration_ms.div_ceil(1_000))
        .map_err(|_| invalid("duration_ms", "longer than any run"))?;
    let distance_m = summary.distance_m.unwrap_or(0.0);
    if !(distance_m.is_finite() && distance_m >= 0.0) {
        return Err(invalid(
            "distance_m",
            format!("{distance_m} is not a distance"),
        ));
    }
    let readings: Vec<(u64, f64)> = summary
        .cadence_trace
        .iter()
        .map(|p| (u64::from(p.at_s) * 1_000, p.spm))
        .collect();
    let run = core_store::RunSummary {
        id: summary.run_id.clone(),
        started_at,
        duration_s,
        // Saturates only past 4 million km.
        distance_m: distance_m.round().min(f64::from(u32::MAX)) as u32,
        average_cadence_spm: summary.cadence.average_spm,
        target_cadence_spm: summary.target_spm,
        cadence_trace: downsample_trace(0, &readings, TRACE_BUCKET_S),
        marks: marks(summary),
    };
    run.validate().map_err(|e| invalid("run", e.to_string()))?;
    Ok(run)
}

/// Where the band, segments, alerts and check-ins fall on the run's trace.
fn marks(summary: &RunSummary) -> core_store::RunMarks {
    use crate::run::RunAlertKind as Ffi;
    use core_store::AlertKind;
    core_store::RunMarks {
        band_low_spm: summary.band_low_spm,
        band_high_spm: summary.band_high_spm,
        segments: core_store::SegmentSpan::spans(
            summary
                .segments
                .iter()
                .map(|s| (s.kind.into(), s.planned_ms, s.elapsed_ms)),
        ),
        alerts: summary
            .alerts
            .iter()
            .map(|a| core_store::AlertMark {
                at_s: a.at_s,
                kind: match a.kind {
                    Ffi::CadenceLow => AlertKind::CadenceLow,
                    Ffi::CadenceHigh => AlertKind::CadenceHigh,
                    Ffi::Overstride => AlertKind::Overstride,
                    Ffi::WalkingInRunSegment => AlertKind::WalkingInRunSegment,
                },
                text: a.cue.text.clone(),
            })
            .collect(),
        check_ins: summary
            .check_ins
            .iter()
            .map(|n| core_store::CheckInMark {
                at_s: u32::try_from(n.elapsed_ms / 1_000).unwrap_or(u32::MAX),
                score: u8::try_from(n.check_in.score.clamp(0, 10)).unwrap_or(10),
                sharp: n.check_in.quality == Some(crate::pain::PainQuality::Sharp),
            })
            .collect(),
    }
}

#[uniffi::export]
impl Coach {
    /// Keeps a finished run: the run, the check-ins taken during it and the
    /// run session marked done go to the record in one write (all or
    /// nothing, across a crash), then into the plan; the run's checkpoint
    /// is cleared. Returns the plan changes. The same run completed twice
    /// is kept once.
    pub fn complete_run(&self, summary: RunSummary) -> Result<RunCompletion, CoachError> {
        let run = stored_run(&summary)?;
        let date: NaiveDate = run.date();
        let check_ins = summary
            .check_ins
            .iter()
            .enumerate()
            .map(|(i, n)| {
                n.check_in
                    .to_core()
                    .map_err(|e| invalid(&format!("check_ins[{i}]"), e.to_string()))
            })
            .collect::<Result<Vec<_>, _>>()?;
        let planned_ms = summary.segments.iter().map(|s| s.planned_ms).sum();
        let session_done = counts_as_done(
            summary.completed,
            summary.active_ms,
            planned_ms,
            &self.config,
        );
        let catalogue = Catalogue::builtin()?;
        let mut guard = self.lock()?;
        with_history(&mut guard, |h| {
            let mut runs = match &self.record {
                Some(store) => store
                    .core()
                    .with_records(|r| r.runs.clone())
                    .map_err(record_error)?,
                None => Vec::new(),
            };
            let already_kept = runs.iter().any(|r| r.id == run.id);
            if !already_kept {
                runs.push(run.clone());
            }
            let measured = cadence_baseline::measured(&runs, &self.config)
                .map_err(|e| invalid("cadence", e.to_string()))?;
            let completed = CompletedRun {
                date,
                check_ins: check_ins.clone(),
                session_done,
                measured_cadence_spm: measured,
            };
            let (after, changes) = after_run(h, &completed, catalogue, &self.config)?;
            if let Some(store) = &self.record {
                let outcome = session_done.then(|| {
                    record::stored_outcome(&SessionOutcome {
                        date,
                        kind: SessionKind::Run,
                        status: SessionStatus::Done,
                    })
                });
                let store = store.core();
                store
                    .complete_run(&run, &check_ins, outcome.as_ref())
                    .map_err(record_error)?;
                // The run is kept: its checkpoint has done its work. Left
                // behind, it would only offer a run already kept. Another
                // run's checkpoint stays: that run is not kept yet.
                let own = patella_core::run::KeptCheckpoint::belongs_to(store, &run.id)
                    .map_err(record_error)?;
                if own {
                    store.clear_run_checkpoint().map_err(record_error)?;
                }
            }
            if already_kept {
                // A retry: the record kept the run once, and so does the plan.
                return Ok(RunCompletion {
                    plan_changes: Vec::new(),
                    session_done,
                    measured_cadence_baseline_spm: measured,
                });
            }
            *h = after;
            Ok(RunCompletion {
                plan_changes: changes.iter().map(Into::into).collect(),
                session_done,
                measured_cadence_baseline_spm: measured,
            })
        })
    }
}
