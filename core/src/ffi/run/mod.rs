//! The run session over the FFI: a `RunSession` object the app creates from
//! a run plan, drives with a 1 Hz tick (and pedometer or manual readings),
//! and reads with one `snapshot` (the `RunScreen`) per redraw. Events go to the app's
//! `RunObserver`; sensor readings from the Rust BLE client reach the session
//! through `SampleSink` without crossing the FFI. When a sensor feeds the
//! session, every `now_ms` must come from `monotonic_now_ms()` (see
//! `clock.rs`), the clock the sensor stamps its readings with.
//!
//! The records the session takes and gives are the core's own (`crate::run`,
//! derived for uniffi behind the `ffi` feature); they are re-exported here
//! under the names the apps see. Type names carry a `Run` prefix so they
//! never collide with the records of other areas in the generated Swift and
//! Kotlin; pain types (`RedFlag`, `PainZone`, `PainAction`) are the pain
//! facade's own.
//!
//! - `inputs`: the plan the app sends, and the runner's run settings.
//! - `outputs`: events with their numbers, the error and the observer trait.
//! - `session`: the `RunSession` object and its `SampleSink` side.
//! - `convert`: the mappings from the core that are left.
//! - `finish`: the run's summary, and keeping it in the record across a kill.
//! - `sensor_panel`: the link and battery an app reports for a source it
//!   reads itself, for the Run screen's sensor panel.
//! - `steps`: a reading from the phone's step detector, for runs without a pod.
//! - `samples`: one example of every event and sensor cue.

mod convert;
mod finish;
#[cfg(test)]
mod finish_tests;
mod inputs;
mod outputs;
mod samples;
mod sensor_panel;
mod session;
mod steps;
#[cfg(test)]
mod tests;

pub use finish::*;
pub use inputs::*;
pub use outputs::*;
pub use samples::*;
pub use session::*;
pub use steps::*;

pub use crate::cadence::{
    Metronome as RunMetronomeState, MetronomeMode as RunMetronomeMode, RejectReason,
};
pub use crate::run::{
    RunAlertKind, RunAlertNote, RunAssessment, RunButtons, RunCadenceGauge, RunCadenceState,
    RunCheckInPrompt, RunCue, RunDistanceSource, RunEventKind, RunPromptReason, RunScreen,
    RunSegment, RunSegmentCard, RunSensorPanel, RunSettings, RunStatus, RunStopReason,
    RunStripSegment, RunStripState, RunTimelineEntry, RunTracePoint, RunUrgency,
    SegmentKind as RunSegmentKind,
};
pub use crate::sample::{
    CadenceSample as RunSample, CadenceUnit as RunCadenceUnit, Gait as RunGait,
    SensorLink as RunSensorLink,
};
