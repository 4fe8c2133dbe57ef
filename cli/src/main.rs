//! `patella`: the terminal companion to the Patella core.
//!
//! Each subcommand lives in its own module under `commands/` and prints
//! human-readable text, or JSON with `--json`, so that scripts and support
//! staff see exactly what the core decided.

mod commands;
mod output;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(name = "patella", version, about = "A knee-safe running companion", long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Rate knee pain and see what to do now (the pain buffer zone).
    Pain(commands::pain::PainArgs),
    /// Replay a recorded cadence trace (CSV) through a run session and print its events.
    Replay(commands::replay::ReplayArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Pain(args) => commands::pain::run(args),
        Command::Replay(args) => commands::replay::run(args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("patella: {err}");
            ExitCode::FAILURE
        }
    }
}
