//! The local time now, read here for the check-in guard and nowhere else in
//! that path: a check-in a file dates ahead of now is set aside, with a
//! warning naming it (issue 18, finding 5). The core decides what "ahead"
//! means; the commands pass it the time read here.

use chrono::{Local, NaiveDateTime};
use patella_core::pain::{self, CheckIn, SetAside};

use crate::output::write_stderr;

/// The runner's local date and time now.
pub fn local_now() -> NaiveDateTime {
    Local::now().naive_local()
}

/// Takes out of `check_ins` those dated more than `tolerance_min` minutes
/// after `now`, and warns on standard error for each, naming `source`.
/// Returns how many were set aside.
pub fn set_aside_ahead_of_now(
    source: &str,
    check_ins: &mut Vec<CheckIn>,
    now: NaiveDateTime,
    tolerance_min: u32,
) -> usize {
    let set_aside = pain::set_aside_ahead_of_now(check_ins, now, tolerance_min);
    warn_set_aside(source, &set_aside);
    set_aside.len()
}

/// One warning line on standard error for each check-in set aside.
pub fn warn_set_aside(source: &str, set_aside: &[SetAside]) {
    for item in set_aside {
        write_stderr(format_args!("patella: warning: {source}: {item}\n"));
    }
}
