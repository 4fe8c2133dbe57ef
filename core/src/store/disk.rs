//! The store's only way to the file system: a small trait, so that a test
//! can put a simulated disk underneath that loses every write not yet
//! synced when the power is cut, and prove that each acknowledged write
//! survives.
//!
//! Every operation is the smallest step a file system promises something
//! about: writing bytes does not make them durable, `sync` does; creating,
//! renaming or removing a name does not make the name durable, `sync_dir`
//! of its folder does. [`OsDisk`] maps each step to one system call and
//! never follows a symbolic link at the last component of a path it writes,
//! creates or locks, nor in place of a folder of the store's own.

use std::fmt::Debug;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Write};
use std::path::Path;

use crate::file_read::open_regular;

/// A file opened for appending, kept open for the life of the store.
pub trait AppendHandle: Send + Debug {
    /// Writes `bytes` at the end (not yet durable).
    fn write(&mut self, bytes: &[u8]) -> io::Result<()>;
    /// Makes everything written so far durable.
    fn sync(&mut self) -> io::Result<()>;
    /// Cuts the file back to `len` bytes (not yet durable).
    fn truncate(&mut self, len: u64) -> io::Result<()>;
    /// The file's length now.
    fn size(&self) -> io::Result<u64>;
}

/// Something that keeps the data folder to one holder while it lives.
pub trait LockGuard: Send + Sync + Debug {}

/// The file operations the store uses, each one step with its own promise.
pub trait Disk: Send + Sync + Debug {
    /// The whole file, or `None` if there is none.
    fn read(&self, path: &Path) -> io::Result<Option<Vec<u8>>>;
    /// Creates or truncates `path` (owner-only) and writes `bytes`; neither
    /// the bytes nor the name are durable yet.
    fn write_file(&self, path: &Path, bytes: &[u8]) -> io::Result<()>;
    /// Makes the contents of `path` durable.
    fn sync(&self, path: &Path) -> io::Result<()>;
    /// Moves `from` over `to` in one step; durable once the folders are synced.
    fn rename(&self, from: &Path, to: &Path) -> io::Result<()>;
    /// Makes the names in `dir` durable (creations, renames, removals).
    fn sync_dir(&self, dir: &Path) -> io::Result<()>;
    /// Removes the file `path`; a missing file is not an error.
    fn remove(&self, path: &Path) -> io::Result<()>;
    /// Creates the folder `dir` (owner-only) if needed, and says whether it
    /// was created. With `own` (a folder the store makes inside its data
    /// folder), a symbolic link in its place is refused: the store keeps
    /// its files inside its folder. The data folder itself may be a link
    /// the user chose.
    fn ensure_dir(&self, dir: &Path, own: bool) -> io::Result<bool>;
    /// Removes the empty folder `dir`; a missing folder is not an error.
    fn remove_dir(&self, dir: &Path) -> io::Result<()>;
    /// Names of the entries in `dir`; an empty list if it does not exist.
    fn list(&self, dir: &Path) -> io::Result<Vec<String>>;
    /// Opens an existing file to append to it.
    fn open_append(&self, path: &Path) -> io::Result<Box<dyn AppendHandle>>;
    /// The identity of the folder `dir` within this process (its canonical
    /// path), so that a second open of it in the same process is told from
    /// another process; `None` where the disk is its own world.
    fn identity(&self, dir: &Path) -> Option<std::path::PathBuf> {
        let _ = dir;
        None
    }
    /// Takes the exclusive lock kept in the file `path`, or `None` if
    /// another holder has it.
    fn try_lock(&self, path: &Path) -> io::Result<Option<Box<dyn LockGuard>>>;
}

/// The real file system.
#[derive(Debug, Default, Clone, Copy)]
pub struct OsDisk;

/// Opens a file of the store's with `options`: owner-only if created, never
/// through a link, and only a regular file. A named pipe or a device in its
/// place is refused without waiting on it (see [`open_regular`]): the store
/// would otherwise hang on it while holding its lock.
fn open_own(options: &mut OpenOptions, path: &Path) -> io::Result<File> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
        open_regular(options, libc::O_NOFOLLOW, path)
    }
    #[cfg(not(unix))]
    open_regular(options, 0, path)
}

#[derive(Debug)]
struct OsAppend(File);

impl AppendHandle for OsAppend {
    fn write(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.0.write_all(bytes)
    }
    fn sync(&mut self) -> io::Result<()> {
        self.0.sync_data()
    }
    fn truncate(&mut self, len: u64) -> io::Result<()> {
        self.0.set_len(len)
    }
    fn size(&self) -> io::Result<u64> {
        Ok(self.0.metadata()?.len())
    }
}

#[derive(Debug)]
struct OsLock(#[allow(dead_code)] File);
impl LockGuard for OsLock {}

impl Disk for OsDisk {
    fn read(&self, path: &Path) -> io::Result<Option<Vec<u8>>> {
        // A link the user made to a file is followed, as before; what it
        // leads to must still be a regular file.
        let mut file = match open_regular(OpenOptions::new().read(true), 0, path) {
            Ok(file) => file,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(e),
        };
        let mut bytes = Vec::new();
        file.read_to_end(&mut bytes)?;
        Ok(Some(bytes))
    }

    fn write_file(&self, path: &Path, bytes: &[u8]) -> io::Result<()> {
        open_own(
            OpenOptions::new().write(true).create(true).truncate(true),
            path,
        )?
        .write_all(bytes)
    }

    fn sync(&self, path: &Path) -> io::Result<()> {
        open_own(OpenOptions::new().read(true), path)?.sync_all()
    }

    fn rename(&self, from: &Path, to: &Path) -> io::Result<()> {
        fs::rename(from, to)
    }

    fn sync_dir(&self, dir: &Path) -> io::Result<()> {
        #[cfg(unix)]
        File::open(dir)?.sync_all()?;
        #[cfg(not(unix))]
        let _ = dir;
        Ok(())
    }

    fn remove(&self, path: &Path) -> io::Result<()> {
        match fs::remove_file(path) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
            _ => Ok(()),
        }
    }

    fn ensure_dir(&self, dir: &Path, own: bool) -> io::Result<bool> {
        let found = if own {
            fs::symlink_metadata(dir)
        } else {
            fs::metadata(dir)
        };
        match found {
            Ok(meta) if meta.is_dir() => return Ok(false),
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
        builder.create(dir).map(|()| true)
    }

    fn remove_dir(&self, dir: &Path) -> io::Result<()> {
        match fs::remove_dir(dir) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
            _ => Ok(()),
        }
    }

    fn list(&self, dir: &Path) -> io::Result<Vec<String>> {
        let entries = match fs::read_dir(dir) {
            Ok(entries) => entries,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(e),
        };
        let mut names = Vec::new();
        for entry in entries {
            if let Some(name) = entry?.file_name().to_str() {
                names.push(name.to_owned());
            }
        }
        Ok(names)
    }

    fn open_append(&self, path: &Path) -> io::Result<Box<dyn AppendHandle>> {
        let file = open_own(OpenOptions::new().append(true), path)?;
        Ok(Box::new(OsAppend(file)))
    }

    fn identity(&self, dir: &Path) -> Option<std::path::PathBuf> {
        fs::canonicalize(dir).ok()
    }

    // `File::try_lock` is std since Rust 1.89; the workspace's declared
    // rust-version predates it (see the store's report to the lead).
    #[allow(clippy::incompatible_msrv)]
    fn try_lock(&self, path: &Path) -> io::Result<Option<Box<dyn LockGuard>>> {
        let file = open_own(
            OpenOptions::new()
                .read(true)
                .write(true)
                .create(true)
                .truncate(false),
            path,
        )?;
        match file.try_lock() {
            Ok(()) => Ok(Some(Box::new(OsLock(file)))),
            Err(fs::TryLockError::WouldBlock) => Ok(None),
            Err(fs::TryLockError::Error(e)) => Err(e),
        }
    }
}
