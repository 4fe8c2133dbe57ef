//! `patella history`: everything in the record, oldest first.

use clap::Args;
use patella_core::journal::{RunCheckpoint, Waiting};
use patella_core::run::format::checkpoint_set_aside;
use patella_core::screens::format;
use patella_core::store::{Records, StoreWarning};
use serde::Serialize;

use super::data_dir::{DataDirArgs, store_error};
use crate::output::{CliError, print_json};

#[derive(Args)]
pub struct HistoryArgs {
    #[command(flatten)]
    data: DataDirArgs,
    /// Print JSON instead of text.
    #[arg(long)]
    json: bool,
}

#[derive(Serialize)]
struct HistoryReport<'a> {
    warnings: &'a [StoreWarning],
    /// A run left unfinished (the program was killed during it), not in the
    /// record's runs yet: the next `patella run` keeps it as it stood.
    unfinished_run: Option<UnfinishedRun>,
    #[serde(flatten)]
    records: &'a Records,
}

#[derive(Serialize)]
struct UnfinishedRun {
    run_id: String,
    started_at: String,
}

pub fn run(args: HistoryArgs) -> Result<(), CliError> {
    let store = args.data.open()?;
    let records = store.records().map_err(store_error)?;
    // A checkpoint that cannot be brought back holds no run to speak of: it
    // is set aside (and said so) rather than named as waiting.
    let unfinished = match RunCheckpoint::settle(&store) {
        Ok(Waiting::Run(k)) => Some(UnfinishedRun {
            run_id: k.run_id,
            started_at: k.started_at,
        }),
        Ok(Waiting::SetAside(reason)) => {
            eprintln!("patella: {}", checkpoint_set_aside(&reason));
            None
        }
        Ok(Waiting::Nothing) => None,
        Err(e) => {
            eprintln!("patella: warning: the run checkpoint cannot be read: {e}");
            None
        }
    };
    if args.json {
        return print_json(&HistoryReport {
            warnings: store.warnings(),
            unfinished_run: unfinished,
            records: &records,
        });
    }
    if let Some(u) = &unfinished {
        println!(
            "unfinished run: {} started {} was left unfinished; the next `patella run` keeps it \
             as it stood",
            u.run_id,
            u.started_at.replace('T', " ")
        );
    }
    println!("check-ins: {}", records.check_ins.len());
    for c in &records.check_ins {
        println!(
            "  {}  {:>2}/10  {}",
            c.taken_at.format("%Y-%m-%d %H:%M"),
            c.score,
            format::moment(c.moment).to_lowercase()
        );
    }
    println!("runs: {}", records.runs.len());
    for r in &records.runs {
        let cadence = r
            .average_cadence_spm
            .map(patella_core::words::cadence)
            .unwrap_or_default();
        println!(
            "  {}  {:>6} m  {:>5} s  {cadence}  ({})",
            r.started_at.format("%Y-%m-%d %H:%M"),
            r.distance_m,
            r.duration_s,
            r.id
        );
    }
    println!("sessions: {}", records.sessions.len());
    for s in &records.sessions {
        println!(
            "  {}  {}  {}",
            s.date,
            format::outcome(s.outcome),
            s.session_id
        );
    }
    Ok(())
}
