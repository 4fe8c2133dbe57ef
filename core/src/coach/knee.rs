//! The knee's timeline, read from the check-ins: each check-in assessed,
//! the latest score on a day, how long it has been pain-free, and the holds
//! that wait for a clinician (red flags, repeated sharp pain, trends). These
//! are facts; what they allow is decided in one place, `guard`.

use chrono::{Duration, NaiveDate};

use super::config::CoachConfig;
use super::history::History;
use super::plan::HoldReason;
use crate::pain::{self, CheckIn, PainAssessment, PainZone};

/// A check-in with its assessment, in time order.
#[derive(Debug, Clone)]
pub struct Assessed {
    pub checkin: CheckIn,
    pub assessment: PainAssessment,
}

impl Assessed {
    pub fn date(&self) -> NaiveDate {
        self.checkin.taken_at.date()
    }

    /// Above the zone, stopped, or sent to a clinician: running scales back.
    pub fn scales_back(&self) -> bool {
        self.assessment.zone >= PainZone::AboveBuffer
    }
}

/// Assesses every check-in, each against the lowest earlier check-in of the
/// same activity on the same day, so pain that creeps up one point at a time
/// is caught as surely as a jump (article 001).
pub fn assess_all(history: &History, config: &CoachConfig) -> Vec<Assessed> {
    let mut sorted: Vec<&CheckIn> = history.check_ins.iter().collect();
    sorted.sort_by_key(|c| c.taken_at);
    let mut out: Vec<Assessed> = Vec::with_capacity(sorted.len());
    for (i, c) in sorted.iter().enumerate() {
        let earlier = sorted[..i]
            .iter()
            .filter(|p| {
                p.moment == c.moment
                    && p.moment.is_during_activity()
                    && p.taken_at.date() == c.taken_at.date()
            })
            .min_by_key(|p| p.score);
        out.push(Assessed {
            checkin: (*c).clone(),
            assessment: pain::assess(c, earlier.copied(), &config.pain),
        });
    }
    out
}

/// A hold on progression until the runner confirms seeing a clinician.
#[derive(Debug, Clone, PartialEq)]
pub struct Hold {
    pub since: NaiveDate,
    pub reason: HoldReason,
    /// A visit on or after this date releases the hold.
    pub released_by_visit_from: NaiveDate,
}

fn is_sharp(a: &Assessed) -> bool {
    a.checkin.quality == Some(crate::pain::PainQuality::Sharp)
}

/// Repeated sharp pain holds training like a red flag (articles 001 and
/// 004 send sharp, persistent pain to a professional). The counts are the
/// project's threshold: `sharp_days_in_week` distinct days within seven, or
/// `sharp_in_a_row` check-ins in a row. One hold per episode: a later sharp
/// check-in adds no second hold until a visit has released the first.
fn sharp_holds(assessed: &[Assessed], visits: &[NaiveDate], config: &CoachConfig) -> Vec<Hold> {
    let mut holds: Vec<Hold> = Vec::new();
    for (i, a) in assessed.iter().enumerate() {
        if !is_sharp(a) {
            continue;
        }
        let day = a.date();
        let week_start = day - Duration::days(6);
        let mut days: Vec<NaiveDate> = assessed[..=i]
            .iter()
            .filter(|p| is_sharp(p) && p.date() >= week_start)
            .map(Assessed::date)
            .collect();
        days.dedup();
        let run = usize::from(config.sharp_in_a_row.max(1));
        let in_a_row = i + 1 >= run && assessed[i + 1 - run..=i].iter().all(is_sharp);
        if days.len() < usize::from(config.sharp_days_in_week.max(1)) && !in_a_row {
            continue;
        }
        let open = holds
            .last()
            .is_some_and(|h| !visits.iter().any(|v| *v >= h.since && *v <= day));
        if open {
            continue;
        }
        holds.push(Hold {
            since: day,
            reason: HoldReason::SharpPain { days },
            released_by_visit_from: day,
        });
    }
    holds
}

pub struct KneeTimeline {
    assessed: Vec<Assessed>,
    profile_pain: u8,
    profile_above: bool,
    start: NaiveDate,
    window: Duration,
    holds: Vec<Hold>,
    visits: Vec<NaiveDate>,
}

impl KneeTimeline {
    pub fn new(history: &History, config: &CoachConfig) -> Self {
        let assessed = assess_all(history, config);
        let mut holds = Vec::new();
        for a in &assessed {
            if a.assessment.zone == PainZone::SeeClinician {
                let mut flags = a.checkin.red_flags.clone();
                flags.sort();
                flags.dedup();
                holds.push(Hold {
                    since: a.date(),
                    reason: HoldReason::RedFlags { flags },
                    released_by_visit_from: a.date(),
                });
            }
        }
        let visit_days: Vec<NaiveDate> =
            history.clinician_visits.iter().map(|v| v.date()).collect();
        holds.extend(sharp_holds(&assessed, &visit_days, config));
        // The trend is judged on each day a check-in arrives; a visit within
        // the trend's window means it was already seen to.
        let checkins: Vec<CheckIn> = assessed.iter().map(|a| a.checkin.clone()).collect();
        let mut days: Vec<NaiveDate> = assessed.iter().map(Assessed::date).collect();
        days.dedup();
        let window_days = 7 * i64::from(config.trend.weeks.max(2)) - 1;
        for day in days {
            let Some(trend) = pain::trend(&checkins, day, &config.trend) else {
                continue;
            };
            let window_start = day - Duration::days(window_days);
            let seen = visit_days.iter().any(|v| *v >= window_start && *v <= day);
            let already = holds.iter().any(|h| {
                matches!(h.reason, HoldReason::Trend { .. })
                    && h.released_by_visit_from >= window_start
            });
            if !seen && !already {
                holds.push(Hold {
                    since: day,
                    reason: HoldReason::Trend { trend },
                    released_by_visit_from: window_start,
                });
            }
        }
        let mut visits = visit_days;
        visits.sort();
        Self {
            assessed,
            profile_pain: history.profile.knee_pain,
            profile_above: history.profile.knee_pain > config.pain.buffer_zone_max,
            start: history.plan_start,
            window: Duration::days(i64::from(config.pain_free_window_days)),
            holds,
            visits,
        }
    }

    pub fn assessed(&self) -> &[Assessed] {
        &self.assessed
    }

    /// The last known pain score on `day`: the latest check-in up to it, or
    /// the profile's pain when none has come in yet.
    pub fn latest_score(&self, day: NaiveDate) -> u8 {
        self.assessed
            .iter()
            .rev()
            .find(|a| a.date() <= day)
            .map_or(self.profile_pain, |a| a.checkin.score)
    }

    fn last_above(&self, day: NaiveDate) -> Option<NaiveDate> {
        let from_checkins = self
            .assessed
            .iter()
            .rev()
            .find(|a| a.date() <= day && a.scales_back())
            .map(|a| a.date());
        let from_profile = (self.profile_above && self.start <= day).then_some(self.start);
        from_checkins.max(from_profile)
    }

    /// Sore now, or inside the pain-free window after pain above the zone:
    /// no plyometrics and no deep bending under load (article 001).
    pub fn restricted(&self, day: NaiveDate) -> bool {
        self.latest_score(day) > 0 || self.last_above(day).is_some_and(|c| day - c < self.window)
    }

    /// Whole days since the knee last hurt, or `None` if it never has.
    pub fn pain_free_days(&self, day: NaiveDate) -> Option<i64> {
        let last = self
            .assessed
            .iter()
            .rev()
            .find(|a| a.date() <= day && a.checkin.score > 0)
            .map(|a| a.date())
            .or((self.profile_pain > 0).then_some(self.start));
        if self.latest_score(day) > 0 {
            return Some(0);
        }
        last.map(|d| (day - d).num_days().max(0))
    }

    /// The holds still waiting for a visit on `day`.
    pub fn active_holds(&self, day: NaiveDate) -> Vec<&Hold> {
        self.holds
            .iter()
            .filter(|h| {
                h.since <= day
                    && !self
                        .visits
                        .iter()
                        .any(|v| *v >= h.released_by_visit_from && *v <= day)
            })
            .collect()
    }

    /// Holds on `day` that stop running and loaded knee work.
    pub fn stopping_hold(&self, day: NaiveDate) -> Option<&Hold> {
        self.active_holds(day)
            .into_iter()
            .find(|h| h.reason.stops_training())
    }

    /// The latest check-in on or before `day`.
    pub fn latest(&self, day: NaiveDate) -> Option<&Assessed> {
        self.assessed.iter().rev().find(|a| a.date() <= day)
    }

    pub fn holds(&self) -> &[Hold] {
        &self.holds
    }

    /// The first recorded visit that releases `hold`, if any.
    pub fn releasing_visit(&self, hold: &Hold) -> Option<NaiveDate> {
        self.visits
            .iter()
            .copied()
            .find(|v| *v >= hold.released_by_visit_from && *v >= hold.since)
    }

    /// Holds never released by any recorded visit.
    pub fn open_holds(&self) -> Vec<&Hold> {
        self.holds
            .iter()
            .filter(|h| !self.visits.iter().any(|v| *v >= h.released_by_visit_from))
            .collect()
    }

    /// Check-ins from `first` to `last` inclusive.
    pub fn between(&self, first: NaiveDate, last: NaiveDate) -> impl Iterator<Item = &Assessed> {
        self.assessed
            .iter()
            .filter(move |a| a.date() >= first && a.date() <= last)
    }
}
