//! The progress views, one rule at a time, each with its source article.

use chrono::{Days, NaiveDate, NaiveDateTime};
use patella_core::pain::{CheckIn, CheckInMoment};
use patella_core::progress::{
    ProgressConfig, ProgressImprovement, ProgressMilestone, cadence_chart, improvement_signal,
    pain_chart, progress_view, streaks, weekly_volume,
};
use patella_core::store::{Outcome, Records, RunRecord, SessionRecord};

/// Monday 2 March 2026, plus `n` days.
fn day(n: u64) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 2)
        .and_then(|d| d.checked_add_days(Days::new(n)))
        .expect("date")
}

fn at(n: u64, hour: u32) -> NaiveDateTime {
    day(n).and_hms_opt(hour, 0, 0).expect("time")
}

fn check_in(n: u64, score: u8, moment: CheckInMoment) -> CheckIn {
    CheckIn {
        taken_at: at(n, 8),
        score,
        moment,
        quality: None,
        location: None,
        red_flags: vec![],
    }
}

fn run(n: u64, distance_m: u32, cadence: Option<f64>, target: Option<f64>) -> RunRecord {
    RunRecord {
        id: format!("run-{n}"),
        started_at: at(n, 7),
        duration_s: 1800,
        distance_m,
        average_cadence_spm: cadence,
        target_cadence_spm: target,
        marks: Default::default(),
        cadence_trace: vec![],
    }
}

fn done(n: u64) -> SessionRecord {
    SessionRecord {
        date: day(n),
        session_id: format!("s{n}"),
        outcome: Outcome::Done,
    }
}

// source: article 002 (pain buffer zone: 0-10 scale, above 5 scale back)
#[test]
fn pain_is_charted_per_kind_with_points_above_the_buffer_marked() {
    let check_ins = vec![
        check_in(3, 6, CheckInMoment::AfterRun),
        check_in(1, 5, CheckInMoment::AfterRun),
        check_in(2, 2, CheckInMoment::NextMorning),
        check_in(30, 9, CheckInMoment::NextMorning), // after "today": left out
    ];
    let chart = pain_chart(&check_ins, 5, day(10));
    assert_eq!(chart.buffer_zone_max, 5);
    assert_eq!(chart.series.len(), 2);
    let after = &chart.series[0];
    assert_eq!(after.moment, CheckInMoment::AfterRun);
    let scores: Vec<(u8, bool)> = after
        .points
        .iter()
        .map(|p| (p.score, p.above_buffer))
        .collect();
    assert_eq!(
        scores,
        vec![(5, false), (6, true)],
        "oldest first; 5 is inside the zone, 6 above"
    );
    assert_eq!(chart.series[1].moment, CheckInMoment::NextMorning);
    assert_eq!(chart.series[1].points.len(), 1);
}

// source: article 000 (distance grows by no more than 10% a week)
#[test]
fn weekly_volume_is_held_against_ten_percent_more_than_the_week_before() {
    let runs = vec![
        run(0, 5_000, None, None),
        run(2, 5_000, None, None),   // week 1: 10 km
        run(7, 11_000, None, None),  // week 2: 11 km, exactly +10%
        run(14, 12_200, None, None), // week 3: 12.2 km > 12.1 km cap
        // week 4: nothing
        run(28, 8_000, None, None), // week 5: after a week off, no cap
    ];
    let weeks = weekly_volume(&runs, day(29), 1.10);
    let rows: Vec<(u32, Option<u32>, bool)> = weeks
        .iter()
        .map(|w| (w.distance_m, w.cap_m, w.over_cap))
        .collect();
    assert_eq!(
        rows,
        vec![
            (10_000, None, false),
            (11_000, Some(11_000), false),
            (12_200, Some(12_100), true),
            (0, Some(13_420), false),
            (8_000, None, false),
        ]
    );
    assert_eq!(weeks[0].week_start, day(0));
    assert_eq!(weeks[0].runs, 2);
    assert!(weekly_volume(&[], day(0), 1.10).is_empty());
}

// source: articles 002 and 004 (cadence target, 165-180 steps/min)
#[test]
fn cadence_per_run_is_measured_against_its_own_target() {
    let runs = vec![
        run(1, 5000, Some(172.0), Some(175.0)),
        run(0, 5000, Some(173.5), Some(175.0)),
        run(2, 5000, Some(169.0), None),
        run(3, 5000, None, Some(175.0)),
    ];
    let chart = cadence_chart(&runs, day(10), 170.0, 2.0);
    assert_eq!(chart.recommended_range_spm, (165.0, 180.0));
    let rows: Vec<(&str, f64, f64, bool)> = chart
        .runs
        .iter()
        .map(|r| (r.run_id.as_str(), r.target_spm, r.gap_spm, r.on_target))
        .collect();
    assert_eq!(
        rows,
        vec![
            ("run-0", 175.0, -1.5, true),
            ("run-1", 175.0, -3.0, false),
            ("run-2", 170.0, -1.0, true),
        ],
        "oldest first, a run without cadence is left out, a run without target gets the default"
    );
}

// source: article 004 (steadier knees in 4-6 weeks, deeper protection after 8-12)
#[test]
fn streaks_count_consistent_weeks_and_the_milestones_follow() {
    // Five weeks with two active days each, then one day so far this week.
    let mut sessions = Vec::new();
    let mut runs = Vec::new();
    for week in 0..5u64 {
        sessions.push(done(week * 7));
        runs.push(run(week * 7 + 3, 4000, None, None));
    }
    sessions.push(done(35));
    let today = day(36);
    let s = streaks(&sessions, &runs, today, 2);
    assert_eq!(
        (s.current_weeks, s.longest_weeks, s.active_days_this_week),
        (5, 5, 1)
    );
    let steadier = &s.milestones[0];
    assert_eq!(
        (steadier.milestone, steadier.from_weeks, steadier.to_weeks),
        (ProgressMilestone::SteadierKnees, 4, 6)
    );
    assert!(steadier.reached);
    let deeper = &s.milestones[1];
    assert_eq!(
        (deeper.milestone, deeper.from_weeks, deeper.to_weeks),
        (ProgressMilestone::DeeperProtection, 8, 12)
    );
    assert_eq!((deeper.reached, deeper.weeks_to_go), (false, 3));

    // A week with one active day only breaks the streak; skipped sessions do not count.
    let mut broken = sessions.clone();
    broken.retain(|s| s.date != day(14));
    broken.push(SessionRecord {
        outcome: Outcome::Skipped,
        ..done(15)
    });
    let s = streaks(&broken, &runs, day(50), 2);
    assert_eq!(
        (s.current_weeks, s.longest_weeks),
        (0, 2),
        "two weeks off at the end; longest was weeks 1-2"
    );
    let s = streaks(&broken, &runs, today, 2);
    assert_eq!(s.current_weeks, 2, "weeks 4-5 after the break");
    assert!(!s.milestones[0].reached);
    assert_eq!(s.milestones[0].weeks_to_go, 2);
}

fn daily(scores: impl Fn(u64) -> u8, days: u64) -> Vec<CheckIn> {
    (0..days)
        .map(|n| check_in(n, scores(n), CheckInMoment::NextMorning))
        .collect()
}

// source: article 002 (lack of improvement: see a doctor or physical therapist)
#[test]
fn the_improvement_signal_compares_the_last_three_weeks_with_the_three_before() {
    let config = ProgressConfig::default();
    let today = day(41);

    let flat = improvement_signal(&daily(|_| 4, 42), today, &config);
    assert_eq!(flat.status, ProgressImprovement::NoImprovement);
    assert_eq!(
        (flat.recent_mean, flat.earlier_mean),
        (Some(4.0), Some(4.0))
    );
    assert!(
        flat.advice
            .as_deref()
            .is_some_and(|a| a.contains("physical therapist"))
    );

    let easing = improvement_signal(&daily(|n| if n < 21 { 5 } else { 4 }, 42), today, &config);
    assert_eq!(easing.status, ProgressImprovement::Improving);
    assert_eq!(easing.advice, None);

    let barely = improvement_signal(
        &daily(
            |n| {
                if n < 21 {
                    5
                } else if n % 3 == 0 {
                    4
                } else {
                    5
                }
            },
            42,
        ),
        today,
        &config,
    );
    assert_eq!(
        barely.status,
        ProgressImprovement::NoImprovement,
        "a third of a point is within noise"
    );

    let low = improvement_signal(&daily(|_| 1, 42), today, &config);
    assert_eq!(low.status, ProgressImprovement::Settled);

    let new_runner = improvement_signal(&daily(|_| 4, 20), day(19), &config);
    assert_eq!(new_runner.status, ProgressImprovement::NotEnoughData);
}

#[test]
fn the_progress_view_gathers_every_chart_for_today() {
    let records = Records {
        check_ins: daily(|_| 3, 10),
        runs: vec![run(1, 5000, Some(168.0), Some(170.0))],
        sessions: vec![done(2)],
        ..Records::default()
    };
    let view = progress_view(&records, day(9), &ProgressConfig::default());
    assert_eq!(view.today, day(9));
    assert_eq!(view.pain.series[0].points.len(), 10);
    assert_eq!(view.weekly_volume.len(), 2);
    assert_eq!(view.cadence.runs.len(), 1);
    assert_eq!(view.streaks.longest_weeks, 1);
    assert_eq!(view.improvement.status, ProgressImprovement::NotEnoughData);
    let json = serde_json::to_value(&view).expect("serializes for the CLI and apps");
    assert_eq!(json["improvement"]["status"], "not_enough_data");
}
