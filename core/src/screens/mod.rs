//! The screens an app draws, built by the core as display-ready records:
//! every label, time, dose, zone token, enabled button and empty state is
//! decided here, so the Swift and Kotlin shells only map fields to views.
//! Each builder is a pure function of the record and the date or time it is
//! given; `format` words everything once, and the CLI's plan text
//! (`plan_text`) is the same wording the Plan screen carries.

pub mod check_in;
pub mod format;
pub mod plan;
pub mod plan_text;
pub mod progress;
pub mod reminders;
pub mod settings;
pub mod today;
