//! A run as a Garmin Training Center (TCX) file, with its cadence trace.
//!
//! TCX carries running cadence in the ActivityExtension `RunCadence`, which
//! by convention counts one foot: strides per minute, half of Patella's
//! steps per minute. TCX times are absolute (xsd:dateTime): a time without
//! an offset is read as UTC by training platforms, which would shift every
//! run by the runner's time zone. The run is stored in local time, and the
//! core reads no clock or zone, so the caller passes the offset from UTC
//! that was in force, and each time is written with it.

use std::fmt::Write;

use chrono::{Duration, FixedOffset, NaiveDateTime, TimeZone};

use crate::store::RunRecord;

/// Steps per minute (both feet) as TCX cadence (one foot), rounded.
pub fn tcx_cadence(steps_per_min: f64) -> u8 {
    (steps_per_min / 2.0).round().clamp(0.0, 255.0) as u8
}

/// Local `at` as an xsd:dateTime with `offset`, e.g. `2026-03-01T07:00:00+01:00`.
fn time(at: NaiveDateTime, offset: FixedOffset) -> String {
    match offset.from_local_datetime(&at).single() {
        Some(zoned) => zoned.format("%Y-%m-%dT%H:%M:%S%:z").to_string(),
        // A fixed offset maps every local time to exactly one instant; this
        // arm only keeps the function total.
        None => format!("{}Z", at.format("%Y-%m-%dT%H:%M:%S")),
    }
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The run as a TCX document; `utc_offset` is the runner's offset from UTC
/// when the run started (local time = UTC + offset).
pub fn run_tcx(run: &RunRecord, utc_offset: FixedOffset) -> String {
    let start = time(run.started_at, utc_offset);
    let mut out = String::new();
    let _ = write!(
        out,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <TrainingCenterDatabase xmlns=\"http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2\" \
         xmlns:ax=\"http://www.garmin.com/xmlschemas/ActivityExtension/v2\">\n\
         <Activities>\n<Activity Sport=\"Running\">\n<Id>{start}</Id>\n\
         <Lap StartTime=\"{start}\">\n\
         <TotalTimeSeconds>{}</TotalTimeSeconds>\n\
         <DistanceMeters>{}</DistanceMeters>\n\
         <Calories>0</Calories>\n<Intensity>Active</Intensity>\n<TriggerMethod>Manual</TriggerMethod>\n",
        run.duration_s, run.distance_m,
    );
    if !run.cadence_trace.is_empty() {
        out.push_str("<Track>\n");
        for point in &run.cadence_trace {
            // A start near the end of the calendar cannot take the offset;
            // such a point has no time to be written at.
            let Some(at) = run
                .started_at
                .checked_add_signed(Duration::seconds(i64::from(point.at_s)))
            else {
                continue;
            };
            let _ = writeln!(
                out,
                "<Trackpoint><Time>{}</Time><Extensions><ax:TPX><ax:RunCadence>{}</ax:RunCadence>\
                 </ax:TPX></Extensions></Trackpoint>",
                time(at, utc_offset),
                tcx_cadence(point.steps_per_min),
            );
        }
        out.push_str("</Track>\n");
    }
    if let Some(avg) = run.average_cadence_spm {
        let _ = writeln!(
            out,
            "<Extensions><ax:LX><ax:AvgRunCadence>{}</ax:AvgRunCadence></ax:LX></Extensions>",
            tcx_cadence(avg)
        );
    }
    let _ = write!(
        out,
        "</Lap>\n<Notes>Patella run {}</Notes>\n</Activity>\n</Activities>\n</TrainingCenterDatabase>\n",
        escape(&run.id)
    );
    out
}
