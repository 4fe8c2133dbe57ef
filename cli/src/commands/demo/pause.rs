//! `patella demo --pause-at M:SS`: the demo's clock stops at that point of
//! the session and the dashboard stays up until q, to look at one moment
//! (the screenshot in the README is taken this way).

use std::time::Duration;

use patella_core::run::RunScreen;
use patella_core::sample::MonoMs;

use super::clock::SimPace;
use crate::commands::live::drive::{Pace, Source, Turn};
use crate::output::CliError;

/// The wall time between turns while paused: keys still answer.
const PAUSED_TURN: Duration = Duration::from_millis(100);

/// "6:55" or "415" (seconds) as milliseconds.
pub fn parse(text: &str) -> Result<u64, CliError> {
    let bad = || {
        CliError::Invalid(format!(
            "--pause-at: {text} is not a time into the session such as 6:55 or 415"
        ))
    };
    let seconds = match text.split_once(':') {
        Some((m, s)) => {
            let m: u64 = m.trim().parse().map_err(|_| bad())?;
            let s: u64 = s.trim().parse().map_err(|_| bad())?;
            if s >= 60 {
                return Err(bad());
            }
            m.checked_mul(60)
                .and_then(|m| m.checked_add(s))
                .ok_or_else(bad)?
        }
        None => text.trim().parse().map_err(|_| bad())?,
    };
    seconds.checked_mul(1_000).ok_or_else(bad)
}

/// The demo's pace, holding still from `at_ms`.
pub struct PausingPace {
    pub inner: SimPace,
    pub at_ms: Option<MonoMs>,
}

impl Pace for PausingPace {
    fn now_ms(&self) -> MonoMs {
        self.inner.now_ms()
    }

    fn next_turn(&mut self) -> Duration {
        match self.at_ms {
            Some(at) if self.inner.now_ms() >= at => PAUSED_TURN,
            _ => self.inner.next_turn(),
        }
    }
}

/// The demo's source, saying once that the clock has stopped.
pub struct PausingSource<S> {
    pub inner: S,
    pub at_ms: Option<MonoMs>,
    pub told: bool,
}

impl<S: Source> Source for PausingSource<S> {
    fn turn(&mut self, now_ms: MonoMs, screen: &RunScreen) -> Result<Turn, CliError> {
        match self.at_ms {
            Some(at) if now_ms >= at => {
                if self.told {
                    return Ok(Turn::default());
                }
                self.told = true;
                Ok(Turn {
                    note: Some("Demo paused here (--pause-at): press q to finish.".to_owned()),
                    check_in: None,
                })
            }
            _ => self.inner.turn(now_ms, screen),
        }
    }

    fn stop(&mut self) {
        self.inner.stop();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_into_the_session() {
        assert_eq!(parse("6:55").unwrap(), 415_000);
        assert_eq!(parse("415").unwrap(), 415_000);
        assert!(parse("6:75").is_err());
        assert!(parse("soon").is_err());
    }
}
