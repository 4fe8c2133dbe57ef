//! The monotonic clock the sensor edge stamps samples with. The core never
//! reads time itself: the edge owns a `MonoClock`, and tests inject their own.

use std::time::Instant;

use crate::sample::MonoMs;

/// A monotonic millisecond clock.
pub trait MonoClock: Send + Sync {
    fn now_ms(&self) -> MonoMs;
}

/// The real clock for the Bluetooth edge: milliseconds since it was created.
#[derive(Debug, Clone, Copy)]
pub struct InstantClock {
    origin: Instant,
}

impl InstantClock {
    pub fn new() -> Self {
        Self {
            origin: Instant::now(),
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
