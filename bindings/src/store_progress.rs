//! The progress screen across the FFI: one snapshot of every chart for a
//! day, computed inside Rust from the open record.

use patella_core::progress::{self, ImprovementStatus, MilestoneKind, ProgressConfig};

use crate::pain::CheckInMoment;
use crate::store::{RecordStore, StoreError};

/// One check-in on the pain chart.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct PainPointRecord {
    /// Local date and time of the check-in.
    pub taken_at: String,
    /// The 0-10 score.
    pub score: u8,
    /// True when the score is over the buffer zone's top.
    pub above_buffer: bool,
}

/// The check-ins of one kind, oldest first.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct PainSeriesRecord {
    /// Which check-ins: when in the day they were taken.
    pub moment: CheckInMoment,
    /// The points, oldest first.
    pub points: Vec<PainPointRecord>,
}

/// One week's distance against the 10% cap.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct WeekVolumeRecord {
    /// The Monday the week starts on, "2026-11-16".
    pub week_start: String,
    /// Distance run that week, in metres.
    pub distance_m: u32,
    /// How many runs.
    pub runs: u32,
    /// The most the week should hold (10% over the one before); none without a week before.
    pub cap_m: Option<u32>,
    /// True when the week went over its cap.
    pub over_cap: bool,
}

/// One run on the cadence chart.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct RunCadenceRecord {
    /// The run's id.
    pub run_id: String,
    /// The run's date, "2026-11-22".
    pub date: String,
    /// Average cadence, steps per minute.
    pub average_spm: f64,
    /// The target the run had.
    pub target_spm: f64,
    /// Average minus target; negative is under.
    pub gap_spm: f64,
    /// True when the average was close enough to the target.
    pub on_target: bool,
}

/// The two milestones of consistent work.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum ProgressMilestone {
    /// After 4-6 consistent weeks the knee feels steadier (article 004).
    SteadierKnees,
    /// After 8-12 consistent weeks: strength that protects the knee for the long run.
    DeeperProtection,
}

/// Where the runner stands against one milestone.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct MilestoneRecord {
    /// Which milestone.
    pub milestone: ProgressMilestone,
    /// Weeks of consistent work where it begins.
    pub from_weeks: u32,
    /// Weeks of consistent work where it is fully reached.
    pub to_weeks: u32,
    /// True once the current streak reached `from_weeks`.
    pub reached: bool,
    /// Weeks still to go; 0 once reached.
    pub weeks_to_go: u32,
}

/// What the lack-of-improvement signal says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum ProgressImprovement {
    /// Too few check-ins to say yet.
    NotEnoughData,
    /// Pain is low and steady.
    Settled,
    /// Pain is coming down.
    Improving,
    /// Pain has not come down over weeks: worth seeing a clinician.
    NoImprovement,
}

/// Every chart of the progress screen, as of `today`.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct ProgressSnapshot {
    /// The date the snapshot is for.
    pub today: String,
    /// The top of the pain buffer zone, for the charts' band.
    pub buffer_zone_max: u8,
    /// Pain check-ins, one series per moment.
    pub pain: Vec<PainSeriesRecord>,
    /// Distance per week against its cap, oldest first.
    pub weekly_volume: Vec<WeekVolumeRecord>,
    /// The bottom of the usual cadence band.
    pub recommended_min_spm: f64,
    /// The top of the usual cadence band.
    pub recommended_max_spm: f64,
    /// Each run's cadence against its target, oldest first.
    pub cadence: Vec<RunCadenceRecord>,
    /// Consistent weeks in a row (enough days with a done session or a run), up to now.
    pub current_streak_weeks: u32,
    /// The longest such streak so far.
    pub longest_streak_weeks: u32,
    /// Days this week so far with a done session or a run.
    pub active_days_this_week: u32,
    /// The milestones of consistent work and how near they are.
    pub milestones: Vec<MilestoneRecord>,
    /// What the lack-of-improvement signal says.
    pub improvement: ProgressImprovement,
    /// The recent mean pain score it compared, when there is one.
    pub improvement_recent_mean: Option<f64>,
    /// The earlier mean pain score it compared, when there is one.
    pub improvement_earlier_mean: Option<f64>,
    /// What to tell the runner about it, when there is something to say.
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
                    moment: s.moment.into(),
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

#[uniffi::export]
impl RecordStore {
    /// The progress screen as of `today` ("2026-11-22"), with the default
    /// thresholds.
    pub fn progress(&self, today: String) -> Result<ProgressSnapshot, StoreError> {
        let day = crate::dates::parse_date("today", &today)?;
        let view = self.records_view(|records| {
            progress::progress_view(records, day, &ProgressConfig::default())
        })?;
        Ok(view.into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pain::CheckIn;

    #[test]
    fn the_snapshot_carries_the_charts_of_the_record() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let store = RecordStore::open(tmp.path().to_string_lossy().into_owned()).expect("opens");
        for (day, score) in [(20, 3), (21, 6)] {
            store
                .add_check_in(CheckIn {
                    taken_at: format!("2026-11-{day}T07:30:00"),
                    score,
                    moment: CheckInMoment::NextMorning,
                    quality: None,
                    location: None,
                    red_flags: vec![],
                })
                .expect("saved");
        }
        let snap = store.progress("2026-11-22".into()).expect("progress");
        assert_eq!(snap.today, "2026-11-22");
        assert_eq!(snap.buffer_zone_max, 5);
        let points = &snap.pain[0].points;
        assert_eq!(
            points.iter().map(|p| p.above_buffer).collect::<Vec<_>>(),
            vec![false, true]
        );
        assert_eq!(snap.milestones.len(), 2);
        assert_eq!(snap.improvement, ProgressImprovement::NotEnoughData);
        let err = store.progress("22.11.2026".into()).expect_err("bad date");
        assert!(err.to_string().starts_with("today:"), "{err}");
    }
}
