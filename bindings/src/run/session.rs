//! The `RunSession` object: one live run, driven by the app and, inside Rust,
//! by the sensor client through `SampleSink`.

use std::collections::VecDeque;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};

use patella_core::run::{self as core_run, RunConfig};
use patella_core::sample::{CadenceSample, CadenceUnit, MonoMs, SampleSink};

use super::*;

use super::convert::*;

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
        Self::with_config(plan, config, observer)
    }

    pub fn start(&self, now_ms: u64) -> Result<(), RunSessionError> {
        self.drive(|s| Ok(s.start(now_ms)))
    }

    pub fn tick(&self, now_ms: u64) -> Result<(), RunSessionError> {
        self.drive(|s| s.tick(now_ms))
    }

    /// A pedometer or manual reading, stamped with `monotonic_now_ms()`.
    /// Refused (`InvalidInput`, nothing changed) when stamped more than 5 s
    /// ahead of the session or 2 s behind it; readings sharing a millisecond
    /// are all kept. Every other call stamped behind the session's time is
    /// taken at the session's time, never refused.
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
    /// the day's cadence target from the plan (none: no cadence cues).
    #[uniffi::constructor]
    pub fn from_planned_run(
        run: crate::coach::PlannedRun,
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
        let mut config = settings.map_or_else(RunConfig::default, config_from);
        // The coach's target steps up from the runner's own measured
        // baseline (article 004), so a low one is meant, not a typo.
        config.target_guard.allow_unusual = true;
        Self::with_config(
            RunPlan {
                segments,
                cadence_target_spm: run.cadence_target_spm.map(f64::from),
            },
            config,
            observer,
        )
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
        Ok(Arc::new(Self {
            state: Mutex::new(session),
            observer,
            queue: Mutex::new(VecDeque::new()),
            delivering: AtomicBool::new(false),
        }))
    }

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
