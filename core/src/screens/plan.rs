//! The Plan screen: the weeks as `patella plan` says them, each with its
//! heading and its lines, plus the plan's advisories and the disclaimer.

use chrono::NaiveDate;

use super::format::{short_date, week_kind};
use super::plan_text::{week_body, week_heading};
use crate::coach::Plan;
use crate::coach::plan::DISCLAIMER;

/// One line of a week, with how far it is indented, so a shell need not
/// parse spaces.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct PlanLine {
    /// 0 for a day or a week note, 1 for a session, 2 for an exercise.
    pub indent: u8,
    /// The line, as `patella plan` prints it, without leading spaces.
    pub text: String,
}

/// One week of the plan.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct PlanWeekScreen {
    /// 1 for the plan's first week.
    pub number: u16,
    /// The week's Monday or first day, ISO-8601.
    pub start: NaiveDate,
    /// A short title: "Week 2 · from 30 Nov".
    pub title: String,
    /// What kind of week it is, in words: "a step up".
    pub kind_label: String,
    /// The week's headline, as `patella plan` prints it.
    pub heading: String,
    /// Whether the week holds the date the screen was asked for.
    pub is_current: bool,
    /// The week's lines under its heading.
    pub lines: Vec<PlanLine>,
}

/// The Plan screen.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct PlanScreen {
    /// Holds and suggestions to see a clinician, one sentence each.
    pub advisories: Vec<String>,
    /// The weeks from the one holding the date asked for.
    pub weeks: Vec<PlanWeekScreen>,
    /// The guidance-not-diagnosis line.
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
