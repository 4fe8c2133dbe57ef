//! The terminal dashboard: one frame drawn from the core's `RunScreen` (the
//! record the phone apps draw) and the cues of the latest events. Nothing
//! here decides anything: labels, the band, the zone and the countdown all
//! come worded from the core.

use patella_core::run::{
    RunCadenceState, RunEvent, RunScreen, RunStripSegment, RunStripState, RunUrgency, SegmentKind,
};
use patella_core::sample::SensorLink;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

/// What the frame shows besides the Run screen: its title, the cues so far
/// (oldest first) and the help line for the keys.
pub struct Extras<'a> {
    pub title: &'a str,
    pub events: &'a [RunEvent],
    pub keys_help: &'a str,
    /// A line the shell wants seen (the demo's narration, a key's answer).
    pub note: Option<&'a str>,
}

fn segment_colour(kind: SegmentKind) -> Color {
    match kind {
        SegmentKind::WarmUp | SegmentKind::CoolDown => Color::Blue,
        SegmentKind::Run => Color::Green,
        SegmentKind::Walk => Color::Yellow,
    }
}

fn zone_colour(zone: RunCadenceState) -> Color {
    match zone {
        RunCadenceState::InBand => Color::Green,
        RunCadenceState::BelowBand | RunCadenceState::AboveBand => Color::Red,
        RunCadenceState::Walking | RunCadenceState::Running => Color::Cyan,
        RunCadenceState::NoSignal | RunCadenceState::Stopped | RunCadenceState::Suspect => {
            Color::Gray
        }
    }
}

fn urgency_colour(urgency: RunUrgency) -> Color {
    match urgency {
        RunUrgency::Info => Color::Gray,
        RunUrgency::Nudge => Color::Cyan,
        RunUrgency::Warning => Color::Yellow,
        RunUrgency::Stop => Color::Red,
    }
}

/// Draws one frame.
pub fn draw(frame: &mut Frame<'_>, screen: &RunScreen, extra: &Extras<'_>) {
    let [top, strip, middle, prompt, log, help] = Layout::vertical([
        Constraint::Length(4),
        Constraint::Length(3),
        Constraint::Length(5),
        Constraint::Length(5),
        Constraint::Min(3),
        Constraint::Length(1),
    ])
    .areas(frame.area());
    draw_segment(frame, top, screen, extra.title);
    draw_strip(frame, strip, &screen.strip);
    let [cadence, sensor] =
        Layout::horizontal([Constraint::Percentage(64), Constraint::Percentage(36)]).areas(middle);
    draw_cadence(frame, cadence, screen);
    draw_sensor(frame, sensor, screen);
    draw_prompt(frame, prompt, screen, extra.note);
    draw_log(frame, log, extra.events);
    frame.render_widget(
        Paragraph::new(Line::from(Span::styled(
            extra.keys_help,
            Style::default().fg(Color::DarkGray),
        ))),
        help,
    );
}

fn boxed(title: &str) -> Block<'_> {
    Block::default().borders(Borders::ALL).title(Span::styled(
        format!(" {title} "),
        Style::default().add_modifier(Modifier::BOLD),
    ))
}

fn draw_segment(frame: &mut Frame<'_>, area: Rect, screen: &RunScreen, title: &str) {
    let bold = Style::default().add_modifier(Modifier::BOLD);
    let now = match &screen.current {
        Some(card) => vec![
            Span::styled(
                format!(" {} ", card.label),
                bold.fg(Color::Black).bg(segment_colour(card.kind)),
            ),
            Span::styled(format!("  {} left", screen.countdown_label), bold),
            Span::raw(format!("  of {}", card.duration_label)),
        ],
        None => vec![Span::styled(format!(" {} ", screen.status_label), bold)],
    };
    let next = screen.next.as_ref().map_or_else(
        || "then the end".to_owned(),
        |n| format!("next: {} {}", n.label, n.duration_label),
    );
    let lines = vec![
        Line::from(now),
        Line::from(vec![
            Span::raw(format!(
                " {next}   elapsed {}   {} to go   ",
                screen.elapsed_label, screen.remaining_label
            )),
            Span::styled(
                screen.status_label.clone(),
                Style::default().fg(Color::DarkGray),
            ),
        ]),
    ];
    frame.render_widget(Paragraph::new(lines).block(boxed(title)), area);
}

/// The plan as a strip, each segment as wide as its share of the run; what
/// is behind the runner is drawn solid, what is ahead shaded.
fn draw_strip(frame: &mut Frame<'_>, area: Rect, strip: &[RunStripSegment]) {
    let width = usize::from(area.width.saturating_sub(2));
    let total: u64 = strip.iter().map(|s| s.duration_ms).sum();
    let mut spans = Vec::new();
    let mut used = 0usize;
    for (i, seg) in strip.iter().enumerate() {
        let cells = if i + 1 == strip.len() {
            width.saturating_sub(used)
        } else if total == 0 {
            0
        } else {
            let share = u128::from(seg.duration_ms) * width as u128 / u128::from(total);
            usize::try_from(share).unwrap_or(0).max(1)
        };
        let cells = cells.min(width.saturating_sub(used));
        used += cells;
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let done = match seg.state {
            RunStripState::Done => cells,
            RunStripState::Upcoming => 0,
            RunStripState::Current => (seg.done_fraction.clamp(0.0, 1.0) * cells as f64) as usize,
        };
        let colour = segment_colour(seg.kind);
        spans.push(Span::styled("█".repeat(done), Style::default().fg(colour)));
        spans.push(Span::styled(
            "░".repeat(cells - done),
            Style::default().fg(colour),
        ));
    }
    frame.render_widget(
        Paragraph::new(Line::from(spans)).block(boxed("The plan")),
        area,
    );
}

/// The cadence against the band: a scale around the band with the band
/// shaded and the latest cadence marked.
fn draw_cadence(frame: &mut Frame<'_>, area: Rect, screen: &RunScreen) {
    let gauge = &screen.cadence;
    let colour = zone_colour(gauge.zone);
    let bold = Style::default().add_modifier(Modifier::BOLD);
    let mut lines = vec![Line::from(vec![
        Span::styled(format!(" {}", gauge.label), bold.fg(colour)),
        Span::raw("   "),
        Span::styled(gauge.zone_label.clone(), Style::default().fg(colour)),
    ])];
    let width = usize::from(area.width.saturating_sub(4));
    match (gauge.band_low_spm, gauge.band_high_spm) {
        (Some(low), Some(high)) if width > 10 => {
            lines.push(scale_line(width, low, high, gauge.spm, colour));
            lines.push(Line::from(vec![
                Span::raw(" target band "),
                Span::styled(
                    gauge.band_label.clone().unwrap_or_default(),
                    Style::default().fg(Color::Green),
                ),
            ]));
        }
        _ => lines.push(Line::from(" no cadence target today")),
    }
    if let Some(walk) = &screen.walking_in_run_label {
        lines.push(Line::from(format!(" {walk}")));
    }
    frame.render_widget(Paragraph::new(lines).block(boxed("Cadence")), area);
}

fn scale_line(width: usize, low: f64, high: f64, spm: Option<f64>, colour: Color) -> Line<'static> {
    // The scale shows the band with as much room again on each side.
    let span = (high - low).max(1.0);
    let (from, to) = (low - span * 1.5, high + span * 1.5);
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let cell = |v: f64| -> usize {
        let f = ((v - from) / (to - from)).clamp(0.0, 1.0);
        ((f * (width - 1) as f64).round() as usize).min(width - 1)
    };
    let (band_from, band_to) = (cell(low), cell(high));
    let marker = spm.map(cell);
    let mut spans = vec![Span::raw(" ")];
    for i in 0..width {
        let in_band = (band_from..=band_to).contains(&i);
        if marker == Some(i) {
            spans.push(Span::styled(
                "▲",
                Style::default().fg(colour).add_modifier(Modifier::BOLD),
            ));
        } else if in_band {
            spans.push(Span::styled("━", Style::default().fg(Color::Green)));
        } else {
            spans.push(Span::styled("─", Style::default().fg(Color::DarkGray)));
        }
    }
    Line::from(spans)
}

fn draw_sensor(frame: &mut Frame<'_>, area: Rect, screen: &RunScreen) {
    let panel = &screen.sensor;
    let colour = match panel.link {
        Some(SensorLink::Connected) => Color::Green,
        Some(SensorLink::Connecting | SensorLink::Silent) => Color::Yellow,
        Some(SensorLink::Failed | SensorLink::BluetoothOff) => Color::Red,
        Some(SensorLink::Idle) | None => Color::Gray,
    };
    let mut lines = vec![Line::from(Span::styled(
        format!(" {}", panel.label),
        Style::default().fg(colour).add_modifier(Modifier::BOLD),
    ))];
    if let Some(id) = &panel.source_id {
        lines.push(Line::from(format!(" {id}")));
    }
    if let Some(battery) = &panel.battery_label {
        let style = if panel.battery_low {
            Style::default().fg(Color::Red)
        } else {
            Style::default()
        };
        lines.push(Line::from(Span::styled(
            format!(" battery {battery}"),
            style,
        )));
    }
    frame.render_widget(Paragraph::new(lines).block(boxed("Sensor")), area);
}

fn draw_prompt(frame: &mut Frame<'_>, area: Rect, screen: &RunScreen, note: Option<&str>) {
    let mut lines = Vec::new();
    // What the runner entered and the record does not hold comes first.
    if let Some(warning) = &screen.not_saved {
        lines.push(Line::from(Span::styled(
            format!(" {warning}"),
            Style::default().fg(Color::Red).add_modifier(Modifier::BOLD),
        )));
    }
    if let Some(prompt) = &screen.check_in_prompt {
        lines.push(Line::from(Span::styled(
            format!(" {}", prompt.question),
            Style::default()
                .fg(Color::Cyan)
                .add_modifier(Modifier::BOLD),
        )));
    }
    if let Some(note) = note {
        lines.push(Line::from(Span::styled(
            format!(" {note}"),
            Style::default().fg(Color::Magenta),
        )));
    }
    if let Some(card) = &screen.last_assessment {
        lines.push(Line::from(format!(" {}/10: {}", card.score, card.advice)));
    }
    if let Some(stop) = &screen.stop_label {
        lines.push(Line::from(Span::styled(
            format!(" {stop}"),
            Style::default().fg(Color::Red),
        )));
    }
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(boxed("Knee check")),
        area,
    );
}

/// The latest cues, newest at the bottom, each with its run time.
fn draw_log(frame: &mut Frame<'_>, area: Rect, events: &[RunEvent]) {
    let rows = usize::from(area.height.saturating_sub(2));
    let first = events.len().saturating_sub(rows);
    let lines: Vec<Line<'_>> = events[first..]
        .iter()
        .map(|e| {
            Line::from(vec![
                Span::styled(
                    format!(" {:>7} ", super::plain::stamp(e.at_ms)),
                    Style::default().fg(Color::DarkGray),
                ),
                Span::styled(
                    e.cue.text.clone(),
                    Style::default().fg(urgency_colour(e.cue.urgency)),
                ),
            ])
        })
        .collect();
    frame.render_widget(Paragraph::new(lines).block(boxed("Cues")), area);
}
