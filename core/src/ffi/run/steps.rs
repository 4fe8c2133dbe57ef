//! The phone's step detector as a cadence source: the app keeps the times
//! of the latest steps and asks for the reading to push into the run.

use crate::cadence::steps::{StepWindow, cadence_from_steps};

use crate::sample::{CadenceSample, CadenceUnit};

/// The source id of readings made from the phone's step detector.
pub const PHONE_STEPS_SOURCE: &str = "phone-steps";

/// The reading to push (`RunSession.pushSample`) from the phone's step
/// detector: the step rate over the steps of the last 10 s before `now_ms`
/// (the times the detector reported, on `monotonic_now_ms()`'s clock, in
/// any order; keep the latest 64 or so). None with fewer than 4 steps in
/// that window or none in the last 2 s: the runner stands still, and the
/// run marks a gap rather than a made-up cadence.
#[uniffi::export]
pub fn step_detector_sample(step_times_ms: Vec<u64>, now_ms: u64) -> Option<CadenceSample> {
    let spm = cadence_from_steps(&step_times_ms, now_ms, StepWindow::default())?;
    Some(CadenceSample {
        at_ms: now_ms,
        source_id: PHONE_STEPS_SOURCE.to_owned(),
        cadence: spm,
        unit: CadenceUnit::StepsPerMinute,
        speed_mps: None,
        stride_length_m: None,
        gait: None,
        total_distance_m: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steady_steps_become_a_steps_per_minute_reading_from_the_phone() {
        let steps: Vec<u64> = (0..30).map(|i| 1_000 + i * 375).collect();
        let sample = step_detector_sample(steps, 12_000).unwrap();
        assert_eq!(sample.source_id, PHONE_STEPS_SOURCE);
        assert_eq!(sample.unit, CadenceUnit::StepsPerMinute);
        assert_eq!(sample.at_ms, 12_000);
        assert!((sample.cadence - 160.0).abs() < 0.01, "{}", sample.cadence);
        assert!(step_detector_sample(vec![], 12_000).is_none());
    }
}
