//! The runner profile as the apps fill it in, converted both ways: flat, so
//! that a refusal names the field (`current.days_per_week`); its enums are
//! the core's own.

pub use crate::coach::{EquipmentItem, ExperienceLevel, RunningGoal};

use crate::coach::Profile;
use crate::coach::profile::{CurrentRunning, RiskFactors};
use chrono::Weekday;

/// A day of the week, for the run days the runner prefers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum RunDay {
    /// Monday.
    Monday,
    /// Tuesday.
    Tuesday,
    /// Wednesday.
    Wednesday,
    /// Thursday.
    Thursday,
    /// Friday.
    Friday,
    /// Saturday.
    Saturday,
    /// Sunday.
    Sunday,
}

/// Who the runner is and how they run now: what the plan is built from.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct RunnerProfile {
    /// How much running the runner has behind them.
    pub experience: ExperienceLevel,
    /// Minutes of running in a usual week now; `None` when not given
    /// (then `weekly_km` is used).
    pub weekly_minutes: Option<u32>,
    /// Kilometres of running in a usual week now; used when
    /// `weekly_minutes` is absent, `None` when not given.
    pub weekly_km: Option<f64>,
    /// Run days wanted per week.
    pub days_per_week: u8,
    /// Days the runner would rather run on, one per run day; empty lets
    /// the plan choose.
    pub preferred_days: Vec<RunDay>,
    /// What the runner is training for.
    pub goal: RunningGoal,
    /// Equipment at hand; `[None]` says explicitly that there is none.
    pub equipment: Vec<EquipmentItem>,
    /// Age in whole years; `None` when not given.
    pub age_years: Option<u8>,
    /// The runner has osteoarthritis (a risk factor: build more slowly).
    pub osteoarthritis: bool,
    /// The runner has osteoporosis (a risk factor: build more slowly).
    pub osteoporosis: bool,
    /// The runner has balance problems (a risk factor: build more slowly).
    pub balance_problems: bool,
    /// Body mass in kilograms; `None` when not given.
    pub body_mass_kg: Option<f64>,
    /// Height in centimetres; `None` when not given.
    pub height_cm: Option<f64>,
    /// Knee pain right now, 0 (none) to 10 (worst imaginable).
    pub knee_pain: u8,
    /// Strength days wanted per week (2 or 3); `None` takes the plan's
    /// default.
    pub strength_days_per_week: Option<u8>,
    /// The runner's cadence, steps/min, measured or entered: the plan's run
    /// days then carry a cadence target that steps up from it.
    #[uniffi(default = None)]
    pub cadence_baseline_spm: Option<f64>,
}

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

impl From<RunnerProfile> for Profile {
    fn from(p: RunnerProfile) -> Self {
        Profile {
            experience: p.experience,
            current: CurrentRunning {
                weekly_minutes: p.weekly_minutes,
                weekly_km: p.weekly_km,
                days_per_week: p.days_per_week,
                preferred_days: p.preferred_days.into_iter().map(Into::into).collect(),
            },
            goal: p.goal,
            equipment: p.equipment,
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
            experience: p.experience,
            weekly_minutes: p.current.weekly_minutes,
            weekly_km: p.current.weekly_km,
            days_per_week: p.current.days_per_week,
            preferred_days: p
                .current
                .preferred_days
                .into_iter()
                .map(Into::into)
                .collect(),
            goal: p.goal,
            equipment: p.equipment,
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
