//! One example of every cue the core can give, worded and delivered exactly
//! as a live session or the sensor client would: every run event kind (and
//! each variant whose delivery differs, such as a check-in in each pain
//! zone), and every sensor observer call. The apps use it for a cue preview
//! in Settings; the shells' tests walk it to prove that each kind has a
//! delivery mapping, and `tests/fixtures/screens/cues.json` pins it.

use chrono::NaiveDate;
use serde::Serialize;

use super::cue;
use super::event::{RunCue, RunEvent, RunEventKind, RunPromptReason, RunStopReason};
use super::plan::SegmentKind;
use super::sensor_cue;
use crate::cadence::plausibility::RejectReason;
use crate::pain::{self, CheckIn, CheckInMoment, PainConfig, PainQuality, RedFlag};
use crate::sample::CadenceUnit;
use crate::sensor::observer::{SensorConnectionState, SensorDetails, SensorWarning};

/// Every run event kind at least once, in the order a session could meet
/// them, with the cue the session would attach. Timestamps are 0: only the
/// kind and its cue matter here.
pub fn sample_run_events() -> Vec<RunEvent> {
    let mut kinds: Vec<(RunEventKind, String)> = vec![(
        RunEventKind::SessionStarted {
            total_ms: 1_200_000,
            segments: 9,
        },
        cue::session_started(1_200_000),
    )];
    for segment in [
        SegmentKind::WarmUp,
        SegmentKind::Run,
        SegmentKind::Walk,
        SegmentKind::CoolDown,
    ] {
        let target_spm = (segment == SegmentKind::Run).then_some(170.0);
        kinds.push((
            RunEventKind::SegmentStarted {
                index: 1,
                segment,
                duration_ms: 90_000,
                target_spm,
            },
            cue::segment_started(segment, 90_000),
        ));
    }
    kinds.extend([
        (
            RunEventKind::SegmentEndingSoon {
                index: 1,
                segment: SegmentKind::Run,
                seconds_left: 10,
                next: Some(SegmentKind::Walk),
            },
            cue::ending_soon(10, Some(SegmentKind::Walk)),
        ),
        (
            RunEventKind::Halfway {
                elapsed_ms: 600_000,
                remaining_ms: 600_000,
            },
            cue::halfway(),
        ),
        (
            RunEventKind::Paused {
                elapsed_ms: 300_000,
            },
            cue::paused(),
        ),
        (
            RunEventKind::Resumed {
                paused_for_ms: 45_000,
            },
            cue::resumed(),
        ),
        (
            RunEventKind::CheckInPrompt {
                reason: RunPromptReason::AfterRunSegment,
            },
            cue::check_in_prompt(),
        ),
    ]);
    kinds.extend(assessed_samples());
    kinds.extend([
        (
            RunEventKind::SwitchedToWalking {
                segments_changed: 3,
            },
            cue::switched_to_walking(),
        ),
        (
            RunEventKind::RunEnded {
                skipped_ms: 240_000,
            },
            cue::run_ended(),
        ),
        (
            RunEventKind::CadenceLow {
                cadence_spm: 158.0,
                target_spm: 170.0,
                band_low_spm: 165.0,
                below_for_ms: 20_000,
            },
            cue::cadence_low(170.0),
        ),
        (
            RunEventKind::CadenceHigh {
                cadence_spm: 184.0,
                target_spm: 170.0,
                band_high_spm: 178.0,
                above_for_ms: 20_000,
            },
            cue::cadence_high(170.0),
        ),
        (
            RunEventKind::BackOnTarget {
                cadence_spm: 169.0,
                target_spm: 170.0,
            },
            cue::back_on_target(),
        ),
        (
            RunEventKind::Overstride {
                stride_m: 1.3,
                baseline_m: 1.1,
                speed_mps: 3.0,
                excess_pct: 18.0,
            },
            cue::overstride(),
        ),
        (
            RunEventKind::WalkingInRunSegment {
                walking_for_ms: 30_000,
                cadence_spm: Some(118.0),
                speed_mps: Some(1.4),
            },
            cue::walking_in_run_segment(),
        ),
        (
            RunEventKind::SensorGap {
                source_id: Some("foot-pod".into()),
                last_reading_ms: Some(300_000),
            },
            cue::sensor_gap(),
        ),
        (
            RunEventKind::SensorRestored {
                source_id: Some("foot-pod".into()),
                gap_ms: 12_000,
            },
            cue::sensor_restored(),
        ),
        (
            RunEventKind::UnitDetected {
                source_id: "foot-pod".into(),
                unit: CadenceUnit::StridesPerMinute,
            },
            cue::unit_detected(CadenceUnit::StridesPerMinute),
        ),
        (
            RunEventKind::ReadingsRejected {
                source_id: "foot-pod".into(),
                value: 260.0,
                reason: RejectReason::AboveMax { spm: 260.0 },
            },
            cue::readings_rejected(),
        ),
        (
            RunEventKind::MetronomeChanged {
                playing: true,
                interval_ms: Some(353),
            },
            cue::metronome_changed(true),
        ),
        (
            RunEventKind::MetronomeChanged {
                playing: false,
                interval_ms: None,
            },
            cue::metronome_changed(false),
        ),
        (
            RunEventKind::SessionComplete {
                elapsed_ms: 1_200_000,
            },
            cue::complete(),
        ),
    ]);
    for reason in [
        RunStopReason::User,
        RunStopReason::PainAboveZone,
        RunStopReason::PainStop,
        RunStopReason::RedFlag,
    ] {
        kinds.push((
            RunEventKind::SessionStopped {
                reason,
                elapsed_ms: 700_000,
            },
            cue::stopped(reason),
        ));
    }
    kinds
        .into_iter()
        .map(|(kind, text)| RunEvent {
            at_ms: 0,
            cue: RunCue::for_event(&kind, text),
            kind,
        })
        .collect()
}

/// A live check-in in each pain zone, assessed by the pain rules themselves
/// so that the advice is the one a runner would read.
fn assessed_samples() -> Vec<(RunEventKind, String)> {
    let taken_at = NaiveDate::from_ymd_opt(2026, 11, 30)
        .and_then(|d| d.and_hms_opt(7, 30, 0))
        .unwrap_or_default();
    let check_in = |score: u8, quality: Option<PainQuality>, red_flags: Vec<RedFlag>| CheckIn {
        taken_at,
        score,
        moment: CheckInMoment::DuringRun,
        quality,
        location: None,
        red_flags,
    };
    [
        check_in(3, None, vec![]),
        check_in(6, None, vec![]),
        check_in(4, Some(PainQuality::Sharp), vec![]),
        check_in(4, None, vec![RedFlag::GivingWay]),
    ]
    .iter()
    .map(|c| {
        let assessment = pain::assess(c, None, &PainConfig::default());
        (
            RunEventKind::CheckInAssessed {
                score: c.score,
                zone: assessment.zone,
                action: assessment.action,
            },
            assessment.advice,
        )
    })
    .collect()
}

/// Which sensor observer call a sample stands for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SensorCall {
    State(SensorConnectionState),
    Battery(u8),
    Details(SensorDetails),
    Warning(SensorWarning),
}

/// Every sensor observer call (each connection state, a fine and a low
/// battery, details, each warning) with the cue the core gives it.
pub fn sample_sensor_cues() -> Vec<(SensorCall, RunCue)> {
    let states = [
        SensorConnectionState::Idle,
        SensorConnectionState::Connecting { attempt: 1 },
        SensorConnectionState::Connected,
        SensorConnectionState::Silent,
        SensorConnectionState::Reconnecting {
            attempt: 2,
            retry_in_ms: 2_000,
        },
        SensorConnectionState::BluetoothOff,
        SensorConnectionState::Failed {
            reason: "the sensor stopped answering".into(),
        },
    ];
    let warnings = [
        SensorWarning::LowBattery { percent: 15 },
        SensorWarning::MalformedPacket {
            detail: "3 bytes, at least 4 expected".into(),
        },
        SensorWarning::ConnectFailed {
            detail: "the device went away".into(),
        },
        SensorWarning::ReadFailed {
            what: "battery level".into(),
            detail: "not permitted".into(),
        },
    ];
    let details = SensorDetails {
        id: "foot-pod".into(),
        name: Some("Stride Pod".into()),
        ..SensorDetails::default()
    };
    let mut samples: Vec<(SensorCall, RunCue)> = states
        .into_iter()
        .map(|s| (sensor_cue::for_state(&s), SensorCall::State(s)))
        .map(|(cue, call)| (call, cue))
        .collect();
    for percent in [80, 15] {
        samples.push((
            SensorCall::Battery(percent),
            sensor_cue::for_battery(percent),
        ));
    }
    samples.push((
        SensorCall::Details(details.clone()),
        sensor_cue::for_details(&details),
    ));
    samples.extend(
        warnings
            .into_iter()
            .map(|w| (sensor_cue::for_warning(&w), SensorCall::Warning(w)))
            .map(|(cue, call)| (call, cue)),
    );
    samples
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The position of `kind` in the enum. No wildcard: a new kind does not
    /// compile until it is listed here, and the test below then fails until
    /// `sample_run_events` gives an example of it.
    fn ordinal(kind: &RunEventKind) -> usize {
        use RunEventKind as K;
        match kind {
            K::SessionStarted { .. } => 0,
            K::SegmentStarted { .. } => 1,
            K::SegmentEndingSoon { .. } => 2,
            K::Halfway { .. } => 3,
            K::SessionComplete { .. } => 4,
            K::SessionStopped { .. } => 5,
            K::Paused { .. } => 6,
            K::Resumed { .. } => 7,
            K::CheckInPrompt { .. } => 8,
            K::CheckInAssessed { .. } => 9,
            K::SwitchedToWalking { .. } => 10,
            K::RunEnded { .. } => 11,
            K::CadenceLow { .. } => 12,
            K::CadenceHigh { .. } => 13,
            K::BackOnTarget { .. } => 14,
            K::Overstride { .. } => 15,
            K::WalkingInRunSegment { .. } => 16,
            K::SensorGap { .. } => 17,
            K::SensorRestored { .. } => 18,
            K::UnitDetected { .. } => 19,
            K::ReadingsRejected { .. } => 20,
            K::MetronomeChanged { .. } => 21,
        }
    }

    #[test]
    fn every_run_event_kind_has_a_sample() {
        let mut seen = [false; 22];
        for event in sample_run_events() {
            seen[ordinal(&event.kind)] = true;
        }
        let missing: Vec<usize> = (0..seen.len()).filter(|&i| !seen[i]).collect();
        assert!(missing.is_empty(), "kinds without a sample: {missing:?}");
    }

    #[test]
    fn every_pain_zone_reaches_the_sample_check_ins() {
        let zones: Vec<_> = sample_run_events()
            .into_iter()
            .filter_map(|e| match e.kind {
                RunEventKind::CheckInAssessed { zone, .. } => Some(zone),
                _ => None,
            })
            .collect();
        for zone in [
            pain::PainZone::WithinBuffer,
            pain::PainZone::AboveBuffer,
            pain::PainZone::Stop,
            pain::PainZone::SeeClinician,
        ] {
            assert!(zones.contains(&zone), "no sample check-in in {zone:?}");
        }
    }

    /// Like `ordinal`, for the sensor calls: no wildcard, so a new state or
    /// warning must be listed, and then sampled.
    fn sensor_ordinal(call: &SensorCall) -> usize {
        match call {
            SensorCall::State(SensorConnectionState::Idle) => 0,
            SensorCall::State(SensorConnectionState::Connecting { .. }) => 1,
            SensorCall::State(SensorConnectionState::Connected) => 2,
            SensorCall::State(SensorConnectionState::Silent) => 3,
            SensorCall::State(SensorConnectionState::Reconnecting { .. }) => 4,
            SensorCall::State(SensorConnectionState::BluetoothOff) => 5,
            SensorCall::State(SensorConnectionState::Failed { .. }) => 6,
            SensorCall::Battery(_) => 7,
            SensorCall::Details(_) => 8,
            SensorCall::Warning(SensorWarning::LowBattery { .. }) => 9,
            SensorCall::Warning(SensorWarning::MalformedPacket { .. }) => 10,
            SensorCall::Warning(SensorWarning::ConnectFailed { .. }) => 11,
            SensorCall::Warning(SensorWarning::ReadFailed { .. }) => 12,
        }
    }

    #[test]
    fn every_sensor_call_has_a_sample() {
        let mut seen = [false; 13];
        for (call, _) in sample_sensor_cues() {
            seen[sensor_ordinal(&call)] = true;
        }
        let missing: Vec<usize> = (0..seen.len()).filter(|&i| !seen[i]).collect();
        assert!(
            missing.is_empty(),
            "sensor calls without a sample: {missing:?}"
        );
    }

    #[test]
    fn a_low_battery_reading_is_a_nudge_and_a_full_one_is_not() {
        let battery: Vec<RunCue> = sample_sensor_cues()
            .into_iter()
            .filter_map(|(call, cue)| matches!(call, SensorCall::Battery(_)).then_some(cue))
            .collect();
        let urgencies: Vec<_> = battery.iter().map(|c| c.urgency).collect();
        assert_eq!(
            urgencies,
            [
                crate::run::event::RunUrgency::Info,
                crate::run::event::RunUrgency::Nudge
            ]
        );
    }
}
