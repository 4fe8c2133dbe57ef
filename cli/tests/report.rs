//! `patella report` checked as data (issue 14): the SVG read back as XML
//! holds the target band, the axes with their units, one mark per alert
//! and per check-in, and the segment shading; the progress report holds
//! the buffer-zone line, a bar and a cap per week and a point per run; the
//! HTML page needs nothing outside itself; bad input gets its exit code.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use std::path::Path;
use std::process::{Command, Output};

use roxmltree::{Document, Node};
use serde_json::Value;
use support::sample_record;

fn patella(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_patella"))
        .args(args)
        .env_remove("PATELLA_DATA_DIR")
        .env_remove("XDG_DATA_HOME")
        .output()
        .expect("patella runs")
}

fn ok(out: &Output) -> String {
    assert!(
        out.status.success(),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).unwrap()
}

fn s(path: &Path) -> &str {
    path.to_str().unwrap()
}

/// The record as `patella history --json` gives it.
fn history(dir: &Path) -> Value {
    serde_json::from_str(&ok(&patella(&["history", "--json", "--data-dir", s(dir)]))).unwrap()
}

fn by_id<'a, 'i>(doc: &'a Document<'i>, id: &str) -> Node<'a, 'i> {
    doc.descendants()
        .find(|n| n.attribute("id") == Some(id))
        .unwrap_or_else(|| panic!("no element with id {id}"))
}

fn with_class<'a, 'i>(root: Node<'a, 'i>, class: &str) -> Vec<Node<'a, 'i>> {
    root.descendants()
        .filter(|n| {
            n.attribute("class")
                .is_some_and(|c| c.split_whitespace().any(|w| w == class))
        })
        .collect()
}

fn texts(root: Node<'_, '_>) -> Vec<String> {
    root.descendants()
        .filter(|n| n.has_tag_name("text"))
        .filter_map(|n| n.text().map(|t| t.trim().to_owned()))
        .collect()
}

fn drawn(node: Node<'_, '_>, tag: &str) -> usize {
    node.descendants().filter(|n| n.has_tag_name(tag)).count()
}

#[test]
fn the_run_svg_holds_band_axes_segments_and_one_mark_per_alert_and_check_in() {
    let dir = tempfile::tempdir().unwrap();
    sample_record::seed(dir.path());
    // Beside the data folder: nothing is written into it (issue 19).
    let out_dir = tempfile::tempdir().unwrap();
    let out = out_dir.path().join("run.svg");
    ok(&patella(&[
        "report",
        sample_record::LAST_RUN,
        "--out",
        s(&out),
        "--data-dir",
        s(dir.path()),
    ]));
    let text = std::fs::read_to_string(&out).unwrap();
    let doc = Document::parse(&text).expect("the report is well-formed XML");
    let root = doc.root_element();
    assert!(root.has_tag_name("svg"));
    assert_eq!(root.attribute("data-run-id"), Some(sample_record::LAST_RUN));

    let record = history(dir.path());
    let run = record["runs"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == sample_record::LAST_RUN)
        .unwrap();
    let marks = &run["marks"];

    let band = by_id(&doc, "target-band");
    assert_eq!(band.attribute("data-low-spm"), Some("165"));
    assert_eq!(band.attribute("data-high-spm"), Some("180"));
    assert!(drawn(band, "rect") >= 1, "the band is drawn");

    let axes = texts(by_id(&doc, "axes"));
    assert!(axes.iter().any(|t| t == "time (min)"), "{axes:?}");
    assert!(axes.iter().any(|t| t == "cadence (steps/min)"), "{axes:?}");
    assert!(axes.iter().any(|t| t == "170"), "tick labels: {axes:?}");

    let alerts = with_class(by_id(&doc, "alerts"), "alert");
    let kept = marks["alerts"].as_array().unwrap();
    assert!(!kept.is_empty(), "the sample's last run has an alert");
    assert_eq!(alerts.len(), kept.len());
    for (mark, alert) in alerts.iter().zip(kept) {
        assert_eq!(
            mark.attribute("data-at-s").unwrap(),
            alert["at_s"].to_string()
        );
        assert!(drawn(*mark, "polygon") + drawn(*mark, "polyline") + drawn(*mark, "path") >= 2);
        let title = mark.children().find(|n| n.has_tag_name("title")).unwrap();
        assert!(
            title
                .text()
                .unwrap()
                .contains(alert["text"].as_str().unwrap())
        );
    }

    let check_ins = with_class(by_id(&doc, "check-ins"), "check-in");
    let scores: Vec<&str> = check_ins
        .iter()
        .map(|n| n.attribute("data-score").unwrap())
        .collect();
    assert_eq!(scores, ["6", "4"]);
    for mark in &check_ins {
        assert_eq!(drawn(*mark, "circle"), 1);
        assert!(
            texts(*mark)
                .iter()
                .any(|t| Some(t.as_str()) == mark.attribute("data-score"))
        );
    }

    let segments = with_class(by_id(&doc, "segments"), "segment");
    assert_eq!(segments.len(), marks["segments"].as_array().unwrap().len());
    let fill_of = |kind: &str| {
        let seg = segments
            .iter()
            .find(|n| n.attribute("data-kind") == Some(kind))
            .unwrap_or_else(|| panic!("no {kind} segment"));
        let rect = seg.descendants().find(|n| n.has_tag_name("rect")).unwrap();
        rect.attribute("fill").unwrap().to_owned()
    };
    assert_ne!(
        fill_of("run"),
        fill_of("walk"),
        "runs and walks are shaded apart"
    );
    // Segments follow each other left to right.
    let xs: Vec<f64> = segments
        .iter()
        .map(|n| {
            let rect = n.descendants().find(|r| r.has_tag_name("rect")).unwrap();
            rect.attribute("x").unwrap().parse().unwrap()
        })
        .collect();
    assert!(xs.windows(2).all(|w| w[0] < w[1]), "{xs:?}");

    let trace = by_id(&doc, "cadence-trace");
    let points: usize = trace.attribute("data-points").unwrap().parse().unwrap();
    assert_eq!(points, run["cadence_trace"].as_array().unwrap().len());
    assert!(drawn(trace, "polyline") >= 1);
}

#[test]
fn the_latest_run_is_drawn_when_no_id_is_given_and_json_says_where() {
    let dir = tempfile::tempdir().unwrap();
    sample_record::seed(dir.path());
    // Beside the data folder: nothing is written into it (issue 19).
    let out_dir = tempfile::tempdir().unwrap();
    let out = out_dir.path().join("latest.svg");
    let printed = ok(&patella(&[
        "report",
        "--out",
        s(&out),
        "--json",
        "--data-dir",
        s(dir.path()),
    ]));
    let json: Value = serde_json::from_str(&printed).unwrap();
    assert_eq!(json["kind"], "run");
    assert_eq!(json["run_id"], sample_record::LAST_RUN);
    assert_eq!(Path::new(json["path"].as_str().unwrap()), out.as_path());
    let text = std::fs::read_to_string(&out).unwrap();
    let doc = Document::parse(&text).unwrap();
    assert_eq!(
        doc.root_element().attribute("data-run-id"),
        Some(sample_record::LAST_RUN)
    );
}

#[test]
fn the_progress_svg_holds_the_buffer_zone_weeks_caps_and_runs() {
    let dir = tempfile::tempdir().unwrap();
    sample_record::seed(dir.path());
    let today = sample_record::last_day().to_string();
    // Beside the data folder: nothing is written into it (issue 19).
    let out_dir = tempfile::tempdir().unwrap();
    let out = out_dir.path().join("progress.svg");
    ok(&patella(&[
        "report",
        "--progress",
        "--today",
        &today,
        "--out",
        s(&out),
        "--data-dir",
        s(dir.path()),
    ]));
    let text = std::fs::read_to_string(&out).unwrap();
    let doc = Document::parse(&text).unwrap();
    let view: Value = serde_json::from_str(&ok(&patella(&[
        "progress",
        "--today",
        &today,
        "--json",
        "--data-dir",
        s(dir.path()),
    ])))
    .unwrap();

    let pain = by_id(&doc, "pain-chart");
    let zone = by_id(&doc, "buffer-zone");
    assert_eq!(zone.attribute("data-max"), Some("5"));
    assert!(
        drawn(zone, "polyline") + drawn(zone, "path") >= 1,
        "the zone line"
    );
    assert!(texts(pain).iter().any(|t| t == "pain (0-10)"));
    let check_ins: usize = view["pain"]["series"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["points"].as_array().unwrap().len())
        .sum();
    assert!(check_ins > 12, "morning and in-run check-ins: {check_ins}");
    assert_eq!(with_class(pain, "pain-point").len(), check_ins);
    let above: Vec<Node> = with_class(pain, "pain-point")
        .into_iter()
        .filter(|n| n.attribute("data-score").unwrap().parse::<u8>().unwrap() > 5)
        .collect();
    assert_eq!(above.len(), 1, "the one 6/10");

    let volume = by_id(&doc, "volume-chart");
    let weeks = view["weekly_volume"].as_array().unwrap();
    assert_eq!(with_class(volume, "week-bar").len(), weeks.len());
    let capped = weeks.iter().filter(|w| !w["cap_m"].is_null()).count();
    assert!(capped >= 3, "{capped}");
    assert_eq!(with_class(volume, "cap").len(), capped);
    assert!(texts(volume).iter().any(|t| t == "distance (km)"));

    let cadence = by_id(&doc, "cadence-chart");
    let runs = with_class(cadence, "run-cadence");
    assert_eq!(runs.len(), 12);
    assert_eq!(
        runs.len(),
        view["cadence"]["runs"].as_array().unwrap().len()
    );
    assert!(
        runs.iter()
            .all(|r| r.attribute("data-target-spm") == Some("170.0"))
    );
    assert!(drawn(by_id(&doc, "recommended-band"), "rect") >= 1);
    assert!(texts(cadence).iter().any(|t| t == "cadence (steps/min)"));
}

#[test]
fn the_html_report_holds_its_charts_and_table_and_nothing_from_outside() {
    let dir = tempfile::tempdir().unwrap();
    sample_record::seed(dir.path());
    for (args, charts) in [
        (vec!["report", sample_record::LAST_RUN], 1),
        (vec!["report", "--progress", "--today", "2026-11-28"], 3),
    ] {
        // Beside the data folder: nothing is written into it (issue 19).
        let out_dir = tempfile::tempdir().unwrap();
        let out = out_dir.path().join("report.html");
        let mut args = args.clone();
        args.extend(["--out", s(&out), "--data-dir", s(dir.path())]);
        ok(&patella(&args));
        let html = std::fs::read_to_string(&out).unwrap();
        assert!(html.starts_with("<!DOCTYPE html>"));
        assert_eq!(html.matches("<figure>").count(), charts);
        assert!(html.contains("<table class=\"summary\">"));
        for outside in ["<script", "<link", " src=", "url(", "@import"] {
            assert!(!html.contains(outside), "{outside} in the page");
        }
        let links: Vec<&str> = html
            .match_indices("http")
            .map(|(i, _)| &html[i..i + 26])
            .collect();
        assert!(
            links
                .iter()
                .all(|l| l.starts_with("http://www.w3.org/2000/svg")),
            "{links:?}"
        );
    }
}

#[test]
fn bad_requests_get_their_exit_codes_and_say_what_to_do() {
    let dir = tempfile::tempdir().unwrap();
    let d = s(dir.path());
    // Nothing kept yet: bad input.
    let out = patella(&["report", "--out", "x.svg", "--data-dir", d]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no run yet"));
    sample_record::seed(dir.path());
    let out = patella(&["report", "no-such-run", "--out", "x.svg", "--data-dir", d]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("\"no-such-run\"") && err.contains("patella history"),
        "{err}"
    );
    // A file kind the report cannot be: usage.
    let out = patella(&["report", "--out", "run.png", "--data-dir", d]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains(".svg or .html"));
    // An id together with --progress: usage (clap).
    let out = patella(&[
        "report",
        "x",
        "--progress",
        "--out",
        "p.svg",
        "--data-dir",
        d,
    ]);
    assert_eq!(out.status.code(), Some(2));
    // A folder that does not exist: I/O.
    let missing = dir.path().join("no/such/folder/run.svg");
    let out = patella(&["report", "--out", s(&missing), "--data-dir", d]);
    assert_eq!(out.status.code(), Some(3));
    assert!(String::from_utf8_lossy(&out.stderr).contains("permissions"));
    assert!(!missing.exists());
}

#[test]
fn a_run_kept_without_marks_is_drawn_with_its_trace_alone() {
    use patella_core::store::{CadencePoint, RunRecord, Store};
    let dir = tempfile::tempdir().unwrap();
    {
        let store = Store::open(dir.path()).unwrap();
        let started_at = sample_record::last_day().and_hms_opt(7, 0, 0).unwrap();
        store
            .add_run(&RunRecord {
                id: "by-hand".into(),
                started_at,
                duration_s: 600,
                distance_m: 1500,
                average_cadence_spm: Some(166.0),
                target_cadence_spm: None,
                cadence_trace: (0..20)
                    .map(|i| CadencePoint {
                        at_s: i * 30,
                        steps_per_min: 160.0 + f64::from(i % 4),
                    })
                    .collect(),
                marks: Default::default(),
            })
            .unwrap();
    }
    // Beside the data folder: nothing is written into it (issue 19).
    let out_dir = tempfile::tempdir().unwrap();
    let out = out_dir.path().join("run.svg");
    ok(&patella(&[
        "report",
        "by-hand",
        "--out",
        s(&out),
        "--data-dir",
        s(dir.path()),
    ]));
    let text = std::fs::read_to_string(&out).unwrap();
    let doc = Document::parse(&text).unwrap();
    assert!(
        doc.descendants()
            .all(|n| n.attribute("id") != Some("target-band"))
    );
    assert!(with_class(by_id(&doc, "alerts"), "alert").is_empty());
    assert!(with_class(by_id(&doc, "segments"), "segment").is_empty());
    assert_eq!(
        by_id(&doc, "cadence-trace").attribute("data-points"),
        Some("20")
    );
}

#[test]
fn an_empty_record_still_draws_the_progress_axes() {
    let dir = tempfile::tempdir().unwrap();
    // Beside the data folder: nothing is written into it (issue 19).
    let out_dir = tempfile::tempdir().unwrap();
    let out = out_dir.path().join("progress.svg");
    ok(&patella(&[
        "report",
        "--progress",
        "--today",
        "2026-11-28",
        "--out",
        s(&out),
        "--data-dir",
        s(dir.path()),
    ]));
    let text = std::fs::read_to_string(&out).unwrap();
    let doc = Document::parse(&text).unwrap();
    assert!(with_class(doc.root_element(), "pain-point").is_empty());
    assert_eq!(by_id(&doc, "buffer-zone").attribute("data-max"), Some("5"));
    assert!(
        texts(by_id(&doc, "cadence-chart"))
            .iter()
            .any(|t| t == "cadence (steps/min)")
    );
}
