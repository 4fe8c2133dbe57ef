//! The screens across the FFI: one record per screen, read with one call,
//! carrying display-ready values built by `crate::screens`. The records are
//! the core's own (they derive their FFI records there) and derive
//! `serde::Serialize` for the golden screen files (`tests/fixtures/screens/`),
//! which the Swift and Kotlin model tests match.
//!
//! - `today`: `Coach.todayScreen(date)`
//! - `check_in`: `checkInScreen(moment)`
//! - `plan`: `Coach.planScreen(date, weeks)`
//! - `progress`: `RecordStore.progressScreen(today)`
//! - `settings`: `RecordStore.settings()` / `saveSettings(..)` /
//!   `settingsScreen()` and the paired sensor
//! - `reminders`: `Coach.reminders(now)`

mod check_in;
mod plan;
mod progress;
mod reminders;
mod settings;
mod today;

pub use crate::screens::settings::SettingsScreen;
pub use check_in::check_in_screen;
pub use settings::{AppSettings, DistanceUnitChoice, PairedSensorRecord};
