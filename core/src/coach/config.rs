//! The coach's numbers. Those the articles give carry their article number;
//! the rest are the project's choice, documented here and configurable.

use serde::{Deserialize, Serialize};

use crate::pain::{PainConfig, TrendConfig};

/// One rung of the run/walk ladder: run, then walk, repeated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct LadderStage {
    pub run_seconds: u32,
    /// Zero on the last rung: continuous running.
    pub walk_seconds: u32,
    pub repeats: u32,
}

impl LadderStage {
    pub fn running_seconds(&self) -> u32 {
        self.run_seconds * self.repeats
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CoachConfig {
    pub pain: PainConfig,
    pub trend: TrendConfig,
    /// The run/walk ladder for new runners. The first three rungs and the
    /// 15-minute goal are article 000's; the rungs between 2/3 and 15 minutes
    /// continuous are the project's choice.
    pub ladder: Vec<LadderStage>,
    /// Largest weekly growth over the last completed week (article 000: 10%).
    pub weekly_growth_cap: f64,
    /// Growth cap when a risk factor is present. Project's choice: half the
    /// normal cap (article 000 only says "more slowly").
    pub risk_growth_cap: f64,
    /// Weeks a ladder rung must be completed comfortably before moving on when
    /// a risk factor is present. Project's choice: 2 (1 otherwise).
    pub risk_weeks_per_stage: u8,
    /// A taper week follows this many build weeks. Project's choice: every
    /// 4th week (article 000 asks for tapered weeks, without a number).
    pub taper_every_weeks: u8,
    /// Volume of a taper week relative to the last completed week. Project's
    /// choice: 90%, so the week after it can come back within the 10% cap.
    pub taper_factor: f64,
    /// Volume cut after a week with pain above the buffer zone. Project's choice: 20%.
    pub pain_scale_back: f64,
    /// Volume of the sessions after a surface or shoe change, relative to
    /// before. Project's choice: 50% (article 002's example halves or more).
    pub gear_change_factor: f64,
    /// How long a recorded surface/shoe change counts as "just happened" for
    /// the week it falls in or the week before the plan starts. Project's choice.
    pub gear_change_window_days: u32,
    /// Days after pain above the buffer zone during which no plyometric or
    /// deep-loaded exercise is planned, even if later check-ins are lower.
    /// Project's choice: 14 (article 001 says "until pain-free").
    pub pain_free_window_days: u32,
    /// Weeks of strength work spent on foundation moves. Project's choice: 4,
    /// matching article 004's first 4-6 week milestone.
    pub foundation_weeks: u16,
    /// Weeks of strength work before advanced moves. Project's choice: 8.
    pub advanced_after_weeks: u16,
    /// Weeks without any knee pain before advanced moves. Project's choice: 4.
    pub advanced_pain_free_weeks: u16,
    /// Done strength sessions a week needs to count as a week of strength
    /// work (fewer when fewer were planned). Project's choice: 2, the low
    /// end of the articles' 2-3 a week.
    pub strength_sessions_per_week: u8,
    /// Strength days per week when the profile does not say (articles: 2-3).
    pub default_strength_days: u8,
    /// Pace used to turn kilometres into minutes. Project's choice: 7 min/km.
    pub seconds_per_km: u32,
    /// Age from which the build-up slows (article 000 names age). Project's choice: 60.
    pub risk_age_years: u8,
    /// Body-mass index from which the build-up slows. Project's choice: 30.
    pub risk_bmi: f64,
    /// Warm-up length before each run (article 004: 5-7 minutes).
    pub warm_up_seconds: u32,
    /// Speed goal: the short intervals start this much faster than usual pace
    /// and gain `speed_step_percent` per progressing week up to the max.
    /// Project's choice: 5%, +1%, 15%.
    pub speed_start_percent: u8,
    pub speed_step_percent: u8,
    pub speed_max_percent: u8,
    /// Speed goal: short fast interval and long usual-pace interval (article
    /// 000 keeps the ladder's 1 min / 3 min shape).
    pub speed_short_seconds: u32,
    pub speed_long_seconds: u32,
    /// Most exercises in the daily knee routine (kept short). Project's choice: 6.
    pub knee_routine_max_exercises: usize,
    /// Sharp pain on this many distinct days within `sharp_window_days`
    /// holds training like a red flag. Project's threshold: 2 (articles 001
    /// and 004 name sharp, persistent pain without a count).
    pub sharp_days: u8,
    /// The window sharp days are counted in. Project's choice: 28 days, so
    /// sharp pain after one run a week, every week, is caught by the second.
    pub sharp_window_days: u16,
    /// Sharp pain on this many check-ins in a row holds training like a red
    /// flag. Project's threshold: 3.
    pub sharp_in_a_row: u8,
    /// Weekly running minutes below which the 10% rule cannot grow the
    /// volume (10% of 9 minutes rounds to nothing). Project's reading of
    /// article 000: below 10 minutes a week, a build week adds a fixed
    /// `small_volume_step_minutes` instead.
    pub small_volume_floor_minutes: u32,
    pub small_volume_step_minutes: u32,
    /// A runner coming back (returning experience, or the return-from-runner's
    /// knee goal) starts at this share of the volume they give. Project's
    /// choice: half, since article 002 backs off to rebuild after a change.
    pub returning_start_factor: f64,
    /// A step-back week drops one run day when the runner runs on at least
    /// this many days (article 002 names frequency as a load). Project's
    /// choice: 3, so nobody drops below two runs a week.
    pub fewer_run_days_from: u8,
    /// The cadence step-up schedule (articles 002 and 004).
    pub cadence: crate::cadence::TargetConfig,
    /// Weeks each cadence step is held before the next one. Project's
    /// choice: 2, so a step of about 5% has time to feel normal.
    pub cadence_weeks_per_step: u8,
    /// Stored runs the cadence baseline is measured from when the runner
    /// entered none (article 004 measures before raising). Project's
    /// choice: 3, so one odd day does not set the baseline.
    pub cadence_baseline_runs: usize,
    /// A run ended early still counts as the day's run done when this share
    /// of its planned time was run. Project's choice: half; less is left
    /// for the runner to mark, so a run cut short does not move the plan on.
    pub run_done_share: f64,
}

impl Default for CoachConfig {
    fn default() -> Self {
        let stage = |run_seconds, walk_seconds, repeats| LadderStage {
            run_seconds,
            walk_seconds,
            repeats,
        };
        Self {
            pain: PainConfig::default(),
            trend: TrendConfig::default(),
            ladder: vec![
                stage(30, 240, 3),
                stage(60, 180, 4),
                stage(120, 180, 3),
                stage(180, 120, 3),
                stage(300, 120, 2),
                stage(420, 60, 2),
                stage(900, 0, 1),
            ],
            weekly_growth_cap: 0.10,
            risk_growth_cap: 0.05,
            risk_weeks_per_stage: 2,
            taper_every_weeks: 4,
            taper_factor: 0.90,
            pain_scale_back: 0.20,
            gear_change_factor: 0.50,
            gear_change_window_days: 7,
            pain_free_window_days: 14,
            foundation_weeks: 4,
            advanced_after_weeks: 8,
            advanced_pain_free_weeks: 4,
            strength_sessions_per_week: 2,
            default_strength_days: 2,
            seconds_per_km: 420,
            risk_age_years: 60,
            risk_bmi: 30.0,
            warm_up_seconds: 360,
            speed_start_percent: 5,
            speed_step_percent: 1,
            speed_max_percent: 15,
            speed_short_seconds: 60,
            speed_long_seconds: 180,
            knee_routine_max_exercises: 6,
            sharp_days: 2,
            sharp_window_days: 28,
            sharp_in_a_row: 3,
            small_volume_floor_minutes: 10,
            small_volume_step_minutes: 1,
            returning_start_factor: 0.5,
            fewer_run_days_from: 3,
            cadence: crate::cadence::TargetConfig::default(),
            cadence_weeks_per_step: 2,
            cadence_baseline_runs: 3,
            run_done_share: 0.5,
        }
    }
}
