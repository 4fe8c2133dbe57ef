//! `patella rsc decode`: the support tool's output and its errors, run as
//! the real program.

use std::process::{Command, Output};

fn patella(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_patella"))
        .args(args)
        .output()
        .expect("run patella")
}

fn json(args: &[&str]) -> serde_json::Value {
    let out = patella(args);
    assert!(
        out.status.success(),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON on stdout")
}

#[test]
fn a_full_packet_prints_every_field_in_si_units() {
    let v = json(&["rsc", "decode", "07 00 03 aa 6e 00 e8 03 00 00", "--json"]);
    assert_eq!(
        v,
        serde_json::json!({
            "speed_mps": 3.0,
            "cadence_raw": 170,
            "stride_length_m": 1.1,
            "total_distance_m": 100.0,
            "running": true
        })
    );
}

#[test]
fn absent_fields_are_null() {
    let v = json(&["rsc", "decode", "0x0080025a", "--json"]);
    assert_eq!(v["speed_mps"], 2.5);
    assert_eq!(v["cadence_raw"], 90);
    assert!(v["stride_length_m"].is_null());
    assert!(v["total_distance_m"].is_null());
    assert_eq!(v["running"], false);
    let distance_only = json(&["rsc", "decode", "06:00:01:aa:10:27:00:00", "--json"]);
    assert!(distance_only["stride_length_m"].is_null());
    assert_eq!(distance_only["total_distance_m"], 1000.0);
}

#[test]
fn reserved_bits_and_trailing_bytes_are_accepted() {
    let v = json(&["rsc", "decode", "f9 00 01 a0 78 00 ff ff", "--json"]);
    assert_eq!(v["stride_length_m"], 1.2);
    assert_eq!(v["cadence_raw"], 160);
}

#[test]
fn text_output_names_each_field() {
    let out = patella(&["rsc", "decode", "0400037f"]);
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("speed:          3 m/s"), "{text}");
    assert!(text.contains("stride length:  absent"), "{text}");
    assert!(text.contains("gait:           running"), "{text}");
}

fn fails_with(args: &[&str], message: &str) {
    let out = patella(args);
    assert!(!out.status.success(), "must fail: {args:?}");
    assert!(out.stdout.is_empty(), "nothing on stdout when failing");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains(message), "stderr {err:?} lacks {message:?}");
}

#[test]
fn bad_hex_is_a_clear_error() {
    fails_with(
        &["rsc", "decode", "07zz", "--json"],
        "HEX: 'z' at position 2 is not a hex digit",
    );
    fails_with(
        &["rsc", "decode", "070", "--json"],
        "HEX: 3 hex digits is an odd count",
    );
    fails_with(&["rsc", "decode", "  ", "--json"], "HEX: no bytes given");
}

#[test]
fn a_packet_shorter_than_its_flags_is_a_clear_error() {
    fails_with(
        &["rsc", "decode", "03 00 03 aa 6e 00", "--json"],
        "RSC Measurement: field `total distance` needs bytes 6..10 but the packet has 6 bytes",
    );
    fails_with(&["rsc", "decode", "07 00"], "field `instantaneous speed`");
}
