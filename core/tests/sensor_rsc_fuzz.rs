//! Property tests over arbitrary bytes: no decoder panics on anything, and
//! what decodes agrees with the flags. The case count is fixed here so
//! docs/benchmarks.md can state how many inputs were run (see `CASES`).

use patella_core::sensor::rsc::{
    parse_battery_level, parse_control_point_response, parse_feature, parse_location,
    parse_measurement,
};
use proptest::prelude::*;

/// Inputs per property; six properties run 6 x 100 000 = 600 000 cases.
const CASES: u32 = 100_000;

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: CASES,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn measurement_never_panics_and_respects_its_flags(bytes in proptest::collection::vec(any::<u8>(), 0..24)) {
        match parse_measurement(&bytes) {
            Ok(m) => {
                let need = 4 + if m.flags & 1 != 0 { 2 } else { 0 } + if m.flags & 2 != 0 { 4 } else { 0 };
                prop_assert!(bytes.len() >= need);
                prop_assert_eq!(m.stride_length_raw.is_some(), m.flags & 1 != 0);
                prop_assert_eq!(m.total_distance_raw.is_some(), m.flags & 2 != 0);
                prop_assert!(m.speed_mps >= 0.0 && m.speed_mps < 256.0);
            }
            Err(e) => prop_assert!(!e.to_string().is_empty()),
        }
    }

    #[test]
    fn measurement_with_a_valid_header_decodes_exactly_when_long_enough(
        flags in any::<u8>(), body in proptest::collection::vec(any::<u8>(), 3..12)
    ) {
        let mut bytes = vec![flags];
        bytes.extend_from_slice(&body);
        let need = 4 + if flags & 1 != 0 { 2 } else { 0 } + if flags & 2 != 0 { 4 } else { 0 };
        prop_assert_eq!(parse_measurement(&bytes).is_ok(), bytes.len() >= need);
    }

    #[test]
    fn feature_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..8)) {
        prop_assert_eq!(parse_feature(&bytes).is_ok(), bytes.len() >= 2);
    }

    #[test]
    fn location_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..4)) {
        prop_assert_eq!(parse_location(&bytes).is_ok(), !bytes.is_empty());
    }

    #[test]
    fn control_point_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..24)) {
        if let Ok(r) = parse_control_point_response(&bytes) {
            prop_assert!(bytes.len() >= 3 && bytes[0] == 0x10);
            prop_assert!(r.supported_locations.len() <= bytes.len() - 3);
        }
    }

    #[test]
    fn battery_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..4)) {
        match parse_battery_level(&bytes) {
            Ok(level) => prop_assert!(level <= 100),
            Err(_) => prop_assert!(bytes.is_empty() || bytes[0] > 100),
        }
    }
}
