//! Building one run session: warm-up, main set, cool-down, as plain segments.

use super::catalogue::Amount;
use super::choices::Choices;
use super::config::{CoachConfig, LadderStage};
use super::plan::{
    CrossTraining, Effort, PlannedExercise, PlannedRun, PlannedSegment, SegmentKind,
};
use super::selection::Filter;

/// The main set of a run day.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum MainSet {
    /// A run/walk ladder rung (article 000).
    Ladder { stage: u8, rung: LadderStage },
    /// Steady running at usual pace.
    Steady { minutes: u32 },
    /// Speed goal: the ladder's short/long shape, the short ones faster (article 000).
    Intervals { minutes: u32, percent: u8 },
}

fn run(seconds: u32, effort: Effort) -> PlannedSegment {
    PlannedSegment {
        kind: SegmentKind::Run,
        seconds,
        effort: Some(effort),
    }
}

fn main_segments(main: MainSet, config: &CoachConfig) -> Vec<PlannedSegment> {
    match main {
        MainSet::Ladder { rung, .. } => {
            let mut out = Vec::with_capacity(rung.repeats as usize * 2);
            for _ in 0..rung.repeats {
                out.push(run(rung.run_seconds, Effort::Usual));
                if rung.walk_seconds > 0 {
                    out.push(PlannedSegment {
                        kind: SegmentKind::Walk,
                        seconds: rung.walk_seconds,
                        effort: None,
                    });
                }
            }
            out
        }
        MainSet::Steady { minutes } => vec![run(minutes * 60, Effort::Usual)],
        MainSet::Intervals { minutes, percent } => {
            let total = minutes * 60;
            let cycle = config.speed_short_seconds + config.speed_long_seconds;
            let reps = total.checked_div(cycle).unwrap_or(0);
            let mut out = Vec::with_capacity(reps as usize * 2 + 1);
            let fast = if percent == 0 {
                Effort::Usual
            } else {
                Effort::Faster { percent }
            };
            for _ in 0..reps {
                out.push(run(config.speed_short_seconds, fast));
                out.push(run(config.speed_long_seconds, Effort::Usual));
            }
            let rest = total - reps * cycle;
            if rest > 0 {
                out.push(run(rest, Effort::Usual));
            }
            out
        }
    }
}

fn stretch_seconds(list: &[PlannedExercise<'_>]) -> u32 {
    list.iter()
        .map(|p| {
            let d = p.exercise.dose;
            let each = match d.amount {
                Amount::Seconds(r) => u32::from(r.max),
                Amount::Reps(r) => u32::from(r.max) * 3,
            };
            each * u32::from(d.sets.max) * u32::from(d.per.sides())
        })
        .sum()
}

pub fn run_session<'c>(
    choices: &Choices<'c>,
    main: MainSet,
    filter: Filter<'_>,
    offer_cross_training: bool,
    cadence_target_spm: Option<f64>,
    config: &CoachConfig,
) -> PlannedRun<'c> {
    let warm_up = choices.warm_up(filter);
    let cool_down = choices.cool_down(filter);
    let main_set = main_segments(main, config);
    let running_seconds = main_set
        .iter()
        .filter(|s| s.kind == SegmentKind::Run)
        .map(|s| s.seconds)
        .sum();
    let main_seconds: u32 = main_set.iter().map(|s| s.seconds).sum();
    let mut segments = Vec::with_capacity(main_set.len() + 2);
    segments.push(PlannedSegment {
        kind: SegmentKind::WarmUp,
        seconds: config.warm_up_seconds,
        effort: None,
    });
    segments.extend(main_set);
    // Project's choice: at least 2 minutes of easy walking and stretching.
    let cool = stretch_seconds(&cool_down).max(120);
    segments.push(PlannedSegment {
        kind: SegmentKind::CoolDown,
        seconds: cool,
        effort: None,
    });
    let ladder_stage = match main {
        MainSet::Ladder { stage, .. } => Some(stage),
        _ => None,
    };
    PlannedRun {
        segments,
        warm_up,
        cool_down,
        running_seconds,
        ladder_stage,
        cross_training_option: offer_cross_training
            .then(|| CrossTraining::new(main_seconds.div_ceil(60))),
        cadence_target_spm,
    }
}
