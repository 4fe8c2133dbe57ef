//! The exercise catalogue: every exercise the source articles name, with its
//! dose, equipment, knee load, progressions and cues. The data lives in
//! `core/data/exercises.json` and is compiled into the binary; this module
//! owns its types, its loading and its validation.

use std::collections::HashSet;

use once_cell::sync::Lazy;
use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::profile::EquipmentItem;

/// A muscle (or muscle group) an exercise works.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Muscle {
    Quadriceps,
    Hamstrings,
    Glutes,
    Calves,
    HipAbductors,
    HipAdductors,
    HipFlexors,
    Core,
}

/// The five areas every strength session covers (articles 000, 001, 004).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MuscleGroup {
    Quads,
    Hamstrings,
    Glutes,
    Calves,
    Hips,
}

impl MuscleGroup {
    pub const ALL: [MuscleGroup; 5] = [
        Self::Quads,
        Self::Hamstrings,
        Self::Glutes,
        Self::Calves,
        Self::Hips,
    ];
}

impl Muscle {
    /// The session-coverage group this muscle counts toward, if any.
    pub fn group(self) -> Option<MuscleGroup> {
        match self {
            Self::Quadriceps => Some(MuscleGroup::Quads),
            Self::Hamstrings => Some(MuscleGroup::Hamstrings),
            Self::Glutes => Some(MuscleGroup::Glutes),
            Self::Calves => Some(MuscleGroup::Calves),
            Self::HipAbductors | Self::HipAdductors | Self::HipFlexors => Some(MuscleGroup::Hips),
            Self::Core => None,
        }
    }
}

/// What sort of work an exercise is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ExerciseKind {
    Strength,
    /// Balance and stability.
    Balance,
    /// Mobility and stretching.
    Mobility,
    Plyometric,
    WarmUp,
    CoolDown,
}

impl ExerciseKind {
    pub fn is_stretch(self) -> bool {
        matches!(self, Self::Mobility | Self::CoolDown)
    }
}

/// How much the knee works under load, from least to most.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum KneeLoad {
    /// The knee is not bent under load (article 002 prefers these for a sore knee).
    None,
    /// Some bending under body weight, not to depth.
    Moderate,
    /// Deep bending under load (article 001: avoid until pain-free).
    DeepLoaded,
    /// Jumping, hopping, bounding (article 001: avoid until pain-free).
    Impact,
}

/// Where an exercise sits in the strength progression (article 004).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    Foundation,
    Progression,
    Advanced,
}

/// An inclusive range, written `[min, max]` in the data file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "[u16; 2]", into = "[u16; 2]")]
pub struct Range {
    pub min: u16,
    pub max: u16,
}

impl From<[u16; 2]> for Range {
    fn from([min, max]: [u16; 2]) -> Self {
        Self { min, max }
    }
}

impl From<Range> for [u16; 2] {
    fn from(r: Range) -> Self {
        [r.min, r.max]
    }
}

/// Whether a dose counts both legs together, each leg, or each side.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Per {
    Whole,
    Leg,
    Side,
}

impl Per {
    /// How many times the dose is done in one set.
    pub fn sides(self) -> u16 {
        match self {
            Self::Whole => 1,
            Self::Leg | Self::Side => 2,
        }
    }
}

/// Repetitions or a hold, per set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Amount {
    Reps(Range),
    Seconds(Range),
}

/// Where a dose comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DoseSource {
    /// The article (by number) that gives this dose.
    Article(u8),
    /// The article names the exercise without a dose: the project's choice.
    ProjectDefault,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dose {
    pub sets: Range,
    #[serde(flatten)]
    pub amount: Amount,
    pub per: Per,
    pub source: DoseSource,
}

impl Dose {
    /// A rough duration for planning: reps at 3 s each, 30 s rest between sets
    /// (project's choice; only used to size routines, never shown as a rule).
    pub fn estimated_seconds(&self) -> u32 {
        let per_side = match self.amount {
            Amount::Reps(r) => u32::from(r.max) * 3,
            Amount::Seconds(r) => u32::from(r.max),
        };
        let sets = u32::from(self.sets.max);
        sets * per_side * u32::from(self.per.sides()) + sets.saturating_sub(1) * 30
    }
}

/// What an exercise needs.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EquipmentNeed {
    /// Any one of these is enough; empty means nothing is needed.
    #[serde(default)]
    pub required_any: Vec<EquipmentItem>,
    /// Helpful but not needed.
    #[serde(default)]
    pub optional: Vec<EquipmentItem>,
    /// The exercise to do instead when none of `required_any` is at hand.
    #[serde(default)]
    pub substitute: Option<String>,
}

impl EquipmentNeed {
    pub fn satisfied_by(&self, owned: &[EquipmentItem]) -> bool {
        self.required_any.is_empty() || self.required_any.iter().any(|e| owned.contains(e))
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Exercise {
    pub id: String,
    pub name: String,
    /// Articles (by number) that name this exercise.
    pub sources: Vec<u8>,
    pub muscles: Vec<Muscle>,
    pub kind: ExerciseKind,
    pub level: Level,
    pub knee_load: KneeLoad,
    pub dose: Dose,
    pub equipment: EquipmentNeed,
    pub progressions: Vec<String>,
    pub regressions: Vec<String>,
    /// Short how-to cues in the project's own words.
    pub cues: Vec<String>,
}

impl Exercise {
    /// Whether a sore knee rules this exercise out (article 001: no
    /// plyometrics and no deep bending under load until pain-free).
    pub fn is_high_knee_load(&self) -> bool {
        self.kind == ExerciseKind::Plyometric
            || matches!(self.knee_load, KneeLoad::DeepLoaded | KneeLoad::Impact)
    }

    pub fn groups(&self) -> impl Iterator<Item = MuscleGroup> + '_ {
        self.muscles.iter().filter_map(|m| m.group())
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Catalogue {
    pub exercises: Vec<Exercise>,
}

/// A catalogue entry that breaks the catalogue's rules, naming the exercise
/// and the field.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum CatalogueError {
    #[error("exercises: the data file does not parse: {0}")]
    Parse(String),
    #[error("exercises[{id}].id: the id is used more than once")]
    DuplicateId { id: String },
    #[error("exercises[{id}].{field}: {target} is not an exercise in the catalogue")]
    UnknownReference {
        id: String,
        field: &'static str,
        target: String,
    },
    #[error("exercises[{id}].dose.{field}: must be at least 1 and min must not exceed max")]
    BadDose { id: String, field: &'static str },
    #[error("exercises[{id}].{field}: must not be empty")]
    Empty { id: String, field: &'static str },
    #[error("exercises[{id}].equipment.substitute: {target} itself needs equipment")]
    SubstituteNeedsEquipment { id: String, target: String },
}

static BUILTIN_JSON: &str = include_str!("../../data/exercises.json");

static BUILTIN: Lazy<Result<Catalogue, CatalogueError>> = Lazy::new(|| {
    let catalogue: Catalogue =
        serde_json::from_str(BUILTIN_JSON).map_err(|e| CatalogueError::Parse(e.to_string()))?;
    catalogue.validate()?;
    Ok(catalogue)
});

impl Catalogue {
    /// The catalogue compiled into the program, parsed and validated once.
    pub fn builtin() -> Result<&'static Catalogue, CatalogueError> {
        BUILTIN.as_ref().map_err(Clone::clone)
    }

    /// Parses and validates a catalogue from JSON.
    pub fn from_json(json: &str) -> Result<Self, CatalogueError> {
        let catalogue: Catalogue =
            serde_json::from_str(json).map_err(|e| CatalogueError::Parse(e.to_string()))?;
        catalogue.validate()?;
        Ok(catalogue)
    }

    pub fn get(&self, id: &str) -> Option<&Exercise> {
        self.exercises.iter().find(|e| e.id == id)
    }

    /// Checks ids are unique, every reference names a real exercise, every
    /// dose is positive, and every entry has muscles and cues.
    pub fn validate(&self) -> Result<(), CatalogueError> {
        let mut ids = HashSet::new();
        for ex in &self.exercises {
            if !ids.insert(ex.id.as_str()) {
                return Err(CatalogueError::DuplicateId { id: ex.id.clone() });
            }
        }
        for ex in &self.exercises {
            let id = || ex.id.clone();
            if ex.muscles.is_empty() {
                return Err(CatalogueError::Empty {
                    id: id(),
                    field: "muscles",
                });
            }
            if ex.cues.iter().all(|c| c.trim().is_empty()) {
                return Err(CatalogueError::Empty {
                    id: id(),
                    field: "cues",
                });
            }
            if ex.name.trim().is_empty() {
                return Err(CatalogueError::Empty {
                    id: id(),
                    field: "name",
                });
            }
            let positive = |r: Range| r.min >= 1 && r.min <= r.max;
            if !positive(ex.dose.sets) {
                return Err(CatalogueError::BadDose {
                    id: id(),
                    field: "sets",
                });
            }
            let (field, range) = match ex.dose.amount {
                Amount::Reps(r) => ("reps", r),
                Amount::Seconds(r) => ("seconds", r),
            };
            if !positive(range) {
                return Err(CatalogueError::BadDose { id: id(), field });
            }
            let refs = ex
                .progressions
                .iter()
                .map(|t| ("progressions", t))
                .chain(ex.regressions.iter().map(|t| ("regressions", t)))
                .chain(
                    ex.equipment
                        .substitute
                        .iter()
                        .map(|t| ("equipment.substitute", t)),
                );
            for (field, target) in refs {
                if !ids.contains(target.as_str()) || *target == ex.id {
                    return Err(CatalogueError::UnknownReference {
                        id: id(),
                        field,
                        target: target.clone(),
                    });
                }
            }
            if let Some(sub) = ex.equipment.substitute.as_deref().and_then(|s| self.get(s))
                && !sub.equipment.required_any.is_empty()
            {
                return Err(CatalogueError::SubstituteNeedsEquipment {
                    id: id(),
                    target: sub.id.clone(),
                });
            }
        }
        Ok(())
    }

    /// The exercise to actually do given the runner's equipment: the
    /// exercise itself, or its equipment-free substitute, or nothing.
    pub fn resolve<'c>(
        &'c self,
        ex: &'c Exercise,
        owned: &[EquipmentItem],
    ) -> Option<&'c Exercise> {
        if ex.equipment.satisfied_by(owned) {
            return Some(ex);
        }
        ex.equipment.substitute.as_deref().and_then(|s| self.get(s))
    }
}
