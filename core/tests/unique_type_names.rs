//! Every type the core defines has a name of its own (issue 20): two types
//! named alike in two modules meant two things under one word (a planned
//! run and the live session were both `RunSession`), and uniffi refuses two
//! exported types with one name. Private helpers and test code may reuse
//! names; comments and strings are not code. The scanner is tested on a sample below.
#![allow(clippy::unwrap_used, clippy::panic)]

mod lint_support;

use std::collections::BTreeMap;

use lint_support::{child_dir, code_only, root, rust_files, without_tests};

/// Names defined twice on purpose, with why. The test fails when one of
/// them is no longer repeated, so this list only shrinks.
const KNOWN: &[(&str, &str)] = &[(
    "RunSession",
    "the live engine (core/src/run/session.rs) and the apps' handle on it \
     (core/src/ffi/run/session.rs), which the apps know as RunSession: uniffi \
     0.32 cannot rename an exported object that has constructors",
)];

/// The names of the structs, enums, traits and type aliases `source`
/// defines outside test code, with their lines, and its test modules'
/// file names.
fn defined_types(source: &str) -> (Vec<(usize, String)>, Vec<String>) {
    let (code, test_files) = without_tests(&code_only(source));
    let mut found = Vec::new();
    for (index, line) in code.lines().enumerate() {
        let words: Vec<&str> = line
            .split(|c: char| !(c.is_alphanumeric() || c == '_'))
            .filter(|w| !w.is_empty())
            .collect();
        // A `type` inside an impl or trait is associated, not a definition:
        // only one at the start of an unindented line counts.
        let module_level = !line.starts_with(char::is_whitespace);
        // Private helpers (a module's own `State`, `Inner`) may share a
        // name; what other modules or the apps can see may not.
        let public = words.first().is_some_and(|w| *w == "pub");
        for pair in words.windows(2) {
            let kind = public
                && match pair[0] {
                    "struct" | "enum" | "trait" | "union" => true,
                    "type" => module_level,
                    _ => false,
                };
            if kind && pair[1].starts_with(|c: char| c.is_ascii_uppercase()) {
                found.push((index + 1, pair[1].to_owned()));
            }
        }
    }
    (found, test_files)
}

#[test]
fn no_two_core_types_share_a_name() {
    let root = root();
    let mut files = Vec::new();
    rust_files(&root.join("core/src"), &mut files);
    let mut test_only = Vec::new();
    let mut defined = Vec::new();
    for file in &files {
        let (types, test_mods) = defined_types(&std::fs::read_to_string(file).unwrap());
        for name in test_mods {
            let dir = child_dir(file);
            test_only.push(dir.join(format!("{name}.rs")));
            test_only.push(dir.join(&name));
        }
        defined.push((file.clone(), types));
    }
    let mut by_name: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut count = 0;
    for (file, types) in defined {
        if test_only.iter().any(|t| file.starts_with(t)) || file.to_string_lossy().contains("tests")
        {
            continue;
        }
        for (line, name) in types {
            count += 1;
            let shown = file.strip_prefix(&root).unwrap_or(&file).display();
            by_name
                .entry(name)
                .or_default()
                .push(format!("{shown}:{line}"));
        }
    }
    assert!(count > 200, "the lint found only {count} types");
    for (name, why) in KNOWN {
        assert!(
            by_name.get(*name).is_some_and(|places| places.len() == 2),
            "{name} is no longer defined exactly twice ({why}); take it off KNOWN"
        );
    }
    let repeated: Vec<String> = by_name
        .into_iter()
        .filter(|(name, places)| places.len() > 1 && !KNOWN.iter().any(|(known, _)| known == name))
        .map(|(name, places)| format!("{name}: {}", places.join(", ")))
        .collect();
    assert!(
        repeated.is_empty(),
        "these names are defined more than once in the core; give each type the name of what it is:\n{}",
        repeated.join("\n")
    );
}

#[test]
fn the_scanner_finds_definitions_and_leaves_out_tests_comments_and_strings() {
    let sample = r#"
pub struct PlannedRun { minutes: u32 }
pub(crate) enum Zone { Low }
pub trait Sink {}
pub type Millis = u64;
struct Private;
impl Iterator for X {
    type Item = u8;
}
// struct InComment;
fn f() -> &'static str { "enum InString" }
let structure = 1;
#[cfg(test)]
mod tests {
    struct Fake;
}
"#;
    let (found, _) = defined_types(sample);
    let names: Vec<_> = found.iter().map(|(l, n)| (*l, n.as_str())).collect();
    assert_eq!(
        names,
        vec![(2, "PlannedRun"), (3, "Zone"), (4, "Sink"), (5, "Millis")]
    );
}
