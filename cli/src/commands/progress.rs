//! `patella progress`: the progress charts as of a day.

use clap::Args;
use patella_core::progress::{ProgressConfig, progress_view};
use patella_core::screens::format;

use super::data_dir::{DataDirArgs, store_error};
use crate::output::{CliError, print_json};

#[derive(Args)]
pub struct ProgressArgs {
    #[command(flatten)]
    data: DataDirArgs,
    /// The day to compute the view for, YYYY-MM-DD (default: today, local time).
    #[arg(long)]
    today: Option<String>,
    /// Print JSON instead of text.
    #[arg(long)]
    json: bool,
}

pub fn run(args: ProgressArgs) -> Result<(), CliError> {
    // The core reads no clock; the terminal program is the edge that does.
    let today = crate::date_flag::parse_opt("--today", args.today.as_deref())?
        .unwrap_or_else(|| chrono::Local::now().date_naive());
    let store = args.data.open()?;
    let view = store
        .with_records(|records| progress_view(records, today, &ProgressConfig::default()))
        .map_err(store_error)?;
    if args.json {
        return print_json(&view);
    }
    println!("progress as of {today}");
    for series in &view.pain.series {
        let above = series.points.iter().filter(|p| p.above_buffer).count();
        println!(
            "  pain {}: {} check-ins, {above} above {}",
            format::moment(series.moment).to_lowercase(),
            series.points.len(),
            view.pain.buffer_zone_max
        );
    }
    if let Some(week) = view.weekly_volume.last() {
        let cap = week
            .cap_m
            .map(|c| format!(" (cap {c} m)"))
            .unwrap_or_default();
        println!(
            "  this week: {} m in {} runs{cap}",
            week.distance_m, week.runs
        );
    }
    let on_target = view.cadence.runs.iter().filter(|r| r.on_target).count();
    println!(
        "  cadence: {on_target} of {} runs on target",
        view.cadence.runs.len()
    );
    println!(
        "  streak: {} consistent weeks (longest {})",
        view.streaks.current_weeks, view.streaks.longest_weeks
    );
    println!(
        "  improvement: {}",
        format::improvement(view.improvement.status)
    );
    if let Some(advice) = &view.improvement.advice {
        println!("  {advice}");
    }
    Ok(())
}
