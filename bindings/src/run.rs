//! The run session over the FFI: a `RunSession` object the app creates from
//! a run plan, drives with a 1 Hz tick (and pedometer or manual readings),
//! and reads with one `snapshot` per second. Events go to the app's
//! `RunObserver`; sensor readings from the Rust BLE client reach the session
//! through `SampleSink` without crossing the FFI. When a sensor feeds the
//! session, every `now_ms` must come from `monotonic_now_ms()` (see
//! `clock.rs`), the clock the sensor stamps its readings with.
//!
//! Type names carry a `Run` prefix so they never collide with the records
//! of other areas (pain, plan, sensor) in the generated Swift and Kotlin.

use std::collections::VecDeque;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};

use chrono::{NaiveDate, NaiveDateTime};
use patella_core::cadence::{self, MetronomeMode};
use patella_core::pain::{self, PainAction, PainQuality, PainZone};
use patella_core::run::{self as core_run, AboveZoneResponse, RunConfig};
use patella_core::sample::{CadenceSample, CadenceUnit, Gait, MonoMs, SampleSink};

// ---------------------------------------------------------------- inputs

#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum RunSegmentKind {
    WarmUp,
    Run,
    Walk,
    CoolDown,
}

#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct RunSegment {
    pub kind: RunSegmentKind,
    pub duration_s: u32,
}

/// A run day as the app starts it.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct RunPlan {
    pub segments: Vec<RunSegment>,
    /// Steps per minute to coach toward; none: no cadence cues.
    pub cadence_target_spm: Option<f64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum RunMetronomeMode {
    Off,
    Always,
    Nudge,
}

/// The settings a runner can change; everything else keeps the documented
/// defaults of `patella_core::run::RunConfig`.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct RunSettings {
    pub metronome: RunMetronomeMode,
    /// Also alert above the target band.
    pub alert_above_band: bool,
    /// Pain above the zone ends the run (cool-down) instead of switching to walking.
    pub end_run_on_pain_above_zone: bool,
    /// Minutes between periodic check-in prompts; none: only at segment changes.
    pub check_in_every_min: Option<u32>,
    /// Shortest time between two form cues, in seconds.
    pub min_seconds_between_cues: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum RunCadenceUnit {
    StepsPerMinute,
    StridesPerMinute,
    Unknown,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum RunGait {
    Walking,
    Running,
}

/// A reading from the phone's pedometer or manual entry (sensor readings
/// stay inside Rust).
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct RunSample {
    pub at_ms: u64,
    pub source_id: String,
    pub cadence: f64,
    pub unit: RunCadenceUnit,
    pub speed_mps: Option<f64>,
    pub stride_length_m: Option<f64>,
    pub gait: Option<RunGait>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum RunRedFlag {
    Swelling,
    GivingWay,
    LossOfFunction,
    RadiatingPain,
}

/// A live pain check-in.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct RunCheckIn {
    /// Local date and time, ISO-8601 ("2026-11-22T07:30:00"; a bare date means midnight).
    pub taken_at: String,
    /// 0 (none) to 10.
    pub score: i64,
    pub sharp: bool,
    pub red_flags: Vec<RunRedFlag>,
}

// ---------------------------------------------------------------- outputs

#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum RunStopReason {
    User,
    PainAboveZone,
    PainStop,
    RedFlag,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum RunPromptReason {
    AfterRunSegment,
    CoolDown,
    Periodic,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum RunPainZone {
    WithinBuffer,
    AboveBuffer,
    Stop,
    SeeClinician,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum RunPainAction {
    Continue,
    ScaleBack,
    StopActivity,
    SeeClinician,
}

/// Every event kind with its numbers, mirroring `patella_core::run::RunEventKind`.
#[derive(Debug, Clone, PartialEq, uniffi::Enum)]
pub enum RunEventKind {
    SessionStarted {
        total_ms: u64,
        segments: u32,
    },
    SegmentStarted {
        index: u32,
        segment: RunSegmentKind,
        duration_ms: u64,
        target_spm: Option<f64>,
    },
    SegmentEndingSoon {
        index: u32,
        segment: RunSegmentKind,
        seconds_left: u32,
        next: Option<RunSegmentKind>,
    },
    Halfway {
        elapsed_ms: u64,
        remaining_ms: u64,
    },
    SessionComplete {
        elapsed_ms: u64,
    },
    SessionStopped {
        reason: RunStopReason,
        elapsed_ms: u64,
    },
    Paused {
        elapsed_ms: u64,
    },
    Resumed {
        paused_for_ms: u64,
    },
    CheckInPrompt {
        reason: RunPromptReason,
    },
    CheckInAssessed {
        score: u8,
        zone: RunPainZone,
        action: RunPainAction,
    },
    SwitchedToWalking {
        segments_changed: u32,
    },
    RunEnded {
        skipped_ms: u64,
    },
    CadenceLow {
        cadence_spm: f64,
        target_spm: f64,
        band_low_spm: f64,
        below_for_ms: u64,
    },
    CadenceHigh {
        cadence_spm: f64,
        target_spm: f64,
        band_high_spm: f64,
        above_for_ms: u64,
    },
    BackOnTarget {
        cadence_spm: f64,
        target_spm: f64,
    },
    Overstride {
        stride_m: f64,
        baseline_m: f64,
        speed_mps: f64,
        excess_pct: f64,
    },
    SensorGap {
        source_id: Option<String>,
        last_reading_ms: Option<u64>,
    },
    SensorRestored {
        source_id: Option<String>,
        gap_ms: u64,
    },
    UnitDetected {
        source_id: String,
        unit: RunCadenceUnit,
    },
    /// `reason`: unit_mismatch, above_max, step_too_long or too_low_for_running.
    ReadingsRejected {
        source_id: String,
        value: f64,
        reason: String,
    },
    MetronomeChanged {
        playing: bool,
        interval_ms: Option<u32>,
    },
}

/// One event: when, what (as data), and what to say.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct RunEvent {
    pub at_ms: u64,
    pub kind: RunEventKind,
    /// The kind's name as in the CLI's JSON ("cadence_low").
    pub name: String,
    pub cue: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum RunStatus {
    NotStarted,
    Running,
    Paused,
    Complete,
    Stopped,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum RunCadenceState {
    NoSignal,
    Stopped,
    Walking,
    Suspect,
    Running,
    BelowBand,
    InBand,
    AboveBand,
}

/// The run screen at one moment.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct RunView {
    pub at_ms: u64,
    pub status: RunStatus,
    pub segment_index: Option<u32>,
    pub segment: Option<RunSegmentKind>,
    pub segment_elapsed_ms: u64,
    pub segment_remaining_ms: u64,
    pub elapsed_ms: u64,
    pub remaining_ms: u64,
    pub total_ms: u64,
    pub cadence_spm: Option<f64>,
    pub cadence_confidence: f64,
    pub cadence_state: RunCadenceState,
    pub target_spm: Option<f64>,
    pub band_low_spm: Option<f64>,
    pub band_high_spm: Option<f64>,
    pub metronome_mode: RunMetronomeMode,
    pub metronome_interval_ms: Option<u32>,
    pub metronome_playing: bool,
    pub speed_mps: Option<f64>,
    pub stride_length_m: Option<f64>,
    pub dropped_samples: u64,
    pub rejected_samples: u64,
}

/// What a session call can fail with.
#[derive(Debug, thiserror::Error, uniffi::Error)]
pub enum RunSessionError {
    #[error("{detail}")]
    InvalidPlan { detail: String },
    #[error("{detail}")]
    InvalidInput { detail: String },
    #[error(
        "{field}: '{value}' is not an ISO-8601 date or date and time (e.g. 2026-11-22T07:30:00)"
    )]
    InvalidDate { field: String, value: String },
    #[error("run session: an earlier call failed while holding the session; create a new session")]
    Poisoned,
}

/// Where the app receives the session's events, in order.
#[uniffi::export(with_foreign)]
pub trait RunObserver: Send + Sync {
    fn on_event(&self, event: RunEvent);
}

// ---------------------------------------------------------------- the object

/// A live run. All methods take the platform's monotonic time in ms.
#[derive(uniffi::Object)]
pub struct RunSession {
    state: Mutex<core_run::RunSession>,
    observer: Arc<dyn RunObserver>,
    queue: Mutex<VecDeque<RunEvent>>,
    delivering: AtomicBool,
}

#[uniffi::export]
impl RunSession {
    #[uniffi::constructor]
    pub fn new(
        plan: RunPlan,
        settings: Option<RunSettings>,
        observer: Arc<dyn RunObserver>,
    ) -> Result<Arc<Self>, RunSessionError> {
        let config = settings.map_or_else(RunConfig::default, config_from);
        let session = core_run::RunSession::new(plan.into(), config).map_err(|e| {
            RunSessionError::InvalidPlan {
                detail: e.to_string(),
            }
        })?;
        Ok(Arc::new(Self {
            state: Mutex::new(session),
            observer,
            queue: Mutex::new(VecDeque::new()),
            delivering: AtomicBool::new(false),
        }))
    }

    pub fn start(&self, now_ms: u64) -> Result<(), RunSessionError> {
        self.drive(|s| Ok(s.start(now_ms)))
    }

    pub fn tick(&self, now_ms: u64) -> Result<(), RunSessionError> {
        self.drive(|s| s.tick(now_ms))
    }

    /// A pedometer or manual reading.
    pub fn push_sample(&self, sample: RunSample) -> Result<(), RunSessionError> {
        let sample = CadenceSample::from(sample);
        self.drive(|s| s.push_sample(&sample))
    }

    pub fn pause(&self, now_ms: u64) -> Result<(), RunSessionError> {
        self.drive(|s| s.pause(now_ms))
    }

    pub fn resume(&self, now_ms: u64) -> Result<(), RunSessionError> {
        self.drive(|s| s.resume(now_ms))
    }

    /// The runner ends the session early.
    pub fn stop(&self, now_ms: u64) -> Result<(), RunSessionError> {
        self.drive(|s| s.stop(now_ms))
    }

    pub fn check_in(&self, now_ms: u64, checkin: RunCheckIn) -> Result<(), RunSessionError> {
        let checkin = checkin_from(checkin)?;
        self.drive(|s| s.check_in(now_ms, checkin))
    }

    /// The runner says which unit a source counts in; none lets detection decide.
    pub fn set_unit_override(
        &self,
        source_id: String,
        unit: Option<RunCadenceUnit>,
    ) -> Result<(), RunSessionError> {
        let mut state = self.lock()?;
        state
            .set_unit_override(&source_id, unit.map(CadenceUnit::from))
            .map_err(input_error)
    }

    pub fn snapshot(&self, now_ms: u64) -> Result<RunView, RunSessionError> {
        Ok(self.lock()?.snapshot(now_ms).into())
    }
}

#[uniffi::export]
impl RunSession {
    /// Starts a planned run day (from `Coach.today`) as a live session, with
    /// the runner's current cadence target (none: no cadence cues).
    #[uniffi::constructor]
    pub fn from_planned_run(
        run: crate::coach::PlannedRun,
        cadence_target_spm: Option<f64>,
        settings: Option<RunSettings>,
        observer: Arc<dyn RunObserver>,
    ) -> Result<Arc<Self>, RunSessionError> {
        let segments = run
            .segments
            .iter()
            .map(|s| RunSegment {
                kind: match s.kind {
                    crate::coach::PlanSegmentKind::WarmUp => RunSegmentKind::WarmUp,
                    crate::coach::PlanSegmentKind::Run => RunSegmentKind::Run,
                    crate::coach::PlanSegmentKind::Walk => RunSegmentKind::Walk,
                    crate::coach::PlanSegmentKind::CoolDown => RunSegmentKind::CoolDown,
                },
                duration_s: s.seconds,
            })
            .collect();
        Self::new(
            RunPlan {
                segments,
                cadence_target_spm,
            },
            settings,
            observer,
        )
    }
}

impl RunSession {
    /// The session as a sensor sink, for the Rust BLE client.
    pub fn as_sample_sink(self: Arc<Self>) -> Arc<dyn SampleSink> {
        self
    }

    fn lock(&self) -> Result<MutexGuard<'_, core_run::RunSession>, RunSessionError> {
        self.state.lock().map_err(|_| RunSessionError::Poisoned)
    }

    /// Runs one input under the lock, queues its events in order, then
    /// delivers them outside the lock (so the observer may call back in).
    fn drive(
        &self,
        input: impl FnOnce(
            &mut core_run::RunSession,
        ) -> Result<Vec<core_run::RunEvent>, core_run::RunError>,
    ) -> Result<(), RunSessionError> {
        {
            let mut state = self.lock()?;
            let events = input(&mut state).map_err(input_error)?;
            if !events.is_empty() {
                let mut queue = self.queue.lock().map_err(|_| RunSessionError::Poisoned)?;
                queue.extend(events.into_iter().map(RunEvent::from));
            }
        }
        self.deliver();
        Ok(())
    }

    /// Delivers queued events; only one thread delivers at a time, so the
    /// observer sees them in the order the session produced them.
    fn deliver(&self) {
        loop {
            if self
                .delivering
                .compare_exchange(false, true, Ordering::AcqRel, Ordering::Acquire)
                .is_err()
            {
                return;
            }
            while let Some(event) = self.queue.lock().ok().and_then(|mut q| q.pop_front()) {
                self.observer.on_event(event);
            }
            self.delivering.store(false, Ordering::Release);
            // An event queued between the last pop and the release is ours to send.
            if self.queue.lock().map_or(true, |q| q.is_empty()) {
                return;
            }
        }
    }
}

/// Sensor readings arrive here from the BLE client. Refused readings are
/// counted in the view (`dropped_samples`), not raised: a sensor cannot act
/// on an error.
impl SampleSink for RunSession {
    fn on_sample(&self, sample: CadenceSample) {
        let _ = self.drive(|s| s.push_sample(&sample));
    }

    fn on_signal_lost(&self, source_id: &str, at_ms: MonoMs) {
        let _ = self.drive(|s| s.signal_lost(source_id, at_ms));
    }

    fn on_signal_restored(&self, source_id: &str, at_ms: MonoMs) {
        let _ = self.drive(|s| s.signal_restored(source_id, at_ms));
    }
}

// ---------------------------------------------------------------- mapping

fn input_error(e: core_run::RunError) -> RunSessionError {
    RunSessionError::InvalidInput {
        detail: e.to_string(),
    }
}

fn config_from(s: RunSettings) -> RunConfig {
    let mut config = RunConfig {
        metronome: match s.metronome {
            RunMetronomeMode::Off => MetronomeMode::Off,
            RunMetronomeMode::Always => MetronomeMode::Always,
            RunMetronomeMode::Nudge => MetronomeMode::Nudge,
        },
        above_zone: if s.end_run_on_pain_above_zone {
            AboveZoneResponse::EndRun
        } else {
            AboveZoneResponse::SwitchToWalking
        },
        ..RunConfig::default()
    };
    config.check_in_prompts.every_min = s.check_in_every_min;
    config.cadence.alert.alert_above_band = s.alert_above_band;
    config.cadence.alert.min_gap_ms = u64::from(s.min_seconds_between_cues) * 1_000;
    config
}

fn parse_taken_at(value: &str) -> Result<NaiveDateTime, RunSessionError> {
    for format in ["%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%dT%H:%M"] {
        if let Ok(t) = NaiveDateTime::parse_from_str(value, format) {
            return Ok(t);
        }
    }
    NaiveDate::parse_from_str(value, "%Y-%m-%d")
        .ok()
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .ok_or_else(|| RunSessionError::InvalidDate {
            field: "taken_at".to_owned(),
            value: value.to_owned(),
        })
}

fn checkin_from(c: RunCheckIn) -> Result<pain::CheckIn, RunSessionError> {
    let taken_at = parse_taken_at(&c.taken_at)?;
    let flags = c
        .red_flags
        .into_iter()
        .map(|f| match f {
            RunRedFlag::Swelling => pain::RedFlag::Swelling,
            RunRedFlag::GivingWay => pain::RedFlag::GivingWay,
            RunRedFlag::LossOfFunction => pain::RedFlag::LossOfFunction,
            RunRedFlag::RadiatingPain => pain::RedFlag::RadiatingPain,
        })
        .collect();
    let quality = c.sharp.then_some(PainQuality::Sharp);
    pain::CheckIn::new(
        taken_at,
        c.score,
        pain::CheckInMoment::DuringRun,
        quality,
        None,
        flags,
    )
    .map_err(|e| RunSessionError::InvalidInput {
        detail: format!("check_in.{e}"),
    })
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

impl From<RunSegmentKind> for core_run::SegmentKind {
    fn from(k: RunSegmentKind) -> Self {
        match k {
            RunSegmentKind::WarmUp => Self::WarmUp,
            RunSegmentKind::Run => Self::Run,
            RunSegmentKind::Walk => Self::Walk,
            RunSegmentKind::CoolDown => Self::CoolDown,
        }
    }
}

impl From<core_run::SegmentKind> for RunSegmentKind {
    fn from(k: core_run::SegmentKind) -> Self {
        match k {
            core_run::SegmentKind::WarmUp => Self::WarmUp,
            core_run::SegmentKind::Run => Self::Run,
            core_run::SegmentKind::Walk => Self::Walk,
            core_run::SegmentKind::CoolDown => Self::CoolDown,
        }
    }
}

impl From<RunPlan> for core_run::SessionPlan {
    fn from(p: RunPlan) -> Self {
        Self {
            segments: p
                .segments
                .into_iter()
                .map(|s| core_run::Segment {
                    kind: s.kind.into(),
                    duration_s: s.duration_s,
                })
                .collect(),
            cadence_target_spm: p.cadence_target_spm,
            stride_baseline: None,
        }
    }
}

impl From<RunCadenceUnit> for CadenceUnit {
    fn from(u: RunCadenceUnit) -> Self {
        match u {
            RunCadenceUnit::StepsPerMinute => Self::StepsPerMinute,
            RunCadenceUnit::StridesPerMinute => Self::StridesPerMinute,
            RunCadenceUnit::Unknown => Self::Unknown,
        }
    }
}

impl From<CadenceUnit> for RunCadenceUnit {
    fn from(u: CadenceUnit) -> Self {
        match u {
            CadenceUnit::StepsPerMinute => Self::StepsPerMinute,
            CadenceUnit::StridesPerMinute => Self::StridesPerMinute,
            CadenceUnit::Unknown => Self::Unknown,
        }
    }
}

impl From<RunSample> for CadenceSample {
    fn from(s: RunSample) -> Self {
        Self {
            at_ms: s.at_ms,
            source_id: s.source_id,
            cadence: s.cadence,
            unit: s.unit.into(),
            speed_mps: s.speed_mps,
            stride_length_m: s.stride_length_m,
            gait: s.gait.map(|g| match g {
                RunGait::Walking => Gait::Walking,
                RunGait::Running => Gait::Running,
            }),
        }
    }
}

impl From<core_run::StopReason> for RunStopReason {
    fn from(r: core_run::StopReason) -> Self {
        match r {
            core_run::StopReason::User => Self::User,
            core_run::StopReason::PainAboveZone => Self::PainAboveZone,
            core_run::StopReason::PainStop => Self::PainStop,
            core_run::StopReason::RedFlag => Self::RedFlag,
        }
    }
}

impl From<core_run::PromptReason> for RunPromptReason {
    fn from(r: core_run::PromptReason) -> Self {
        match r {
            core_run::PromptReason::AfterRunSegment => Self::AfterRunSegment,
            core_run::PromptReason::CoolDown => Self::CoolDown,
            core_run::PromptReason::Periodic => Self::Periodic,
        }
    }
}

impl From<PainZone> for RunPainZone {
    fn from(z: PainZone) -> Self {
        match z {
            PainZone::WithinBuffer => Self::WithinBuffer,
            PainZone::AboveBuffer => Self::AboveBuffer,
            PainZone::Stop => Self::Stop,
            PainZone::SeeClinician => Self::SeeClinician,
        }
    }
}

impl From<&PainAction> for RunPainAction {
    fn from(a: &PainAction) -> Self {
        match a {
            PainAction::Continue => Self::Continue,
            PainAction::ScaleBack => Self::ScaleBack,
            PainAction::StopActivity => Self::StopActivity,
            PainAction::SeeClinician { .. } => Self::SeeClinician,
        }
    }
}

fn reject_reason(r: &cadence::RejectReason) -> String {
    match r {
        cadence::RejectReason::UnitMismatch { .. } => "unit_mismatch",
        cadence::RejectReason::AboveMax { .. } => "above_max",
        cadence::RejectReason::StepTooLong { .. } => "step_too_long",
        cadence::RejectReason::TooLowForRunning { .. } => "too_low_for_running",
    }
    .to_owned()
}

impl From<core_run::RunEventKind> for RunEventKind {
    fn from(k: core_run::RunEventKind) -> Self {
        use core_run::RunEventKind as K;
        match k {
            K::SessionStarted { total_ms, segments } => Self::SessionStarted {
                total_ms,
                segments: count(segments),
            },
            K::SegmentStarted {
                index,
                segment,
                duration_ms,
                target_spm,
            } => Self::SegmentStarted {
                index: count(index),
                segment: segment.into(),
                duration_ms,
                target_spm,
            },
            K::SegmentEndingSoon {
                index,
                segment,
                seconds_left,
                next,
            } => Self::SegmentEndingSoon {
                index: count(index),
                segment: segment.into(),
                seconds_left,
                next: next.map(Into::into),
            },
            K::Halfway {
                elapsed_ms,
                remaining_ms,
            } => Self::Halfway {
                elapsed_ms,
                remaining_ms,
            },
            K::SessionComplete { elapsed_ms } => Self::SessionComplete { elapsed_ms },
            K::SessionStopped { reason, elapsed_ms } => Self::SessionStopped {
                reason: reason.into(),
                elapsed_ms,
            },
            K::Paused { elapsed_ms } => Self::Paused { elapsed_ms },
            K::Resumed { paused_for_ms } => Self::Resumed { paused_for_ms },
            K::CheckInPrompt { reason } => Self::CheckInPrompt {
                reason: reason.into(),
            },
            K::CheckInAssessed {
                score,
                zone,
                action,
            } => Self::CheckInAssessed {
                score,
                zone: zone.into(),
                action: (&action).into(),
            },
            K::SwitchedToWalking { segments_changed } => Self::SwitchedToWalking {
                segments_changed: count(segments_changed),
            },
            K::RunEnded { skipped_ms } => Self::RunEnded { skipped_ms },
            K::CadenceLow {
                cadence_spm,
                target_spm,
                band_low_spm,
                below_for_ms,
            } => Self::CadenceLow {
                cadence_spm,
                target_spm,
                band_low_spm,
                below_for_ms,
            },
            K::CadenceHigh {
                cadence_spm,
                target_spm,
                band_high_spm,
                above_for_ms,
            } => Self::CadenceHigh {
                cadence_spm,
                target_spm,
                band_high_spm,
                above_for_ms,
            },
            K::BackOnTarget {
                cadence_spm,
                target_spm,
            } => Self::BackOnTarget {
                cadence_spm,
                target_spm,
            },
            K::Overstride {
                stride_m,
                baseline_m,
                speed_mps,
                excess_pct,
            } => Self::Overstride {
                stride_m,
                baseline_m,
                speed_mps,
                excess_pct,
            },
            K::SensorGap {
                source_id,
                last_reading_ms,
            } => Self::SensorGap {
                source_id,
                last_reading_ms,
            },
            K::SensorRestored { source_id, gap_ms } => Self::SensorRestored { source_id, gap_ms },
            K::UnitDetected { source_id, unit } => Self::UnitDetected {
                source_id,
                unit: unit.into(),
            },
            K::ReadingsRejected {
                source_id,
                value,
                reason,
            } => Self::ReadingsRejected {
                source_id,
                value,
                reason: reject_reason(&reason),
            },
            K::MetronomeChanged {
                playing,
                interval_ms,
            } => Self::MetronomeChanged {
                playing,
                interval_ms,
            },
        }
    }
}

impl From<core_run::RunEvent> for RunEvent {
    fn from(e: core_run::RunEvent) -> Self {
        let name = e.kind.name().to_owned();
        Self {
            at_ms: e.at_ms,
            kind: e.kind.into(),
            name,
            cue: e.cue,
        }
    }
}

impl From<core_run::RunView> for RunView {
    fn from(v: core_run::RunView) -> Self {
        Self {
            at_ms: v.at_ms,
            status: match v.status {
                core_run::SessionStatus::NotStarted => RunStatus::NotStarted,
                core_run::SessionStatus::Running => RunStatus::Running,
                core_run::SessionStatus::Paused => RunStatus::Paused,
                core_run::SessionStatus::Complete => RunStatus::Complete,
                core_run::SessionStatus::Stopped => RunStatus::Stopped,
            },
            segment_index: v.segment_index.map(count),
            segment: v.segment.map(Into::into),
            segment_elapsed_ms: v.segment_elapsed_ms,
            segment_remaining_ms: v.segment_remaining_ms,
            elapsed_ms: v.elapsed_ms,
            remaining_ms: v.remaining_ms,
            total_ms: v.total_ms,
            cadence_spm: v.cadence_spm,
            cadence_confidence: v.cadence_confidence,
            cadence_state: match v.cadence_state {
                core_run::CadenceState::NoSignal => RunCadenceState::NoSignal,
                core_run::CadenceState::Stopped => RunCadenceState::Stopped,
                core_run::CadenceState::Walking => RunCadenceState::Walking,
                core_run::CadenceState::Suspect => RunCadenceState::Suspect,
                core_run::CadenceState::Running => RunCadenceState::Running,
                core_run::CadenceState::BelowBand => RunCadenceState::BelowBand,
                core_run::CadenceState::InBand => RunCadenceState::InBand,
                core_run::CadenceState::AboveBand => RunCadenceState::AboveBand,
            },
            target_spm: v.target_spm,
            band_low_spm: v.band_low_spm,
            band_high_spm: v.band_high_spm,
            metronome_mode: match v.metronome.mode {
                MetronomeMode::Off => RunMetronomeMode::Off,
                MetronomeMode::Always => RunMetronomeMode::Always,
                MetronomeMode::Nudge => RunMetronomeMode::Nudge,
            },
            metronome_interval_ms: v.metronome.interval_ms,
            metronome_playing: v.metronome.playing,
            speed_mps: v.speed_mps,
            stride_length_m: v.stride_length_m,
            dropped_samples: v.dropped_samples,
            rejected_samples: v.rejected_samples,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Default)]
    struct Collect(Mutex<Vec<RunEvent>>);

    impl RunObserver for Collect {
        fn on_event(&self, event: RunEvent) {
            self.0.lock().unwrap().push(event);
        }
    }

    #[test]
    fn a_planned_run_from_the_coach_starts_with_its_segments() {
        let coach = crate::coach::Coach::new();
        use crate::coach::{EquipmentItem, ExperienceLevel, RunDay, RunningGoal};
        let profile = crate::coach::RunnerProfile {
            experience: ExperienceLevel::NewToRunning,
            weekly_minutes: None,
            weekly_km: None,
            days_per_week: 3,
            preferred_days: vec![RunDay::Tuesday, RunDay::Thursday, RunDay::Saturday],
            goal: RunningGoal::Continuous15Minutes,
            equipment: vec![EquipmentItem::Wall],
            age_years: Some(40),
            osteoarthritis: false,
            osteoporosis: false,
            balance_problems: false,
            body_mass_kg: None,
            height_cm: None,
            knee_pain: 0,
            strength_days_per_week: None,
        };
        coach
            .save_profile(profile, "2026-11-23".to_owned())
            .unwrap();
        let planned = (23..30)
            .map(|d| coach.today(format!("2026-11-{d}")).unwrap())
            .flat_map(|day| day.sessions)
            .find_map(|s| match s {
                crate::coach::PlanSession::Run { run } => Some(run),
                _ => None,
            })
            .expect("a run day in the first week");
        let observer = Arc::new(Collect::default());
        let session =
            RunSession::from_planned_run(planned.clone(), Some(165.0), None, observer).unwrap();
        let view = session.snapshot(0).unwrap();
        let planned_ms: u64 = planned
            .segments
            .iter()
            .map(|s| u64::from(s.seconds) * 1000)
            .sum();
        assert_eq!(view.total_ms, planned_ms);
        assert_eq!(view.target_spm, Some(165.0));
    }

    fn plan() -> RunPlan {
        RunPlan {
            segments: vec![
                RunSegment {
                    kind: RunSegmentKind::WarmUp,
                    duration_s: 30,
                },
                RunSegment {
                    kind: RunSegmentKind::Run,
                    duration_s: 300,
                },
                RunSegment {
                    kind: RunSegmentKind::CoolDown,
                    duration_s: 30,
                },
            ],
            cadence_target_spm: Some(170.0),
        }
    }

    fn sample(at_ms: u64, cadence: f64) -> CadenceSample {
        CadenceSample {
            at_ms,
            source_id: "pod".into(),
            cadence,
            unit: CadenceUnit::StepsPerMinute,
            speed_mps: None,
            stride_length_m: None,
            gait: None,
        }
    }

    fn assert_send_sync<T: Send + Sync>() {}

    // source: article 002/004 (cadence cue), delivered through the observer
    #[test]
    fn a_short_session_reaches_the_observer_in_order() {
        assert_send_sync::<RunSession>();
        let observer = Arc::new(Collect::default());
        let session = RunSession::new(plan(), None, observer.clone()).unwrap();
        session.start(0).unwrap();
        let sink = session.clone().as_sample_sink();
        for t in 1..=360u64 {
            // A sensor on the Rust side: below the band during the run.
            sink.on_sample(sample(t * 1_000, if t > 30 { 150.0 } else { 170.0 }));
            session.tick(t * 1_000).unwrap();
        }
        let events = observer.0.lock().unwrap();
        let names: Vec<&str> = events.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names.first(), Some(&"session_started"));
        assert_eq!(names.last(), Some(&"session_complete"));
        assert_eq!(names.iter().filter(|n| **n == "cadence_low").count(), 1);
        assert!(events.windows(2).all(|w| w[0].at_ms <= w[1].at_ms));
        let low = events.iter().find(|e| e.name == "cadence_low").unwrap();
        assert!(
            matches!(low.kind, RunEventKind::CadenceLow { target_spm, .. } if target_spm == 170.0)
        );
        let view = session.snapshot(360_000).unwrap();
        assert_eq!(view.status, RunStatus::Complete);
    }

    #[test]
    fn errors_name_the_field_and_nothing_panics() {
        let observer = Arc::new(Collect::default());
        let session = RunSession::new(plan(), None, observer).unwrap();
        session.start(0).unwrap();
        session.tick(10_000).unwrap();
        let err = session.tick(5_000).unwrap_err();
        assert!(err.to_string().starts_with("now_ms:"), "{err}");
        let checkin = RunCheckIn {
            taken_at: "22/11/2026".into(),
            score: 3,
            sharp: false,
            red_flags: vec![],
        };
        let err = session.check_in(11_000, checkin).unwrap_err();
        assert!(
            matches!(err, RunSessionError::InvalidDate { ref field, .. } if field == "taken_at")
        );
        let checkin = RunCheckIn {
            taken_at: "2026-11-22T07:30:00".into(),
            score: 12,
            sharp: false,
            red_flags: vec![],
        };
        assert!(
            session
                .check_in(11_000, checkin)
                .unwrap_err()
                .to_string()
                .contains("score")
        );
        let bad = RunPlan {
            segments: vec![],
            cadence_target_spm: None,
        };
        let err = RunSession::new(bad, None, Arc::new(Collect::default()))
            .err()
            .unwrap();
        assert!(err.to_string().contains("segments"));
    }

    // source: article 002 (sharp pain: stop), applied live through the FFI
    #[test]
    fn a_sharp_check_in_stops_and_settings_apply() {
        let observer = Arc::new(Collect::default());
        let settings = RunSettings {
            metronome: RunMetronomeMode::Always,
            alert_above_band: true,
            end_run_on_pain_above_zone: true,
            check_in_every_min: None,
            min_seconds_between_cues: 30,
        };
        let session = RunSession::new(plan(), Some(settings), observer.clone()).unwrap();
        session.start(0).unwrap();
        session.tick(40_000).unwrap();
        assert!(session.snapshot(40_000).unwrap().metronome_playing);
        let checkin = RunCheckIn {
            taken_at: "2026-11-22".into(),
            score: 2,
            sharp: true,
            red_flags: vec![],
        };
        session.check_in(41_000, checkin).unwrap();
        let events = observer.0.lock().unwrap();
        assert!(events.iter().any(|e| matches!(
            e.kind,
            RunEventKind::SessionStopped {
                reason: RunStopReason::PainStop,
                ..
            }
        )));
        assert_eq!(session.snapshot(41_000).unwrap().status, RunStatus::Stopped);
    }

    /// An observer that calls back into the session must not deadlock.
    struct Reentrant(Mutex<Option<Arc<RunSession>>>, Mutex<u32>);

    impl RunObserver for Reentrant {
        fn on_event(&self, _event: RunEvent) {
            if let Some(s) = self.0.lock().unwrap().as_ref() {
                let _ = s.snapshot(0);
                let _ = s.tick(1_000);
            }
            *self.1.lock().unwrap() += 1;
        }
    }

    #[test]
    fn an_observer_may_call_back_in() {
        let observer = Arc::new(Reentrant(Mutex::new(None), Mutex::new(0)));
        let session = RunSession::new(plan(), None, observer.clone()).unwrap();
        *observer.0.lock().unwrap() = Some(session.clone());
        session.start(0).unwrap();
        assert!(*observer.1.lock().unwrap() >= 2);
        *observer.0.lock().unwrap() = None;
    }
}
