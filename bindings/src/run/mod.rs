//! The run session over the FFI: a `RunSession` object the app creates from
//! a run plan, drives with a 1 Hz tick (and pedometer or manual readings),
//! and reads with one `snapshot` (the `RunScreen`) per redraw. Events go to the app's
//! `RunObserver`; sensor readings from the Rust BLE client reach the session
//! through `SampleSink` without crossing the FFI. When a sensor feeds the
//! session, every `now_ms` must come from `monotonic_now_ms()` (see
//! `clock.rs`), the clock the sensor stamps its readings with.
//!
//! Type names carry a `Run` prefix so they never collide with the records
//! of other areas in the generated Swift and Kotlin; pain types (`RedFlag`,
//! `PainZone`, `PainAction`) are the pain facade's own.
//!
//! - `inputs`: the plan, settings and samples the app sends.
//! - `outputs`: events with their cues, the error and the observer trait.
//! - `screen`: the Run screen record and the timeline of changes ahead.
//! - `session`: the `RunSession` object and its `SampleSink` side.
//! - `convert`: the mappings to and from the core.
//! - `finish`: the run's summary, and keeping it in the record across a kill.
//! - `from_app`: the run settings that follow from the saved app settings.
//! - `steps`: a reading from the phone's step detector, for runs without a pod.

mod convert;
mod finish;
mod from_app;
#[cfg(test)]
mod finish_tests;
mod inputs;
mod outputs;
mod screen;
mod session;
mod steps;
#[cfg(test)]
mod tests;

pub use finish::*;
pub use from_app::run_settings_for;
pub use inputs::*;
pub use outputs::*;
pub use screen::*;
pub use session::*;
pub use steps::*;
