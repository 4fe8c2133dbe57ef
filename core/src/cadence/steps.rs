//! Cadence from single steps: the phone's step detector reports each foot
//! contact on its own, and this turns the latest ones into a steps-per-minute
//! reading, so an app without a foot pod never computes a cadence itself.

use crate::sample::MonoMs;

/// How the step detector's steps become a reading. Project's choices.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StepWindow {
    /// Steps older than this (before `now`) are not counted.
    pub window_ms: MonoMs,
    /// Fewer steps than this in the window give no reading.
    pub min_steps: usize,
    /// No step for this long: the runner stopped, no reading.
    pub stopped_after_ms: MonoMs,
}

impl Default for StepWindow {
    fn default() -> Self {
        // Ten seconds holds 25-30 steps at a running cadence: enough to
        // average out a missed step, short enough to follow a walk break.
        Self {
            window_ms: 10_000,
            min_steps: 4,
            stopped_after_ms: 2_000,
        }
    }
}

/// The step rate over the steps in the window before `now_ms`, in steps per
/// minute (both feet: the detector counts every step); `None` with too few
/// steps, or when the last one is too old. `step_times_ms` may be in any
/// order; steps after `now_ms` are ignored.
pub fn cadence_from_steps(step_times_ms: &[MonoMs], now_ms: MonoMs, w: StepWindow) -> Option<f64> {
    let from = now_ms.saturating_sub(w.window_ms);
    let mut steps: Vec<MonoMs> = step_times_ms
        .iter()
        .copied()
        .filter(|t| *t >= from && *t <= now_ms)
        .collect();
    steps.sort_unstable();
    let (first, last) = (*steps.first()?, *steps.last()?);
    if steps.len() < w.min_steps.max(2) || now_ms - last > w.stopped_after_ms || last == first {
        return None;
    }
    // Intervals between steps, not steps: n steps span n - 1 intervals.
    let intervals = (steps.len() - 1) as f64;
    Some(intervals * 60_000.0 / (last - first) as f64)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn every(interval_ms: u64, from: u64, to: u64) -> Vec<u64> {
        (from..=to).step_by(interval_ms as usize).collect()
    }

    #[test]
    fn a_step_every_355_ms_is_about_169_steps_per_minute() {
        let steps = every(355, 0, 20_000);
        let spm = cadence_from_steps(&steps, 20_000, StepWindow::default()).unwrap();
        assert!((spm - 60_000.0 / 355.0).abs() < 0.01, "{spm}");
    }

    #[test]
    fn only_the_window_counts_so_a_walk_break_shows_at_once() {
        let mut steps = every(350, 0, 30_000);
        steps.extend(every(600, 30_600, 45_000));
        let spm = cadence_from_steps(&steps, 45_000, StepWindow::default()).unwrap();
        assert!((spm - 100.0).abs() < 0.01, "{spm}");
    }

    #[test]
    fn too_few_or_too_old_steps_give_no_reading() {
        let w = StepWindow::default();
        assert_eq!(cadence_from_steps(&[], 1_000, w), None);
        assert_eq!(cadence_from_steps(&[100, 450, 800], 900, w), None);
        assert_eq!(cadence_from_steps(&every(350, 0, 5_000), 8_000, w), None);
        assert_eq!(cadence_from_steps(&[500, 500, 500, 500], 600, w), None);
    }

    #[test]
    fn order_does_not_matter_and_future_steps_are_ignored() {
        let mut steps = every(400, 0, 8_000);
        steps.reverse();
        steps.push(50_000);
        let spm = cadence_from_steps(&steps, 8_000, StepWindow::default()).unwrap();
        assert!((spm - 150.0).abs() < 0.01, "{spm}");
    }
}
