//! Opening and reading files from outside without being stalled or flooded
//! by them: a named pipe or a device in place of a file is refused without
//! waiting on it, and a read stops at a cap the caller names.

use std::fs::{File, OpenOptions};
use std::io::{self, Read};
use std::path::Path;

use thiserror::Error;

/// A path that names something other than a regular file (a named pipe,
/// a device, a socket, a folder), which Patella never reads as a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
#[error("is {found}, not a regular file")]
pub struct NotRegularFile {
    /// What the path is, in words ("a named pipe (FIFO)").
    pub found: &'static str,
}

impl NotRegularFile {
    /// The `NotRegularFile` inside an I/O error, if that is what it holds.
    pub fn within(error: &io::Error) -> Option<Self> {
        error
            .get_ref()
            .and_then(|inner| inner.downcast_ref::<Self>())
            .copied()
    }
}

/// Describes a file type that is not a regular file.
fn kind_of(file_type: std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            return "a named pipe (FIFO)";
        }
        if file_type.is_char_device() || file_type.is_block_device() {
            return "a device";
        }
        if file_type.is_socket() {
            return "a socket";
        }
    }
    if file_type.is_dir() {
        "a folder"
    } else if file_type.is_symlink() {
        "a symbolic link"
    } else {
        "not a file"
    }
}

/// Opens `path` with `options` (plus the open flags `flags` on Unix) without
/// blocking on a named pipe or a device, and refuses anything but a regular
/// file with an error holding [`NotRegularFile`].
pub fn open_regular(options: &mut OpenOptions, flags: i32, path: &Path) -> io::Result<File> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        // O_NONBLOCK: opening a FIFO would otherwise wait for its other
        // end; it changes nothing for a regular file's reads and writes.
        options.custom_flags(flags | libc::O_NONBLOCK);
    }
    #[cfg(not(unix))]
    let _ = flags;
    let file = match options.open(path) {
        Ok(file) => file,
        // A FIFO with no reader refuses a non-blocking open for writing.
        #[cfg(unix)]
        Err(e) if e.raw_os_error() == Some(libc::ENXIO) => {
            let found = std::fs::symlink_metadata(path)
                .map(|m| kind_of(m.file_type()))
                .unwrap_or("not a file");
            return Err(not_regular(found));
        }
        Err(e) => return Err(e),
    };
    let file_type = file.metadata()?.file_type();
    if !file_type.is_file() {
        return Err(not_regular(kind_of(file_type)));
    }
    Ok(file)
}

fn not_regular(found: &'static str) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidInput, NotRegularFile { found })
}

/// Why [`read_capped`] gave no bytes.
#[derive(Debug, Error)]
pub enum CappedReadError {
    #[error(transparent)]
    NotRegular(NotRegularFile),
    #[error("is larger than the {cap} bytes accepted")]
    TooLarge { cap: u64 },
    #[error(transparent)]
    Io(io::Error),
}

/// Reads the regular file `path` whole, refusing it once it passes `cap`
/// bytes (read through `take`, so no more than `cap + 1` bytes are ever
/// held, whatever the file claims its size is).
pub fn read_capped(path: &Path, cap: u64) -> Result<Vec<u8>, CappedReadError> {
    let file = open_regular(OpenOptions::new().read(true), 0, path).map_err(|e| {
        match NotRegularFile::within(&e) {
            Some(not) => CappedReadError::NotRegular(not),
            None => CappedReadError::Io(e),
        }
    })?;
    let mut bytes = Vec::new();
    file.take(cap.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(CappedReadError::Io)?;
    if u64::try_from(bytes.len()).unwrap_or(u64::MAX) > cap {
        return Err(CappedReadError::TooLarge { cap });
    }
    Ok(bytes)
}
