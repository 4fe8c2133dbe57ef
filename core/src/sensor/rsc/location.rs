//! Sensor Location (0x2A5D): where the sensor is worn.

use serde::Serialize;

use super::error::RscParseError;
use super::reader::Reader;

/// A sensor location code. Codes RSC does not name are kept, not rejected:
/// the location is informative and a sensor must not fail over it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum SensorLocation {
    /// Somewhere RSC calls "other".
    Other,
    /// On top of the shoe.
    TopOfShoe,
    /// In the shoe.
    InShoe,
    /// On the hip.
    Hip,
    /// On the chest.
    Chest,
    /// Any other code from the shared Sensor Location table (wrist, rear
    /// wheel, ...) or a value reserved for future use.
    Code(u8),
}

impl SensorLocation {
    pub fn from_code(code: u8) -> Self {
        match code {
            0 => Self::Other,
            1 => Self::TopOfShoe,
            2 => Self::InShoe,
            3 => Self::Hip,
            14 => Self::Chest,
            other => Self::Code(other),
        }
    }

    pub fn code(self) -> u8 {
        match self {
            Self::Other => 0,
            Self::TopOfShoe => 1,
            Self::InShoe => 2,
            Self::Hip => 3,
            Self::Chest => 14,
            Self::Code(c) => c,
        }
    }
}

/// Decodes the Sensor Location value (one byte; trailing bytes tolerated).
pub fn parse_location(bytes: &[u8]) -> Result<SensorLocation, RscParseError> {
    let code = Reader::new("Sensor Location", bytes).u8("location")?;
    Ok(SensorLocation::from_code(code))
}
