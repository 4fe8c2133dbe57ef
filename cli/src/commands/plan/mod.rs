//! `patella plan`: the knee-safe training plan for a runner profile.

use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::{Days, Local};
use clap::Args;
use patella_core::calendar;
use patella_core::coach::{self, Catalogue, CoachConfig, History, Profile};

use crate::output::{CliError, print_json};

#[derive(Args)]
pub struct PlanArgs {
    /// The runner profile, as JSON.
    #[arg(long, required_unless_present = "history", conflicts_with = "history")]
    profile: Option<PathBuf>,
    /// A whole history as JSON (profile, plan_start, check_ins, outcomes,
    /// gear_changes, clinician_visits), to see the plan the core derives from it.
    #[arg(long)]
    history: Option<PathBuf>,
    /// How many weeks to plan.
    #[arg(long, default_value_t = 4)]
    weeks: u16,
    /// First day of the plan (YYYY-MM-DD); the history's start, else today, when left out.
    #[arg(long)]
    start: Option<String>,
    /// The day the plan is read on (YYYY-MM-DD), this machine's date when
    /// left out: weeks after it say what they depend on.
    #[arg(long)]
    today: Option<String>,
    /// Print JSON instead of text.
    #[arg(long)]
    json: bool,
    /// List every warm-up and cool-down move with its dose.
    #[arg(long)]
    detail: bool,
}

fn read(path: &Path) -> Result<(String, String), CliError> {
    let shown = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|source| CliError::Io {
        path: shown.clone(),
        source,
    })?;
    Ok((shown, text))
}

pub fn run(args: PlanArgs) -> Result<(), CliError> {
    let start = crate::date_flag::parse_opt("--start", args.start.as_deref())?;
    let today = crate::date_flag::parse_opt("--today", args.today.as_deref())?
        .unwrap_or_else(|| Local::now().date_naive());
    let (path, mut history) = match (&args.history, &args.profile) {
        (Some(file), _) => {
            let (path, text) = read(file)?;
            let mut history: History = serde_json::from_str(&text)
                .map_err(|e| CliError::Invalid(format!("{path}: {e}")))?;
            // A check-in from the future cannot report pain already felt:
            // it is left out of the plan, said so on standard error.
            crate::wall_clock::set_aside_ahead_of_now(
                &path,
                &mut history.check_ins,
                crate::wall_clock::local_now(),
                CoachConfig::default().pain.ahead_tolerance_min,
            );
            (path, history)
        }
        (None, Some(file)) => {
            let (path, text) = read(file)?;
            let profile: Profile = serde_json::from_str(&text)
                .map_err(|e| CliError::Invalid(format!("{path}: {e}")))?;
            (
                path,
                History::new(profile, start.unwrap_or_else(|| Local::now().date_naive())),
            )
        }
        (None, None) => {
            return Err(CliError::Invalid(
                "give --profile FILE or --history FILE".to_owned(),
            ));
        }
    };
    if let Some(start) = start {
        history.plan_start = start;
    }
    // A plan lists no day past the last date Patella accepts.
    let last_day = u64::from(args.weeks).saturating_mul(7).saturating_sub(1);
    let runs_past = history
        .plan_start
        .checked_add_days(Days::new(last_day))
        .is_none_or(|d| d > calendar::PLAUSIBLE_LAST);
    if args.weeks > 0 && runs_past {
        let (flag, what) = match start {
            Some(_) => ("--start".to_owned(), "start earlier"),
            None => (format!("{path}: plan_start"), "give an earlier --start"),
        };
        return Err(CliError::Invalid(format!(
            "{flag}: {} weeks from {} run past {}, the last date Patella accepts; {what} or plan \
             fewer --weeks",
            args.weeks,
            history.plan_start,
            calendar::PLAUSIBLE_LAST
        )));
    }
    let catalogue = Catalogue::builtin().map_err(|e| CliError::Invalid(e.to_string()))?;
    let config = CoachConfig::default();
    let plan = coach::build_plan_as_of(&history, args.weeks, catalogue, &config, today)
        .map_err(|e| CliError::Invalid(format!("{path}: {e}")))?;
    if args.json {
        return print_json(&plan);
    }
    let mut out = std::io::stdout().lock();
    for line in patella_core::screens::plan_text::render(&plan, args.detail) {
        if writeln!(out, "{line}").is_err() {
            // The reader went away (a closed pipe): nothing more to say.
            return Ok(());
        }
    }
    Ok(())
}
