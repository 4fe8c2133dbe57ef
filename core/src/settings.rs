//! The runner's app settings: how distances are shown, cues, the metronome
//! and the reminders. A leaf: the store keeps them (`crate::store`), the run
//! reads what they ask of a session (`crate::run::RunSettings::from_saved`) and the
//! screens show them.

use serde::{Deserialize, Serialize};
use thiserror::Error;

/// How distances are shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(
    feature = "ffi",
    derive(uniffi::Enum),
    uniffi(name = "DistanceUnitChoice")
)]
#[serde(rename_all = "snake_case")]
pub enum DistanceUnit {
    /// Kilometres.
    #[default]
    Kilometres,
    /// Miles.
    Miles,
}

/// Minutes in a day: a reminder time is a minute of the day below this.
pub const MINUTES_PER_DAY: u16 = 24 * 60;

/// The runner's app settings, as the app edits and saves them. New fields
/// take a default so older files still read. The fields keep the order the
/// apps' generated initialisers take them in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record), uniffi(name = "AppSettings"))]
#[serde(default)]
pub struct Settings {
    /// How distances are shown.
    pub distance_unit: DistanceUnit,
    /// Play a metronome at the cadence target during runs.
    pub metronome: bool,
    /// Also cue when cadence runs above the target band, not only below.
    pub alerts_above_band: bool,
    /// Speak cues aloud during runs (otherwise haptics and text only).
    pub voice_cues: bool,
    /// Remind the runner of the day's planned sessions.
    pub plan_reminders: bool,
    /// When the plan reminder comes, in minutes after local midnight (0-1439).
    pub plan_reminder_minute: u16,
    /// Remind the runner to check in the morning after a run.
    pub check_in_reminders: bool,
    /// When the morning check-in reminder comes, in minutes after local
    /// midnight (0-1439).
    pub check_in_reminder_minute: u16,
}

impl Default for Settings {
    /// Project's choices: cues above the band are off, as in
    /// `cadence::AlertConfig` (article 002 asks for shorter, quicker steps;
    /// a little quick is not what loads the knee), voice on, plan reminders
    /// at 07:00 and the morning check-in at 08:00.
    fn default() -> Self {
        Self {
            distance_unit: DistanceUnit::Kilometres,
            metronome: true,
            check_in_reminders: true,
            alerts_above_band: false,
            voice_cues: true,
            plan_reminders: true,
            plan_reminder_minute: 7 * 60,
            check_in_reminder_minute: 8 * 60,
        }
    }
}

impl Settings {
    /// Rejects a reminder time that is not a minute of the day, naming it.
    pub fn validate(&self) -> Result<(), SettingsError> {
        for (field, minute) in [
            ("plan_reminder_minute", self.plan_reminder_minute),
            ("check_in_reminder_minute", self.check_in_reminder_minute),
        ] {
            if minute >= MINUTES_PER_DAY {
                return Err(SettingsError {
                    field,
                    reason: format!(
                        "{minute} is not a minute of the day (0-{})",
                        MINUTES_PER_DAY - 1
                    ),
                });
            }
        }
        Ok(())
    }
}

/// A setting that cannot be kept, naming the field at fault.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("settings.{field}: {reason}")]
pub struct SettingsError {
    /// The field at fault.
    pub field: &'static str,
    /// Why it cannot be kept.
    pub reason: String,
}
