//! Recorded cadence traces: a small CSV with a header naming its columns.
//!
//! Required columns: `time_ms`, `cadence`, `unit` (`steps`, `strides` or
//! `unknown`, with a few spellings accepted). Optional: `speed_mps`,
//! `stride_length_m`, `gait` (`walking`/`running`), `source`. Empty cells
//! mean "not given". Blank lines and lines starting with `#` are skipped.

use thiserror::Error;

use crate::sample::{CadenceSample, CadenceUnit, Gait};

/// Source id given to readings of a trace without a `source` column.
pub const DEFAULT_SOURCE: &str = "trace";

/// A trace that cannot be read, naming the line and the field.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum TraceError {
    #[error("trace: empty, expected a header line naming time_ms, cadence and unit")]
    Empty,
    #[error("line {line}: header has no '{column}' column")]
    MissingColumn { line: usize, column: &'static str },
    #[error("line {line}: header names '{column}' twice")]
    DuplicateColumn { line: usize, column: String },
    #[error("line {line}, {field}: '{value}' {problem}")]
    BadValue {
        line: usize,
        field: &'static str,
        value: String,
        problem: &'static str,
    },
    #[error("line {line}: {found} cells, the header has {expected}")]
    CellCount {
        line: usize,
        found: usize,
        expected: usize,
    },
}

/// One reading of a trace, with the line it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct TraceRow {
    pub line: usize,
    pub sample: CadenceSample,
}

#[derive(Default)]
struct Columns {
    time: Option<usize>,
    cadence: Option<usize>,
    unit: Option<usize>,
    speed: Option<usize>,
    stride: Option<usize>,
    gait: Option<usize>,
    source: Option<usize>,
    count: usize,
}

fn parse_header(line_no: usize, line: &str) -> Result<Columns, TraceError> {
    let mut cols = Columns::default();
    for (i, name) in line.split(',').map(str::trim).enumerate() {
        let slot = match name.to_ascii_lowercase().as_str() {
            "time_ms" | "at_ms" => &mut cols.time,
            "cadence" => &mut cols.cadence,
            "unit" => &mut cols.unit,
            "speed_mps" => &mut cols.speed,
            "stride_length_m" => &mut cols.stride,
            "gait" => &mut cols.gait,
            "source" | "source_id" => &mut cols.source,
            // Unknown columns are carried along and ignored.
            _ => {
                cols.count = i + 1;
                continue;
            }
        };
        if slot.replace(i).is_some() {
            return Err(TraceError::DuplicateColumn {
                line: line_no,
                column: name.to_owned(),
            });
        }
        cols.count = i + 1;
    }
    for (col, name) in [
        (cols.time, "time_ms"),
        (cols.cadence, "cadence"),
        (cols.unit, "unit"),
    ] {
        if col.is_none() {
            return Err(TraceError::MissingColumn {
                line: line_no,
                column: name,
            });
        }
    }
    Ok(cols)
}

fn bad(line: usize, field: &'static str, value: &str, problem: &'static str) -> TraceError {
    TraceError::BadValue {
        line,
        field,
        value: value.to_owned(),
        problem,
    }
}

fn cell<'a>(cells: &[&'a str], col: Option<usize>) -> &'a str {
    col.and_then(|i| cells.get(i)).copied().unwrap_or("")
}

fn optional_number(
    line: usize,
    field: &'static str,
    text: &str,
) -> Result<Option<f64>, TraceError> {
    if text.is_empty() {
        return Ok(None);
    }
    text.parse::<f64>()
        .map(Some)
        .map_err(|_| bad(line, field, text, "is not a number"))
}

fn parse_unit(line: usize, text: &str) -> Result<CadenceUnit, TraceError> {
    match text.to_ascii_lowercase().as_str() {
        "steps" | "spm" | "steps_per_minute" | "steps/min" => Ok(CadenceUnit::StepsPerMinute),
        "strides" | "strides_per_minute" | "strides/min" => Ok(CadenceUnit::StridesPerMinute),
        "unknown" | "" => Ok(CadenceUnit::Unknown),
        _ => Err(bad(line, "unit", text, "is not steps, strides or unknown")),
    }
}

/// Parses a whole trace.
pub fn parse_trace(text: &str) -> Result<Vec<TraceRow>, TraceError> {
    let mut lines = text
        .lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim()))
        .filter(|(_, l)| !l.is_empty() && !l.starts_with('#'));
    let (header_line, header) = lines.next().ok_or(TraceError::Empty)?;
    let cols = parse_header(header_line, header)?;
    let mut rows = Vec::new();
    for (line, text) in lines {
        let cells: Vec<&str> = text.split(',').map(str::trim).collect();
        if cells.len() != cols.count {
            return Err(TraceError::CellCount {
                line,
                found: cells.len(),
                expected: cols.count,
            });
        }
        let time = cell(&cells, cols.time);
        let at_ms = time
            .parse::<u64>()
            .map_err(|_| bad(line, "time_ms", time, "is not a whole number of ms"))?;
        let cad = cell(&cells, cols.cadence);
        let cadence = cad
            .parse::<f64>()
            .map_err(|_| bad(line, "cadence", cad, "is not a number"))?;
        let unit = parse_unit(line, cell(&cells, cols.unit))?;
        let speed_mps = optional_number(line, "speed_mps", cell(&cells, cols.speed))?;
        let stride_length_m = optional_number(line, "stride_length_m", cell(&cells, cols.stride))?;
        let gait_text = cell(&cells, cols.gait);
        let gait = match gait_text.to_ascii_lowercase().as_str() {
            "" => None,
            "walking" => Some(Gait::Walking),
            "running" => Some(Gait::Running),
            _ => return Err(bad(line, "gait", gait_text, "is not walking or running")),
        };
        let source = cell(&cells, cols.source);
        let source_id = if source.is_empty() {
            DEFAULT_SOURCE.to_owned()
        } else {
            source.to_owned()
        };
        rows.push(TraceRow {
            line,
            sample: CadenceSample {
                at_ms,
                source_id,
                cadence,
                unit,
                speed_mps,
                stride_length_m,
                gait,
                total_distance_m: None,
            },
        });
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_columns_in_any_order_with_optional_cells() {
        let text =
            "# a comment\nunit,cadence,time_ms,speed_mps\nsteps,170,1000,3.1\nstrides,85,2000,\n";
        let rows = parse_trace(text).unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].line, 3);
        assert_eq!(rows[0].sample.speed_mps, Some(3.1));
        assert_eq!(rows[1].sample.unit, CadenceUnit::StridesPerMinute);
        assert_eq!(rows[1].sample.speed_mps, None);
        assert_eq!(rows[1].sample.source_id, DEFAULT_SOURCE);
    }

    #[test]
    fn errors_name_line_and_field() {
        let err = parse_trace("time_ms,cadence,unit\n1000,fast,steps\n").unwrap_err();
        assert_eq!(err.to_string(), "line 2, cadence: 'fast' is not a number");
        let err = parse_trace("time_ms,cadence\n").unwrap_err();
        assert!(err.to_string().contains("'unit'"));
        assert_eq!(parse_trace("\n\n").unwrap_err(), TraceError::Empty);
        let err = parse_trace("time_ms,cadence,unit\n1000,170\n").unwrap_err();
        assert!(matches!(err, TraceError::CellCount { line: 2, .. }));
    }
}
