//! Saying where the cadence schedule stops and why, when a low baseline
//! cannot reach the 165-180 aim (article 002) in one block of step-ups of
//! 5-10% in all (article 004).

use super::config::CoachConfig;
use super::plan::Advisory;
use super::setup::PlanContext;

/// The advisory for a schedule that ends below the aim, if any.
pub fn note(ctx: &PlanContext<'_>, config: &CoachConfig) -> Option<Advisory> {
    let schedule = ctx.cadence.as_ref()?;
    let goal = schedule.goal();
    let aim_low = config.cadence.aim_low_spm;
    if goal >= aim_low {
        return None;
    }
    Some(Advisory::CadenceBelowAim {
        baseline_spm: schedule.baseline_spm.round(),
        goal_spm: goal,
        aim_low_spm: aim_low,
        message: format!(
            "Your cadence target rises from {:.0} to {goal:.0} steps per minute and stops \
             there: a block of step-ups adds 5-10% in all, about 5% at a time, so the body can \
             adapt. {aim_low:.0}-{:.0} is more than one block away. Once {goal:.0} feels \
             normal, measure your cadence again and start a new block from there.",
            schedule.baseline_spm, config.cadence.aim_high_spm
        ),
    })
}
