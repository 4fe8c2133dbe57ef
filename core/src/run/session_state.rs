//! A session's state as a small [`SessionState`] value
//! ([`RunSession::saved_state`]), and [`RunSession::restore`] to bring the
//! run back from it: what a run needs to survive the app being killed.
//!
//! The session writes nothing and reads no clock: the journal's live run
//! (`crate::journal::LiveRun`) decides when a state is taken, wraps it with
//! the run's id in the record's one checkpoint
//! (`crate::journal::RunCheckpoint`) and has its writer thread keep it.
//!
//! A restored run comes back paused at the time it is restored: the
//! elapsed (active) time, the segment, the countdowns and prompts already
//! given, the check-ins and the summary's tallies are all as they were at
//! the last checkpoint; what happened after it, and the time the app was
//! gone, are not counted as running. The runner resumes with one tap.

use serde::{Deserialize, Serialize};

use super::config::RunConfig;
use super::error::RunError;
use super::plan::{RunSegment, SegmentKind, SessionPlan};
use super::session::{RunSession, SegmentRun};
use super::summary::RunLog;
use super::view::RunStatus;
use crate::pain::CheckIn;
use crate::sample::MonoMs;

/// Shape version of the saved state, so a newer build can tell an old one.
pub const STATE_VERSION: u32 = 1;

/// Seconds per point of the trace a saved state carries. Project's choice:
/// the stored run keeps 30 s points, so nothing it needs is lost, and an
/// hour's trace stays at 120 points in a file written every 10 s.
pub const STATE_TRACE_STEP_S: u32 = 30;

/// One segment as the session runs it, in milliseconds (a pain check-in
/// can shorten a segment to a time that is not whole seconds).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedSegment {
    pub kind: SegmentKind,
    pub duration_ms: u64,
}

/// What it takes to bring a run back: the session's part of the record's
/// run checkpoint.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SessionState {
    pub version: u32,
    pub config: RunConfig,
    pub target_spm: Option<f64>,
    /// The segments as they stand (after any change a check-in made).
    pub segments: Vec<SavedSegment>,
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

    /// The state of a run at `now_ms`; none before the start. A run that
    /// has ended (finished, or stopped by the runner or the knee) has one
    /// too until it is kept: the check-in that stopped it is what a kill
    /// must least lose (issue 19). Brought back, it stays ended.
    pub fn saved_state(&self, now_ms: MonoMs) -> Option<SessionState> {
        if self.status == RunStatus::NotStarted {
            return None;
        }
        let now_ms = self.session_time(now_ms);
        let mut log = self.log.clone();
        log.earlier_trace = self.log.coarse_trace(STATE_TRACE_STEP_S);
        let elapsed_ms = log
            .started_at_ms
            .map_or(0, |s| now_ms.saturating_sub(s))
            .saturating_add(log.carried_ms);
        Some(SessionState {
            version: STATE_VERSION,
            config: self.config.clone(),
            target_spm: self.target_spm,
            segments: self
                .segments
                .iter()
                .map(|s| SavedSegment {
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

    /// Brings a run back from `state`, paused at `now_ms` (see the
    /// module doc). A state that does not describe a run under way (no
    /// segments, a segment or time past the plan, a newer shape) is refused
    /// with `RunError::Checkpoint` naming what is wrong.
    pub fn restore(state: SessionState, now_ms: MonoMs) -> Result<Self, RunError> {
        let bad = |problem: String| Err(RunError::Checkpoint { problem });
        if state.version > STATE_VERSION {
            return bad(format!(
                "version {} is newer than this build's {STATE_VERSION}",
                state.version
            ));
        }
        let total_ms: u64 = state.segments.iter().map(|s| s.duration_ms).sum();
        if state.segment >= state.segments.len() {
            return bad(format!(
                "segment {} of {} segments",
                state.segment,
                state.segments.len()
            ));
        }
        if state.active_ms > total_ms {
            return bad(format!(
                "active time {} ms is past the plan's {total_ms} ms",
                state.active_ms
            ));
        }
        // The plan validates the shape; the exact lengths are set after.
        let plan = SessionPlan {
            segments: state
                .segments
                .iter()
                .map(|s| RunSegment {
                    kind: s.kind,
                    duration_s: u32::try_from(s.duration_ms.div_ceil(1_000).max(1))
                        .unwrap_or(u32::MAX),
                })
                .collect(),
            cadence_target_spm: state.target_spm,
            stride_baseline: None,
        };
        let mut config = state.config;
        // The target was accepted when the run began.
        config.target_guard.allow_unusual = true;
        let mut session = RunSession::new(plan, config)?;
        let _ = session.start(now_ms);
        let mut start_ms = 0;
        session.segments = state
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
        session.active_ms = state.active_ms;
        session.segment = state.segment;
        session.halfway_done = state.halfway_done;
        session.next_countdown = state.next_countdown.min(session.countdown_ms.len());
        session.next_prompt_ms = state.next_prompt_ms;
        session.walk_noted = state.walk_noted;
        session.last_checkin = state.last_checkin;
        let mut log = state.log;
        let ended = log.ended_at_ms.is_some();
        log.start(now_ms);
        log.ended_at_ms = ended.then_some(now_ms);
        log.carried_ms = state.elapsed_ms;
        let stop_reason = log.stop_reason;
        session.log = log;
        // A run that had ended comes back ended, never resumable: one the
        // knee stopped stays stopped.
        session.status = match (ended, stop_reason) {
            (false, _) => RunStatus::Paused,
            (true, Some(_)) => RunStatus::Stopped,
            (true, None) => RunStatus::Complete,
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
