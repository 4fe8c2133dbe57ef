//! The scripted day behind the golden screen files and the screen benches.

use std::sync::Arc;

use patella_ffi::coach::{
    Coach, EquipmentItem, ExperienceLevel, RunDay, RunnerProfile, RunningGoal, SessionResult,
    SessionType,
};
use patella_ffi::pain::{CheckInEntry, CheckInMoment};
use patella_ffi::run::RunCadenceUnit;
use patella_ffi::screens::{AppSettings, DistanceUnitChoice, PairedSensorRecord};
use patella_ffi::store::RecordStore;

/// Tuesday's run, measured elsewhere (a watch, say) and brought in as a
/// backup before anything else: the apps keep runs only through a run
/// session, and this day's figures are fixed.
pub const TUESDAY_RUN_BACKUP: &str = r#"{"format": "patella-backup", "schema_version": 1,
  "records": {"check_ins": [], "sessions": [], "settings": {}, "runs": [{"id": "run-2026-11-24",
  "started_at": "2026-11-24T18:00:00", "duration_s": 1890, "distance_m": 3400,
  "average_cadence_spm": 163.5, "target_cadence_spm": 168.0}]}}"#;

pub fn runner() -> RunnerProfile {
    RunnerProfile {
        experience: ExperienceLevel::NewToRunning,
        weekly_minutes: None,
        weekly_km: None,
        days_per_week: 3,
        preferred_days: vec![RunDay::Tuesday, RunDay::Thursday, RunDay::Saturday],
        goal: RunningGoal::Continuous15Minutes,
        equipment: vec![EquipmentItem::Wall],
        age_years: Some(40),
        osteoarthritis: false,
        osteoporosis: false,
        balance_problems: false,
        body_mass_kg: None,
        height_cm: None,
        knee_pain: 2,
        strength_days_per_week: None,
        cadence_baseline_spm: None,
    }
}

/// The scripted day: a runner starts a plan on Monday 23 November 2026,
/// runs on Tuesday (the run comes in by backup), checks in after it, pairs a sensor, moves the plan
/// reminder to 06:30, and opens the app on Wednesday at 06:00.
pub fn scripted_day(dir: &str) -> (Arc<RecordStore>, Arc<Coach>) {
    let store = RecordStore::open(dir.to_owned()).expect("store opens");
    store
        .import_backup(TUESDAY_RUN_BACKUP.to_owned())
        .expect("run stored");
    let coach = Coach::open(store.clone()).expect("coach opens");
    coach
        .save_profile(runner(), "2026-11-23".into())
        .expect("profile saved");
    coach
        .mark_session("2026-11-24".into(), SessionType::Run, SessionResult::Done)
        .expect("run marked done");
    coach
        .record_check_in(CheckInEntry {
            taken_at: "2026-11-24T19:00:00".into(),
            score: 3,
            moment: CheckInMoment::AfterRun,
            quality: None,
            location: None,
            red_flags: vec![],
        })
        .expect("check-in recorded");
    store
        .save_settings(AppSettings {
            distance_unit: DistanceUnitChoice::Kilometres,
            metronome: true,
            alerts_above_band: false,
            voice_cues: true,
            plan_reminders: true,
            plan_reminder_minute: 6 * 60 + 30,
            check_in_reminders: true,
            check_in_reminder_minute: 8 * 60,
        })
        .expect("settings saved");
    store
        .save_paired_sensor(Some(PairedSensorRecord {
            id: "C4:7F:51:0A:22:9E".into(),
            name: "Stride pod".into(),
            cadence_unit: RunCadenceUnit::StridesPerMinute,
        }))
        .expect("sensor saved");
    (store, coach)
}
