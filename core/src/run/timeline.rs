//! The session's timeline in active time: segment ends, countdowns, the
//! halfway mark and periodic check-in prompts, fired in order with the
//! monotonic time each one fell on, however far one input jumps.

use super::cue::{self, push};
use super::event::{RunEvent, RunEventKind, RunPromptReason, count};
use super::plan::SegmentKind;
use super::session::RunSession;
use super::view::RunStatus;
use crate::sample::MonoMs;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Milestone {
    SegmentEnd,
    Countdown { offset_ms: u64 },
    Halfway,
    Prompt,
}

impl RunSession {
    /// Moves time to `now_ms` (never behind `latest_ms`; callers check) and
    /// fires every milestone passed on the way.
    pub(super) fn advance(&mut self, now_ms: MonoMs, events: &mut Vec<RunEvent>) {
        let delta = now_ms.saturating_sub(self.latest_ms);
        self.latest_ms = self.latest_ms.max(now_ms);
        if self.status != RunStatus::Running {
            return;
        }
        let to = self.active_ms.saturating_add(delta);
        while let Some((point, milestone)) = self.next_milestone() {
            if point > to {
                break;
            }
            self.active_ms = self.active_ms.max(point);
            // Running throughout this step, so active and monotonic time
            // move together.
            let at_ms = now_ms - (to - self.active_ms);
            self.fire(milestone, at_ms, events);
            if self.status != RunStatus::Running {
                return;
            }
        }
        self.active_ms = to;
    }

    /// The earliest pending milestone; on a tie the segment end comes first.
    fn next_milestone(&self) -> Option<(u64, Milestone)> {
        let seg = self.segments.get(self.segment)?;
        let end = seg.end_ms();
        let mut best = (end, Milestone::SegmentEnd);
        let mut consider = |point: u64, m: Milestone| {
            if point < best.0 {
                best = (point, m);
            }
        };
        if let Some(&offset_ms) = self.countdown_ms.get(self.next_countdown) {
            consider(
                end.saturating_sub(offset_ms),
                Milestone::Countdown { offset_ms },
            );
        }
        if !self.halfway_done {
            consider(self.total_ms / 2, Milestone::Halfway);
        }
        if let Some(p) = self.next_prompt_ms {
            consider(p, Milestone::Prompt);
        }
        Some(best)
    }

    fn fire(&mut self, milestone: Milestone, at_ms: MonoMs, events: &mut Vec<RunEvent>) {
        match milestone {
            Milestone::SegmentEnd => {
                let finished = self.segments.get(self.segment).map(|s| s.kind);
                if self.segment + 1 >= self.segments.len() {
                    self.status = RunStatus::Complete;
                    self.track.end_episode();
                    self.log.ended(at_ms, None);
                    push(
                        events,
                        at_ms,
                        RunEventKind::SessionComplete {
                            elapsed_ms: self.active_ms,
                        },
                        cue::complete(),
                    );
                    self.refresh_metronome(at_ms, events);
                    return;
                }
                self.segment += 1;
                self.enter_segment(at_ms, finished, events);
            }
            Milestone::Countdown { offset_ms } => {
                self.next_countdown += 1;
                let Some(seg) = self.segments.get(self.segment) else {
                    return;
                };
                let next = self.segments.get(self.segment + 1).map(|s| s.kind);
                let seconds_left = u32::try_from(offset_ms / 1_000).unwrap_or(u32::MAX);
                push(
                    events,
                    at_ms,
                    RunEventKind::SegmentEndingSoon {
                        index: count(self.segment),
                        segment: seg.kind,
                        seconds_left,
                        next,
                    },
                    cue::ending_soon(seconds_left, next),
                );
            }
            Milestone::Halfway => {
                self.halfway_done = true;
                push(
                    events,
                    at_ms,
                    RunEventKind::Halfway {
                        elapsed_ms: self.active_ms,
                        remaining_ms: self.total_ms.saturating_sub(self.active_ms),
                    },
                    cue::halfway(),
                );
            }
            Milestone::Prompt => {
                self.prompt(RunPromptReason::Periodic, at_ms, events);
            }
        }
    }

    /// Announces the current segment and asks about the knee where due.
    pub(super) fn enter_segment(
        &mut self,
        at_ms: MonoMs,
        previous: Option<SegmentKind>,
        events: &mut Vec<RunEvent>,
    ) {
        let Some(seg) = self.segments.get(self.segment).copied() else {
            return;
        };
        self.next_countdown = self
            .countdown_ms
            .iter()
            .position(|c| *c < seg.duration_ms)
            .unwrap_or(self.countdown_ms.len());
        self.track.end_episode();
        self.walk_noted = false;
        push(
            events,
            at_ms,
            RunEventKind::SegmentStarted {
                index: count(self.segment),
                segment: seg.kind,
                duration_ms: seg.duration_ms,
                target_spm: if seg.kind == SegmentKind::Run {
                    self.target_spm
                } else {
                    None
                },
            },
            cue::segment_started(seg.kind, seg.duration_ms),
        );
        let prompts = &self.config.check_in_prompts;
        if seg.kind == SegmentKind::CoolDown {
            self.next_prompt_ms = None;
            if prompts.at_cool_down {
                self.prompt(RunPromptReason::CoolDown, at_ms, events);
            }
        } else if previous == Some(SegmentKind::Run) && prompts.after_run_segments {
            self.prompt(RunPromptReason::AfterRunSegment, at_ms, events);
        }
        self.refresh_metronome(at_ms, events);
    }

    fn prompt(&mut self, reason: RunPromptReason, at_ms: MonoMs, events: &mut Vec<RunEvent>) {
        self.shown.pending_prompt = Some(reason);
        let in_cool_down = self
            .segments
            .get(self.segment)
            .is_some_and(|s| s.kind == SegmentKind::CoolDown);
        self.next_prompt_ms = match self.config.check_in_prompts.every_min {
            Some(m) if !in_cool_down && m > 0 => Some(self.active_ms + u64::from(m) * 60_000),
            _ => None,
        };
        push(
            events,
            at_ms,
            RunEventKind::CheckInPrompt { reason },
            cue::check_in_prompt(),
        );
    }
}
