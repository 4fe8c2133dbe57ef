//! Exercises with their full detail, as the apps show them.

use crate::coach::catalogue::{Amount, DoseSource, ExerciseKind, Muscle, Per};
use crate::coach::plan::PlannedExercise;
use crate::coach::{Exercise, KneeLoad, Level};

use super::profile::EquipmentItem;

/// A muscle or muscle group an exercise works.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum TargetMuscle {
    /// The front of the thigh, which straightens the knee.
    Quadriceps,
    /// The back of the thigh.
    Hamstrings,
    /// The buttock muscles, which steady hip and knee.
    Glutes,
    /// The lower leg, behind the shin.
    Calves,
    /// The outer hip, which moves the leg out to the side.
    HipAbductors,
    /// The inner thigh, which draws the leg in.
    HipAdductors,
    /// The front of the hip, which lifts the thigh.
    HipFlexors,
    /// The trunk: abdominals and lower back.
    Core,
}

/// What sort of work an exercise is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum ExerciseCategory {
    /// Building strength against a load or body weight.
    Strength,
    /// Balance and stability.
    Balance,
    /// Mobility and stretching.
    Mobility,
    /// Jumping and hopping; left out while the knee is sore.
    Plyometric,
    /// Part of the warm-up before a run.
    WarmUp,
    /// Part of the cool-down after a run.
    CoolDown,
}

/// How much the knee works under load, from least to most.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum KneeLoadLevel {
    /// The knee does not bend under load; suits a sore knee.
    NoKneeBend,
    /// Some bending under body weight, not to depth.
    Moderate,
    /// Deep bending under load; left out until the knee is pain-free.
    DeepLoaded,
    /// Jumping, hopping or bounding; left out until the knee is pain-free.
    Impact,
}

/// A stage of the strength progression, from the first weeks on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum StrengthLevel {
    /// The first stage of the strength work.
    Foundation,
    /// The second stage: harder variations of the first.
    Progression,
    /// The third and hardest stage.
    Advanced,
}

/// What the amount of a dose counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum DoseUnit {
    /// Repetitions per set.
    Reps,
    /// Seconds held per set.
    Seconds,
}

/// Whether a dose is done once, or once for each leg or side.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum DoseSide {
    /// Once a set, with both legs working together.
    BothTogether,
    /// Once for each leg in every set.
    PerLeg,
    /// Once for each side of the body in every set.
    PerSide,
}

/// How much of an exercise to do: sets, and repetitions or seconds per set.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ExerciseDose {
    /// The fewest sets to do.
    pub sets_min: u16,
    /// The most sets to do.
    pub sets_max: u16,
    /// Whether the amounts are repetitions or seconds.
    pub unit: DoseUnit,
    /// The least per set, in `unit`.
    pub amount_min: u16,
    /// The most per set, in `unit`.
    pub amount_max: u16,
    /// Whether the amount is done once, per leg or per side.
    pub side: DoseSide,
    /// The article that gives the dose; `None` for a project default.
    pub source_article: Option<u8>,
}

/// One exercise from the catalogue, with everything the app shows about it.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ExerciseDetail {
    /// The catalogue's stable id (snake_case), used by `substitute_id`,
    /// `progression_ids` and `regression_ids`.
    pub id: String,
    /// The name to show.
    pub name: String,
    /// The muscles it works.
    pub muscles: Vec<TargetMuscle>,
    /// What sort of work it is.
    pub category: ExerciseCategory,
    /// Where it sits in the strength progression.
    pub level: StrengthLevel,
    /// How much it loads the knee.
    pub knee_load: KneeLoadLevel,
    /// How much of it to do.
    pub dose: ExerciseDose,
    /// Any one of these is needed; empty when nothing is.
    pub equipment_required_any: Vec<EquipmentItem>,
    /// Helpful but not needed.
    pub equipment_optional: Vec<EquipmentItem>,
    /// The exercise to do instead when none of
    /// `equipment_required_any` is at hand; `None` when nothing is needed or
    /// there is no stand-in.
    pub substitute_id: Option<String>,
    /// Harder exercises to move on to (ids); empty at the top.
    pub progression_ids: Vec<String>,
    /// Easier exercises to fall back to (ids); empty at the bottom.
    pub regression_ids: Vec<String>,
    /// Short how-to cues, in order, ready to show.
    pub cues: Vec<String>,
}

/// An exercise as planned in a session.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct SessionExercise {
    /// The exercise to do.
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
