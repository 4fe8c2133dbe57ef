//! The knee's one decision place. For any date it answers which activities
//! the knee allows (running, loaded knee bending, deep bending and jumping,
//! strength phase) and whether the plan may progress; for any finished week,
//! whether the next may build. Every answer carries its reasons. The plan
//! builder, exercise selection and cadence schedule ask here and decide
//! nothing about the knee on their own.
//!
//! The rules, each stated once:
//! - A red flag, or sharp pain that comes back, holds training until the
//!   runner confirms a clinician visit made after it was reported: no runs,
//!   only the gentle knee-safe list, no progression of any kind (articles
//!   001, 002, 004).
//! - A pain trend (no improvement, or worse, over weeks) holds progression
//!   until a visit, or until pain has settled again (article 002).
//! - After any score above the buffer zone (or above it in the profile,
//!   before running began): no running until a check-in is back in the
//!   zone; strength and cross-training instead (article 002).
//! - Any pain, or pain above the zone within the pain-free window: no jumping
//!   and no deep bending under load (article 001); straight-knee moves are
//!   preferred (article 002).
//! - A week builds only on evidence: a planned run was done, the week had
//!   check-ins, all in the zone, none sharp, and no rise of 2 or more
//!   against the same moment of an earlier day (articles 001, 002).

use chrono::{Duration, NaiveDate};
use serde::Serialize;

use super::config::CoachConfig;
use super::history::{History, SessionResult, SessionType};
use super::knee::{Assessed, Hold, HoldEnd, KneeTimeline};
use super::plan::HoldReason;
use crate::pain::{CheckInMoment, PainQuality};

/// Why the knee limits a day or a week.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum GuardReason {
    /// Training waits for a clinician visit.
    TrainingHeld {
        since: NaiveDate,
        reason: HoldReason,
    },
    /// Progression waits for a clinician visit, or for pain to settle for
    /// `settle_weeks` at or below `settled_max`.
    ProgressionHeld {
        since: NaiveDate,
        reason: HoldReason,
        settle_weeks: u8,
        settled_max: f64,
    },
    /// The latest score is above the buffer zone.
    AboveZone { score: u8, max: u8 },
    /// Pain was above the zone before running began; no check-in in the zone yet.
    NotYetInZone { score: u8, max: u8 },
    /// The last check-in before the day's run was above the zone: running
    /// waits for a check-in in the zone.
    AwaitingCheckIn { score: u8, max: u8 },
    /// The knee hurts now.
    Sore { score: u8, max: u8 },
    /// A run day while the knee hurts: flat ground (article 002: hills load
    /// the knee more). Only on days that hold a run.
    FlatGround,
    /// Pain was above the zone within the pain-free window of `days`.
    RecentlyAboveZone { days: i64 },
    /// A hold was released by a visit: the plan restarts a step lower.
    HoldReleased,
    /// A trend hold lifted by itself: pain settled.
    TrendSettled,
    /// The week before has not ended yet: this week grows if it goes to
    /// plan. `this_week` says whether that week is the current one.
    BuildsIf { this_week: bool, max: u8 },
    /// No planned run was done in the week.
    NoRunDone,
    /// No check-in in the week, so nothing shows the knee coped.
    NoCheckIn,
    /// A check-in in the week was above the zone.
    PainAboveZoneInWeek { score: u8 },
    /// Sharp pain in the week.
    SharpInWeek,
    /// Pain rose across days at the same moment of the day.
    WorseningAcrossDays { from: u8, to: u8 },
}

impl GuardReason {
    /// The reason in plain words, for the runner.
    pub fn describe(&self) -> String {
        match self {
            Self::TrainingHeld { since, reason } => format!(
                "Since {since} {}. No running and only gentle knee-safe moves until you confirm \
                 a doctor or physical therapist has seen the knee.",
                reason.describe()
            ),
            Self::ProgressionHeld {
                since,
                reason,
                settle_weeks,
                settled_max,
            } => format!(
                "Since {since} {}. The plan stays at its level until your pain settles ({} \
                 weeks at {} or below) or you confirm a doctor or physical therapist has seen \
                 the knee.",
                reason.describe(),
                settle_weeks,
                settled_max
            ),
            Self::AboveZone { score, max } => {
                format!("Your latest pain score is {score}, above {max}: the plan does not grow.")
            }
            Self::NotYetInZone { score, max } => format!(
                "You started with pain at {score}, above {max}: strength work and cycling or \
                 swimming first; running starts after a check-in at {max} or below."
            ),
            Self::AwaitingCheckIn { score, max } => format!(
                "Your last pain score was {score}, above {max}: check in before you run. Running \
                 comes back once a check-in shows the knee at {max} or below; until then, \
                 cycling or swimming."
            ),
            Self::Sore { score, max } => {
                let how = if score <= max {
                    format!("A little pain ({score}/10) is fine to train with")
                } else {
                    format!("Pain of {score}/10 is above your comfort limit")
                };
                format!(
                    "{how}: no jumping and no deep bends under load for now, and straight-knee \
                     moves first."
                )
            }
            Self::FlatGround => {
                "Keep today's run on flat ground, since hills load the knee more.".to_owned()
            }
            Self::RecentlyAboveZone { days } => format!(
                "The knee was above the comfort limit in the last {days} days: no jumping and \
                 no deep bends under load yet."
            ),
            Self::HoldReleased => "Welcome back after the visit: the plan restarts one step below \
                                   your last full week."
                .to_owned(),
            Self::TrendSettled => {
                "Your pain has settled again, so the plan may grow once more.".to_owned()
            }
            Self::BuildsIf {
                this_week: true,
                max,
            } => format!("Builds if this week's runs are done and pain stays at {max} or below."),
            Self::BuildsIf {
                this_week: false,
                max,
            } => format!(
                "Builds if the week before goes to plan: its runs done and pain at {max} or \
                 below."
            ),
            Self::NoRunDone => "No planned run was marked done last week.".to_owned(),
            Self::NoCheckIn => "No pain check-in last week: the plan grows only when check-ins \
                                show the knee coped."
                .to_owned(),
            Self::PainAboveZoneInWeek { score } => {
                format!("A check-in last week was {score}, above the comfort limit.")
            }
            Self::SharpInWeek => "Sharp pain last week: the plan does not grow.".to_owned(),
            Self::WorseningAcrossDays { from, to } => format!(
                "Pain rose from {from} to {to} at the same time of day: the plan does not grow."
            ),
        }
    }
}

/// What the knee allows on one date.
#[derive(Debug, Clone, PartialEq)]
pub struct DayRuling {
    /// A planned run may go ahead (else it is swapped or dropped).
    pub run: bool,
    /// Cross-training may replace a run that cannot go ahead.
    pub cross_training: bool,
    /// Regular strength work, with moderate knee bending, may go ahead.
    pub strength: bool,
    /// Deep bending under load and jumping may be planned (article 001).
    pub deep_or_jumping: bool,
    /// The knee hurts: prefer moves that keep the knee straight (article 002)
    /// and add the daily knee routine (article 003).
    pub sore: bool,
    /// The plan may progress from this date (volume, ladder, cadence,
    /// strength phase).
    pub may_progress: bool,
    pub reasons: Vec<GuardReason>,
}

/// Whether the week after a finished week may build, and why not.
#[derive(Debug, Clone, PartialEq)]
pub struct WeekRuling {
    /// Pain above the zone (or a stop or red flag) in the week.
    pub pain_above: bool,
    /// A hold is open at the week's end.
    pub held: bool,
    /// That hold stops training, not only progression.
    pub training_held: bool,
    /// A hold was released by a visit during the week.
    pub released: bool,
    /// Evidence that the knee coped with the week's load.
    pub may_build: bool,
    pub reasons: Vec<GuardReason>,
}

pub struct KneeGuard {
    knee: KneeTimeline,
    max: u8,
    rise: u8,
    profile_pain: u8,
    window: Duration,
    settle_weeks: u8,
    settled_max: f64,
}

fn is_sharp(a: &Assessed) -> bool {
    a.checkin.quality == Some(PainQuality::Sharp)
}

fn run_moment(m: CheckInMoment) -> bool {
    matches!(m, CheckInMoment::DuringRun | CheckInMoment::AfterRun)
}

impl KneeGuard {
    pub fn new(history: &History, config: &CoachConfig) -> Self {
        Self {
            knee: KneeTimeline::new(history, config),
            max: config.pain.buffer_zone_max,
            rise: config.pain.worsening_rise,
            profile_pain: history.profile.knee_pain,
            window: Duration::days(i64::from(config.pain_free_window_days)),
            settle_weeks: config.trend.settle_weeks.max(1),
            settled_max: config.trend.settled_max,
        }
    }

    /// Why running waits on `date` for a check-in in the zone, if it does:
    /// the last score bearing on the day's run was above the zone (article
    /// 002). Before any check-in, the profile's pain is that score.
    fn awaiting_check_in(&self, date: NaiveDate) -> Option<GuardReason> {
        let score = self.knee.score_before_run(date);
        if score <= self.max {
            return None;
        }
        let from_profile = self.knee.assessed().first().is_none_or(|a| a.date() > date);
        Some(if from_profile {
            GuardReason::NotYetInZone {
                score,
                max: self.max,
            }
        } else {
            GuardReason::AwaitingCheckIn {
                score,
                max: self.max,
            }
        })
    }

    /// What the knee allows on `date`. `run_day` says whether the template
    /// plans a run that day, which only changes the notes.
    pub fn day(&self, date: NaiveDate, run_day: bool) -> DayRuling {
        let mut reasons = Vec::new();
        let latest = self.knee.latest_score(date);
        let stopping = self.knee.stopping_hold(date);
        let progression_hold = self.knee.active_holds(date).next();
        if let Some(h) = stopping {
            reasons.push(GuardReason::TrainingHeld {
                since: h.since,
                reason: h.reason.clone(),
            });
        } else if let Some(h) = progression_hold {
            reasons.push(GuardReason::ProgressionHeld {
                since: h.since,
                reason: h.reason.clone(),
                settle_weeks: self.settle_weeks,
                settled_max: self.settled_max,
            });
        }
        let awaiting = self.awaiting_check_in(date);
        let waiting = awaiting.is_some();
        if let Some(reason) = awaiting {
            reasons.push(reason);
        } else if latest > self.max {
            reasons.push(GuardReason::AboveZone {
                score: latest,
                max: self.max,
            });
        }
        let restricted = self.knee.restricted(date);
        let run = stopping.is_none() && !waiting;
        if restricted && stopping.is_none() {
            reasons.push(if latest > 0 {
                GuardReason::Sore {
                    score: latest,
                    max: self.max,
                }
            } else {
                GuardReason::RecentlyAboveZone {
                    days: self.window.num_days(),
                }
            });
        }
        if restricted && run && run_day {
            reasons.push(GuardReason::FlatGround);
        }
        DayRuling {
            run,
            cross_training: stopping.is_none(),
            strength: stopping.is_none(),
            deep_or_jumping: stopping.is_none() && !restricted,
            sore: latest > 0 || stopping.is_some(),
            may_progress: progression_hold.is_none() && latest <= self.max,
            reasons,
        }
    }

    /// Whether the week `first..=last` earns a build, given the dates of the
    /// runs that were planned in it (not swapped) and the history's outcomes.
    pub fn week(
        &self,
        first: NaiveDate,
        last: NaiveDate,
        planned_runs: &[NaiveDate],
        history: &History,
    ) -> WeekRuling {
        let mut reasons = Vec::new();
        let in_week = self.knee.between(first, last);
        let pain_above = in_week.iter().any(Assessed::scales_back);
        let held = self.knee.active_holds(last).next().is_some();
        let ended_in_week = |h: &&Hold| {
            h.end
                .is_some_and(|e| (first..=last).contains(&e.day()) && e.day() > h.since)
        };
        let released = !held
            && self
                .knee
                .holds()
                .iter()
                .filter(ended_in_week)
                .any(|h| matches!(h.end, Some(HoldEnd::Visit(_))));
        let settled = !held
            && !released
            && self
                .knee
                .holds()
                .iter()
                .filter(ended_in_week)
                .any(|h| matches!(h.end, Some(HoldEnd::Settled(_))));
        if released {
            reasons.push(GuardReason::HoldReleased);
        }
        let end = self.day(last, false);
        if !end.may_progress {
            // Soreness limits a day's exercises, not the week's growth.
            reasons.extend(
                end.reasons
                    .iter()
                    .filter(|r| {
                        !matches!(
                            r,
                            GuardReason::Sore { .. }
                                | GuardReason::RecentlyAboveZone { .. }
                                | GuardReason::FlatGround
                        )
                    })
                    .cloned(),
            );
        }
        let ran = planned_runs.iter().any(|d| {
            history.outcome(*d, SessionType::Run) == Some(SessionResult::Done)
                || in_week
                    .iter()
                    .any(|a| a.date() == *d && run_moment(a.checkin.moment))
        });
        // A week a hold stopped, or a visit ended, had nothing to miss.
        let quiet = released || self.knee.stopping_hold(last).is_some();
        if !ran && !quiet {
            reasons.push(GuardReason::NoRunDone);
        }
        if in_week.is_empty() && !quiet {
            reasons.push(GuardReason::NoCheckIn);
        }
        if let Some(a) = in_week.iter().find(|a| a.checkin.score > self.max) {
            reasons.push(GuardReason::PainAboveZoneInWeek {
                score: a.checkin.score,
            });
        }
        if in_week.iter().any(is_sharp) {
            reasons.push(GuardReason::SharpInWeek);
        }
        if let Some((from, to)) = self.worsening_across_days(first, last) {
            reasons.push(GuardReason::WorseningAcrossDays { from, to });
        }
        let may_build = !held && !released && !pain_above && end.may_progress && reasons.is_empty();
        if settled && may_build {
            reasons.push(GuardReason::TrendSettled);
        }
        WeekRuling {
            pain_above,
            held,
            training_held: self.knee.stopping_hold(last).is_some(),
            released,
            may_build,
            reasons,
        }
    }

    /// A rise of `worsening_rise` or more between a check-in in the week and
    /// the latest check-in of the same moment on an earlier day (next morning
    /// against next morning), within the week before.
    fn worsening_across_days(&self, first: NaiveDate, last: NaiveDate) -> Option<(u8, u8)> {
        let earlier = self.knee.between(first - Duration::days(7), last);
        self.knee.between(first, last).iter().find_map(|a| {
            let before = earlier
                .iter()
                .rev()
                .filter(|p| p.date() < a.date())
                .find(|p| p.checkin.moment == a.checkin.moment)?;
            (a.checkin.score >= before.checkin.score.saturating_add(self.rise))
                .then_some((before.checkin.score, a.checkin.score))
        })
    }

    /// Run days that become cross-training: a check-in above the zone (or a
    /// stop) swaps the next run, the same day's when the pain came before
    /// it, else the next run day (article 002).
    pub fn swapped_run_days(&self, is_run_day: impl Fn(NaiveDate) -> bool) -> Vec<NaiveDate> {
        let next_run = |from: NaiveDate| {
            (0..7)
                .filter_map(|i| from.checked_add_signed(Duration::days(i)))
                .find(|d| is_run_day(*d))
        };
        let mut out: Vec<NaiveDate> = self
            .knee
            .assessed()
            .iter()
            .filter(|a| a.scales_back())
            .filter_map(|a| {
                let same_day = matches!(
                    a.checkin.moment,
                    CheckInMoment::BeforeRun | CheckInMoment::NextMorning
                );
                let from = if same_day {
                    Some(a.date())
                } else {
                    a.date().succ_opt()
                };
                next_run(from?)
            })
            .collect();
        out.sort();
        out.dedup();
        out
    }

    /// Pain above the zone when the plan starts: in the profile, or in the
    /// week before the start. The first week then starts a step lower.
    pub fn above_zone_before(&self, start: NaiveDate) -> bool {
        self.profile_pain > self.max
            || self
                .knee
                .between(start - Duration::days(7), start - Duration::days(1))
                .iter()
                .any(Assessed::scales_back)
    }

    /// Whether the knee allows the advanced strength phase on `date`: no
    /// pain for the configured weeks (article 001: deep loaded bending and
    /// jumping wait until pain-free) and no hold.
    pub fn advanced_strength(&self, date: NaiveDate, pain_free_weeks: u16) -> bool {
        let pain_free = self
            .knee
            .pain_free_days(date)
            .is_none_or(|d| d >= 7 * i64::from(pain_free_weeks));
        pain_free && self.knee.active_holds(date).next().is_none()
    }

    /// The holds still open on `as_of` (one per open condition: the knee
    /// timeline opens no second hold of a kind while one is open), for the
    /// plan's advisories. Holds opened after `as_of` are not yet known then.
    pub fn open_holds(&self, as_of: NaiveDate) -> Vec<&Hold> {
        self.knee.active_holds(as_of).collect()
    }
}
