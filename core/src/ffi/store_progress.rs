//! The progress screen across the FFI: one snapshot of every chart for a
//! day, computed inside Rust from the open record.

use crate::progress::{self, ImprovementStatus, MilestoneKind};

use crate::ffi::pain::CheckInMoment;

/// One check-in on the pain chart.
#[derive(Debug, Clone, PartialEq, uniffi::Record, serde::Serialize)]
pub struct PainPointRecord {
    /// Local date and time, ISO-8601.
    pub taken_at: String,
    /// The score, 0-10.
    pub score: u8,
    /// Whether it is above the buffer zone.
    pub above_buffer: bool,
}

/// The check-ins of one kind, oldest first.
#[derive(Debug, Clone, PartialEq, uniffi::Record, serde::Serialize)]
pub struct PainSeriesRecord {
    /// The moment these check-ins were taken.
    pub moment: CheckInMoment,
    /// The check-ins, oldest first.
    pub points: Vec<PainPointRecord>,
}

/// One week's distance against the 10% cap.
#[derive(Debug, Clone, PartialEq, uniffi::Record, serde::Serialize)]
pub struct WeekVolumeRecord {
    /// The week's Monday, ISO-8601.
    pub week_start: String,
    /// Distance run in the week, metres.
    pub distance_m: u32,
    /// Runs in the week.
    pub runs: u32,
    /// 10% over the week before, metres; absent for the first week.
    pub cap_m: Option<u32>,
    /// Whether the week ran past its cap.
    pub over_cap: bool,
}

/// One run on the cadence chart.
#[derive(Debug, Clone, PartialEq, uniffi::Record, serde::Serialize)]
pub struct RunCadenceRecord {
    /// The run's id.
    pub run_id: String,
    /// The run's date, ISO-8601.
    pub date: String,
    /// Average cadence, steps/min.
    pub average_spm: f64,
    /// The target in force, steps/min.
    pub target_spm: f64,
    /// Average minus target, steps/min.
    pub gap_spm: f64,
    /// Whether the average was within the tolerance of the target.
    pub on_target: bool,
}

/// The two milestones of consistent work.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ProgressMilestone {
    /// Four to six weeks of regular strength work.
    SteadierKnees,
    /// Eight to twelve weeks of regular strength work.
    DeeperProtection,
}

/// A milestone and how far the streak is from it.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record, serde::Serialize)]
pub struct MilestoneRecord {
    /// Which milestone.
    pub milestone: ProgressMilestone,
    /// Consistent weeks where it begins.
    pub from_weeks: u32,
    /// Consistent weeks where it ends.
    pub to_weeks: u32,
    /// Whether the streak has reached it.
    pub reached: bool,
    /// Consistent weeks still to go.
    pub weeks_to_go: u32,
}

/// What the lack-of-improvement signal says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ProgressImprovement {
    /// Too few check-ins to tell.
    NotEnoughData,
    /// Pain is low and steady.
    Settled,
    /// Pain is coming down.
    Improving,
    /// Pain has not come down: see a clinician.
    NoImprovement,
}

/// Every chart of the progress screen, as of `today`.
#[derive(Debug, Clone, PartialEq, uniffi::Record, serde::Serialize)]
pub struct ProgressSnapshot {
    /// The day the snapshot is for, ISO-8601.
    pub today: String,
    /// The top score of the buffer zone.
    pub buffer_zone_max: u8,
    /// The pain chart, one series per moment.
    pub pain: Vec<PainSeriesRecord>,
    /// Weekly distance against the 10% cap.
    pub weekly_volume: Vec<WeekVolumeRecord>,
    /// Bottom of the recommended cadence range.
    pub recommended_min_spm: f64,
    /// Top of the recommended cadence range.
    pub recommended_max_spm: f64,
    /// Each run's cadence against its target.
    pub cadence: Vec<RunCadenceRecord>,
    /// Consistent weeks in a row, up to this week.
    pub current_streak_weeks: u32,
    /// The longest run of consistent weeks.
    pub longest_streak_weeks: u32,
    /// Days with training this week.
    pub active_days_this_week: u32,
    /// The milestones of consistent work.
    pub milestones: Vec<MilestoneRecord>,
    /// What the lack-of-improvement signal says.
    pub improvement: ProgressImprovement,
    /// Mean pain over the recent window.
    pub improvement_recent_mean: Option<f64>,
    /// Mean pain over the window before.
    pub improvement_earlier_mean: Option<f64>,
    /// Advice when pain is not improving.
    pub improvement_advice: Option<String>,
}

impl From<progress::ProgressView> for ProgressSnapshot {
    fn from(v: progress::ProgressView) -> Self {
        Self {
            today: v.today.to_string(),
            buffer_zone_max: v.pain.buffer_zone_max,
            pain: v
                .pain
                .series
                .into_iter()
                .map(|s| PainSeriesRecord {
                    moment: s.moment,
                    points: s
                        .points
                        .into_iter()
                        .map(|p| PainPointRecord {
                            taken_at: p.taken_at.format("%Y-%m-%dT%H:%M:%S").to_string(),
                            score: p.score,
                            above_buffer: p.above_buffer,
                        })
                        .collect(),
                })
                .collect(),
            weekly_volume: v
                .weekly_volume
                .into_iter()
                .map(|w| WeekVolumeRecord {
                    week_start: w.week_start.to_string(),
                    distance_m: w.distance_m,
                    runs: w.runs,
                    cap_m: w.cap_m,
                    over_cap: w.over_cap,
                })
                .collect(),
            recommended_min_spm: v.cadence.recommended_range_spm.0,
            recommended_max_spm: v.cadence.recommended_range_spm.1,
            cadence: v
                .cadence
                .runs
                .into_iter()
                .map(|r| RunCadenceRecord {
                    run_id: r.run_id,
                    date: r.date.to_string(),
                    average_spm: r.average_spm,
                    target_spm: r.target_spm,
                    gap_spm: r.gap_spm,
                    on_target: r.on_target,
                })
                .collect(),
            current_streak_weeks: v.streaks.current_weeks,
            longest_streak_weeks: v.streaks.longest_weeks,
            active_days_this_week: v.streaks.active_days_this_week,
            milestones: v
                .streaks
                .milestones
                .into_iter()
                .map(|m| MilestoneRecord {
                    milestone: match m.kind {
                        MilestoneKind::SteadierKnees => ProgressMilestone::SteadierKnees,
                        MilestoneKind::DeeperProtection => ProgressMilestone::DeeperProtection,
                    },
                    from_weeks: m.from_weeks,
                    to_weeks: m.to_weeks,
                    reached: m.reached,
                    weeks_to_go: m.weeks_to_go,
                })
                .collect(),
            improvement: match v.improvement.status {
                ImprovementStatus::NotEnoughData => ProgressImprovement::NotEnoughData,
                ImprovementStatus::Settled => ProgressImprovement::Settled,
                ImprovementStatus::Improving => ProgressImprovement::Improving,
                ImprovementStatus::NoImprovement => ProgressImprovement::NoImprovement,
            },
            improvement_recent_mean: v.improvement.recent_mean,
            improvement_earlier_mean: v.improvement.earlier_mean,
            improvement_advice: v.improvement.advice,
        }
    }
}
