//! The lack-of-improvement signal. Article 002 lists lack of improvement
//! among the reasons to see a doctor or physical therapist.
//!
//! Rule (project's choice, thresholds in [`ProgressConfig`]): the mean pain
//! score of the last window (21 days, today included) is compared with the
//! window before it. With enough check-ins in both, pain that is not settled
//! (recent mean above 2) and has not dropped by at least half a point is a
//! lack of improvement. Six weeks in all matches the 4-6 weeks by which
//! article 004 expects the knee to feel steadier.

use chrono::{Days, NaiveDate};
use serde::Serialize;

use super::config::ProgressConfig;
use crate::pain::CheckIn;

/// What the lack-of-improvement signal says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum ProgressImprovement {
    /// Too few check-ins in one of the windows to tell.
    NotEnoughData,
    /// Pain is low; nothing to improve on.
    Settled,
    /// Pain is coming down.
    Improving,
    /// Pain has not eased: time to have the knee looked at.
    NoImprovement,
}

/// The signal with the numbers behind it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ImprovementSignal {
    pub status: ProgressImprovement,
    pub window_days: u32,
    pub recent_mean: Option<f64>,
    pub earlier_mean: Option<f64>,
    /// What to tell the runner when there is something to say.
    pub advice: Option<String>,
}

/// Evaluates the signal on `today`.
pub fn improvement_signal(
    check_ins: &[CheckIn],
    today: NaiveDate,
    config: &ProgressConfig,
) -> ImprovementSignal {
    let window = u64::from(config.improvement_window_days.max(1));
    let recent_start = today
        .checked_sub_days(Days::new(window - 1))
        .unwrap_or(today);
    let earlier_start = recent_start
        .checked_sub_days(Days::new(window))
        .unwrap_or(recent_start);
    let mean_between = |from: NaiveDate, to: NaiveDate| {
        let scores: Vec<f64> = check_ins
            .iter()
            .filter(|c| (from..=to).contains(&c.taken_at.date()))
            .map(|c| f64::from(c.score))
            .collect();
        (scores.len() >= config.improvement_min_check_ins.max(1))
            .then(|| (scores.iter().sum::<f64>() / scores.len() as f64 * 100.0).round() / 100.0)
    };
    let recent = mean_between(recent_start, today);
    let earlier = recent_start
        .pred_opt()
        .and_then(|end| mean_between(earlier_start, end));
    let status = match (recent, earlier) {
        (Some(r), _) if r <= config.settled_pain_max => ProgressImprovement::Settled,
        (Some(r), Some(e)) if r <= e - config.improvement_min_drop => {
            ProgressImprovement::Improving
        }
        (Some(_), Some(_)) => ProgressImprovement::NoImprovement,
        _ => ProgressImprovement::NotEnoughData,
    };
    let advice = (status == ProgressImprovement::NoImprovement).then(|| {
        "Your knee pain has not eased over the last six weeks. Book a doctor or physical \
         therapist to look at it; the plan keeps going gently meanwhile."
            .to_owned()
    });
    ImprovementSignal {
        status,
        window_days: config.improvement_window_days,
        recent_mean: recent,
        earlier_mean: earlier,
        advice,
    }
}
