//! Migration tests: they need a step the released build does not have yet,
//! so they drive `Store::open_with` from inside the crate.

use std::fs;

use serde_json::{Value, json};

use super::StoreError;
use super::line::{self, Header};
use super::open_store::Store;
use super::schema::{FileKind, Migration, SCHEMA_VERSION};

fn header(kind: FileKind, version: u32) -> Vec<u8> {
    line::encode_value(&Header {
        patella: kind.tag().to_owned(),
        schema_version: version,
    })
    .expect("header encodes")
}

/// A hypothetical older layout in which a check-in's score was called "pain".
fn rename_pain_to_score(kind: FileKind, mut value: Value) -> Result<Value, String> {
    if kind == FileKind::CheckIns {
        let obj = value.as_object_mut().ok_or("a check-in is not an object")?;
        let pain = obj.remove("pain").ok_or("no pain field")?;
        obj.insert("score".to_owned(), pain);
    }
    Ok(value)
}

const STEP: &[Migration] = &[Migration {
    from: SCHEMA_VERSION - 1,
    describe: "rename pain to score",
    apply: rename_pain_to_score,
}];

fn write_old_store(dir: &std::path::Path) {
    let old = SCHEMA_VERSION - 1;
    fs::write(
        dir.join(FileKind::Manifest.file_name()),
        header(FileKind::Manifest, old),
    )
    .expect("write");
    let mut log = header(FileKind::CheckIns, old);
    log.extend(line::encode(
        &json!({"taken_at": "2026-03-01T07:00:00", "pain": 3, "moment": "next_morning"})
            .to_string(),
    ));
    fs::write(dir.join(FileKind::CheckIns.file_name()), log).expect("write");
    for kind in [
        FileKind::Runs,
        FileKind::Sessions,
        FileKind::Profile,
        FileKind::Settings,
        FileKind::PairedSensor,
    ] {
        fs::write(dir.join(kind.file_name()), header(kind, old)).expect("write");
    }
}

#[test]
fn an_older_store_is_migrated_file_by_file_and_stays_migrated() {
    let tmp = tempfile::tempdir().expect("tempdir");
    write_old_store(tmp.path());

    let store =
        Store::open_with(std::sync::Arc::new(super::OsDisk), tmp.path(), STEP).expect("migrates");
    assert!(store.warnings().is_empty(), "{:?}", store.warnings());
    let records = store.records().expect("records");
    assert_eq!(records.check_ins.len(), 1);
    assert_eq!(records.check_ins[0].score, 3);
    drop(store);

    // Rewritten at the current version: the released build (no steps) reads it.
    let text = fs::read_to_string(tmp.path().join(FileKind::CheckIns.file_name())).expect("read");
    assert!(
        text.contains(&format!("\"schema_version\":{SCHEMA_VERSION}")),
        "{text}"
    );
    let again = Store::open(tmp.path()).expect("reopens without migrations");
    assert_eq!(again.records().expect("records").check_ins[0].score, 3);
}

#[test]
fn an_older_store_without_a_migration_is_refused_untouched() {
    let tmp = tempfile::tempdir().expect("tempdir");
    write_old_store(tmp.path());
    let before = fs::read(tmp.path().join(FileKind::CheckIns.file_name())).expect("read");

    let err = Store::open(tmp.path()).expect_err("no step from the old version");
    assert!(matches!(err, StoreError::UnsupportedSchema { .. }), "{err}");
    assert!(err.to_string().contains("Nothing was changed"), "{err}");
    let after = fs::read(tmp.path().join(FileKind::CheckIns.file_name())).expect("read");
    assert_eq!(before, after);
}

#[test]
fn a_record_the_migration_cannot_convert_is_quarantined_not_fatal() {
    let tmp = tempfile::tempdir().expect("tempdir");
    write_old_store(tmp.path());
    let path = tmp.path().join(FileKind::CheckIns.file_name());
    let mut log = fs::read(&path).expect("read");
    log.extend(line::encode(
        r#"{"taken_at":"2026-03-02T07:00:00","moment":"next_morning"}"#,
    ));
    fs::write(&path, log).expect("write");

    let store =
        Store::open_with(std::sync::Arc::new(super::OsDisk), tmp.path(), STEP).expect("opens");
    assert_eq!(store.records().expect("records").check_ins.len(), 1);
    let warning = store.warnings().first().expect("one warning").to_string();
    assert!(
        warning.contains("line(s) [3]") && warning.contains("check_ins.jsonl"),
        "{warning}"
    );
}
