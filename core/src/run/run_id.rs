//! Ids for new runs: readable, ordered by start time, and never one a run
//! in the record already has.

use std::collections::HashSet;

use chrono::NaiveDateTime;

/// The id of a run started at `started_at`, as `{prefix}-YYYYMMDD-HHMMSS-mmm`
/// (to the millisecond). If a run in `taken` already has it (two runs in the
/// same millisecond, or a clock set back), `-2`, `-3`, ... is added: one of
/// them is free, since `taken` is finite.
pub fn new_run_id<'a>(
    prefix: &str,
    started_at: NaiveDateTime,
    taken: impl IntoIterator<Item = &'a str>,
) -> String {
    let base = format!("{prefix}-{}", started_at.format("%Y%m%d-%H%M%S-%3f"));
    let taken: HashSet<&str> = taken.into_iter().collect();
    if !taken.contains(base.as_str()) {
        return base;
    }
    // Among taken.len() + 1 candidates at least one is free.
    (2..=taken.len().saturating_add(2))
        .map(|n| format!("{base}-{n}"))
        .find(|id| !taken.contains(id.as_str()))
        .unwrap_or(base)
}
