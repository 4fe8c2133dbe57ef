//! The time base shared by the app and the library.
//!
//! A run session takes monotonic milliseconds from the app, while the Rust
//! sensor client stamps the readings it feeds into that session itself. Both
//! must count from the same zero, so the app reads its `now_ms` here rather
//! than from its platform clock whenever a sensor feeds the session.

/// Milliseconds on the library's monotonic clock, which keeps counting while
/// the phone sleeps (Android's boot-time clock, iOS's continuous clock; see
/// `crate::sensor::clock`). Pass this as `now_ms` to `RunSession`
/// calls, and as `at_ms` of pedometer readings.
#[uniffi::export]
pub fn monotonic_now_ms() -> u64 {
    crate::sensor::clock::process_now_ms()
}
