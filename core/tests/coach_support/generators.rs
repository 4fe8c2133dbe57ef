//! Generators of runner profiles and multi-week histories for the coach's
//! property tests, and an independent reading of when a training hold
//! starts (the oracle the safety properties check the coach against).

use chrono::{Duration, Weekday};
use patella_core::coach::profile::{CurrentRunning, RiskFactors};
use patella_core::coach::{
    EquipmentItem, ExperienceLevel, GearChange, GearChangeType, History, MarkedSession, Profile,
    RunningGoal, SessionResult, SessionType,
};
use patella_core::pain::{CheckIn, CheckInMoment, PainQuality, RedFlag};
use proptest::prelude::*;

use super::{at, day, start};

pub const EQUIPMENT: [EquipmentItem; 9] = [
    EquipmentItem::LoopBand,
    EquipmentItem::LongBand,
    EquipmentItem::StepOrStair,
    EquipmentItem::Chair,
    EquipmentItem::Wall,
    EquipmentItem::Bosu,
    EquipmentItem::Box,
    EquipmentItem::Dumbbells,
    EquipmentItem::FoamRoller,
];

pub const DAYS: [Weekday; 7] = [
    Weekday::Mon,
    Weekday::Tue,
    Weekday::Wed,
    Weekday::Thu,
    Weekday::Fri,
    Weekday::Sat,
    Weekday::Sun,
];

pub fn goal() -> impl Strategy<Value = RunningGoal> {
    prop_oneof![
        Just(RunningGoal::Continuous15Minutes),
        (1.0f64..120.0).prop_map(|target_km| RunningGoal::WeeklyDistance { target_km }),
        Just(RunningGoal::Faster),
        Just(RunningGoal::ReturnWithRunnersKnee),
    ]
}

pub fn profile() -> impl Strategy<Value = Profile> {
    (
        prop_oneof![
            Just(ExperienceLevel::NewToRunning),
            Just(ExperienceLevel::Returning),
            Just(ExperienceLevel::Regular)
        ],
        0u32..600,
        1u8..=4,
        any::<bool>(),
        Just(DAYS.to_vec()).prop_shuffle(),
        goal(),
        proptest::collection::vec(any::<bool>(), 9),
        (
            proptest::option::of(15u8..95),
            any::<bool>(),
            any::<bool>(),
            any::<bool>(),
            proptest::option::of(45.0f64..140.0),
        ),
        0u8..=10,
        prop_oneof![Just(None), Just(Some(2u8)), Just(Some(3u8))],
    )
        .prop_map(
            |(
                experience,
                minutes,
                days,
                preferred,
                order,
                goal,
                owned,
                risk,
                knee_pain,
                strength,
            )| {
                let (age, oa, op, balance, kg) = risk;
                let mut preferred_days = if preferred {
                    order[..usize::from(days)].to_vec()
                } else {
                    vec![]
                };
                preferred_days.sort_by_key(|d| d.num_days_from_monday());
                Profile {
                    experience,
                    current: CurrentRunning {
                        weekly_minutes: Some(if experience == ExperienceLevel::NewToRunning {
                            0
                        } else {
                            minutes
                        }),
                        weekly_km: None,
                        days_per_week: days,
                        preferred_days,
                    },
                    goal,
                    equipment: EQUIPMENT
                        .iter()
                        .zip(owned)
                        .filter(|(_, o)| *o)
                        .map(|(e, _)| *e)
                        .collect(),
                    risk_factors: RiskFactors {
                        age_years: age,
                        osteoarthritis: oa,
                        osteoporosis: op,
                        balance_problems: balance,
                        body_mass_kg: kg,
                        height_cm: kg.map(|_| 170.0),
                    },
                    knee_pain,
                    strength_days_per_week: strength.filter(|n| *n == 2 || days <= 3),
                    cadence_baseline_spm: None,
                }
            },
        )
}

pub fn moment() -> impl Strategy<Value = CheckInMoment> {
    prop_oneof![
        Just(CheckInMoment::BeforeRun),
        Just(CheckInMoment::DuringRun),
        Just(CheckInMoment::AfterRun),
        Just(CheckInMoment::NextMorning),
        Just(CheckInMoment::DuringStrength),
    ]
}

pub fn checkin() -> impl Strategy<Value = CheckIn> {
    (
        -7i64..84,
        6u32..22,
        0u8..=10,
        moment(),
        any::<bool>(),
        0u8..40,
    )
        .prop_map(|(offset, hour, score, moment, sharp, flag)| CheckIn {
            taken_at: at(offset, hour),
            score,
            moment,
            quality: sharp.then_some(PainQuality::Sharp),
            location: None,
            red_flags: match flag {
                0 => vec![RedFlag::Swelling],
                1 => vec![RedFlag::GivingWay],
                2 => vec![RedFlag::LossOfFunction],
                3 => vec![RedFlag::RadiatingPain],
                _ => vec![],
            },
        })
}

pub fn outcome() -> impl Strategy<Value = MarkedSession> {
    (0i64..84, any::<bool>(), any::<bool>()).prop_map(|(offset, run, done)| MarkedSession {
        date: day(offset),
        kind: if run {
            SessionType::Run
        } else {
            SessionType::Strength
        },
        status: if done {
            SessionResult::Done
        } else {
            SessionResult::Skipped
        },
    })
}

pub fn history() -> impl Strategy<Value = History> {
    (
        profile(),
        proptest::collection::vec(checkin(), 0..24),
        proptest::collection::vec(outcome(), 0..20),
        proptest::collection::vec(-5i64..84, 0..3),
        proptest::collection::vec(0i64..84, 0..2),
    )
        .prop_map(|(profile, check_ins, outcomes, gear, visits)| History {
            measured_cadence_spm: None,
            profile,
            plan_start: start(),
            check_ins,
            outcomes,
            gear_changes: gear
                .into_iter()
                .map(|o| GearChange {
                    date: day(o),
                    kind: GearChangeType::Surface,
                })
                .collect(),
            clinician_visits: visits
                .into_iter()
                .map(|d| patella_core::moment::end_of_day(day(d)))
                .collect(),
        })
}

/// One day of a runner who trains and reports most days: maybe a check-in
/// (mostly low scores, sometimes sharp, rarely a red flag), and the run,
/// if one was planned, mostly done.
/// A day's check-in (hour, score, moment, sharp, flag draw), if any.
pub type DayCheckIn = Option<(u32, u8, CheckInMoment, bool, u8)>;

pub fn day_entry() -> impl Strategy<Value = (DayCheckIn, bool)> {
    (
        proptest::option::weighted(
            0.7,
            (
                6u32..22,
                prop_oneof![12 => 0u8..=2, 1 => 3u8..=10],
                moment(),
                proptest::bool::weighted(0.02),
                0u8..250,
            ),
        ),
        proptest::bool::weighted(0.95),
    )
}

/// Histories dense enough that weeks build, hold and step back.
pub fn active_history() -> impl Strategy<Value = History> {
    (
        profile(),
        proptest::collection::vec(day_entry(), 84),
        proptest::collection::vec(0i64..84, 0..2),
    )
        .prop_map(|(profile, days, visits)| {
            let mut h = History::new(profile, start());
            for (i, (entry, done)) in days.into_iter().enumerate() {
                let offset = i as i64;
                if let Some((hour, score, moment, sharp, flag)) = entry {
                    h.check_ins.push(CheckIn {
                        taken_at: at(offset, hour),
                        score,
                        moment,
                        quality: sharp.then_some(PainQuality::Sharp),
                        location: None,
                        red_flags: match flag {
                            0 => vec![RedFlag::Swelling],
                            1 => vec![RedFlag::GivingWay],
                            _ => vec![],
                        },
                    });
                }
                h.outcomes.push(MarkedSession {
                    date: day(offset),
                    kind: SessionType::Run,
                    status: if done {
                        SessionResult::Done
                    } else {
                        SessionResult::Skipped
                    },
                });
            }
            h.clinician_visits = visits
                .into_iter()
                .map(|d| patella_core::moment::end_of_day(day(d)))
                .collect();
            h
        })
}

/// Either generator: sparse random histories or dense active ones.
pub fn any_history() -> impl Strategy<Value = History> {
    prop_oneof![history(), active_history()]
}

/// Check-ins in the order the coach reads them: by time, ties in entry order.
pub fn in_time_order(h: &History) -> Vec<&CheckIn> {
    let mut sorted: Vec<&CheckIn> = h.check_ins.iter().collect();
    sorted.sort_by_key(|c| c.taken_at);
    sorted
}

/// The dates on which a training hold begins, worked out from the rules as
/// issue 18 states them: a red flag, sharp pain on 2 days within 28 (only
/// sharp pain since the last visit counts), or 3 sharp check-ins in a row.
pub fn hold_starts(h: &History) -> Vec<chrono::NaiveDate> {
    let sorted = in_time_order(h);
    let sharp = |c: &CheckIn| c.quality == Some(PainQuality::Sharp);
    let mut out = Vec::new();
    for (i, c) in sorted.iter().enumerate() {
        let d = c.taken_at.date();
        if !c.red_flags.is_empty() {
            out.push(d);
        }
        if !sharp(c) {
            continue;
        }
        let since_visit = |p: &&&CheckIn| {
            !h.clinician_visits
                .iter()
                .any(|v| *v >= p.taken_at && *v < c.taken_at)
        };
        let mut days: Vec<_> = sorted[..=i]
            .iter()
            .filter(since_visit)
            .filter(|p| sharp(p) && p.taken_at.date() >= d - Duration::days(27))
            .map(|p| p.taken_at.date())
            .collect();
        days.dedup();
        let in_a_row = i >= 2
            && sorted[i - 2..=i]
                .iter()
                .filter(since_visit)
                .all(|p| sharp(p))
            && sorted[i - 2..=i].iter().filter(since_visit).count() == 3;
        if days.len() >= 2 || in_a_row {
            out.push(d);
        }
    }
    out
}
