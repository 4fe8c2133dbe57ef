//! Durable file steps built on [`Disk`]: atomic replacement and synced
//! appends.
//!
//! A replacement is written to `<name>.tmp`, synced, renamed over the old
//! file, and then the folder is synced so the rename itself survives a
//! power cut; a replacement that fails removes its temp file. An append is
//! one write of a whole line followed by a sync; if either fails the file
//! is cut back to its old length so the next record does not start
//! mid-line.

use std::path::{Path, PathBuf};

use super::disk::{AppendHandle, Disk};
use super::error::StoreError;

/// Suffix of a replacement in progress.
pub const TMP_SUFFIX: &str = ".tmp";

pub fn io_err(path: &Path) -> impl FnOnce(std::io::Error) -> StoreError + '_ {
    move |source| match crate::file_read::NotRegularFile::within(&source) {
        Some(not) => StoreError::NotRegularFile {
            path: path.to_path_buf(),
            found: not.found,
        },
        None => StoreError::Io {
            path: path.to_path_buf(),
            source,
        },
    }
}

/// Creates `dir` (owner-only) if it does not exist yet, and makes its name
/// durable in its parent. `own`: a folder of the store's, never a link.
pub fn ensure_dir(disk: &dyn Disk, dir: &Path, own: bool) -> Result<(), StoreError> {
    let created = disk.ensure_dir(dir, own).map_err(io_err(dir))?;
    if created && let Some(parent) = parent_dir(dir) {
        disk.sync_dir(parent).map_err(io_err(parent))?;
    }
    Ok(())
}

/// The folder holding `path`: a relative name of one component (`d1`) has
/// the parent `""`, which names no folder; it lies in the current one.
fn parent_dir(path: &Path) -> Option<&Path> {
    match path.parent() {
        Some(p) if p.as_os_str().is_empty() => Some(Path::new(".")),
        other => other,
    }
}

/// Replaces `path` with `bytes`, completely or not at all.
pub fn replace(disk: &dyn Disk, path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    let tmp = tmp_path(path);
    let written = disk
        .write_file(&tmp, bytes)
        .and_then(|()| disk.sync(&tmp))
        .map_err(io_err(&tmp))
        .and_then(|()| disk.rename(&tmp, path).map_err(io_err(path)));
    if let Err(err) = written {
        // A full disk must not be filled further by what was never used.
        let _ = disk.remove(&tmp);
        return Err(err);
    }
    match parent_dir(path) {
        Some(dir) => disk.sync_dir(dir).map_err(io_err(dir)),
        None => Ok(()),
    }
}

/// The temporary name used while replacing `path`.
pub fn tmp_path(path: &Path) -> PathBuf {
    let mut name = path
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_default();
    name.push(TMP_SUFFIX);
    path.with_file_name(name)
}

/// An append-only file kept open for the life of the store.
#[derive(Debug)]
pub struct AppendFile {
    path: PathBuf,
    file: Box<dyn AppendHandle>,
    len: u64,
}

impl AppendFile {
    /// Opens an existing file for appending.
    pub fn open(disk: &dyn Disk, path: &Path) -> Result<Self, StoreError> {
        let file = disk.open_append(path).map_err(io_err(path))?;
        let len = file.size().map_err(io_err(path))?;
        Ok(Self {
            path: path.to_path_buf(),
            file,
            len,
        })
    }

    /// Appends `line` and waits until it is on disk. When this returns `Ok`
    /// the record is acknowledged: it survives a crash from then on.
    pub fn append(&mut self, line: &[u8]) -> Result<(), StoreError> {
        let result = self.file.write(line).and_then(|()| self.file.sync());
        match result {
            Ok(()) => {
                self.len += line.len() as u64;
                Ok(())
            }
            Err(source) => {
                // Best effort: cut a half-written line off so that the next
                // append starts on a line of its own. If this fails too, the
                // torn tail is caught by its checksum when the store reopens.
                let _ = self.file.truncate(self.len).and_then(|()| self.file.sync());
                Err(StoreError::Io {
                    path: self.path.clone(),
                    source,
                })
            }
        }
    }
}

#[cfg(test)]
mod parent_tests {
    use super::*;

    #[test]
    fn a_relative_name_of_one_component_lies_in_the_current_folder() {
        assert_eq!(parent_dir(Path::new("d1")), Some(Path::new(".")));
        assert_eq!(parent_dir(Path::new("a/b")), Some(Path::new("a")));
        assert_eq!(parent_dir(Path::new("/d1")), Some(Path::new("/")));
        assert_eq!(parent_dir(Path::new("/")), None);
    }
}
