//! `checkInScreen(moment)`: the core's Check-in screen record.

use crate::pain::{CheckInMoment, PainConfig};
use crate::screens::check_in::{self as core_check_in, CheckInScreen};

/// The Check-in screen, opened for `moment`.
#[uniffi::export]
pub fn check_in_screen(moment: CheckInMoment) -> CheckInScreen {
    core_check_in::check_in_screen(moment, &PainConfig::default())
}
