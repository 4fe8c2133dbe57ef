//! The upcoming segment changes and the finish, as a schedule an app can
//! hand to the phone (local notifications, a lock-screen countdown) while
//! the session runs on without it.

use serde::{Deserialize, Serialize};

use super::cue;
use super::event::{RunCue, RunEventKind, count};
use super::format;
use super::plan::SegmentKind;
use super::session::RunSession;
use super::view::RunStatus;
use crate::sample::MonoMs;

/// One change ahead, for a local notification or a lock-screen countdown.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct RunTimelineEntry {
    /// Active time from now until it happens.
    pub in_ms: u64,
    /// The monotonic time it happens at if the run is not paused.
    pub at_ms: MonoMs,
    /// The segment that starts; `None` for the finish.
    pub segment_index: Option<u32>,
    /// Its kind; none for the finish.
    pub segment: Option<SegmentKind>,
    /// "Walk", or "Finish".
    pub label: String,
    /// What to say and show then, exactly as the session's own event will.
    pub cue: RunCue,
}

impl RunSession {
    /// What is still ahead at `now_ms`, in order: every segment start and
    /// the finish. Empty unless running: a pause moves everything, so the
    /// app cancels what it scheduled and asks again on resume. Assumes the
    /// plan as it stands; a knee check that changes it changes this too.
    pub fn timeline(&self, now_ms: MonoMs) -> Vec<RunTimelineEntry> {
        if self.status != RunStatus::Running {
            return Vec::new();
        }
        let active = self.snapshot(now_ms).elapsed_ms;
        let now_ms = now_ms.max(self.latest_ms);
        let entry = |point: u64, index: Option<usize>, kind: RunEventKind, label: &str, text| {
            let in_ms = point.saturating_sub(active);
            RunTimelineEntry {
                in_ms,
                at_ms: now_ms.saturating_add(in_ms),
                segment_index: index.map(count),
                segment: match kind {
                    RunEventKind::SegmentStarted { segment, .. } => Some(segment),
                    _ => None,
                },
                label: label.to_owned(),
                cue: RunCue::for_event(&kind, text),
            }
        };
        let mut out: Vec<RunTimelineEntry> = self
            .segments
            .iter()
            .enumerate()
            .skip(self.segment + 1)
            .map(|(i, s)| {
                let kind = RunEventKind::SegmentStarted {
                    index: count(i),
                    segment: s.kind,
                    duration_ms: s.duration_ms,
                    target_spm: self.target_spm.filter(|_| s.kind == SegmentKind::Run),
                };
                entry(
                    s.start_ms,
                    Some(i),
                    kind,
                    format::segment_title(s.kind),
                    cue::segment_started(s.kind, s.duration_ms),
                )
            })
            .collect();
        out.push(entry(
            self.total_ms,
            None,
            RunEventKind::SessionComplete {
                elapsed_ms: self.total_ms,
            },
            "Finish",
            cue::complete(),
        ));
        out
    }
}
