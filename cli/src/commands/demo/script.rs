//! The demo's script: what the simulated runner does beyond following the
//! session, placed by the session's own segments as the Run screen shows
//! them, so it fits whatever run the coach planned for today:
//! - in the first long run segment the steps slow below the band for 40 s
//!   and then pick up again (the low-cadence cue comes, then clears);
//! - in the next run segment the foot pod drops out for 12 s and reconnects;
//! - the first knee check is answered 5 (within the buffer zone), the second
//!   6 (above it: the session switches the rest of the run to walking).

use patella_core::run::{RunScreen, SegmentKind};
use patella_core::sample::MonoMs;

/// A run segment at least this long carries the cadence drift (it needs
/// the segment's start grace, the alert's dwell and the recovery).
const DRIFT_SEGMENT_MS: u64 = 100_000;
/// The drift, in milliseconds into its segment.
const DRIFT_FROM_MS: u64 = 25_000;
const DRIFT_TO_MS: u64 = 65_000;
/// How far below the band's lower edge the tired steps fall, steps/min.
const DRIFT_BELOW_SPM: f64 = 9.0;
/// The drop-out, in milliseconds into its segment.
const DROP_FROM_MS: u64 = 30_000;
const DROP_TO_MS: u64 = 42_000;
/// The runner's answers to the knee checks, in order; later checks go
/// unanswered. A rise of two points within a run would stop it (article
/// 001), so the score climbs one point: 5 is still in the buffer zone, 6
/// is above it.
const ANSWERS: [u8; 2] = [5, 6];
/// The runner takes a few seconds to answer.
const ANSWER_AFTER_MS: u64 = 4_000;

/// What the script does in one turn.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Beat {
    /// Steps this far below the band's lower edge.
    pub drift_below_by: Option<f64>,
    /// The pod is out of reach.
    pub dropped_out: bool,
    /// A line for the watcher.
    pub note: Option<String>,
    /// A knee check-in score the runner gives now.
    pub answer: Option<u8>,
}

/// Where the script is.
#[derive(Debug, Default)]
pub struct Script {
    placed: bool,
    drift_segment: Option<usize>,
    drop_segment: Option<usize>,
    drifting: bool,
    drifted: bool,
    dropped: bool,
    reconnected: bool,
    prompt_since: Option<MonoMs>,
    answers_given: usize,
}

impl Script {
    pub fn new() -> Self {
        Self::default()
    }

    /// Picks the segments from the plan as the screen's strip shows it.
    fn place(&mut self, screen: &RunScreen) {
        self.placed = true;
        let runs: Vec<usize> = screen
            .strip
            .iter()
            .enumerate()
            .filter(|(_, s)| s.kind == SegmentKind::Run)
            .map(|(i, _)| i)
            .collect();
        self.drift_segment = runs
            .iter()
            .copied()
            .find(|&i| screen.strip[i].duration_ms >= DRIFT_SEGMENT_MS);
        self.drop_segment = match self.drift_segment {
            Some(d) => runs.iter().copied().find(|&i| i > d),
            None => runs.first().copied(),
        };
    }

    /// What happens at `now_ms`.
    pub fn beat(&mut self, now_ms: MonoMs, screen: &RunScreen) -> Beat {
        if !self.placed && !screen.strip.is_empty() {
            self.place(screen);
        }
        let mut beat = Beat::default();
        let Some(card) = &screen.current else {
            return beat;
        };
        let into = card.duration_ms.saturating_sub(screen.countdown_ms);
        if usize::try_from(card.index).ok() == self.drift_segment && card.kind == SegmentKind::Run {
            let drift = (DRIFT_FROM_MS..DRIFT_TO_MS).contains(&into);
            if drift {
                beat.drift_below_by = Some(DRIFT_BELOW_SPM);
                if !self.drifting {
                    self.drifting = true;
                    beat.note = Some("Demo: the runner tires and the steps slow down.".to_owned());
                }
            } else if self.drifting && !self.drifted {
                self.drifted = true;
                beat.note = Some("Demo: the runner quickens the steps again.".to_owned());
            }
        }
        if usize::try_from(card.index).ok() == self.drop_segment {
            let out = (DROP_FROM_MS..DROP_TO_MS).contains(&into);
            beat.dropped_out = out;
            if out && !self.dropped {
                self.dropped = true;
                beat.note = Some("Demo: the foot pod drops out of reach.".to_owned());
            } else if !out && self.dropped && !self.reconnected {
                self.reconnected = true;
                beat.note = Some("Demo: the foot pod is back in reach.".to_owned());
            }
        }
        match (&screen.check_in_prompt, self.prompt_since) {
            (Some(_), None) => self.prompt_since = Some(now_ms),
            (Some(_), Some(since)) if now_ms.saturating_sub(since) >= ANSWER_AFTER_MS => {
                if let Some(&score) = ANSWERS.get(self.answers_given) {
                    self.answers_given += 1;
                    self.prompt_since = None;
                    beat.answer = Some(score);
                    beat.note = Some(format!(
                        "Demo: the runner answers the knee check: {score}/10."
                    ));
                }
            }
            (None, _) => self.prompt_since = None,
            _ => {}
        }
        beat
    }
}
