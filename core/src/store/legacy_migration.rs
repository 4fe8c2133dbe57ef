//! Moving an older build's JSON-lines record (`legacy`) into the database,
//! once, and the old files out of the way.
//!
//! Everything is inserted in one transaction, with a `meta` row naming the
//! folder the old files go to. Only after the commit are they moved there
//! (`legacy-jsonl-YYYYMMDDTHHMMSS/` inside the data folder; never deleted).
//! A crash between the commit and the move is harmless: the next open finds
//! the `meta` row and only moves the files. Old files beside a database that
//! already holds a record they did not come from are left alone, with a
//! warning: reading them in could only double or mix up the record.

use std::fs;
use std::path::Path;

use rusqlite::Connection;

use super::error::from_sqlite;
use super::error::{RecordStoreError, StoreWarning};
use super::folder;
use super::folder::DB_FILE;
use super::legacy::{self, Legacy};
use super::rows;

/// The `meta` key naming the folder the old files were moved to.
const MOVED_TO: &str = "legacy_jsonl_moved_to";

/// The names in `dir` (none if it cannot be listed: opening fails on its
/// own then).
pub fn names(dir: &Path) -> Vec<String> {
    fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .filter_map(|e| e.file_name().to_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

/// Moves an old record in `dir` into the database, if there is one to move.
pub fn settle(
    conn: &mut Connection,
    dir: &Path,
    db: &Path,
) -> Result<Vec<StoreWarning>, RecordStoreError> {
    let names = names(dir);
    if !legacy::present(&names) {
        return Ok(Vec::new());
    }
    let fail = from_sqlite(db, "moving the older record into the database");
    if let Some(folder) = rows::meta(conn, MOVED_TO).map_err(&fail)? {
        // Read in before; the files were not moved yet when the app stopped.
        return Ok(move_aside(dir, &folder, &names).err().into_iter().collect());
    }
    if holds_anything(conn).map_err(&fail)? {
        return Ok(vec![StoreWarning::LegacyFilesLeft {
            reason: format!(
                "{}: files of an older Patella (such as {}) were not read, since {DB_FILE} \
                 already holds a record; move them out of the data folder to keep them",
                dir.display(),
                legacy::CHECK_INS
            ),
        }]);
    }
    let folder = new_folder_name(dir);
    let old = legacy::read(dir, &names, &dir.join(&folder))?;
    let tx = conn.transaction().map_err(&fail)?;
    insert(&tx, &old).map_err(&fail)?;
    rows::set_meta(&tx, MOVED_TO, &folder).map_err(&fail)?;
    tx.commit().map_err(&fail)?;
    let mut warnings = old.warnings;
    warnings.extend(move_aside(dir, &folder, &names).err());
    Ok(warnings)
}

/// Whether the database holds any record, document or checkpoint.
fn holds_anything(conn: &Connection) -> rusqlite::Result<bool> {
    conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM check_ins) OR EXISTS (SELECT 1 FROM runs) \
         OR EXISTS (SELECT 1 FROM sessions) OR EXISTS (SELECT 1 FROM documents) \
         OR EXISTS (SELECT 1 FROM live_run)",
        [],
        |row| row.get(0),
    )
}

/// Writes the old record in the order its build loaded it, so that the
/// record reads back as it did: the logs first, then each run with the
/// check-ins and session kept with it.
fn insert(conn: &Connection, old: &Legacy) -> rusqlite::Result<()> {
    for c in &old.check_ins {
        rows::insert_check_in(conn, c, None)?;
    }
    for s in &old.sessions {
        rows::insert_session(conn, s, None)?;
    }
    for line in &old.runs {
        let id = Some(line.run.id.as_str());
        rows::insert_run(conn, &line.run)?;
        for c in &line.check_ins {
            rows::insert_check_in(conn, c, id)?;
        }
        if let Some(s) = &line.session {
            rows::insert_session(conn, s, id)?;
        }
    }
    rows::put_document(conn, rows::PROFILE, old.profile.as_ref())?;
    rows::put_document(conn, rows::SETTINGS, old.settings.as_ref())?;
    rows::put_document(conn, rows::PAIRED_SENSOR, old.paired_sensor.as_ref())?;
    rows::put_live_run(conn, old.checkpoint.as_ref())
}

/// A folder name for the old files no entry of `dir` has yet.
fn new_folder_name(dir: &Path) -> String {
    // The store's one clock read: the folder says when the old files were
    // set aside, for a person looking in the data folder. Nothing reads it
    // back but this migration, from the `meta` row.
    let stamp = chrono::Local::now().format("%Y%m%dT%H%M%S");
    let base = format!("legacy-jsonl-{stamp}");
    let mut name = base.clone();
    let mut n = 1;
    while fs::symlink_metadata(dir.join(&name)).is_ok() {
        n += 1;
        name = format!("{base}-{n}");
    }
    name
}

/// Moves the old store's files (`legacy::is_leftover`) into `folder`,
/// never over a file already there; says why not if it could not.
fn move_aside(dir: &Path, folder: &str, names: &[String]) -> Result<(), StoreWarning> {
    let to = dir.join(folder);
    let moved = (|| {
        folder::ensure_dir(&to, true)?;
        for name in names.iter().filter(|n| legacy::is_leftover(n)) {
            let target = to.join(name);
            if fs::symlink_metadata(&target).is_ok() {
                return Err(std::io::Error::new(
                    std::io::ErrorKind::AlreadyExists,
                    format!("{} is already there", target.display()),
                ));
            }
            fs::rename(dir.join(name), &target)?;
        }
        folder::sync_dir(&to)?;
        folder::sync_dir(dir)
    })();
    moved.map_err(|e| StoreWarning::LegacyFilesLeft {
        reason: format!(
            "the older Patella's files were read into {DB_FILE}, but could not all be moved \
             to {}: {e}; they are not read again, and moving them is tried at the next open",
            to.display()
        ),
    })
}
