//! `patella report`: a run or the progress drawn as an SVG or a
//! self-contained HTML page, from what the record keeps.
//!
//! The entry points take an open [`Store`] (the demo already holds one;
//! opening the folder twice in one process is refused) and return the path
//! written. Each concern has its own module: `format` (which file kind),
//! `figure` (plotters layers in named groups), `style` (the look),
//! `run_chart`, `progress_charts`, `summary` (the figures in words),
//! `html` (the page), `error` (what can fail, and its exit code).

mod error;
mod figure;
mod format;
mod html;
mod progress_charts;
mod run_chart;
mod style;
mod summary;

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use patella_core::progress::{ProgressConfig, progress_view};
use patella_core::screens::progress::progress_axes;
use patella_core::store::{DistanceUnit, Records, RunRecord, Store};

pub use error::ReportError;
pub use format::ReportFormat;

use crate::write_file::write_whole;

/// Metres in a mile, for distances shown in miles.
const METRES_PER_MILE: f64 = 1609.344;

/// Writes the report of run `run_id` (the latest run when `None`) to
/// `out`, an `.svg` or `.html` file, and returns the path written.
pub fn write_run_report(
    store: &Store,
    run_id: Option<&str>,
    out: &Path,
) -> Result<PathBuf, ReportError> {
    let format = ReportFormat::of(out)?;
    let records = store.records()?;
    let run = find_run(&records, run_id)?;
    let text = run_report(run, records.settings.distance_unit, format)?;
    write(out, &text)
}

/// Writes the progress report as of `today` to `out`, an `.svg` or
/// `.html` file, and returns the path written.
pub fn write_progress_report(
    store: &Store,
    today: NaiveDate,
    out: &Path,
) -> Result<PathBuf, ReportError> {
    let format = ReportFormat::of(out)?;
    let records = store.records()?;
    let text = progress_report(&records, today, format)?;
    write(out, &text)
}

/// The id of run `run_id` if the record has it, else of the latest run.
pub fn run_id_or_latest(store: &Store, run_id: Option<&str>) -> Result<String, ReportError> {
    let records = store.records()?;
    Ok(find_run(&records, run_id)?.id.clone())
}

fn find_run<'a>(records: &'a Records, id: Option<&str>) -> Result<&'a RunRecord, ReportError> {
    match id {
        Some(id) => records
            .runs
            .iter()
            .find(|r| r.id == id)
            .ok_or_else(|| ReportError::UnknownRun { id: id.to_owned() }),
        None => records
            .runs
            .iter()
            .max_by_key(|r| r.started_at)
            .ok_or(ReportError::NoRuns),
    }
}

/// The run's report as text in `format`.
pub fn run_report(
    run: &RunRecord,
    unit: DistanceUnit,
    format: ReportFormat,
) -> Result<String, ReportError> {
    let rows = summary::run_figures(run, unit);
    let svg = run_chart::run_svg(run, &rows)?;
    Ok(match format {
        ReportFormat::Svg => svg,
        ReportFormat::Html => html::page(
            &format!("Run on {}", run.started_at.format("%Y-%m-%d %H:%M")),
            "Cadence over the run against its target band, with the segments, \
             the form alerts and the knee check-ins. Hover a mark for its words.",
            &rows,
            &[svg],
        ),
    })
}

/// The progress report as text in `format`.
pub fn progress_report(
    records: &Records,
    today: NaiveDate,
    format: ReportFormat,
) -> Result<String, ReportError> {
    let unit = records.settings.distance_unit;
    let view = progress_view(records, today, &ProgressConfig::default());
    let axes = progress_axes(&view, unit);
    let per_unit_m = match unit {
        DistanceUnit::Kilometres => 1000.0,
        DistanceUnit::Miles => METRES_PER_MILE,
    };
    Ok(match format {
        ReportFormat::Svg => progress_charts::progress_svg(&view, &axes, per_unit_m)?,
        ReportFormat::Html => html::page(
            &format!("Progress as of {today}"),
            "Knee pain against the buffer zone, weekly distance against the 10% cap, \
             and each run's cadence against its target.",
            &summary::progress_figures(&view, unit),
            &progress_charts::progress_parts(&view, &axes, per_unit_m)?,
        ),
    })
}

fn write(out: &Path, text: &str) -> Result<PathBuf, ReportError> {
    write_whole(out, text.as_bytes()).map_err(ReportError::Write)?;
    Ok(std::path::absolute(out).unwrap_or_else(|_| out.to_path_buf()))
}
