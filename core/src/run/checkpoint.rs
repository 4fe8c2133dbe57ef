//! Keeping a run across the app being killed: the session's state as a
//! small [`RunCheckpoint`], written through a [`CheckpointStore`] at most
//! once per [`Checkpointer::every_ms`], and [`RunSession::restore`] to bring
//! the run back from it.
//!
//! The core reads no clock and writes no file: the app's calls carry the
//! time, and the store behind the trait is the app's (the FFI wires it to
//! the record, `crate::store::Store::save_run_checkpoint`).
//!
//! A restored run comes back paused at the time it is restored: the
//! elapsed (active) time, the segment, the countdowns and prompts already
//! given, the check-ins and the summary's tallies are all as they were at
//! the last checkpoint; what happened after it, and the time the app was
//! gone, are not counted as running. The runner resumes with one tap.

use serde::{Deserialize, Serialize};

use super::config::RunConfig;
use super::error::RunError;
use super::plan::{Segment, SegmentKind, SessionPlan};
use super::session::{RunSession, SegmentRun};
use super::summary::RunLog;
use super::view::SessionStatus;
use crate::pain::CheckIn;
use crate::sample::MonoMs;

/// Shape version of the checkpoint, so a newer build can tell an old one.
pub const CHECKPOINT_VERSION: u32 = 1;

/// Seconds per point of the trace a checkpoint carries. Project's choice:
/// the stored run keeps 30 s points, so nothing it needs is lost, and an
/// hour's trace stays at 120 points in a file written every 10 s.
pub const CHECKPOINT_TRACE_STEP_S: u32 = 30;

/// One segment as the session runs it, in milliseconds (a pain check-in
/// can shorten a segment to a time that is not whole seconds).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckpointSegment {
    pub kind: SegmentKind,
    pub duration_ms: u64,
}

/// What it takes to bring a run back.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct RunCheckpoint {
    pub version: u32,
    pub config: RunConfig,
    pub target_spm: Option<f64>,
    /// The segments as they stand (after any change a check-in made).
    pub segments: Vec<CheckpointSegment>,
    /// Active time into the run.
    pub active_ms: u64,
    /// Time since the start, pauses included.
    pub elapsed_ms: u64,
    pub segment: usize,
    pub halfway_done: bool,
    pub next_countdown: usize,
    pub next_prompt_ms: Option<u64>,
    pub walk_noted: bool,
    pub last_checkin: Option<CheckIn>,
    /// The summary's tallies and check-ins; its trace at 30 s points.
    pub log: RunLog,
}

impl RunSession {
    /// The session's time: the latest time any input brought it to.
    pub fn session_time_ms(&self) -> MonoMs {
        self.latest_ms
    }

    /// The checkpoint of a run at `now_ms`; none before the start. A run
    /// that has ended (finished, or stopped by the runner or the knee) is
    /// checkpointed too until it is kept: the check-in that stopped it is
    /// what a kill must least lose (issue 19). Brought back, it stays ended.
    pub fn checkpoint(&self, now_ms: MonoMs) -> Option<RunCheckpoint> {
        if self.status == SessionStatus::NotStarted {
            return None;
        }
        let now_ms = self.session_time(now_ms);
        let mut log = self.log.clone();
        log.earlier_trace = self.log.coarse_trace(CHECKPOINT_TRACE_STEP_S);
        let elapsed_ms = log
            .started_at_ms
            .map_or(0, |s| now_ms.saturating_sub(s))
            .saturating_add(log.carried_ms);
        Some(RunCheckpoint {
            version: CHECKPOINT_VERSION,
            config: self.config.clone(),
            target_spm: self.target_spm,
            segments: self
                .segments
                .iter()
                .map(|s| CheckpointSegment {
                    kind: s.kind,
                    duration_ms: s.duration_ms,
                })
                .collect(),
            active_ms: self.active_ms,
            elapsed_ms,
            segment: self.segment,
            halfway_done: self.halfway_done,
            next_countdown: self.next_countdown,
            next_prompt_ms: self.next_prompt_ms,
            walk_noted: self.walk_noted,
            last_checkin: self.last_checkin.clone(),
            log,
        })
    }

    /// Brings a run back from `checkpoint`, paused at `now_ms` (see the
    /// module doc). A checkpoint that does not describe a run under way (no
    /// segments, a segment or time past the plan, a newer shape) is refused
    /// with `RunError::Checkpoint` naming what is wrong.
    pub fn restore(checkpoint: RunCheckpoint, now_ms: MonoMs) -> Result<Self, RunError> {
        let bad = |problem: String| Err(RunError::Checkpoint { problem });
        if checkpoint.version > CHECKPOINT_VERSION {
            return bad(format!(
                "version {} is newer than this build's {CHECKPOINT_VERSION}",
                checkpoint.version
            ));
        }
        let total_ms: u64 = checkpoint.segments.iter().map(|s| s.duration_ms).sum();
        if checkpoint.segment >= checkpoint.segments.len() {
            return bad(format!(
                "segment {} of {} segments",
                checkpoint.segment,
                checkpoint.segments.len()
            ));
        }
        if checkpoint.active_ms > total_ms {
            return bad(format!(
                "active time {} ms is past the plan's {total_ms} ms",
                checkpoint.active_ms
            ));
        }
        // The plan validates the shape; the exact lengths are set after.
        let plan = SessionPlan {
            segments: checkpoint
                .segments
                .iter()
                .map(|s| Segment {
                    kind: s.kind,
                    duration_s: u32::try_from(s.duration_ms.div_ceil(1_000).max(1))
                        .unwrap_or(u32::MAX),
                })
                .collect(),
            cadence_target_spm: checkpoint.target_spm,
            stride_baseline: None,
        };
        let mut config = checkpoint.config;
        // The target was accepted when the run began.
        config.target_guard.allow_unusual = true;
        let mut session = RunSession::new(plan, config)?;
        let _ = session.start(now_ms);
        let mut start_ms = 0;
        session.segments = checkpoint
            .segments
            .iter()
            .map(|s| {
                let run = SegmentRun {
                    kind: s.kind,
                    start_ms,
                    duration_ms: s.duration_ms,
                };
                start_ms = run.end_ms();
                run
            })
            .collect();
        session.total_ms = start_ms;
        session.active_ms = checkpoint.active_ms;
        session.segment = checkpoint.segment;
        session.halfway_done = checkpoint.halfway_done;
        session.next_countdown = checkpoint.next_countdown.min(session.countdown_ms.len());
        session.next_prompt_ms = checkpoint.next_prompt_ms;
        session.walk_noted = checkpoint.walk_noted;
        session.last_checkin = checkpoint.last_checkin;
        let mut log = checkpoint.log;
        let ended = log.ended_at_ms.is_some();
        log.start(now_ms);
        log.ended_at_ms = ended.then_some(now_ms);
        log.carried_ms = checkpoint.elapsed_ms;
        let stop_reason = log.stop_reason;
        session.log = log;
        // A run that had ended comes back ended, never resumable: one the
        // knee stopped stays stopped.
        session.status = match (ended, stop_reason) {
            (false, _) => SessionStatus::Paused,
            (true, Some(_)) => SessionStatus::Stopped,
            (true, None) => SessionStatus::Complete,
        };
        session.shown.stop_reason = stop_reason;
        session.paused_at_ms = now_ms;
        session.track.end_episode();
        // The app that comes back plays nothing yet: resuming turns the
        // metronome on again with an event.
        session.metronome_playing = false;
        Ok(session)
    }
}

/// Where checkpoints go: the app's record, or a test's memory.
pub trait CheckpointStore: Send + Sync {
    /// Replaces the saved checkpoint.
    fn save(&self, checkpoint: &RunCheckpoint) -> Result<(), String>;
}

/// Decides when the next checkpoint is written: once per `every_ms` of
/// running, the first at the first input after the start, and at once
/// after anything the runner entered (a check-in) or did (pause, resume,
/// stop), so that a kill never loses what the runner told the app.
#[derive(Debug, Clone)]
pub struct Checkpointer {
    /// Project's choice: 10 s, the most the issue allows; a kill loses at
    /// most that much of the run's readings.
    pub every_ms: u64,
    last_ms: Option<MonoMs>,
    /// What the last checkpoint held of the runner's own entries.
    last_entries: Option<(u32, SessionStatus)>,
    written: u64,
    failed: u64,
    last_error: Option<String>,
}

impl Default for Checkpointer {
    fn default() -> Self {
        Self::new(10_000)
    }
}

impl Checkpointer {
    pub fn new(every_ms: u64) -> Self {
        Self {
            every_ms,
            last_ms: None,
            last_entries: None,
            written: 0,
            failed: 0,
            last_error: None,
        }
    }

    /// After an input at `now_ms`: writes a checkpoint if one is due and the
    /// run is under way. A failed write is counted and tried again at the
    /// next input, never raised: the run goes on.
    pub fn after_input(
        &mut self,
        session: &RunSession,
        now_ms: MonoMs,
        store: &dyn CheckpointStore,
    ) {
        let entries = (session.log().check_in_count(), session.status());
        let entered = self.last_entries.is_some_and(|last| last != entries);
        let recent = self
            .last_ms
            .is_some_and(|last| now_ms.saturating_sub(last) < self.every_ms);
        // An ended run changes no more: one checkpoint of its end, and none
        // after (which could outlive the run's keeping).
        let ended = matches!(
            session.status(),
            SessionStatus::Stopped | SessionStatus::Complete
        );
        let unchanged = self.last_entries == Some(entries);
        if (recent || ended && unchanged) && !entered {
            return;
        }
        let Some(checkpoint) = session.checkpoint(now_ms) else {
            return;
        };
        match store.save(&checkpoint) {
            Ok(()) => {
                self.last_ms = Some(now_ms);
                self.last_entries = Some(entries);
                self.written += 1;
            }
            Err(e) => {
                self.failed += 1;
                self.last_error = Some(e);
            }
        }
    }

    /// Checkpoints written so far.
    pub fn written(&self) -> u64 {
        self.written
    }

    /// Writes that failed so far, and the last reason.
    pub fn failures(&self) -> (u64, Option<&str>) {
        (self.failed, self.last_error.as_deref())
    }
}
