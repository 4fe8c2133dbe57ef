//! What can go wrong making a report, one variant per kind, and the exit
//! code each kind gets through [`CliError`].

use patella_core::store::RecordStoreError;

use crate::output::CliError;

#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    /// The run id is not in the record.
    #[error("no run with id {id:?} in the record; `patella history` lists the runs with their ids")]
    UnknownRun { id: String },
    /// A run report was asked for, and no run was ever kept.
    #[error("the record holds no run yet; record or import one first, or ask for --progress")]
    NoRuns,
    /// `--out` names a kind of file the report cannot be.
    #[error("--out: {path}: a report is an .svg or .html file; end the name with one of those")]
    UnknownFormat { path: String },
    /// The report could not be written where asked.
    #[error(transparent)]
    Write(CliError),
    /// The record could not be read.
    #[error(transparent)]
    Store(#[from] RecordStoreError),
    /// Plotters refused to draw (it draws into memory, so this is a bug).
    #[error("drawing the report: {0}")]
    Draw(String),
}

impl From<ReportError> for CliError {
    fn from(err: ReportError) -> Self {
        match err {
            ReportError::UnknownRun { .. } | ReportError::NoRuns => {
                CliError::Invalid(err.to_string())
            }
            ReportError::UnknownFormat { .. } => CliError::Usage(err.to_string()),
            ReportError::Write(cli) => cli,
            ReportError::Store(store) => CliError::Store(store),
            ReportError::Draw(text) => CliError::Device(format!("drawing the report: {text}")),
        }
    }
}
