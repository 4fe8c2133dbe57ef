//! Writing an output file whole or not at all: to a temp file next to it
//! (owner-only, 0600: what Patella writes is health data), synced, renamed
//! over the target, and the folder synced. A previous file at that path
//! stays intact until the new one is complete. Used by `export --out` and
//! `report --out`.
//!
//! A write killed before its rename leaves its temp file behind; the next
//! write to the same path removes those of writers no longer running.

use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::output::CliError;

/// Writes `bytes` to `path` completely or not at all, owner-only.
pub fn write_whole(path: &Path, bytes: &[u8]) -> Result<(), CliError> {
    let io = |path: &Path| {
        let path = path.display().to_string();
        move |source| CliError::Io { path, source }
    };
    let name = path.file_name().ok_or_else(|| {
        CliError::Invalid(format!("--out: {} is not a file name", path.display()))
    })?;
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    remove_stale_partials(&dir, name);
    let mut tmp_name = std::ffi::OsString::from(".");
    tmp_name.push(name);
    tmp_name.push(format!(".{}.partial", std::process::id()));
    let tmp = dir.join(tmp_name);
    let mut options = OpenOptions::new();
    // A fresh name: never truncates or follows anything already there.
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let written = options.open(&tmp).map_err(io(&tmp)).and_then(|mut file| {
        file.write_all(bytes)
            .and_then(|()| file.sync_all())
            .map_err(io(&tmp))
    });
    let renamed = written.and_then(|()| fs::rename(&tmp, path).map_err(io(path)));
    if let Err(err) = renamed {
        // Nothing half-written is left to fill the disk.
        let _ = fs::remove_file(&tmp);
        return Err(err);
    }
    #[cfg(unix)]
    File::open(&dir)
        .and_then(|d| d.sync_all())
        .map_err(io(&dir))?;
    Ok(())
}

/// Removes `.NAME.PID.partial` files in `dir` left by writers of `name` that
/// were killed: their process is gone. Another writer's file still being
/// written is left alone. Best effort: a file that cannot be removed is the
/// same leftover as before.
fn remove_stale_partials(dir: &Path, name: &std::ffi::OsStr) {
    let Some(name) = name.to_str() else { return };
    let prefix = format!(".{name}.");
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let Some(pid) = file_name
            .to_str()
            .and_then(|n| n.strip_prefix(&prefix))
            .and_then(|rest| rest.strip_suffix(".partial"))
            .and_then(|pid| pid.parse::<u32>().ok())
        else {
            continue;
        };
        if pid != std::process::id() && !process_running(pid, &entry.path()) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// Whether the writer `pid` may still be writing. Linux shows running
/// processes under /proc; elsewhere a temp file untouched for an hour
/// (project's choice: far longer than any export takes) counts as left.
#[cfg(target_os = "linux")]
fn process_running(pid: u32, _partial: &Path) -> bool {
    Path::new("/proc").join(pid.to_string()).exists()
}

#[cfg(not(target_os = "linux"))]
fn process_running(_pid: u32, partial: &Path) -> bool {
    fs::metadata(partial)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| t.elapsed().ok())
        .is_none_or(|age| age < std::time::Duration::from_secs(3_600))
}
