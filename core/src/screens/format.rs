//! The one place where doses, dates, distances, paces, statuses and plan
//! labels become words (durations, clock times and cadences are
//! [`crate::words`]'). Every screen and the CLI's plan text say them through
//! these functions, so an app never formats and two places never word the
//! same thing differently.

use chrono::NaiveDate;

use crate::coach::Level;
use crate::coach::catalogue::{Amount, Dose, Per};
use crate::coach::history::SessionType;
use crate::coach::plan::{CrossActivity, WeekKind};
use crate::pain::CheckInMoment;
use crate::progress::ProgressImprovement;
use crate::sensor::observer::{SensorConnectionState, SensorWarning};
use crate::sensor::rsc::SensorLocation;
use crate::store::{DistanceUnit, Outcome};
use crate::words::duration;

/// Metres in a statute mile.
const METRES_PER_MILE: f64 = 1609.344;

fn range(min: u16, max: u16) -> String {
    if min == max {
        min.to_string()
    } else {
        format!("{min}-{max}")
    }
}

/// "3 × 10-15", "20 per leg" (one set says no sets), "30 s per side".
pub fn dose(d: &Dose) -> String {
    let per = match d.per {
        Per::Whole => "",
        Per::Leg => " per leg",
        Per::Side => " per side",
    };
    let amount = match d.amount {
        Amount::Reps(r) => range(r.min, r.max),
        Amount::Seconds(r) => format!("{} s", range(r.min, r.max)),
    };
    if d.sets.max <= 1 {
        format!("{amount}{per}")
    } else {
        format!("{} × {amount}{per}", range(d.sets.min, d.sets.max))
    }
}

/// What kind of week it is, in plain words.
pub fn week_kind(kind: WeekKind) -> &'static str {
    match kind {
        WeekKind::Start => "first week",
        WeekKind::Build => "a step up",
        WeekKind::Repeat => "same again",
        WeekKind::StepBack => "a step back",
        WeekKind::Taper => "a lighter week",
        WeekKind::GearChange => "easing in after new shoes or surface",
        WeekKind::Hold => "on hold",
        WeekKind::Maintain => "keeping your level",
    }
}

/// The strength phase, in plain words.
pub fn phase(level: Level) -> &'static str {
    match level {
        Level::Foundation => "foundation moves",
        Level::Progression => "progressed moves",
        Level::Advanced => "advanced moves",
    }
}

/// "cycling or swimming".
pub fn activities(options: &[CrossActivity]) -> String {
    let names: Vec<&str> = options
        .iter()
        .map(|a| match a {
            CrossActivity::Cycling => "cycling",
            CrossActivity::Swimming => "swimming",
        })
        .collect();
    names.join(" or ")
}

/// The name of a kind of session, as a heading: "Run", "Strength".
pub fn session_title(kind: SessionType) -> &'static str {
    match kind {
        SessionType::Run => "Run",
        SessionType::Strength => "Strength",
        SessionType::KneeRoutine => "Daily knee routine",
        SessionType::CrossTraining => "Cross-training",
    }
}

/// When a check-in is taken, as a choice on the form.
pub fn moment(m: CheckInMoment) -> &'static str {
    match m {
        CheckInMoment::BeforeRun => "Before a run",
        CheckInMoment::DuringRun => "During a run",
        CheckInMoment::AfterRun => "After a run",
        CheckInMoment::NextMorning => "The morning after",
        CheckInMoment::DuringStrength => "During strength work",
    }
}

/// "Tue 24 Nov".
pub fn day_label(date: NaiveDate) -> String {
    date.format("%a %-d %b").to_string()
}

/// "Tuesday 24 November 2026".
pub fn long_day_label(date: NaiveDate) -> String {
    date.format("%A %-d %B %Y").to_string()
}

/// "24 Nov".
pub fn short_date(date: NaiveDate) -> String {
    date.format("%-d %b").to_string()
}

/// "3.1 km", "1.9 mi": one decimal.
pub fn distance(metres: u32, unit: DistanceUnit) -> String {
    match unit {
        DistanceUnit::Kilometres => format!("{:.1} km", f64::from(metres) / 1000.0),
        DistanceUnit::Miles => format!("{:.1} mi", f64::from(metres) / METRES_PER_MILE),
    }
}

/// The abbreviation of a distance unit: "km", "mi".
pub fn unit_label(unit: DistanceUnit) -> &'static str {
    match unit {
        DistanceUnit::Kilometres => "km",
        DistanceUnit::Miles => "mi",
    }
}

/// Average pace over a distance: "6:15 /km", "10:03 /mi"; `None` without
/// distance or time.
pub fn pace(seconds: u32, metres: u32, unit: DistanceUnit) -> Option<String> {
    if seconds == 0 || metres == 0 {
        return None;
    }
    let per_unit = match unit {
        DistanceUnit::Kilometres => 1000.0,
        DistanceUnit::Miles => METRES_PER_MILE,
    };
    let s = (f64::from(seconds) * per_unit / f64::from(metres)).round();
    if !s.is_finite() || s >= f64::from(u32::MAX) {
        return None;
    }
    // In range and rounded above, so the cast keeps the value.
    let s = s as u32;
    Some(format!("{}:{:02} /{}", s / 60, s % 60, unit_label(unit)))
}

/// How a planned session ended: "done", "skipped".
pub fn outcome(o: Outcome) -> &'static str {
    match o {
        Outcome::Done => "done",
        Outcome::Skipped => "skipped",
    }
}

/// What the pain trend says, in a few words.
pub fn improvement(status: ProgressImprovement) -> &'static str {
    match status {
        ProgressImprovement::NotEnoughData => "not enough check-ins yet",
        ProgressImprovement::Settled => "pain is low",
        ProgressImprovement::Improving => "improving",
        ProgressImprovement::NoImprovement => "no improvement",
    }
}

/// Where a foot pod says it is worn: "top of shoe", "code 7".
pub fn sensor_location(location: SensorLocation) -> String {
    match location {
        SensorLocation::Other => "other".to_owned(),
        SensorLocation::TopOfShoe => "top of shoe".to_owned(),
        SensorLocation::InShoe => "in shoe".to_owned(),
        SensorLocation::Hip => "hip".to_owned(),
        SensorLocation::Chest => "chest".to_owned(),
        SensorLocation::Code(code) => format!("code {code}"),
    }
}

/// The sensor connection in words: "reconnecting (attempt 2, next in 4 s)".
pub fn sensor_state(state: &SensorConnectionState) -> String {
    match state {
        SensorConnectionState::Idle => "idle".to_owned(),
        SensorConnectionState::Connecting { attempt } => format!("connecting (attempt {attempt})"),
        SensorConnectionState::Connected => "connected".to_owned(),
        SensorConnectionState::Silent => "connected, no data".to_owned(),
        SensorConnectionState::Reconnecting {
            attempt,
            retry_in_ms,
        } => {
            let seconds = u32::try_from(retry_in_ms.div_ceil(1000)).unwrap_or(u32::MAX);
            format!(
                "reconnecting (attempt {attempt}, next in {})",
                duration(seconds)
            )
        }
        SensorConnectionState::BluetoothOff => "Bluetooth is off".to_owned(),
        SensorConnectionState::Failed { reason } => format!("gave up: {reason}"),
    }
}

/// A sensor warning in words: "battery low (15 %)".
pub fn sensor_warning(warning: &SensorWarning) -> String {
    match warning {
        SensorWarning::LowBattery { percent } => format!("battery low ({percent} %)"),
        SensorWarning::MalformedPacket { detail } => format!("unreadable packet dropped: {detail}"),
        SensorWarning::ConnectFailed { detail } => format!("could not connect: {detail}"),
        SensorWarning::ReadFailed { what, detail } => format!("could not read {what}: {detail}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances_and_paces_follow_the_unit() {
        assert_eq!(distance(3100, DistanceUnit::Kilometres), "3.1 km");
        assert_eq!(distance(3100, DistanceUnit::Miles), "1.9 mi");
        assert_eq!(
            pace(1875, 5000, DistanceUnit::Kilometres).as_deref(),
            Some("6:15 /km")
        );
        assert_eq!(pace(600, 0, DistanceUnit::Kilometres), None);
    }

    #[test]
    fn dates_are_labelled_in_words() {
        let d = NaiveDate::from_ymd_opt(2026, 11, 24).expect("valid");
        assert_eq!(day_label(d), "Tue 24 Nov");
        assert_eq!(long_day_label(d), "Tuesday 24 November 2026");
        assert_eq!(short_date(d), "24 Nov");
    }

    #[test]
    fn statuses_are_worded_not_named() {
        assert_eq!(outcome(Outcome::Skipped), "skipped");
        assert_eq!(
            improvement(ProgressImprovement::NotEnoughData),
            "not enough check-ins yet"
        );
        assert_eq!(sensor_location(SensorLocation::TopOfShoe), "top of shoe");
        assert_eq!(sensor_location(SensorLocation::Code(7)), "code 7");
        let reconnecting = SensorConnectionState::Reconnecting {
            attempt: 2,
            retry_in_ms: 3_500,
        };
        assert_eq!(
            sensor_state(&reconnecting),
            "reconnecting (attempt 2, next in 4 s)"
        );
        assert_eq!(
            sensor_warning(&SensorWarning::LowBattery { percent: 15 }),
            "battery low (15 %)"
        );
    }
}
