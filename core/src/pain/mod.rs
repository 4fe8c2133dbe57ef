//! The pain buffer zone (source: article 002, with 001 and 004).
//!
//! The runner rates knee pain from 0 to 10. Up to 5 is the buffer zone, where
//! some discomfort is expected and training goes on; above 5 the load comes
//! down; sharp or worsening pain during activity stops it; red flags send the
//! runner to a clinician. This module owns the check-in record and the
//! assessment of one check-in, and the trend over weeks (`trend`). How an assessment changes the plan is the
//! coach's business.

mod assessment;
mod checkin;
mod config;
mod trend;

pub use assessment::{PainAction, PainAssessment, PainReason, PainZone, assess};
pub use checkin::{
    AHEAD_TOLERANCE_MIN, CheckIn, CheckInError, CheckInMoment, MAX_SCORE, PainLocation,
    PainQuality, RedFlag, SetAside, ahead_of_now, set_aside_ahead_of_now,
};
pub use config::PainConfig;
pub use trend::{DailyPain, PainTrend, SETTLED_PAIN_MAX, TrendConfig, trend};
