//! Cadence coaching (source: articles 002 and 004): everything between a raw
//! reading and a cue about the runner's step rate.
//!
//! - [`unit`](mod@unit): steps or strides, detected per source and overridable.
//! - [`plausibility`]: which readings can be trusted at all.
//! - [`smoothing`]: a short window giving a smoothed value with a confidence.
//! - [`target`]: the baseline and the gradual step-up schedule.
//! - [`alert`]: the below/above-band state machine with dwell and hysteresis.
//! - [`overstride`]: long strides against the runner's own baseline.
//! - [`metronome`]: the beat interval the app plays.
//! - [`steps`]: a reading from the phone step detector's single steps.
//! - [`config`]: every threshold, with its documented default.
//!
//! The canonical unit everywhere past [`unit`](mod@unit) is steps per minute (both feet
//! counted), the unit of the 165-180 aim in article 002.

pub mod alert;
pub mod config;
pub mod metronome;
pub mod overstride;
pub mod plausibility;
pub mod smoothing;
pub mod steps;
pub mod target;
pub mod unit;

pub use alert::{AlertContext, AlertGate, AlertOutcome, CadenceAlerter, Ineligible, Side};
pub use config::{
    AlertConfig, CadenceConfig, OverstrideConfig, PlausibilityConfig, SmoothingConfig,
};
pub use metronome::{Metronome, MetronomeMode};
pub use overstride::{OverstrideDetector, OverstrideFlag, StrideBaseline};
pub use plausibility::{Reading, RejectReason, classify};
pub use smoothing::{CadenceSmoother, Smoothed};
pub use target::{CadenceBand, StepUpSchedule, TargetConfig, TargetError, baseline_from_runs};
pub use unit::{UnitDecision, UnitDetector, UnitEvidence};
