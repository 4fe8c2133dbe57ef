//! The exercise lists a plan repeats across its days, chosen once per plan:
//! the daily knee routine, the warm-ups and cool-downs (one per knee
//! filter), and each week's strength session. Choosing is a pure function
//! of the catalogue, the runner's equipment and the knee's filter, so a
//! list chosen once is the list every day would have chosen; this only
//! saves the choosing (the plan is rebuilt on every check-in).

use std::cell::RefCell;

use super::catalogue::{Catalogue, Level};
use super::plan::PlannedExercise;
use super::profile::EquipmentItem;
use super::selection::{self, Filter};

type List<'c> = Vec<PlannedExercise<'c>>;

/// A knee filter as a key: (knee restricted, prefer straight knee).
type FilterKey = (bool, bool);

fn key(filter: &Filter<'_>) -> FilterKey {
    (filter.knee_restricted, filter.prefer_straight_knee)
}

/// A cache of lists by key, filled on first use.
type Cache<'c, K> = RefCell<Vec<(K, List<'c>)>>;

pub struct Choices<'c> {
    catalogue: &'c Catalogue,
    owned: Vec<EquipmentItem>,
    knee_routine: List<'c>,
    warm_ups: Cache<'c, FilterKey>,
    cool_downs: Cache<'c, FilterKey>,
    strength: Cache<'c, (Level, FilterKey, usize)>,
}

/// The cached list for `k`, chosen by `choose` the first time.
fn cached<'c, K: PartialEq + Copy>(
    cache: &Cache<'c, K>,
    k: K,
    choose: impl FnOnce() -> List<'c>,
) -> List<'c> {
    if let Some((_, list)) = cache.borrow().iter().find(|(key, _)| *key == k) {
        return list.clone();
    }
    let list = choose();
    cache.borrow_mut().push((k, list.clone()));
    list
}

impl<'c> Choices<'c> {
    pub fn new(catalogue: &'c Catalogue, owned: Vec<EquipmentItem>, routine_max: usize) -> Self {
        Self {
            knee_routine: selection::knee_routine(catalogue, &owned, routine_max),
            catalogue,
            owned,
            warm_ups: RefCell::default(),
            cool_downs: RefCell::default(),
            strength: RefCell::default(),
        }
    }

    pub fn owned(&self) -> &[EquipmentItem] {
        &self.owned
    }

    pub fn knee_routine(&self) -> List<'c> {
        self.knee_routine.clone()
    }

    pub fn warm_up(&self, filter: Filter<'_>) -> List<'c> {
        cached(&self.warm_ups, key(&filter), || {
            selection::warm_up(self.catalogue, filter)
        })
    }

    pub fn cool_down(&self, filter: Filter<'_>) -> List<'c> {
        cached(&self.cool_downs, key(&filter), || {
            selection::cool_down(self.catalogue, filter)
        })
    }

    pub fn strength_session(&self, phase: Level, filter: Filter<'_>, rotation: usize) -> List<'c> {
        cached(&self.strength, (phase, key(&filter), rotation), || {
            selection::strength_session(self.catalogue, phase, filter, rotation)
        })
    }
}
