//! Settings and plans as JSON: partial settings keep the documented
//! defaults, and plans read back as written.
#![allow(clippy::unwrap_used)]

use patella_core::cadence::MetronomeMode;
use patella_core::run::{RunConfig, SegmentKind, SessionPlan};

// source: article 002 (pain buffer zone max 5) and project's defaults
#[test]
fn partial_settings_keep_the_defaults() {
    let json = r#"{"metronome":"always","cadence":{"alert":{"dwell_ms":5000}}}"#;
    let config: RunConfig = serde_json::from_str(json).unwrap();
    assert_eq!(config.metronome, MetronomeMode::Always);
    assert_eq!(config.cadence.alert.dwell_ms, 5_000);
    let defaults = RunConfig::default();
    assert_eq!(
        config.cadence.alert.min_gap_ms,
        defaults.cadence.alert.min_gap_ms
    );
    assert_eq!(config.cadence.smoothing, defaults.cadence.smoothing);
    assert_eq!(config.pain.buffer_zone_max, 5);
    assert_eq!(config.countdown_s, vec![10, 3, 2, 1]);
}

#[test]
fn plans_round_trip_through_json() {
    let json = r#"{"segments":[{"kind":"warm_up","duration_s":300},{"kind":"run","duration_s":600}],"cadence_target_spm":168}"#;
    let plan: SessionPlan = serde_json::from_str(json).unwrap();
    assert_eq!(plan.segments[0].kind, SegmentKind::WarmUp);
    assert_eq!(plan.cadence_target_spm, Some(168.0));
    assert_eq!(plan.stride_baseline, None);
    let back: SessionPlan = serde_json::from_str(&serde_json::to_string(&plan).unwrap()).unwrap();
    assert_eq!(back, plan);
}
