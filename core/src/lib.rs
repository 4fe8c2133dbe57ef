//! Patella's domain core: everything the app does, with no UI; the FFI facade
//! sits at its edge behind the `ffi` feature.
//!
//! The core is deterministic. It never reads the clock: wall-clock dates and
//! monotonic milliseconds come in as arguments. Disk and radio access sit at
//! the edges behind small traits (`store`, `sensor`), so a test can replay
//! hours of a run in microseconds and any bug can be reproduced from its
//! inputs.
//!
//! Module map (see ARCHITECTURE.md for the flows between them):
//! - [`calendar`]: the range of dates Patella accepts, asked by store, coach and FFI.
//! - [`cadence`]: cadence coaching: units, plausibility, smoothing, target, alerts, overstride, metronome.
//! - [`coach`]: the runner profile, the exercise catalogue, and knee-safe plans
//!   recomputed from the runner's history.
//! - [`export`]: CSV, TCX and the JSON backup.
//! - [`journal`]: the only way a runner's action reaches the record: entries,
//!   keeping a run, the live run and its checkpoint.
//! - `ffi` (feature `ffi`): the uniffi facade the apps call; nothing else imports it.
//! - [`file_read`]: opening outside files only if regular, reading them up to a cap.
//! - [`moment`]: local moments the runner enters (check-ins, clinician visits), read one way.
//! - [`pain`]: the pain buffer zone: check-ins and their assessment.
//! - [`progress`]: chart views over the record (pain, volume, cadence, streaks).
//! - [`run`]: the live run session engine, its events and view, trace replay.
//! - [`sample`]: the cadence sample every source (sensor, pedometer, manual) produces.
//! - [`sensor`]: the RSC foot pod: protocol parser, connection supervisor, btleplug client.
//! - [`settings`]: the runner's app settings, which the store keeps and the run and screens read.
//! - [`store`]: the crash-safe record of check-ins, runs, sessions, profile and settings.
//! - [`words`]: durations, clock times, cadences and bands in words, once (a leaf).

// Data from outside (the app, files, the radio) must never panic the process.
#![deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

// One uniffi namespace for the whole library, named as the cdylib is, so the
// generated files stay `patella_ffi.swift` / `patella_ffi.kt`.
#[cfg(feature = "ffi")]
uniffi::setup_scaffolding!("patella_ffi");

pub mod cadence;
pub mod calendar;
pub mod coach;
pub mod export;
#[cfg(feature = "ffi")]
pub mod ffi;
pub mod file_read;
pub mod journal;
pub mod moment;
pub mod pain;
pub mod progress;
pub mod run;
pub mod sample;
pub mod screens;
pub mod sensor;
pub mod settings;
pub mod store;
pub mod words;
