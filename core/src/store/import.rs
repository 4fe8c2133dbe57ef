//! Import, all or nothing across crashes and errors.
//!
//! The new files are first written and synced next to the live ones, as
//! `<file>.import`. The import is committed by one atomic step: the marker
//! `import.commit` appears (written aside, synced, renamed, folder synced).
//! Only then are the staged files renamed over the live ones. Every rename
//! stays inside the data folder, so each is one atomic step of one folder.
//!
//! Whatever stops it, the next open finishes the job in one direction:
//! staged files without the marker are removed (the import is undone, the
//! live files were never touched); with the marker, every staged file still
//! there is renamed over its live one (the import is finished). Both are
//! idempotent, so a crash during recovery is recovered the same way.

use std::path::{Path, PathBuf};

use super::disk::Disk;
use super::durable::{self, TMP_SUFFIX, io_err};
use super::error::StoreError;
use super::schema::FileKind;

/// Suffix of a file staged by an import.
pub const STAGED_SUFFIX: &str = ".import";
/// The file whose presence commits a staged import.
pub const COMMIT_MARK: &str = "import.commit";

/// How an import that did not complete left the store.
#[derive(Debug)]
pub enum ImportFailure {
    /// Not committed, and nothing staged is left: the live files are as
    /// they were, and writes may go on into them.
    Undone(StoreError),
    /// Committed, or perhaps committed, and not finished: the next open
    /// finishes it, and until then no write may be acknowledged, since it
    /// would go into a file about to be replaced.
    Unsettled(StoreError),
}

/// What recovery on open found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Recovered {
    /// No import was in progress.
    Nothing,
    /// An uncommitted import was removed.
    Undone,
    /// A committed import was finished.
    Finished,
}

fn staged_name(kind: FileKind) -> String {
    format!("{}{STAGED_SUFFIX}", kind.file_name())
}

/// The names an import may leave in the data folder: its staged files,
/// the marker, and their temp files. Nothing else is the import's.
fn is_import_name(name: &str) -> bool {
    let stem = name.strip_suffix(TMP_SUFFIX).unwrap_or(name);
    stem == COMMIT_MARK || FileKind::ALL.iter().any(|k| staged_name(*k) == stem)
}

/// Stages `files`, commits, and switches them in.
pub fn stage_and_switch(
    disk: &dyn Disk,
    dir: &Path,
    files: &[(FileKind, Vec<u8>)],
) -> Result<(), ImportFailure> {
    let staged = (|| {
        // A leftover of an earlier attempt was never committed (recovery on
        // open would have settled it): start afresh.
        abandon(disk, dir)?;
        for (kind, bytes) in files {
            let path = dir.join(staged_name(*kind));
            disk.write_file(&path, bytes)
                .and_then(|()| disk.sync(&path))
                .map_err(io_err(&path))?;
        }
        // Every staged name is durable before the marker can be: the
        // disk may write back name changes in any order.
        disk.sync_dir(dir).map_err(io_err(dir))
    })();
    if let Err(err) = staged {
        return Err(undo(disk, dir, err));
    }
    if let Err(err) = durable::replace(disk, &dir.join(COMMIT_MARK), b"") {
        // The rename may have happened and only the folder sync failed:
        // the marker must be gone for sure before writes go on.
        return Err(undo(disk, dir, err));
    }
    roll_forward(disk, dir).map_err(ImportFailure::Unsettled)
}

fn undo(disk: &dyn Disk, dir: &Path, err: StoreError) -> ImportFailure {
    match abandon(disk, dir) {
        Ok(()) => ImportFailure::Undone(err),
        Err(_) => ImportFailure::Unsettled(err),
    }
}

/// Settles an import a crash or an error left half-way; see the module doc.
pub fn recover(disk: &dyn Disk, dir: &Path) -> Result<Recovered, StoreError> {
    let names = disk.list(dir).map_err(io_err(dir))?;
    if !names.iter().any(|n| is_import_name(n)) {
        return Ok(Recovered::Nothing);
    }
    if names.iter().any(|n| n == COMMIT_MARK) {
        roll_forward(disk, dir)?;
        Ok(Recovered::Finished)
    } else {
        abandon(disk, dir)?;
        Ok(Recovered::Undone)
    }
}

/// Where the file of `kind` is to be read from: the staged copy of a
/// committed import not finished yet (a store that cannot write reads the
/// import as it will be), or the live file.
pub fn source_of(disk: &dyn Disk, dir: &Path, kind: FileKind) -> Result<PathBuf, StoreError> {
    let names = disk.list(dir).map_err(io_err(dir))?;
    let staged = staged_name(kind);
    if names.iter().any(|n| n == COMMIT_MARK) && names.contains(&staged) {
        Ok(dir.join(staged))
    } else {
        Ok(dir.join(kind.file_name()))
    }
}

fn roll_forward(disk: &dyn Disk, dir: &Path) -> Result<(), StoreError> {
    let names = disk.list(dir).map_err(io_err(dir))?;
    for kind in FileKind::ALL {
        let staged = staged_name(kind);
        if names.contains(&staged) {
            let to = dir.join(kind.file_name());
            disk.rename(&dir.join(staged), &to).map_err(io_err(&to))?;
        }
    }
    // The switch is durable before the marker may go.
    disk.sync_dir(dir).map_err(io_err(dir))?;
    abandon(disk, dir)
}

/// Removes what an import put in the folder, durably, the marker first so
/// that a crash part-way leaves an undone import, never a committed one
/// missing some of its files.
fn abandon(disk: &dyn Disk, dir: &Path) -> Result<(), StoreError> {
    let names = disk.list(dir).map_err(io_err(dir))?;
    if names.iter().any(|n| n == COMMIT_MARK) {
        let mark = dir.join(COMMIT_MARK);
        disk.remove(&mark).map_err(io_err(&mark))?;
        disk.sync_dir(dir).map_err(io_err(dir))?;
    }
    // With the marker durably gone these removals need no sync of their
    // own: a staged file that comes back after a power cut is a leftover
    // without a marker, which the next open removes.
    for name in names.iter().filter(|n| is_import_name(n)) {
        let path = dir.join(name);
        disk.remove(&path).map_err(io_err(&path))?;
    }
    Ok(())
}
