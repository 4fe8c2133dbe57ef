//! The advisory lock that keeps a second process out of an open store.
//!
//! Within one process the store's mutex orders every write. Across
//! processes (the CLI next to a running app, an app extension) an exclusive
//! advisory lock on `.lock` is held for the life of the store. The operating
//! system drops it when the holder dies, so a crash never leaves the store
//! locked.

use std::fs::{File, OpenOptions, TryLockError};
use std::path::Path;

use super::error::StoreError;

/// Name of the lock file in the data folder.
pub const LOCK_FILE: &str = ".lock";

/// Held while the store is open; released on drop.
#[derive(Debug)]
pub struct DirLock {
    _file: File,
}

/// Takes the lock on `dir`, or says that another process holds it.
// `File::try_lock` is std since Rust 1.89; the workspace's declared
// rust-version predates it (see the store's report to the lead).
#[allow(clippy::incompatible_msrv)]
pub fn acquire(dir: &Path) -> Result<DirLock, StoreError> {
    let path = dir.join(LOCK_FILE);
    let mut options = OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let file = options.open(&path).map_err(|source| StoreError::Io {
        path: path.clone(),
        source,
    })?;
    match file.try_lock() {
        Ok(()) => Ok(DirLock { _file: file }),
        Err(TryLockError::WouldBlock) => Err(StoreError::Locked {
            dir: dir.to_path_buf(),
        }),
        Err(TryLockError::Error(source)) => Err(StoreError::Io { path, source }),
    }
}
