//! `patella report [RUN_ID | --progress] --out FILE.svg|FILE.html`: the
//! command line around `crate::report`.

use std::path::PathBuf;

use clap::Args;
use serde::Serialize;

use super::data_dir::DataDirArgs;
use crate::busy::Busy;
use crate::date_flag;
use crate::output::{CliError, print_json};
use crate::report;

#[derive(Args)]
pub struct ReportArgs {
    #[command(flatten)]
    data: DataDirArgs,
    /// The run to draw, by its id (`patella history` lists them); default: the latest run.
    #[arg(value_name = "RUN_ID", conflicts_with = "progress")]
    run_id: Option<String>,
    /// Draw the progress charts instead of a run.
    #[arg(long)]
    progress: bool,
    /// For --progress: the day to draw up to, YYYY-MM-DD (default: today, local time).
    #[arg(long, requires = "progress")]
    today: Option<String>,
    /// The file to write: .svg for the charts alone, .html for a page with a summary table.
    #[arg(long, value_name = "FILE")]
    out: PathBuf,
    /// Print what was written as JSON instead of text.
    #[arg(long)]
    json: bool,
}

#[derive(Serialize)]
struct Written<'a> {
    kind: &'a str,
    /// The run drawn (the latest when none was named); none for progress.
    run_id: Option<String>,
    path: String,
}

pub fn run(args: ReportArgs) -> Result<(), CliError> {
    // A bad file name is known before the record is opened.
    report::ReportFormat::of(&args.out)?;
    let today = date_flag::parse_opt("--today", args.today.as_deref())?;
    let busy = Busy::start("drawing the report");
    let store = args.data.open()?;
    args.data.refuse_out_inside("--out", &args.out)?;
    let (kind, run_id, path) = if args.progress {
        let today = today.unwrap_or_else(|| chrono::Local::now().date_naive());
        (
            "progress",
            None,
            report::write_progress_report(&store, today, &args.out)?,
        )
    } else {
        let id = report::run_id_or_latest(&store, args.run_id.as_deref())?;
        let path = report::write_run_report(&store, Some(&id), &args.out)?;
        ("run", Some(id), path)
    };
    drop(busy);
    if args.json {
        return print_json(&Written {
            kind,
            run_id,
            path: path.display().to_string(),
        });
    }
    println!("wrote {}", path.display());
    Ok(())
}
