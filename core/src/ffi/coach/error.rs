//! The coach facade's error: flat messages that name the field at fault.

use crate::coach::{CatalogueError, PlanBuildError as CoreCoachError, ProfileError};

/// Why a coach call failed, worded for the runner; the message names the field.
#[derive(Debug, thiserror::Error, uniffi::Error)]
// Flat: the apps get the Display text as the error's message (see ARCHITECTURE.md, "Errors").
#[uniffi(flat_error)]
pub enum CoachError {
    /// The runner profile breaks a rule; the message names the field.
    #[error("{field}: {detail}")]
    InvalidProfile { field: String, detail: String },
    /// A date or date-time could not be read; the message names the field.
    #[error("{field}: {value} is not an ISO-8601 date or date-time")]
    InvalidDate { field: String, value: String },
    /// Another input was refused; the message names the field.
    #[error("{field}: {detail}")]
    InvalidInput { field: String, detail: String },
    /// No profile has been saved yet, so there is no plan.
    #[error("no profile has been saved yet")]
    NoProfile,
    /// The record could not be written or read; nothing was changed.
    #[error("{detail}")]
    Record { detail: String },
    /// The core failed in a way the caller cannot fix; worth a bug report.
    #[error("{detail}")]
    Internal { detail: String },
}

impl CoachError {
    /// A refused input whose message names `field` once: core messages
    /// often begin with the field already, and the app shows this text as is.
    fn invalid_input(field: String, text: &str) -> Self {
        let detail = text
            .strip_prefix(field.as_str())
            .and_then(|rest| rest.strip_prefix(": "))
            .unwrap_or(text)
            .to_owned();
        Self::InvalidInput { field, detail }
    }
}

impl From<ProfileError> for CoachError {
    fn from(e: ProfileError) -> Self {
        match e {
            ProfileError::Invalid { field, problem } => Self::InvalidProfile {
                field: field.to_owned(),
                detail: problem,
            },
        }
    }
}

impl From<CatalogueError> for CoachError {
    fn from(e: CatalogueError) -> Self {
        Self::Internal {
            detail: e.to_string(),
        }
    }
}

impl From<CoreCoachError> for CoachError {
    fn from(e: CoreCoachError) -> Self {
        use crate::coach::history::HistoryError;
        match e {
            CoreCoachError::History(HistoryError::Profile(p)) => p.into(),
            CoreCoachError::History(HistoryError::CheckIn { source, .. }) => {
                let text = source.to_string();
                let field = text.split(':').next().unwrap_or("check_in").to_owned();
                Self::invalid_input(field, &text)
            }
            CoreCoachError::History(HistoryError::DateOutOfRange { ref field, .. }) => {
                Self::invalid_input(field.clone(), &e.to_string())
            }
            CoreCoachError::DateOutOfRange { field, .. } => {
                Self::invalid_input(field.to_owned(), &e.to_string())
            }
            CoreCoachError::Weeks { .. } => Self::invalid_input("date".to_owned(), &e.to_string()),
            CoreCoachError::Date { field, value } => Self::InvalidDate {
                field: field.to_owned(),
                value,
            },
            CoreCoachError::Catalogue(c) => c.into(),
        }
    }
}

impl From<crate::ffi::dates::DateFieldError> for CoachError {
    fn from(e: crate::ffi::dates::DateFieldError) -> Self {
        Self::InvalidDate {
            field: e.field,
            value: e.value,
        }
    }
}

impl From<crate::ffi::pain::CheckInInputError> for CoachError {
    fn from(e: crate::ffi::pain::CheckInInputError) -> Self {
        use crate::ffi::pain::CheckInInputError;
        use crate::pain::CheckInError as Refused;
        // A bad time is a bad date like any other the coach takes, so the
        // apps catch one error case for every date field.
        let refused = match e {
            CheckInInputError::InvalidDateTime { field, value } => {
                return Self::InvalidDate { field, value };
            }
            CheckInInputError::Refused(refused) => refused,
        };
        let field = match &refused {
            Refused::ScoreOutOfRange { .. } => "score",
            Refused::DuplicateRedFlag { .. } => "red_flags",
            Refused::AheadOfNow { .. } => "taken_at",
        };
        Self::invalid_input(field.to_owned(), &refused.to_string())
    }
}

impl From<crate::journal::JournalError> for CoachError {
    fn from(e: crate::journal::JournalError) -> Self {
        use crate::journal::JournalError as J;
        match e {
            J::Coach(e) => e.into(),
            e @ (J::Store(_) | J::Document(_)) => Self::Record {
                detail: e.to_string(),
            },
            J::UnknownRun(_) => Self::invalid_input("run_id".to_owned(), &e.to_string()),
            e @ J::Run(_) => Self::invalid_input("run".to_owned(), &e.to_string()),
            e @ J::Baseline(_) => Self::invalid_input("cadence".to_owned(), &e.to_string()),
            e @ J::Unfinished(_) => {
                Self::invalid_input("unfinished run".to_owned(), &e.to_string())
            }
        }
    }
}

impl From<crate::coach::record::CoachRecordError> for CoachError {
    fn from(e: crate::coach::record::CoachRecordError) -> Self {
        Self::Record {
            detail: e.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ffi::pain::CheckInInputError;

    // Issue 11 ("Errors"): the apps show this text as it is, so the field
    // is named once, not "score: score: ...".
    #[test]
    fn a_refused_input_names_its_field_once() {
        let err = CoachError::from(CheckInInputError::Refused(
            crate::pain::CheckInError::ScoreOutOfRange { score: 11 },
        ));
        assert_eq!(err.to_string(), "score: 11 is outside the 0-10 pain scale");
        let err = CoachError::invalid_input("date".into(), "date: 1900-01-01 is too early");
        assert_eq!(err.to_string(), "date: 1900-01-01 is too early");
        // A text that does not start with the field keeps all of it.
        let err = CoachError::invalid_input("session".into(), "no Run session is planned");
        assert_eq!(err.to_string(), "session: no Run session is planned");
    }
}
