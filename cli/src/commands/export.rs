//! `patella export`: CSV tables, a run as TCX, or the full JSON backup.

use std::path::PathBuf;

use clap::{Args, ValueEnum};
use patella_core::export;

use super::data_dir::{DataDirArgs, store_error};
use crate::output::CliError;

#[derive(Args)]
pub struct ExportArgs {
    #[command(flatten)]
    data: DataDirArgs,
    #[arg(long, value_enum)]
    format: Format,
    /// For CSV: which table.
    #[arg(long, value_enum, default_value = "check-ins")]
    table: Table,
    /// For TCX: the id of the run (default: the latest run).
    #[arg(long)]
    run: Option<String>,
    /// Write to this file instead of standard output.
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Csv,
    Tcx,
    Backup,
}

#[derive(Clone, Copy, ValueEnum)]
enum Table {
    CheckIns,
    Runs,
}

pub fn run(args: ExportArgs) -> Result<(), CliError> {
    let store = args.data.open()?;
    let records = store.records().map_err(store_error)?;
    let text = match args.format {
        Format::Csv => match args.table {
            Table::CheckIns => export::check_ins_csv(&records.check_ins),
            Table::Runs => export::runs_csv(&records.runs),
        },
        Format::Tcx => {
            let run = match &args.run {
                Some(id) => records.runs.iter().find(|r| &r.id == id).ok_or_else(|| {
                    CliError::Invalid(format!("--run: no run with id {id:?} in the record"))
                })?,
                None => records
                    .runs
                    .iter()
                    .max_by_key(|r| r.started_at)
                    .ok_or_else(|| {
                        CliError::Invalid("--format tcx: the record holds no run yet".to_owned())
                    })?,
            };
            export::run_tcx(run)
        }
        Format::Backup => export::backup_to_json(&records)? + "\n",
    };
    match &args.out {
        Some(path) => std::fs::write(path, text).map_err(|source| CliError::Io {
            path: path.display().to_string(),
            source,
        }),
        None => {
            print!("{text}");
            Ok(())
        }
    }
}
