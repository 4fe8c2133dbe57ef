//! Today's planned run, read from the runner's record: the coach rebuilds
//! the plan from the history and the day's run session becomes the live
//! session's plan, with the week's cadence target.

use chrono::NaiveDate;
use patella_core::coach::{self, Catalogue, CoachConfig, History, MAX_WEEKS, Session};
use patella_core::run::SessionPlan;
use patella_core::screens::plan_text;

use crate::output::CliError;

/// Today's run as the coach planned it.
pub struct TodaysRun {
    /// The live session's plan: segments and the cadence target.
    pub plan: SessionPlan,
    /// The day as `patella plan` words it.
    pub day_lines: Vec<String>,
}

/// Today's run, or why there is none (a rest day, a day the knee rules out).
pub fn todays_run(
    history: &History,
    date: NaiveDate,
    config: &CoachConfig,
) -> Result<TodaysRun, CliError> {
    let catalogue = Catalogue::builtin().map_err(|e| CliError::Invalid(e.to_string()))?;
    let plan = coach::build_plan_as_of(history, weeks_to(history, date), catalogue, config, date)
        .map_err(|e| CliError::Invalid(format!("the plan: {e}")))?;
    let Some(day) = plan.day(date) else {
        return Err(CliError::Invalid(format!(
            "{date} is before the plan starts ({}); run again from that day",
            history.plan_start
        )));
    };
    let day_lines = plan_text::day_text(day, false);
    let run = day.sessions.iter().find_map(|s| match s {
        Session::Run(run) => Some(run),
        _ => None,
    });
    match run {
        Some(run) => Ok(TodaysRun {
            plan: run.session_plan(),
            day_lines,
        }),
        None => Err(CliError::Invalid(format!(
            "no run is planned for today ({}); `patella plan` shows the next run day",
            plan_text::day_summary(day)
        ))),
    }
}

/// Enough weeks of plan to reach `date`.
fn weeks_to(history: &History, date: NaiveDate) -> u16 {
    let days = (date - history.plan_start).num_days().max(0);
    u16::try_from(days / 7 + 1)
        .unwrap_or(MAX_WEEKS)
        .clamp(1, MAX_WEEKS)
}
