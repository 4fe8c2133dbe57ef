//! `patella rsc decode HEX`: decode one RSC Measurement, for support staff
//! and for debugging a sensor that reports odd numbers.

use clap::{Args, Subcommand};
use patella_core::sensor::rsc::parse_measurement;
use serde::Serialize;

use crate::output::{CliError, print_json};

#[derive(Args)]
pub struct RscArgs {
    #[command(subcommand)]
    command: RscCommand,
}

#[derive(Subcommand)]
enum RscCommand {
    /// Decode an RSC Measurement (0x2A53) given as hex, e.g. "07 00 03 aa 6e 00 e8 03 00 00".
    #[command(after_help = "Example:\n  patella rsc decode \"07 00 03 aa 6e 00 e8 03 00 00\"")]
    Decode(DecodeArgs),
}

#[derive(Args)]
struct DecodeArgs {
    /// The packet bytes in hex; spaces, colons, dashes and a 0x prefix are allowed.
    hex: String,
    /// Print JSON instead of text.
    #[arg(long)]
    json: bool,
}

/// The support view of a measurement: null where the packet lacks a field.
#[derive(Serialize)]
struct Decoded {
    speed_mps: f64,
    cadence_raw: u8,
    stride_length_m: Option<f64>,
    total_distance_m: Option<f64>,
    running: bool,
}

/// What good input looks like, for the error messages.
const HEX_EXAMPLE: &str = "give the bytes in pairs, e.g. \"07 00 03 aa 6e 00 e8 03 00 00\"";

pub fn run(args: RscArgs) -> Result<(), CliError> {
    match args.command {
        RscCommand::Decode(d) => decode(&d),
    }
}

fn decode(args: &DecodeArgs) -> Result<(), CliError> {
    let bytes = parse_hex(&args.hex)?;
    let m = parse_measurement(&bytes).map_err(|e| CliError::Invalid(e.to_string()))?;
    let decoded = Decoded {
        speed_mps: m.speed_mps,
        cadence_raw: m.cadence_raw,
        stride_length_m: m.stride_length_m,
        total_distance_m: m.total_distance_m,
        running: m.running,
    };
    if args.json {
        return print_json(&decoded);
    }
    let or_absent = |v: Option<f64>, unit: &str| {
        v.map_or_else(|| "absent".to_owned(), |x| format!("{x} {unit}"))
    };
    println!("speed:          {} m/s", decoded.speed_mps);
    println!(
        "cadence (raw):  {} /min (steps or strides: the sensor decides)",
        decoded.cadence_raw
    );
    println!(
        "stride length:  {}",
        or_absent(decoded.stride_length_m, "m")
    );
    println!(
        "total distance: {}",
        or_absent(decoded.total_distance_m, "m")
    );
    println!(
        "gait:           {}",
        if decoded.running {
            "running"
        } else {
            "walking"
        }
    );
    if m.reserved_flags() != 0 {
        println!(
            "note: reserved flag bits {:#04x} are set (ignored)",
            m.reserved_flags()
        );
    }
    Ok(())
}

/// Reads hex the way people paste it from a log or a sniffer.
fn parse_hex(text: &str) -> Result<Vec<u8>, CliError> {
    let trimmed = text.trim();
    let body = trimmed
        .strip_prefix("0x")
        .or_else(|| trimmed.strip_prefix("0X"))
        .unwrap_or(trimmed);
    let digits: Vec<(usize, char)> = body
        .char_indices()
        .filter(|(_, c)| !matches!(c, ' ' | ':' | '-' | '\t'))
        .collect();
    if digits.is_empty() {
        return Err(CliError::Invalid(format!(
            "HEX: no bytes given; {HEX_EXAMPLE}"
        )));
    }
    if let Some((pos, c)) = digits.iter().find(|(_, c)| !c.is_ascii_hexdigit()) {
        return Err(CliError::Invalid(format!(
            "HEX: '{c}' at position {pos} is not a hex digit; {HEX_EXAMPLE}"
        )));
    }
    if !digits.len().is_multiple_of(2) {
        return Err(CliError::Invalid(format!(
            "HEX: {} hex digits is an odd count; each byte needs two ({HEX_EXAMPLE})",
            digits.len()
        )));
    }
    digits
        .chunks(2)
        .map(|pair| {
            let s: String = pair.iter().map(|(_, c)| c).collect();
            u8::from_str_radix(&s, 16)
                .map_err(|e| CliError::Invalid(format!("HEX: '{s}' is not a byte: {e}")))
        })
        .collect()
}
