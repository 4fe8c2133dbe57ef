//! The Bluetooth SIG numbers the sensor client looks for, as 16-bit values
//! and in their 128-bit form.

use uuid::Uuid;

pub const RSC_SERVICE: u16 = 0x1814;
pub const RSC_MEASUREMENT: u16 = 0x2A53;
pub const RSC_FEATURE: u16 = 0x2A54;
pub const SC_CONTROL_POINT: u16 = 0x2A55;
pub const SENSOR_LOCATION: u16 = 0x2A5D;
pub const BATTERY_SERVICE: u16 = 0x180F;
pub const BATTERY_LEVEL: u16 = 0x2A19;
pub const DEVICE_INFORMATION: u16 = 0x180A;
pub const MANUFACTURER_NAME: u16 = 0x2A29;
pub const MODEL_NUMBER: u16 = 0x2A24;
pub const FIRMWARE_REVISION: u16 = 0x2A26;

/// `0000XXXX-0000-1000-8000-00805f9b34fb`: the SIG base UUID with a 16-bit number.
pub const fn full(short: u16) -> Uuid {
    Uuid::from_u128(((short as u128) << 96) | 0x0000_0000_0000_1000_8000_0080_5f9b_34fb)
}

/// The 16-bit number of a SIG UUID, or `None` for a vendor UUID.
pub fn short(uuid: Uuid) -> Option<u16> {
    let v = uuid.as_u128();
    let base = full(0).as_u128();
    let low_mask = (1u128 << 96) - 1;
    let high = v >> 96;
    if v & low_mask == base & low_mask && high <= u128::from(u16::MAX) {
        u16::try_from(high).ok()
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_form_matches_the_sig_base_uuid() {
        assert_eq!(
            full(RSC_SERVICE).to_string(),
            "00001814-0000-1000-8000-00805f9b34fb"
        );
        assert_eq!(short(full(RSC_MEASUREMENT)), Some(0x2A53));
        assert_eq!(short(Uuid::from_u128(7)), None);
    }
}
