//! RSC Feature (0x2A54): which optional fields and procedures a sensor
//! supports, read once after connecting.

use serde::Serialize;

use super::error::RscParseError;
use super::reader::Reader;

/// The supported-features bit field, decoded. `raw` keeps reserved bits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct RscFeatures {
    /// The field as read, reserved bits included.
    pub raw: u16,
    /// It reports the stride length.
    pub stride_length: bool,
    /// It reports the total distance.
    pub total_distance: bool,
    /// It tells walking from running.
    pub walking_running_status: bool,
    /// It can be calibrated.
    pub calibration_procedure: bool,
    /// It can be worn in more than one place.
    pub multiple_sensor_locations: bool,
}

/// Decodes the RSC Feature value (a little-endian u16; trailing bytes tolerated).
pub fn parse_feature(bytes: &[u8]) -> Result<RscFeatures, RscParseError> {
    let raw = Reader::new("RSC Feature", bytes).u16("features")?;
    Ok(RscFeatures {
        raw,
        stride_length: raw & 0x01 != 0,
        total_distance: raw & 0x02 != 0,
        walking_running_status: raw & 0x04 != 0,
        calibration_procedure: raw & 0x08 != 0,
        multiple_sensor_locations: raw & 0x10 != 0,
    })
}
