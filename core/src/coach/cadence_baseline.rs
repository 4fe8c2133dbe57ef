//! The runner's cadence baseline when they did not enter one: measured
//! from their first stored runs (article 004: measure the cadence you run
//! at now before raising it), as the median of those runs' averages.

use super::config::CoachConfig;
use crate::cadence::{TargetError, baseline_from_runs};
use crate::store::RunRecord;

/// The baseline measured from the first `config.cadence_baseline_runs`
/// runs that have a cadence, by start time; `Ok(None)` until there are that
/// many. An average no baseline may be built from is an error naming it.
pub fn measured<'r>(
    runs: impl IntoIterator<Item = &'r RunRecord>,
    config: &CoachConfig,
) -> Result<Option<f64>, TargetError> {
    let wanted = config.cadence_baseline_runs.max(1);
    let mut with_cadence: Vec<&RunRecord> = runs
        .into_iter()
        .filter(|r| r.average_cadence_spm.is_some())
        .collect();
    if with_cadence.len() < wanted {
        return Ok(None);
    }
    with_cadence.sort_by_key(|r| r.started_at);
    let first: Vec<f64> = with_cadence
        .iter()
        .take(wanted)
        .filter_map(|r| r.average_cadence_spm)
        .collect();
    baseline_from_runs(&first, &config.cadence).map(Some)
}
