//! The run settings a runner can change ([`RunSettings`]), and the one path
//! from the runner's saved settings to a session's configuration:
//! `Settings` → [`RunSettings::from_saved`] → [`RunSettings::config`] →
//! `RunConfig`. The terminal and every app start a session this way, so a
//! setting means the same thing everywhere.

use super::config::{AboveZoneResponse, RunConfig};
use crate::cadence::MetronomeMode;
use crate::settings::Settings;

/// The settings a runner can change; everything else keeps the documented
/// defaults of `RunConfig`.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct RunSettings {
    /// When the metronome plays.
    pub metronome: MetronomeMode,
    /// Also alert above the target band.
    pub alert_above_band: bool,
    /// Pain above the zone ends the run (cool-down) instead of switching to walking.
    pub end_run_on_pain_above_zone: bool,
    /// Minutes between periodic check-in prompts; none: only at segment changes.
    pub check_in_every_min: Option<u32>,
    /// Shortest time between two form cues, in seconds.
    pub min_seconds_between_cues: u32,
    /// Take a cadence target outside the usual 150-190 steps/min (refused
    /// otherwise, as a likely typo or unit mix-up). A planned run from the
    /// coach always may: its target steps up from the runner's own baseline.
    #[cfg_attr(feature = "ffi", uniffi(default = false))]
    pub allow_unusual_target: bool,
}

impl Default for RunSettings {
    /// `RunConfig`'s documented defaults, as the runner sees them.
    fn default() -> Self {
        let config = RunConfig::default();
        Self {
            metronome: config.metronome,
            alert_above_band: config.cadence.alert.alert_above_band,
            end_run_on_pain_above_zone: config.above_zone == AboveZoneResponse::EndRun,
            check_in_every_min: config.check_in_prompts.every_min,
            min_seconds_between_cues: u32::try_from(config.cadence.alert.min_gap_ms / 1_000)
                .unwrap_or(u32::MAX),
            allow_unusual_target: config.target_guard.allow_unusual,
        }
    }
}

impl RunSettings {
    /// The run settings the runner's saved settings ask for. The project's
    /// choice: "metronome on" means the nudging metronome (a beat only while
    /// cadence runs low, `MetronomeMode::Nudge`), since a beat that only
    /// comes when needed is the one that gets heard; "off" silences it.
    /// Voice cues are not a session setting: the app decides whether to
    /// speak a cue the core marks `speak`.
    pub fn from_saved(settings: &Settings) -> Self {
        Self {
            metronome: if settings.metronome {
                MetronomeMode::Nudge
            } else {
                MetronomeMode::Off
            },
            alert_above_band: settings.alerts_above_band,
            ..Self::default()
        }
    }

    /// The session configuration: `RunConfig`'s defaults with these settings.
    pub fn config(&self) -> RunConfig {
        let mut config = RunConfig {
            metronome: self.metronome,
            above_zone: if self.end_run_on_pain_above_zone {
                AboveZoneResponse::EndRun
            } else {
                AboveZoneResponse::SwitchToWalking
            },
            ..RunConfig::default()
        };
        config.check_in_prompts.every_min = self.check_in_every_min;
        config.cadence.alert.alert_above_band = self.alert_above_band;
        config.cadence.alert.min_gap_ms = u64::from(self.min_seconds_between_cues) * 1_000;
        config.target_guard.allow_unusual = self.allow_unusual_target;
        config
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_settings_give_the_default_session() {
        assert_eq!(RunSettings::default().config(), RunConfig::default());
        let config = RunSettings::from_saved(&Settings::default()).config();
        let default = RunConfig::default();
        assert_eq!(config.metronome, default.metronome);
        assert_eq!(
            config.cadence.alert.alert_above_band,
            default.cadence.alert.alert_above_band
        );
        assert_eq!(config, default);
    }

    #[test]
    fn the_runner_can_silence_the_metronome_and_ask_for_cues_above_the_band() {
        let settings = Settings {
            metronome: false,
            alerts_above_band: true,
            ..Settings::default()
        };
        let config = RunSettings::from_saved(&settings).config();
        assert_eq!(config.metronome, MetronomeMode::Off);
        assert!(config.cadence.alert.alert_above_band);
    }
}
