//! The journal is the only way a runner's action reaches the record (issue
//! 19): no source file of the workspace outside `core/src/store/` and
//! `core/src/journal/` calls one of the store's write methods. Test code
//! (a `#[cfg(test)]` module, inline or in its own file) may, and comments
//! and strings are not code. The scanner is tested on samples below, so the
//! lint is known to fail when it should.
#![allow(clippy::unwrap_used, clippy::panic)]

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

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

/// `source` with comments and the contents of string and character
/// literals blanked out (newlines kept, so lines still count).
fn code_only(source: &str) -> String {
    let chars: Vec<char> = source.chars().collect();
    let mut out = String::with_capacity(source.len());
    let blank = |c: char| if c == '\n' { '\n' } else { ' ' };
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                out.push(' ');
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            let mut depth = 0;
            while i < chars.len() {
                if chars[i] == '/' && chars.get(i + 1) == Some(&'*') {
                    depth += 1;
                    out.push_str("  ");
                    i += 2;
                } else if chars[i] == '*' && chars.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    out.push_str("  ");
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    out.push(blank(chars[i]));
                    i += 1;
                }
            }
        } else if c == 'r'
            && matches!(next, Some('"' | '#'))
            && !is_ident(chars.get(i.wrapping_sub(1)))
        {
            // A raw string: r"..." or r#"..."#.
            let mut j = i + 1;
            let mut hashes = 0;
            while chars.get(j) == Some(&'#') {
                hashes += 1;
                j += 1;
            }
            if chars.get(j) != Some(&'"') {
                out.push(c);
                i += 1;
                continue;
            }
            let close: String = std::iter::once('"')
                .chain(std::iter::repeat_n('#', hashes))
                .collect();
            let rest: String = chars[j + 1..].iter().collect();
            let len = rest.find(&close).map_or(rest.chars().count(), |at| {
                rest[..at].chars().count() + close.chars().count()
            });
            let end = (j + 1 + len).min(chars.len());
            out.extend(chars[i..end].iter().map(|&c| blank(c)));
            i = j + 1 + len;
        } else if c == '"' {
            out.push(' ');
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                if chars[i] == '\\' {
                    out.push(' ');
                    i += 1;
                }
                if i < chars.len() {
                    out.push(blank(chars[i]));
                    i += 1;
                }
            }
            out.push(' ');
            i += 1;
        } else if c == '\'' && chars.get(i + 2) == Some(&'\'') {
            out.push_str("   ");
            i += 3;
        } else if c == '\'' && next == Some('\\') {
            // An escaped character: '\n', '\'', '\u{..}'.
            let end = chars[i + 2..]
                .iter()
                .position(|&c| c == '\'')
                .map_or(chars.len(), |p| i + 3 + p);
            for _ in i..end.min(chars.len()) {
                out.push(' ');
            }
            i = end;
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

fn is_ident(c: Option<&char>) -> bool {
    c.is_some_and(|c| c.is_alphanumeric() || *c == '_')
}

/// `code` (comments and strings blanked) with every `#[cfg(test)]` item
/// blanked out; returns it and the names of test modules kept in files of
/// their own (`#[cfg(test)] mod name;`).
fn without_tests(code: &str) -> (String, Vec<String>) {
    const MARK: &str = "#[cfg(test)]";
    let mut out: Vec<char> = code.chars().collect();
    let text: String = out.iter().collect();
    let mut test_files = Vec::new();
    let mut from = 0;
    while let Some(found) = text[from..].find(MARK) {
        let start = from + found;
        let after = start + MARK.len();
        let item_start = text[after..].trim_start();
        let Some(end) = text[after..].find(['{', ';']).map(|p| after + p) else {
            break;
        };
        let end = if text.as_bytes()[end] == b';' {
            if let Some(name) = item_start
                .strip_prefix("mod ")
                .and_then(|rest| rest.split(';').next())
            {
                test_files.push(name.trim().to_owned());
            }
            end
        } else {
            let mut depth = 0usize;
            let mut at = end;
            for (offset, b) in text.as_bytes()[end..].iter().enumerate() {
                match b {
                    b'{' => depth += 1,
                    b'}' => {
                        depth -= 1;
                        if depth == 0 {
                            at = end + offset;
                            break;
                        }
                    }
                    _ => {}
                }
            }
            at
        };
        let last = out.len() - 1;
        let (s, e) = (char_index(&text, start), char_index(&text, end));
        for c in &mut out[s..=e.min(last)] {
            if *c != '\n' {
                *c = ' ';
            }
        }
        from = end + 1;
    }
    (out.into_iter().collect(), test_files)
}

fn char_index(text: &str, byte: usize) -> usize {
    text[..byte].chars().count()
}

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

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf()
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Where the files of `file`'s child modules live.
fn child_dir(file: &Path) -> PathBuf {
    let parent = file.parent().unwrap();
    match file.file_stem().and_then(|s| s.to_str()) {
        Some("mod" | "lib" | "main") => parent.to_path_buf(),
        Some(stem) => parent.join(stem),
        None => parent.to_path_buf(),
    }
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
