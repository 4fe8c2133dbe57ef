//! How numbers become words, once for the whole core: durations (written
//! and spoken), clock times, times of day, cadences and the cadence and pain
//! bands. The run screen, the cues, the other screens and the CLI all say
//! them through these functions, so two places never word the same number
//! differently. A leaf: it knows no other core module, so every module may
//! call it without an arrow running back up.

/// A duration as written on a screen: "1 min 30 s", "4 min", "30 s".
pub fn duration(seconds: u32) -> String {
    let (m, s) = (seconds / 60, seconds % 60);
    match (m, s) {
        (0, s) => format!("{s} s"),
        (m, 0) => format!("{m} min"),
        (m, s) => format!("{m} min {s} s"),
    }
}

/// A duration as a cue says it: "90 seconds", "2 minutes", "1 minute 30
/// seconds". Rounded up to the second, so a last moment is never "0 seconds".
pub fn spoken_duration(ms: u64) -> String {
    let total_s = ms.div_ceil(1_000);
    let (m, s) = (total_s / 60, total_s % 60);
    let unit = |n: u64, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    match (m, s) {
        (0, s) => unit(s, "second", "seconds"),
        (m, 0) => unit(m, "minute", "minutes"),
        (m, s) if m < 2 => format!(
            "{} {}",
            unit(m, "minute", "minutes"),
            unit(s, "second", "seconds")
        ),
        // Past two minutes, nobody needs the seconds read out.
        (m, _) => unit(m, "minute", "minutes"),
    }
}

/// Time into a run as a watch shows it: "4:05" below an hour, "1:02:03"
/// from one; whole seconds, rounded down.
pub fn clock(ms: u64) -> String {
    let s = ms / 1_000;
    let (h, m, s) = (s / 3_600, (s / 60) % 60, s % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m}:{s:02}")
    }
}

/// A countdown rounds up, so it reads "0:01" until the very end, never
/// "0:00" with time still left.
pub fn countdown(ms: u64) -> String {
    clock(ms.div_ceil(1_000) * 1_000)
}

/// Time into a run in minutes and seconds only, "75:00" past the hour: the
/// labels along a chart's time axis, which counts minutes.
pub fn minutes_clock(seconds: u32) -> String {
    format!("{}:{:02}", seconds / 60, seconds % 60)
}

/// A minute of the day (0-1439) as "07:30"; a larger value wraps.
pub fn minute_of_day(minute: u16) -> String {
    let minute = minute % (24 * 60);
    format!("{:02}:{:02}", minute / 60, minute % 60)
}

/// A cadence: "170 steps/min".
pub fn cadence(spm: f64) -> String {
    format!("{spm:.0} steps/min")
}

/// A cadence reading, or a dash without one: "172 steps/min", "--".
pub fn cadence_reading(spm: Option<f64>) -> String {
    spm.map_or_else(|| "--".to_owned(), cadence)
}

/// A cadence band: "165-175 steps/min".
pub fn band(low_spm: f64, high_spm: f64) -> String {
    format!("{low_spm:.0}-{high_spm:.0} steps/min")
}

/// The recommended cadence band as an aim: "Aim: 165 to 180 steps/min".
pub fn cadence_aim(low_spm: f64, high_spm: f64) -> String {
    format!("Aim: {} to {}", low_spm.round(), cadence(high_spm))
}

/// A pain score inside the buffer zone that tops out at `buffer_max`.
pub fn within_pain_band(buffer_max: u8) -> String {
    format!("Within your buffer zone (0-{buffer_max}): fine to train")
}

/// A pain score above the buffer zone that tops out at `buffer_max`.
pub fn above_pain_band(buffer_max: u8) -> String {
    format!("Above your buffer zone (over {buffer_max}): scale back")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_as_people_write_and_say_them() {
        assert_eq!(duration(90), "1 min 30 s");
        assert_eq!(duration(240), "4 min");
        assert_eq!(duration(30), "30 s");
        assert_eq!(spoken_duration(30_000), "30 seconds");
        assert_eq!(spoken_duration(60_000), "1 minute");
        assert_eq!(spoken_duration(90_000), "1 minute 30 seconds");
        assert_eq!(spoken_duration(240_000), "4 minutes");
        assert_eq!(spoken_duration(1), "1 second");
    }

    #[test]
    fn clocks_and_countdowns_read_as_a_watch_does() {
        assert_eq!(clock(0), "0:00");
        assert_eq!(clock(65_999), "1:05");
        assert_eq!(clock(245_000), "4:05");
        assert_eq!(clock(3_723_000), "1:02:03");
        assert_eq!(countdown(1), "0:01");
        assert_eq!(countdown(60_000), "1:00");
        assert_eq!(countdown(59_001), "1:00");
        assert_eq!(minutes_clock(750), "12:30");
        assert_eq!(minutes_clock(4_500), "75:00");
        assert_eq!(minute_of_day(7 * 60 + 5), "07:05");
    }

    #[test]
    fn cadences_and_bands_read_in_steps_per_minute() {
        assert_eq!(cadence_reading(Some(171.6)), "172 steps/min");
        assert_eq!(cadence_reading(None), "--");
        assert_eq!(band(165.0, 175.0), "165-175 steps/min");
        assert_eq!(cadence_aim(165.0, 180.0), "Aim: 165 to 180 steps/min");
        assert_eq!(
            within_pain_band(5),
            "Within your buffer zone (0-5): fine to train"
        );
        assert_eq!(
            above_pain_band(5),
            "Above your buffer zone (over 5): scale back"
        );
    }
}
