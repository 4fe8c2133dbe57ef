//! Setting damaged bytes aside, in `quarantine/` inside the data folder, so
//! that nothing the runner entered is thrown away even when it cannot be
//! read.
//!
//! Setting aside is idempotent: when a repair fails after its copy was
//! kept (a full disk), the next open finds the same bytes already kept and
//! reuses that copy instead of adding another.

use std::path::{Path, PathBuf};

use super::disk::Disk;
use super::durable::{self, io_err};
use super::error::StoreError;
use super::schema::FileKind;

/// The folder, inside the data folder, that keeps damaged bytes.
pub const QUARANTINE_DIR: &str = "quarantine";

/// Durably saves `bytes` taken out of the file of `kind` as the next free
/// `quarantine/<file>.<n>` (or finds them already kept), and returns its path.
pub fn keep(
    disk: &dyn Disk,
    dir: &Path,
    kind: FileKind,
    bytes: &[u8],
) -> Result<PathBuf, StoreError> {
    let qdir = dir.join(QUARANTINE_DIR);
    durable::ensure_dir(disk, &qdir, true)?;
    let names = disk.list(&qdir).map_err(io_err(&qdir))?;
    let prefix = format!("{}.", kind.file_name());
    // No clock in the core: a counter names the copies, oldest first.
    let mut highest = 0u32;
    for name in &names {
        let Some(n) = name
            .strip_prefix(&prefix)
            .and_then(|n| n.parse::<u32>().ok())
        else {
            continue;
        };
        highest = highest.max(n);
        let path = qdir.join(name);
        if disk.read(&path).map_err(io_err(&path))?.as_deref() == Some(bytes) {
            return Ok(path);
        }
    }
    let path = qdir.join(format!("{prefix}{}", highest.saturating_add(1)));
    durable::replace(disk, &path, bytes)?;
    Ok(path)
}

/// Temp files a failed quarantine copy may have left: `quarantine/<file>.<n>.tmp`.
pub fn leftover_tmp_files(disk: &dyn Disk, dir: &Path) -> Result<Vec<PathBuf>, StoreError> {
    let qdir = dir.join(QUARANTINE_DIR);
    let names = disk.list(&qdir).map_err(io_err(&qdir))?;
    Ok(names
        .iter()
        .filter(|name| {
            let Some(stem) = name.strip_suffix(durable::TMP_SUFFIX) else {
                return false;
            };
            FileKind::ALL.iter().any(|kind| {
                stem.strip_prefix(kind.file_name())
                    .and_then(|rest| rest.strip_prefix('.'))
                    .is_some_and(|n| n.parse::<u32>().is_ok())
            })
        })
        .map(|name| qdir.join(name))
        .collect())
}
