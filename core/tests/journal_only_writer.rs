//! The journal is the only way a runner's action reaches the record (issue
//! 19): no source file of the workspace outside `core/src/store/` and
//! `core/src/journal/` calls one of the store's write methods. Test code
//! (a `#[cfg(test)]` module, inline or in its own file) may, and comments
//! and strings are not code. The scanner is tested on samples below, so the
//! lint is known to fail when it should.
#![allow(clippy::unwrap_used, clippy::panic)]

mod lint_support;

use std::collections::BTreeSet;
use std::path::PathBuf;

use lint_support::{child_dir, code_only, is_ident, root, rust_files, without_tests};

/// The store's write methods: what only the store and the journal call.
const WRITES: &[&str] = &[
    "add_check_in",
    "add_run",
    "add_session_outcome",
    "set_profile",
    "update_profile",
    "set_settings",
    "update_settings",
    "set_paired_sensor",
    "import",
    "complete_run",
    "save_run_checkpoint",
    "clear_run_checkpoint",
    "set_aside_run_checkpoint",
];

/// The folders scanned, from the workspace root.
const SCANNED: &[&str] = &["bindings/src", "cli/src", "core/src"];

/// The folders that may write.
const WRITERS: &[&str] = &["core/src/store", "core/src/journal"];

/// The store writes called in `source`, as (line, method), test code and
/// comments left out; and the names of its test modules in files.
fn writes_in(source: &str) -> (Vec<(usize, String)>, Vec<String>) {
    let (code, test_files) = without_tests(&code_only(source));
    let mut found = Vec::new();
    for (index, line) in code.lines().enumerate() {
        for method in WRITES {
            let mut rest = line;
            while let Some(at) = rest.find(method) {
                let before = rest[..at].trim_end();
                let after = rest[at + method.len()..].trim_start();
                let called = after.starts_with('(') || after.starts_with("::<");
                let on_something = before.ends_with('.') || before.ends_with("::");
                // A dot at the start of a line continues a chain above.
                let whole_word = !is_ident(rest[..at].chars().last().as_ref());
                if called && on_something && whole_word {
                    found.push((index + 1, (*method).to_owned()));
                }
                rest = &rest[at + method.len()..];
            }
        }
    }
    (found, test_files)
}

#[test]
fn only_the_store_and_the_journal_write_to_the_record() {
    let root = root();
    let mut files = Vec::new();
    for dir in SCANNED {
        rust_files(&root.join(dir), &mut files);
    }
    let writers: Vec<PathBuf> = WRITERS.iter().map(|w| root.join(w)).collect();
    let mut test_only: BTreeSet<PathBuf> = BTreeSet::new();
    let mut offences = Vec::new();
    let mut scanned = 0;
    let mut results = Vec::new();
    for file in &files {
        let source = std::fs::read_to_string(file).unwrap();
        let (writes, test_mods) = writes_in(&source);
        for name in test_mods {
            let dir = child_dir(file);
            test_only.insert(dir.join(format!("{name}.rs")));
            test_only.insert(dir.join(&name));
        }
        results.push((file.clone(), writes));
    }
    for (file, writes) in results {
        if writers.iter().any(|w| file.starts_with(w))
            || test_only.iter().any(|t| file.starts_with(t))
        {
            continue;
        }
        scanned += 1;
        for (line, method) in writes {
            let shown = file.strip_prefix(&root).unwrap_or(&file).display();
            offences.push(format!("{shown}:{line}: .{method}(...)"));
        }
    }
    assert!(scanned > 100, "the lint read only {scanned} files");
    assert!(
        offences.is_empty(),
        "these write to the record without the journal (core/src/journal): call the \
         journal's method instead:\n{}",
        offences.join("\n")
    );
}

/// No source file outside the store touches the database itself: the
/// journal's writes all go through the store's methods, so none bypasses
/// the store's checks or its records in memory.
#[test]
fn only_the_store_opens_the_database() {
    let root = root();
    let mut files = Vec::new();
    for dir in SCANNED {
        rust_files(&root.join(dir), &mut files);
    }
    let store = root.join("core/src/store");
    let mut offences = Vec::new();
    let mut test_only: BTreeSet<PathBuf> = BTreeSet::new();
    let mut results = Vec::new();
    for file in &files {
        let (code, test_mods) = without_tests(&code_only(&std::fs::read_to_string(file).unwrap()));
        for name in test_mods {
            let dir = child_dir(file);
            test_only.insert(dir.join(format!("{name}.rs")));
            test_only.insert(dir.join(&name));
        }
        results.push((file.clone(), code));
    }
    for (file, code) in results {
        if file.starts_with(&store) || test_only.iter().any(|t| file.starts_with(t)) {
            continue;
        }
        if code.contains("rusqlite") {
            offences.push(
                file.strip_prefix(&root)
                    .unwrap_or(&file)
                    .display()
                    .to_string(),
            );
        }
    }
    assert!(
        offences.is_empty(),
        "these reach the database without the store:\n{}",
        offences.join("\n")
    );
}

#[test]
fn the_scanner_finds_a_store_write_wherever_it_is_called() {
    let sample = r#"
fn keep(store: &Store, c: &CheckIn) {
    store.add_check_in(c)?;
    store
        .core()
        .complete_run(&run, &[], None)?;
    Store::import(&store, &records)?;
    self.store . set_settings (&s)?;
}
"#;
    let (found, _) = writes_in(sample);
    let methods: Vec<_> = found.iter().map(|(l, m)| (*l, m.as_str())).collect();
    assert_eq!(
        methods,
        vec![
            (3, "add_check_in"),
            (6, "complete_run"),
            (7, "import"),
            (8, "set_settings")
        ]
    );
}

#[test]
fn the_scanner_leaves_out_comments_strings_definitions_and_test_code() {
    let sample = r##"
/// Calls `store.add_check_in(c)` in a doc comment.
pub fn add_check_in(&self, c: CheckIn) -> Result<(), E> {
    // store.add_run(&run) in a comment
    /* store.set_profile(&p) in a block */
    let text = "store.import(&records)";
    let raw = r#"store.complete_run(&run)"#;
    let c = '"';
    self.journal.enter_check_in(&c)?;
    journal.import_backup(&records)
}

#[cfg(test)]
mod date_props;

#[cfg(test)]
mod tests {
    fn helper(store: &RecordStore) {
        store.add_check_in(sample()).unwrap();
        if true { store.add_run(run()).unwrap(); }
    }
}

fn after_tests(store: &Store) {
    store.clear_run_checkpoint().unwrap();
}
"##;
    let (found, test_mods) = writes_in(sample);
    assert_eq!(found, vec![(25, "clear_run_checkpoint".to_owned())]);
    assert_eq!(test_mods, vec!["date_props".to_owned()]);
}
