//! The uniffi facade that the iOS and Android apps call, built only with the
//! `ffi` feature (the `patella-ffi` cdylib turns it on; the CLI never does).
//!
//! This module holds no behaviour of its own; domain modules never import it
//! (`core/tests/ffi_stays_at_the_edge.rs`). Its objects return the core's own
//! records (they derive their uniffi records behind the same feature), read
//! the input records whose refusals name a field, turn core errors into one
//! typed error per area, and deliver events to the apps' observers from a
//! Rust thread. No
//! panic crosses the boundary: every exported call returns a value or a typed
//! error.
//!
//! Modules:
//! - [`coach`]: the runner profile, the run planned on a day, check-ins with
//!   their plan changes, and session outcomes.
//! - [`pain`]: the pain check-in the app fills in.
//! - [`clock`]: the monotonic time base the app shares with the sensor client.
//! - [`events`]: the background thread that delivers events to a foreign observer.
//! - [`dates`]: ISO-8601 dates and times as they cross the FFI.
//! - `custom_types`: the core's `NaiveDate` and `NaiveDateTime` as those strings,
//!   so core records holding them derive their FFI records.
//! - [`run`]: the live run session object, its observer and records.
//! - [`screens`]: the calls that read each screen (Today, Check-in, Plan,
//!   Progress, Settings) and the reminder schedule; the records are the core's.
//! - [`sensor`]: the BLE sensor client object and its observer.
//! - `wall_clock`: the local time now, read where a check-in enters (a seam tests fix).

pub mod clock;
pub mod coach;
mod custom_types;
pub mod dates;
pub mod events;
pub mod pain;
pub mod run;
pub mod screens;
pub mod sensor;
pub mod store;
mod wall_clock;

#[cfg(test)]
mod ahead_of_now_tests;
