//! `patella export`: CSV tables, a run as TCX, or the full JSON backup.
//!
//! With `--out`, the file is written whole or not at all (`write_file`):
//! a previous backup at that path stays intact until the new one is complete.

use std::path::PathBuf;

use chrono::{FixedOffset, Local, NaiveDateTime, Offset, TimeZone};
use clap::{Args, ValueEnum};
use patella_core::export;
use patella_core::journal::RunCheckpoint;
use patella_core::run::format::unfinished_run_not_exported;
use serde::Serialize;

use super::data_dir::{DataDirArgs, store_error};
use crate::busy::Busy;
use crate::output::{CliError, print_json};
use crate::write_file::write_whole;

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
    /// For TCX: the offset from UTC the run's local times were in, e.g.
    /// +01:00 (default: this machine's time zone on the run's date).
    #[arg(long, value_name = "±HH:MM", allow_hyphen_values = true)]
    utc_offset: Option<String>,
    /// Write to this file instead of standard output.
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
    /// With --out: print what was written as JSON (the data itself goes to the file).
    #[arg(long, requires = "out")]
    json: bool,
}

/// What `export --out` wrote.
#[derive(Serialize)]
struct Written {
    path: String,
    format: &'static str,
    bytes: usize,
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
    let busy = Busy::start("reading the record");
    let store = args.data.open()?;
    if let Some(out) = &args.out {
        args.data.refuse_out_inside("--out", out)?;
    }
    let records = store.records().map_err(store_error)?;
    // Read only: the export changes nothing, a checkpoint that cannot be
    // read included (the next run sets that aside).
    if let Ok(Some(waiting)) = RunCheckpoint::read(&store) {
        eprintln!(
            "patella: {}",
            unfinished_run_not_exported(&waiting.run_id, &waiting.started_at)
        );
    }
    busy.step("writing the export");
    let text = match args.format {
        Format::Csv => match args.table {
            Table::CheckIns => export::check_ins_csv(&records.check_ins),
            Table::Runs => export::runs_csv(&records.runs),
        },
        Format::Tcx => {
            let run = match &args.run {
                Some(id) => records.runs.iter().find(|r| &r.id == id).ok_or_else(|| {
                    CliError::Invalid(format!(
                        "--run: no run with id {id:?} in the record; `patella history` lists the \
                         runs with their ids"
                    ))
                })?,
                None => records
                    .runs
                    .iter()
                    .max_by_key(|r| r.started_at)
                    .ok_or_else(|| {
                        CliError::Invalid(
                            "--format tcx: the record holds no run yet; record or import one first"
                                .to_owned(),
                        )
                    })?,
            };
            let offset = match &args.utc_offset {
                Some(text) => parse_offset(text)?,
                None => local_offset(run.started_at),
            };
            export::run_tcx(run, offset)
        }
        Format::Backup => export::backup_to_json(&records)? + "\n",
    };
    let Some(path) = &args.out else {
        drop(busy);
        print!("{text}");
        return Ok(());
    };
    write_whole(path, text.as_bytes())?;
    drop(busy);
    if args.json {
        return print_json(&Written {
            path: std::path::absolute(path)
                .unwrap_or_else(|_| path.clone())
                .display()
                .to_string(),
            format: match args.format {
                Format::Csv => "csv",
                Format::Tcx => "tcx",
                Format::Backup => "backup",
            },
            bytes: text.len(),
        });
    }
    Ok(())
}

/// `+01:00`, `-05:00`, `+0530` or `Z` as an offset from UTC.
fn parse_offset(text: &str) -> Result<FixedOffset, CliError> {
    let bad = || {
        CliError::Invalid(format!(
            "--utc-offset: {text:?} is not an offset like +01:00, -05:00 or Z"
        ))
    };
    if text.eq_ignore_ascii_case("z") {
        return FixedOffset::east_opt(0).ok_or_else(bad);
    }
    let (sign, rest) = match text.as_bytes().first() {
        Some(b'+') => (1, &text[1..]),
        Some(b'-') => (-1, &text[1..]),
        _ => return Err(bad()),
    };
    let digits: String = rest.chars().filter(|c| *c != ':').collect();
    if digits.len() != 4 || !digits.chars().all(|c| c.is_ascii_digit()) {
        return Err(bad());
    }
    let hours: i32 = digits[..2].parse().map_err(|_| bad())?;
    let minutes: i32 = digits[2..].parse().map_err(|_| bad())?;
    if minutes >= 60 {
        return Err(bad());
    }
    FixedOffset::east_opt(sign * (hours * 3600 + minutes * 60)).ok_or_else(bad)
}

/// This machine's offset from UTC at local time `at` (the earlier one in a
/// repeated hour, the one before the gap in a skipped hour).
fn local_offset(at: NaiveDateTime) -> FixedOffset {
    let offset = Local.offset_from_local_datetime(&at);
    offset
        .earliest()
        .or_else(|| {
            Local
                .offset_from_local_datetime(&(at - chrono::Duration::hours(1)))
                .earliest()
        })
        .map(|o| o.fix())
        .unwrap_or_else(|| Local::now().offset().fix())
}
