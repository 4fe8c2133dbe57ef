//! The `RunSession` object: one live run, driven by the app and, inside Rust,
//! by the sensor client through `SampleSink`. The run itself is the
//! journal's `LiveRun` (`crate::journal`): what the runner enters is
//! in the record before the call returns, and its periodic checkpoints are
//! written on a thread of their own, never on the sensor's.

use std::sync::Arc;

use crate::journal::{LiveRun, LiveRunError};
use crate::run::{self as core_run, RunConfig};
use crate::sample::{CadenceSample, CadenceUnit, MonoMs, SampleSink, SensorLink};

use super::*;
use crate::ffi::events::{DeliveryReport, EventPump};
use crate::ffi::pain::CheckInEntry;

use super::convert::*;

/// A live run. All methods take the platform's monotonic time in ms.
/// Events reach the `RunObserver` on the session's own delivery thread
/// (`EventPump`), never on the caller's: not the app's, not the sensor's.
#[derive(uniffi::Object)]
pub struct RunSession {
    /// The session and its checkpoint (kept by `keep_in` or `restore`,
    /// `finish.rs`).
    pub(super) live: LiveRun,
    events: Arc<EventPump<DeliveredRunEvent>>,
}

#[uniffi::export]
impl RunSession {
    /// A session for `plan`, not yet started; settings default when none.
    /// Refused (`InvalidPlan`) for an empty or oversized plan or an unusual
    /// target without the override.
    #[uniffi::constructor]
    pub fn new(
        plan: RunPlan,
        settings: Option<RunSettings>,
        observer: Arc<dyn RunObserver>,
    ) -> Result<Arc<Self>, RunSessionError> {
        let config = settings.unwrap_or_default().config();
        Self::with_config(plan, config, observer)
    }

    /// Starts the session; starting twice does nothing. A kept run is in
    /// the record before this returns (the Run screen's `notSaved` says
    /// when it could not be written).
    pub fn start(&self, now_ms: u64) -> Result<(), RunSessionError> {
        self.live.start(now_ms).map(drop).map_err(live_error)
    }

    /// Moves time on: call about once a second.
    pub fn tick(&self, now_ms: u64) -> Result<(), RunSessionError> {
        self.live.tick(now_ms).map_err(live_error)
    }

    /// A pedometer or manual reading, stamped with `monotonic_now_ms()`.
    /// Refused (`InvalidInput`, nothing changed) when stamped more than 5 s
    /// ahead of the session or 2 s behind it; readings sharing a millisecond
    /// are all kept. Every other call stamped behind the session's time is
    /// taken at the session's time, never refused.
    pub fn push_sample(&self, sample: CadenceSample) -> Result<(), RunSessionError> {
        self.live.push_sample(&sample).map_err(live_error)
    }

    /// The runner pauses: time stops counting. In a kept run the pause is
    /// in the record before this returns (else the Run screen's `notSaved`
    /// says why not).
    pub fn pause(&self, now_ms: u64) -> Result<(), RunSessionError> {
        self.live.pause(now_ms).map(drop).map_err(live_error)
    }

    /// The runner goes on after a pause.
    pub fn resume(&self, now_ms: u64) -> Result<(), RunSessionError> {
        self.live.resume(now_ms).map(drop).map_err(live_error)
    }

    /// The runner ends the session early; in a kept run, in the record
    /// before this returns (else the Run screen's `notSaved` says why not).
    pub fn stop(&self, now_ms: u64) -> Result<(), RunSessionError> {
        self.live.stop(now_ms).map(drop).map_err(live_error)
    }

    /// A live knee check-in: the one `CheckInEntry` record of the pain facade,
    /// taken as `DuringRun` whatever its `moment`. It takes effect at once
    /// (a sharp pain stops the run); in a kept run it is in the record
    /// before this returns, and when it could not be written the Run
    /// screen's `notSaved` says so until a later write succeeds.
    pub fn check_in(&self, now_ms: u64, checkin: CheckInEntry) -> Result<(), RunSessionError> {
        let checkin = checkin_from(&checkin)?;
        self.live
            .check_in(now_ms, checkin)
            .map(drop)
            .map_err(live_error)
    }

    /// The runner says which unit a source counts in; none lets detection decide.
    pub fn set_unit_override(
        &self,
        source_id: String,
        unit: Option<CadenceUnit>,
    ) -> Result<(), RunSessionError> {
        self.live
            .adjust(|s| s.set_unit_override(&source_id, unit))
            .map_err(live_error)?
            .map_err(input_error)
    }

    /// The Run screen at `now_ms`: everything to draw, display-ready, in
    /// one call per redraw.
    pub fn snapshot(&self, now_ms: u64) -> Result<RunScreen, RunSessionError> {
        self.live.screen(now_ms).map_err(live_error)
    }

    /// The segment changes and the finish still ahead, with their cues, to
    /// schedule as local notifications; empty unless running (ask again on
    /// resume and after a knee check).
    pub fn timeline(&self, now_ms: u64) -> Result<Vec<RunTimelineEntry>, RunSessionError> {
        self.live.read(|s| s.timeline(now_ms)).map_err(live_error)
    }

    /// How event delivery to the observer went: calls that returned, calls
    /// that threw, events dropped because the observer fell far behind.
    pub fn delivery_report(&self) -> DeliveryReport {
        self.events.report()
    }

    /// Waits up to `timeout_ms` until the observer has been handed every
    /// event queued so far and returned; true when it has. For tests and for
    /// an app that wants the last events out before it closes the session.
    /// From inside the observer it returns false at once.
    pub fn flush_events(&self, timeout_ms: u32) -> bool {
        self.events
            .wait_idle(std::time::Duration::from_millis(u64::from(timeout_ms)))
    }

    /// Ends event delivery and lets go of the observer: events still queued
    /// are dropped, no observer call starts after this returns (one already
    /// under way finishes), and the app's observer object can be freed. The
    /// session itself stays readable. Idempotent; safe from inside the
    /// observer.
    pub fn close(&self) {
        self.events.close();
    }
}

#[uniffi::export]
impl RunSession {
    /// Starts the run planned on a day (from `Coach.plannedRun`) as a live
    /// session, with the day's cadence target from the plan (none: no
    /// cadence cues).
    #[uniffi::constructor]
    pub fn from_planned_run(
        run: RunPlan,
        settings: Option<RunSettings>,
        observer: Arc<dyn RunObserver>,
    ) -> Result<Arc<Self>, RunSessionError> {
        let mut config = settings.unwrap_or_default().config();
        // The coach's target steps up from the runner's own measured
        // baseline (article 004), so a low one is meant, not a typo.
        config.target_guard.allow_unusual = true;
        Self::with_config(run, config, observer)
    }
}

impl RunSession {
    fn with_config(
        plan: RunPlan,
        config: RunConfig,
        observer: Arc<dyn RunObserver>,
    ) -> Result<Arc<Self>, RunSessionError> {
        let session = core_run::RunSession::new(plan.into(), config).map_err(|e| {
            RunSessionError::InvalidPlan {
                detail: e.to_string(),
            }
        })?;
        Self::start_with(observer, |events| Ok(LiveRun::new(session, events)))
    }

    /// The session with its event pump: `live` makes the live run from
    /// the function that queues its events for the observer.
    pub(super) fn start_with(
        observer: Arc<dyn RunObserver>,
        live: impl FnOnce(
            Box<dyn Fn(Vec<core_run::RunEvent>) + Send + Sync>,
        ) -> Result<LiveRun, RunSessionError>,
    ) -> Result<Arc<Self>, RunSessionError> {
        let events = Arc::new(
            EventPump::start("patella-run-events", move |event| {
                observer.on_event(event);
            })
            .map_err(|e| RunSessionError::DeliveryUnavailable {
                detail: e.to_string(),
            })?,
        );
        let pump = events.clone();
        // Queuing never runs the observer, so inputs return promptly
        // however slow it is, and the observer may call back in.
        let queue: Box<dyn Fn(Vec<core_run::RunEvent>) + Send + Sync> = Box::new(move |batch| {
            pump.send_all(batch.into_iter().map(DeliveredRunEvent::from));
        });
        Ok(Arc::new(Self {
            live: live(queue)?,
            events,
        }))
    }

    /// The session as a sensor sink, for the Rust BLE client. The sink does
    /// not keep the session alive: the app owns it, and freeing it (Kotlin's
    /// `close()`, Swift's last reference) ends delivery even while a sensor
    /// still feeds it; readings for a freed session are let go.
    pub fn as_sample_sink(self: Arc<Self>) -> Arc<dyn SampleSink> {
        Arc::new(SessionSink(Arc::downgrade(&self)))
    }

    /// Waits until the observer has been handed every queued event, or
    /// `limit` passed (Rust tests and benches).
    pub fn wait_delivered(&self, limit: std::time::Duration) -> bool {
        self.events.wait_idle(limit)
    }
}

/// Whoever frees the session last (the app, normally) ends delivery as
/// `close` does, so no event arrives for an observer the app let go of.
impl Drop for RunSession {
    fn drop(&mut self) {
        self.events.close();
    }
}

/// A sink that reaches the session only while the app still holds it.
struct SessionSink(std::sync::Weak<RunSession>);

impl SampleSink for SessionSink {
    fn on_sample(&self, sample: CadenceSample) {
        if let Some(s) = self.0.upgrade() {
            s.on_sample(sample);
        }
    }

    fn on_signal_lost(&self, source_id: &str, at_ms: MonoMs) {
        if let Some(s) = self.0.upgrade() {
            s.on_signal_lost(source_id, at_ms);
        }
    }

    fn on_signal_restored(&self, source_id: &str, at_ms: MonoMs) {
        if let Some(s) = self.0.upgrade() {
            s.on_signal_restored(source_id, at_ms);
        }
    }

    fn on_link(&self, source_id: &str, link: SensorLink, at_ms: MonoMs) {
        if let Some(s) = self.0.upgrade() {
            s.on_link(source_id, link, at_ms);
        }
    }

    fn on_battery(&self, source_id: &str, percent: u8, at_ms: MonoMs) {
        if let Some(s) = self.0.upgrade() {
            s.on_battery(source_id, percent, at_ms);
        }
    }
}

/// Sensor readings arrive here from the BLE client, on its thread: the live
/// run never writes to the record there. Refused readings are counted in
/// the Run screen (`RunScreen::dropped_samples`), not raised: a sensor
/// cannot act on an error.
impl SampleSink for RunSession {
    fn on_sample(&self, sample: CadenceSample) {
        self.live.on_sample(sample);
    }

    fn on_signal_lost(&self, source_id: &str, at_ms: MonoMs) {
        self.live.on_signal_lost(source_id, at_ms);
    }

    fn on_signal_restored(&self, source_id: &str, at_ms: MonoMs) {
        self.live.on_signal_restored(source_id, at_ms);
    }

    fn on_link(&self, source_id: &str, link: SensorLink, at_ms: MonoMs) {
        self.live.on_link(source_id, link, at_ms);
    }

    fn on_battery(&self, source_id: &str, percent: u8, at_ms: MonoMs) {
        self.live.on_battery(source_id, percent, at_ms);
    }
}

/// A live run's refusal as the session's error.
pub(super) fn live_error(e: LiveRunError) -> RunSessionError {
    match e {
        LiveRunError::Run(e) => input_error(e),
        LiveRunError::Poisoned => RunSessionError::Poisoned,
        LiveRunError::UnfinishedRunWaiting { run_id } => {
            RunSessionError::UnfinishedRunWaiting { run_id }
        }
        LiveRunError::NotWritable { reason } => RunSessionError::RecordNotWritable { reason },
        other @ (LiveRunError::NothingToRestore
        | LiveRunError::Unreadable(_)
        | LiveRunError::Writer(_)) => RunSessionError::InvalidInput {
            detail: other.to_string(),
        },
    }
}
