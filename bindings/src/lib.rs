//! The uniffi facade over `patella-core`.
uniffi::setup_scaffolding!();

pub mod store;
pub mod store_progress;
