//! The Settings screen: every stored setting with its label and the paired
//! sensor, ready to draw.

use super::format::unit_label;
use crate::sample::CadenceUnit;
use crate::store::{DistanceUnit, PairedSensor, Settings};
use crate::words::minute_of_day;

/// The paired sensor as the Settings screen shows it.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct SensorLine {
    /// The platform's identifier, for reconnecting.
    pub id: String,
    /// Its name.
    pub name: String,
    /// What its cadence unit means, in words.
    pub unit_label: String,
}

/// The Settings screen.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct SettingsScreen {
    /// The values behind the switches, as `saveSettings` takes them.
    pub settings: Settings,
    /// The distance unit in words: "Kilometres (km)".
    pub distance_unit_label: String,
    /// The plan reminder time: "07:00".
    pub plan_reminder_time: String,
    /// The check-in reminder time: "08:00".
    pub check_in_reminder_time: String,
    /// The paired sensor, if any.
    pub sensor: Option<SensorLine>,
    /// "Paired with …" or "No sensor paired".
    pub sensor_label: String,
    /// Whether the "forget sensor" button is enabled.
    pub can_forget_sensor: bool,
}

fn cadence_unit_label(unit: CadenceUnit) -> &'static str {
    match unit {
        CadenceUnit::StepsPerMinute => "counts both feet",
        CadenceUnit::StridesPerMinute => "counts one foot; Patella doubles it",
        CadenceUnit::Unknown => "unit not known yet",
    }
}

/// The screen for `settings` and the paired sensor, if any.
pub fn settings_screen(settings: &Settings, sensor: Option<&PairedSensor>) -> SettingsScreen {
    SettingsScreen {
        settings: settings.clone(),
        distance_unit_label: match settings.distance_unit {
            DistanceUnit::Kilometres => "Kilometres",
            DistanceUnit::Miles => "Miles",
        }
        .to_owned()
            + " ("
            + unit_label(settings.distance_unit)
            + ")",
        plan_reminder_time: minute_of_day(settings.plan_reminder_minute),
        check_in_reminder_time: minute_of_day(settings.check_in_reminder_minute),
        sensor: sensor.map(|s| SensorLine {
            id: s.id.clone(),
            name: s.name.clone(),
            unit_label: cadence_unit_label(s.cadence_unit).to_owned(),
        }),
        sensor_label: sensor.map_or_else(
            || "No sensor paired".to_owned(),
            |s| format!("Paired with {}", s.name),
        ),
        can_forget_sensor: sensor.is_some(),
    }
}
