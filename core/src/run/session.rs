//! The run session: a deterministic state machine driven by monotonic
//! milliseconds. Every input returns the events it produced; `snapshot`
//! gives the view. It never reads a clock, so a recorded run replays into
//! the same events every time.
//!
//! Time inside the session is "active time": pauses do not count toward
//! segments.
//!
//! # Whose clock
//! Every `now_ms` and every reading's `at_ms` are milliseconds of one
//! monotonic clock that keeps counting while the phone sleeps, so that a
//! run goes on in the pocket with the screen off. On the phones that clock
//! is the library's own `monotonic_now_ms()` (the sensor client stamps its
//! readings with it on arrival): on Android it reads `CLOCK_BOOTTIME`, the
//! clock of `SystemClock.elapsedRealtime()`; on iOS Darwin's
//! `CLOCK_MONOTONIC`, which unlike Linux's keeps counting while asleep (as
//! `CLOCK_MONOTONIC_RAW` and Swift's `ContinuousClock` do); see
//! `sensor/clock.rs`. A clock that stops in sleep (`SystemClock.uptimeMillis`,
//! `CLOCK_UPTIME_RAW`, `DispatchTime`, Rust's `Instant`) would freeze the
//! run while the phone sleeps, and a wall clock can jump back; neither may
//! be passed.
//!
//! # How time moves, and the bounds on it
//! - The app's calls (`tick`, `pause`, `resume`, `stop`, `check_in`, and a
//!   sensor's signal changes) are the clock. One stamped behind the
//!   session's time, by a millisecond or an hour, is taken as happening at
//!   the session's time: never refused, so a check-in or a stop always lands.
//! - A reading may move the session's time forward by at most
//!   `RunConfig::max_reading_lead_ms` past the time it already has; one
//!   stamped further ahead is refused (`RunError::FutureSample`) and moves
//!   nothing, so a bad timestamp cannot finish a run or fire countdowns. A
//!   reading more than `late_sample_tolerance_ms` behind is refused as late;
//!   within it, it counts as arriving now. Readings that share a millisecond
//!   are all kept, in the order they arrived.
//! - A forward jump of the app's clock (the phone slept, the app was
//!   suspended) is time that passed: the timeline catches up, firing every
//!   countdown, segment change and prompt it passed in order, each stamped
//!   with the time it fell on, and a silence longer than the gap limit marks
//!   a sensor gap. The app may skip speaking cues whose time is long past.
//!   Without ticks only readings move time, a bound at a time, so an app
//!   must keep its 1 Hz tick running for a run to move on across a silence.
//!
//! This file holds the session's state and its inputs; the
//! timeline (segments, countdowns, prompts) is in `timeline.rs`, the
//! cadence pipeline in `coaching.rs`, live check-ins in `live_checkin.rs`.

use super::config::RunConfig;
use super::cue::{self, push};
use super::error::RunError;
use super::event::{RunEvent, RunEventKind, RunStopReason, count};
use super::history::{CadenceHistory, HistoryPoint};
use super::plan::{SegmentKind, SessionPlan};
use super::screen::Shown;
use super::summary::RunLog;
use super::tracking::CadenceTrack;
use super::view::{RunStatus, RunView};
use crate::cadence::{CadenceBand, Metronome, StrideBaseline};
use crate::pain::CheckIn;
use crate::sample::{CadenceSample, CadenceUnit, MonoMs};

/// One segment as the session runs it, in active milliseconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct SegmentRun {
    pub kind: SegmentKind,
    pub start_ms: u64,
    pub duration_ms: u64,
}

impl SegmentRun {
    pub fn end_ms(&self) -> u64 {
        self.start_ms + self.duration_ms
    }
}

/// Sizes of everything the session keeps, to show its memory is bounded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Footprint {
    pub history_points: usize,
    pub smoothing_samples: usize,
    pub stride_window: usize,
    pub sources: usize,
}

/// A live run.
#[derive(Debug, Clone)]
pub struct RunSession {
    pub(super) config: RunConfig,
    pub(super) target_spm: Option<f64>,
    pub(super) segments: Vec<SegmentRun>,
    pub(super) total_ms: u64,
    /// Countdown offsets before a segment's end, largest first.
    pub(super) countdown_ms: Vec<u64>,
    pub(super) status: RunStatus,
    pub(super) latest_ms: MonoMs,
    pub(super) paused_at_ms: MonoMs,
    pub(super) active_ms: u64,
    pub(super) segment: usize,
    pub(super) next_countdown: usize,
    pub(super) halfway_done: bool,
    pub(super) next_prompt_ms: Option<u64>,
    pub(super) track: CadenceTrack,
    pub(super) history: CadenceHistory,
    pub(super) last_checkin: Option<CheckIn>,
    pub(super) metronome_playing: bool,
    /// Walking in the current run segment was already mentioned.
    pub(super) walk_noted: bool,
    /// What the summary is made of (`summary.rs`).
    pub(super) log: RunLog,
    /// What only the Run screen needs (see `screen.rs`).
    pub(super) shown: Shown,
}

impl RunSession {
    /// A session for `plan`, not yet started.
    pub fn new(plan: SessionPlan, config: RunConfig) -> Result<Self, RunError> {
        plan.validate()?;
        validate_config(&config)?;
        check_target(plan.cadence_target_spm, &config)?;
        let mut start_ms = 0;
        let segments = plan
            .segments
            .iter()
            .map(|s| {
                let run = SegmentRun {
                    kind: s.kind,
                    start_ms,
                    duration_ms: u64::from(s.duration_s) * 1_000,
                };
                start_ms = run.end_ms();
                run
            })
            .collect();
        let mut countdown_ms: Vec<u64> = config
            .countdown_s
            .iter()
            .filter(|s| **s > 0)
            .map(|s| u64::from(*s) * 1_000)
            .collect();
        countdown_ms.sort_unstable_by(|a, b| b.cmp(a));
        countdown_ms.dedup();
        let track = CadenceTrack::new(&config, plan.stride_baseline.clone());
        let history = CadenceHistory::new(0, config.history_bucket_ms, config.history_max_points);
        Ok(Self {
            target_spm: plan.cadence_target_spm,
            segments,
            total_ms: start_ms,
            countdown_ms,
            status: RunStatus::NotStarted,
            latest_ms: 0,
            paused_at_ms: 0,
            active_ms: 0,
            segment: 0,
            next_countdown: 0,
            halfway_done: false,
            next_prompt_ms: None,
            track,
            history,
            last_checkin: None,
            metronome_playing: false,
            walk_noted: false,
            log: RunLog::default(),
            shown: Shown::default(),
            config,
        })
    }

    pub fn status(&self) -> RunStatus {
        self.status
    }

    pub fn config(&self) -> &RunConfig {
        &self.config
    }

    /// Starts the session at `now_ms`. Inputs before the start are ignored;
    /// starting twice does nothing.
    pub fn start(&mut self, now_ms: MonoMs) -> Vec<RunEvent> {
        let mut events = Vec::new();
        if self.status != RunStatus::NotStarted {
            return events;
        }
        self.status = RunStatus::Running;
        self.latest_ms = now_ms;
        self.log.start(now_ms);
        self.history = CadenceHistory::new(
            now_ms,
            self.config.history_bucket_ms,
            self.config.history_max_points,
        );
        self.next_prompt_ms = self
            .config
            .check_in_prompts
            .every_min
            .filter(|m| *m > 0)
            .map(|m| u64::from(m) * 60_000);
        push(
            &mut events,
            now_ms,
            RunEventKind::SessionStarted {
                total_ms: self.total_ms,
                segments: count(self.segments.len()),
            },
            cue::session_started(self.total_ms),
        );
        self.enter_segment(now_ms, None, &mut events);
        events
    }

    /// Time passes (a 1 Hz timer is enough).
    pub fn tick(&mut self, now_ms: MonoMs) -> Result<Vec<RunEvent>, RunError> {
        let mut events = Vec::new();
        if self.status == RunStatus::NotStarted {
            return Ok(events);
        }
        let now_ms = self.session_time(now_ms);
        self.advance(now_ms, &mut events);
        if self.status == RunStatus::Running {
            self.check_gap(now_ms, &mut events);
            self.coach(now_ms, None, &mut events);
        }
        Ok(events)
    }

    /// A reading from any source. Refused (with the session unchanged) when
    /// its values are not numbers, or its time lags the session by more than
    /// `late_sample_tolerance_ms` or leads it by more than
    /// `max_reading_lead_ms`. Within those bounds a reading behind the
    /// session's time, or sharing its millisecond with others, counts as
    /// arriving now, in arrival order.
    pub fn push_sample(&mut self, sample: &CadenceSample) -> Result<Vec<RunEvent>, RunError> {
        validate_sample(sample)?;
        let mut events = Vec::new();
        // Before the start and after the end a reading says nothing; it is
        // not judged, so a trace running past the plan raises no errors.
        if !self.is_under_way() {
            return Ok(events);
        }
        let index = match self.admit(sample) {
            Ok(index) => index,
            Err(err) => {
                self.track.dropped += 1;
                return Err(err);
            }
        };
        let now_ms = sample.at_ms.max(self.latest_ms);
        self.advance(now_ms, &mut events);
        if self.status != RunStatus::Running {
            return Ok(events);
        }
        self.check_gap(now_ms, &mut events);
        let stride = self.track.observe(
            index,
            sample,
            now_ms,
            &self.config,
            &mut self.history,
            &mut events,
        );
        self.log_reading(now_ms, sample);
        self.coach(now_ms, stride, &mut events);
        Ok(events)
    }

    /// The runner paused.
    pub fn pause(&mut self, now_ms: MonoMs) -> Result<Vec<RunEvent>, RunError> {
        let mut events = Vec::new();
        if !self.is_under_way() {
            return Ok(events);
        }
        // Even a repeated pause tells the time.
        let now_ms = self.session_time(now_ms);
        self.advance(now_ms, &mut events);
        if self.status != RunStatus::Running {
            return Ok(events);
        }
        self.status = RunStatus::Paused;
        self.paused_at_ms = now_ms;
        self.track.end_episode();
        push(
            &mut events,
            now_ms,
            RunEventKind::Paused {
                elapsed_ms: self.active_ms,
            },
            cue::paused(),
        );
        self.refresh_metronome(now_ms, &mut events);
        Ok(events)
    }

    /// The runner resumed.
    pub fn resume(&mut self, now_ms: MonoMs) -> Result<Vec<RunEvent>, RunError> {
        let mut events = Vec::new();
        if !self.is_under_way() {
            return Ok(events);
        }
        let now_ms = self.session_time(now_ms);
        if self.status == RunStatus::Running {
            // Not paused: the call still tells the time.
            self.advance(now_ms, &mut events);
            return Ok(events);
        }
        self.latest_ms = now_ms;
        self.status = RunStatus::Running;
        self.track.restart(now_ms);
        push(
            &mut events,
            now_ms,
            RunEventKind::Resumed {
                paused_for_ms: now_ms.saturating_sub(self.paused_at_ms),
            },
            cue::resumed(),
        );
        // A live check-in while paused may have moved a segment end to now.
        self.advance(now_ms, &mut events);
        self.refresh_metronome(now_ms, &mut events);
        Ok(events)
    }

    /// The runner ended the session early.
    pub fn stop(&mut self, now_ms: MonoMs) -> Result<Vec<RunEvent>, RunError> {
        let mut events = Vec::new();
        if !self.is_under_way() {
            return Ok(events);
        }
        let now_ms = self.session_time(now_ms);
        self.advance(now_ms, &mut events);
        if self.is_under_way() {
            self.finish_stopped(RunStopReason::User, now_ms, &mut events);
        }
        Ok(events)
    }

    /// A live pain check-in; see `live_checkin.rs`.
    pub fn check_in(
        &mut self,
        now_ms: MonoMs,
        checkin: CheckIn,
    ) -> Result<Vec<RunEvent>, RunError> {
        self.apply_check_in(now_ms, checkin)
    }

    /// A source reported that it stopped delivering.
    pub fn signal_lost(
        &mut self,
        source_id: &str,
        now_ms: MonoMs,
    ) -> Result<Vec<RunEvent>, RunError> {
        self.signal_change(now_ms, |session, now_ms, events| {
            session.track.source_lost(
                source_id,
                now_ms,
                &session.config,
                &mut session.history,
                events,
            );
            session.coach(now_ms, None, events);
        })
    }

    /// A source reported that it is delivering again.
    pub fn signal_restored(
        &mut self,
        source_id: &str,
        now_ms: MonoMs,
    ) -> Result<Vec<RunEvent>, RunError> {
        self.signal_change(now_ms, |session, now_ms, events| {
            session.track.source_restored(source_id, now_ms, events);
        })
    }

    /// A signal change: ignored before the start, brings the timeline up to
    /// `now_ms`, and touches the tracking only while running.
    fn signal_change(
        &mut self,
        now_ms: MonoMs,
        while_running: impl FnOnce(&mut Self, MonoMs, &mut Vec<RunEvent>),
    ) -> Result<Vec<RunEvent>, RunError> {
        let mut events = Vec::new();
        if self.status == RunStatus::NotStarted {
            return Ok(events);
        }
        let now_ms = self.session_time(now_ms);
        self.advance(now_ms, &mut events);
        if self.status == RunStatus::Running {
            while_running(self, now_ms, &mut events);
        }
        Ok(events)
    }

    /// The runner says which unit a source counts in (`None` or `Unknown`
    /// clears the override and lets detection decide).
    pub fn set_unit_override(
        &mut self,
        source_id: &str,
        unit: Option<CadenceUnit>,
    ) -> Result<(), RunError> {
        let index = self
            .track
            .source_index(source_id, self.config.max_sources)?;
        self.track.set_override(index, unit);
        Ok(())
    }

    /// The view at `now_ms`, projected from the latest input without
    /// changing anything.
    pub fn snapshot(&self, now_ms: MonoMs) -> RunView {
        let active = match self.status {
            RunStatus::Running => {
                let end = self
                    .segments
                    .get(self.segment)
                    .map_or(self.total_ms, SegmentRun::end_ms);
                self.active_ms
                    .saturating_add(now_ms.saturating_sub(self.latest_ms))
                    .min(end)
            }
            _ => self.active_ms,
        };
        let current = match self.status {
            RunStatus::Running | RunStatus::Paused => self.segments.get(self.segment),
            _ => None,
        };
        let band = self
            .target_spm
            .map(|t| CadenceBand::around(t, &self.config.cadence.alert));
        let smoothed = self.track.last_smoothed;
        RunView {
            at_ms: now_ms,
            status: self.status,
            segment_index: current.map(|_| self.segment),
            segment: current.map(|s| s.kind),
            segment_elapsed_ms: current.map_or(0, |s| active.saturating_sub(s.start_ms)),
            segment_remaining_ms: current.map_or(0, |s| s.end_ms().saturating_sub(active)),
            elapsed_ms: active,
            remaining_ms: self.total_ms.saturating_sub(active),
            total_ms: self.total_ms,
            cadence_spm: smoothed.map(|s| s.spm),
            cadence_confidence: smoothed.map_or(0.0, |s| s.confidence),
            cadence_state: self.track.state(band),
            walking_in_run_ms: self.walking_in_run_ms(now_ms.max(self.latest_ms)),
            target_spm: self.target_spm,
            band_low_spm: band.map(|b| b.low_spm),
            band_high_spm: band.map(|b| b.high_spm),
            metronome: self.metronome(),
            speed_mps: self.track.last_speed,
            stride_length_m: self.track.last_stride,
            dropped_samples: self.track.dropped,
            rejected_samples: self.track.rejected,
        }
    }

    /// The downsampled cadence history so far.
    pub fn history(&self) -> Vec<HistoryPoint> {
        self.history.points()
    }

    /// The stride baseline as learned so far; the app may keep it for the
    /// next run's plan.
    pub fn stride_baseline(&self) -> &StrideBaseline {
        self.track.stride_baseline()
    }

    pub fn footprint(&self) -> Footprint {
        Footprint {
            history_points: self.history.len(),
            smoothing_samples: self.track.smoothing_len(),
            stride_window: self.track.stride_window_len(),
            sources: self.track.source_count(),
        }
    }

    pub(super) fn is_under_way(&self) -> bool {
        matches!(self.status, RunStatus::Running | RunStatus::Paused)
    }

    /// The time an app call happens at: its own, or the session's time when
    /// it is stamped behind (skew between the app's clock read and a
    /// reading that just landed is no reason to lose a stop or a check-in).
    pub(super) fn session_time(&self, now_ms: MonoMs) -> MonoMs {
        now_ms.max(self.latest_ms)
    }

    /// Checks a reading's time against the session's bounds; on success the
    /// source's latest time moves to it.
    fn admit(&mut self, sample: &CadenceSample) -> Result<usize, RunError> {
        let tolerance_ms = self.config.late_sample_tolerance_ms;
        if sample.at_ms.saturating_add(tolerance_ms) < self.latest_ms {
            return Err(RunError::LateSample {
                at_ms: sample.at_ms,
                latest_ms: self.latest_ms,
                tolerance_ms,
            });
        }
        let max_lead_ms = self.config.max_reading_lead_ms;
        if sample.at_ms > self.latest_ms.saturating_add(max_lead_ms) {
            return Err(RunError::FutureSample {
                at_ms: sample.at_ms,
                latest_ms: self.latest_ms,
                max_lead_ms,
            });
        }
        let index = self
            .track
            .source_index(&sample.source_id, self.config.max_sources)?;
        self.track.note_time(index, sample.at_ms);
        Ok(index)
    }

    pub(super) fn finish_stopped(
        &mut self,
        reason: RunStopReason,
        at_ms: MonoMs,
        events: &mut Vec<RunEvent>,
    ) {
        self.status = RunStatus::Stopped;
        self.log.ended(at_ms, Some(reason));
        self.shown.stop_reason = Some(reason);
        self.track.end_episode();
        push(
            events,
            at_ms,
            RunEventKind::SessionStopped {
                reason,
                elapsed_ms: self.active_ms,
            },
            cue::stopped(reason),
        );
        self.refresh_metronome(at_ms, events);
    }

    pub(super) fn metronome(&self) -> Metronome {
        let in_run = self.status == RunStatus::Running
            && self
                .segments
                .get(self.segment)
                .is_some_and(|s| s.kind == SegmentKind::Run);
        Metronome::decide(
            self.config.metronome,
            self.target_spm,
            in_run,
            self.track.below_alert_outstanding(),
        )
    }

    pub(super) fn refresh_metronome(&mut self, at_ms: MonoMs, events: &mut Vec<RunEvent>) {
        let m = self.metronome();
        if m.playing != self.metronome_playing {
            self.metronome_playing = m.playing;
            push(
                events,
                at_ms,
                RunEventKind::MetronomeChanged {
                    playing: m.playing,
                    interval_ms: m.interval_ms,
                },
                cue::metronome_changed(m.playing),
            );
        }
    }
}

fn validate_config(config: &RunConfig) -> Result<(), RunError> {
    let bad = |field, problem| Err(RunError::Config { field, problem });
    if config.history_bucket_ms == 0 {
        return bad("history_bucket_ms", "must be at least 1");
    }
    if config.history_max_points < 2 {
        return bad("history_max_points", "must be at least 2");
    }
    if config.max_sources == 0 {
        return bad("max_sources", "must be at least 1");
    }
    if config.cadence.smoothing.max_samples == 0 {
        return bad("cadence.smoothing.max_samples", "must be at least 1");
    }
    if !(config.cadence.overstride.speed_bin_mps.is_finite()
        && config.cadence.overstride.speed_bin_mps > 0.0)
    {
        return bad(
            "cadence.overstride.speed_bin_mps",
            "must be a positive number",
        );
    }
    Ok(())
}

/// The one place the usual-target rule is applied (see `TargetGuard`).
fn check_target(target_spm: Option<f64>, config: &RunConfig) -> Result<(), RunError> {
    let guard = &config.target_guard;
    match target_spm {
        Some(value)
            if !guard.allow_unusual
                && !(guard.usual_low_spm..=guard.usual_high_spm).contains(&value) =>
        {
            Err(RunError::UnusualTarget {
                value,
                low: guard.usual_low_spm,
                high: guard.usual_high_spm,
            })
        }
        _ => Ok(()),
    }
}

fn validate_sample(sample: &CadenceSample) -> Result<(), RunError> {
    let ok = |v: f64| v.is_finite() && v >= 0.0;
    if !ok(sample.cadence) {
        return Err(RunError::InvalidSample {
            field: "cadence",
            value: sample.cadence,
        });
    }
    if let Some(v) = sample.speed_mps.filter(|v| !ok(*v)) {
        return Err(RunError::InvalidSample {
            field: "speed_mps",
            value: v,
        });
    }
    if let Some(v) = sample.stride_length_m.filter(|v| !ok(*v)) {
        return Err(RunError::InvalidSample {
            field: "stride_length_m",
            value: v,
        });
    }
    if let Some(v) = sample.total_distance_m.filter(|v| !ok(*v)) {
        return Err(RunError::InvalidSample {
            field: "total_distance_m",
            value: v,
        });
    }
    if sample.source_id.is_empty() {
        return Err(RunError::EmptySourceId);
    }
    Ok(())
}
