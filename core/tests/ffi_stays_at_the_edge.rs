//! The FFI facade sits at the core's edge (issue 20): `core/src/ffi/` may
//! use every domain module, and no domain module uses it back. A domain
//! type may carry a uniffi derive behind the `ffi` feature (that is how the
//! bindings derive from the core), but it never names the facade's module.
//! The scanner is tested on samples below, so the lint is known to fail
//! when it should.
#![allow(clippy::unwrap_used, clippy::panic)]

mod lint_support;

use lint_support::{code_only, root, rust_files};

/// The lines of `source` (comments and strings left out) that reach the
/// facade module: a `crate::ffi`, `super::ffi` or `self::ffi` path, or
/// `ffi` inside a `use crate::{...}` group.
fn reaches_the_facade(source: &str) -> Vec<usize> {
    let code = code_only(source);
    let squeezed: String = code.chars().filter(|c| *c != ' ' && *c != '\t').collect();
    let mut lines = Vec::new();
    for (index, line) in squeezed.lines().enumerate() {
        let direct = ["crate::ffi", "super::ffi", "self::ffi", "patella_core::ffi"]
            .iter()
            .any(|p| line.contains(p));
        if direct {
            lines.push(index + 1);
        }
    }
    // A `use crate::{ ..., ffi, ... }` group may span lines.
    let flat = squeezed.replace('\n', "\u{1}");
    let mut from = 0;
    while let Some(at) = flat[from..].find("crate::{") {
        let start = from + at;
        let end = flat[start..].find('}').map_or(flat.len(), |e| start + e);
        let group = &flat[start + "crate::{".len()..end];
        if group
            .split([',', '\u{1}', '{'])
            .any(|item| item == "ffi" || item.starts_with("ffi::"))
        {
            lines.push(flat[..start].matches('\u{1}').count() + 1);
        }
        from = end.max(start + 1);
    }
    lines.sort_unstable();
    lines.dedup();
    lines
}

#[test]
fn no_domain_module_imports_the_ffi_facade() {
    let root = root();
    let core_src = root.join("core/src");
    let facade = core_src.join("ffi");
    let mut files = Vec::new();
    rust_files(&core_src, &mut files);
    let domain: Vec<_> = files
        .into_iter()
        .filter(|f| !f.starts_with(&facade) && !f.ends_with("lib.rs"))
        .collect();
    assert!(
        domain.len() > 100,
        "the lint read only {} files",
        domain.len()
    );
    let mut offences = Vec::new();
    for file in &domain {
        for line in reaches_the_facade(&std::fs::read_to_string(file).unwrap()) {
            let shown = file.strip_prefix(&root).unwrap_or(file).display();
            offences.push(format!("{shown}:{line}"));
        }
    }
    assert!(
        offences.is_empty(),
        "these domain modules reach into the FFI facade (core/src/ffi); move what they \
         need into the domain and let the facade call it:\n{}",
        offences.join("\n")
    );
}

#[test]
fn the_facade_is_built_only_with_the_ffi_feature() {
    let lib = std::fs::read_to_string(root().join("core/src/lib.rs")).unwrap();
    let code = code_only(&lib);
    let at = code
        .find("pub mod ffi;")
        .expect("lib.rs declares the ffi module");
    // The feature's name is a string, blanked by `code_only`; the spaces go too.
    let before: String = code[..at].chars().filter(|c| !c.is_whitespace()).collect();
    let at_in_lib = lib.find("pub mod ffi;").unwrap_or(0);
    let named = lib[..at_in_lib]
        .trim_end()
        .ends_with("#[cfg(feature = \"ffi\")]");
    assert!(
        before.ends_with("#[cfg(feature=)]") && named,
        "`pub mod ffi;` must sit behind #[cfg(feature = \"ffi\")]"
    );
}

#[test]
fn the_scanner_finds_every_way_into_the_facade() {
    let sample = r#"
use crate::ffi::coach::Coach;
use crate::{
    coach,
    ffi,
};
fn f() { super :: ffi::thing(); }
use crate::{pain, ffi::run::RunSession};
"#;
    assert_eq!(reaches_the_facade(sample), vec![2, 3, 7, 8]);
}

#[test]
fn the_scanner_leaves_out_derives_comments_and_strings() {
    let sample = r##"
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct PlannedRun { minutes: u32 }
// crate::ffi::coach in a comment
/// `crate::ffi` in a doc
fn g() { let s = "crate::ffi"; let t = r#"use crate::{ffi}"#; }
use crate::{coach, effing};
"##;
    assert_eq!(reaches_the_facade(sample), Vec::<usize>::new());
}
