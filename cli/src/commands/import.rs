//! `patella import FILE`: restore a JSON backup into an empty store.

use std::path::PathBuf;

use clap::Args;
use patella_core::export;

use super::data_dir::{DataDirArgs, store_error};
use crate::output::CliError;

#[derive(Args)]
pub struct ImportArgs {
    #[command(flatten)]
    data: DataDirArgs,
    /// A backup written by `patella export --format backup`.
    file: PathBuf,
}

pub fn run(args: ImportArgs) -> Result<(), CliError> {
    let text = std::fs::read_to_string(&args.file).map_err(|source| CliError::Io {
        path: args.file.display().to_string(),
        source,
    })?;
    let records = export::backup_from_json(&text)
        .map_err(|e| CliError::Invalid(format!("{}: {e}", args.file.display())))?;
    let store = args.data.open()?;
    store.import(&records).map_err(store_error)?;
    println!(
        "imported {} check-ins, {} runs and {} sessions into {}",
        records.check_ins.len(),
        records.runs.len(),
        records.sessions.len(),
        store.dir().display()
    );
    Ok(())
}
