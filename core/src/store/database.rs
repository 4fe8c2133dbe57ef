//! Opening the SQLite database and naming what its errors mean.
//!
//! The connection is set up before anything is written: `locking_mode =
//! EXCLUSIVE` with a busy timeout of 0, so the first read takes a lock
//! that is held until the store is closed and another process is refused
//! at once ([`RecordStoreError::Locked`]) instead of waiting; the schema version
//! is read and a database from a newer build refused untouched; only then
//! `journal_mode = WAL` (a commit appends to the log, no rewrite of the
//! file), `synchronous = FULL` (a commit is synced before it returns) and
//! `foreign_keys = ON`. `BEGIN EXCLUSIVE; COMMIT` takes the write lock at
//! open, so a second process is refused there and not at its first save.
//! With the exclusive locking mode SQLite keeps the log's index in memory:
//! there is no `-shm` file.
//!
//! A folder or file the store may not write opens read-only: the database
//! is read as `immutable` (no lock, no log), with a warning.

use std::fs::OpenOptions;
use std::path::Path;
use std::time::Duration;

use rusqlite::{Connection, ErrorCode, OpenFlags};

use super::error::{RecordStoreError, from_sqlite};
use super::folder::{self, DB_FILE, io_err};
use super::schema;
use crate::file_read::open_regular;

/// The store's database, as it could be opened.
pub enum Opened {
    /// Read and write, holding the exclusive lock; at the given version.
    Writable(Connection, u32),
    /// Read only: the database as it is (`None` when there is none and
    /// none can be made), and why it cannot be written.
    ReadOnly(Option<Connection>, String),
}

/// Whether SQLite refused because the file or folder may not be written.
fn is_refusal(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error_code(),
        Some(
            ErrorCode::ReadOnly
                | ErrorCode::CannotOpen
                | ErrorCode::PermissionDenied
                | ErrorCode::AuthorizationForStatementDenied
        )
    )
}

fn is_busy(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error_code(),
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked)
    )
}

/// Opens the database in `dir` (creating it owner-only if needed), locked
/// for this process alone. `steps` are the migrations this build knows.
pub fn open(dir: &Path, steps: &[&str]) -> Result<Opened, RecordStoreError> {
    let db = dir.join(DB_FILE);
    let existed = std::fs::symlink_metadata(&db).is_ok();
    // Our own open first: it creates the file owner-only (SQLite gives its
    // log the same mode), never through a link, refuses a named pipe or a
    // device in its place, and tells a file or folder we may not write.
    let mut options = OpenOptions::new();
    options.read(true).write(true).create(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    #[cfg(unix)]
    let no_follow = libc::O_NOFOLLOW;
    #[cfg(not(unix))]
    let no_follow = 0;
    match open_regular(&mut options, no_follow, &db) {
        Ok(_) if !existed => folder::sync_dir(dir).map_err(io_err(dir))?,
        Ok(_) => {}
        Err(e) if folder::is_refusal(&e) => {
            let reason = format!("{} cannot be written: {e}", db.display());
            return read_only(&db, existed, reason, steps);
        }
        Err(e) => return Err(io_err(&db)(e)),
    }
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
        | OpenFlags::SQLITE_OPEN_NO_MUTEX
        | OpenFlags::SQLITE_OPEN_NOFOLLOW;
    let conn = Connection::open_with_flags(&db, flags).map_err(from_sqlite(&db, "opening"))?;
    match configure(&conn, dir, &db, steps) {
        Ok(version) => Ok(Opened::Writable(conn, version)),
        Err(Configure::Refused(e)) => {
            drop(conn);
            let reason = format!("the data folder cannot be written: {e}");
            read_only(&db, true, reason, steps)
        }
        Err(Configure::Failed(e)) => Err(e),
    }
}

enum Configure {
    /// The file or folder may not be written: read it only.
    Refused(rusqlite::Error),
    Failed(RecordStoreError),
}

impl From<RecordStoreError> for Configure {
    fn from(e: RecordStoreError) -> Self {
        Self::Failed(e)
    }
}

/// Sets the connection up (see the module doc) and returns the schema
/// version found. Nothing is written before the version is checked.
fn configure(conn: &Connection, dir: &Path, db: &Path, steps: &[&str]) -> Result<u32, Configure> {
    let step = |doing: &'static str, result: rusqlite::Result<()>| match result {
        Ok(()) => Ok(()),
        Err(e) if is_busy(&e) => Err(Configure::Failed(RecordStoreError::Locked {
            dir: dir.to_path_buf(),
        })),
        Err(e) if is_refusal(&e) => Err(Configure::Refused(e)),
        Err(e) => Err(Configure::Failed(from_sqlite(db, doing)(e))),
    };
    step("opening", conn.busy_timeout(Duration::ZERO))?;
    step(
        "taking the lock",
        conn.pragma_update(None, "locking_mode", "EXCLUSIVE"),
    )?;
    let mut found = 0i64;
    step(
        "reading the schema version",
        conn.pragma_query_value(None, "user_version", |row| row.get(0))
            .map(|v| found = v),
    )?;
    let found = u32::try_from(found).unwrap_or(u32::MAX);
    schema::check_not_from_future(found, steps)?;
    let mut mode = String::new();
    step(
        "turning on the write-ahead log",
        conn.pragma_update_and_check(None, "journal_mode", "WAL", |row| row.get(0))
            .map(|m| mode = m),
    )?;
    if !mode.eq_ignore_ascii_case("wal") {
        // SQLite answers with the mode it kept when it cannot switch (an
        // in-memory file system, say): refuse rather than run unlogged.
        return Err(Configure::Failed(RecordStoreError::Database {
            path: db.to_path_buf(),
            doing: "turning on the write-ahead log",
            detail: format!("the journal mode stayed {mode:?}"),
        }));
    }
    step(
        "setting durable commits",
        conn.pragma_update(None, "synchronous", "FULL"),
    )?;
    step(
        "turning on foreign keys",
        conn.pragma_update(None, "foreign_keys", "ON"),
    )?;
    // Takes the write lock now and keeps it (exclusive locking mode).
    step(
        "taking the lock",
        conn.execute_batch("BEGIN EXCLUSIVE; COMMIT;"),
    )?;
    Ok(found)
}

/// The database opened for reading only, as `immutable`: SQLite takes no
/// lock and opens no log, which a folder we may not write could not hold.
fn read_only(
    db: &Path,
    exists: bool,
    mut reason: String,
    steps: &[&str],
) -> Result<Opened, RecordStoreError> {
    if !exists {
        return Ok(Opened::ReadOnly(None, reason));
    }
    let wal = db.with_file_name(format!("{DB_FILE}-wal"));
    if std::fs::metadata(&wal).is_ok_and(|m| m.len() > 0) {
        reason.push_str(&format!(
            "; the last changes, still in {}, are not shown",
            wal.display()
        ));
    }
    let uri = format!("file:{}?immutable=1", uri_path(db));
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY
        | OpenFlags::SQLITE_OPEN_URI
        | OpenFlags::SQLITE_OPEN_NO_MUTEX
        | OpenFlags::SQLITE_OPEN_NOFOLLOW;
    let conn =
        Connection::open_with_flags(uri, flags).map_err(from_sqlite(db, "opening to read"))?;
    let found = schema::version(&conn, db)?;
    schema::check_not_from_future(found, steps)?;
    if found == 0 {
        // Never set up: there is nothing in it to read.
        return Ok(Opened::ReadOnly(None, reason));
    }
    if found as usize != steps.len() {
        return Err(RecordStoreError::ReadOnly {
            dir: db.parent().unwrap_or(db).to_path_buf(),
            reason: format!("{reason}; its older layout cannot be updated to be read"),
        });
    }
    Ok(Opened::ReadOnly(Some(conn), reason))
}

/// `path` for a `file:` URI: every byte but the unreserved ones and `/`
/// percent-encoded, so that `?`, `#` or `%` in a folder name stay part of it.
fn uri_path(path: &Path) -> String {
    let mut out = String::new();
    for &b in path.as_os_str().as_encoded_bytes() {
        if b.is_ascii_alphanumeric() || b"/-._~".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_uri_path_keeps_odd_folder_names_whole() {
        assert_eq!(
            uri_path(Path::new("/data/a b?#%/x")),
            "/data/a%20b%3F%23%25/x"
        );
    }
}
