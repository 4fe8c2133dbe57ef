//! The Plan screen record and `Coach.planScreen(date, weeks)`.

use crate::coach::{Catalogue, MAX_WEEKS};
use crate::screens::plan as core_plan;

use crate::ffi::coach::{Coach, CoachError, parse_date};

/// One line of a week.
#[derive(Debug, Clone, PartialEq, uniffi::Record, serde::Serialize)]
pub struct PlanLineState {
    /// 0 for a day or a week note, 1 for a session, 2 for an exercise.
    pub indent: u8,
    /// The line, as `patella plan` prints it, without leading spaces.
    pub text: String,
}

/// One week of the plan.
#[derive(Debug, Clone, PartialEq, uniffi::Record, serde::Serialize)]
pub struct PlanWeekScreen {
    /// 1 for the plan's first week.
    pub number: u16,
    /// The week's Monday or first day, ISO-8601.
    pub start: String,
    /// A short title: "Week 2 · from 30 Nov".
    pub title: String,
    /// What kind of week it is, in words: "a step up".
    pub kind_label: String,
    /// The week's headline, as `patella plan` prints it.
    pub heading: String,
    /// Whether the week holds the date the screen was asked for.
    pub is_current: bool,
    /// The week's lines under its heading.
    pub lines: Vec<PlanLineState>,
}

/// The Plan screen.
#[derive(Debug, Clone, PartialEq, uniffi::Record, serde::Serialize)]
pub struct PlanScreen {
    /// Holds and suggestions to see a clinician, one sentence each.
    pub advisories: Vec<String>,
    /// The weeks from the one holding the date asked for.
    pub weeks: Vec<PlanWeekScreen>,
    /// The guidance-not-diagnosis line.
    pub disclaimer: String,
}

impl From<core_plan::PlanScreen> for PlanScreen {
    fn from(s: core_plan::PlanScreen) -> Self {
        Self {
            advisories: s.advisories,
            weeks: s
                .weeks
                .into_iter()
                .map(|w| PlanWeekScreen {
                    number: w.number,
                    start: w.start.to_string(),
                    title: w.title,
                    kind_label: w.kind_label,
                    heading: w.heading,
                    is_current: w.is_current,
                    lines: w
                        .lines
                        .into_iter()
                        .map(|l| PlanLineState {
                            indent: l.indent,
                            text: l.text,
                        })
                        .collect(),
                })
                .collect(),
            disclaimer: s.disclaimer,
        }
    }
}

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
        Ok(core_plan::plan_screen(&plan, day, weeks).into())
    }
}
