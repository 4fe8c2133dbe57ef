//! CSV tables of check-ins and runs, one row per record, oldest first as
//! stored.

use std::fmt::Write;

use crate::pain::CheckIn;
use crate::store::RunRecord;

/// Quotes a field when it holds a separator, a quote or a line break, and
/// defuses text a spreadsheet would run as a formula.
fn field(text: &str) -> String {
    let text = if text.starts_with(['=', '+', '-', '@']) {
        format!("'{text}")
    } else {
        text.to_owned()
    };
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

/// A serde enum's wire name, e.g. `next_morning`.
fn name<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

fn number(value: Option<f64>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}

/// `taken_at,moment,score,quality,location,red_flags`; red flags joined by `;`.
pub fn check_ins_csv(check_ins: &[CheckIn]) -> String {
    let mut out = String::from("taken_at,moment,score,quality,location,red_flags\n");
    for c in check_ins {
        let flags: Vec<String> = c.red_flags.iter().map(name).collect();
        let _ = writeln!(
            out,
            "{},{},{},{},{},{}",
            c.taken_at.format("%Y-%m-%dT%H:%M:%S"),
            name(&c.moment),
            c.score,
            c.quality.as_ref().map(name).unwrap_or_default(),
            c.location.as_ref().map(name).unwrap_or_default(),
            field(&flags.join(";")),
        );
    }
    out
}

/// `id,started_at,duration_s,distance_m,average_cadence_spm,target_cadence_spm,trace_points`;
/// cadences in steps per minute.
pub fn runs_csv(runs: &[RunRecord]) -> String {
    let mut out = String::from(
        "id,started_at,duration_s,distance_m,average_cadence_spm,target_cadence_spm,trace_points\n",
    );
    for r in runs {
        let _ = writeln!(
            out,
            "{},{},{},{},{},{},{}",
            field(&r.id),
            r.started_at.format("%Y-%m-%dT%H:%M:%S"),
            r.duration_s,
            r.distance_m,
            number(r.average_cadence_spm),
            number(r.target_cadence_spm),
            r.cadence_trace.len(),
        );
    }
    out
}
