//! `patella`: the terminal companion to the Patella core.
//!
//! Each subcommand lives in its own module under `commands/` and prints
//! human-readable text, or JSON with `--json`, so that scripts and support
//! staff see exactly what the core decided.

// Data from outside (the app, files, the radio) must never panic the process.
#![deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

// Every subcommand's `print!` and `println!` go through one writer that
// survives a closed pipe (`patella history | head`) instead of panicking;
// see `output`. Defined before the modules so that it is the one they use.
macro_rules! print {
    ($($arg:tt)*) => {
        $crate::output::write_stdout(format_args!($($arg)*))
    };
}
macro_rules! println {
    () => {
        $crate::output::write_stdout(format_args!("\n"))
    };
    ($($arg:tt)*) => {
        $crate::output::write_stdout(format_args!("{}\n", format_args!($($arg)*)))
    };
}

// The same for standard error: a terminal closed under a run (its
// hang-up) must not turn a warning into a panic.
macro_rules! eprintln {
    ($($arg:tt)*) => {
        $crate::output::write_stderr(format_args!("{}\n", format_args!($($arg)*)))
    };
}

mod busy;
mod commands;
mod date_flag;
mod output;
mod report;
mod wall_clock;
mod write_file;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// The exit codes, as `output::exit` defines them (also in docs/cli.md).
const EXIT_CODES: &str = "Exit codes:
  0  done
  1  bad input: a value, a file's content, an unknown run id, bad hex
  2  usage: the command line itself is wrong
  3  device or I/O: no Bluetooth adapter, a file that cannot be read or
     written, a data folder that is locked or read-only, a full disk";

#[derive(Parser)]
#[command(
    name = "patella",
    version,
    about = "A knee-safe running companion",
    long_about = None,
    after_help = EXIT_CODES
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// See Patella coach one run in about a minute: a sample runner, a simulated foot pod, no files needed.
    #[command(after_help = "Example:\n  patella demo --plain --speed 400\n  patella demo")]
    Demo(commands::demo::DemoArgs),
    /// Run today's planned run with a Bluetooth foot pod: dashboard, knee check-ins from the keys, spoken cues.
    #[command(
        after_help = "Keys during the run: 0-9 knee check-in, s sharp pain, f red flag, q stop (the run is kept).\n\nExample:\n  patella run --sensor C0:FF:EE:18:14:00\n  patella run --pushed-demo --profile tests/fixtures/profile-new-runner.json --data-dir /tmp/patella-try"
    )]
    Run(commands::run::RunArgs),
    /// Show the knee-safe training plan for a runner profile.
    #[command(
        after_help = "Example:\n  patella plan --profile tests/fixtures/profile-new-runner.json --weeks 2"
    )]
    Plan(commands::plan::PlanArgs),
    /// Rate knee pain and see what to do now (the pain buffer zone).
    #[command(after_help = "Example:\n  patella pain --score 3 --when after-run")]
    Pain(commands::pain::PainArgs),
    /// Replay a recorded cadence trace (CSV) through a run session and print its events.
    #[command(
        after_help = "Example:\n  patella replay tests/fixtures/traces/drift_below.csv --target 170"
    )]
    Replay(commands::replay::ReplayArgs),
    /// Find Running Speed and Cadence foot pods and watch one live.
    #[command(after_help = "Example:\n  patella sensor scan --seconds 10")]
    Sensor(commands::sensor::SensorArgs),
    /// Decode raw Running Speed and Cadence packets (support and debugging).
    #[command(after_help = "Example:\n  patella rsc decode \"07 00 03 aa 6e 00 e8 03 00 00\"")]
    Rsc(commands::rsc::RscArgs),
    /// Show everything in the record: check-ins, runs, sessions.
    #[command(after_help = "Example:\n  patella history --data-dir ~/patella-data")]
    History(commands::history::HistoryArgs),
    /// Show the progress charts: pain, weekly volume, cadence, streaks.
    #[command(after_help = "Example:\n  patella progress --today 2026-05-10 --json")]
    Progress(commands::progress::ProgressArgs),
    /// Export the record as CSV, a run as TCX, or everything as a JSON backup.
    #[command(after_help = "Example:\n  patella export --format csv --table runs --out runs.csv")]
    Export(commands::export::ExportArgs),
    /// Draw a run (cadence, band, segments, alerts, check-ins) or the progress charts as SVG or HTML.
    #[command(after_help = "Example:\n  patella report --progress --out progress.html")]
    Report(commands::report::ReportArgs),
    /// Restore a JSON backup into an empty store.
    #[command(after_help = "Example:\n  patella import backup.json --data-dir ~/patella-data")]
    Import(commands::import::ImportArgs),
}

fn main() -> ExitCode {
    // Clap's usage errors get the usage code; `--help` and `--version`
    // come back as "errors" too, and they are a success.
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => {
            // Nothing more can be said if even this message cannot be written.
            let _ = err.print();
            return ExitCode::from(if err.use_stderr() {
                output::exit::USAGE
            } else {
                output::exit::DONE
            });
        }
    };
    let result = match cli.command {
        Command::Demo(args) => commands::demo::run(args),
        Command::Run(args) => commands::run::run(args),
        Command::Plan(args) => commands::plan::run(args),
        Command::Pain(args) => commands::pain::run(args),
        Command::Replay(args) => commands::replay::run(args),
        Command::Sensor(args) => commands::sensor::run(args),
        Command::Rsc(args) => commands::rsc::run(args),
        Command::History(args) => commands::history::run(args),
        Command::Progress(args) => commands::progress::run(args),
        Command::Export(args) => commands::export::run(args),
        Command::Import(args) => commands::import::run(args),
        Command::Report(args) => commands::report::run(args),
    };
    match result {
        Ok(()) => ExitCode::from(output::exit::DONE),
        Err(err) => {
            eprintln!("patella: {err}");
            ExitCode::from(err.exit_code())
        }
    }
}
