//! The progress charts, as the Progress screen has them (same ranges and
//! bands, `screens::progress::progress_axes`): pain over the weeks with
//! the buffer-zone line, weekly distance against the 10% cap, and each
//! run's cadence against its target.
//!
//! Named groups (see `figure`): `#pain-chart` holds `#buffer-zone` and a
//! `.pain-point` per check-in; `#volume-chart` a `.week-bar` per week and
//! a `.cap` per week that has a cap; `#cadence-chart` the
//! `#recommended-band` and a `.run-cadence` per run with a cadence.

use chrono::NaiveDate;
use patella_core::pain::CheckInMoment;
use patella_core::progress::ProgressView;
use patella_core::screens::format;
use patella_core::screens::progress::ProgressAxes;
use plotters::prelude::*;

use super::error::ReportError;
use super::figure::{Area, Figure, draw_err, stack};
use super::style::{self, *};

const HEIGHT: u32 = 440;

/// The three charts stacked in one SVG document.
pub fn progress_svg(
    view: &ProgressView,
    axes: &ProgressAxes,
    per_unit_m: f64,
) -> Result<String, ReportError> {
    let charts = [
        pain_svg(view, axes)?,
        volume_svg(view, axes, per_unit_m)?,
        cadence_svg(view, axes)?,
    ];
    let figures: Vec<(u32, u32, String)> = charts.into_iter().map(|c| (WIDTH, HEIGHT, c)).collect();
    Ok(stack(
        &figures,
        vec![
            ("class", "patella-report progress-report".into()),
            ("data-today", view.today.to_string()),
        ],
    ))
}

/// Each chart on its own, for the HTML page.
pub fn progress_parts(
    view: &ProgressView,
    axes: &ProgressAxes,
    per_unit_m: f64,
) -> Result<Vec<String>, ReportError> {
    Ok(vec![
        pain_svg(view, axes)?,
        volume_svg(view, axes, per_unit_m)?,
        cadence_svg(view, axes)?,
    ])
}

fn background(fig: &mut Figure, title: &str, line: &str) -> Result<(), ReportError> {
    fig.layer(vec![("id", "background".into())], None, |area| {
        area.fill(&WHITE).map_err(draw_err)
    })?;
    fig.layer(vec![("class", "header".into())], None, |area| {
        style::header(area, title, line)
    })
}

fn axes_layer(
    fig: &mut Figure,
    x: std::ops::Range<f64>,
    y: std::ops::Range<f64>,
    descs: (&str, &str),
    x_labels: usize,
    x_label: &dyn Fn(&f64) -> String,
) -> Result<(), ReportError> {
    fig.layer(vec![("class", "axes".into())], None, |area| {
        let mut chart = style::frame(area, x.clone(), y.clone())?;
        chart
            .configure_mesh()
            .x_desc(descs.0)
            .y_desc(descs.1)
            .x_labels(x_labels)
            .x_label_formatter(x_label)
            .y_label_formatter(&|v| format!("{v:.0}"))
            .label_style((FONT, 15).into_font().color(&INK))
            .axis_desc_style((FONT, 16).into_font().color(&INK))
            .light_line_style(TRANSPARENT)
            .bold_line_style(GRID.mix(0.9))
            .axis_style(MUTED)
            .draw()
            .map_err(draw_err)
    })
}

fn moment_color(moment: CheckInMoment) -> RGBColor {
    match moment {
        CheckInMoment::NextMorning => RGBColor(124, 58, 237),
        CheckInMoment::BeforeRun => RGBColor(8, 145, 178),
        CheckInMoment::DuringRun => CADENCE,
        CheckInMoment::AfterRun => RGBColor(190, 24, 93),
        CheckInMoment::DuringStrength => MUTED,
    }
}

fn days_between(from: NaiveDate, to: NaiveDate) -> f64 {
    // A day count fits an f64 exactly.
    (to - from).num_days() as f64
}

fn pain_svg(view: &ProgressView, axes: &ProgressAxes) -> Result<String, ReportError> {
    let first = axes.first_date.unwrap_or(axes.last_date);
    let span = days_between(first, axes.last_date).max(6.0);
    let x = -0.5..span + 0.5;
    let y = f64::from(axes.pain_min)..f64::from(axes.pain_max) + 0.5;
    let zone = f64::from(axes.pain_band_max);
    let mut fig = Figure::new(WIDTH, HEIGHT);
    let count: usize = view.pain.series.iter().map(|s| s.points.len()).sum();
    background(
        &mut fig,
        "Knee pain",
        &format!(
            "{count} check-ins; 0-{} is the buffer zone, above it the plan eases off",
            axes.pain_band_max
        ),
    )?;
    fig.layer(
        vec![
            ("id", "buffer-zone".into()),
            ("data-max", axes.pain_band_max.to_string()),
        ],
        Some(&format!("buffer zone: 0-{}/10", axes.pain_band_max)),
        |area| {
            let mut chart = style::frame(area, x.clone(), y.clone())?;
            chart
                .draw_series(std::iter::once(Rectangle::new(
                    [(x.start, y.start), (x.end, zone)],
                    CALM.mix(0.08).filled(),
                )))
                .map_err(draw_err)?;
            chart
                .draw_series(std::iter::once(PathElement::new(
                    vec![(x.start, zone), (x.end, zone)],
                    CALM.stroke_width(2),
                )))
                .map_err(draw_err)?;
            Ok(())
        },
    )?;
    axes_layer(
        &mut fig,
        x.clone(),
        y.clone(),
        ("date", "pain (0-10)"),
        8,
        &|v| {
            let day = first + chrono::Duration::days(v.round() as i64);
            format::short_date(day)
        },
    )?;
    for series in &view.pain.series {
        let moment = format::moment(series.moment).to_lowercase();
        let color = moment_color(series.moment);
        fig.open_group(vec![
            ("class", "pain-series".into()),
            ("data-moment", moment.clone()),
        ]);
        let line: Vec<(f64, f64)> = series
            .points
            .iter()
            .map(|p| (days_between(first, p.taken_at.date()), f64::from(p.score)))
            .collect();
        fig.layer(vec![("class", "pain-line".into())], Some(&moment), |area| {
            let mut chart = style::frame(area, x.clone(), y.clone())?;
            chart
                .draw_series(LineSeries::new(
                    line.iter().copied(),
                    color.mix(0.6).stroke_width(2),
                ))
                .map_err(draw_err)?;
            Ok(())
        })?;
        for (p, &at) in series.points.iter().zip(&line) {
            let attrs = vec![
                ("class", "pain-point".into()),
                ("data-score", p.score.to_string()),
                (
                    "data-taken-at",
                    p.taken_at.format("%Y-%m-%dT%H:%M").to_string(),
                ),
            ];
            let title = format!(
                "{} {}: {}/10",
                p.taken_at.format("%Y-%m-%d %H:%M"),
                moment,
                p.score
            );
            let fill = if p.above_buffer { WARN } else { color };
            fig.layer(attrs, Some(&title), |area| {
                let mut chart = style::frame(area, x.clone(), y.clone())?;
                chart
                    .draw_series(std::iter::once(Circle::new(at, 5, fill.filled())))
                    .map_err(draw_err)?;
                Ok(())
            })?;
        }
        fig.close_group();
    }
    fig.layer(vec![("class", "legend".into())], None, |area| {
        let mut left = 20;
        for series in &view.pain.series {
            let words = format::moment(series.moment).to_lowercase();
            style::legend_entry(
                area,
                (left, LEGEND_Y),
                moment_color(series.moment).mix(1.0),
                &words,
            )?;
            left += 34 + 7 * i32::try_from(words.len()).unwrap_or(10);
        }
        style::legend_entry(
            area,
            (left, LEGEND_Y),
            WARN.mix(1.0),
            "above the buffer zone",
        )?;
        left += 34 + 7 * 21;
        style::legend_entry(area, (left, LEGEND_Y), CALM.mix(1.0), "buffer zone line")
    })?;
    Ok(fig.finish(vec![("id", "pain-chart".into())]))
}

fn volume_svg(
    view: &ProgressView,
    axes: &ProgressAxes,
    per_unit_m: f64,
) -> Result<String, ReportError> {
    let weeks = &view.weekly_volume;
    let n = weeks.len().max(1) as f64;
    let x = -0.6..n - 0.4;
    let y = 0.0..axes.volume_max * 1.08;
    let unit = axes.volume_unit.clone();
    let over = weeks.iter().filter(|w| w.over_cap).count();
    let mut fig = Figure::new(WIDTH, HEIGHT);
    background(
        &mut fig,
        "Weekly distance",
        &format!(
            "{} weeks; a week may grow at most 10% on the one before ({over} over that cap)",
            weeks.len()
        ),
    )?;
    let labels: Vec<String> = weeks
        .iter()
        .map(|w| format::short_date(w.week_start))
        .collect();
    axes_layer(
        &mut fig,
        x.clone(),
        y.clone(),
        ("week starting", &format!("distance ({unit})")),
        weeks.len().clamp(1, 12),
        &|v| {
            let i = v.round();
            if (v - i).abs() > 0.01 || i < 0.0 {
                return String::new();
            }
            labels.get(i as usize).cloned().unwrap_or_default()
        },
    )?;
    fig.open_group(vec![("id", "weeks".into())]);
    for (i, w) in weeks.iter().enumerate() {
        let at = i as f64;
        let value = f64::from(w.distance_m) / per_unit_m;
        let attrs = vec![
            ("class", "week-bar".into()),
            ("data-week-start", w.week_start.to_string()),
            ("data-distance-m", w.distance_m.to_string()),
            ("data-over-cap", w.over_cap.to_string()),
        ];
        let title = format!(
            "week of {}: {:.1} {unit} in {} runs",
            w.week_start, value, w.runs
        );
        let color = if w.over_cap { WARN } else { CADENCE };
        fig.layer(attrs, Some(&title), |area| {
            let mut chart = style::frame(area, x.clone(), y.clone())?;
            chart
                .draw_series(std::iter::once(Rectangle::new(
                    [(at - 0.3, 0.0), (at + 0.3, value)],
                    color.mix(0.75).filled(),
                )))
                .map_err(draw_err)?;
            Ok(())
        })?;
        if let Some(cap) = w.cap_m {
            let cap_value = f64::from(cap) / per_unit_m;
            let attrs = vec![
                ("class", "cap".into()),
                ("data-week-start", w.week_start.to_string()),
                ("data-cap-m", cap.to_string()),
            ];
            let title = format!(
                "10% cap for the week of {}: {cap_value:.1} {unit}",
                w.week_start
            );
            fig.layer(attrs, Some(&title), |area| {
                let mut chart = style::frame(area, x.clone(), y.clone())?;
                chart
                    .draw_series(std::iter::once(PathElement::new(
                        vec![(at - 0.42, cap_value), (at + 0.42, cap_value)],
                        INK.stroke_width(3),
                    )))
                    .map_err(draw_err)?;
                Ok(())
            })?;
        }
    }
    fig.close_group();
    fig.layer(vec![("class", "legend".into())], None, |area: &Area<'_>| {
        style::legend_entry(area, (20, LEGEND_Y), CADENCE.mix(0.75), "distance")?;
        style::legend_entry(area, (124, LEGEND_Y), WARN.mix(0.75), "over the cap")?;
        style::legend_entry(area, (260, LEGEND_Y), INK.mix(1.0), "10% cap")
    })?;
    Ok(fig.finish(vec![("id", "volume-chart".into())]))
}

fn cadence_svg(view: &ProgressView, axes: &ProgressAxes) -> Result<String, ReportError> {
    let runs = &view.cadence.runs;
    let n = runs.len().max(1) as f64;
    let x = -0.6..n - 0.4;
    let y = axes.cadence_min_spm..axes.cadence_max_spm;
    let (band_low, band_high) = (axes.cadence_band_min_spm, axes.cadence_band_max_spm);
    let on_target = runs.iter().filter(|r| r.on_target).count();
    let mut fig = Figure::new(WIDTH, HEIGHT);
    background(
        &mut fig,
        "Cadence per run",
        &format!(
            "{on_target} of {} runs on target; shaded: the recommended {band_low:.0}-{band_high:.0} steps/min",
            runs.len()
        ),
    )?;
    fig.layer(
        vec![
            ("id", "recommended-band".into()),
            ("data-low-spm", format!("{band_low}")),
            ("data-high-spm", format!("{band_high}")),
        ],
        Some(&axes.cadence_band_label),
        |area| {
            let mut chart = style::frame(area, x.clone(), y.clone())?;
            chart
                .draw_series(std::iter::once(Rectangle::new(
                    [(x.start, band_low), (x.end, band_high)],
                    BAND.mix(0.25).filled(),
                )))
                .map_err(draw_err)?;
            Ok(())
        },
    )?;
    let labels: Vec<String> = runs.iter().map(|r| format::short_date(r.date)).collect();
    axes_layer(
        &mut fig,
        x.clone(),
        y.clone(),
        ("run", "cadence (steps/min)"),
        runs.len().clamp(1, 12),
        &|v| {
            let i = v.round();
            if (v - i).abs() > 0.01 || i < 0.0 {
                return String::new();
            }
            labels.get(i as usize).cloned().unwrap_or_default()
        },
    )?;
    fig.open_group(vec![("id", "runs".into())]);
    for (i, r) in runs.iter().enumerate() {
        let at = i as f64;
        let attrs = vec![
            ("class", "run-cadence".into()),
            ("data-run-id", r.run_id.clone()),
            ("data-average-spm", format!("{:.1}", r.average_spm)),
            ("data-target-spm", format!("{:.1}", r.target_spm)),
            ("data-on-target", r.on_target.to_string()),
        ];
        let title = format!(
            "{}: {:.0} steps/min, target {:.0}",
            r.date, r.average_spm, r.target_spm
        );
        let color = if r.on_target { CALM } else { WARN };
        fig.layer(attrs, Some(&title), |area| {
            let mut chart = style::frame(area, x.clone(), y.clone())?;
            chart
                .draw_series(std::iter::once(PathElement::new(
                    vec![(at, r.target_spm), (at, r.average_spm)],
                    MUTED.mix(0.6).stroke_width(2),
                )))
                .map_err(draw_err)?;
            chart
                .draw_series(std::iter::once(PathElement::new(
                    vec![(at - 0.25, r.target_spm), (at + 0.25, r.target_spm)],
                    INK.stroke_width(3),
                )))
                .map_err(draw_err)?;
            chart
                .draw_series(std::iter::once(Circle::new(
                    (at, r.average_spm),
                    7,
                    color.filled(),
                )))
                .map_err(draw_err)?;
            Ok(())
        })?;
    }
    fig.close_group();
    fig.layer(vec![("class", "legend".into())], None, |area: &Area<'_>| {
        style::legend_entry(area, (20, LEGEND_Y), CALM.mix(1.0), "on target")?;
        style::legend_entry(area, (134, LEGEND_Y), WARN.mix(1.0), "off target")?;
        style::legend_entry(area, (252, LEGEND_Y), INK.mix(1.0), "target")?;
        style::legend_entry(area, (340, LEGEND_Y), BAND.mix(0.4), "recommended band")
    })?;
    Ok(fig.finish(vec![("id", "cadence-chart".into())]))
}
