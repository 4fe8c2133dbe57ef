//! Pain over time, one series per kind of check-in, with the buffer-zone
//! line drawn across.

use chrono::{NaiveDate, NaiveDateTime};
use serde::Serialize;

use crate::pain::{CheckIn, CheckInMoment};

/// One check-in on the pain chart.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct PainPoint {
    /// Local date and time, ISO-8601.
    pub taken_at: NaiveDateTime,
    /// The score, 0-10.
    pub score: u8,
    /// Whether it is above the buffer zone.
    pub above_buffer: bool,
}

/// The check-ins of one kind, oldest first.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct PainSeries {
    /// The moment these check-ins were taken.
    pub moment: CheckInMoment,
    /// The check-ins, oldest first.
    pub points: Vec<PainPoint>,
}

/// The pain chart.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PainChart {
    /// Where to draw the buffer-zone line.
    pub buffer_zone_max: u8,
    /// Only kinds with at least one check-in, in a fixed order.
    pub series: Vec<PainSeries>,
}

const ORDER: [CheckInMoment; 5] = [
    CheckInMoment::BeforeRun,
    CheckInMoment::DuringRun,
    CheckInMoment::AfterRun,
    CheckInMoment::NextMorning,
    CheckInMoment::DuringStrength,
];

/// Charts every check-in taken on or before `until`.
pub fn pain_chart(check_ins: &[CheckIn], buffer_zone_max: u8, until: NaiveDate) -> PainChart {
    let series = ORDER
        .iter()
        .filter_map(|&moment| {
            let mut points: Vec<PainPoint> = check_ins
                .iter()
                .filter(|c| c.moment == moment && c.taken_at.date() <= until)
                .map(|c| PainPoint {
                    taken_at: c.taken_at,
                    score: c.score,
                    above_buffer: c.score > buffer_zone_max,
                })
                .collect();
            points.sort_by_key(|p| p.taken_at);
            (!points.is_empty()).then_some(PainSeries { moment, points })
        })
        .collect();
    PainChart {
        buffer_zone_max,
        series,
    }
}
