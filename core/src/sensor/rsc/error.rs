//! The one error type of the RSC parsers: what was wrong with a packet and where.

use thiserror::Error;

/// Why a packet from a sensor could not be read. Each variant names the
/// characteristic and the field, so a support log says what the sensor sent.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum RscParseError {
    /// The packet ended before a field its flags (or its fixed layout) promised.
    #[error("{packet}: field `{field}` needs bytes {start}..{end} but the packet has {len} bytes")]
    Truncated {
        packet: &'static str,
        field: &'static str,
        start: usize,
        end: usize,
        len: usize,
    },
    /// A value outside the range the specification allows.
    #[error("{packet}: field `{field}` has out-of-range value {value}")]
    OutOfRange {
        packet: &'static str,
        field: &'static str,
        value: u32,
    },
    /// A control point packet that is not a response (op code 0x10).
    #[error("SC Control Point: op code {op_code:#04x} is not a response (expected 0x10)")]
    NotAResponse { op_code: u8 },
}
