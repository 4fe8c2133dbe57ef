//! The end of a live run: the summary kept through the coach (the core's
//! `keep_run`, what `Coach.completeRun` does for the apps), then the
//! summary and the plan changes in plain words.

use chrono::NaiveDateTime;
use patella_core::coach::keep_run::{KeptRun, keep_run};
use patella_core::coach::{CoachConfig, History};
use patella_core::run::format::clock;
use patella_core::run::{RunSummary, StopReason};
use patella_core::screens::format;
use patella_core::store::{DistanceUnit, Store};

use crate::output::CliError;

/// Keeps the run in `store` and returns what the coach made of it; a run
/// ended before any time passed, with no check-in, has nothing to keep
/// (`None`).
pub fn keep(
    store: &Store,
    history: &History,
    run_id: &str,
    started_at: NaiveDateTime,
    summary: &RunSummary,
) -> Result<Option<KeptRun>, CliError> {
    if summary.duration_ms == 0 && summary.check_in_count == 0 {
        return Ok(None);
    }
    keep_run(
        store,
        history,
        run_id,
        started_at,
        summary,
        &CoachConfig::default(),
    )
    .map_err(|e| match e {
        patella_core::coach::keep_run::KeepRunError::Store(err) => CliError::Store(err),
        other => CliError::Invalid(other.to_string()),
    })
    .map(Some)
}

/// Said when a run ended before it began.
pub const NOTHING_KEPT: &str = "The run ended before it began: nothing was recorded to keep.";

fn stop_words(reason: StopReason) -> &'static str {
    match reason {
        StopReason::User => "you stopped it",
        StopReason::PainStop => "the knee said stop",
        StopReason::PainAboveZone => "pain above the buffer zone",
        StopReason::RedFlag => "a red flag: see a doctor or physical therapist",
    }
}

fn share(part: u64, whole: u64) -> String {
    if whole == 0 {
        return "-".to_owned();
    }
    #[allow(clippy::cast_precision_loss)]
    let pct = part as f64 * 100.0 / whole as f64;
    format!("{pct:.0}%")
}

/// The summary and the plan changes, as lines.
pub fn summary_lines(summary: &RunSummary, kept: &KeptRun, unit: DistanceUnit) -> Vec<String> {
    let mut out = vec![String::new(), "Run summary".to_owned()];
    let ended = match (summary.completed, summary.stop_reason) {
        (true, _) => "the whole plan, to the end".to_owned(),
        (false, Some(reason)) => format!("ended early: {}", stop_words(reason)),
        (false, None) => "ended early".to_owned(),
    };
    out.push(format!("  {ended}"));
    out.push(format!(
        "  time {} (moving {}), distance {}",
        clock(summary.active_ms),
        clock(summary.moving_ms),
        summary.distance_m.map_or_else(
            || "not measured".to_owned(),
            |_| format::distance(kept.run.distance_m, unit)
        )
    ));
    let tally = &summary.cadence;
    match tally.average_spm() {
        Some(avg) => out.push(format!(
            "  cadence {} on average while running{}",
            format::cadence(avg),
            summary
                .target_spm
                .map_or_else(String::new, |t| format!(", target {}", format::cadence(t)))
        )),
        None => out.push("  no running cadence was recorded".to_owned()),
    }
    if let Some((low, high)) = summary.band_low_spm.zip(summary.band_high_spm)
        && tally.running_ms > 0
    {
        out.push(format!(
            "  in the band ({}) {} of the running time, below it {}",
            patella_core::run::format::band(low, high),
            share(tally.in_band_ms, tally.running_ms),
            share(tally.below_band_ms, tally.running_ms),
        ));
    }
    out.push(format!(
        "  {} form alert(s), {} knee check-in(s){}",
        summary.alert_count,
        summary.check_in_count,
        summary
            .check_ins
            .iter()
            .map(|c| format!(" {}/10", c.check_in.score))
            .collect::<Vec<_>>()
            .join(",")
    ));
    out.push(format!(
        "  kept as run {}{}",
        kept.run.id,
        if kept.session_done {
            "; today's run is marked done"
        } else {
            "; too short to count as today's run"
        }
    ));
    out.push(String::new());
    if kept.plan_changes.is_empty() {
        out.push("Plan: no change.".to_owned());
    } else {
        out.push("Plan changes:".to_owned());
        for change in &kept.plan_changes {
            out.push(format!("  - {}", change.reason));
        }
    }
    out
}
