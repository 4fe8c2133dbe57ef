//! Profile validation: every rejection names the field at fault.

mod coach_support;

use chrono::Weekday;
use coach_support::{new_runner, regular};
use patella_core::coach::{EquipmentItem, ExperienceLevel, Profile, ProfileError, RunningGoal};

fn field_of(p: &Profile) -> &'static str {
    match p.validate() {
        Err(ProfileError::Invalid { field, .. }) => field,
        Ok(()) => "accepted",
    }
}

#[test]
fn valid_profiles_are_accepted() {
    assert_eq!(new_runner().validate(), Ok(()));
    assert_eq!(regular(120, RunningGoal::Faster).validate(), Ok(()));
}

#[test]
fn invalid_profiles_name_the_field() {
    type Edit = fn(&mut Profile);
    let cases: Vec<(&str, Edit)> = vec![
        ("current.days_per_week", |p| p.current.days_per_week = 0),
        // Two days stay free for strength work (article 004), one for rest.
        ("current.days_per_week", |p| p.current.days_per_week = 5),
        ("current.preferred_days", |p| {
            p.current.preferred_days = vec![Weekday::Mon]
        }),
        ("current.preferred_days", |p| {
            p.current.preferred_days = vec![Weekday::Mon, Weekday::Mon, Weekday::Fri]
        }),
        ("current.weekly_km", |p| p.current.weekly_km = Some(-3.0)),
        ("current.weekly_km", |p| {
            p.current.weekly_km = Some(f64::NAN)
        }),
        ("current.weekly_minutes", |p| {
            p.current.weekly_minutes = Some(5_000)
        }),
        ("current.weekly_minutes", |p| {
            p.experience = ExperienceLevel::Regular;
            p.current.weekly_minutes = None;
        }),
        ("goal.target_km", |p| {
            p.goal = RunningGoal::WeeklyDistance { target_km: 0.0 }
        }),
        ("equipment", |p| {
            p.equipment = vec![EquipmentItem::None, EquipmentItem::Bosu]
        }),
        ("equipment", |p| {
            p.equipment = vec![EquipmentItem::Box, EquipmentItem::Box]
        }),
        ("risk_factors.age_years", |p| {
            p.risk_factors.age_years = Some(4)
        }),
        ("risk_factors.body_mass_kg", |p| {
            p.risk_factors.body_mass_kg = Some(1.0)
        }),
        ("risk_factors.height_cm", |p| {
            p.risk_factors.height_cm = Some(20.0)
        }),
        ("knee_pain", |p| p.knee_pain = 11),
        ("strength_days_per_week", |p| {
            p.strength_days_per_week = Some(1)
        }),
        ("strength_days_per_week", |p| {
            p.strength_days_per_week = Some(4)
        }),
        ("strength_days_per_week", |p| {
            p.current.days_per_week = 4;
            p.current.preferred_days = vec![];
            p.strength_days_per_week = Some(3);
        }),
    ];
    for (field, edit) in cases {
        let mut p = new_runner();
        edit(&mut p);
        assert_eq!(field_of(&p), field);
        let message = p.validate().expect_err("rejected").to_string();
        assert!(message.starts_with(field), "{message}");
    }
}

#[test]
fn profiles_read_from_json_with_weekday_names() {
    let json = r#"{
        "experience": "regular",
        "current": {"weekly_km": 20, "days_per_week": 2, "preferred_days": ["Mon", "Thu"]},
        "goal": {"kind": "weekly_distance", "target_km": 30},
        "equipment": ["none"]
    }"#;
    let p: Profile = serde_json::from_str(json).expect("parses");
    assert_eq!(p.validate(), Ok(()));
    assert!(p.owned_equipment().is_empty());
}
