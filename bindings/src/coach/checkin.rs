//! The check-in as the coach facade takes it, and its assessment.
//! These mirror `patella_core::pain`; if the pain facade provides its own
//! records, those should replace these.

use patella_core::pain::{
    CheckIn, CheckInMoment, PainAction, PainAssessment, PainLocation, PainQuality, PainZone,
    RedFlag,
};

use super::error::CoachError;

#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum CoachCheckInMoment {
    BeforeRun,
    DuringRun,
    AfterRun,
    NextMorning,
    DuringStrength,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum CoachPainQuality {
    Sharp,
    DullAching,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum CoachPainLocation {
    FrontOfKnee,
    AroundOrBehindKneecap,
    Elsewhere,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum CoachRedFlag {
    Swelling,
    GivingWay,
    LossOfFunction,
    RadiatingPain,
}

#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct CoachCheckIn {
    /// Local date and time, ISO-8601 ("2026-11-22T18:30:00").
    pub taken_at: String,
    pub score: i64,
    pub moment: CoachCheckInMoment,
    pub quality: Option<CoachPainQuality>,
    pub location: Option<CoachPainLocation>,
    pub red_flags: Vec<CoachRedFlag>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum CoachPainZone {
    WithinBuffer,
    AboveBuffer,
    Stop,
    SeeClinician,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum CoachPainAction {
    Continue,
    ScaleBack,
    StopActivity,
    SeeClinician,
}

#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct CoachPainAssessment {
    pub zone: CoachPainZone,
    pub action: CoachPainAction,
    pub red_flags: Vec<CoachRedFlag>,
    pub advice: String,
}

fn red_flag(f: CoachRedFlag) -> RedFlag {
    match f {
        CoachRedFlag::Swelling => RedFlag::Swelling,
        CoachRedFlag::GivingWay => RedFlag::GivingWay,
        CoachRedFlag::LossOfFunction => RedFlag::LossOfFunction,
        CoachRedFlag::RadiatingPain => RedFlag::RadiatingPain,
    }
}

fn coach_flag(f: RedFlag) -> CoachRedFlag {
    match f {
        RedFlag::Swelling => CoachRedFlag::Swelling,
        RedFlag::GivingWay => CoachRedFlag::GivingWay,
        RedFlag::LossOfFunction => CoachRedFlag::LossOfFunction,
        RedFlag::RadiatingPain => CoachRedFlag::RadiatingPain,
    }
}

impl TryFrom<CoachCheckIn> for CheckIn {
    type Error = CoachError;

    fn try_from(c: CoachCheckIn) -> Result<Self, CoachError> {
        let taken_at = super::parse_date_time("taken_at", &c.taken_at)?;
        let moment = match c.moment {
            CoachCheckInMoment::BeforeRun => CheckInMoment::BeforeRun,
            CoachCheckInMoment::DuringRun => CheckInMoment::DuringRun,
            CoachCheckInMoment::AfterRun => CheckInMoment::AfterRun,
            CoachCheckInMoment::NextMorning => CheckInMoment::NextMorning,
            CoachCheckInMoment::DuringStrength => CheckInMoment::DuringStrength,
        };
        let quality = c.quality.map(|q| match q {
            CoachPainQuality::Sharp => PainQuality::Sharp,
            CoachPainQuality::DullAching => PainQuality::DullAching,
        });
        let location = c.location.map(|l| match l {
            CoachPainLocation::FrontOfKnee => PainLocation::FrontOfKnee,
            CoachPainLocation::AroundOrBehindKneecap => PainLocation::AroundOrBehindKneecap,
            CoachPainLocation::Elsewhere => PainLocation::Elsewhere,
        });
        let flags = c.red_flags.into_iter().map(red_flag).collect();
        CheckIn::new(taken_at, c.score, moment, quality, location, flags).map_err(|e| {
            let text = e.to_string();
            let field = text.split(':').next().unwrap_or("check_in").to_owned();
            CoachError::InvalidInput {
                field,
                message: text,
            }
        })
    }
}

impl From<&PainAssessment> for CoachPainAssessment {
    fn from(a: &PainAssessment) -> Self {
        let (action, red_flags) = match &a.action {
            PainAction::Continue => (CoachPainAction::Continue, vec![]),
            PainAction::ScaleBack => (CoachPainAction::ScaleBack, vec![]),
            PainAction::StopActivity => (CoachPainAction::StopActivity, vec![]),
            PainAction::SeeClinician { flags } => (
                CoachPainAction::SeeClinician,
                flags.iter().map(|f| coach_flag(*f)).collect(),
            ),
        };
        Self {
            zone: match a.zone {
                PainZone::WithinBuffer => CoachPainZone::WithinBuffer,
                PainZone::AboveBuffer => CoachPainZone::AboveBuffer,
                PainZone::Stop => CoachPainZone::Stop,
                PainZone::SeeClinician => CoachPainZone::SeeClinician,
            },
            action,
            red_flags,
            advice: a.advice.clone(),
        }
    }
}
