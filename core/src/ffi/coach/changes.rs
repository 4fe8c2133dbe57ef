//! What a check-in changed in the plan, each change with its reason.

use crate::coach::{LoadFactor, PlanChange as CorePlanChange, PlanChangeKind};

/// Which load a change turns down.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum PlanLoadFactor {
    /// Minutes of running in the week.
    RunTime,
    /// How much faster the fast intervals are, in percent.
    Speed,
    /// Run days a week.
    Frequency,
}

/// What a check-in changed in the plan. Dates are ISO-8601.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Enum)]
pub enum PlanChangeAction {
    /// The run on `date` becomes `minutes` of cycling or swimming.
    SwapRunForCrossTraining { date: String, minutes: u32 },
    /// The week from `week_start` drops from run/walk stage `from_stage`
    /// to `to_stage`.
    StepBack {
        week_start: String,
        from_stage: u8,
        to_stage: u8,
    },
    /// The week from `week_start` repeats run/walk stage `stage`.
    Repeat { week_start: String, stage: u8 },
    /// The week from `week_start` turns `factor` down from `from` to
    /// `to` (minutes, percent or run days, by factor): `percent` less.
    ReduceLoad {
        week_start: String,
        factor: PlanLoadFactor,
        from: u32,
        to: u32,
        percent: u32,
    },
    /// The plan stops growing from `since` until the runner confirms
    /// seeing a clinician.
    HoldProgression { since: String },
    /// No plyometric or deep-loaded work from `from` through `until`, both
    /// days included.
    PauseHighKneeLoad { from: String, until: String },
    /// The short knee routine is planned every day from `from`.
    DailyKneeRoutine { from: String },
}

/// One change a check-in made to the plan, with its reason.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct PlanChange {
    /// What changed.
    pub action: PlanChangeAction,
    /// Why, in one or two sentences ready to show.
    pub reason: String,
}

impl From<&CorePlanChange> for PlanChange {
    fn from(c: &CorePlanChange) -> Self {
        let action = match &c.kind {
            PlanChangeKind::SwapRunForCrossTraining { date, minutes } => {
                PlanChangeAction::SwapRunForCrossTraining {
                    date: date.to_string(),
                    minutes: *minutes,
                }
            }
            PlanChangeKind::StepBack {
                week_start,
                from_stage,
                to_stage,
            } => PlanChangeAction::StepBack {
                week_start: week_start.to_string(),
                from_stage: *from_stage,
                to_stage: *to_stage,
            },
            PlanChangeKind::Repeat { week_start, stage } => PlanChangeAction::Repeat {
                week_start: week_start.to_string(),
                stage: *stage,
            },
            PlanChangeKind::ReduceLoad {
                week_start,
                factor,
                from,
                to,
                percent,
            } => PlanChangeAction::ReduceLoad {
                week_start: week_start.to_string(),
                factor: match factor {
                    LoadFactor::RunTime => PlanLoadFactor::RunTime,
                    LoadFactor::Speed => PlanLoadFactor::Speed,
                    LoadFactor::Frequency => PlanLoadFactor::Frequency,
                },
                from: *from,
                to: *to,
                percent: *percent,
            },
            PlanChangeKind::HoldProgression { since } => PlanChangeAction::HoldProgression {
                since: since.to_string(),
            },
            PlanChangeKind::PauseHighKneeLoad { from, until } => {
                PlanChangeAction::PauseHighKneeLoad {
                    from: from.to_string(),
                    until: until.to_string(),
                }
            }
            PlanChangeKind::DailyKneeRoutine { from } => PlanChangeAction::DailyKneeRoutine {
                from: from.to_string(),
            },
        };
        Self {
            action,
            reason: c.reason.clone(),
        }
    }
}
