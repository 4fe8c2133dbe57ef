//! The runner profile: experience, current running, goal, equipment, risk
//! factors and current knee pain, validated on the way in.

use chrono::Weekday;
use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::pain::MAX_SCORE;

/// How much running the runner has behind them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum ExperienceLevel {
    /// Has not run regularly before: the plan starts on the run/walk ladder.
    NewToRunning,
    /// Ran before and is coming back after a break.
    Returning,
    /// Runs now, most weeks.
    Regular,
}

/// Equipment the runner may have at hand. `None` says "nothing" explicitly
/// and cannot be combined with anything else.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum EquipmentItem {
    /// Nothing at all; cannot be listed together with any other item.
    None,
    /// A short closed resistance band (mini band) around the legs.
    LoopBand,
    /// A long resistance band, anchored or held.
    LongBand,
    /// A step, a stair or a low platform.
    StepOrStair,
    /// A sturdy chair.
    Chair,
    /// A clear stretch of wall to lean or sit against.
    Wall,
    /// A BOSU balance trainer.
    Bosu,
    /// A plyometric box or a stable raised surface.
    Box,
    /// A pair of dumbbells (or similar hand weights).
    Dumbbells,
    /// A foam roller.
    FoamRoller,
}

/// How much the runner runs now.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CurrentRunning {
    /// Minutes of running in a usual week.
    #[serde(default)]
    pub weekly_minutes: Option<u32>,
    /// Kilometres in a usual week (used when minutes are not given).
    #[serde(default)]
    pub weekly_km: Option<f64>,
    /// Run days wanted per week.
    pub days_per_week: u8,
    /// Preferred run days; when given, one per run day.
    #[serde(default)]
    pub preferred_days: Vec<Weekday>,
}

/// What the runner is training for; it shapes how the plan builds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Enum))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum RunningGoal {
    /// Build up to 15 minutes of continuous running (article 000).
    Continuous15Minutes,
    /// Grow weekly distance to a target.
    WeeklyDistance {
        /// The week's running to reach, kilometres.
        target_km: f64,
    },
    /// Get faster.
    Faster,
    /// Get back to running with runner's knee.
    ReturnWithRunnersKnee,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RiskFactors {
    #[serde(default)]
    pub age_years: Option<u8>,
    #[serde(default)]
    pub osteoarthritis: bool,
    #[serde(default)]
    pub osteoporosis: bool,
    #[serde(default)]
    pub balance_problems: bool,
    #[serde(default)]
    pub body_mass_kg: Option<f64>,
    #[serde(default)]
    pub height_cm: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Profile {
    pub experience: ExperienceLevel,
    pub current: CurrentRunning,
    pub goal: RunningGoal,
    #[serde(default)]
    pub equipment: Vec<EquipmentItem>,
    #[serde(default)]
    pub risk_factors: RiskFactors,
    /// Knee pain right now, 0-10.
    #[serde(default)]
    pub knee_pain: u8,
    /// Strength days wanted per week (2 or 3; articles 000, 001, 004).
    #[serde(default)]
    pub strength_days_per_week: Option<u8>,
    /// The runner's measured or entered cadence, steps/min: the start of the
    /// step-up schedule. `None`: no cadence target yet.
    #[serde(default)]
    pub cadence_baseline_spm: Option<f64>,
}

/// A profile field that cannot be accepted, named by its path.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum ProfileError {
    #[error("{field}: {problem}")]
    Invalid {
        field: &'static str,
        problem: String,
    },
}

fn invalid(field: &'static str, problem: impl Into<String>) -> ProfileError {
    ProfileError::Invalid {
        field,
        problem: problem.into(),
    }
}

/// Most run days a week: two days must stay free for strength work, which
/// belongs on non-running days (article 004), and one for rest (project's
/// choice: every week keeps at least one rest day).
pub const MAX_RUN_DAYS: u8 = 4;

/// Days in a week that may carry a run or a strength session; the rest is
/// at least one rest day (project's choice).
pub const MAX_TRAINING_DAYS: u8 = 6;

impl Profile {
    pub fn validate(&self) -> Result<(), ProfileError> {
        let c = &self.current;
        if !(1..=MAX_RUN_DAYS).contains(&c.days_per_week) {
            return Err(invalid(
                "current.days_per_week",
                format!("{} is outside 1-{MAX_RUN_DAYS}", c.days_per_week),
            ));
        }
        if !c.preferred_days.is_empty() {
            if c.preferred_days.len() != usize::from(c.days_per_week) {
                return Err(invalid(
                    "current.preferred_days",
                    format!(
                        "{} days listed but days_per_week is {}",
                        c.preferred_days.len(),
                        c.days_per_week
                    ),
                ));
            }
            for (i, d) in c.preferred_days.iter().enumerate() {
                if c.preferred_days[..i].contains(d) {
                    return Err(invalid(
                        "current.preferred_days",
                        format!("{d} is listed twice"),
                    ));
                }
            }
        }
        if let Some(km) = c.weekly_km
            && (!km.is_finite() || !(0.0..=300.0).contains(&km))
        {
            return Err(invalid(
                "current.weekly_km",
                format!("{km} is outside 0-300"),
            ));
        }
        if let Some(min) = c.weekly_minutes
            && min > 2_000
        {
            return Err(invalid(
                "current.weekly_minutes",
                format!("{min} is above 2000"),
            ));
        }
        if self.experience != ExperienceLevel::NewToRunning
            && c.weekly_minutes.is_none()
            && c.weekly_km.is_none()
        {
            return Err(invalid(
                "current.weekly_minutes",
                "give weekly_minutes or weekly_km for a runner who is not new",
            ));
        }
        if let RunningGoal::WeeklyDistance { target_km } = self.goal
            && (!target_km.is_finite() || !(1.0..=300.0).contains(&target_km))
        {
            return Err(invalid(
                "goal.target_km",
                format!("{target_km} is outside 1-300"),
            ));
        }
        if self.equipment.contains(&EquipmentItem::None) && self.equipment.len() > 1 {
            return Err(invalid(
                "equipment",
                "\"none\" cannot be listed with other equipment",
            ));
        }
        for (i, e) in self.equipment.iter().enumerate() {
            if self.equipment[..i].contains(e) {
                return Err(invalid("equipment", format!("{e:?} is listed twice")));
            }
        }
        let r = &self.risk_factors;
        if let Some(age) = r.age_years
            && !(10..=110).contains(&age)
        {
            return Err(invalid(
                "risk_factors.age_years",
                format!("{age} is outside 10-110"),
            ));
        }
        if let Some(kg) = r.body_mass_kg
            && (!kg.is_finite() || !(25.0..=350.0).contains(&kg))
        {
            return Err(invalid(
                "risk_factors.body_mass_kg",
                format!("{kg} is outside 25-350"),
            ));
        }
        if let Some(cm) = r.height_cm
            && (!cm.is_finite() || !(100.0..=250.0).contains(&cm))
        {
            return Err(invalid(
                "risk_factors.height_cm",
                format!("{cm} is outside 100-250"),
            ));
        }
        if self.knee_pain > MAX_SCORE {
            return Err(invalid(
                "knee_pain",
                format!("{} is outside the 0-{MAX_SCORE} pain scale", self.knee_pain),
            ));
        }
        if let Some(n) = self.strength_days_per_week {
            if !(2..=3).contains(&n) {
                return Err(invalid(
                    "strength_days_per_week",
                    format!("{n} is outside 2-3"),
                ));
            }
            if n.saturating_add(c.days_per_week) > MAX_TRAINING_DAYS {
                return Err(invalid(
                    "strength_days_per_week",
                    format!(
                        "{n} strength days and {} run days leave no rest day",
                        c.days_per_week
                    ),
                ));
            }
        }
        if let Some(spm) = self.cadence_baseline_spm {
            crate::cadence::StepUpSchedule::new(spm, &crate::cadence::TargetConfig::default())
                .map_err(|e| invalid("cadence_baseline_spm", e.to_string()))?;
        }
        Ok(())
    }

    /// Equipment actually owned, without the explicit "none".
    pub fn owned_equipment(&self) -> Vec<EquipmentItem> {
        self.equipment
            .iter()
            .copied()
            .filter(|e| *e != EquipmentItem::None)
            .collect()
    }
}
