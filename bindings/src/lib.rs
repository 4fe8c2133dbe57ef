//! The uniffi facade over `patella-core`.
//!
//! - [`run`]: the live run session object, its observer and records.
uniffi::setup_scaffolding!();

pub mod run;
