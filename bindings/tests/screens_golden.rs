//! The golden screen files (issue 11): a scripted day driven through the FFI
//! objects, every screen record written as pretty JSON to
//! `tests/fixtures/screens/`. The Swift and Kotlin model tests of the apps
//! are to match the same files, so the two apps cannot drift. A stale file fails this test; run
//! `PATELLA_BLESS=1 cargo test -p patella-ffi --test screens_golden` to
//! rewrite them after an intended change, and review the diff.

mod screens_support;

use std::path::PathBuf;

use patella_ffi::pain::CheckInMoment;
use patella_ffi::screens::check_in_screen;
use screens_support::scripted_day;

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
