//! The Plan screen: the weeks as `patella plan` says them, each with its
//! heading and its lines, plus the plan's advisories and the disclaimer.

use chrono::NaiveDate;

use super::format::{short_date, week_kind};
use super::plan_text::{week_body, week_heading};
use crate::coach::Plan;
use crate::coach::plan::DISCLAIMER;

/// One line of a week, with how far it is indented (0 for a day, 1 for a
/// session, 2 for an exercise), so a shell need not parse spaces.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanLine {
    pub indent: u8,
    pub text: String,
}

/// One week of the plan.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanWeekScreen {
    /// 1 for the first week of the plan.
    pub number: u16,
    pub start: NaiveDate,
    pub title: String,
    pub kind_label: String,
    pub heading: String,
    pub is_current: bool,
    pub lines: Vec<PlanLine>,
}

/// The Plan screen.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanScreen {
    pub advisories: Vec<String>,
    pub weeks: Vec<PlanWeekScreen>,
    pub disclaimer: String,
}

/// The weeks of `plan` from the one holding `date`, at most `weeks` of them.
pub fn plan_screen(plan: &Plan<'_>, date: NaiveDate, weeks: u16) -> PlanScreen {
    PlanScreen {
        advisories: plan
            .advisories
            .iter()
            .map(|a| a.message().to_owned())
            .collect(),
        weeks: plan
            .weeks
            .iter()
            .filter(|w| w.days.last().is_some_and(|d| d.date >= date))
            .take(usize::from(weeks))
            .map(|w| PlanWeekScreen {
                number: w.index.saturating_add(1),
                start: w.start,
                title: format!(
                    "Week {} · from {}",
                    w.index.saturating_add(1),
                    short_date(w.start)
                ),
                kind_label: week_kind(w.kind).to_owned(),
                heading: week_heading(w),
                is_current: w.days.iter().any(|d| d.date == date),
                lines: week_body(w, false)
                    .into_iter()
                    .map(|line| {
                        let text = line.trim_start();
                        let spaces = line.len() - text.len();
                        PlanLine {
                            indent: u8::try_from(spaces / 2)
                                .unwrap_or(u8::MAX)
                                .saturating_sub(1),
                            text: text.to_owned(),
                        }
                    })
                    .collect(),
            })
            .collect(),
        disclaimer: DISCLAIMER.to_owned(),
    }
}
