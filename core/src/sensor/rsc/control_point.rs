//! SC Control Point (0x2A55) responses: the indications a sensor sends back
//! after a request (set cumulative distance, calibrate, change location,
//! list supported locations).

use serde::Serialize;

use super::error::RscParseError;
use super::location::SensorLocation;
use super::reader::Reader;

const PACKET: &str = "SC Control Point";
/// The op code every response starts with.
pub const RESPONSE_OP_CODE: u8 = 0x10;

/// The request a response answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ControlPointRequest {
    SetCumulativeValue,
    StartSensorCalibration,
    UpdateSensorLocation,
    RequestSupportedSensorLocations,
    /// An op code RSC does not define (echoed back by a sensor that rejects it).
    Unknown(u8),
}

impl ControlPointRequest {
    pub fn from_op_code(code: u8) -> Self {
        match code {
            0x01 => Self::SetCumulativeValue,
            0x02 => Self::StartSensorCalibration,
            0x03 => Self::UpdateSensorLocation,
            0x04 => Self::RequestSupportedSensorLocations,
            other => Self::Unknown(other),
        }
    }
}

/// The outcome the sensor reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ControlPointResult {
    Success,
    OpCodeNotSupported,
    InvalidParameter,
    OperationFailed,
    /// A reserved result value.
    Unknown(u8),
}

impl ControlPointResult {
    pub fn from_code(code: u8) -> Self {
        match code {
            0x01 => Self::Success,
            0x02 => Self::OpCodeNotSupported,
            0x03 => Self::InvalidParameter,
            0x04 => Self::OperationFailed,
            other => Self::Unknown(other),
        }
    }
}

/// A decoded control point response.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ControlPointResponse {
    pub request: ControlPointRequest,
    pub result: ControlPointResult,
    /// Only for a successful "request supported sensor locations": the list
    /// that follows the result byte (empty otherwise).
    pub supported_locations: Vec<SensorLocation>,
}

/// Decodes a control point indication, which must be a response (0x10).
pub fn parse_control_point_response(bytes: &[u8]) -> Result<ControlPointResponse, RscParseError> {
    let mut r = Reader::new(PACKET, bytes);
    let op_code = r.u8("op code")?;
    if op_code != RESPONSE_OP_CODE {
        return Err(RscParseError::NotAResponse { op_code });
    }
    let request = ControlPointRequest::from_op_code(r.u8("request op code")?);
    let result = ControlPointResult::from_code(r.u8("response value")?);
    let supported_locations = if request == ControlPointRequest::RequestSupportedSensorLocations
        && result == ControlPointResult::Success
    {
        r.rest()
            .iter()
            .map(|&c| SensorLocation::from_code(c))
            .collect()
    } else {
        Vec::new()
    };
    Ok(ControlPointResponse {
        request,
        result,
        supported_locations,
    })
}
