//! The uniffi facade over `patella-core`.
uniffi::setup_scaffolding!();

pub mod store;
