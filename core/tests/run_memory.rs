//! Memory stays bounded over a six-hour session: no buffer grows with the
//! run's length, and the history is downsampled.

mod run_support;

use patella_core::run::summary::TRACE_MAX_POINTS;
use patella_core::run::{RunConfig, RunSession, SessionPlan};
use run_support::*;

#[test]
fn six_hours_at_one_hertz_keep_every_buffer_bounded() {
    let config = RunConfig::default();
    let plan = SessionPlan::intervals(600, 1_200, 300, 14, 600).with_target(170.0);
    assert!(plan.total_s() >= 6 * 3_600);
    let mut s = RunSession::new(plan, config.clone()).unwrap();
    let mut at_one_hour = None;
    let mut readings = 0u32;
    let mut events = s.start(0);
    for t in 1..=6 * 3_600u64 {
        // Cadence wanders and the pod gives speed and stride, every second.
        let spm = 160.0 + (t % 23) as f64;
        let sample = with_motion(steps(t * 1_000, spm), 3.0, 3.0 * 120.0 / spm);
        events.extend(s.push_sample(&sample).unwrap());
        readings += 1;
        events.extend(s.tick(t * 1_000).unwrap());
        if t == 3_600 {
            at_one_hour = Some(s.footprint());
        }
        // The caller may drop events; the session keeps none of them.
        events.clear();
    }
    let one = at_one_hour.unwrap();
    let six = s.footprint();
    assert!(six.history_points <= config.history_max_points, "{six:?}");
    assert!(six.smoothing_samples <= config.cadence.smoothing.max_samples);
    assert!(six.stride_window <= config.cadence.overstride.window_samples);
    assert_eq!(six.sources, 1);
    assert!(six.history_points <= one.history_points.max(config.history_max_points));
    let history = s.history();
    let kept: u32 = history.iter().map(|p| p.samples).sum();
    assert_eq!(
        kept, readings,
        "downsampling merges readings, it never loses them"
    );
    assert!(history.windows(2).all(|w| w[0].at_ms < w[1].at_ms));
    // The summary's 1 Hz trace has its own budget, and keeps every reading.
    assert!(s.log().trace_len() <= TRACE_MAX_POINTS);
    let summary = s.summary(6 * 3_600_000);
    assert!(summary.cadence_trace.len() <= TRACE_MAX_POINTS);
    assert!(summary.segments.len() <= 30);
}
