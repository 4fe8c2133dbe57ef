//! Why the coach could not build a plan or take a record: the one error of
//! the plan rules, worded with the field at fault.

use thiserror::Error;

use super::catalogue::CatalogueError;
use super::history::HistoryError;

/// A plan that could not be built, or a history it could not be built from.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum PlanBuildError {
    #[error("{0}")]
    History(#[from] HistoryError),
    #[error("weeks: {weeks} is outside 1-{}", crate::calendar::MAX_PLAN_WEEKS)]
    Weeks { weeks: u16 },
    #[error("{0}")]
    Catalogue(#[from] CatalogueError),
    #[error("{field}: {value} is not a date of the form YYYY-MM-DD")]
    Date { field: &'static str, value: String },
    #[error("{field}: {value} is outside the dates a plan can cover")]
    DateOutOfRange { field: &'static str, value: String },
}
