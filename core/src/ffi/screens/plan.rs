//! `Coach.planScreen(date, weeks)`: the core's Plan screen record.

use crate::coach::{Catalogue, MAX_WEEKS};
use crate::screens::plan::{self as core_plan, PlanScreen};

use crate::ffi::coach::{Coach, CoachError, parse_date};

#[uniffi::export]
impl Coach {
    /// The Plan screen: `weeks` weeks (1 or more) from the one holding
    /// `date` (ISO-8601, on or after the plan's start).
    pub fn plan_screen(&self, date: String, weeks: u16) -> Result<PlanScreen, CoachError> {
        let day = parse_date("date", &date)?;
        if weeks == 0 || weeks > MAX_WEEKS {
            return Err(CoachError::InvalidInput {
                field: "weeks".to_owned(),
                detail: format!("{weeks} is outside 1-{MAX_WEEKS}"),
            });
        }
        let catalogue = Catalogue::builtin()?;
        let guard = self.lock()?;
        let history = guard.as_ref().ok_or(CoachError::NoProfile)?;
        let last = day
            .checked_add_signed(chrono::Duration::weeks(i64::from(weeks - 1)))
            .unwrap_or(day);
        let plan = self.plan_through(history, last, day, catalogue)?;
        Ok(core_plan::plan_screen(&plan, day, weeks))
    }
}
