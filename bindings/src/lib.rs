//! `patella-ffi`: the library the iOS and Android apps load.
//!
//! A thin cdylib. The facade lives in `patella-core` behind its `ffi`
//! feature (`core/src/ffi/`), next to the types it exports, so the bindings
//! derive from the core's own types and there is one uniffi namespace,
//! `patella_ffi`: one Swift module (`import Patella`) and one Kotlin package
//! (`app.patella.core`). This crate re-exports it and adds what only a
//! shared library needs: Android's `JNI_OnLoad`.

// Data from outside (the app, files, the radio) must never panic the process.
#![deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

pub use patella_core::ffi::*;

mod android;
