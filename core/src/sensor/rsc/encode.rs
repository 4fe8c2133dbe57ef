//! The other direction: an RSC Measurement as a foot pod puts it on the air.
//! For simulated foot pods (the terminal's `patella demo`, tests) that must
//! go through the same parser, feed and run engine as a real one, so they
//! send bytes rather than samples.

use super::measurement::{FLAG_RUNNING, FLAG_STRIDE_LENGTH, FLAG_TOTAL_DISTANCE};

/// One reading as a foot pod would report it, in SI units.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PodReading {
    pub speed_mps: f64,
    /// Cadence as the pod counts it ("1/minute").
    pub cadence: u8,
    pub stride_length_m: Option<f64>,
    pub total_distance_m: Option<f64>,
    pub running: bool,
}

/// Scales `value` into a field of `max` raw units, rounding to the nearest;
/// values the field cannot hold are clamped to its range, as a pod would.
fn raw(value: f64, scale: f64, max: f64) -> f64 {
    if value.is_finite() {
        (value * scale).round().clamp(0.0, max)
    } else {
        0.0
    }
}

/// The RSC Measurement bytes for `reading`: flags, speed in 1/256 m/s,
/// cadence, then stride length (1/100 m) and total distance (1/10 m) when
/// present, little-endian as the specification lays them out.
pub fn encode_measurement(reading: &PodReading) -> Vec<u8> {
    let mut flags = 0;
    if reading.stride_length_m.is_some() {
        flags |= FLAG_STRIDE_LENGTH;
    }
    if reading.total_distance_m.is_some() {
        flags |= FLAG_TOTAL_DISTANCE;
    }
    if reading.running {
        flags |= FLAG_RUNNING;
    }
    let mut bytes = Vec::with_capacity(10);
    bytes.push(flags);
    let speed = raw(reading.speed_mps, 256.0, f64::from(u16::MAX)) as u16;
    bytes.extend_from_slice(&speed.to_le_bytes());
    bytes.push(reading.cadence);
    if let Some(stride) = reading.stride_length_m {
        let stride = raw(stride, 100.0, f64::from(u16::MAX)) as u16;
        bytes.extend_from_slice(&stride.to_le_bytes());
    }
    if let Some(distance) = reading.total_distance_m {
        let distance = raw(distance, 10.0, f64::from(u32::MAX)) as u32;
        bytes.extend_from_slice(&distance.to_le_bytes());
    }
    bytes
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sensor::rsc::parse_measurement;

    #[test]
    fn what_is_encoded_decodes_to_the_same_reading() {
        let reading = PodReading {
            speed_mps: 2.75,
            cadence: 164,
            stride_length_m: Some(1.02),
            total_distance_m: Some(1234.5),
            running: true,
        };
        let bytes = encode_measurement(&reading);
        assert_eq!(bytes.len(), 10);
        let m = parse_measurement(&bytes).unwrap();
        assert_eq!(m.cadence_raw, 164);
        assert!((m.speed_mps - 2.75).abs() < 1e-9);
        assert_eq!(m.stride_length_m, Some(1.02));
        assert_eq!(m.total_distance_m, Some(1234.5));
        assert!(m.running);
    }

    #[test]
    fn optional_fields_are_left_out_and_odd_values_clamped() {
        let reading = PodReading {
            speed_mps: f64::NAN,
            cadence: 80,
            stride_length_m: None,
            total_distance_m: None,
            running: false,
        };
        let bytes = encode_measurement(&reading);
        assert_eq!(bytes, vec![0, 0, 0, 80]);
        let fast = encode_measurement(&PodReading {
            speed_mps: 1e9,
            ..reading
        });
        assert_eq!(parse_measurement(&fast).unwrap().speed_raw, u16::MAX);
    }
}
