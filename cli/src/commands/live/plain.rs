//! A line per event, for a pipe, a log or `--plain`: the run time, the
//! event in plain words and the cue's sentence.

use patella_core::run::{RunEvent, RunEventKind, RunScreen};

/// "12:05": minutes and seconds into the run (hours when it gets there).
pub fn stamp(ms: u64) -> String {
    patella_core::words::clock(ms)
}

/// What happened, in a few plain words (the cue says the rest).
fn what(kind: &RunEventKind) -> &'static str {
    use RunEventKind as K;
    match kind {
        K::SessionStarted { .. } => "started",
        K::SegmentStarted { .. } => "segment",
        K::SegmentEndingSoon { .. } => "countdown",
        K::Halfway { .. } => "halfway",
        K::SessionComplete { .. } => "finished",
        K::SessionStopped { .. } => "stopped",
        K::Paused { .. } => "paused",
        K::Resumed { .. } => "resumed",
        K::CheckInPrompt { .. } => "knee check",
        K::CheckInAssessed { .. } => "knee answer",
        K::SwitchedToWalking { .. } => "walk from here",
        K::RunEnded { .. } => "running ended",
        K::CadenceLow { .. } => "cadence low",
        K::CadenceHigh { .. } => "cadence high",
        K::BackOnTarget { .. } => "cadence back",
        K::Overstride { .. } => "long strides",
        K::WalkingInRunSegment { .. } => "walking",
        K::SensorGap { .. } => "sensor lost",
        K::SensorRestored { .. } => "sensor back",
        K::UnitDetected { .. } => "sensor unit",
        K::ReadingsRejected { .. } => "odd readings",
        K::MetronomeChanged { .. } => "metronome",
    }
}

/// Whether the event is one the runner hears (the bookkeeping ones stay
/// off the screen's log).
pub fn is_cue(event: &RunEvent) -> bool {
    event.cue.speak && !event.cue.text.is_empty()
}

/// The last seconds' "3", "2", "1": spoken, but they would crowd the
/// screen's log, which keeps the ten-second heads-up instead.
pub fn is_count(event: &RunEvent) -> bool {
    matches!(event.kind, RunEventKind::SegmentEndingSoon { seconds_left, .. } if seconds_left <= 3)
}

/// One line for an event, its time counted from the run's start.
pub fn event_line(event: &RunEvent, start_ms: u64) -> String {
    let at = stamp(event.at_ms.saturating_sub(start_ms));
    if event.cue.text.is_empty() {
        format!("{at:>7}  {}", what(&event.kind))
    } else {
        format!("{at:>7}  {:<15} {}", what(&event.kind), event.cue.text)
    }
}

/// A status line from the Run screen, printed now and then in plain mode so
/// a log also shows the segment, the countdown and the cadence.
pub fn status_line(screen: &RunScreen) -> String {
    let segment = screen.current.as_ref().map_or_else(
        || screen.status_label.clone(),
        |c| format!("{} {} left", c.label, screen.countdown_label),
    );
    let band = screen
        .cadence
        .band_label
        .as_ref()
        .map(|b| format!(" (band {b})"))
        .unwrap_or_default();
    format!(
        "{:>7}  {segment}; cadence {}{band}, {}; {}",
        screen.elapsed_label, screen.cadence.label, screen.cadence.zone_label, screen.sensor.label
    )
}
