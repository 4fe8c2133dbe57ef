//! Reading the whole record out of the database when the store opens, in
//! the order it was written (`seq`), each record checked on the way out as
//! on the way in (dates in range included).
//!
//! A row that does not read back (hand-edited, or written by a build with
//! a bug) is left out with a [`StoreWarning`], and left in the database:
//! nothing is deleted, and the rest of the record opens.

use std::path::Path;

use rusqlite::{Connection, Row};
use serde_json::Value;

use super::error::from_sqlite;
use super::error::{RecordStoreError, StoreWarning};
use super::folder::DB_FILE;
use super::persisted::Persisted;
use super::record_set::Records;
use super::records::RunRecord;
use super::rows;

/// What the database holds.
pub struct Loaded {
    pub records: Records,
    /// The live run's checkpoint, or why it does not read back.
    pub checkpoint: Result<Option<Value>, String>,
    pub warnings: Vec<StoreWarning>,
}

/// Reads every table of the database at `db`.
pub fn load(conn: &Connection, db: &Path) -> Result<Loaded, RecordStoreError> {
    let mut warnings = Vec::new();
    let mut records = Records {
        check_ins: table(conn, db, "check_ins", "", &mut warnings, |_, _| Ok(()))?,
        runs: table(
            conn,
            db,
            "runs",
            ", trace",
            &mut warnings,
            |run: &mut RunRecord, row| {
                let bytes = row.get_ref(2).and_then(|v| Ok(v.as_blob()?));
                run.cadence_trace = rows::trace_from_bytes(bytes.map_err(|e| e.to_string())?)?;
                Ok(())
            },
        )?,
        sessions: table(conn, db, "sessions", "", &mut warnings, |_, _| Ok(()))?,
        ..Records::default()
    };
    let fail = from_sqlite(db, "reading the record");
    let mut documents = conn
        .prepare("SELECT name, json FROM documents ORDER BY name")
        .map_err(&fail)?;
    let mut found = documents.query([]).map_err(&fail)?;
    while let Some(row) = found.next().map_err(&fail)? {
        let name: String = row.get(0).map_err(&fail)?;
        let json: String = row.get(1).map_err(&fail)?;
        let mut bad = |reason: String| {
            warnings.push(StoreWarning::DamagedRecords {
                file: format!("{DB_FILE} (documents: {name})"),
                lines: vec![1],
                reasons: vec![reason],
                kept_in: db.to_path_buf(),
            })
        };
        match name.as_str() {
            rows::PROFILE => match decode(&json) {
                Ok(v) => records.profile = Some(v),
                Err(reason) => bad(reason),
            },
            rows::SETTINGS => match decode(&json) {
                Ok(v) => records.settings = v,
                Err(reason) => bad(reason),
            },
            rows::PAIRED_SENSOR => match decode(&json) {
                Ok(v) => records.paired_sensor = Some(v),
                Err(reason) => bad(reason),
            },
            _ => {}
        }
    }
    let checkpoint = conn
        .query_row("SELECT json FROM live_run WHERE id = 1", [], |row| {
            row.get::<_, String>(0)
        })
        .map(Some)
        .or_else(|e| match e {
            rusqlite::Error::QueryReturnedNoRows => Ok(None),
            e => Err(e),
        })
        .map_err(&fail)?
        .map(|json| serde_json::from_str(&json).map_err(|e| e.to_string()))
        .transpose();
    Ok(Loaded {
        records,
        checkpoint,
        warnings,
    })
}

/// Every record of a log table, oldest first: `json`, completed by `fill`
/// from the `more` columns.
fn table<T: Persisted>(
    conn: &Connection,
    db: &Path,
    name: &'static str,
    more: &str,
    warnings: &mut Vec<StoreWarning>,
    fill: impl Fn(&mut T, &Row<'_>) -> Result<(), String>,
) -> Result<Vec<T>, RecordStoreError> {
    let fail = from_sqlite(db, "reading the record");
    let mut statement = conn
        .prepare(&format!("SELECT seq, json{more} FROM {name} ORDER BY seq"))
        .map_err(&fail)?;
    let mut rows = statement.query([]).map_err(&fail)?;
    let mut out = Vec::new();
    let (mut lines, mut reasons) = (Vec::new(), Vec::new());
    while let Some(row) = rows.next().map_err(&fail)? {
        let json = row.get_ref(1).map_err(&fail)?.as_str();
        let record = json.map_err(|e| e.to_string()).and_then(|json| {
            let mut record: T = serde_json::from_str(json).map_err(|e| e.to_string())?;
            fill(&mut record, row)?;
            record.check().map_err(|e| e.to_string())?;
            Ok(record)
        });
        match record {
            Ok(record) => out.push(record),
            Err(reason) => {
                let seq: i64 = row.get(0).map_err(&fail)?;
                lines.push(usize::try_from(seq).unwrap_or(0));
                reasons.push(reason);
            }
        }
    }
    if !lines.is_empty() {
        warnings.push(StoreWarning::DamagedRecords {
            file: format!("{DB_FILE} ({name})"),
            lines,
            reasons,
            kept_in: db.to_path_buf(),
        });
    }
    Ok(out)
}

fn decode<T: Persisted>(json: &str) -> Result<T, String> {
    let record: T = serde_json::from_str(json).map_err(|e| e.to_string())?;
    record.check().map_err(|e| e.to_string())?;
    Ok(record)
}
