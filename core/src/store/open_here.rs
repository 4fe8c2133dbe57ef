//! A second open of the same folder in this process, refused as such.
//!
//! SQLite's exclusive lock (see `database`) keeps another process out, and
//! would also refuse a second connection in this one, but only as "the
//! database is locked", which would send the user looking for another
//! process. A process-wide list of open folders answers first.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};

use super::error::RecordStoreError;

/// Folders open in this process, by canonical path.
static OPEN_HERE: Mutex<Option<HashSet<PathBuf>>> = Mutex::new(None);

/// Held while the store is open; takes the folder off the list on drop.
#[derive(Debug)]
pub struct OpenHere(Option<PathBuf>);

impl Drop for OpenHere {
    fn drop(&mut self) {
        if let Some(path) = self.0.take() {
            let mut open = OPEN_HERE.lock().unwrap_or_else(PoisonError::into_inner);
            if let Some(set) = open.as_mut() {
                set.remove(&path);
            }
        }
    }
}

/// Puts `dir` on the list, or refuses it if it is there already. A folder
/// with no canonical path (gone again) is not listed; opening it fails on
/// its own.
pub fn register(dir: &Path) -> Result<OpenHere, RecordStoreError> {
    let Ok(key) = std::fs::canonicalize(dir) else {
        return Ok(OpenHere(None));
    };
    let mut open = OPEN_HERE.lock().unwrap_or_else(PoisonError::into_inner);
    if !open.get_or_insert_with(HashSet::new).insert(key.clone()) {
        return Err(RecordStoreError::AlreadyOpen {
            dir: dir.to_path_buf(),
        });
    }
    Ok(OpenHere(Some(key)))
}
