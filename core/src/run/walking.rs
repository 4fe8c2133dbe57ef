//! Walking inside a run segment (issue 9, item 6). A runner walks in a run
//! segment because they are tired or the knee hurts; either way the answer
//! is never "speed up". While the readings say walking, cadence cues are
//! off (the alerter treats walking as ineligible, see `cadence::alert`);
//! once a steady walk has lasted `walking_in_run_after_ms`, the session
//! says once, gently, that walking is fine and where to go from here.

use super::cue::{self, push};
use super::event::{RunEvent, RunEventKind};
use super::plan::SegmentKind;
use super::session::RunSession;
use super::view::RunStatus;
use crate::sample::MonoMs;

impl RunSession {
    /// How long the runner has been walking in the current run segment, if
    /// they are walking in one now.
    pub(super) fn walking_in_run_ms(&self, now_ms: MonoMs) -> Option<u64> {
        if self.status != RunStatus::Running {
            return None;
        }
        let seg = self.segments.get(self.segment)?;
        if seg.kind != SegmentKind::Run {
            return None;
        }
        let since = self.track.walking_since_ms?;
        // A walk that began before the segment counts from its start.
        let in_segment_ms = self.active_ms.saturating_sub(seg.start_ms);
        Some(now_ms.saturating_sub(since).min(in_segment_ms))
    }

    /// Raises `walking_in_run_segment` once per run segment, when a steady
    /// walk has gone on long enough. Once is enough: the view shows the
    /// walking state from then on, and repeating it would nag.
    pub(super) fn note_walking(&mut self, now_ms: MonoMs, events: &mut Vec<RunEvent>) {
        if self.walk_noted {
            return;
        }
        let Some(walking_for_ms) = self.walking_in_run_ms(now_ms) else {
            return;
        };
        if walking_for_ms < self.config.walking_in_run_after_ms {
            return;
        }
        self.walk_noted = true;
        push(
            events,
            now_ms,
            RunEventKind::WalkingInRunSegment {
                walking_for_ms,
                cadence_spm: self.track.last_smoothed.map(|s| s.spm),
                speed_mps: self.track.last_speed,
            },
            cue::walking_in_run_segment(),
        );
    }
}
