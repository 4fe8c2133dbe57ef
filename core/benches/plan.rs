//! Generating a 12-week plan from a history: the goal is well under 1 ms.

use std::hint::black_box;

use chrono::{NaiveDate, Weekday};
use criterion::{Criterion, criterion_group, criterion_main};
use patella_core::coach::profile::{CurrentRunning, RiskFactors};
use patella_core::coach::{
    Catalogue, CoachConfig, EquipmentItem, ExperienceLevel, History, MarkedSession, Profile,
    RunningGoal, SessionResult, SessionType, build_plan,
};
use patella_core::pain::{CheckIn, CheckInMoment};

fn history(experience: ExperienceLevel, minutes: u32, goal: RunningGoal) -> History {
    let start = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap_or_default();
    let profile = Profile {
        experience,
        current: CurrentRunning {
            weekly_minutes: Some(minutes),
            weekly_km: None,
            days_per_week: 3,
            preferred_days: vec![Weekday::Tue, Weekday::Thu, Weekday::Sat],
        },
        goal,
        equipment: vec![
            EquipmentItem::LoopBand,
            EquipmentItem::Wall,
            EquipmentItem::Chair,
            EquipmentItem::Bosu,
        ],
        risk_factors: RiskFactors::default(),
        knee_pain: 2,
        strength_days_per_week: Some(2),
        cadence_baseline_spm: None,
    };
    let mut h = History::new(profile, start);
    for week in 0..6i64 {
        let date = start + chrono::Duration::days(7 * week + 1);
        h.check_ins.push(CheckIn {
            taken_at: date.and_hms_opt(19, 0, 0).unwrap_or_default(),
            score: if week == 3 { 6 } else { 3 },
            moment: CheckInMoment::AfterRun,
            quality: None,
            location: None,
            red_flags: vec![],
        });
        h.outcomes.push(MarkedSession {
            date,
            kind: SessionType::Run,
            status: SessionResult::Done,
        });
    }
    h
}

fn bench(c: &mut Criterion) {
    let Ok(catalogue) = Catalogue::builtin() else {
        return;
    };
    let config = CoachConfig::default();
    let new_runner = history(
        ExperienceLevel::NewToRunning,
        0,
        RunningGoal::Continuous15Minutes,
    );
    let regular = history(
        ExperienceLevel::Regular,
        150,
        RunningGoal::WeeklyDistance { target_km: 40.0 },
    );
    c.bench_function("plan_12_weeks_new_runner", |b| {
        b.iter(|| build_plan(black_box(&new_runner), 12, catalogue, &config))
    });
    c.bench_function("plan_12_weeks_regular_with_pain", |b| {
        b.iter(|| build_plan(black_box(&regular), 12, catalogue, &config))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
