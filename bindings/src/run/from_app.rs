//! The run settings that follow from the runner's saved app settings, so
//! the apps never decide the run's defaults themselves.

use patella_core::cadence::MetronomeMode;
use patella_core::run::{AboveZoneResponse, RunConfig};

use super::{RunMetronomeMode, RunSettings};
use crate::screens::AppSettings;

/// The `RunSettings` for a run started with the runner's saved settings:
/// the metronome plays at the target through run segments when it is on,
/// above-band cues follow the setting, and everything else keeps the
/// core's defaults (check-in prompts every 10 minutes, form cues at least
/// the default gap apart, pain above the zone switches to walking).
#[uniffi::export]
pub fn run_settings_for(settings: AppSettings) -> RunSettings {
    let defaults = RunConfig::default();
    RunSettings {
        metronome: if settings.metronome {
            RunMetronomeMode::Always
        } else {
            RunMetronomeMode::Off
        },
        alert_above_band: settings.alerts_above_band,
        end_run_on_pain_above_zone: defaults.above_zone == AboveZoneResponse::EndRun,
        check_in_every_min: defaults.check_in_prompts.every_min,
        min_seconds_between_cues: u32::try_from(defaults.cadence.alert.min_gap_ms / 1_000)
            .unwrap_or(u32::MAX),
        allow_unusual_target: defaults.target_guard.allow_unusual,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::screens::DistanceUnitChoice;

    fn saved(metronome: bool, alerts_above_band: bool) -> AppSettings {
        AppSettings {
            distance_unit: DistanceUnitChoice::Kilometres,
            metronome,
            alerts_above_band,
            voice_cues: true,
            plan_reminders: true,
            plan_reminder_minute: 390,
            check_in_reminders: true,
            check_in_reminder_minute: 480,
        }
    }

    #[test]
    fn the_saved_switches_reach_the_run_and_the_rest_keeps_the_defaults() {
        let on = run_settings_for(saved(true, true));
        assert_eq!(on.metronome, RunMetronomeMode::Always);
        assert!(on.alert_above_band);
        let off = run_settings_for(saved(false, false));
        assert_eq!(off.metronome, RunMetronomeMode::Off);
        assert!(!off.alert_above_band);
        let config = super::super::convert::config_from(off);
        let defaults = RunConfig::default();
        assert_eq!(config.metronome, MetronomeMode::Off);
        assert_eq!(config.above_zone, defaults.above_zone);
        assert_eq!(config.check_in_prompts.every_min, Some(10));
        assert_eq!(
            config.cadence.alert.min_gap_ms,
            defaults.cadence.alert.min_gap_ms
        );
        assert!(!config.target_guard.allow_unusual);
    }
}
