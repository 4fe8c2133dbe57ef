//! The demo's clock: simulated session time that moves a second per turn,
//! whatever the wall clock does, so the demo's run is the same at any
//! `--speed`; only the wait between turns depends on it.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use patella_core::sample::MonoMs;
use patella_core::sensor::clock::MonoClock;

use crate::commands::live::drive::Pace;

/// Session time the demo moves on; the simulated pod stamps its readings
/// with it, as a phone's sensor client stamps them with the real clock.
#[derive(Debug, Default)]
pub struct SimClock {
    now_ms: AtomicU64,
}

impl MonoClock for SimClock {
    fn now_ms(&self) -> MonoMs {
        self.now_ms.load(Ordering::SeqCst)
    }
}

/// One simulated second per turn, `wall` apart: turns are kept to a
/// schedule from the first one, so the time spent drawing does not slow
/// the demo down.
pub struct SimPace {
    clock: Arc<SimClock>,
    wall: Duration,
    first_turn: Option<Instant>,
    turns: u32,
}

/// Simulated time per turn: the pace of a foot pod's readings.
const TURN_MS: u64 = 1_000;

impl SimPace {
    /// `speed` simulated seconds pass per second of wall time.
    pub fn new(clock: Arc<SimClock>, speed: f64) -> Self {
        let wall = Duration::try_from_secs_f64(1.0 / speed).unwrap_or(Duration::ZERO);
        Self {
            clock,
            wall,
            first_turn: None,
            turns: 0,
        }
    }
}

impl Pace for SimPace {
    fn now_ms(&self) -> MonoMs {
        self.clock.now_ms()
    }

    fn next_turn(&mut self) -> Duration {
        self.clock.now_ms.fetch_add(TURN_MS, Ordering::SeqCst);
        let first = *self.first_turn.get_or_insert_with(Instant::now);
        self.turns = self.turns.saturating_add(1);
        let due = first + self.wall.saturating_mul(self.turns);
        due.saturating_duration_since(Instant::now())
    }
}
