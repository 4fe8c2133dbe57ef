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
use super::view::{RunStatus, RunView};
use crate::sample::CadenceUnit;

/// Tick period of the replay, like the app's 1 Hz timer.
pub const TICK_MS: u64 = 1_000;

/// A reading the session refused, with its trace line.
#[derive(Debug, Clone, PartialEq)]
pub struct RefusedRow {
    pub line: usize,
    pub error: RunError,
}

/// Readings the replay did not play because the session had already ended
/// (the plan was over): the caller says so rather than drop them quietly.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PastEnd {
    /// How many readings came after the end.
    pub rows: usize,
    /// The trace line of the first of them.
    pub first_line: usize,
    /// How long the session lasted, ms from its start.
    pub session_ms: u64,
}

/// What a replay produced.
#[derive(Debug, Clone)]
pub struct Replay {
    pub events: Vec<RunEvent>,
    pub refused: Vec<RefusedRow>,
    /// Readings left over when the session ended; `None` if every reading
    /// fell within it.
    pub past_end: Option<PastEnd>,
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
            past_end: None,
            final_view,
        });
    };
    let origin = first.sample.at_ms;
    events.extend(session.start(origin));
    let mut next_tick = origin.saturating_add(TICK_MS);
    let mut latest = origin;
    let mut past_end: Option<PastEnd> = None;
    for row in rows {
        // Ticks stop with the session: a plan is at most a day long, so a
        // trace whose times leap (even to the end of the clock) cannot make
        // this loop run on.
        while session.status() == RunStatus::Running && next_tick < row.sample.at_ms {
            events.extend(session.tick(next_tick)?);
            latest = next_tick;
            next_tick = next_tick.saturating_add(TICK_MS);
        }
        match session.push_sample(&row.sample) {
            Ok(produced) => {
                latest = latest.max(row.sample.at_ms);
                events.extend(produced);
                // A session that is no longer running took nothing from
                // this reading (it ended before, or on reaching it).
                if session.status() != RunStatus::Running {
                    let left = past_end.get_or_insert(PastEnd {
                        rows: 0,
                        first_line: row.line,
                        session_ms: 0,
                    });
                    left.rows += 1;
                }
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
    while session.status() == RunStatus::Running && at < end {
        at = at.saturating_add(TICK_MS);
        events.extend(session.tick(at)?);
    }
    let final_view = session.snapshot(at);
    if let Some(left) = past_end.as_mut() {
        left.session_ms = final_view.total_ms;
    }
    Ok(Replay {
        events,
        refused,
        past_end,
        final_view,
    })
}
