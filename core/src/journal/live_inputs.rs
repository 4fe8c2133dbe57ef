//! The inputs of a [`LiveRun`]: the runner's (answered with [`Saved`] once
//! their checkpoint is in the record), the machine's (readings, ticks,
//! signals: never waiting), and what is read back (the Run screen with its
//! "not saved" warning, the session). The rules are the module doc's of
//! `live_run`.

use super::finished::FinishedRun;
use super::live_run::{LiveRun, LiveRunError, LiveRunState, Mode, Ticket};
use super::saved::Saved;
use super::writer::{Trouble, WriterReport};
use crate::pain::CheckIn;
use crate::run::{RunError, RunEvent, RunScreen, RunSession, RunSessionSummary, format};
use crate::sample::{CadenceSample, MonoMs, SampleSink, SensorLink};

type Input<'a, T> = Box<dyn FnOnce(&mut RunSession) -> Result<(T, Vec<RunEvent>), RunError> + 'a>;

impl LiveRun {
    /// Applies `input` under the lock, hands its events on, and hands a
    /// checkpoint to the writer if one is due; returns what to wait for.
    fn take<T>(&self, input: Input<'_, T>) -> Result<(T, Option<Ticket>, Saved), LiveRunError> {
        let mut inner = self.lock()?;
        let (value, events) = input(&mut inner.session)?;
        let ticket = inner.after_input();
        if !events.is_empty() {
            (self.on_events)(events);
        }
        let standing = inner.standing();
        Ok((value, ticket, standing))
    }

    /// A runner's input: answered once its checkpoint is in the record.
    fn commit<T>(&self, input: Input<'_, T>) -> Result<(T, Saved), LiveRunError> {
        let (value, ticket, standing) = self.take(input)?;
        // The lock is let go: the wait holds up this caller only.
        let saved = ticket.map_or(standing, Ticket::wait);
        Ok((value, saved))
    }

    /// A machine's input: never waits for the record.
    fn feed(
        &self,
        input: impl FnOnce(&mut RunSession) -> Result<Vec<RunEvent>, RunError>,
    ) -> Result<(), LiveRunError> {
        self.take(Box::new(|s| input(s).map(|events| ((), events))))
            .map(|_| ())
    }

    /// Starts the run at `now_ms` (starting twice does nothing).
    pub fn start(&self, now_ms: MonoMs) -> Result<Saved, LiveRunError> {
        self.commit(Box::new(move |s| Ok(((), s.start(now_ms)))))
            .map(|(_, saved)| saved)
    }

    /// The runner pauses.
    pub fn pause(&self, now_ms: MonoMs) -> Result<Saved, LiveRunError> {
        self.commit(Box::new(move |s| s.pause(now_ms).map(|e| ((), e))))
            .map(|(_, saved)| saved)
    }

    /// The runner goes on after a pause.
    pub fn resume(&self, now_ms: MonoMs) -> Result<Saved, LiveRunError> {
        self.commit(Box::new(move |s| s.resume(now_ms).map(|e| ((), e))))
            .map(|(_, saved)| saved)
    }

    /// The runner ends the run early.
    pub fn stop(&self, now_ms: MonoMs) -> Result<Saved, LiveRunError> {
        self.commit(Box::new(move |s| s.stop(now_ms).map(|e| ((), e))))
            .map(|(_, saved)| saved)
    }

    /// A live knee check-in. It takes effect whatever the record says (a
    /// sharp pain stops the run even on a full disk); [`Saved`] says
    /// whether it is in the record.
    pub fn check_in(&self, now_ms: MonoMs, check_in: CheckIn) -> Result<Saved, LiveRunError> {
        self.commit(Box::new(move |s| {
            s.check_in(now_ms, check_in).map(|e| ((), e))
        }))
        .map(|(_, saved)| saved)
    }

    /// Ends the run (a stop by the runner if it is still under way) and
    /// sums it up; its last checkpoint is in the record before this
    /// returns, so a kill before the run is kept loses nothing. A kept run
    /// is noted with its journal, to be kept by id (`Journal::keep_finished`).
    pub fn finish(&self, now_ms: MonoMs) -> Result<(RunSessionSummary, Saved), LiveRunError> {
        let (summary, saved) = self.commit(Box::new(move |s| s.finish(now_ms)))?;
        let mut inner = self.lock()?;
        if let Some(keeping) = inner.keeping.as_mut() {
            // Nothing changes after the end: the writer has done its work.
            let mode = std::mem::replace(&mut keeping.mode, Mode::Declined);
            keeping.mode = match mode {
                Mode::Writing { writer, .. } | Mode::Ended { writer } => Mode::Ended { writer },
                Mode::Declined => Mode::Declined,
            };
            if let (Some(journal), Mode::Ended { .. }) = (&keeping.journal, &keeping.mode) {
                journal.note_finished(FinishedRun {
                    run_id: keeping.who.run_id.clone(),
                    started_at: keeping.who.started_at,
                    summary: summary.clone(),
                });
            }
        }
        Ok((summary, saved))
    }

    /// Moves time on (about once a second).
    pub fn tick(&self, now_ms: MonoMs) -> Result<(), LiveRunError> {
        self.feed(|s| s.tick(now_ms))
    }

    /// A reading from a pedometer, a manual entry or a sensor.
    pub fn push_sample(&self, sample: &CadenceSample) -> Result<(), LiveRunError> {
        self.feed(|s| s.push_sample(sample))
    }

    /// Reads the session under its lock.
    pub fn read<T>(&self, read: impl FnOnce(&RunSession) -> T) -> Result<T, LiveRunError> {
        Ok(read(&self.lock()?.session))
    }

    /// Changes what only the screen shows (a sensor's link or battery, a
    /// unit override): nothing the checkpoint holds.
    pub fn adjust<T>(&self, adjust: impl FnOnce(&mut RunSession) -> T) -> Result<T, LiveRunError> {
        Ok(adjust(&mut self.lock()?.session))
    }

    /// The Run screen at `now_ms`, with the warning while what the runner
    /// entered is not safe in the record.
    pub fn screen(&self, now_ms: MonoMs) -> Result<RunScreen, LiveRunError> {
        let inner = self.lock()?;
        let mut screen = inner.session.screen(now_ms);
        screen.not_saved = warning(&inner);
        Ok(screen)
    }

    /// What the checkpoint writer has done; none for a run not kept.
    pub fn checkpoints(&self) -> Option<WriterReport> {
        self.lock().ok()?.writer().map(|w| w.report())
    }
}

/// The Run screen's warning: a run the runner chose not to keep says so; a
/// kept run, while its latest checkpoint is not in the record. A run never
/// kept (a preview) says nothing.
fn warning(inner: &LiveRunState) -> Option<String> {
    let keeping = inner.keeping.as_ref()?;
    match &keeping.mode {
        Mode::Declined => Some(format::NOT_KEPT.to_owned()),
        Mode::Writing { writer, .. } | Mode::Ended { writer } => match writer.trouble()? {
            Trouble::Failed(reason) => Some(format::not_saved(&reason)),
            Trouble::Late => Saved::late().warning(),
        },
    }
}

/// A sensor feeds the run here, on its own thread: nothing waits, and no
/// checkpoint is written on that thread.
impl SampleSink for LiveRun {
    fn on_sample(&self, sample: CadenceSample) {
        // A refused reading is counted by the session itself (the
        // screen's `dropped_samples`); a sensor cannot act on the error.
        let _ = self.push_sample(&sample);
    }

    fn on_signal_lost(&self, source_id: &str, at_ms: MonoMs) {
        let _ = self.feed(|s| s.signal_lost(source_id, at_ms));
    }

    fn on_signal_restored(&self, source_id: &str, at_ms: MonoMs) {
        let _ = self.feed(|s| s.signal_restored(source_id, at_ms));
    }

    fn on_link(&self, source_id: &str, link: SensorLink, _at_ms: MonoMs) {
        let _ = self.adjust(|s| s.sensor_link(source_id, link));
    }

    fn on_battery(&self, source_id: &str, percent: u8, _at_ms: MonoMs) {
        let _ = self.adjust(|s| s.sensor_battery(source_id, percent));
    }
}
