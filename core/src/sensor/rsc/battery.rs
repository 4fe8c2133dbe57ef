//! Battery Level (0x2A19): a percentage from 0 to 100.

use super::error::RscParseError;
use super::reader::Reader;

/// Decodes a Battery Level value. Values above 100 are out of range: the
/// caller must not show "250 %" or silence a low-battery warning with it.
pub fn parse_battery_level(bytes: &[u8]) -> Result<u8, RscParseError> {
    let level = Reader::new("Battery Level", bytes).u8("level")?;
    if level > 100 {
        return Err(RscParseError::OutOfRange {
            packet: "Battery Level",
            field: "level",
            value: u32::from(level),
        });
    }
    Ok(level)
}
