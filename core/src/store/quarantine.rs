//! Setting damaged bytes aside, in `quarantine/` inside the data folder, so
//! that nothing the runner entered is thrown away even when it cannot be
//! read.

use std::path::{Path, PathBuf};

use super::durable;
use super::error::StoreError;
use super::schema::FileKind;

/// The folder, inside the data folder, that keeps damaged bytes.
pub const QUARANTINE_DIR: &str = "quarantine";

/// Durably saves `bytes` taken out of the file of `kind` as the next free
/// `quarantine/<file>.<n>`, and returns its path.
pub fn keep(dir: &Path, kind: FileKind, bytes: &[u8]) -> Result<PathBuf, StoreError> {
    let qdir = dir.join(QUARANTINE_DIR);
    durable::ensure_dir(&qdir)?;
    // No clock in the core: a counter names the copies, oldest first.
    let mut n = 1u32;
    let path = loop {
        let candidate = qdir.join(format!("{}.{n}", kind.file_name()));
        if !candidate.exists() {
            break candidate;
        }
        n = n.saturating_add(1);
        if n == u32::MAX {
            break candidate;
        }
    };
    durable::replace(&path, bytes)?;
    durable::sync_dir(dir)?;
    Ok(path)
}
