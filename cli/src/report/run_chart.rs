//! The chart of one run: cadence over time against the target band, the
//! segments shaded behind it, a mark for each form alert and each pain
//! check-in, and the run's figures under the title.
//!
//! Every layer is a named group (see `figure`): `#segments` holds one
//! `.segment` per segment, `#target-band` the band, `#axes` the axes with
//! their units, `#cadence-trace` the line, `#alerts` one `.alert` per
//! alert and `#check-ins` one `.check-in` per check-in.

use patella_core::run::SegmentKind;
use patella_core::store::{RunRecord, TRACE_BUCKET_S};
use patella_core::words::minutes_clock;
use plotters::prelude::*;

use super::error::ReportError;
use super::figure::{Figure, draw_err};
use super::style::{self, *};
use super::summary::Row;

const HEIGHT: u32 = 520;

/// The axes' ranges: minutes across, steps per minute up.
struct Ranges {
    x: std::ops::Range<f64>,
    y: std::ops::Range<f64>,
}

fn ranges(run: &RunRecord) -> Ranges {
    let last_s = run
        .cadence_trace
        .last()
        .map_or(0, |p| p.at_s + TRACE_BUCKET_S)
        .max(run.duration_s)
        .max(run.marks.segments.last().map_or(0, |s| s.end_s));
    let minutes = (f64::from(last_s) / 60.0).max(1.0);
    let values = run
        .cadence_trace
        .iter()
        .map(|p| p.steps_per_min)
        .chain(run.marks.band_low_spm)
        .chain(run.marks.band_high_spm)
        .chain(run.target_cadence_spm);
    let (low, high) = values.fold((f64::MAX, f64::MIN), |(lo, hi), v| (lo.min(v), hi.max(v)));
    let (low, high) = if low <= high {
        (low, high)
    } else {
        (140.0, 190.0)
    };
    // Whole tens with room for the marks drawn along the top.
    let y_low = ((low - 10.0) / 10.0).floor() * 10.0;
    let y_high = ((high + 20.0) / 10.0).ceil() * 10.0;
    Ranges {
        x: 0.0..minutes,
        y: y_low.max(0.0)..y_high,
    }
}

fn minutes(seconds: u32) -> f64 {
    f64::from(seconds) / 60.0
}

fn shade(kind: SegmentKind) -> RGBColor {
    match kind {
        SegmentKind::Run => RUN_SHADE,
        SegmentKind::Walk => WALK_SHADE,
        SegmentKind::WarmUp | SegmentKind::CoolDown => EASY_SHADE,
    }
}

/// The run's chart as one SVG document. `rows` are its summary figures.
pub fn run_svg(run: &RunRecord, rows: &[Row]) -> Result<String, ReportError> {
    let r = ranges(run);
    let mut fig = Figure::new(WIDTH, HEIGHT);
    fig.layer(vec![("id", "background".into())], None, |area| {
        area.fill(&WHITE).map_err(draw_err)
    })?;
    // The figures that fit on one line; the HTML table has them all.
    let line = rows
        .iter()
        .filter_map(|(label, value)| match *label {
            "time" | "distance" | "pace" => Some(value.clone()),
            "average cadence" => Some(format!("average {value}")),
            "in the band" => Some(format!("{value} in the band")),
            _ => None,
        })
        .collect::<Vec<_>>()
        .join("  ·  ");
    let title = format!("Run, {}", run.started_at.format("%a %-d %b %Y %H:%M"));
    fig.layer(vec![("id", "header".into())], None, |area| {
        style::header(area, &title, &line)?;
        legend(area)
    })?;
    fig.open_group(vec![("id", "segments".into())]);
    for (i, span) in run.marks.segments.iter().enumerate() {
        let attrs = vec![
            ("class", format!("segment segment-{}", span.kind.label())),
            ("data-index", i.to_string()),
            ("data-kind", span.kind.label().to_owned()),
            ("data-start-s", span.start_s.to_string()),
            ("data-end-s", span.end_s.to_string()),
        ];
        let title = format!(
            "{} from {} to {}",
            span.kind.label(),
            minutes_clock(span.start_s),
            minutes_clock(span.end_s)
        );
        fig.layer(attrs, Some(&title), |area| {
            let mut chart = style::frame(area, r.x.clone(), r.y.clone())?;
            let corners = [
                (minutes(span.start_s), r.y.start),
                (minutes(span.end_s), r.y.end),
            ];
            chart
                .draw_series(std::iter::once(Rectangle::new(
                    corners,
                    shade(span.kind).filled(),
                )))
                .map_err(draw_err)?;
            Ok(())
        })?;
    }
    fig.close_group();
    if let (Some(low), Some(high)) = (run.marks.band_low_spm, run.marks.band_high_spm) {
        let attrs = vec![
            ("id", "target-band".into()),
            ("data-low-spm", format!("{low}")),
            ("data-high-spm", format!("{high}")),
        ];
        let title = format!("target band {low:.0}-{high:.0} steps/min");
        fig.layer(attrs, Some(&title), |area| {
            let mut chart = style::frame(area, r.x.clone(), r.y.clone())?;
            chart
                .draw_series(std::iter::once(Rectangle::new(
                    [(r.x.start, low), (r.x.end, high)],
                    BAND.mix(0.35).filled(),
                )))
                .map_err(draw_err)?;
            if let Some(target) = run.target_cadence_spm {
                chart
                    .draw_series(std::iter::once(PathElement::new(
                        vec![(r.x.start, target), (r.x.end, target)],
                        BAND.mix(0.9).stroke_width(2),
                    )))
                    .map_err(draw_err)?;
            }
            Ok(())
        })?;
    }
    fig.layer(vec![("id", "axes".into())], None, |area| {
        let mut chart = style::frame(area, r.x.clone(), r.y.clone())?;
        chart
            .configure_mesh()
            .x_desc("time (min)")
            .y_desc("cadence (steps/min)")
            .x_label_formatter(&|v| format!("{v:.0}"))
            .y_label_formatter(&|v| format!("{v:.0}"))
            .label_style((FONT, 15).into_font().color(&INK))
            .axis_desc_style((FONT, 16).into_font().color(&INK))
            .light_line_style(TRANSPARENT)
            .bold_line_style(GRID.mix(0.9))
            .axis_style(MUTED)
            .draw()
            .map_err(draw_err)
    })?;
    let pieces = trace_pieces(run);
    let points: usize = pieces.iter().map(Vec::len).sum();
    fig.layer(
        vec![
            ("id", "cadence-trace".into()),
            ("data-points", points.to_string()),
        ],
        Some("cadence, 30-second means"),
        |area| {
            let mut chart = style::frame(area, r.x.clone(), r.y.clone())?;
            for piece in &pieces {
                chart
                    .draw_series(LineSeries::new(
                        piece.iter().copied(),
                        CADENCE.stroke_width(3),
                    ))
                    .map_err(draw_err)?;
                chart
                    .draw_series(piece.iter().map(|&p| Circle::new(p, 3, CADENCE.filled())))
                    .map_err(draw_err)?;
            }
            Ok(())
        },
    )?;
    let mark_y = r.y.end - (r.y.end - r.y.start) * 0.05;
    fig.open_group(vec![("id", "alerts".into())]);
    for alert in &run.marks.alerts {
        let attrs = vec![
            (
                "class",
                format!("alert alert-{:?}", alert.kind).to_lowercase(),
            ),
            ("data-kind", alert.kind.label().to_owned()),
            ("data-at-s", alert.at_s.to_string()),
        ];
        let title = format!("{}: {}", minutes_clock(alert.at_s), alert.text);
        fig.layer(attrs, Some(&title), |area| {
            let mut chart = style::frame(area, r.x.clone(), r.y.clone())?;
            let x = minutes(alert.at_s);
            chart
                .draw_series(std::iter::once(PathElement::new(
                    vec![(x, r.y.start), (x, mark_y)],
                    ALERT.mix(0.55).stroke_width(2),
                )))
                .map_err(draw_err)?;
            chart
                .draw_series(std::iter::once(TriangleMarker::new(
                    (x, mark_y),
                    9,
                    ALERT.filled(),
                )))
                .map_err(draw_err)?;
            Ok(())
        })?;
    }
    fig.close_group();
    fig.open_group(vec![("id", "check-ins".into())]);
    let check_in_y = r.y.end - (r.y.end - r.y.start) * 0.12;
    for check_in in &run.marks.check_ins {
        let attrs = vec![
            ("class", "check-in".into()),
            ("data-score", check_in.score.to_string()),
            ("data-at-s", check_in.at_s.to_string()),
        ];
        let title = format!(
            "{}: knee check-in, {}/10{}",
            minutes_clock(check_in.at_s),
            check_in.score,
            if check_in.sharp { ", sharp" } else { "" }
        );
        let color = if check_in.score > 5 || check_in.sharp {
            WARN
        } else {
            CALM
        };
        fig.layer(attrs, Some(&title), |area| {
            let mut chart = style::frame(area, r.x.clone(), r.y.clone())?;
            let x = minutes(check_in.at_s);
            let label = TextStyle::from((FONT, 15).into_font().style(FontStyle::Bold))
                .color(&WHITE)
                .pos(plotters::style::text_anchor::Pos::new(
                    plotters::style::text_anchor::HPos::Center,
                    plotters::style::text_anchor::VPos::Center,
                ));
            let mark = EmptyElement::at((x, check_in_y))
                + Circle::new((0, 0), 13, color.filled())
                + Text::new(check_in.score.to_string(), (0, 0), label);
            chart.draw_series(std::iter::once(mark)).map_err(draw_err)?;
            Ok(())
        })?;
    }
    fig.close_group();
    Ok(fig.finish(vec![
        ("class", "patella-report run-report".into()),
        ("data-run-id", run.id.clone()),
    ]))
}

fn legend(area: &super::figure::Area<'_>) -> Result<(), ReportError> {
    let entries = [
        (RUN_SHADE.mix(1.0), "run"),
        (WALK_SHADE.mix(1.0), "walk"),
        (EASY_SHADE.mix(1.0), "warm-up, cool-down"),
        (BAND.mix(0.6), "target band"),
        (CADENCE.mix(1.0), "cadence"),
        (ALERT.mix(1.0), "alert"),
        (CALM.mix(1.0), "check-in, 0-5"),
        (WARN.mix(1.0), "above 5"),
    ];
    let mut x = 20;
    for (color, words) in entries {
        style::legend_entry(area, (x, LEGEND_Y), color, words)?;
        x += 34 + 7 * i32::try_from(words.len()).unwrap_or(10);
    }
    Ok(())
}

/// The trace as lines through each bucket's middle, broken where buckets
/// are missing (walking, a sensor gap): a line across a gap would claim
/// readings that were never taken.
fn trace_pieces(run: &RunRecord) -> Vec<Vec<(f64, f64)>> {
    let mut pieces: Vec<Vec<(f64, f64)>> = Vec::new();
    let mut previous: Option<u32> = None;
    for p in &run.cadence_trace {
        let joined = previous.is_some_and(|prev| p.at_s <= prev + TRACE_BUCKET_S);
        let point = (
            minutes(p.at_s) + minutes(TRACE_BUCKET_S) / 2.0,
            p.steps_per_min,
        );
        match pieces.last_mut() {
            Some(piece) if joined => piece.push(point),
            _ => pieces.push(vec![point]),
        }
        previous = Some(p.at_s);
    }
    pieces
}
