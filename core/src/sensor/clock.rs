//! The monotonic clock the sensor edge stamps samples with. The core never
//! reads time itself: the edge owns a `MonoClock`, and tests inject their own.

use std::time::Instant;

use once_cell::sync::Lazy;

use crate::sample::MonoMs;

/// One origin for the whole process, so that readings stamped by the sensor
/// edge and the times the app passes to a run session count from the same
/// zero (the app reads it through the FFI's `monotonic_now_ms`).
static PROCESS_ORIGIN: Lazy<Instant> = Lazy::new(Instant::now);

/// Milliseconds since the process origin: the time base the apps use to drive
/// a run session that a sensor feeds.
pub fn process_now_ms() -> MonoMs {
    u64::try_from(PROCESS_ORIGIN.elapsed().as_millis()).unwrap_or(u64::MAX)
}

/// A monotonic millisecond clock.
pub trait MonoClock: Send + Sync {
    fn now_ms(&self) -> MonoMs;
}

/// The real clock for the Bluetooth edge: milliseconds since the process
/// origin, shared by every `InstantClock` in the process.
#[derive(Debug, Clone, Copy)]
pub struct InstantClock {
    origin: Instant,
}

impl InstantClock {
    pub fn new() -> Self {
        Self {
            origin: *PROCESS_ORIGIN,
        }
    }
}

impl Default for InstantClock {
    fn default() -> Self {
        Self::new()
    }
}

impl MonoClock for InstantClock {
    fn now_ms(&self) -> MonoMs {
        u64::try_from(self.origin.elapsed().as_millis()).unwrap_or(u64::MAX)
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
