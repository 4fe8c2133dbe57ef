//! RSC Measurement (0x2A53): the notification a foot pod sends about once a
//! second with speed, cadence and, if its flags say so, stride length, total
//! distance and whether the runner is running or walking.

use serde::Serialize;

use super::error::RscParseError;
use super::reader::Reader;

const PACKET: &str = "RSC Measurement";

/// Flag bit 0: instantaneous stride length follows.
pub const FLAG_STRIDE_LENGTH: u8 = 0b001;
/// Flag bit 1: total distance follows.
pub const FLAG_TOTAL_DISTANCE: u8 = 0b010;
/// Flag bit 2: 1 = running, 0 = walking.
pub const FLAG_RUNNING: u8 = 0b100;

/// One decoded RSC Measurement, in SI units, with the raw values kept beside
/// them so nothing is lost to rounding.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RscMeasurement {
    /// The flags byte as sent, reserved bits included.
    pub flags: u8,
    /// Instantaneous speed in 1/256 m/s, as sent.
    pub speed_raw: u16,
    /// Instantaneous speed in metres per second.
    pub speed_mps: f64,
    /// Instantaneous cadence as sent ("1/minute"): steps or strides depending
    /// on the device, which the run engine decides.
    pub cadence_raw: u8,
    /// Instantaneous stride length in 1/100 m, when flagged.
    pub stride_length_raw: Option<u16>,
    /// Instantaneous stride length in metres, when flagged.
    pub stride_length_m: Option<f64>,
    /// Total distance in 1/10 m, when flagged.
    pub total_distance_raw: Option<u32>,
    /// Total distance in metres, when flagged.
    pub total_distance_m: Option<f64>,
    /// Flag bit 2. The bit is always present, so this is never unknown on
    /// the wire; whether the sensor supports the status at all is told by
    /// the RSC Feature characteristic.
    pub running: bool,
}

impl RscMeasurement {
    /// Reserved flag bits (3..=7) that were set; tolerated but worth logging.
    pub fn reserved_flags(&self) -> u8 {
        self.flags & !(FLAG_STRIDE_LENGTH | FLAG_TOTAL_DISTANCE | FLAG_RUNNING)
    }
}

/// Decodes an RSC Measurement. Trailing bytes and reserved flag bits are
/// tolerated; a packet shorter than its flags promise is an error.
pub fn parse_measurement(bytes: &[u8]) -> Result<RscMeasurement, RscParseError> {
    let mut r = Reader::new(PACKET, bytes);
    let flags = r.u8("flags")?;
    let speed_raw = r.u16("instantaneous speed")?;
    let cadence_raw = r.u8("instantaneous cadence")?;
    let stride_length_raw = if flags & FLAG_STRIDE_LENGTH != 0 {
        Some(r.u16("instantaneous stride length")?)
    } else {
        None
    };
    let total_distance_raw = if flags & FLAG_TOTAL_DISTANCE != 0 {
        Some(r.u32("total distance")?)
    } else {
        None
    };
    Ok(RscMeasurement {
        flags,
        speed_raw,
        speed_mps: f64::from(speed_raw) / 256.0,
        cadence_raw,
        stride_length_raw,
        stride_length_m: stride_length_raw.map(|v| f64::from(v) / 100.0),
        total_distance_raw,
        total_distance_m: total_distance_raw.map(|v| f64::from(v) / 10.0),
        running: flags & FLAG_RUNNING != 0,
    })
}
