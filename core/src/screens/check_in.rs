//! The Check-in screen: the 0-10 scale with each score's words and zone,
//! the moments, qualities and places of pain to choose from, and the
//! red-flag questions, all in the project's own words so that no shell
//! writes medical wording.

use super::format::moment;
use crate::pain::{CheckInMoment, PainConfig, PainLocation, PainQuality, RedFlag};
use crate::words::{above_pain_band, within_pain_band};

/// Where a score sits against the buffer zone (article 002: up to 5 is
/// acceptable while training; above it, scale back).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ffi", derive(uniffi::Enum))]
pub enum ScaleZone {
    /// Score 0.
    NoPain,
    /// Up to the top of the buffer zone: fine to train.
    WithinBuffer,
    /// Above the buffer zone: scale back.
    AboveBuffer,
}

impl ScaleZone {
    /// A stable token a shell maps to a colour.
    pub fn token(self) -> &'static str {
        match self {
            Self::NoPain => "no-pain",
            Self::WithinBuffer => "within-buffer",
            Self::AboveBuffer => "above-buffer",
        }
    }
}

/// One score on the 0-10 scale.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct ScalePoint {
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
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct MomentChoice {
    /// The value to put in `CheckIn.moment`.
    pub moment: CheckInMoment,
    /// How it is offered.
    pub label: String,
}

/// A quality of pain to choose, with its label.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct QualityChoice {
    /// The value to put in `CheckIn.quality`.
    pub quality: PainQuality,
    /// How it is offered.
    pub label: String,
}

/// A place of pain to choose, with its label.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct LocationChoice {
    /// The value to put in `CheckIn.location`.
    pub location: PainLocation,
    /// How it is offered.
    pub label: String,
}

/// A red-flag question; a yes adds `flag` to `CheckIn.red_flags`.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct RedFlagQuestion {
    /// The flag a yes reports.
    pub flag: RedFlag,
    /// The question, written by the core.
    pub question: String,
}

/// The Check-in screen.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct CheckInScreen {
    /// The screen's title.
    pub title: String,
    /// The question above the scale.
    pub prompt: String,
    /// The top score of the buffer zone.
    pub buffer_zone_max: u8,
    /// Scores 0 to 10, in order.
    pub scale: Vec<ScalePoint>,
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

/// The words for a score. The two ends follow article 002's scale (0 no
/// pain, 10 bad enough for the emergency room); the steps between are the
/// project's.
fn score_label(score: u8, buffer_max: u8) -> &'static str {
    match score {
        0 => "No pain",
        10 => "As bad as it gets: emergency-room pain",
        s if s <= buffer_max / 2 => "Mild: you notice it",
        s if s <= buffer_max => "Moderate: uncomfortable, still acceptable",
        s if s <= buffer_max + 2 => "Strong: too much to train through",
        _ => "Severe: hard to think of anything else",
    }
}

/// The question for each red flag.
pub fn red_flag_question(flag: RedFlag) -> &'static str {
    match flag {
        RedFlag::Swelling => "Is the knee visibly swollen or puffy?",
        RedFlag::GivingWay => "Has the knee buckled or given way under you?",
        RedFlag::LossOfFunction => "Is it hard to use the leg the way you normally would?",
        RedFlag::RadiatingPain => "Does the pain travel up or down the leg?",
    }
}

/// How a quality of pain is offered.
pub fn quality_label(q: PainQuality) -> &'static str {
    match q {
        PainQuality::Sharp => "Sharp or stabbing",
        PainQuality::DullAching => "Dull or aching",
    }
}

/// How a place of pain is offered.
pub fn location_label(l: PainLocation) -> &'static str {
    match l {
        PainLocation::FrontOfKnee => "Front of the knee",
        PainLocation::AroundOrBehindKneecap => "Around or behind the kneecap",
        PainLocation::Elsewhere => "Somewhere else",
    }
}

/// The screen, opened for the check-in `moment`.
pub fn check_in_screen(moment_now: CheckInMoment, config: &PainConfig) -> CheckInScreen {
    let buffer_max = config.buffer_zone_max.min(crate::pain::MAX_SCORE);
    let scale = (0..=crate::pain::MAX_SCORE)
        .map(|score| {
            let zone = match score {
                0 => ScaleZone::NoPain,
                s if s <= buffer_max => ScaleZone::WithinBuffer,
                _ => ScaleZone::AboveBuffer,
            };
            ScalePoint {
                score,
                label: score_label(score, buffer_max).to_owned(),
                zone,
                zone_token: zone.token().to_owned(),
                zone_label: match zone {
                    ScaleZone::NoPain => "No pain".to_owned(),
                    ScaleZone::WithinBuffer => within_pain_band(buffer_max),
                    ScaleZone::AboveBuffer => above_pain_band(buffer_max),
                },
            }
        })
        .collect();
    let moments = [
        CheckInMoment::BeforeRun,
        CheckInMoment::DuringRun,
        CheckInMoment::AfterRun,
        CheckInMoment::NextMorning,
        CheckInMoment::DuringStrength,
    ];
    CheckInScreen {
        title: "Knee check-in".to_owned(),
        prompt: "How much does your knee hurt right now, from 0 to 10?".to_owned(),
        buffer_zone_max: buffer_max,
        scale,
        moment: moment_now,
        moments: moments
            .into_iter()
            .map(|m| MomentChoice {
                moment: m,
                label: moment(m).to_owned(),
            })
            .collect(),
        quality_prompt: "What does it feel like? (optional)".to_owned(),
        qualities: [PainQuality::Sharp, PainQuality::DullAching]
            .into_iter()
            .map(|q| QualityChoice {
                quality: q,
                label: quality_label(q).to_owned(),
            })
            .collect(),
        location_prompt: "Where is it? (optional)".to_owned(),
        locations: [
            PainLocation::FrontOfKnee,
            PainLocation::AroundOrBehindKneecap,
            PainLocation::Elsewhere,
        ]
        .into_iter()
        .map(|l| LocationChoice {
            location: l,
            label: location_label(l).to_owned(),
        })
        .collect(),
        red_flag_prompt: "Tick any that are true today:".to_owned(),
        red_flags: [
            RedFlag::Swelling,
            RedFlag::GivingWay,
            RedFlag::LossOfFunction,
            RedFlag::RadiatingPain,
        ]
        .into_iter()
        .map(|f| RedFlagQuestion {
            flag: f,
            question: red_flag_question(f).to_owned(),
        })
        .collect(),
        submit_label: "Save check-in".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // Article 002: 0-10, with up to 5 inside the buffer zone.
    #[test]
    fn the_scale_marks_the_buffer_zone_of_article_002() {
        let screen = check_in_screen(CheckInMoment::AfterRun, &PainConfig::default());
        assert_eq!(screen.scale.len(), 11);
        let zones: Vec<ScaleZone> = screen.scale.iter().map(|p| p.zone).collect();
        assert_eq!(zones[0], ScaleZone::NoPain);
        assert!(zones[1..=5].iter().all(|z| *z == ScaleZone::WithinBuffer));
        assert!(zones[6..].iter().all(|z| *z == ScaleZone::AboveBuffer));
        assert_eq!(screen.red_flags.len(), 4);
        assert!(screen.red_flags.iter().all(|f| f.question.ends_with('?')));
    }
}
