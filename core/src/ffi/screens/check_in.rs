//! The Check-in screen record and `checkInScreen(moment)`.

use crate::pain::PainConfig;
use crate::screens::check_in as core_check_in;

use crate::ffi::pain::{CheckInMoment, PainLocation, PainQuality, RedFlag};

/// Where a score sits against the buffer zone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ScaleZone {
    /// Score 0.
    NoPain,
    /// Up to the top of the buffer zone: fine to train.
    WithinBuffer,
    /// Above the buffer zone: scale back.
    AboveBuffer,
}

/// One score on the 0-10 scale.
#[derive(Debug, Clone, PartialEq, uniffi::Record, serde::Serialize)]
pub struct ScalePointState {
    /// The score, 0-10.
    pub score: u8,
    /// What the score means, in words.
    pub label: String,
    /// Its zone.
    pub zone: ScaleZone,
    /// A stable token for the zone's colour: "no-pain", "within-buffer", "above-buffer".
    pub zone_token: String,
    /// The zone in words.
    pub zone_label: String,
}

/// A moment to choose, with its label.
#[derive(Debug, Clone, PartialEq, uniffi::Record, serde::Serialize)]
pub struct MomentChoice {
    /// The value to put in `CheckIn.moment`.
    pub moment: CheckInMoment,
    /// How it is offered.
    pub label: String,
}

/// A quality of pain to choose, with its label.
#[derive(Debug, Clone, PartialEq, uniffi::Record, serde::Serialize)]
pub struct QualityChoice {
    /// The value to put in `CheckIn.quality`.
    pub quality: PainQuality,
    /// How it is offered.
    pub label: String,
}

/// A place of pain to choose, with its label.
#[derive(Debug, Clone, PartialEq, uniffi::Record, serde::Serialize)]
pub struct LocationChoice {
    /// The value to put in `CheckIn.location`.
    pub location: PainLocation,
    /// How it is offered.
    pub label: String,
}

/// A red-flag question; a yes adds `flag` to `CheckIn.red_flags`.
#[derive(Debug, Clone, PartialEq, uniffi::Record, serde::Serialize)]
pub struct RedFlagQuestion {
    /// The flag a yes reports.
    pub flag: RedFlag,
    /// The question, written by the core.
    pub question: String,
}

/// The Check-in screen.
#[derive(Debug, Clone, PartialEq, uniffi::Record, serde::Serialize)]
pub struct CheckInScreen {
    /// The screen's title.
    pub title: String,
    /// The question above the scale.
    pub prompt: String,
    /// The top score of the buffer zone.
    pub buffer_zone_max: u8,
    /// Scores 0 to 10, in order.
    pub scale: Vec<ScalePointState>,
    /// The moment the form opens with.
    pub moment: CheckInMoment,
    /// Every moment, in order.
    pub moments: Vec<MomentChoice>,
    /// The question above the qualities.
    pub quality_prompt: String,
    /// The qualities of pain.
    pub qualities: Vec<QualityChoice>,
    /// The question above the places.
    pub location_prompt: String,
    /// The places of pain.
    pub locations: Vec<LocationChoice>,
    /// The line above the red-flag questions.
    pub red_flag_prompt: String,
    /// The red-flag questions.
    pub red_flags: Vec<RedFlagQuestion>,
    /// The label of the save button.
    pub submit_label: String,
}

impl From<core_check_in::CheckInScreen> for CheckInScreen {
    fn from(s: core_check_in::CheckInScreen) -> Self {
        Self {
            title: s.title,
            prompt: s.prompt,
            buffer_zone_max: s.buffer_zone_max,
            scale: s
                .scale
                .into_iter()
                .map(|p| ScalePointState {
                    score: p.score,
                    label: p.label,
                    zone: match p.zone {
                        core_check_in::ScaleZone::NoPain => ScaleZone::NoPain,
                        core_check_in::ScaleZone::WithinBuffer => ScaleZone::WithinBuffer,
                        core_check_in::ScaleZone::AboveBuffer => ScaleZone::AboveBuffer,
                    },
                    zone_token: p.zone.token().to_owned(),
                    zone_label: p.zone_label,
                })
                .collect(),
            moment: s.moment,
            moments: s
                .moments
                .into_iter()
                .map(|c| MomentChoice {
                    moment: c.value,
                    label: c.label,
                })
                .collect(),
            quality_prompt: s.quality_prompt,
            qualities: s
                .qualities
                .into_iter()
                .map(|c| QualityChoice {
                    quality: c.value,
                    label: c.label,
                })
                .collect(),
            location_prompt: s.location_prompt,
            locations: s
                .locations
                .into_iter()
                .map(|c| LocationChoice {
                    location: c.value,
                    label: c.label,
                })
                .collect(),
            red_flag_prompt: s.red_flag_prompt,
            red_flags: s
                .red_flags
                .into_iter()
                .map(|c| RedFlagQuestion {
                    flag: c.value,
                    question: c.label,
                })
                .collect(),
            submit_label: s.submit_label,
        }
    }
}

/// The Check-in screen, opened for `moment`.
#[uniffi::export]
pub fn check_in_screen(moment: CheckInMoment) -> CheckInScreen {
    core_check_in::check_in_screen(moment, &PainConfig::default()).into()
}
