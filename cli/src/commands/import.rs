//! `patella import FILE`: restore a JSON backup into an empty store.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use clap::Args;
use patella_core::export;
use patella_core::file_read::{CappedReadError, read_capped};
use patella_core::journal::Journal;
use serde::Serialize;

use super::data_dir::DataDirArgs;
use super::live::keep::journal_error;
use crate::busy::Busy;
use crate::output::{CliError, print_json};

#[derive(Args)]
pub struct ImportArgs {
    #[command(flatten)]
    data: DataDirArgs,
    /// A backup written by `patella export --format backup`.
    file: PathBuf,
    /// Print what was imported as JSON instead of text.
    #[arg(long)]
    json: bool,
}

/// Largest backup `import` reads. The project's choice: a backup of decades
/// of daily check-ins and runs is a few MiB, so 64 MiB is generous, and it
/// keeps a wrong file (a disk image, `/dev/urandom`) from filling memory.
pub const MAX_BACKUP_BYTES: u64 = 64 * 1024 * 1024;

/// The backup's text, read only if it is a regular file of at most
/// [`MAX_BACKUP_BYTES`].
fn read_backup(file: &Path) -> Result<String, CliError> {
    let name = file.display();
    let bytes = read_capped(file, MAX_BACKUP_BYTES).map_err(|e| match e {
        CappedReadError::NotRegular(not) => CliError::Invalid(format!(
            "{name}: {not}; give the backup file written by `patella export --format backup`"
        )),
        CappedReadError::TooLarge { cap } => CliError::Invalid(format!(
            "{name}: larger than the {} MiB a backup may be ({cap} bytes); this is not a Patella backup, give the file written by `patella export --format backup`",
            cap / (1024 * 1024)
        )),
        CappedReadError::Io(source) => CliError::Io {
            path: name.to_string(),
            source,
        },
    })?;
    String::from_utf8(bytes).map_err(|_| {
        CliError::Invalid(format!(
            "{name}: not text (a backup is UTF-8 JSON); give the file written by `patella export --format backup`"
        ))
    })
}

/// What an import brought in.
#[derive(Serialize)]
struct Imported {
    check_ins: usize,
    /// Check-ins dated ahead of now, left out with a warning.
    set_aside: usize,
    runs: usize,
    sessions: usize,
    data_dir: String,
}

pub fn run(args: ImportArgs) -> Result<(), CliError> {
    let busy = Busy::start(format!("reading {}", args.file.display()));
    let text = read_backup(&args.file)?;
    busy.step("checking the backup");
    let mut records = export::backup_from_json(&text)
        .map_err(|e| CliError::Invalid(format!("{}: {e}", args.file.display())))?;
    // A check-in dated ahead of now is left out, with a warning naming it;
    // the rest comes in, all or nothing as before.
    let set_aside = patella_core::pain::set_aside_ahead_of_now(
        &mut records.check_ins,
        crate::wall_clock::local_now(),
        patella_core::pain::AHEAD_TOLERANCE_MIN,
    );
    busy.step("writing the record");
    let store = Arc::new(args.data.open()?);
    Journal::new(store.clone())
        .import_backup(&records)
        .map_err(journal_error)?;
    drop(busy);
    crate::wall_clock::warn_set_aside(&args.file.display().to_string(), &set_aside);
    let imported = Imported {
        check_ins: records.check_ins.len(),
        set_aside: set_aside.len(),
        runs: records.runs.len(),
        sessions: records.sessions.len(),
        data_dir: store.dir().display().to_string(),
    };
    if args.json {
        return print_json(&imported);
    }
    println!(
        "imported {} check-ins, {} runs and {} sessions into {}",
        imported.check_ins, imported.runs, imported.sessions, imported.data_dir
    );
    if !set_aside.is_empty() {
        println!(
            "set aside {} check-ins dated ahead of now (see the warnings)",
            set_aside.len()
        );
    }
    Ok(())
}
