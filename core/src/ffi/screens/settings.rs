//! The runner's settings and paired sensor across the FFI: read, save, and
//! the Settings screen. Both are kept in the record and in its JSON backup.

use crate::sample::CadenceUnit;
use crate::screens::settings::{self as core_settings, SensorLine};
use crate::store::{DistanceUnit, PairedSensor, Settings};

use crate::ffi::store::{RecordStore, StoreError};

/// How distances are shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DistanceUnitChoice {
    /// Kilometres.
    Kilometres,
    /// Miles.
    Miles,
}

mirror_enum!(DistanceUnitChoice <=> DistanceUnit { Kilometres, Miles });

/// The cadence unit detected for a paired sensor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PairedSensorUnit {
    /// Both feet counted.
    StepsPerMinute,
    /// One foot counted.
    StridesPerMinute,
    /// Not detected yet.
    Unknown,
}

mirror_enum!(PairedSensorUnit <=> CadenceUnit { StepsPerMinute, StridesPerMinute, Unknown });

/// The runner's settings, as the app edits and saves them.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record, serde::Serialize)]
pub struct AppSettings {
    /// How distances are shown.
    pub distance_unit: DistanceUnitChoice,
    /// Play a metronome at the cadence target during runs.
    pub metronome: bool,
    /// Also cue when cadence runs above the target band.
    pub alerts_above_band: bool,
    /// Speak cues aloud during runs.
    pub voice_cues: bool,
    /// Remind the runner of the day's plan.
    pub plan_reminders: bool,
    /// When the plan reminder comes, minutes after local midnight (0-1439).
    pub plan_reminder_minute: u16,
    /// Remind the runner to check in the morning after a run.
    pub check_in_reminders: bool,
    /// When the check-in reminder comes, minutes after local midnight (0-1439).
    pub check_in_reminder_minute: u16,
}

impl From<Settings> for AppSettings {
    fn from(s: Settings) -> Self {
        Self {
            distance_unit: s.distance_unit.into(),
            metronome: s.metronome,
            alerts_above_band: s.alerts_above_band,
            voice_cues: s.voice_cues,
            plan_reminders: s.plan_reminders,
            plan_reminder_minute: s.plan_reminder_minute,
            check_in_reminders: s.check_in_reminders,
            check_in_reminder_minute: s.check_in_reminder_minute,
        }
    }
}

impl From<AppSettings> for Settings {
    fn from(s: AppSettings) -> Self {
        Self {
            distance_unit: s.distance_unit.into(),
            metronome: s.metronome,
            alerts_above_band: s.alerts_above_band,
            voice_cues: s.voice_cues,
            plan_reminders: s.plan_reminders,
            plan_reminder_minute: s.plan_reminder_minute,
            check_in_reminders: s.check_in_reminders,
            check_in_reminder_minute: s.check_in_reminder_minute,
        }
    }
}

/// The cadence sensor the runner paired.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record, serde::Serialize)]
pub struct PairedSensorRecord {
    /// The platform's identifier for the device.
    pub id: String,
    /// The name shown to the runner.
    pub name: String,
    /// The cadence unit detected for it.
    pub cadence_unit: PairedSensorUnit,
}

impl From<PairedSensor> for PairedSensorRecord {
    fn from(s: PairedSensor) -> Self {
        Self {
            id: s.id,
            name: s.name,
            cadence_unit: s.cadence_unit.into(),
        }
    }
}

impl From<PairedSensorRecord> for PairedSensor {
    fn from(s: PairedSensorRecord) -> Self {
        Self {
            id: s.id,
            name: s.name,
            cadence_unit: s.cadence_unit.into(),
        }
    }
}

/// The Settings screen.
#[derive(Debug, Clone, PartialEq, uniffi::Record, serde::Serialize)]
pub struct SettingsScreen {
    /// The values behind the switches, as `saveSettings` takes them.
    pub settings: AppSettings,
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

#[uniffi::export]
impl RecordStore {
    /// The runner's settings (defaults until first saved).
    pub fn settings(&self) -> Result<AppSettings, StoreError> {
        Ok(self.records_view(|r| r.settings.clone())?.into())
    }

    /// Saves the settings; a reminder time outside the day is refused,
    /// naming the field, and nothing is written.
    pub fn save_settings(&self, settings: AppSettings) -> Result<(), StoreError> {
        Ok(self.journal().save_settings(&settings.into())?)
    }

    /// The paired sensor, if any.
    pub fn paired_sensor(&self) -> Result<Option<PairedSensorRecord>, StoreError> {
        Ok(self
            .records_view(|r| r.paired_sensor.clone())?
            .map(Into::into))
    }

    /// Records the paired sensor, or forgets it with `None`.
    pub fn save_paired_sensor(&self, sensor: Option<PairedSensorRecord>) -> Result<(), StoreError> {
        let sensor: Option<PairedSensor> = sensor.map(Into::into);
        Ok(self.journal().save_paired_sensor(sensor.as_ref())?)
    }

    /// The Settings screen.
    pub fn settings_screen(&self) -> Result<SettingsScreen, StoreError> {
        let s = self.records_view(|r| {
            core_settings::settings_screen(&r.settings, r.paired_sensor.as_ref())
        })?;
        Ok(SettingsScreen {
            settings: s.settings.into(),
            distance_unit_label: s.distance_unit_label,
            plan_reminder_time: s.plan_reminder_time,
            check_in_reminder_time: s.check_in_reminder_time,
            sensor: s.sensor,
            sensor_label: s.sensor_label,
            can_forget_sensor: s.can_forget_sensor,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn store(dir: &tempfile::TempDir) -> std::sync::Arc<RecordStore> {
        RecordStore::open(dir.path().to_string_lossy().into_owned()).expect("opens")
    }

    fn chosen() -> AppSettings {
        AppSettings {
            distance_unit: DistanceUnitChoice::Miles,
            metronome: false,
            alerts_above_band: true,
            voice_cues: false,
            plan_reminders: false,
            plan_reminder_minute: 6 * 60 + 15,
            check_in_reminders: true,
            check_in_reminder_minute: 9 * 60,
        }
    }

    // Issue 11: settings and the paired sensor are stored and travel in the
    // JSON backup.
    #[test]
    fn settings_and_the_paired_sensor_survive_reopening_and_a_backup() {
        let a = tempfile::tempdir().expect("tempdir");
        let b = tempfile::tempdir().expect("tempdir");
        let sensor = PairedSensorRecord {
            id: "pod-1".into(),
            name: "Stride pod".into(),
            cadence_unit: PairedSensorUnit::StepsPerMinute,
        };
        {
            let source = store(&a);
            assert_eq!(source.settings().expect("read"), Settings::default().into());
            source.save_settings(chosen()).expect("saved");
            source
                .save_paired_sensor(Some(sensor.clone()))
                .expect("saved");
        }
        let source = store(&a);
        assert_eq!(source.settings().expect("read"), chosen());
        assert_eq!(source.paired_sensor().expect("read"), Some(sensor.clone()));
        let target = store(&b);
        target
            .import_backup(source.export_backup().expect("export"))
            .expect("import");
        assert_eq!(target.settings().expect("read"), chosen());
        assert_eq!(target.paired_sensor().expect("read"), Some(sensor));
        let screen = target.settings_screen().expect("screen");
        assert_eq!(screen.plan_reminder_time, "06:15");
        assert_eq!(screen.distance_unit_label, "Miles (mi)");
        target.save_paired_sensor(None).expect("forgotten");
        let screen = target.settings_screen().expect("screen");
        assert!(!screen.can_forget_sensor);
        assert_eq!(screen.sensor_label, "No sensor paired");
    }

    #[test]
    fn a_reminder_time_outside_the_day_is_refused_naming_the_field() {
        let dir = tempfile::tempdir().expect("tempdir");
        let s = store(&dir);
        let err = s
            .save_settings(AppSettings {
                check_in_reminder_minute: 24 * 60,
                ..chosen()
            })
            .expect_err("not a minute of the day");
        assert!(
            err.to_string().contains("check_in_reminder_minute"),
            "{err}"
        );
        assert_eq!(s.settings().expect("read"), Settings::default().into());
        let mut backup: serde_json::Value =
            serde_json::from_str(&s.export_backup().expect("export")).expect("json");
        backup["records"]["settings"]["plan_reminder_minute"] = 5000.into();
        let other = tempfile::tempdir().expect("tempdir");
        let err = store(&other)
            .import_backup(backup.to_string())
            .expect_err("bad backup");
        assert!(err.to_string().contains("plan_reminder_minute"), "{err}");
    }
}
