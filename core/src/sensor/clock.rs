//! The monotonic clock the sensor edge stamps samples with. The core never
//! reads time itself: the edge owns a `MonoClock`, and tests inject their own.
//!
//! A run goes on while the phone sleeps in a pocket, so this clock must keep
//! counting through sleep (see "Whose clock" in `run/session.rs`). Rust's
//! `Instant` does not: it reads `CLOCK_MONOTONIC` on Linux and Android and
//! `CLOCK_UPTIME_RAW` on Apple systems, both paused while the device sleeps.
//! So where the platform has one, the sleep-counting clock is read directly:
//! `CLOCK_BOOTTIME` on Linux and Android (what `SystemClock.elapsedRealtime`
//! reads) and `CLOCK_MONOTONIC` on Apple systems (which, unlike Linux's,
//! keeps counting while asleep, as `ContinuousClock` does). Elsewhere (a
//! desktop build for tests) `Instant` stands in.

use std::time::Duration;

use once_cell::sync::Lazy;

use crate::sample::MonoMs;

/// The sleep-counting platform clock, from an arbitrary zero.
#[cfg(any(target_os = "linux", target_os = "android"))]
fn platform_now() -> Duration {
    timespec_duration(rustix::time::clock_gettime(rustix::time::ClockId::Boottime))
}

#[cfg(target_vendor = "apple")]
fn platform_now() -> Duration {
    timespec_duration(rustix::time::clock_gettime(
        rustix::time::ClockId::Monotonic,
    ))
}

#[cfg(any(target_os = "linux", target_os = "android", target_vendor = "apple"))]
fn timespec_duration(ts: rustix::time::Timespec) -> Duration {
    let secs = u64::try_from(ts.tv_sec).unwrap_or(0);
    let nanos = u32::try_from(ts.tv_nsec).unwrap_or(0);
    Duration::new(secs, nanos)
}

#[cfg(not(any(target_os = "linux", target_os = "android", target_vendor = "apple")))]
fn platform_now() -> Duration {
    static START: Lazy<std::time::Instant> = Lazy::new(std::time::Instant::now);
    START.elapsed()
}

/// One origin for the whole process, so that readings stamped by the sensor
/// edge and the times the app passes to a run session count from the same
/// zero (the app reads it through the FFI's `monotonic_now_ms`).
static PROCESS_ORIGIN: Lazy<Duration> = Lazy::new(platform_now);

/// Milliseconds since the process origin, sleep included: the time base the
/// apps use to drive a run session that a sensor feeds.
pub fn process_now_ms() -> MonoMs {
    let elapsed = platform_now().saturating_sub(*PROCESS_ORIGIN);
    u64::try_from(elapsed.as_millis()).unwrap_or(u64::MAX)
}

/// A monotonic millisecond clock.
pub trait MonoClock: Send + Sync {
    fn now_ms(&self) -> MonoMs;
}

/// The real clock for the Bluetooth edge: `process_now_ms`, shared by every
/// `InstantClock` in the process (the name predates the sleep-counting
/// clock; it no longer reads `Instant` where the platform has better).
#[derive(Debug, Clone, Copy, Default)]
pub struct InstantClock {
    _shared: (),
}

impl InstantClock {
    pub fn new() -> Self {
        Self { _shared: () }
    }
}

impl MonoClock for InstantClock {
    fn now_ms(&self) -> MonoMs {
        process_now_ms()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_clock_in_the_process_counts_from_the_same_zero() {
        let first = InstantClock::new();
        std::thread::sleep(std::time::Duration::from_millis(20));
        let later = InstantClock::new();
        let (a, b, p) = (first.now_ms(), later.now_ms(), process_now_ms());
        assert!(a.abs_diff(b) <= 5 && b.abs_diff(p) <= 5, "{a} {b} {p}");
    }
}
