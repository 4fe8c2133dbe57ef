//! A run as a Garmin Training Center (TCX) file, with its cadence trace.
//!
//! TCX carries running cadence in the ActivityExtension `RunCadence`, which
//! by convention counts one foot: strides per minute, half of Patella's
//! steps per minute. Times are the runner's local time; the core knows no
//! time zone, so none is written.

use std::fmt::Write;

use chrono::{Duration, NaiveDateTime};

use crate::store::RunSummary;

/// Steps per minute (both feet) as TCX cadence (one foot), rounded.
pub fn tcx_cadence(steps_per_min: f64) -> u8 {
    (steps_per_min / 2.0).round().clamp(0.0, 255.0) as u8
}

fn time(at: NaiveDateTime) -> String {
    at.format("%Y-%m-%dT%H:%M:%S").to_string()
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The run as a TCX document.
pub fn run_tcx(run: &RunSummary) -> String {
    let start = time(run.started_at);
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
                time(at),
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
