//! The pain buffer zone across the FFI: check-in records, the assessment,
//! and [`PainJournal`], the object that keeps today's check-ins and tells an
//! observer about each assessment.

use std::sync::{Arc, Mutex, MutexGuard};

use crate::pain as core;

use crate::ffi::dates::{DateFieldError, format_date_time, parse_date_time};
use crate::ffi::events::{DeliveryReport, EventPump};

pub use crate::pain::{CheckInMoment, PainLocation, PainQuality, RedFlag};

/// A pain report as the app collects it.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct CheckIn {
    /// Local date and time, "YYYY-MM-DDTHH:MM[:SS]".
    pub taken_at: String,
    /// 0 (no pain) to 10 (emergency-room bad).
    pub score: i64,
    /// When in the day's training it was taken.
    pub moment: CheckInMoment,
    /// How the pain feels, when the runner said.
    #[uniffi(default = None)]
    pub quality: Option<PainQuality>,
    /// Where the pain is, when the runner said.
    #[uniffi(default = None)]
    pub location: Option<PainLocation>,
    /// The red flags the runner ticked; each at most once.
    #[uniffi(default = [])]
    pub red_flags: Vec<RedFlag>,
}

/// Where a score falls against the pain buffer zone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, uniffi::Enum)]
#[serde(rename_all = "snake_case")]
pub enum PainZone {
    /// Inside the buffer: carry on.
    WithinBuffer,
    /// Above the buffer: scale back.
    AboveBuffer,
    /// Stop the activity now.
    Stop,
    /// A red flag: see a clinician.
    SeeClinician,
}

/// What the runner should do after a check-in.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Enum)]
pub enum PainAction {
    /// Carry on as planned.
    Continue,
    /// Do less next time (shorter, easier, fewer sets).
    ScaleBack,
    /// Stop the activity now.
    StopActivity,
    /// Book a clinician; progression holds until the runner confirms.
    SeeClinician { flags: Vec<RedFlag> },
}

/// One reason behind an assessment, with its numbers.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Enum)]
pub enum PainReason {
    /// The score is at or under the buffer's top.
    WithinBuffer { score: u8, max: u8 },
    /// The score is over the buffer's top.
    AboveBuffer { score: u8, max: u8 },
    /// Sharp pain during an activity: stop it.
    SharpDuringActivity,
    /// Sharp pain outside an activity: no run or knee-loading work today.
    Sharp,
    /// The score rose since the last check-in of the same activity.
    WorseningDuringActivity { from: u8, to: u8 },
    /// A red flag was ticked.
    RedFlag { flag: RedFlag },
}

/// The core's verdict on one check-in.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct PainAssessment {
    /// Where the score falls against the buffer zone.
    pub zone: PainZone,
    /// What to do now.
    pub action: PainAction,
    /// Why, with the numbers behind it.
    pub reasons: Vec<PainReason>,
    /// What to tell the runner, ready to show or speak.
    pub advice: String,
}

/// A check-in the core refused, naming what is wrong.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, uniffi::Error)]
// Flat: the apps get the Display text as the error's message (see ARCHITECTURE.md, "Errors").
#[uniffi(flat_error)]
pub enum PainError {
    /// The score is outside the 0-10 scale.
    #[error("score: {score} is outside the 0-10 pain scale")]
    ScoreOutOfRange { score: i64 },
    /// The same red flag was listed twice.
    #[error("red_flags: {flag:?} is listed twice")]
    DuplicateRedFlag { flag: RedFlag },
    /// A date and time could not be read; the message names the field.
    #[error(
        "{field}: '{value}' is not a date and time like 2026-11-22T07:30 (an offset such as +02:00 or Z may follow)"
    )]
    InvalidDateTime { field: String, value: String },
    /// The check-in is dated more than a few minutes (the clock-skew
    /// tolerance) ahead of now; the message names `taken_at`.
    #[error("{detail}")]
    AheadOfNow { detail: String },
    /// An earlier internal failure left the journal unusable.
    #[error("the pain journal is unavailable after an earlier failure; reopen it")]
    Unavailable,
}

/// Receives assessments on a background thread, in order.
#[uniffi::export(with_foreign)]
pub trait PainObserver: Send + Sync {
    /// One check-in and its assessment, in the order they were recorded.
    fn on_assessment(&self, check_in: CheckIn, assessment: PainAssessment);
}

/// Assesses one check-in on its own, with no earlier check-in to compare.
#[uniffi::export]
pub fn assess_check_in(check_in: CheckIn) -> Result<PainAssessment, PainError> {
    let checkin = check_in.to_core()?;
    Ok(core::assess(&checkin, None, &core::PainConfig::default()).into())
}

struct JournalState {
    entries: Vec<core::CheckIn>,
    pump: Option<EventPump<(CheckIn, PainAssessment)>>,
}

/// Today's check-ins, kept so that pain climbing during one activity is
/// caught. Safe to call from any thread.
#[derive(uniffi::Object)]
pub struct PainJournal {
    config: core::PainConfig,
    state: Mutex<JournalState>,
}

#[uniffi::export]
impl PainJournal {
    /// An empty journal with the default pain buffer.
    #[uniffi::constructor]
    pub fn new() -> Arc<Self> {
        Arc::new(Self {
            config: core::PainConfig::default(),
            state: Mutex::new(JournalState {
                entries: Vec::new(),
                pump: None,
            }),
        })
    }

    /// Records a check-in and returns its assessment. During an activity, the
    /// previous check-in of the same activity on the same day is the baseline
    /// for "worsening". A check-in dated more than a few minutes ahead of now
    /// is refused (`AheadOfNow`).
    pub fn record(&self, check_in: CheckIn) -> Result<PainAssessment, PainError> {
        let checkin = check_in.to_core_entered(self.config.ahead_tolerance_min)?;
        let mut state = self.lock()?;
        let earlier =
            state.entries.iter().rev().find(|e| {
                e.moment == checkin.moment && e.taken_at.date() == checkin.taken_at.date()
            });
        let assessment: PainAssessment = core::assess(&checkin, earlier, &self.config).into();
        state.entries.push(checkin);
        if let Some(pump) = &state.pump {
            pump.send((check_in, assessment.clone()));
        }
        Ok(assessment)
    }

    /// Every check-in recorded, oldest first.
    pub fn entries(&self) -> Result<Vec<CheckIn>, PainError> {
        Ok(self.lock()?.entries.iter().map(CheckIn::from).collect())
    }

    /// The most recent check-in, if there is one.
    pub fn latest(&self) -> Result<Option<CheckIn>, PainError> {
        Ok(self.lock()?.entries.last().map(CheckIn::from))
    }

    /// Sends every later assessment to `observer`, on a background thread.
    /// Replaces any earlier observer. A call that throws is counted (see
    /// `delivery_report`) and later assessments still arrive.
    pub fn set_observer(&self, observer: Arc<dyn PainObserver>) -> Result<(), PainError> {
        let pump = EventPump::start("patella-pain-events", move |(c, a)| {
            observer.on_assessment(c, a)
        })
        .map_err(|_| PainError::Unavailable)?;
        // The earlier pump delivers what it has queued, then ends on its own.
        self.lock()?.pump.replace(pump);
        Ok(())
    }

    /// Stops delivering to the observer, once queued events are delivered.
    pub fn clear_observer(&self) -> Result<(), PainError> {
        self.lock()?.pump.take();
        Ok(())
    }

    /// Ends delivery and lets go of the observer: assessments still queued
    /// are dropped, no observer call starts after this returns (one already
    /// under way finishes), and the app's observer object can be freed. The
    /// journal keeps its entries and may get a new observer later.
    /// Idempotent; safe from inside the observer.
    pub fn close(&self) {
        // Even after an earlier failure the observer must be let go of, so a
        // poisoned lock is entered anyway: only the pump is taken out.
        let pump = self
            .state
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .pump
            .take();
        if let Some(pump) = pump {
            pump.close();
        }
    }

    /// Waits up to `timeout_ms` until the observer has been handed every
    /// assessment queued so far and returned; true when it has (or there is
    /// no observer). From inside the observer it returns false at once.
    pub fn flush_events(&self, timeout_ms: u32) -> bool {
        // Taken out first: the wait must not hold the journal's lock.
        let pump = match self.lock() {
            Ok(state) => state.pump.as_ref().map(EventPump::clone_handle),
            Err(_) => return false,
        };
        let limit = std::time::Duration::from_millis(u64::from(timeout_ms));
        pump.is_none_or(|p| p.wait_idle(limit))
    }

    /// How delivery to the current observer went (all zero without one).
    pub fn delivery_report(&self) -> Result<DeliveryReport, PainError> {
        Ok(self
            .lock()?
            .pump
            .as_ref()
            .map(EventPump::report)
            .unwrap_or_default())
    }
}

/// Freeing the journal (Kotlin's `close()`, Swift's last reference) ends
/// delivery as `close` does.
impl Drop for PainJournal {
    fn drop(&mut self) {
        self.close();
    }
}

impl PainJournal {
    fn lock(&self) -> Result<MutexGuard<'_, JournalState>, PainError> {
        self.state.lock().map_err(|_| PainError::Unavailable)
    }
}

impl CheckIn {
    pub(crate) fn to_core(&self) -> Result<core::CheckIn, PainError> {
        let taken_at = parse_date_time("taken_at", &self.taken_at)?;
        Ok(core::CheckIn::new(
            taken_at,
            self.score,
            self.moment,
            self.quality,
            self.location,
            self.red_flags.clone(),
        )?)
    }
}

impl CheckIn {
    /// As [`CheckIn::to_core`], for a check-in the app records now: one
    /// dated more than `tolerance_min` minutes ahead of the local time now
    /// is refused (issue 18, finding 5).
    pub(crate) fn to_core_entered(&self, tolerance_min: u32) -> Result<core::CheckIn, PainError> {
        let checkin = self.to_core()?;
        core::ahead_of_now(
            checkin.taken_at,
            crate::ffi::wall_clock::local_now(),
            tolerance_min,
        )?;
        Ok(checkin)
    }
}

impl From<&core::CheckIn> for CheckIn {
    fn from(c: &core::CheckIn) -> Self {
        Self {
            taken_at: format_date_time(c.taken_at),
            score: i64::from(c.score),
            moment: c.moment,
            quality: c.quality,
            location: c.location,
            red_flags: c.red_flags.clone(),
        }
    }
}

impl From<DateFieldError> for PainError {
    fn from(e: DateFieldError) -> Self {
        Self::InvalidDateTime {
            field: e.field,
            value: e.value,
        }
    }
}

impl From<core::PainError> for PainError {
    fn from(e: core::PainError) -> Self {
        match e {
            core::PainError::ScoreOutOfRange { score } => Self::ScoreOutOfRange { score },
            core::PainError::DuplicateRedFlag { flag } => Self::DuplicateRedFlag { flag },
            e @ core::PainError::AheadOfNow { .. } => Self::AheadOfNow {
                detail: e.to_string(),
            },
        }
    }
}

impl From<core::PainAssessment> for PainAssessment {
    fn from(a: core::PainAssessment) -> Self {
        Self {
            zone: a.zone.into(),
            action: a.action.into(),
            reasons: a.reasons.into_iter().map(Into::into).collect(),
            advice: a.advice,
        }
    }
}

impl From<core::PainAction> for PainAction {
    fn from(a: core::PainAction) -> Self {
        match a {
            core::PainAction::Continue => Self::Continue,
            core::PainAction::ScaleBack => Self::ScaleBack,
            core::PainAction::StopActivity => Self::StopActivity,
            core::PainAction::SeeClinician { flags } => Self::SeeClinician { flags },
        }
    }
}

impl From<core::PainReason> for PainReason {
    fn from(r: core::PainReason) -> Self {
        match r {
            core::PainReason::WithinBuffer { score, max } => Self::WithinBuffer { score, max },
            core::PainReason::AboveBuffer { score, max } => Self::AboveBuffer { score, max },
            core::PainReason::SharpDuringActivity => Self::SharpDuringActivity,
            core::PainReason::Sharp => Self::Sharp,
            core::PainReason::WorseningDuringActivity { from, to } => {
                Self::WorseningDuringActivity { from, to }
            }
            core::PainReason::RedFlag { flag } => Self::RedFlag { flag },
        }
    }
}

mirror_enum!(PainZone <=> core::PainZone { WithinBuffer, AboveBuffer, Stop, SeeClinician });
