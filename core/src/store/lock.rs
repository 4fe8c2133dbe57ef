//! Keeping a store to one holder.
//!
//! Across processes (the CLI next to a running app, an app extension) an
//! exclusive advisory lock on `.lock` is held for the life of the store.
//! The operating system drops it when the holder dies, so a crash never
//! leaves the store locked. Within one process the advisory lock cannot
//! tell a second open from another process, so a process-wide list of open
//! folders answers first: a second open in the same process is refused
//! with an error that says so.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};

use super::disk::{Disk, LockGuard};
use super::error::StoreError;

/// Name of the lock file in the data folder.
pub const LOCK_FILE: &str = ".lock";

/// Folders open in this process, by canonical path.
static OPEN_HERE: Mutex<Option<HashSet<PathBuf>>> = Mutex::new(None);

/// Held while the store is open; released on drop.
#[derive(Debug)]
pub struct DirLock {
    _guard: Option<Box<dyn LockGuard>>,
    registered: Option<PathBuf>,
}

impl Drop for DirLock {
    fn drop(&mut self) {
        if let Some(path) = self.registered.take() {
            let mut open = OPEN_HERE.lock().unwrap_or_else(PoisonError::into_inner);
            if let Some(set) = open.as_mut() {
                set.remove(&path);
            }
        }
    }
}

/// How the lock was (or was not) taken.
pub enum Acquired {
    /// Held: the store may write.
    Held(DirLock),
    /// The lock file could not be opened (a read-only folder, a link in
    /// its place): the store may still be read, but not written.
    Unavailable(DirLock, std::io::Error),
}

/// Takes the lock on `dir`, or says who holds it. `key` is the folder's
/// identity within this process (its canonical path), when it has one.
pub fn acquire(disk: &dyn Disk, dir: &Path, key: Option<PathBuf>) -> Result<Acquired, StoreError> {
    let registered = match key {
        Some(key) => {
            let mut open = OPEN_HERE.lock().unwrap_or_else(PoisonError::into_inner);
            if !open.get_or_insert_with(HashSet::new).insert(key.clone()) {
                return Err(StoreError::AlreadyOpen {
                    dir: dir.to_path_buf(),
                });
            }
            Some(key)
        }
        None => None,
    };
    let mut lock = DirLock {
        _guard: None,
        registered,
    };
    let path = dir.join(LOCK_FILE);
    match disk.try_lock(&path) {
        Ok(Some(guard)) => {
            lock._guard = Some(guard);
            Ok(Acquired::Held(lock))
        }
        Ok(None) => Err(StoreError::Locked {
            dir: dir.to_path_buf(),
        }),
        // A read-only folder, or a `.lock` that is not the store's (a link
        // is never followed): the store can still be read.
        Err(e) => Ok(Acquired::Unavailable(lock, e)),
    }
}
