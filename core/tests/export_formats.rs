//! CSV, TCX and the JSON backup.

use chrono::Weekday;
use chrono::{FixedOffset, NaiveDate, NaiveDateTime};
use patella_core::coach::profile::{CurrentRunning, RiskFactors};
use patella_core::coach::record::CoachDocument;
use patella_core::coach::{ExperienceLevel, History, Profile, RunningGoal};
use patella_core::export::{
    BackupError, backup_from_json, backup_to_json, check_ins_csv, run_tcx, runs_csv, tcx_cadence,
};
use patella_core::pain::{CheckIn, CheckInMoment, PainLocation, PainQuality, RedFlag};
use patella_core::sample::CadenceUnit;
use patella_core::store::{
    CadencePoint, Outcome, PairedSensor, RecordStoreError, Records, RunRecord, SessionRecord,
    Settings, Store,
};
use proptest::prelude::*;
use serde_json::json;

fn at(day: u32, hour: u32, minute: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 4, day)
        .and_then(|d| d.and_hms_opt(hour, minute, 0))
        .expect("date")
}

fn run() -> RunRecord {
    RunRecord {
        id: "morning, <easy> & \"slow\"".into(),
        started_at: at(6, 7, 15),
        duration_s: 95,
        distance_m: 300,
        average_cadence_spm: Some(171.0),
        target_cadence_spm: Some(175.0),
        marks: Default::default(),
        cadence_trace: vec![
            CadencePoint {
                at_s: 0,
                steps_per_min: 168.0,
            },
            CadencePoint {
                at_s: 30,
                steps_per_min: 172.0,
            },
            CadencePoint {
                at_s: 60,
                steps_per_min: 175.5,
            },
        ],
    }
}

/// A profile document the coach reads, as the coach saves it.
fn coach_document() -> serde_json::Value {
    let profile = Profile {
        experience: ExperienceLevel::NewToRunning,
        current: CurrentRunning {
            weekly_minutes: None,
            weekly_km: None,
            days_per_week: 3,
            preferred_days: vec![Weekday::Tue, Weekday::Thu, Weekday::Sat],
        },
        goal: RunningGoal::Continuous15Minutes,
        equipment: vec![],
        risk_factors: RiskFactors::default(),
        knee_pain: 0,
        strength_days_per_week: None,
        cadence_baseline_spm: None,
    };
    let start = at(6, 0, 0).date();
    serde_json::to_value(CoachDocument::of(&History::new(profile, start))).expect("json")
}

fn sample_records() -> Records {
    Records {
        check_ins: vec![
            CheckIn {
                taken_at: at(6, 8, 0),
                score: 4,
                moment: CheckInMoment::AfterRun,
                quality: Some(PainQuality::DullAching),
                location: Some(PainLocation::AroundOrBehindKneecap),
                red_flags: vec![],
            },
            CheckIn {
                taken_at: at(7, 7, 0),
                score: 7,
                moment: CheckInMoment::NextMorning,
                quality: None,
                location: None,
                red_flags: vec![RedFlag::Swelling, RedFlag::GivingWay],
            },
        ],
        runs: vec![run()],
        sessions: vec![SessionRecord {
            date: at(6, 0, 0).date(),
            session_id: "w2-run-1".into(),
            outcome: Outcome::Done,
        }],
        profile: Some(coach_document()),
        settings: Settings {
            metronome: false,
            ..Settings::default()
        },
        paired_sensor: Some(PairedSensor {
            id: "C0:FF:EE".into(),
            name: "Stryd".into(),
            cadence_unit: CadenceUnit::StepsPerMinute,
        }),
    }
}

#[test]
fn check_ins_become_one_csv_row_each() {
    let csv = check_ins_csv(&sample_records().check_ins);
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines[0], "taken_at,moment,score,quality,location,red_flags");
    assert_eq!(
        lines[1],
        "2026-04-06T08:00:00,after_run,4,dull_aching,around_or_behind_kneecap,"
    );
    assert_eq!(
        lines[2],
        "2026-04-07T07:00:00,next_morning,7,,,swelling;giving_way"
    );
    assert_eq!(lines.len(), 3);
}

#[test]
fn runs_become_csv_rows_with_awkward_text_quoted_and_formulas_defused() {
    let mut formula = run();
    formula.id = "=HYPERLINK(1)".into();
    formula.average_cadence_spm = None;
    let csv = runs_csv(&[run(), formula]);
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines[0],
        "id,started_at,duration_s,distance_m,average_cadence_spm,target_cadence_spm,trace_points"
    );
    assert_eq!(
        lines[1],
        r#""morning, <easy> & ""slow""",2026-04-06T07:15:00,95,300,171,175,3"#
    );
    assert_eq!(lines[2], "'=HYPERLINK(1),2026-04-06T07:15:00,95,300,,175,3");
}

// TCX cadence counts one foot (strides/min): Patella's steps/min halved.
#[test]
fn tcx_cadence_is_per_foot_half_the_step_rate() {
    assert_eq!(tcx_cadence(172.0), 86);
    assert_eq!(tcx_cadence(175.5), 88);
    assert_eq!(tcx_cadence(169.0), 85);
    let tcx = run_tcx(&run(), FixedOffset::east_opt(3600).expect("offset"));
    assert!(tcx.contains("<Activity Sport=\"Running\">"));
    assert!(tcx.contains("<Id>2026-04-06T07:15:00+01:00</Id>"));
    assert!(tcx.contains("<TotalTimeSeconds>95</TotalTimeSeconds>"));
    assert!(tcx.contains("<DistanceMeters>300</DistanceMeters>"));
    assert!(
        tcx.contains("<ax:AvgRunCadence>86</ax:AvgRunCadence>"),
        "171 steps/min -> 85.5 -> 86"
    );
    let points: Vec<(&str, &str)> = tcx
        .split("<Trackpoint>")
        .skip(1)
        .map(|tp| {
            let time = tp
                .split("<Time>")
                .nth(1)
                .and_then(|t| t.split("</Time>").next())
                .expect("time");
            let cad = tp
                .split("<ax:RunCadence>")
                .nth(1)
                .and_then(|t| t.split('<').next())
                .expect("cadence");
            (time, cad)
        })
        .collect();
    assert_eq!(
        points,
        vec![
            ("2026-04-06T07:15:00+01:00", "84"),
            ("2026-04-06T07:15:30+01:00", "86"),
            ("2026-04-06T07:16:00+01:00", "88")
        ]
    );
    assert!(
        tcx.contains("<Notes>Patella run morning, &lt;easy&gt; &amp; &quot;slow&quot;</Notes>")
    );
    for tag in [
        "TrainingCenterDatabase",
        "Activities",
        "Activity",
        "Lap",
        "Track",
        "Extensions",
    ] {
        assert_eq!(
            tcx.matches(&format!("<{tag}>")).count() + tcx.matches(&format!("<{tag} ")).count(),
            tcx.matches(&format!("</{tag}>")).count(),
            "{tag} is balanced"
        );
    }
}

// Issue 10 ("Smaller"): a TCX time without an offset is read as UTC, so a
// run at 07:15 local in New York would show at 03:15 on a platform.
#[test]
fn every_tcx_time_carries_the_runners_utc_offset() {
    let new_york = FixedOffset::west_opt(5 * 3600).expect("offset");
    let tcx = run_tcx(&run(), new_york);
    assert!(tcx.contains("<Id>2026-04-06T07:15:00-05:00</Id>"), "{tcx}");
    assert!(
        tcx.contains("<Lap StartTime=\"2026-04-06T07:15:00-05:00\">"),
        "{tcx}"
    );
    let times: Vec<&str> = tcx
        .split("<Time>")
        .skip(1)
        .filter_map(|t| t.split("</Time>").next())
        .collect();
    assert_eq!(times.len(), 3);
    assert!(times.iter().all(|t| t.ends_with("-05:00")), "{times:?}");
    let utc = run_tcx(&run(), FixedOffset::east_opt(0).expect("offset"));
    assert!(utc.contains("<Id>2026-04-06T07:15:00+00:00</Id>"), "{utc}");
}

#[test]
fn a_backup_exported_and_imported_equals_the_original() {
    let original = tempfile::tempdir().expect("tempdir");
    let source = Store::open(original.path()).expect("opens");
    let records = sample_records();
    for c in &records.check_ins {
        source.add_check_in(c).expect("write");
    }
    source.add_run(&records.runs[0]).expect("write");
    source
        .add_session_outcome(&records.sessions[0])
        .expect("write");
    source
        .set_profile(records.profile.as_ref().expect("profile"))
        .expect("write");
    source.set_settings(&records.settings).expect("write");
    source
        .set_paired_sensor(records.paired_sensor.as_ref())
        .expect("write");

    let backup = backup_to_json(&source.records().expect("records")).expect("export");
    let restored_dir = tempfile::tempdir().expect("tempdir");
    let restored = Store::open(restored_dir.path()).expect("opens");
    restored
        .import(&backup_from_json(&backup).expect("reads back"))
        .expect("import");
    assert_eq!(
        restored.records().expect("records"),
        source.records().expect("records")
    );
    assert_eq!(restored.records().expect("records"), records);

    // What was imported is on disk, and the store keeps appending after it.
    let later = CheckIn {
        taken_at: at(9, 7, 0),
        ..records.check_ins[0].clone()
    };
    restored.add_check_in(&later).expect("append after import");
    drop(restored);
    let reopened = Store::open(restored_dir.path()).expect("reopens");
    assert!(reopened.warnings().is_empty());
    let mut expected = records.clone();
    expected.check_ins.push(later);
    assert_eq!(reopened.records().expect("records"), expected);

    // An import never mixes into existing records.
    assert!(matches!(
        reopened.import(&records),
        Err(RecordStoreError::NotEmpty)
    ));
}

#[test]
fn a_backup_that_is_not_one_or_from_the_future_is_refused() {
    let future =
        json!({"format": "patella-backup", "schema_version": 99, "records": {"new": true}});
    let err = backup_from_json(&future.to_string()).expect_err("future");
    assert!(
        matches!(err, BackupError::FromTheFuture { found: 99, .. }),
        "{err}"
    );
    let other = json!({"format": "something-else", "schema_version": 1});
    assert!(matches!(
        backup_from_json(&other.to_string()),
        Err(BackupError::NotABackup { .. })
    ));
    let mut bad = serde_json::to_value(sample_records()).expect("json");
    bad["check_ins"][0]["score"] = json!(12);
    let doc = json!({"format": "patella-backup", "schema_version": 1, "records": bad});
    let err = backup_from_json(&doc.to_string()).expect_err("score 12");
    assert!(err.to_string().contains("score"), "{err}");
}

fn arb_check_in() -> impl Strategy<Value = CheckIn> {
    (
        0u32..3000,
        0u8..=10,
        0usize..5,
        proptest::option::of(prop_oneof![
            Just(PainQuality::Sharp),
            Just(PainQuality::DullAching)
        ]),
    )
        .prop_map(|(minutes, score, moment, quality)| CheckIn {
            taken_at: at(1, 0, 0) + chrono::Duration::minutes(i64::from(minutes)),
            score,
            moment: [
                CheckInMoment::BeforeRun,
                CheckInMoment::DuringRun,
                CheckInMoment::AfterRun,
                CheckInMoment::NextMorning,
                CheckInMoment::DuringStrength,
            ][moment],
            quality,
            location: None,
            red_flags: vec![],
        })
}

fn arb_run() -> impl Strategy<Value = RunRecord> {
    (
        "[a-z0-9-]{1,12}",
        1u32..20_000,
        0u32..50_000,
        proptest::option::of(1200u32..2000),
        proptest::collection::vec(1000u32..2100, 0..20),
    )
        .prop_map(|(id, duration_s, distance_m, avg, trace)| RunRecord {
            id,
            started_at: at(2, 6, 0),
            duration_s,
            distance_m,
            average_cadence_spm: avg.map(|a| f64::from(a) / 10.0),
            target_cadence_spm: None,
            marks: Default::default(),
            cadence_trace: trace
                .iter()
                .enumerate()
                .map(|(i, s)| CadencePoint {
                    at_s: i as u32 * 30,
                    steps_per_min: f64::from(*s) / 10.0,
                })
                .collect(),
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn any_backup_round_trips(check_ins in proptest::collection::vec(arb_check_in(), 0..20), runs in proptest::collection::vec(arb_run(), 0..5)) {
        // A backup holds nothing twice: keep the first of any repeat.
        let mut check_ins = check_ins;
        let mut seen = std::collections::HashSet::new();
        check_ins.retain(|c| seen.insert(serde_json::to_string(c).expect("json")));
        let mut runs = runs;
        for (i, r) in runs.iter_mut().enumerate() {
            r.id = format!("{}-{i}", r.id);
        }
        let records = Records { check_ins, runs, ..sample_records() };
        let back = backup_from_json(&backup_to_json(&records).expect("export")).expect("import");
        prop_assert_eq!(back, records);
    }
}
