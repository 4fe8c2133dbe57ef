//! Exercises with their full detail, as the apps show them.

use patella_core::coach::catalogue::{Amount, DoseSource, ExerciseKind, Muscle, Per};
use patella_core::coach::plan::PlannedExercise;
use patella_core::coach::{Exercise, KneeLoad, Level};

use super::profile::EquipmentItem;

#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum TargetMuscle {
    Quadriceps,
    Hamstrings,
    Glutes,
    Calves,
    HipAbductors,
    HipAdductors,
    HipFlexors,
    Core,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum ExerciseCategory {
    Strength,
    Balance,
    Mobility,
    Plyometric,
    WarmUp,
    CoolDown,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum KneeLoadLevel {
    NoKneeBend,
    Moderate,
    DeepLoaded,
    Impact,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum StrengthLevel {
    Foundation,
    Progression,
    Advanced,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum DoseUnit {
    Reps,
    Seconds,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum DoseSide {
    BothTogether,
    PerLeg,
    PerSide,
}

#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ExerciseDose {
    pub sets_min: u16,
    pub sets_max: u16,
    pub unit: DoseUnit,
    pub amount_min: u16,
    pub amount_max: u16,
    pub side: DoseSide,
    /// The article that gives the dose; `None` for a project default.
    pub source_article: Option<u8>,
}

#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ExerciseDetail {
    pub id: String,
    pub name: String,
    pub muscles: Vec<TargetMuscle>,
    pub category: ExerciseCategory,
    pub level: StrengthLevel,
    pub knee_load: KneeLoadLevel,
    pub dose: ExerciseDose,
    /// Any one of these is needed; empty when nothing is.
    pub equipment_required_any: Vec<EquipmentItem>,
    pub equipment_optional: Vec<EquipmentItem>,
    pub substitute_id: Option<String>,
    pub progression_ids: Vec<String>,
    pub regression_ids: Vec<String>,
    pub cues: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct SessionExercise {
    pub exercise: ExerciseDetail,
    /// The exercise this one replaces for lack of equipment.
    pub instead_of_id: Option<String>,
}

mirror_enum!(TargetMuscle <=> Muscle {
    Quadriceps, Hamstrings, Glutes, Calves, HipAbductors, HipAdductors, HipFlexors, Core
});
mirror_enum!(ExerciseCategory <=> ExerciseKind {
    Strength, Balance, Mobility, Plyometric, WarmUp, CoolDown
});
mirror_enum!(StrengthLevel <=> Level { Foundation, Progression, Advanced });

impl From<KneeLoad> for KneeLoadLevel {
    fn from(k: KneeLoad) -> Self {
        match k {
            KneeLoad::None => Self::NoKneeBend,
            KneeLoad::Moderate => Self::Moderate,
            KneeLoad::DeepLoaded => Self::DeepLoaded,
            KneeLoad::Impact => Self::Impact,
        }
    }
}

impl From<&Exercise> for ExerciseDetail {
    fn from(e: &Exercise) -> Self {
        let (unit, range) = match e.dose.amount {
            Amount::Reps(r) => (DoseUnit::Reps, r),
            Amount::Seconds(r) => (DoseUnit::Seconds, r),
        };
        Self {
            id: e.id.clone(),
            name: e.name.clone(),
            muscles: e.muscles.iter().map(|m| (*m).into()).collect(),
            category: e.kind.into(),
            level: e.level.into(),
            knee_load: e.knee_load.into(),
            dose: ExerciseDose {
                sets_min: e.dose.sets.min,
                sets_max: e.dose.sets.max,
                unit,
                amount_min: range.min,
                amount_max: range.max,
                side: match e.dose.per {
                    Per::Whole => DoseSide::BothTogether,
                    Per::Leg => DoseSide::PerLeg,
                    Per::Side => DoseSide::PerSide,
                },
                source_article: match e.dose.source {
                    DoseSource::Article(n) => Some(n),
                    DoseSource::ProjectDefault => None,
                },
            },
            equipment_required_any: e
                .equipment
                .required_any
                .iter()
                .map(|q| (*q).into())
                .collect(),
            equipment_optional: e.equipment.optional.iter().map(|q| (*q).into()).collect(),
            substitute_id: e.equipment.substitute.clone(),
            progression_ids: e.progressions.clone(),
            regression_ids: e.regressions.clone(),
            cues: e.cues.clone(),
        }
    }
}

impl From<&PlannedExercise<'_>> for SessionExercise {
    fn from(p: &PlannedExercise<'_>) -> Self {
        Self {
            exercise: p.exercise.into(),
            instead_of_id: p.instead_of.map(str::to_owned),
        }
    }
}
