//! The run behaviour a runner's saved settings ask for, decided once here so
//! that every app (and the terminal) starts a session the same way from the
//! Settings screen's record.

use super::config::RunConfig;
use crate::cadence::MetronomeMode;
use crate::settings::Settings;

/// The session settings for `settings`; everything the runner cannot change
/// keeps `RunConfig`'s documented default. The project's choice: "metronome
/// on" means the nudging metronome (a beat only while cadence runs low,
/// `MetronomeMode::Nudge`), since a beat that only comes when needed is the
/// one that gets heard; "off" silences it. Voice cues are not a session
/// setting: the app decides whether to speak a cue the core marks `speak`.
pub fn run_config_for(settings: &Settings) -> RunConfig {
    let mut config = RunConfig {
        metronome: if settings.metronome {
            MetronomeMode::Nudge
        } else {
            MetronomeMode::Off
        },
        ..RunConfig::default()
    };
    config.cadence.alert.alert_above_band = settings.alerts_above_band;
    config
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_settings_give_the_default_session() {
        let config = run_config_for(&Settings::default());
        let default = RunConfig::default();
        assert_eq!(config.metronome, default.metronome);
        assert_eq!(
            config.cadence.alert.alert_above_band,
            default.cadence.alert.alert_above_band
        );
    }

    #[test]
    fn the_runner_can_silence_the_metronome_and_ask_for_cues_above_the_band() {
        let settings = Settings {
            metronome: false,
            alerts_above_band: true,
            ..Settings::default()
        };
        let config = run_config_for(&settings);
        assert_eq!(config.metronome, MetronomeMode::Off);
        assert!(config.cadence.alert.alert_above_band);
    }
}
