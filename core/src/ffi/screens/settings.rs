//! The runner's settings and paired sensor across the FFI: read, save, and
//! the Settings screen. Both are kept in the record and in its JSON backup.

use crate::screens::settings::{self as core_settings, SettingsScreen};

use crate::ffi::store::{RecordStore, StoreError};

// The core's records, under the names the apps see.
pub use crate::settings::{DistanceUnit as DistanceUnitChoice, Settings as AppSettings};
pub use crate::store::PairedSensor as PairedSensorRecord;

#[uniffi::export]
impl RecordStore {
    /// The runner's settings (defaults until first saved).
    pub fn settings(&self) -> Result<AppSettings, StoreError> {
        self.records_view(|r| r.settings.clone())
    }

    /// Saves the settings; a reminder time outside the day is refused,
    /// naming the field, and nothing is written.
    pub fn save_settings(&self, settings: AppSettings) -> Result<(), StoreError> {
        Ok(self.journal().save_settings(&settings)?)
    }

    /// The paired sensor, if any.
    pub fn paired_sensor(&self) -> Result<Option<PairedSensorRecord>, StoreError> {
        self.records_view(|r| r.paired_sensor.clone())
    }

    /// Records the paired sensor, or forgets it with `None`.
    pub fn save_paired_sensor(&self, sensor: Option<PairedSensorRecord>) -> Result<(), StoreError> {
        Ok(self.journal().save_paired_sensor(sensor.as_ref())?)
    }

    /// The Settings screen.
    pub fn settings_screen(&self) -> Result<SettingsScreen, StoreError> {
        self.records_view(|r| core_settings::settings_screen(&r.settings, r.paired_sensor.as_ref()))
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
            cadence_unit: crate::ffi::run::RunCadenceUnit::StepsPerMinute,
        };
        {
            let source = store(&a);
            assert_eq!(source.settings().expect("read"), AppSettings::default());
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
        assert_eq!(s.settings().expect("read"), AppSettings::default());
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
