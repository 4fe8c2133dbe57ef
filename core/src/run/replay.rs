//! Replaying a recorded trace through a session, as the app would drive it
//! live: the session starts at the first reading, a 1 Hz tick runs between
//! readings, and ticking goes on after the last reading until the plan ends.
//! The same trace and plan always give the same events.

use super::config::RunConfig;
use super::error::RunError;
use super::event::RunEvent;
use super::plan::SessionPlan;
use super::session::RunSession;
use super::trace::TraceRow;
use super::view::{RunView, SessionStatus};
use crate::sample::CadenceUnit;

/// Tick period of the replay, like the app's 1 Hz timer.
pub const TICK_MS: u64 = 1_000;

/// A reading the session refused, with its trace line.
#[derive(Debug, Clone, PartialEq)]
pub struct RefusedRow {
    pub line: usize,
    pub error: RunError,
}

/// What a replay produced.
#[derive(Debug, Clone)]
pub struct Replay {
    pub events: Vec<RunEvent>,
    pub refused: Vec<RefusedRow>,
    pub final_view: RunView,
}

/// Replays `rows` through a new session for `plan`.
pub fn replay(rows: &[TraceRow], plan: SessionPlan, config: RunConfig) -> Result<Replay, RunError> {
    replay_with_units(rows, plan, config, &[])
}

/// Like [`replay`], with the runner's unit overrides per source id set
/// before the first reading.
pub fn replay_with_units(
    rows: &[TraceRow],
    plan: SessionPlan,
    config: RunConfig,
    unit_overrides: &[(String, CadenceUnit)],
) -> Result<Replay, RunError> {
    let mut session = RunSession::new(plan, config)?;
    for (source_id, unit) in unit_overrides {
        session.set_unit_override(source_id, Some(*unit))?;
    }
    let mut events = Vec::new();
    let mut refused = Vec::new();
    let Some(first) = rows.first() else {
        let final_view = session.snapshot(0);
        return Ok(Replay {
            events,
            refused,
            final_view,
        });
    };
    let origin = first.sample.at_ms;
    events.extend(session.start(origin));
    let mut next_tick = origin.saturating_add(TICK_MS);
    let mut latest = origin;
    for row in rows {
        // Ticks stop with the session: a plan is at most a day long, so a
        // trace whose times leap (even to the end of the clock) cannot make
        // this loop run on.
        while session.status() == SessionStatus::Running && next_tick < row.sample.at_ms {
            events.extend(session.tick(next_tick)?);
            latest = next_tick;
            next_tick = next_tick.saturating_add(TICK_MS);
        }
        match session.push_sample(&row.sample) {
            Ok(produced) => {
                latest = latest.max(row.sample.at_ms);
                events.extend(produced);
            }
            Err(error) => refused.push(RefusedRow {
                line: row.line,
                error,
            }),
        }
    }
    // Tick on to the end of the plan (pauses cannot occur in a replay, so
    // the plan's length bounds this loop).
    let end = origin
        .saturating_add(session.snapshot(latest).total_ms)
        .saturating_add(TICK_MS);
    let mut at = latest.max(next_tick.saturating_sub(TICK_MS));
    while session.status() == SessionStatus::Running && at < end {
        at = at.saturating_add(TICK_MS);
        events.extend(session.tick(at)?);
    }
    let final_view = session.snapshot(at);
    Ok(Replay {
        events,
        refused,
        final_view,
    })
}
