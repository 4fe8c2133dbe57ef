//! The exercise catalogue: complete, consistent, and honest about knee load.

mod coach_support;

use std::collections::HashSet;

use coach_support::catalogue;
use patella_core::coach::catalogue::{Amount, DoseSource, ExerciseKind, Per};
use patella_core::coach::{Catalogue, CatalogueError, EquipmentItem, KneeLoad, Level};

#[test]
fn builtin_catalogue_ids_are_unique_references_are_real_and_doses_positive() {
    let c = catalogue();
    let ids: HashSet<&str> = c.exercises.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids.len(), c.exercises.len(), "duplicate ids");
    for e in &c.exercises {
        for target in e
            .progressions
            .iter()
            .chain(&e.regressions)
            .chain(&e.equipment.substitute)
        {
            assert!(
                ids.contains(target.as_str()),
                "{}: {target} is not in the catalogue",
                e.id
            );
        }
        assert!(
            e.dose.sets.min >= 1 && e.dose.sets.min <= e.dose.sets.max,
            "{}",
            e.id
        );
        let r = match e.dose.amount {
            Amount::Reps(r) | Amount::Seconds(r) => r,
        };
        assert!(r.min >= 1 && r.min <= r.max, "{}: dose amount", e.id);
        assert!(!e.cues.is_empty() && !e.muscles.is_empty(), "{}", e.id);
    }
}

#[test]
fn every_exercise_the_articles_name_is_present() {
    // source: articles 000, 002, 003 and 004 (their exercise lists).
    let named = [
        (0, "single_leg_squat"),
        (0, "side_lying_leg_raise"),
        (0, "bridge_march"),
        (0, "single_leg_calf_raise"),
        (0, "single_leg_rdl"),
        (0, "split_squat"),
        (2, "single_leg_balance"),
        (2, "lateral_wall_push"),
        (2, "side_lying_leg_raise"),
        (2, "step_up"),
        (2, "calf_raise"),
        (3, "standing_leg_extension"),
        (3, "side_steps"),
        (3, "side_lying_leg_raise"),
        (3, "forward_leg_raise"),
        (3, "side_plank"),
        (3, "clamshell"),
        (3, "single_leg_hop"),
        (3, "step_up"),
        (3, "hip_dip"),
        (3, "bosu_squat"),
        (3, "standing_it_band_stretch"),
        (3, "standing_calf_stretch"),
        (3, "standing_achilles_stretch"),
        (3, "seated_hamstring_stretch"),
        (4, "bodyweight_squat"),
        (4, "forward_lunge"),
        (4, "glute_bridge"),
        (4, "box_jump"),
        (4, "assisted_pistol_squat"),
        (4, "leg_swing_forward"),
        (4, "leg_swing_sideways"),
        (4, "walking_lunge"),
        (4, "high_knees"),
        (4, "butt_kicks"),
        (4, "standing_quad_stretch"),
        (4, "standing_hamstring_stretch"),
        (4, "kneeling_hip_flexor_stretch"),
        (4, "dumbbell_squat"),
        (4, "banded_glute_bridge"),
        (4, "single_leg_glute_bridge"),
        (4, "squat_pulses"),
        (4, "soft_surface_lunge"),
    ];
    for (article, id) in named {
        let e = catalogue()
            .get(id)
            .unwrap_or_else(|| panic!("{id} missing"));
        assert!(
            e.sources.contains(&article),
            "{id} should cite article {article:03}"
        );
    }
}

#[test]
fn doses_from_articles_003_and_004_carry_over() {
    // source: article 003 (doses) and article 004 (doses).
    let cases: [(&str, u16, u16, u16, Per, u8); 9] = [
        ("standing_leg_extension", 1, 10, 10, Per::Leg, 3),
        ("side_steps", 1, 25, 25, Per::Side, 3),
        ("clamshell", 1, 20, 20, Per::Side, 3),
        ("step_up", 1, 20, 20, Per::Side, 3),
        ("bodyweight_squat", 3, 10, 15, Per::Whole, 4),
        ("forward_lunge", 3, 10, 12, Per::Leg, 4),
        ("glute_bridge", 3, 15, 20, Per::Whole, 4),
        ("box_jump", 3, 5, 8, Per::Whole, 4),
        ("assisted_pistol_squat", 3, 6, 8, Per::Leg, 4),
    ];
    for (id, sets, min, max, per, article) in cases {
        let d = catalogue().get(id).expect("present").dose;
        assert_eq!(d.sets.max, sets, "{id}");
        assert_eq!(d.amount, Amount::Reps([min, max].into()), "{id}");
        assert_eq!(d.per, per, "{id}");
        assert_eq!(d.source, DoseSource::Article(article), "{id}");
    }
    let plank = catalogue().get("side_plank").expect("present").dose;
    assert_eq!(plank.amount, Amount::Seconds([30, 30].into()));
    assert_eq!(plank.per, Per::Side);
    // Article 000 gives no doses: these are documented project defaults.
    assert_eq!(
        catalogue().get("split_squat").expect("present").dose.source,
        DoseSource::ProjectDefault
    );
}

#[test]
fn bosu_squat_becomes_a_bodyweight_squat_without_a_bosu() {
    // source: article 003 (Bosu ball squats: a regular squat without a Bosu).
    let c = catalogue();
    let bosu = c.get("bosu_squat").expect("present");
    assert_eq!(
        c.resolve(bosu, &[]).map(|e| e.id.as_str()),
        Some("bodyweight_squat")
    );
    assert_eq!(
        c.resolve(bosu, &[EquipmentItem::Bosu])
            .map(|e| e.id.as_str()),
        Some("bosu_squat")
    );
    let box_jump = c.get("box_jump").expect("present");
    assert!(
        c.resolve(box_jump, &[]).is_none(),
        "no box, no box jump and no substitute"
    );
}

#[test]
fn knee_load_and_kind_follow_the_articles() {
    // source: article 001 (plyometrics and deep loaded bending are the risky ones),
    // article 002 (the runner's-knee set is mostly without knee bending).
    let c = catalogue();
    let cases = [
        (
            "box_jump",
            KneeLoad::Impact,
            ExerciseKind::Plyometric,
            Level::Advanced,
        ),
        (
            "single_leg_hop",
            KneeLoad::Impact,
            ExerciseKind::Plyometric,
            Level::Advanced,
        ),
        (
            "assisted_pistol_squat",
            KneeLoad::DeepLoaded,
            ExerciseKind::Strength,
            Level::Advanced,
        ),
        (
            "side_lying_leg_raise",
            KneeLoad::None,
            ExerciseKind::Strength,
            Level::Foundation,
        ),
        (
            "single_leg_balance",
            KneeLoad::None,
            ExerciseKind::Balance,
            Level::Foundation,
        ),
        (
            "lateral_wall_push",
            KneeLoad::None,
            ExerciseKind::Strength,
            Level::Foundation,
        ),
        (
            "standing_quad_stretch",
            KneeLoad::None,
            ExerciseKind::CoolDown,
            Level::Foundation,
        ),
        (
            "leg_swing_forward",
            KneeLoad::None,
            ExerciseKind::WarmUp,
            Level::Foundation,
        ),
    ];
    for (id, load, kind, level) in cases {
        let e = c.get(id).expect("present");
        assert_eq!((e.knee_load, e.kind, e.level), (load, kind, level), "{id}");
    }
}

#[test]
fn broken_catalogues_are_rejected_naming_the_exercise_and_field() {
    let good = serde_json::to_string(catalogue()).expect("serialises");
    let mut dup: Catalogue = serde_json::from_str(&good).expect("parses");
    let first = dup.exercises[0].clone();
    dup.exercises.push(first);
    assert!(matches!(
        dup.validate(),
        Err(CatalogueError::DuplicateId { .. })
    ));

    let mut bad_ref: Catalogue = serde_json::from_str(&good).expect("parses");
    bad_ref.exercises[0].progressions.push("moon_walk".into());
    let err = bad_ref.validate().expect_err("unknown progression");
    assert!(
        err.to_string().contains("progressions") && err.to_string().contains("moon_walk"),
        "{err}"
    );

    let mut zero: Catalogue = serde_json::from_str(&good).expect("parses");
    zero.exercises[1].dose.sets = [0, 3].into();
    let err = zero.validate().expect_err("zero sets");
    assert!(err.to_string().contains("dose.sets"), "{err}");

    let mut zero_reps: Catalogue = serde_json::from_str(&good).expect("parses");
    zero_reps.exercises[2].dose.amount = Amount::Reps([0, 0].into());
    assert!(matches!(
        zero_reps.validate(),
        Err(CatalogueError::BadDose { field: "reps", .. })
    ));

    assert!(matches!(
        Catalogue::from_json("{"),
        Err(CatalogueError::Parse(_))
    ));
    assert_eq!(Catalogue::from_json(&good).as_ref(), Ok(catalogue()));
}
