//! Calendar weeks, Monday to Sunday, as every weekly view counts them.

use chrono::{Datelike, Days, NaiveDate};

/// The Monday of the week `date` falls in.
pub fn week_start(date: NaiveDate) -> NaiveDate {
    date.checked_sub_days(Days::new(u64::from(date.weekday().num_days_from_monday())))
        .unwrap_or(date)
}

/// Mondays from the week of `first` to the week of `last`, inclusive.
pub fn mondays(first: NaiveDate, last: NaiveDate) -> impl Iterator<Item = NaiveDate> {
    let end = week_start(last);
    std::iter::successors(Some(week_start(first)), move |m| {
        m.checked_add_days(Days::new(7))
    })
    .take_while(move |m| *m <= end)
}
