//! Every exported item carries its doc comment into the generated Swift and
//! Kotlin (issue 11, "Errors and docs"): objects and callback interfaces,
//! their methods, top-level functions, records and their fields, enums,
//! errors and their variants. The test generates both sources from the
//! built library with the workspace's uniffi, scans them for declarations
//! without a doc block right above, and lists each one by name.
//!
//! The scan is line based and knows the shapes uniffi 0.32 writes; the
//! plumbing it also writes (FFI converters, handle maps) is not exported API
//! and is skipped by name.

use std::path::{Path, PathBuf};

use camino::Utf8PathBuf;
use uniffi::{GenerateOptions, TargetLanguage};

/// The host build of the FFI library, next to this test's executable.
fn library() -> PathBuf {
    let name = format!(
        "{}patella_ffi{}",
        std::env::consts::DLL_PREFIX,
        std::env::consts::DLL_SUFFIX
    );
    let exe = std::env::current_exe().expect("test executable path");
    let deps = exe.parent().expect("deps folder");
    [deps, deps.parent().unwrap_or(deps)]
        .iter()
        .map(|d| d.join(&name))
        .find(|p| p.exists())
        .unwrap_or_else(|| panic!("{name} was not built next to {}", deps.display()))
}

fn generate(language: TargetLanguage, out: &Path) -> String {
    let out = Utf8PathBuf::from_path_buf(out.to_path_buf()).expect("utf-8 temp path");
    let source = Utf8PathBuf::from_path_buf(library()).expect("utf-8 library path");
    let config = Utf8PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../core/uniffi.toml"));
    uniffi::generate(GenerateOptions {
        languages: vec![language],
        source,
        out_dir: out.clone(),
        config_override: Some(config),
        format: false,
        crate_filter: None,
        metadata_no_deps: true,
    })
    .expect("bindings generate");
    let mut text = String::new();
    for entry in std::fs::read_dir(&out).expect("generated folder") {
        let path = entry.expect("entry").path();
        let ext = path.extension().and_then(|e| e.to_str());
        if matches!(ext, Some("swift" | "kt")) {
            text.push_str(&std::fs::read_to_string(&path).expect("generated source"));
        }
        if path.is_dir() {
            // Kotlin writes into its package folders.
            for file in walk(&path) {
                text.push_str(&std::fs::read_to_string(&file).expect("generated source"));
            }
        }
    }
    text
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).expect("folder") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            files.extend(walk(&path));
        } else if path.extension().is_some_and(|e| e == "kt") {
            files.push(path);
        }
    }
    files
}

/// True when the nearest line above `i` that is not blank, an attribute or
/// a lone `public` closes a doc block.
fn documented(lines: &[&str], i: usize) -> bool {
    lines[..i]
        .iter()
        .rev()
        .map(|l| l.trim())
        .find(|l| !l.is_empty() && !l.starts_with('@') && *l != "public" && *l != ",")
        .is_some_and(|l| l.ends_with("*/"))
}

/// The identifier after `keyword` on `line`, without Kotlin's backticks.
fn name_after<'a>(line: &'a str, keyword: &str) -> Option<&'a str> {
    let rest = line.trim_start().strip_prefix(keyword)?;
    let rest = rest.trim_start_matches('`');
    let end = rest
        .find(|c: char| !(c.is_alphanumeric() || c == '_'))
        .unwrap_or(rest.len());
    (end > 0).then(|| &rest[..end])
}

/// Names that are uniffi's plumbing, not the project's API.
fn plumbing(name: &str) -> bool {
    name.starts_with("FfiConverter")
        || name.starts_with("Uniffi")
        || name.starts_with("uniffi")
        || name.starts_with("Ffi")
        || name.starts_with("RustBuffer")
        || [
            "NoHandle",
            "Disposable",
            "ForeignBytes",
            "InternalException",
        ]
        .contains(&name)
}

/// What kind of block the scan is inside, and its name.
#[derive(Clone, Copy, PartialEq)]
enum Block<'a> {
    None,
    Methods(&'a str),
    Fields(&'a str),
    Variants(&'a str),
    ErrorVariants(&'a str),
}

fn undocumented_swift(source: &str) -> Vec<String> {
    let lines: Vec<&str> = source.lines().collect();
    let mut missing = Vec::new();
    let mut block = Block::None;
    for (i, line) in lines.iter().enumerate() {
        if line.starts_with('}') {
            block = Block::None;
            continue;
        }
        let top = [
            ("public protocol ", "object/interface"),
            ("public struct ", "record"),
            ("public enum ", "enum"),
            ("enum ", "error"),
            ("public func ", "function"),
        ];
        if let Some((name, kind)) = top
            .iter()
            .find_map(|(k, kind)| name_after(line, k).map(|n| (n, *kind)))
            .filter(|_| !line.starts_with(' '))
        {
            if plumbing(name) {
                continue;
            }
            if !documented(&lines, i) {
                missing.push(format!("swift {kind} {name}"));
            }
            block = match kind {
                "object/interface" => Block::Methods(name.trim_end_matches("Protocol")),
                "record" => Block::Fields(name),
                "enum" | "error" => Block::Variants(name),
                _ => Block::None,
            };
            continue;
        }
        let member = match block {
            Block::Methods(owner) => name_after(line, "func ").map(|n| (owner, n, "method")),
            Block::Fields(owner) => name_after(line, "public var ").map(|n| (owner, n, "field")),
            Block::Variants(owner) => name_after(line, "case ").map(|n| (owner, n, "variant")),
            _ => None,
        };
        if let Some((owner, name, kind)) = member {
            if line.trim_start().starts_with("public init") {
                continue;
            }
            if !documented(&lines, i) {
                missing.push(format!("swift {kind} {owner}.{name}"));
            }
        }
        if matches!(block, Block::Fields(_)) && line.trim_start().starts_with("public init") {
            block = Block::None;
        }
    }
    missing
}

fn undocumented_kotlin(source: &str) -> Vec<String> {
    let lines: Vec<&str> = source.lines().collect();
    let mut missing = Vec::new();
    let mut block = Block::None;
    for (i, line) in lines.iter().enumerate() {
        if line.starts_with('}') || line.starts_with("){") || line.starts_with(") {") {
            block = Block::None;
            continue;
        }
        let top = [
            ("public interface ", "object/interface"),
            ("data class ", "record"),
            ("enum class ", "enum"),
            ("sealed class ", "enum"),
            ("fun ", "function"),
        ];
        if let Some((name, kind)) = top
            .iter()
            .find_map(|(k, kind)| name_after(line, k).map(|n| (n, *kind)))
            .filter(|_| !line.starts_with(' '))
        {
            if plumbing(name) {
                continue;
            }
            if !documented(&lines, i) {
                missing.push(format!("kotlin {kind} {name}"));
            }
            block = match kind {
                "object/interface" => Block::Methods(name.trim_end_matches("Interface")),
                "record" => Block::Fields(name),
                "enum" if line.contains("Exception") => Block::ErrorVariants(name),
                "enum" if line.starts_with("sealed") => Block::ErrorVariants(name),
                "enum" => Block::Variants(name),
                _ => Block::None,
            };
            continue;
        }
        let trimmed = line.trim();
        let member = match block {
            Block::Methods(owner) => name_after(line, "fun ").map(|n| (owner, n, "method")),
            Block::Fields(owner) => name_after(line, "var ")
                .or_else(|| name_after(line, "val "))
                .map(|n| (owner, n, "field")),
            // Plain enums: one upper-case constant a line, up to the `;`.
            Block::Variants(owner) if !trimmed.is_empty() => {
                let name = trimmed.trim_end_matches([',', ';']);
                let constant = name
                    .chars()
                    .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_');
                if trimmed.ends_with(';') {
                    block = Block::None;
                }
                constant.then_some((owner, name, "variant"))
            }
            // Enums with data and errors: a nested class or object a variant,
            // at the first indent only.
            Block::ErrorVariants(owner)
                if line.starts_with("    ") || line.starts_with("        class") =>
            {
                ["data class ", "object ", "class "]
                    .iter()
                    .find_map(|k| name_after(line, k))
                    .filter(|n| *n != "ErrorHandler")
                    .map(|n| (owner, n, "variant"))
            }
            _ => None,
        };
        if let Some((owner, name, kind)) = member
            && !documented(&lines, i)
        {
            missing.push(format!("kotlin {kind} {owner}.{name}"));
        }
    }
    missing
}

#[test]
fn every_exported_item_is_documented_in_swift_and_kotlin() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let swift = generate(TargetLanguage::Swift, &tmp.path().join("swift"));
    let kotlin = generate(TargetLanguage::Kotlin, &tmp.path().join("kotlin"));
    let mut missing = undocumented_swift(&swift);
    missing.extend(undocumented_kotlin(&kotlin));
    assert!(
        missing.is_empty(),
        "{} exported items have no doc comment (add `///` on the Rust item):\n{}",
        missing.len(),
        missing.join("\n")
    );
}

/// The scan itself: it must see a missing doc, or the test above could
/// never fail.
#[test]
fn the_scan_finds_an_undocumented_item_and_accepts_a_documented_one() {
    let swift = "/**\n * Documented.\n */\npublic struct Shoe {\n    public var size: Int\n}\n";
    assert_eq!(undocumented_swift(swift), vec!["swift field Shoe.size"]);
    let kotlin =
        "enum class Pace {\n    \n    /**\n     * Easy.\n     */\n    EASY,\n    HARD;\n}\n";
    assert_eq!(
        undocumented_kotlin(kotlin),
        vec!["kotlin enum Pace", "kotlin variant Pace.HARD"]
    );
}
