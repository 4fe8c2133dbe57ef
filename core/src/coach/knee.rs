//! The knee's timeline, read from the check-ins: each check-in assessed,
//! the latest score on a day, how long it has been pain-free, and the holds
//! (red flags, recurring sharp pain, trends) with the moment each ends.
//! These are facts; what they allow is decided in one place, `guard`.
//!
//! Every fact for a day is read from check-ins up to that day, so a
//! check-in never changes a day before its own.

use chrono::{Duration, NaiveDate, NaiveDateTime};

use super::config::CoachConfig;
use super::history::History;
use super::plan::HoldReason;
use crate::pain::{self, CheckIn, CheckInMoment, DailyPain, PainAssessment, PainQuality, PainZone};

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

    fn is_sharp(&self) -> bool {
        self.checkin.quality == Some(PainQuality::Sharp)
    }

    /// Taken before the day's run could start: the same day's run is
    /// judged with it.
    fn before_the_run(&self) -> bool {
        matches!(
            self.checkin.moment,
            CheckInMoment::BeforeRun | CheckInMoment::NextMorning
        )
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
        let day = c.taken_at.date();
        let earlier = sorted[..i]
            .iter()
            .rev()
            .take_while(|p| p.taken_at.date() == day)
            .filter(|p| p.moment == c.moment && p.moment.is_during_activity())
            .min_by_key(|p| p.score);
        out.push(Assessed {
            checkin: (*c).clone(),
            assessment: pain::assess(c, earlier.copied(), &config.pain),
        });
    }
    out
}

/// How a hold ends.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum HoldEnd {
    /// The runner confirmed a clinician visit after the hold opened.
    Visit(NaiveDateTime),
    /// Pain settled (a trend hold only): the first day it had.
    Settled(NaiveDate),
}

impl HoldEnd {
    /// The first day the hold no longer applies.
    pub fn day(self) -> NaiveDate {
        match self {
            Self::Visit(at) => at.date(),
            Self::Settled(day) => day,
        }
    }

    fn moment(self) -> NaiveDateTime {
        match self {
            Self::Visit(at) => at,
            Self::Settled(day) => day.and_time(chrono::NaiveTime::MIN),
        }
    }
}

/// A hold on training or progression.
#[derive(Debug, Clone, PartialEq)]
pub struct Hold {
    pub since: NaiveDate,
    /// The moment of the check-in that opened it: only a visit confirmed
    /// after it releases it.
    pub opened_at: NaiveDateTime,
    pub reason: HoldReason,
    /// When it ended, if it has.
    pub end: Option<HoldEnd>,
}

impl Hold {
    /// Whether the hold applies on `day`.
    pub fn active_on(&self, day: NaiveDate) -> bool {
        self.since <= day && self.end.is_none_or(|e| day < e.day())
    }

    /// Whether the hold is open at `at` (opened, not yet ended).
    fn open_at(&self, at: NaiveDateTime) -> bool {
        self.opened_at <= at && self.end.is_none_or(|e| at < e.moment())
    }

    fn is_kind(&self, other: &HoldReason) -> bool {
        std::mem::discriminant(&self.reason) == std::mem::discriminant(other)
    }
}

/// The first visit that releases what was reported at `at`.
fn visit_after(visits: &[NaiveDateTime], at: NaiveDateTime) -> Option<HoldEnd> {
    let i = visits.partition_point(|v| *v < at);
    visits.get(i).map(|v| HoldEnd::Visit(*v))
}

/// Red flags and recurring sharp pain hold training (articles 001, 002 and
/// 004 send red flags and sharp, persistent pain to a professional). Sharp
/// pain counts when it comes on `sharp_days` distinct days within
/// `sharp_window_days`, or on `sharp_in_a_row` check-ins in a row (the
/// project's thresholds); only sharp pain since the last visit counts. One
/// hold of each kind at a time: what comes while one is open belongs to it.
fn stopping_holds(
    assessed: &[Assessed],
    visits: &[NaiveDateTime],
    config: &CoachConfig,
) -> Vec<Hold> {
    let mut holds: Vec<Hold> = Vec::new();
    let window = Duration::days(i64::from(config.sharp_window_days.max(1)) - 1);
    let needed_days = usize::from(config.sharp_days.max(1));
    let in_a_row = usize::from(config.sharp_in_a_row.max(1));
    for (i, a) in assessed.iter().enumerate() {
        let at = a.checkin.taken_at;
        let open = |reason: HoldReason, holds: &mut Vec<Hold>| {
            if !holds.iter().any(|h| h.is_kind(&reason) && h.open_at(at)) {
                holds.push(Hold {
                    since: a.date(),
                    opened_at: at,
                    reason,
                    end: visit_after(visits, at),
                });
            }
        };
        if a.assessment.zone == PainZone::SeeClinician {
            let mut flags = a.checkin.red_flags.clone();
            flags.sort();
            flags.dedup();
            open(HoldReason::RedFlags { flags }, &mut holds);
        }
        if !a.is_sharp() {
            continue;
        }
        let last_visit = visits.partition_point(|v| *v < at);
        let counted_from = last_visit
            .checked_sub(1)
            .and_then(|v| visits.get(v))
            .copied()
            .unwrap_or(NaiveDateTime::MIN);
        let recent = &assessed[..=i];
        let mut days: Vec<NaiveDate> = recent
            .iter()
            .filter(|p| p.is_sharp() && p.checkin.taken_at > counted_from)
            .map(Assessed::date)
            .filter(|d| *d >= a.date() - window)
            .collect();
        days.dedup();
        let row = recent.len() >= in_a_row
            && recent[recent.len() - in_a_row..]
                .iter()
                .all(|p| p.is_sharp() && p.checkin.taken_at > counted_from);
        if days.len() >= needed_days || row {
            open(HoldReason::SharpPain { days }, &mut holds);
        }
    }
    holds
}

/// A trend over weeks holds progression (article 002). It is judged on each
/// day a check-in arrives; a visit within the trend's window means it was
/// already seen to. It ends with a later visit, or by itself once pain has
/// settled.
fn trend_holds(
    assessed: &[Assessed],
    daily: &DailyPain,
    visits: &[NaiveDateTime],
    config: &CoachConfig,
) -> Vec<Hold> {
    let mut holds: Vec<Hold> = Vec::new();
    let window_days = 7 * i64::from(config.trend.weeks.max(2)) - 1;
    let settle_reach = 7 * i64::from(config.trend.settle_weeks.max(1));
    for &(day, _) in daily.days() {
        if holds.last().is_some_and(|h| h.active_on(day)) {
            continue;
        }
        let Some(trend) = daily.trend(day, &config.trend) else {
            continue;
        };
        let window_start = day - Duration::days(window_days);
        if visits
            .iter()
            .any(|v| v.date() >= window_start && v.date() <= day)
        {
            continue;
        }
        let opened_at = assessed
            .iter()
            .rev()
            .find(|a| a.date() == day)
            .map_or(day.and_time(chrono::NaiveTime::MIN), |a| a.checkin.taken_at);
        let settled = daily.last_day().and_then(|last| {
            let mut d = day.succ_opt()?;
            let until = last + Duration::days(settle_reach);
            while d <= until {
                if daily.settled(d, &config.trend) {
                    return Some(HoldEnd::Settled(d));
                }
                d = d.succ_opt()?;
            }
            None
        });
        let visit = visit_after(visits, opened_at);
        let end = match (visit, settled) {
            (Some(v), Some(s)) => Some(if v.day() <= s.day() { v } else { s }),
            (v, s) => v.or(s),
        };
        holds.push(Hold {
            since: day,
            opened_at,
            reason: HoldReason::Trend { trend },
            end,
        });
    }
    holds
}

pub struct KneeTimeline {
    assessed: Vec<Assessed>,
    /// Dates of check-ins that scaled back running, in order.
    above_dates: Vec<NaiveDate>,
    /// Dates of check-ins with any pain, in order.
    painful_dates: Vec<NaiveDate>,
    profile_pain: u8,
    profile_above: bool,
    start: NaiveDate,
    window: Duration,
    holds: Vec<Hold>,
}

impl KneeTimeline {
    pub fn new(history: &History, config: &CoachConfig) -> Self {
        let assessed = assess_all(history, config);
        let mut visits = history.clinician_visits.clone();
        visits.sort();
        let daily = DailyPain::new(assessed.iter().map(|a| &a.checkin));
        let mut holds = stopping_holds(&assessed, &visits, config);
        holds.extend(trend_holds(&assessed, &daily, &visits, config));
        holds.sort_by_key(|h| h.opened_at);
        let dates_where = |keep: fn(&Assessed) -> bool| -> Vec<NaiveDate> {
            assessed
                .iter()
                .filter(|a| keep(a))
                .map(Assessed::date)
                .collect()
        };
        Self {
            above_dates: dates_where(Assessed::scales_back),
            painful_dates: dates_where(|a| a.checkin.score > 0),
            assessed,
            profile_pain: history.profile.knee_pain,
            profile_above: history.profile.knee_pain > config.pain.buffer_zone_max,
            start: history.plan_start,
            window: Duration::days(i64::from(config.pain_free_window_days)),
            holds,
        }
    }

    pub fn assessed(&self) -> &[Assessed] {
        &self.assessed
    }

    /// Check-ins dated up to `day`.
    fn up_to(&self, day: NaiveDate) -> &[Assessed] {
        &self.assessed[..self.assessed.partition_point(|a| a.date() <= day)]
    }

    /// The last known pain score on `day`: the latest check-in up to it, or
    /// the profile's pain when none has come in yet.
    pub fn latest_score(&self, day: NaiveDate) -> u8 {
        self.up_to(day)
            .last()
            .map_or(self.profile_pain, |a| a.checkin.score)
    }

    /// The score the day's run is judged by: the latest check-in before the
    /// day, or of the day itself when taken before the run; the profile's
    /// pain when there is none.
    pub fn score_before_run(&self, day: NaiveDate) -> u8 {
        let before = &self.assessed[..self.assessed.partition_point(|a| a.date() < day)];
        self.up_to(day)[before.len()..]
            .iter()
            .rev()
            .find(|a| a.before_the_run())
            .or(before.last())
            .map_or(self.profile_pain, |a| a.checkin.score)
    }

    fn last_before(dates: &[NaiveDate], day: NaiveDate) -> Option<NaiveDate> {
        dates[..dates.partition_point(|d| *d <= day)]
            .last()
            .copied()
    }

    fn last_above(&self, day: NaiveDate) -> Option<NaiveDate> {
        let from_checkins = Self::last_before(&self.above_dates, day);
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
        if self.latest_score(day) > 0 {
            return Some(0);
        }
        Self::last_before(&self.painful_dates, day)
            .or((self.profile_pain > 0).then_some(self.start))
            .map(|d| (day - d).num_days().max(0))
    }

    /// The holds that apply on `day`.
    pub fn active_holds(&self, day: NaiveDate) -> impl Iterator<Item = &Hold> {
        self.holds.iter().filter(move |h| h.active_on(day))
    }

    /// The hold on `day` that stops running and loaded knee work.
    pub fn stopping_hold(&self, day: NaiveDate) -> Option<&Hold> {
        self.active_holds(day).find(|h| h.reason.stops_training())
    }

    pub fn holds(&self) -> &[Hold] {
        &self.holds
    }

    /// Check-ins from `first` to `last` inclusive.
    pub fn between(&self, first: NaiveDate, last: NaiveDate) -> &[Assessed] {
        let from = self.assessed.partition_point(|a| a.date() < first);
        &self.up_to(last)[from.min(self.up_to(last).len())..]
    }
}
