//! The one way a date typed on the command line (`--today`, `--start`) is
//! read: `YYYY-MM-DD`, and within the calendar Patella accepts
//! (`patella_core::calendar`). A date far outside it would draw a page of
//! years, spin for minutes or plan days no record may hold.

use chrono::NaiveDate;
use patella_core::calendar;

use crate::output::CliError;

/// Reads `text`, the value of `flag`, as an accepted date.
pub fn parse(flag: &str, text: &str) -> Result<NaiveDate, CliError> {
    let date = NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|e| {
        CliError::Invalid(format!("{flag}: {text:?} is not a YYYY-MM-DD date ({e})"))
    })?;
    calendar::check_date(date)
        .map_err(|why| CliError::Invalid(format!("{flag}: {why}; give a date in that range")))?;
    Ok(date)
}

/// Reads an optional date flag.
pub fn parse_opt(flag: &str, text: Option<&str>) -> Result<Option<NaiveDate>, CliError> {
    text.map(|t| parse(flag, t)).transpose()
}
