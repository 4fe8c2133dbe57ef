//! The supervisor's tunables. RSC gives no numbers for any of them; each
//! default below is the project's choice, sized for a foot pod that notifies
//! about once a second.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SupervisorConfig {
    /// Wait before the first reconnect attempt after a loss (project's choice: 500 ms).
    pub backoff_initial_ms: u64,
    /// Each further attempt waits this many times longer (project's choice: 2).
    pub backoff_factor: u32,
    /// The wait never grows past this (project's choice: 8 s, so a sensor
    /// back in range is picked up within seconds even late in a long run).
    pub backoff_max_ms: u64,
    /// Attempts per outage before giving up; `None` (the default) keeps
    /// trying for the whole run, because a run outlives most drop-outs.
    pub max_attempts: Option<u32>,
    /// Connected with no measurement for this long means "silent"
    /// (project's choice: 3 s, three missed 1 Hz notifications).
    pub data_timeout_ms: u64,
    /// Silent for this long more forces a disconnect and a fresh connection,
    /// which cures a stream that flat-lines (project's choice: 5 s).
    pub silent_reconnect_after_ms: u64,
    /// Battery at or below this percentage raises one warning (project's choice: 15 %).
    pub low_battery_percent: u8,
    /// The warning re-arms once the level climbs this far above the
    /// threshold (project's choice: 5 points), so a level that wobbles
    /// around the threshold does not nag.
    pub low_battery_rearm_margin: u8,
}

impl Default for SupervisorConfig {
    fn default() -> Self {
        Self {
            backoff_initial_ms: 500,
            backoff_factor: 2,
            backoff_max_ms: 8_000,
            max_attempts: None,
            data_timeout_ms: 3_000,
            silent_reconnect_after_ms: 5_000,
            low_battery_percent: 15,
            low_battery_rearm_margin: 5,
        }
    }
}

impl SupervisorConfig {
    /// The wait before attempt number `attempt` (2 = the first retry after
    /// a failed attempt; a fresh outage starts at 1).
    pub fn backoff_ms(&self, attempt: u32) -> u64 {
        let exponent = attempt.saturating_sub(1);
        let factor = u64::from(self.backoff_factor.max(1));
        let mut delay = self.backoff_initial_ms;
        for _ in 0..exponent {
            delay = delay.saturating_mul(factor);
            if delay >= self.backoff_max_ms {
                return self.backoff_max_ms;
            }
        }
        delay.min(self.backoff_max_ms)
    }
}
