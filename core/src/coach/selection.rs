//! Choosing exercises for a session: strength sessions that cover quads,
//! hamstrings, glutes, calves and hips; the daily knee routine; the warm-up
//! and cool-down. Every choice is filtered by the runner's equipment and by
//! the knee's state.

use super::catalogue::{Catalogue, Exercise, ExerciseKind, KneeLoad, Level, Muscle, MuscleGroup};
use super::plan::PlannedExercise;
use super::profile::EquipmentItem;

/// What a session must respect.
#[derive(Debug, Clone, Copy)]
pub struct Filter<'a> {
    pub owned: &'a [EquipmentItem],
    /// No plyometric and no deep-loaded exercise (article 001).
    pub knee_restricted: bool,
    /// The knee hurts: where a muscle group has a move that keeps the knee
    /// straight, choose it (article 002).
    pub prefer_straight_knee: bool,
}

impl Filter<'_> {
    /// The exercise to do (itself or its substitute), if the runner can do it today.
    fn admit<'c>(&self, catalogue: &'c Catalogue, ex: &'c Exercise) -> Option<PlannedExercise<'c>> {
        let done = catalogue.resolve(ex, self.owned)?;
        if self.knee_restricted && done.is_high_knee_load() {
            return None;
        }
        let instead_of = (done.id != ex.id).then_some(ex.id.as_str());
        Some(PlannedExercise {
            exercise: done,
            instead_of,
        })
    }
}

fn push_unique<'c>(list: &mut Vec<PlannedExercise<'c>>, item: PlannedExercise<'c>) -> bool {
    if list.iter().any(|p| p.exercise.id == item.exercise.id) {
        return false;
    }
    list.push(item);
    true
}

/// For a sore knee (article 002: prefer moves that do not bend the knee):
/// the candidates with the least knee load, and among bent-knee moves those
/// that do not work the quadriceps through the bend (bridges before squats,
/// lunges and step-ups, which load the kneecap most; project's reading).
/// Lower ranks are gentler; only the gentlest rank present is chosen from.
fn gentleness(p: &PlannedExercise<'_>) -> (KneeLoad, bool) {
    let quad = p.exercise.muscles.contains(&Muscle::Quadriceps);
    (
        p.exercise.knee_load,
        p.exercise.knee_load != KneeLoad::None && quad,
    )
}

/// The muscle groups an exercise counts toward, one bit per group.
fn group_bits(ex: &Exercise) -> u8 {
    ex.groups().fold(0, |bits, g| bits | 1 << g as u8)
}

/// One exercise per muscle group at the highest level the phase allows,
/// rotating through the candidates week by week, plus one balance move.
pub fn strength_session<'c>(
    catalogue: &'c Catalogue,
    phase: Level,
    filter: Filter<'_>,
    rotation: usize,
) -> Vec<PlannedExercise<'c>> {
    // Each exercise is admitted (equipment, knee) once, not once per muscle
    // group: the groups then pick from this pool in catalogue order, which
    // is the order the choice has always been made in. The groups come
    // from the catalogue entry, not its substitute.
    let pool: Vec<(u8, PlannedExercise<'c>)> = catalogue
        .exercises
        .iter()
        .filter(|e| {
            matches!(e.kind, ExerciseKind::Strength | ExerciseKind::Plyometric) && e.level <= phase
        })
        .filter_map(|e| Some((group_bits(e), filter.admit(catalogue, e)?)))
        .collect();
    let mut chosen: Vec<PlannedExercise<'c>> = Vec::with_capacity(MuscleGroup::ALL.len() + 1);
    let mut fresh: Vec<&PlannedExercise<'c>> = Vec::with_capacity(pool.len());
    for (g, group) in MuscleGroup::ALL.iter().enumerate() {
        let bit = 1 << *group as u8;
        // The group's candidates not chosen yet. Every exercise here is an
        // entry of `catalogue`, whose ids are unique, so the same entry is
        // the same id: comparing addresses spares comparing strings.
        fresh.clear();
        fresh.extend(
            pool.iter()
                .filter(|(bits, _)| bits & bit != 0)
                .map(|(_, p)| p)
                .filter(|p| !chosen.iter().any(|c| std::ptr::eq(c.exercise, p.exercise))),
        );
        let gentlest = if filter.prefer_straight_knee {
            fresh.iter().map(|p| gentleness(p)).min()
        } else {
            None
        };
        let candidates = || {
            fresh
                .iter()
                .copied()
                .filter(|p| gentlest.is_none_or(|best| gentleness(p) == best))
        };
        let Some(top) = candidates().map(|p| p.exercise.level).max() else {
            continue;
        };
        let best = || candidates().filter(|p| p.exercise.level == top);
        let count = best().count();
        let pick = best().nth((rotation + g) % count.max(1)).cloned();
        if let Some(pick) = pick {
            push_unique(&mut chosen, pick);
        }
    }
    let balance = catalogue
        .exercises
        .iter()
        .filter(|e| e.kind == ExerciseKind::Balance && e.level <= phase)
        .filter_map(|e| filter.admit(catalogue, e))
        .collect::<Vec<_>>();
    if let Some(pick) = balance.get(rotation % balance.len().max(1)) {
        push_unique(&mut chosen, pick.clone());
    }
    chosen
}

/// The short daily routine while the knee hurts: moves that keep the knee
/// straight under load (article 002), then stretches (article 003).
pub fn knee_routine<'c>(
    catalogue: &'c Catalogue,
    owned: &[EquipmentItem],
    max: usize,
) -> Vec<PlannedExercise<'c>> {
    let filter = Filter {
        owned,
        knee_restricted: true,
        prefer_straight_knee: true,
    };
    let gentle = |e: &&Exercise| e.knee_load == KneeLoad::None && e.level == Level::Foundation;
    let mut chosen: Vec<PlannedExercise<'c>> = Vec::with_capacity(max);
    let moves = max.div_ceil(2);
    // The muscle groups covered so far, one bit per group.
    let mut covered = 0u8;
    for e in catalogue
        .exercises
        .iter()
        .filter(gentle)
        .filter(|e| matches!(e.kind, ExerciseKind::Strength | ExerciseKind::Balance))
    {
        if chosen.len() >= moves {
            break;
        }
        let Some(p) = filter.admit(catalogue, e) else {
            continue;
        };
        if p.exercise.knee_load != KneeLoad::None {
            continue;
        }
        let groups = group_bits(p.exercise);
        if groups & !covered == 0 {
            continue;
        }
        if push_unique(&mut chosen, p) {
            covered |= groups;
        }
    }
    for e in catalogue
        .exercises
        .iter()
        .filter(gentle)
        .filter(|e| e.kind.is_stretch())
    {
        if chosen.len() >= max {
            break;
        }
        if let Some(p) = filter.admit(catalogue, e) {
            push_unique(&mut chosen, p);
        }
    }
    chosen
}

/// The dynamic warm-up before a run (article 004). While the knee is
/// restricted the bouncing drills and lunges drop out, and the project's own
/// gentle moves (those citing no article) fill the minutes instead.
pub fn warm_up<'c>(catalogue: &'c Catalogue, filter: Filter<'_>) -> Vec<PlannedExercise<'c>> {
    catalogue
        .exercises
        .iter()
        .filter(|e| e.kind == ExerciseKind::WarmUp)
        .filter(|e| filter.knee_restricted || !e.sources.is_empty())
        .filter(|e| !(filter.knee_restricted && e.knee_load >= KneeLoad::Moderate))
        .filter_map(|e| filter.admit(catalogue, e))
        .collect()
}

/// The stretches after a run, 30 s per side: article 004's three, then the
/// stretches of article 003's routine.
pub fn cool_down<'c>(catalogue: &'c Catalogue, filter: Filter<'_>) -> Vec<PlannedExercise<'c>> {
    catalogue
        .exercises
        .iter()
        .filter(|e| {
            e.kind == ExerciseKind::CoolDown
                || (e.kind == ExerciseKind::Mobility && e.sources.contains(&3))
        })
        .filter(|e| !(filter.knee_restricted && e.knee_load >= KneeLoad::Moderate))
        .filter_map(|e| filter.admit(catalogue, e))
        .collect()
}
