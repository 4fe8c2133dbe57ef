//! The run settings that follow what the runner chose on the Settings
//! screen, so the apps never map one to the other themselves.

use patella_core::run::{AboveZoneResponse, RunConfig};

use super::{RunMetronomeMode, RunSettings};
use crate::screens::AppSettings;

/// The run settings for the runner's saved `settings`: with the metronome
/// on it plays through the run segments at the target, above-band alerts
/// are as chosen, and everything else keeps the core's defaults.
#[uniffi::export]
pub fn run_settings_for(settings: AppSettings) -> RunSettings {
    let config = RunConfig::default();
    RunSettings {
        metronome: if settings.metronome {
            RunMetronomeMode::Always
        } else {
            RunMetronomeMode::Off
        },
        alert_above_band: settings.alerts_above_band,
        end_run_on_pain_above_zone: config.above_zone == AboveZoneResponse::EndRun,
        check_in_every_min: config.check_in_prompts.every_min,
        min_seconds_between_cues: u32::try_from(config.cadence.alert.min_gap_ms / 1_000)
            .unwrap_or(u32::MAX),
        allow_unusual_target: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::screens::DistanceUnitChoice;

    fn chosen(metronome: bool, alerts_above_band: bool) -> AppSettings {
        AppSettings {
            distance_unit: DistanceUnitChoice::Kilometres,
            metronome,
            alerts_above_band,
            voice_cues: true,
            plan_reminders: true,
            plan_reminder_minute: 420,
            check_in_reminders: true,
            check_in_reminder_minute: 480,
        }
    }

    #[test]
    fn the_metronome_and_above_band_alerts_follow_the_settings_and_the_rest_the_defaults() {
        let on = run_settings_for(chosen(true, true));
        assert_eq!(on.metronome, RunMetronomeMode::Always);
        assert!(on.alert_above_band);
        let off = run_settings_for(chosen(false, false));
        assert_eq!(off.metronome, RunMetronomeMode::Off);
        assert!(!off.alert_above_band);
        assert_eq!(off.min_seconds_between_cues, 60);
        assert!(!off.end_run_on_pain_above_zone);
        assert_eq!(off.check_in_every_min, Some(10));
        assert!(!off.allow_unusual_target);
    }
}
