//! Where the record lives on this machine, shared by the subcommands that
//! open the store: `--data-dir`, else `$PATELLA_DATA_DIR`, else
//! `$XDG_DATA_HOME/patella`, else `~/.local/share/patella`.

use std::path::PathBuf;

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

    /// Opens the store, telling the user on stderr what was set aside.
    pub fn open(&self) -> Result<Store, CliError> {
        let store = Store::open(self.resolve()?)?;
        for warning in store.warnings() {
            eprintln!("patella: warning: {warning}");
        }
        Ok(store)
    }
}

/// A store error, worded for the terminal; its kind picks the exit code.
pub fn store_error(err: patella_core::store::StoreError) -> CliError {
    CliError::Store(err)
}
