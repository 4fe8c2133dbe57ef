//! The golden screen files (issue 11): a scripted day driven through the FFI
//! objects, every screen record written as pretty JSON to
//! `tests/fixtures/screens/`. The Swift and Kotlin model tests of the apps
//! are to match the same files, so the two apps cannot drift. A stale file fails this test; run
//! `PATELLA_BLESS=1 cargo test -p patella-ffi --test screens_golden` to
//! rewrite them after an intended change, and review the diff.

use std::path::PathBuf;
use std::sync::Arc;

use patella_ffi::coach::{
    Coach, EquipmentItem, ExperienceLevel, RunDay, RunnerProfile, RunningGoal, SessionResult,
    SessionType,
};
use patella_ffi::pain::{CheckIn, CheckInMoment};
use patella_ffi::screens::{
    AppSettings, DistanceUnitChoice, PairedSensorRecord, PairedSensorUnit, check_in_screen,
};
use patella_ffi::store::{RecordStore, StoredRun};

fn runner() -> RunnerProfile {
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
/// runs on Tuesday, checks in after it, pairs a sensor, moves the plan
/// reminder to 06:30, and opens the app on Wednesday at 06:00.
fn scripted_day(dir: &str) -> (Arc<RecordStore>, Arc<Coach>) {
    let store = RecordStore::open(dir.to_owned()).expect("store opens");
    let coach = Coach::open(store.clone()).expect("coach opens");
    coach
        .save_profile(runner(), "2026-11-23".into())
        .expect("profile saved");
    coach
        .mark_session("2026-11-24".into(), SessionType::Run, SessionResult::Done)
        .expect("run marked done");
    coach
        .record_check_in(CheckIn {
            taken_at: "2026-11-24T19:00:00".into(),
            score: 3,
            moment: CheckInMoment::AfterRun,
            quality: None,
            location: None,
            red_flags: vec![],
        })
        .expect("check-in recorded");
    store
        .add_run(StoredRun {
            id: "run-2026-11-24".into(),
            started_at: "2026-11-24T18:00:00".into(),
            duration_s: 1890,
            distance_m: 3400,
            average_cadence_spm: Some(163.5),
            target_cadence_spm: Some(168.0),
        })
        .expect("run stored");
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
            cadence_unit: PairedSensorUnit::StridesPerMinute,
        }))
        .expect("sensor saved");
    (store, coach)
}

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/screens")
}

fn pretty<T: serde::Serialize>(value: &T) -> String {
    let mut text = serde_json::to_string_pretty(value).expect("screens serialise");
    text.push('\n');
    text
}

#[test]
fn the_golden_screen_files_match_the_scripted_day() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let (store, coach) = scripted_day(&tmp.path().to_string_lossy());
    let wednesday = "2026-11-25";
    let today = coach.today_screen(wednesday.into()).expect("today");
    let due = today
        .check_in_due
        .clone()
        .expect("a morning check-in is due");
    assert_eq!(due.moment, CheckInMoment::NextMorning);
    let screens: Vec<(&str, String)> = vec![
        ("today", pretty(&today)),
        ("check-in", pretty(&check_in_screen(due.moment))),
        (
            "plan",
            pretty(&coach.plan_screen(wednesday.into(), 2).expect("plan")),
        ),
        (
            "progress",
            pretty(&store.progress_screen(wednesday.into()).expect("progress")),
        ),
        (
            "settings",
            pretty(&store.settings_screen().expect("settings")),
        ),
        (
            "reminders",
            pretty(
                &coach
                    .reminders("2026-11-25T06:00:00".into())
                    .expect("reminders"),
            ),
        ),
    ];
    let bless = std::env::var_os("PATELLA_BLESS").is_some();
    let mut stale = Vec::new();
    for (name, fresh) in screens {
        let path = fixtures().join(format!("{name}.json"));
        if bless {
            std::fs::create_dir_all(fixtures()).expect("fixture folder");
            std::fs::write(&path, &fresh).expect("fixture written");
            continue;
        }
        let kept = std::fs::read_to_string(&path).unwrap_or_default();
        if kept != fresh {
            let line = kept
                .lines()
                .zip(fresh.lines())
                .position(|(a, b)| a != b)
                .unwrap_or_else(|| kept.lines().count().min(fresh.lines().count()));
            eprintln!(
                "{name}.json differs from line {}: kept {:?}, now {:?}",
                line + 1,
                kept.lines().nth(line).unwrap_or("<end>"),
                fresh.lines().nth(line).unwrap_or("<end>")
            );
            stale.push(name);
        }
    }
    assert!(
        stale.is_empty(),
        "stale golden screen files {stale:?} in tests/fixtures/screens/; if the change is \
         intended, refresh them with `PATELLA_BLESS=1 cargo test -p patella-ffi --test \
         screens_golden` and review the diff"
    );
}
