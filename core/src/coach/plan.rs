//! The plan as the runner sees it: dated weeks of days, each day with its
//! sessions. Exercises are borrowed from the catalogue, so a plan carries the
//! full detail of every exercise without copying it.

use chrono::NaiveDate;
use serde::Serialize;

use super::catalogue::{Exercise, Level};
use super::history::SessionType;
use crate::pain::{PainTrend, RedFlag};

/// The coach plans run days in the run engine's own segment kinds, so a
/// planned day starts as a live session without translation.
pub use crate::run::SegmentKind;

/// How hard a run segment is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Effort {
    /// The runner's usual, conversational pace.
    Usual,
    /// Faster than usual pace by this percentage (speed goal, article 000).
    Faster { percent: u8 },
}

/// One piece of a run day, in seconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct PlannedSegment {
    pub kind: SegmentKind,
    pub seconds: u32,
    /// Only for `Run` segments.
    pub effort: Option<Effort>,
}

/// An exercise in a session, with the exercise it stands in for when the
/// runner lacks the equipment.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlannedExercise<'c> {
    pub exercise: &'c Exercise,
    pub instead_of: Option<&'c str>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CrossActivity {
    Cycling,
    Swimming,
}

/// Low-impact work in place of a run (article 002).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CrossTraining {
    pub minutes: u32,
    pub options: Vec<CrossActivity>,
}

impl CrossTraining {
    pub fn new(minutes: u32) -> Self {
        Self {
            minutes,
            options: vec![CrossActivity::Cycling, CrossActivity::Swimming],
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlannedRun<'c> {
    /// Warm-up, main set, cool-down, in order.
    pub segments: Vec<PlannedSegment>,
    pub warm_up: Vec<PlannedExercise<'c>>,
    pub cool_down: Vec<PlannedExercise<'c>>,
    /// Seconds of running in the main set (the volume the 10% rule counts).
    pub running_seconds: u32,
    /// The ladder rung, for runners on the run/walk ladder (0-based).
    pub ladder_stage: Option<u8>,
    /// Offered when running is scaled back.
    pub cross_training_option: Option<CrossTraining>,
    /// This week's step of the cadence schedule, steps/min (articles 002 and
    /// 004); `None` until the profile has a cadence baseline.
    pub cadence_target_spm: Option<f64>,
}

impl PlannedRun<'_> {
    /// The live session this run day starts as, with the day's cadence
    /// target. The stride baseline comes from the runner's earlier runs.
    pub fn session_plan(&self) -> crate::run::SessionPlan {
        crate::run::SessionPlan {
            segments: self
                .segments
                .iter()
                .map(|s| crate::run::RunSegment {
                    kind: s.kind,
                    duration_s: s.seconds,
                })
                .collect(),
            cadence_target_spm: self.cadence_target_spm,
            stride_baseline: None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StrengthSession<'c> {
    pub phase: Level,
    pub exercises: Vec<PlannedExercise<'c>>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Session<'c> {
    Run(PlannedRun<'c>),
    Strength(StrengthSession<'c>),
    /// The short daily routine while the knee hurts (article 003).
    KneeRoutine {
        exercises: Vec<PlannedExercise<'c>>,
    },
    CrossTraining {
        training: CrossTraining,
        reason: String,
    },
}

impl Session<'_> {
    pub fn kind(&self) -> SessionType {
        match self {
            Self::Run(_) => SessionType::Run,
            Self::Strength(_) => SessionType::Strength,
            Self::KneeRoutine { .. } => SessionType::KneeRoutine,
            Self::CrossTraining { .. } => SessionType::CrossTraining,
        }
    }

    /// Every exercise the session asks for.
    pub fn exercises(&self) -> Vec<&PlannedExercise<'_>> {
        match self {
            Self::Run(r) => r.warm_up.iter().chain(r.cool_down.iter()).collect(),
            Self::Strength(s) => s.exercises.iter().collect(),
            Self::KneeRoutine { exercises } => exercises.iter().collect(),
            Self::CrossTraining { .. } => Vec::new(),
        }
    }
}

/// What the week template puts on a weekday.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DayKind {
    Run,
    Strength,
    Rest,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlanDay<'c> {
    pub date: NaiveDate,
    pub kind: DayKind,
    /// The knee is sore or recently above the buffer zone: no plyometric or
    /// deep-loaded work today.
    pub knee_restricted: bool,
    /// Why the knee limits the day, in plain words (from the knee guard).
    pub notes: Vec<String>,
    pub sessions: Vec<Session<'c>>,
}

impl PlanDay<'_> {
    pub fn running_seconds(&self) -> u32 {
        self.sessions
            .iter()
            .map(|s| match s {
                Session::Run(r) => r.running_seconds,
                _ => 0,
            })
            .sum()
    }
}

/// Why a week looks the way it does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum WeekKind {
    /// The first week, at the runner's current level.
    Start,
    /// One step up.
    Build,
    /// The same again: the last week was not completed.
    Repeat,
    /// Pain went above the buffer zone: a step down.
    StepBack,
    /// The regular lower-volume week.
    Taper,
    /// After a surface or shoe change: lower, then rebuilding.
    GearChange,
    /// Progression waits for the runner to see a clinician.
    Hold,
    /// The goal is reached; the level is kept.
    Maintain,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PlanMilestone {
    /// Article 004: steadier knees within 4-6 weeks of strength work.
    SteadierKnees,
    /// Article 004: deeper protection after 8-12 weeks.
    DeeperProtection,
    /// Article 000's goal: 15 minutes of continuous running.
    ContinuousFifteenMinutes,
    WeeklyDistanceReached,
}

impl PlanMilestone {
    /// What to tell the runner, in the project's own words.
    pub fn message(self) -> &'static str {
        match self {
            Self::SteadierKnees => {
                "Four weeks of regular strength work: over the next couple of weeks most runners \
                 start to feel steadier knees and fewer aches."
            }
            Self::DeeperProtection => {
                "Eight weeks in: keep going. Between now and week twelve the strength you are \
                 building starts to protect the joint more deeply."
            }
            Self::ContinuousFifteenMinutes => {
                "This week's runs are 15 minutes without a walk break: the run/walk ladder is done."
            }
            Self::WeeklyDistanceReached => "This week's running reaches your weekly distance goal.",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlanWeek<'c> {
    pub index: u16,
    pub start: NaiveDate,
    pub kind: WeekKind,
    /// Why the week is not a build week, in plain words (empty for a build).
    pub reasons: Vec<String>,
    /// Planned running minutes before any in-week swap or cut.
    pub nominal_minutes: u32,
    /// Planned running seconds after swaps and cuts (what the 10% rule counts).
    pub running_seconds: u32,
    pub ladder_stage: Option<u8>,
    /// The speed goal's faster-interval percentage.
    pub speed_percent: Option<u8>,
    pub strength_phase: Level,
    /// The week's cadence target, steps/min, when the profile has a baseline.
    pub cadence_target_spm: Option<f64>,
    pub milestones: Vec<PlanMilestone>,
    pub days: Vec<PlanDay<'c>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RiskFactor {
    Age,
    Osteoarthritis,
    Osteoporosis,
    BalanceProblems,
    BodyWeight,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum HoldReason {
    RedFlags {
        flags: Vec<RedFlag>,
    },
    /// Sharp pain on several days within a week, or on several check-ins in
    /// a row (the counts are the project's threshold, in `CoachConfig`).
    SharpPain {
        days: Vec<NaiveDate>,
    },
    Trend {
        trend: PainTrend,
    },
}

impl HoldReason {
    /// Whether the hold stops running and loaded knee work, not only
    /// progression. A red flag or repeated sharp pain does (articles 001 and
    /// 002); a slow trend only stops the plan growing.
    pub fn stops_training(&self) -> bool {
        matches!(self, Self::RedFlags { .. } | Self::SharpPain { .. })
    }

    /// The reason in plain words.
    pub fn describe(&self) -> String {
        match self {
            Self::RedFlags { flags } => {
                let names: Vec<&str> = flags.iter().map(|f| red_flag_words(*f)).collect();
                format!("you reported {}", names.join(" and "))
            }
            Self::SharpPain { days } if days.len() > 1 => format!(
                "sharp knee pain came back (on {} different days within a few weeks)",
                days.len()
            ),
            Self::SharpPain { .. } => {
                "sharp knee pain came at several check-ins in a row".to_owned()
            }
            Self::Trend { trend } => match trend {
                PainTrend::Worsening { weeks, from, to } => format!(
                    "your usual knee pain rose from {from} to {to} out of 10 over {weeks} weeks"
                ),
                PainTrend::NoImprovement { weeks, to, .. } => format!(
                    "your usual knee pain has not eased over {weeks} weeks (about {to} out of 10 \
                     now)"
                ),
            },
        }
    }
}

fn red_flag_words(flag: RedFlag) -> &'static str {
    match flag {
        RedFlag::Swelling => "swelling",
        RedFlag::GivingWay => "the knee giving way",
        RedFlag::LossOfFunction => "losing use of the leg",
        RedFlag::RadiatingPain => "pain spreading along the leg",
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Advisory {
    /// Article 000: with these, build more slowly and consider a physical therapist.
    SeePhysicalTherapist {
        risk_factors: Vec<RiskFactor>,
        message: String,
    },
    /// Article 002: see a doctor or physical therapist; progression is held
    /// until the runner confirms the visit.
    SeeClinician {
        since: NaiveDate,
        reason: HoldReason,
        message: String,
    },
    /// Articles 002 and 004: the schedule stops below 165 steps/min because
    /// one block of step-ups adds 5-10% in all.
    CadenceBelowAim {
        baseline_spm: f64,
        goal_spm: f64,
        aim_low_spm: f64,
        message: String,
    },
}

impl Advisory {
    pub fn message(&self) -> &str {
        match self {
            Self::SeePhysicalTherapist { message, .. }
            | Self::SeeClinician { message, .. }
            | Self::CadenceBelowAim { message, .. } => message,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Plan<'c> {
    pub start: NaiveDate,
    pub weeks: Vec<PlanWeek<'c>>,
    pub advisories: Vec<Advisory>,
    /// Always shown: the plan is guidance on load, not a diagnosis.
    pub disclaimer: &'static str,
}

pub const DISCLAIMER: &str = "Patella offers guidance on training load and strength work. It does \
not diagnose knee problems; when it suggests seeing a doctor or physical therapist, please do.";

impl<'c> Plan<'c> {
    pub fn day(&self, date: NaiveDate) -> Option<&PlanDay<'c>> {
        self.weeks
            .iter()
            .flat_map(|w| w.days.iter())
            .find(|d| d.date == date)
    }

    pub fn week_of(&self, date: NaiveDate) -> Option<&PlanWeek<'c>> {
        self.weeks
            .iter()
            .find(|w| w.days.iter().any(|d| d.date == date))
    }
}
