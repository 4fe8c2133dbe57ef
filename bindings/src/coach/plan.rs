//! Plan views for the apps: a day with its sessions, a week with its days.

use patella_core::coach::Session;
use patella_core::coach::plan::{
    CrossActivity, DayKind, Effort, Milestone, PlanDay, PlanWeek, RunSession, SegmentKind, WeekKind,
};

use super::exercise::{SessionExercise, StrengthLevel};
use crate::run::RunSegmentKind;

/// One piece of a run day. `faster_percent` is set on the speed goal's fast
/// intervals; other run segments are at usual pace.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct PlanSegment {
    pub kind: RunSegmentKind,
    pub seconds: u32,
    pub faster_percent: Option<u8>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum CrossTrainingActivity {
    Cycling,
    Swimming,
}

#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct CrossTrainingOffer {
    pub minutes: u32,
    pub activities: Vec<CrossTrainingActivity>,
}

#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct PlannedRun {
    pub segments: Vec<PlanSegment>,
    pub warm_up: Vec<SessionExercise>,
    pub cool_down: Vec<SessionExercise>,
    pub running_seconds: u32,
    pub ladder_stage: Option<u8>,
    pub cross_training_option: Option<CrossTrainingOffer>,
    /// This week's cadence target, whole steps/min; none without a baseline.
    pub cadence_target_spm: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Eq, uniffi::Enum)]
pub enum PlanSession {
    Run {
        run: PlannedRun,
    },
    Strength {
        phase: StrengthLevel,
        exercises: Vec<SessionExercise>,
    },
    KneeRoutine {
        exercises: Vec<SessionExercise>,
    },
    CrossTraining {
        offer: CrossTrainingOffer,
        reason: String,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum PlanDayKind {
    Run,
    Strength,
    Rest,
}

#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct PlanDayView {
    /// ISO-8601 date.
    pub date: String,
    pub kind: PlanDayKind,
    pub knee_restricted: bool,
    /// Why the knee limits the day (a hold and what ends it, pain above the
    /// comfort limit, soreness), one sentence each, ready to show.
    pub notes: Vec<String>,
    pub sessions: Vec<PlanSession>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum PlanWeekKind {
    Start,
    Build,
    Repeat,
    StepBack,
    Taper,
    GearChange,
    Hold,
    Maintain,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum PlanMilestone {
    SteadierKnees,
    DeeperProtection,
    ContinuousFifteenMinutes,
    WeeklyDistanceReached,
}

#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct PlanWeekView {
    pub index: u16,
    pub start: String,
    pub kind: PlanWeekKind,
    /// Why the week does not build, one sentence each (empty for a build).
    pub reasons: Vec<String>,
    pub nominal_minutes: u32,
    pub running_seconds: u32,
    pub ladder_stage: Option<u8>,
    pub speed_percent: Option<u8>,
    pub strength_phase: StrengthLevel,
    pub milestones: Vec<PlanMilestone>,
    /// One line per milestone, in the same order, ready to show.
    pub milestone_messages: Vec<String>,
    pub days: Vec<PlanDayView>,
}

fn offer(c: &patella_core::coach::plan::CrossTraining) -> CrossTrainingOffer {
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

fn exercises(list: &[patella_core::coach::plan::PlannedExercise<'_>]) -> Vec<SessionExercise> {
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

impl From<&PlanDay<'_>> for PlanDayView {
    fn from(d: &PlanDay<'_>) -> Self {
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

impl From<&PlanWeek<'_>> for PlanWeekView {
    fn from(w: &PlanWeek<'_>) -> Self {
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
