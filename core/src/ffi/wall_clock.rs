//! The runner's local wall-clock time, read here and nowhere else in the
//! facade. The core never reads a clock; the facade reads this one where a
//! check-in enters from the app, to refuse one dated ahead of now
//! (issue 18, finding 5).
//!
//! The seam: a test fixes "now" for its own thread with `fix_now`, and the
//! calls it makes on that thread see that moment instead of the clock.

use std::cell::Cell;

use chrono::NaiveDateTime;

thread_local! {
    static FIXED: Cell<Option<NaiveDateTime>> = const { Cell::new(None) };
}

/// The local date and time now (or the moment a test fixed).
pub(crate) fn local_now() -> NaiveDateTime {
    FIXED
        .with(Cell::get)
        .unwrap_or_else(|| chrono::Local::now().naive_local())
}

/// Keeps "now" fixed on this thread until dropped.
#[cfg(test)]
pub(crate) struct FixedNow(Option<NaiveDateTime>);

/// Fixes "now" at `at` for calls on this thread, until the guard is dropped.
#[cfg(test)]
pub(crate) fn fix_now(at: NaiveDateTime) -> FixedNow {
    FixedNow(FIXED.with(|f| f.replace(Some(at))))
}

#[cfg(test)]
impl Drop for FixedNow {
    fn drop(&mut self) {
        FIXED.with(|f| f.set(self.0));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fixed_now_holds_until_dropped() {
        let at = chrono::NaiveDate::from_ymd_opt(2025, 6, 1)
            .and_then(|d| d.and_hms_opt(8, 0, 0))
            .unwrap();
        {
            let _now = fix_now(at);
            assert_eq!(local_now(), at);
        }
        assert!(local_now() > at);
    }
}
