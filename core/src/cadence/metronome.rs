//! The metronome the app plays at the target step rate (source: articles
//! 002 and 004 both suggest one). The core only says when and how fast.

use serde::{Deserialize, Serialize};

/// When the metronome plays.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(
    feature = "ffi",
    derive(uniffi::Enum),
    uniffi(name = "RunMetronomeMode")
)]
#[serde(rename_all = "snake_case")]
pub enum MetronomeMode {
    /// Never.
    Off,
    /// Throughout every run segment.
    Always,
    /// Only after a below-target alert, until the runner is back on target.
    /// Project's default: a beat that only comes when needed is heard.
    #[default]
    Nudge,
}

/// The metronome's state for the app.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "ffi",
    derive(uniffi::Record),
    uniffi(name = "RunMetronomeState")
)]
pub struct Metronome {
    /// The runner's setting.
    pub mode: MetronomeMode,
    /// One beat per step at the target, in milliseconds; `None` without a target.
    pub interval_ms: Option<u32>,
    /// Whether the app should be playing it now.
    pub playing: bool,
}

impl Metronome {
    /// The metronome for a target (if any), given whether the runner is in a
    /// run segment and whether a below-target alert is outstanding.
    pub fn decide(
        mode: MetronomeMode,
        target_spm: Option<f64>,
        in_run_segment: bool,
        below_alert_outstanding: bool,
    ) -> Self {
        let interval_ms = target_spm
            .filter(|t| *t > 0.0)
            .map(|t| (60_000.0 / t).round() as u32);
        let playing = interval_ms.is_some()
            && in_run_segment
            && match mode {
                MetronomeMode::Off => false,
                MetronomeMode::Always => true,
                MetronomeMode::Nudge => below_alert_outstanding,
            };
        Self {
            mode,
            interval_ms,
            playing,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // source: articles 002 and 004 (a metronome at the target helps)
    #[test]
    fn modes_and_interval() {
        let m = Metronome::decide(MetronomeMode::Always, Some(170.0), true, false);
        assert_eq!(m.interval_ms, Some(353));
        assert!(m.playing);
        assert!(!Metronome::decide(MetronomeMode::Always, Some(170.0), false, true).playing);
        assert!(!Metronome::decide(MetronomeMode::Nudge, Some(170.0), true, false).playing);
        assert!(Metronome::decide(MetronomeMode::Nudge, Some(170.0), true, true).playing);
        assert!(!Metronome::decide(MetronomeMode::Off, Some(170.0), true, true).playing);
        assert_eq!(
            Metronome::decide(MetronomeMode::Always, None, true, true).interval_ms,
            None
        );
    }
}
