//! Durable file primitives: owner-only files, atomic replacement and
//! synced appends.
//!
//! A replacement is written to `<name>.tmp`, fsynced, renamed over the old
//! file, and then the directory is fsynced so the rename itself survives a
//! power cut. An append is one `write_all` of a whole line followed by
//! `sync_data`; if the write fails half-way the file is cut back to its old
//! length so the next record does not start mid-line.

use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

use super::error::StoreError;

/// Suffix of a replacement in progress; such files are leftovers of a crash.
pub const TMP_SUFFIX: &str = ".tmp";

fn io_err(path: &Path) -> impl FnOnce(std::io::Error) -> StoreError + '_ {
    move |source| StoreError::Io {
        path: path.to_path_buf(),
        source,
    }
}

fn owner_only(options: &mut OpenOptions) -> &mut OpenOptions {
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options
}

/// Creates `dir` (owner-only) if it does not exist yet.
pub fn ensure_dir(dir: &Path) -> Result<(), StoreError> {
    if dir.is_dir() {
        return Ok(());
    }
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(dir).map_err(io_err(dir))
}

/// Makes a rename or a file creation in `dir` durable.
pub fn sync_dir(dir: &Path) -> Result<(), StoreError> {
    #[cfg(unix)]
    {
        File::open(dir)
            .and_then(|d| d.sync_all())
            .map_err(io_err(dir))?;
    }
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

/// Replaces `path` with `bytes`, completely or not at all.
pub fn replace(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    let tmp = tmp_path(path);
    {
        let mut file = owner_only(OpenOptions::new().write(true).create(true).truncate(true))
            .open(&tmp)
            .map_err(io_err(&tmp))?;
        file.write_all(bytes).map_err(io_err(&tmp))?;
        file.sync_all().map_err(io_err(&tmp))?;
    }
    fs::rename(&tmp, path).map_err(io_err(path))?;
    match path.parent() {
        Some(dir) => sync_dir(dir),
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
    file: File,
    len: u64,
}

impl AppendFile {
    /// Opens an existing file for appending.
    pub fn open(path: &Path) -> Result<Self, StoreError> {
        let file = owner_only(OpenOptions::new().append(true))
            .open(path)
            .map_err(io_err(path))?;
        let len = file.metadata().map_err(io_err(path))?.len();
        Ok(Self {
            path: path.to_path_buf(),
            file,
            len,
        })
    }

    /// Appends `line` and waits until it is on disk. When this returns `Ok`
    /// the record is acknowledged: it survives a crash from then on.
    pub fn append(&mut self, line: &[u8]) -> Result<(), StoreError> {
        let result = self
            .file
            .write_all(line)
            .and_then(|()| self.file.sync_data());
        match result {
            Ok(()) => {
                self.len += line.len() as u64;
                Ok(())
            }
            Err(source) => {
                // Best effort: cut a half-written line off so that the next
                // append starts on a line of its own. If this fails too, the
                // torn tail is caught by its checksum when the store reopens.
                let _ = self
                    .file
                    .set_len(self.len)
                    .and_then(|()| self.file.sync_data());
                Err(StoreError::Io {
                    path: self.path.clone(),
                    source,
                })
            }
        }
    }
}
