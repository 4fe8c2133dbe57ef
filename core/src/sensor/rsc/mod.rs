//! The Running Speed and Cadence protocol: pure decoders for every value an
//! RSC sensor sends (measurement, feature, location, control point
//! responses) and its battery level. No I/O, no clock; malformed input is an
//! error value, never a panic. `encode` writes a measurement back to bytes,
//! for simulated foot pods.

mod battery;
mod control_point;
mod encode;
mod error;
mod feature;
mod location;
mod measurement;
mod reader;

pub use battery::parse_battery_level;
pub use control_point::{
    ControlPointRequest, ControlPointResponse, ControlPointResult, RESPONSE_OP_CODE,
    parse_control_point_response,
};
pub use encode::{PodReading, encode_measurement};
pub use error::RscParseError;
pub use feature::{RscFeatures, parse_feature};
pub use location::{SensorLocation, parse_location};
pub use measurement::{
    FLAG_RUNNING, FLAG_STRIDE_LENGTH, FLAG_TOTAL_DISTANCE, RscMeasurement, parse_measurement,
};
