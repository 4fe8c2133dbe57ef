//! The cadence target's baseline and step-up schedule (source: article 004:
//! measure the baseline, raise 5-10% in total, about 5% at a time, never in
//! one jump; article 002: aim for 165-180 steps per minute).

use patella_core::cadence::{StepUpSchedule, TargetConfig, TargetError, baseline_from_runs};

// source: article 004 (measure your baseline)
#[test]
fn baseline_is_the_median_of_the_first_runs() {
    let cfg = TargetConfig::default();
    assert_eq!(baseline_from_runs(&[152.0, 160.0, 148.0], &cfg), Ok(152.0));
    assert_eq!(baseline_from_runs(&[150.0, 156.0], &cfg), Ok(153.0));
    assert_eq!(baseline_from_runs(&[], &cfg), Err(TargetError::NoRuns));
    let err = baseline_from_runs(&[150.0, 40.0], &cfg).unwrap_err();
    assert!(err.to_string().starts_with("runs[1]:"), "{err}");
}

// source: article 004 (about 5% at a time, 5-10% in all)
#[test]
fn a_low_baseline_rises_ten_percent_in_two_steps() {
    let s = StepUpSchedule::new(150.0, &TargetConfig::default()).unwrap();
    assert_eq!(s.targets, vec![158.0, 165.0]);
    assert_eq!(s.target_at(0), 150.0);
    assert_eq!(s.target_at(1), 158.0);
    assert_eq!(s.goal(), 165.0);
    assert_eq!(s.target_at(9), 165.0);
}

// source: article 004 (never one jump) and 002 (165-180)
#[test]
fn no_step_exceeds_about_five_percent_and_the_goal_stays_in_the_aim() {
    let cfg = TargetConfig::default();
    for baseline in (120..=230).map(f64::from) {
        let s = StepUpSchedule::new(baseline, &cfg).unwrap();
        let mut previous = baseline.round();
        for t in &s.targets {
            let rise = t / previous - 1.0;
            assert!(
                rise > 0.0 && rise <= 0.055,
                "baseline {baseline}: {previous} -> {t}"
            );
            previous = *t;
        }
        let total = s.goal() / baseline - 1.0;
        assert!(total <= 0.10 + 0.005, "baseline {baseline}: total {total}");
        assert!(
            s.goal() <= cfg.aim_high_spm.max(baseline.round()),
            "baseline {baseline}"
        );
        if baseline < cfg.aim_low_spm {
            assert!(total >= 0.05 - 0.005, "baseline {baseline}: total {total}");
        }
    }
}

// source: article 002 (165-180): a runner already at the top is not pushed further
#[test]
fn a_baseline_inside_or_above_the_aim() {
    let cfg = TargetConfig::default();
    assert_eq!(
        StepUpSchedule::new(168.0, &cfg).unwrap().targets,
        vec![176.0]
    );
    assert_eq!(
        StepUpSchedule::new(176.0, &cfg).unwrap().targets,
        vec![180.0]
    );
    assert!(StepUpSchedule::new(185.0, &cfg).unwrap().targets.is_empty());
    assert!(
        StepUpSchedule::new(f64::NAN, &cfg)
            .unwrap_err()
            .to_string()
            .starts_with("baseline_spm:")
    );
}
