//! Plan views for the apps: a day with its sessions, a week with its days.

use crate::coach::Session;
use crate::coach::plan::{
    CrossActivity, DayKind, Effort, Milestone, PlanDay as CorePlanDay, PlanWeek as CorePlanWeek,
    RunSession, SegmentKind, WeekKind,
};

use super::exercise::{SessionExercise, StrengthLevel};
use crate::ffi::run::RunSegmentKind;

/// One piece of a run day. `faster_percent` is set on the speed goal's fast
/// intervals; other run segments are at usual pace.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct PlanSegment {
    /// Warm-up, run, walk or cool-down.
    pub kind: RunSegmentKind,
    /// How long the segment lasts, in seconds.
    pub seconds: u32,
    /// How much faster than usual pace, in percent, on a fast interval;
    /// `None` at usual pace.
    pub faster_percent: Option<u8>,
}

/// A low-impact activity offered in place of running.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum CrossTrainingActivity {
    /// Cycling, outdoors or on a stationary bike.
    Cycling,
    /// Swimming.
    Swimming,
}

/// Low-impact work offered in place of running.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct CrossTrainingOffer {
    /// How long to cycle or swim, in minutes.
    pub minutes: u32,
    /// The activities to choose from.
    pub activities: Vec<CrossTrainingActivity>,
}

/// A planned run: its segments, warm-up and cool-down exercises.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct PlannedRun {
    /// Warm-up, main set and cool-down segments, in order.
    pub segments: Vec<PlanSegment>,
    /// Exercises to do before running.
    pub warm_up: Vec<SessionExercise>,
    /// Exercises to do after running.
    pub cool_down: Vec<SessionExercise>,
    /// Seconds of running in the main set (walk breaks not counted).
    pub running_seconds: u32,
    /// The run/walk ladder stage, from 0; `None` once off the ladder.
    pub ladder_stage: Option<u8>,
    /// Offered when running is scaled back; `None` otherwise.
    pub cross_training_option: Option<CrossTrainingOffer>,
    /// This week's cadence target, whole steps/min; none without a baseline.
    pub cadence_target_spm: Option<u32>,
}

/// One session planned on a day.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Enum)]
pub enum PlanSession {
    /// A run (or run/walk), with its warm-up and cool-down.
    Run { run: PlannedRun },
    /// Strength work at the week's `phase`.
    Strength {
        phase: StrengthLevel,
        exercises: Vec<SessionExercise>,
    },
    /// The short daily routine while the knee hurts.
    KneeRoutine { exercises: Vec<SessionExercise> },
    /// Cycling or swimming in place of a run; `reason` says why, ready
    /// to show.
    CrossTraining {
        offer: CrossTrainingOffer,
        reason: String,
    },
}

/// What the week template puts on a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum PlanDayKind {
    /// A run day.
    Run,
    /// A strength day.
    Strength,
    /// A rest day (the daily knee routine may still be planned).
    Rest,
}

/// One day of the plan with its sessions.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct PlanDay {
    /// ISO-8601 date.
    pub date: String,
    /// Run, strength or rest day.
    pub kind: PlanDayKind,
    /// The knee is sore or was recently above the buffer zone: no
    /// plyometric or deep-loaded work today.
    pub knee_restricted: bool,
    /// Why the knee limits the day (a hold and what ends it, pain above the
    /// comfort limit, soreness), one sentence each, ready to show.
    pub notes: Vec<String>,
    /// The day's sessions, in the order to do them; empty on a plain
    /// rest day.
    pub sessions: Vec<PlanSession>,
}

/// Why a week looks the way it does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum PlanWeekKind {
    /// The first week, at the runner's current level.
    Start,
    /// One step up from the week before.
    Build,
    /// The same as the week before, which was not completed.
    Repeat,
    /// A step down: pain went above the buffer zone.
    StepBack,
    /// The regular lighter week.
    Taper,
    /// After a change of surface or shoes: lower, then rebuilding.
    GearChange,
    /// Progression waits until the runner confirms seeing a clinician.
    Hold,
    /// The goal is reached; the level is kept.
    Maintain,
}

/// A point in the plan worth telling the runner about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum PlanMilestone {
    /// About four weeks of strength work: knees start to feel steadier.
    SteadierKnees,
    /// About eight weeks of strength work: the joint gets deeper
    /// protection.
    DeeperProtection,
    /// The week's runs are 15 minutes without a walk break.
    ContinuousFifteenMinutes,
    /// The week's running reaches the weekly distance goal.
    WeeklyDistanceReached,
}

/// One week of the plan: seven days from the plan's start weekday.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct PlanWeek {
    /// The week's number in the plan, from 0 for the first week.
    pub index: u16,
    /// ISO-8601 date of the week's first day.
    pub start: String,
    /// Why the week looks the way it does.
    pub kind: PlanWeekKind,
    /// Why the week does not build, one sentence each (empty for a build).
    pub reasons: Vec<String>,
    /// Planned running minutes before any in-week swap or cut.
    pub nominal_minutes: u32,
    /// Planned running seconds after swaps and cuts (the volume the
    /// 10% rule counts).
    pub running_seconds: u32,
    /// The run/walk ladder stage, from 0; `None` once off the ladder.
    pub ladder_stage: Option<u8>,
    /// For the speed goal: how much faster the fast intervals are, in
    /// percent; `None` for other goals.
    pub speed_percent: Option<u8>,
    /// The strength stage the week's exercises come from.
    pub strength_phase: StrengthLevel,
    /// Milestones reached this week; empty for most weeks.
    pub milestones: Vec<PlanMilestone>,
    /// One line per milestone, in the same order, ready to show.
    pub milestone_messages: Vec<String>,
    /// The week's seven days, in date order.
    pub days: Vec<PlanDay>,
}

fn offer(c: &crate::coach::plan::CrossTraining) -> CrossTrainingOffer {
    CrossTrainingOffer {
        minutes: c.minutes,
        activities: c
            .options
            .iter()
            .map(|a| match a {
                CrossActivity::Cycling => CrossTrainingActivity::Cycling,
                CrossActivity::Swimming => CrossTrainingActivity::Swimming,
            })
            .collect(),
    }
}

fn exercises(list: &[crate::coach::plan::PlannedExercise<'_>]) -> Vec<SessionExercise> {
    list.iter().map(Into::into).collect()
}

impl From<&RunSession<'_>> for PlannedRun {
    fn from(r: &RunSession<'_>) -> Self {
        Self {
            segments: r
                .segments
                .iter()
                .map(|s| PlanSegment {
                    kind: match s.kind {
                        SegmentKind::WarmUp => RunSegmentKind::WarmUp,
                        SegmentKind::Run => RunSegmentKind::Run,
                        SegmentKind::Walk => RunSegmentKind::Walk,
                        SegmentKind::CoolDown => RunSegmentKind::CoolDown,
                    },
                    seconds: s.seconds,
                    faster_percent: match s.effort {
                        Some(Effort::Faster { percent }) => Some(percent),
                        _ => None,
                    },
                })
                .collect(),
            warm_up: exercises(&r.warm_up),
            cool_down: exercises(&r.cool_down),
            running_seconds: r.running_seconds,
            ladder_stage: r.ladder_stage,
            cross_training_option: r.cross_training_option.as_ref().map(offer),
            // Targets are whole steps/min by construction (the schedule rounds).
            cadence_target_spm: r
                .cadence_target_spm
                .map(|t| t.round().clamp(0.0, 300.0) as u32),
        }
    }
}

impl From<&Session<'_>> for PlanSession {
    fn from(s: &Session<'_>) -> Self {
        match s {
            Session::Run(r) => Self::Run { run: r.into() },
            Session::Strength(st) => Self::Strength {
                phase: st.phase.into(),
                exercises: exercises(&st.exercises),
            },
            Session::KneeRoutine { exercises: list } => Self::KneeRoutine {
                exercises: exercises(list),
            },
            Session::CrossTraining { training, reason } => Self::CrossTraining {
                offer: offer(training),
                reason: reason.clone(),
            },
        }
    }
}

impl From<&CorePlanDay<'_>> for PlanDay {
    fn from(d: &CorePlanDay<'_>) -> Self {
        Self {
            date: d.date.to_string(),
            kind: match d.kind {
                DayKind::Run => PlanDayKind::Run,
                DayKind::Strength => PlanDayKind::Strength,
                DayKind::Rest => PlanDayKind::Rest,
            },
            knee_restricted: d.knee_restricted,
            notes: d.notes.clone(),
            sessions: d.sessions.iter().map(Into::into).collect(),
        }
    }
}

impl From<&CorePlanWeek<'_>> for PlanWeek {
    fn from(w: &CorePlanWeek<'_>) -> Self {
        Self {
            index: w.index,
            start: w.start.to_string(),
            kind: match w.kind {
                WeekKind::Start => PlanWeekKind::Start,
                WeekKind::Build => PlanWeekKind::Build,
                WeekKind::Repeat => PlanWeekKind::Repeat,
                WeekKind::StepBack => PlanWeekKind::StepBack,
                WeekKind::Taper => PlanWeekKind::Taper,
                WeekKind::GearChange => PlanWeekKind::GearChange,
                WeekKind::Hold => PlanWeekKind::Hold,
                WeekKind::Maintain => PlanWeekKind::Maintain,
            },
            reasons: w.reasons.clone(),
            nominal_minutes: w.nominal_minutes,
            running_seconds: w.running_seconds,
            ladder_stage: w.ladder_stage,
            speed_percent: w.speed_percent,
            strength_phase: w.strength_phase.into(),
            milestones: w
                .milestones
                .iter()
                .map(|m| match m {
                    Milestone::SteadierKnees => PlanMilestone::SteadierKnees,
                    Milestone::DeeperProtection => PlanMilestone::DeeperProtection,
                    Milestone::ContinuousFifteenMinutes => PlanMilestone::ContinuousFifteenMinutes,
                    Milestone::WeeklyDistanceReached => PlanMilestone::WeeklyDistanceReached,
                })
                .collect(),
            milestone_messages: w
                .milestones
                .iter()
                .map(|m| m.message().to_owned())
                .collect(),
            days: w.days.iter().map(Into::into).collect(),
        }
    }
}
