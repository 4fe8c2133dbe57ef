//! Helpers shared by the run and cadence integration tests: building
//! readings and driving a session second by second, as the app would.
#![allow(dead_code)]

use patella_core::run::{RunEvent, RunSession};
use patella_core::sample::{CadenceSample, CadenceUnit, Gait};

pub const SOURCE: &str = "pod";

/// A steps-per-minute reading with nothing else.
pub fn steps(at_ms: u64, spm: f64) -> CadenceSample {
    CadenceSample {
        at_ms,
        source_id: SOURCE.to_owned(),
        cadence: spm,
        unit: CadenceUnit::StepsPerMinute,
        speed_mps: None,
        stride_length_m: None,
        gait: None,
        total_distance_m: None,
    }
}

pub fn with_gait(mut s: CadenceSample, gait: Gait) -> CadenceSample {
    s.gait = Some(gait);
    s
}

pub fn with_motion(mut s: CadenceSample, speed_mps: f64, stride_length_m: f64) -> CadenceSample {
    s.speed_mps = Some(speed_mps);
    s.stride_length_m = Some(stride_length_m);
    s
}

pub fn unit(mut s: CadenceSample, unit: CadenceUnit) -> CadenceSample {
    s.unit = unit;
    s
}

/// Starts the session at 0 and feeds one reading per second from `reading`
/// (`None`: no reading that second) with a tick each second, until `end_s`.
pub fn drive(
    session: &mut RunSession,
    end_s: u64,
    mut reading: impl FnMut(u64) -> Option<CadenceSample>,
) -> Vec<RunEvent> {
    let mut events = session.start(0);
    for s in 1..=end_s {
        let at = s * 1_000;
        if let Some(sample) = reading(s) {
            events.extend(session.push_sample(&sample).expect("reading accepted"));
        }
        events.extend(session.tick(at).expect("time moves forward"));
    }
    events
}

pub fn named<'a>(events: &'a [RunEvent], name: &str) -> Vec<&'a RunEvent> {
    events.iter().filter(|e| e.kind.name() == name).collect()
}

pub fn count(events: &[RunEvent], name: &str) -> usize {
    named(events, name).len()
}

pub fn form_alerts(events: &[RunEvent]) -> Vec<&RunEvent> {
    events.iter().filter(|e| e.kind.is_form_alert()).collect()
}
