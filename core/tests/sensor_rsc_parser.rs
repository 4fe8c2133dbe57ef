//! The RSC decoders against hand-built packets: every flag combination of
//! the measurement, every feature bit, every location and control point
//! response, and the malformed shapes seen in the wild.

use patella_core::sensor::rsc::{
    ControlPointRequest, ControlPointResult, RscParseError, SensorLocation, parse_battery_level,
    parse_control_point_response, parse_feature, parse_location, parse_measurement,
};

/// Builds a measurement the way a sensor would: only the flagged fields.
fn packet(flags: u8, speed: u16, cadence: u8, stride: u16, distance: u32) -> Vec<u8> {
    let mut p = vec![flags];
    p.extend_from_slice(&speed.to_le_bytes());
    p.push(cadence);
    if flags & 1 != 0 {
        p.extend_from_slice(&stride.to_le_bytes());
    }
    if flags & 2 != 0 {
        p.extend_from_slice(&distance.to_le_bytes());
    }
    p
}

#[test]
fn every_flag_combination_decodes_each_field_in_exact_units() {
    // All 256 flag bytes: the three defined bits in every combination, each
    // with every pattern of reserved bits on top.
    for flags in 0u8..=255 {
        let bytes = packet(flags, 0x0380, 172, 0x0123, 0x0001_E240);
        let m = parse_measurement(&bytes).expect("well-formed packet");
        assert_eq!(m.flags, flags);
        assert_eq!(m.speed_raw, 0x0380);
        assert!((m.speed_mps - 3.5).abs() < 1e-12, "0x0380/256 = 3.5 m/s");
        assert_eq!(m.cadence_raw, 172);
        assert_eq!(m.running, flags & 4 != 0);
        assert_eq!(m.reserved_flags(), flags & 0xF8);
        if flags & 1 != 0 {
            assert_eq!(m.stride_length_raw, Some(0x0123));
            assert!((m.stride_length_m.expect("stride") - 2.91).abs() < 1e-12);
        } else {
            assert_eq!((m.stride_length_raw, m.stride_length_m), (None, None));
        }
        if flags & 2 != 0 {
            assert_eq!(m.total_distance_raw, Some(123_456));
            assert!((m.total_distance_m.expect("distance") - 12_345.6).abs() < 1e-9);
        } else {
            assert_eq!((m.total_distance_raw, m.total_distance_m), (None, None));
        }
    }
}

#[test]
fn every_flag_combination_rejects_each_truncation_with_the_missing_field() {
    for flags in 0u8..=7 {
        let full = packet(flags, 800, 90, 150, 4_000);
        for len in 0..full.len() {
            let err = parse_measurement(&full[..len]).expect_err("short packet");
            let RscParseError::Truncated {
                field, len: got, ..
            } = err
            else {
                unreachable!("only truncation is possible here, got {err:?}");
            };
            assert_eq!(got, len);
            let expected = match len {
                0 => "flags",
                1 | 2 => "instantaneous speed",
                3 => "instantaneous cadence",
                4 | 5 if flags & 1 != 0 => "instantaneous stride length",
                _ => "total distance",
            };
            assert_eq!(field, expected, "flags {flags:#04x}, {len} bytes");
        }
    }
}

#[test]
fn the_error_message_names_the_packet_and_the_field() {
    let err = parse_measurement(&[0x03, 0, 1, 80, 10]).expect_err("short");
    assert_eq!(
        err.to_string(),
        "RSC Measurement: field `instantaneous stride length` needs bytes 4..6 but the packet has 5 bytes"
    );
}

#[test]
fn trailing_bytes_are_tolerated() {
    let mut bytes = packet(0x04, 512, 170, 0, 0);
    bytes.extend_from_slice(&[0xDE, 0xAD, 0xBE, 0xEF]);
    let m = parse_measurement(&bytes).expect("trailing bytes are fine");
    assert!((m.speed_mps - 2.0).abs() < 1e-12);
    assert_eq!(m.stride_length_m, None);
}

#[test]
fn extremes_of_each_field_decode_without_overflow() {
    let m = parse_measurement(&packet(0x07, u16::MAX, u8::MAX, u16::MAX, u32::MAX)).expect("max");
    assert!((m.speed_mps - 65535.0 / 256.0).abs() < 1e-9);
    assert_eq!(m.cadence_raw, 255);
    assert!((m.stride_length_m.expect("stride") - 655.35).abs() < 1e-9);
    assert!((m.total_distance_m.expect("distance") - 429_496_729.5).abs() < 1e-3);
    let zero = parse_measurement(&packet(0, 0, 0, 0, 0)).expect("zero");
    assert_eq!(zero.speed_mps, 0.0);
    assert!(!zero.running);
}

#[test]
fn strides_and_steps_sensors_report_as_sent() {
    // source: rsc-protocol note (Stryd-like strides vs TICKR-like steps): the
    // parser keeps the raw number; unit detection belongs to the run engine.
    let strides = parse_measurement(&packet(0x05, (3.4 * 256.0) as u16, 85, 240, 0)).expect("ok");
    assert_eq!(strides.cadence_raw, 85);
    assert_eq!(strides.stride_length_m, Some(2.4));
    let steps = parse_measurement(&packet(0x05, (3.4 * 256.0) as u16, 170, 120, 0)).expect("ok");
    assert_eq!(steps.cadence_raw, 170);
    assert_eq!(steps.stride_length_m, Some(1.2));
}

#[test]
fn every_feature_bit_is_read_and_reserved_bits_kept() {
    for raw in 0u16..32 {
        let f = parse_feature(&raw.to_le_bytes()).expect("feature");
        assert_eq!(f.raw, raw);
        assert_eq!(f.stride_length, raw & 1 != 0);
        assert_eq!(f.total_distance, raw & 2 != 0);
        assert_eq!(f.walking_running_status, raw & 4 != 0);
        assert_eq!(f.calibration_procedure, raw & 8 != 0);
        assert_eq!(f.multiple_sensor_locations, raw & 16 != 0);
    }
    let reserved = parse_feature(&[0x1F, 0xFF, 0x99]).expect("reserved + trailing");
    assert_eq!(reserved.raw, 0xFF1F);
    assert!(reserved.multiple_sensor_locations);
    assert!(matches!(
        parse_feature(&[0x07]),
        Err(RscParseError::Truncated {
            field: "features",
            ..
        })
    ));
}

#[test]
fn sensor_locations_decode_named_and_other_codes() {
    let named = [
        (0, SensorLocation::Other),
        (1, SensorLocation::TopOfShoe),
        (2, SensorLocation::InShoe),
        (3, SensorLocation::Hip),
        (14, SensorLocation::Chest),
    ];
    for (code, loc) in named {
        assert_eq!(parse_location(&[code]), Ok(loc));
        assert_eq!(loc.code(), code);
    }
    assert_eq!(parse_location(&[6, 0]), Ok(SensorLocation::Code(6)));
    for code in 0u8..=255 {
        assert_eq!(parse_location(&[code]).map(|l| l.code()), Ok(code));
    }
    assert!(parse_location(&[]).is_err());
}

#[test]
fn control_point_responses_decode_every_request_and_result() {
    let requests = [
        (1, ControlPointRequest::SetCumulativeValue),
        (2, ControlPointRequest::StartSensorCalibration),
        (3, ControlPointRequest::UpdateSensorLocation),
        (4, ControlPointRequest::RequestSupportedSensorLocations),
        (9, ControlPointRequest::Unknown(9)),
    ];
    let results = [
        (1, ControlPointResult::Success),
        (2, ControlPointResult::OpCodeNotSupported),
        (3, ControlPointResult::InvalidParameter),
        (4, ControlPointResult::OperationFailed),
        (7, ControlPointResult::Unknown(7)),
    ];
    for (req_code, req) in requests {
        for (res_code, res) in results {
            let r = parse_control_point_response(&[0x10, req_code, res_code]).expect("response");
            assert_eq!((r.request, r.result), (req, res));
            assert!(r.supported_locations.is_empty());
        }
    }
}

#[test]
fn supported_locations_list_follows_a_successful_request() {
    let r = parse_control_point_response(&[0x10, 0x04, 0x01, 1, 2, 3]).expect("list");
    assert_eq!(
        r.supported_locations,
        vec![
            SensorLocation::TopOfShoe,
            SensorLocation::InShoe,
            SensorLocation::Hip
        ]
    );
    let failed = parse_control_point_response(&[0x10, 0x04, 0x04, 1, 2]).expect("failed");
    assert!(failed.supported_locations.is_empty());
}

#[test]
fn control_point_rejects_non_responses_and_short_packets() {
    assert_eq!(
        parse_control_point_response(&[0x01, 0x00, 0x00, 0x00, 0x00]),
        Err(RscParseError::NotAResponse { op_code: 0x01 })
    );
    assert!(matches!(
        parse_control_point_response(&[0x10, 0x01]),
        Err(RscParseError::Truncated {
            field: "response value",
            ..
        })
    ));
    assert!(matches!(
        parse_control_point_response(&[]),
        Err(RscParseError::Truncated {
            field: "op code",
            ..
        })
    ));
}

#[test]
fn battery_level_is_a_percentage() {
    assert_eq!(parse_battery_level(&[0]), Ok(0));
    assert_eq!(parse_battery_level(&[100, 7]), Ok(100));
    assert_eq!(
        parse_battery_level(&[101]),
        Err(RscParseError::OutOfRange {
            packet: "Battery Level",
            field: "level",
            value: 101
        })
    );
    assert!(parse_battery_level(&[]).is_err());
}
