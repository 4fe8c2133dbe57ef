//! The figures a report states in words beside its charts: for a run, its
//! time, distance, cadence against the band, alerts and check-ins; for
//! progress, the latest week, cadence on target, pain and streaks. The SVG
//! writes them under its title, the HTML page as a table.

use patella_core::progress::ProgressView;
use patella_core::screens::format;
use patella_core::store::{DistanceUnit, RunRecord};
use patella_core::words;

/// One line of the summary: what it is, and its value.
pub type Row = (&'static str, String);

/// Share of the stored cadence trace inside the band, when both exist.
pub fn share_in_band(run: &RunRecord) -> Option<f64> {
    let (low, high) = (run.marks.band_low_spm?, run.marks.band_high_spm?);
    if run.cadence_trace.is_empty() {
        return None;
    }
    let inside = run
        .cadence_trace
        .iter()
        .filter(|p| (low..=high).contains(&p.steps_per_min))
        .count();
    Some(inside as f64 / run.cadence_trace.len() as f64)
}

/// The run's figures, distances in `unit`.
pub fn run_figures(run: &RunRecord, unit: DistanceUnit) -> Vec<Row> {
    let mut rows: Vec<Row> = vec![
        (
            "started",
            run.started_at.format("%Y-%m-%d %H:%M").to_string(),
        ),
        ("time", words::duration(run.duration_s)),
    ];
    if run.distance_m > 0 {
        rows.push(("distance", format::distance(run.distance_m, unit)));
        if let Some(pace) = format::pace(run.duration_s, run.distance_m, unit) {
            rows.push(("pace", pace));
        }
    }
    rows.push((
        "average cadence",
        words::cadence_reading(run.average_cadence_spm),
    ));
    if let Some(target) = run.target_cadence_spm {
        let band = match (run.marks.band_low_spm, run.marks.band_high_spm) {
            (Some(low), Some(high)) => format!(", band {}", words::band(low, high)),
            _ => String::new(),
        };
        rows.push(("target", format!("{}{band}", words::cadence(target))));
    }
    if let Some(share) = share_in_band(run) {
        rows.push((
            "in the band",
            format!("{:.0}% of the running", share * 100.0),
        ));
    }
    rows.push(("alerts", alerts_line(run)));
    rows.push(("check-ins", check_ins_line(run)));
    rows
}

fn alerts_line(run: &RunRecord) -> String {
    match run.marks.alerts.len() {
        0 => "none".to_owned(),
        n => {
            let mut kinds: Vec<&str> = run.marks.alerts.iter().map(|a| a.kind.label()).collect();
            kinds.dedup();
            format!("{n} ({})", kinds.join(", "))
        }
    }
}

fn check_ins_line(run: &RunRecord) -> String {
    let scores: Vec<String> = run
        .marks
        .check_ins
        .iter()
        .map(|c| format!("{}/10{}", c.score, if c.sharp { " sharp" } else { "" }))
        .collect();
    if scores.is_empty() {
        "none".to_owned()
    } else {
        format!("{} ({})", scores.len(), scores.join(", "))
    }
}

/// The progress figures, distances in `unit`.
pub fn progress_figures(view: &ProgressView, unit: DistanceUnit) -> Vec<Row> {
    let check_ins: usize = view.pain.series.iter().map(|s| s.points.len()).sum();
    let above: usize = view
        .pain
        .series
        .iter()
        .flat_map(|s| &s.points)
        .filter(|p| p.above_buffer)
        .count();
    let mut rows: Vec<Row> = vec![
        ("as of", view.today.to_string()),
        (
            "pain",
            format!(
                "{check_ins} check-ins, {above} above {}/10",
                view.pain.buffer_zone_max
            ),
        ),
    ];
    if let Some(week) = view.weekly_volume.last() {
        let cap = week
            .cap_m
            .map(|c| format!(", cap {}", format::distance(c, unit)))
            .unwrap_or_default();
        rows.push((
            "this week",
            format!(
                "{} in {} runs{cap}",
                format::distance(week.distance_m, unit),
                week.runs
            ),
        ));
    }
    let over = view.weekly_volume.iter().filter(|w| w.over_cap).count();
    rows.push(("weeks over the 10% cap", over.to_string()));
    let on_target = view.cadence.runs.iter().filter(|r| r.on_target).count();
    rows.push((
        "cadence",
        format!("{on_target} of {} runs on target", view.cadence.runs.len()),
    ));
    rows.push((
        "streak",
        format!(
            "{} consistent weeks (longest {})",
            view.streaks.current_weeks, view.streaks.longest_weeks
        ),
    ));
    rows.push((
        "improvement",
        format::improvement(view.improvement.status).to_owned(),
    ));
    rows
}
