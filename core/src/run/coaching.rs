//! Turning the cadence track into cues: when alerts may fire at all (only in
//! run segments, past the first seconds, while moving at a running rate on a
//! live, believable signal), and the events they become. Walking in a run
//! segment is noted from here too (see `walking.rs`).

use super::cue::{self, push};
use super::event::{RunEvent, RunEventKind};
use super::plan::SegmentKind;
use super::session::RunSession;
use super::view::RunStatus;
use crate::cadence::{AlertContext, AlertOutcome, CadenceBand, Ineligible, Side};
use crate::sample::MonoMs;

impl RunSession {
    pub(super) fn check_gap(&mut self, now_ms: MonoMs, events: &mut Vec<RunEvent>) {
        self.track
            .check_gap(now_ms, &self.config, &mut self.history, events);
    }

    /// Why form cues are off right now, if they are (target aside).
    fn form_readiness(&self, now_ms: MonoMs) -> Result<(), Ineligible> {
        if self.status != RunStatus::Running {
            return Err(Ineligible::NotRunSegment);
        }
        let Some(seg) = self.segments.get(self.segment) else {
            return Err(Ineligible::NotRunSegment);
        };
        if seg.kind != SegmentKind::Run {
            return Err(Ineligible::NotRunSegment);
        }
        let alert = &self.config.cadence.alert;
        if self.active_ms.saturating_sub(seg.start_ms) < alert.segment_start_grace_ms {
            return Err(Ineligible::SegmentStartGrace);
        }
        self.track.readiness(now_ms, alert.restart_grace_ms)
    }

    /// Runs the alert and overstride checks at `now_ms`; `stride` is the
    /// (speed, stride length) of a running reading that just arrived.
    pub(super) fn coach(
        &mut self,
        now_ms: MonoMs,
        stride: Option<(f64, f64)>,
        events: &mut Vec<RunEvent>,
    ) {
        let first_new = events.len();
        let readiness = self.form_readiness(now_ms);
        let eligible = readiness.and_then(|()| {
            self.target_spm
                .map(|t| CadenceBand::around(t, &self.config.cadence.alert))
                .ok_or(Ineligible::NoTarget)
        });
        let smoothed = self.track.refresh_smoothed(now_ms);
        let ctx = AlertContext {
            now_ms,
            eligible,
            smoothed,
        };
        let track = &mut self.track;
        match track.alerter.update(ctx, &mut track.gate) {
            Some(AlertOutcome::OutOfBand {
                side: Side::Below,
                spm,
                band,
                outside_for_ms,
            }) => push(
                events,
                now_ms,
                RunEventKind::CadenceLow {
                    cadence_spm: spm,
                    target_spm: band.target_spm,
                    band_low_spm: band.low_spm,
                    below_for_ms: outside_for_ms,
                },
                cue::cadence_low(band.target_spm),
            ),
            Some(AlertOutcome::OutOfBand {
                side: Side::Above,
                spm,
                band,
                outside_for_ms,
            }) => push(
                events,
                now_ms,
                RunEventKind::CadenceHigh {
                    cadence_spm: spm,
                    target_spm: band.target_spm,
                    band_high_spm: band.high_spm,
                    above_for_ms: outside_for_ms,
                },
                cue::cadence_high(band.target_spm),
            ),
            Some(AlertOutcome::BackOnTarget { spm, band }) => push(
                events,
                now_ms,
                RunEventKind::BackOnTarget {
                    cadence_spm: spm,
                    target_spm: band.target_spm,
                },
                cue::back_on_target(),
            ),
            None => {}
        }
        if let (Ok(()), Some((speed, stride_m))) = (readiness, stride) {
            let alert = &self.config.cadence.alert;
            let track = &mut self.track;
            if let Some(flag) =
                track
                    .overstride
                    .update(now_ms, speed, stride_m, alert, &mut track.gate)
            {
                push(
                    events,
                    now_ms,
                    RunEventKind::Overstride {
                        stride_m: flag.stride_m,
                        baseline_m: flag.baseline_m,
                        speed_mps: flag.speed_mps,
                        excess_pct: flag.excess_ratio * 100.0,
                    },
                    cue::overstride(),
                );
            }
        }
        self.note_walking(now_ms, events);
        self.refresh_metronome(now_ms, events);
        self.log
            .note_alerts(events.get(first_new..).unwrap_or_default());
    }
}
