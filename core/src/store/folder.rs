//! The data folder itself: creating it (and the folders the store makes in
//! it) owner-only, and making a change of names in it durable.
//!
//! SQLite makes its own files durable (it syncs the folder when it creates
//! its write-ahead log); these are the steps around it that it does not
//! know about.

use std::fs;
use std::io;
use std::path::Path;

use super::error::RecordStoreError;

/// The database's file name in the data folder.
pub const DB_FILE: &str = "record.sqlite3";

pub fn io_err(path: &Path) -> impl FnOnce(io::Error) -> RecordStoreError + '_ {
    move |source| match crate::file_read::NotRegularFile::within(&source) {
        Some(not) => RecordStoreError::NotRegularFile {
            path: path.to_path_buf(),
            found: not.found,
        },
        None => RecordStoreError::Io {
            path: path.to_path_buf(),
            source,
        },
    }
}

/// Creates `dir` (owner-only) if it does not exist yet, and makes its name
/// durable in its parent. `own`: a folder of the store's inside the data
/// folder, never a link; the data folder itself may be a link the user made.
pub fn ensure_dir(dir: &Path, own: bool) -> io::Result<()> {
    let found = if own {
        fs::symlink_metadata(dir)
    } else {
        fs::metadata(dir)
    };
    match found {
        Ok(meta) if meta.is_dir() => return Ok(()),
        Ok(_) => {
            return Err(io::Error::new(
                io::ErrorKind::AlreadyExists,
                "a file or symbolic link is in the place of the store's folder",
            ));
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => {}
        Err(e) => return Err(e),
    }
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(dir)?;
    match parent_dir(dir) {
        Some(parent) => sync_dir(parent),
        None => Ok(()),
    }
}

/// Makes the names in `dir` durable (creations, renames, removals).
pub fn sync_dir(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    fs::File::open(dir)?.sync_all()?;
    #[cfg(not(unix))]
    let _ = dir;
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

/// Whether `err` says the file system will not let us write (permissions,
/// an immutable file, a read-only mount), as opposed to a failure.
pub fn is_refusal(err: &io::Error) -> bool {
    matches!(
        err.kind(),
        io::ErrorKind::PermissionDenied | io::ErrorKind::ReadOnlyFilesystem
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_relative_name_of_one_component_lies_in_the_current_folder() {
        assert_eq!(parent_dir(Path::new("d1")), Some(Path::new(".")));
        assert_eq!(parent_dir(Path::new("a/b")), Some(Path::new("a")));
        assert_eq!(parent_dir(Path::new("/d1")), Some(Path::new("/")));
        assert_eq!(parent_dir(Path::new("/")), None);
    }
}
