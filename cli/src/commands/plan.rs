//! `patella plan`: the knee-safe training plan for a runner profile.

use std::path::PathBuf;

use chrono::{Local, NaiveDate};
use clap::Args;
use patella_core::coach::{self, Catalogue, CoachConfig, History, Profile, Session};

use crate::output::{CliError, print_json};

#[derive(Args)]
pub struct PlanArgs {
    /// The runner profile, as JSON.
    #[arg(long)]
    profile: PathBuf,
    /// How many weeks to plan (1-104).
    #[arg(long, default_value_t = 4)]
    weeks: u16,
    /// First day of the plan (YYYY-MM-DD); today when left out.
    #[arg(long)]
    start: Option<String>,
    /// Print JSON instead of text.
    #[arg(long)]
    json: bool,
}

pub fn run(args: PlanArgs) -> Result<(), CliError> {
    let path = args.profile.display().to_string();
    let text = std::fs::read_to_string(&args.profile)
        .map_err(|e| CliError::Invalid(format!("{path}: {e}")))?;
    let profile: Profile =
        serde_json::from_str(&text).map_err(|e| CliError::Invalid(format!("{path}: {e}")))?;
    let start = match args.start {
        Some(s) => NaiveDate::parse_from_str(&s, "%Y-%m-%d").map_err(|_| {
            CliError::Invalid(format!("--start: {s} is not a date of the form YYYY-MM-DD"))
        })?,
        None => Local::now().date_naive(),
    };
    let catalogue = Catalogue::builtin().map_err(|e| CliError::Invalid(e.to_string()))?;
    let config = CoachConfig::default();
    let history = History::new(profile, start);
    let plan = coach::build_plan(&history, args.weeks, catalogue, &config)
        .map_err(|e| CliError::Invalid(format!("{path}: {e}")))?;
    if args.json {
        return print_json(&plan);
    }
    for advisory in &plan.advisories {
        println!("note: {advisory:?}");
    }
    for week in &plan.weeks {
        println!(
            "week {} from {} ({:?}, {} min running, strength: {:?})",
            week.index + 1,
            week.start,
            week.kind,
            week.running_seconds / 60,
            week.strength_phase
        );
        for day in &week.days {
            let names: Vec<String> = day
                .sessions
                .iter()
                .map(|s| match s {
                    Session::Run(r) => format!("run {} min", r.running_seconds.div_ceil(60)),
                    Session::Strength(s) => format!("strength ({} exercises)", s.exercises.len()),
                    Session::KneeRoutine { exercises } => {
                        format!("knee routine ({} exercises)", exercises.len())
                    }
                    Session::CrossTraining { training, .. } => {
                        format!("cross-training {} min", training.minutes)
                    }
                })
                .collect();
            let label = if names.is_empty() {
                "rest".to_owned()
            } else {
                names.join(", ")
            };
            println!("  {} {}: {label}", day.date, day.date.format("%a"));
        }
    }
    println!("{}", plan.disclaimer);
    Ok(())
}
