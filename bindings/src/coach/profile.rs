//! The runner profile as the apps see it, converted both ways.

use chrono::Weekday;
use patella_core::coach::profile::{CurrentRunning, RiskFactors};
use patella_core::coach::{Equipment, Experience, Goal, Profile};

#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum ExperienceLevel {
    NewToRunning,
    Returning,
    Regular,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum RunDay {
    Monday,
    Tuesday,
    Wednesday,
    Thursday,
    Friday,
    Saturday,
    Sunday,
}

#[derive(Debug, Clone, PartialEq, uniffi::Enum)]
pub enum RunningGoal {
    Continuous15Minutes,
    WeeklyDistance { target_km: f64 },
    Faster,
    ReturnWithRunnersKnee,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum EquipmentItem {
    None,
    LoopBand,
    LongBand,
    StepOrStair,
    Chair,
    Wall,
    Bosu,
    Box,
    Dumbbells,
    FoamRoller,
}

#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct RunnerProfile {
    pub experience: ExperienceLevel,
    pub weekly_minutes: Option<u32>,
    pub weekly_km: Option<f64>,
    pub days_per_week: u8,
    pub preferred_days: Vec<RunDay>,
    pub goal: RunningGoal,
    pub equipment: Vec<EquipmentItem>,
    pub age_years: Option<u8>,
    pub osteoarthritis: bool,
    pub osteoporosis: bool,
    pub balance_problems: bool,
    pub body_mass_kg: Option<f64>,
    pub height_cm: Option<f64>,
    pub knee_pain: u8,
    pub strength_days_per_week: Option<u8>,
    /// The runner's cadence, steps/min, measured or entered: the plan's run
    /// days then carry a cadence target that steps up from it.
    #[uniffi(default = None)]
    pub cadence_baseline_spm: Option<f64>,
}

mirror_enum!(ExperienceLevel <=> Experience { NewToRunning, Returning, Regular });
mirror_enum!(EquipmentItem <=> Equipment {
    None, LoopBand, LongBand, StepOrStair, Chair, Wall, Bosu, Box, Dumbbells, FoamRoller
});

impl From<RunDay> for Weekday {
    fn from(d: RunDay) -> Self {
        match d {
            RunDay::Monday => Weekday::Mon,
            RunDay::Tuesday => Weekday::Tue,
            RunDay::Wednesday => Weekday::Wed,
            RunDay::Thursday => Weekday::Thu,
            RunDay::Friday => Weekday::Fri,
            RunDay::Saturday => Weekday::Sat,
            RunDay::Sunday => Weekday::Sun,
        }
    }
}

impl From<Weekday> for RunDay {
    fn from(d: Weekday) -> Self {
        match d {
            Weekday::Mon => RunDay::Monday,
            Weekday::Tue => RunDay::Tuesday,
            Weekday::Wed => RunDay::Wednesday,
            Weekday::Thu => RunDay::Thursday,
            Weekday::Fri => RunDay::Friday,
            Weekday::Sat => RunDay::Saturday,
            Weekday::Sun => RunDay::Sunday,
        }
    }
}

impl From<RunningGoal> for Goal {
    fn from(g: RunningGoal) -> Self {
        match g {
            RunningGoal::Continuous15Minutes => Goal::Continuous15Minutes,
            RunningGoal::WeeklyDistance { target_km } => Goal::WeeklyDistance { target_km },
            RunningGoal::Faster => Goal::Faster,
            RunningGoal::ReturnWithRunnersKnee => Goal::ReturnWithRunnersKnee,
        }
    }
}

impl From<Goal> for RunningGoal {
    fn from(g: Goal) -> Self {
        match g {
            Goal::Continuous15Minutes => Self::Continuous15Minutes,
            Goal::WeeklyDistance { target_km } => Self::WeeklyDistance { target_km },
            Goal::Faster => Self::Faster,
            Goal::ReturnWithRunnersKnee => Self::ReturnWithRunnersKnee,
        }
    }
}

impl From<RunnerProfile> for Profile {
    fn from(p: RunnerProfile) -> Self {
        Profile {
            experience: p.experience.into(),
            current: CurrentRunning {
                weekly_minutes: p.weekly_minutes,
                weekly_km: p.weekly_km,
                days_per_week: p.days_per_week,
                preferred_days: p.preferred_days.into_iter().map(Into::into).collect(),
            },
            goal: p.goal.into(),
            equipment: p.equipment.into_iter().map(Into::into).collect(),
            risk_factors: RiskFactors {
                age_years: p.age_years,
                osteoarthritis: p.osteoarthritis,
                osteoporosis: p.osteoporosis,
                balance_problems: p.balance_problems,
                body_mass_kg: p.body_mass_kg,
                height_cm: p.height_cm,
            },
            knee_pain: p.knee_pain,
            strength_days_per_week: p.strength_days_per_week,
            cadence_baseline_spm: p.cadence_baseline_spm,
        }
    }
}

impl From<Profile> for RunnerProfile {
    fn from(p: Profile) -> Self {
        RunnerProfile {
            experience: p.experience.into(),
            weekly_minutes: p.current.weekly_minutes,
            weekly_km: p.current.weekly_km,
            days_per_week: p.current.days_per_week,
            preferred_days: p
                .current
                .preferred_days
                .into_iter()
                .map(Into::into)
                .collect(),
            goal: p.goal.into(),
            equipment: p.equipment.into_iter().map(Into::into).collect(),
            age_years: p.risk_factors.age_years,
            osteoarthritis: p.risk_factors.osteoarthritis,
            osteoporosis: p.risk_factors.osteoporosis,
            balance_problems: p.risk_factors.balance_problems,
            body_mass_kg: p.risk_factors.body_mass_kg,
            height_cm: p.risk_factors.height_cm,
            knee_pain: p.knee_pain,
            strength_days_per_week: p.strength_days_per_week,
            cadence_baseline_spm: p.cadence_baseline_spm,
        }
    }
}
