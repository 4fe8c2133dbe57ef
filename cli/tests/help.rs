//! Every subcommand's `--help` ends with an example of its use, and the
//! examples that need no Bluetooth and no files of the user's run as shown.

use std::path::Path;
use std::process::{Command, Output};

fn patella(args: &[String], data: &Path) -> Output {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("the workspace holds cli/");
    Command::new(env!("CARGO_BIN_EXE_patella"))
        .args(args)
        .current_dir(root)
        .env("PATELLA_DATA_DIR", data)
        // `patella demo` keeps its data folder in the temporary directory.
        .env("TMPDIR", data.parent().unwrap_or(data))
        .env_remove("XDG_DATA_HOME")
        .output()
        .expect("patella runs")
}

/// The names under "Commands:" in a help text, without clap's own `help`.
fn subcommands(help: &str) -> Vec<String> {
    help.lines()
        .skip_while(|l| l.trim() != "Commands:")
        .skip(1)
        .take_while(|l| l.starts_with("  "))
        .filter_map(|l| l.split_whitespace().next())
        .filter(|name| *name != "help")
        .map(str::to_owned)
        .collect()
}

/// Splits an example line like a shell would for the quoting used here.
fn words(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    let mut quoted = false;
    for c in line.chars() {
        match c {
            '"' => quoted = !quoted,
            ' ' if !quoted => {
                if !word.is_empty() {
                    out.push(std::mem::take(&mut word));
                }
            }
            _ => word.push(c),
        }
    }
    if !word.is_empty() {
        out.push(word);
    }
    out
}

#[test]
fn every_subcommand_help_carries_an_example() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let data = tmp.path().join("data");
    let mut pending: Vec<Vec<String>> = vec![vec![]];
    let mut leaves = Vec::new();
    while let Some(path) = pending.pop() {
        let mut args = path.clone();
        args.push("--help".to_owned());
        let out = patella(&args, &data);
        assert!(out.status.success(), "{args:?}");
        let help = String::from_utf8(out.stdout).expect("utf-8");
        let children = subcommands(&help);
        for child in &children {
            let mut next = path.clone();
            next.push(child.clone());
            pending.push(next);
        }
        if path.is_empty() {
            assert!(children.len() >= 9, "{help}");
            continue;
        }
        let example = help
            .lines()
            .skip_while(|l| l.trim() != "Example:")
            .nth(1)
            .map(str::trim)
            .unwrap_or_else(|| panic!("{path:?} --help has no example:\n{help}"));
        let prefix = format!("patella {}", path.join(" "));
        assert!(example.starts_with(&prefix), "{path:?}: {example}");
        if children.is_empty() {
            leaves.push(example.to_owned());
        }
    }
    // sensor scan, sensor watch, rsc decode and the seven others.
    assert!(leaves.len() >= 10, "{leaves:?}");

    // Run the examples that need neither Bluetooth nor the user's files.
    let runnable: Vec<&String> = leaves
        .iter()
        .filter(|e| !e.contains("sensor") && !e.contains("--out") && !e.contains("~/"))
        .filter(|e| !e.starts_with("patella import"))
        .collect();
    assert!(runnable.len() >= 5, "{runnable:?}");
    for example in runnable {
        let out = patella(&words(example)[1..], &data);
        assert!(
            out.status.success(),
            "{example}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}
