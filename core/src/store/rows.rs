//! How each record becomes a row: its JSON, plus the columns the
//! database checks and orders by (see `schema`). Every write of the store,
//! the legacy migration's included, goes through these, so a record is
//! laid out one way only.

use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;
use serde_json::Value;

use super::records::{CadencePoint, Outcome, RunRecord, SessionRecord};
use crate::pain::CheckIn;

/// The documents' names in the `documents` table.
pub const PROFILE: &str = "profile";
pub const SETTINGS: &str = "settings";
pub const PAIRED_SENSOR: &str = "paired_sensor";

/// A date and time as the database compares it, `YYYY-MM-DDTHH:MM:SS`
/// (with a fraction of a second when there is one).
fn date_time_text(at: NaiveDateTime) -> String {
    at.format("%Y-%m-%dT%H:%M:%S%.f").to_string()
}

fn date_text(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

fn json<T: Serialize>(record: &T) -> rusqlite::Result<String> {
    serde_json::to_string(record).map_err(|e| rusqlite::Error::ToSqlConversionFailure(e.into()))
}

/// Appends a check-in, taken during `run_id` when kept with that run.
pub fn insert_check_in(
    conn: &Connection,
    check_in: &CheckIn,
    run_id: Option<&str>,
) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "INSERT INTO check_ins (taken_at, score, run_id, json) VALUES (?1, ?2, ?3, ?4)",
    )?
    .execute(params![
        date_time_text(check_in.taken_at),
        check_in.score,
        run_id,
        json(check_in)?
    ])?;
    Ok(())
}

/// Appends a run, after every run already there: the run as JSON without
/// its cadence trace, and the trace packed.
pub fn insert_run(conn: &Connection, run: &RunRecord) -> rusqlite::Result<()> {
    let without_trace = RunRecord {
        cadence_trace: Vec::new(),
        ..run.clone()
    };
    conn.prepare_cached(
        "INSERT INTO runs (id, seq, started_at, duration_s, distance_m, json, trace) \
         VALUES (?1, (SELECT coalesce(max(seq), 0) + 1 FROM runs), ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![
        run.id,
        date_time_text(run.started_at),
        run.duration_s,
        run.distance_m,
        json(&without_trace)?,
        trace_bytes(&run.cadence_trace)
    ])?;
    Ok(())
}

/// Bytes a point of a packed cadence trace takes.
const POINT_BYTES: usize = 12;

/// A cadence trace packed for the `trace` column: per point its second
/// (`u32`) then its steps per minute (`f64`), little-endian; every bit of
/// the value kept.
pub fn trace_bytes(trace: &[CadencePoint]) -> Vec<u8> {
    let mut out = Vec::with_capacity(trace.len() * POINT_BYTES);
    for p in trace {
        out.extend_from_slice(&p.at_s.to_le_bytes());
        out.extend_from_slice(&p.steps_per_min.to_le_bytes());
    }
    out
}

/// A cadence trace from its packed bytes.
pub fn trace_from_bytes(bytes: &[u8]) -> Result<Vec<CadencePoint>, String> {
    if !bytes.len().is_multiple_of(POINT_BYTES) {
        return Err(format!(
            "cadence trace: {} bytes is not whole points",
            bytes.len()
        ));
    }
    Ok(bytes
        .chunks_exact(POINT_BYTES)
        .map(|c| {
            let (at, spm) = c.split_at(4);
            CadencePoint {
                at_s: u32::from_le_bytes(at.try_into().unwrap_or_default()),
                steps_per_min: f64::from_le_bytes(spm.try_into().unwrap_or_default()),
            }
        })
        .collect())
}

/// Appends a session outcome, fulfilled by `run_id` when kept with that run.
pub fn insert_session(
    conn: &Connection,
    session: &SessionRecord,
    run_id: Option<&str>,
) -> rusqlite::Result<()> {
    let outcome = match session.outcome {
        Outcome::Done => "done",
        Outcome::Skipped => "skipped",
    };
    conn.prepare_cached(
        "INSERT INTO sessions (date, session_id, outcome, run_id, json) \
         VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute(params![
        date_text(session.date),
        session.session_id,
        outcome,
        run_id,
        json(session)?
    ])?;
    Ok(())
}

/// Replaces the document `name`, or with `None` removes it.
pub fn put_document<T: Serialize>(
    conn: &Connection,
    name: &str,
    value: Option<&T>,
) -> rusqlite::Result<()> {
    match value {
        Some(value) => conn
            .prepare_cached("INSERT OR REPLACE INTO documents (name, json) VALUES (?1, ?2)")?
            .execute(params![name, json(value)?])?,
        None => conn
            .prepare_cached("DELETE FROM documents WHERE name = ?1")?
            .execute([name])?,
    };
    Ok(())
}

/// Replaces the live run's checkpoint, or with `None` removes it.
pub fn put_live_run(conn: &Connection, checkpoint: Option<&Value>) -> rusqlite::Result<()> {
    match checkpoint {
        Some(value) => conn
            .prepare_cached("INSERT OR REPLACE INTO live_run (id, json) VALUES (1, ?1)")?
            .execute([json(value)?])?,
        None => conn
            .prepare_cached("DELETE FROM live_run WHERE id = 1")?
            .execute([])?,
    };
    Ok(())
}

/// Moves the live run's row, as stored, to `set_aside_checkpoints`.
pub fn set_aside_live_run(conn: &Connection, reason: &str) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO set_aside_checkpoints (reason, json) SELECT ?1, json FROM live_run",
        [reason],
    )?;
    conn.execute("DELETE FROM live_run", [])?;
    Ok(())
}

pub fn set_aside_count(conn: &Connection) -> rusqlite::Result<usize> {
    conn.query_row("SELECT count(*) FROM set_aside_checkpoints", [], |row| {
        row.get::<_, i64>(0)
    })
    .map(|n| usize::try_from(n).unwrap_or(0))
}

/// A fact about the database (`meta`), if set.
pub fn meta(conn: &Connection, key: &str) -> rusqlite::Result<Option<String>> {
    conn.query_row("SELECT value FROM meta WHERE key = ?1", [key], |row| {
        row.get(0)
    })
    .optional()
}

pub fn set_meta(conn: &Connection, key: &str, value: &str) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT OR REPLACE INTO meta (key, value) VALUES (?1, ?2)",
        [key, value],
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_packed_trace_reads_back_bit_for_bit() {
        let trace = vec![
            CadencePoint {
                at_s: 0,
                steps_per_min: 171.3,
            },
            CadencePoint {
                at_s: u32::MAX,
                steps_per_min: 0.1 + 0.2,
            },
        ];
        let bytes = trace_bytes(&trace);
        assert_eq!(bytes.len(), 24);
        assert_eq!(trace_from_bytes(&bytes), Ok(trace));
        assert!(trace_from_bytes(&bytes[..23]).is_err());
    }
}
