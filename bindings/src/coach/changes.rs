//! What a check-in changed in the plan, each change with its reason.

use patella_core::coach::{LoadFactor, PlanChange, PlanChangeKind};

#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum PlanLoadFactor {
    RunTime,
    Speed,
    /// Run days a week.
    Frequency,
}

#[derive(Debug, Clone, PartialEq, Eq, uniffi::Enum)]
pub enum PlanChangeAction {
    SwapRunForCrossTraining {
        date: String,
        minutes: u32,
    },
    StepBack {
        week_start: String,
        from_stage: u8,
        to_stage: u8,
    },
    Repeat {
        week_start: String,
        stage: u8,
    },
    ReduceLoad {
        week_start: String,
        factor: PlanLoadFactor,
        from: u32,
        to: u32,
        percent: u32,
    },
    HoldProgression {
        since: String,
    },
    PauseHighKneeLoad {
        from: String,
        until: String,
    },
    DailyKneeRoutine {
        from: String,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct PlanChangeView {
    pub action: PlanChangeAction,
    pub reason: String,
}

impl From<&PlanChange> for PlanChangeView {
    fn from(c: &PlanChange) -> Self {
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
