//! The end of a live run: the run kept through the journal (the one way a
//! run is kept, `patella_core::journal`, what `Coach.completeRun` does for
//! the apps), then the summary, the plan changes and, when pain has not
//! improved over recent weeks, the core's warning, in plain words.

use patella_core::coach::{CoachConfig, History};
use patella_core::journal::{FinishedRun, Journal, JournalError, KeptRun};
use patella_core::pain;
use patella_core::run::{RunSessionSummary, RunStopReason};
use patella_core::screens::format;
use patella_core::store::DistanceUnit;
use patella_core::words::{self, clock};

use crate::output::CliError;

/// A journal's refusal as the CLI's error: the record's own by its kind
/// (a full or read-only disk exits 3), anything else as bad input.
pub fn journal_error(e: JournalError) -> CliError {
    match e {
        JournalError::Store(err) => CliError::Store(err),
        other => CliError::Invalid(other.to_string()),
    }
}

/// Keeps `finished` through `journal` and returns what the coach made of
/// it, `history` then holding it; a run ended before any time passed, with
/// no check-in, has nothing to keep (`None`).
pub fn keep(
    journal: &Journal,
    history: &mut History,
    finished: &FinishedRun,
) -> Result<Option<KeptRun>, CliError> {
    let summary = &finished.summary;
    if summary.duration_ms == 0 && summary.check_in_count == 0 {
        return Ok(None);
    }
    journal
        .keep_run(history, finished, &CoachConfig::default())
        .map(Some)
        .map_err(journal_error)
}

/// Said when a run ended before it began.
pub const NOTHING_KEPT: &str = "The run ended before it began: nothing was recorded to keep.";

fn stop_words(reason: RunStopReason) -> &'static str {
    match reason {
        RunStopReason::User => "you stopped it",
        RunStopReason::PainStop => "the knee said stop",
        RunStopReason::PainAboveZone => "pain above the buffer zone",
        RunStopReason::RedFlag => "a red flag: see a doctor or physical therapist",
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

/// The core's pain-trend warning as of the kept run's day, read from
/// `history` (which holds the run's check-ins once it is kept): what the
/// apps show with a check-in's assessment (`PainTrend::warning`).
pub fn trend_warning(history: &History, kept: &KeptRun) -> Option<&'static str> {
    let trend = &CoachConfig::default().trend;
    pain::trend(&history.check_ins, kept.run.date(), trend).map(|t| t.warning())
}

/// The summary, the plan changes and the pain-trend warning, as lines; a
/// run not kept in a record (`--no-keep`: `kept` from a journal that keeps
/// nothing) says so.
pub fn summary_lines(
    summary: &RunSessionSummary,
    kept: &KeptRun,
    history: &History,
    in_record: bool,
    unit: DistanceUnit,
) -> Vec<String> {
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
            words::cadence(avg),
            summary
                .target_spm
                .map_or_else(String::new, |t| format!(", target {}", words::cadence(t)))
        )),
        None => out.push("  no running cadence was recorded".to_owned()),
    }
    if let Some((low, high)) = summary.band_low_spm.zip(summary.band_high_spm)
        && tally.running_ms > 0
    {
        out.push(format!(
            "  in the band ({}) {} of the running time, below it {}",
            words::band(low, high),
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
    if !in_record {
        out.push(format!("  {}", patella_core::run::format::NOT_KEPT));
        return out;
    }
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
    if let Some(warning) = trend_warning(history, kept) {
        out.push(String::new());
        out.push(warning.to_owned());
    }
    out
}
