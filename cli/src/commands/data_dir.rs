//! Where the record lives on this machine, shared by the subcommands that
//! open the store: `--data-dir`, else `$PATELLA_DATA_DIR`, else
//! `$XDG_DATA_HOME/patella`, else `~/.local/share/patella`.

use std::path::{Path, PathBuf};

use clap::Args;
use patella_core::store::Store;

use crate::output::CliError;

#[derive(Args, Clone)]
pub struct DataDirArgs {
    /// The data folder (default: $PATELLA_DATA_DIR, $XDG_DATA_HOME/patella or ~/.local/share/patella).
    #[arg(long, value_name = "DIR")]
    data_dir: Option<PathBuf>,
}

impl DataDirArgs {
    /// The folder to use.
    pub fn resolve(&self) -> Result<PathBuf, CliError> {
        if let Some(dir) = &self.data_dir {
            return Ok(dir.clone());
        }
        let var = |name| {
            std::env::var_os(name)
                .filter(|v| !v.is_empty())
                .map(PathBuf::from)
        };
        if let Some(dir) = var("PATELLA_DATA_DIR") {
            return Ok(dir);
        }
        if let Some(xdg) = var("XDG_DATA_HOME") {
            return Ok(xdg.join("patella"));
        }
        var("HOME")
            .map(|home| home.join(".local/share/patella"))
            .ok_or_else(|| {
                CliError::Invalid(
                    "--data-dir: no data folder given and neither PATELLA_DATA_DIR, XDG_DATA_HOME \
                 nor HOME is set"
                        .to_owned(),
                )
            })
    }

    /// Refuses an output file inside this data folder (see [`refuse_out_inside`]).
    pub fn refuse_out_inside(&self, flag: &str, out: &Path) -> Result<(), CliError> {
        refuse_out_inside(&self.resolve()?, flag, out)
    }

    /// Opens the store, telling the user on stderr what was set aside.
    pub fn open(&self) -> Result<Store, CliError> {
        let store = Store::open(self.resolve()?)?;
        for warning in store.warnings() {
            eprintln!("patella: warning: {warning}");
        }
        Ok(store)
    }
}

/// Refuses an output file `out` (given with `flag`) inside the data folder
/// `data`: it could replace the record's own database (the next open would
/// refuse it as damaged) or leave a stray file beside it.
/// Both folders are compared as the file system resolves them, so `..`,
/// symbolic links and relative paths cannot slip past. Call it once the
/// store is open, when the data folder exists.
pub fn refuse_out_inside(data: &Path, flag: &str, out: &Path) -> Result<(), CliError> {
    // A data folder that is not there holds nothing to overwrite.
    let Ok(data) = std::fs::canonicalize(data) else {
        return Ok(());
    };
    let parent = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    // A folder that is not there cannot be written into: the write itself
    // says so, naming the path.
    let Ok(parent) = std::fs::canonicalize(parent) else {
        return Ok(());
    };
    if parent.starts_with(&data) {
        return Err(CliError::Usage(format!(
            "{flag}: {} is inside the data folder {}, where it could overwrite the record; \
             write it somewhere outside that folder",
            out.display(),
            data.display()
        )));
    }
    Ok(())
}

/// A store error, worded for the terminal; its kind picks the exit code.
pub fn store_error(err: patella_core::store::RecordStoreError) -> CliError {
    CliError::Store(err)
}
