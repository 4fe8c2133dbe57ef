//! Reading one file of the store: checking every line, migrating records
//! from older schema versions, and sorting out what is damaged.
//!
//! Reading never writes. What is found damaged is reported back so that the
//! store can quarantine it and rewrite the file only after every file has
//! been read and nothing calls for refusing to open.

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

use super::error::StoreError;
use super::line::{self, Header};
use super::records::{
    PairedSensor, ProfileState, RecordError, RunSummary, SessionOutcome, Settings,
};
use super::schema::{self, FileKind, Migration, SCHEMA_VERSION};
use crate::pain::CheckIn;

/// A record the store persists, with the check it must pass on the way in
/// and on the way back out.
pub trait Persisted: Serialize + DeserializeOwned + Clone {
    fn check(&self) -> Result<(), RecordError>;
}

impl Persisted for CheckIn {
    fn check(&self) -> Result<(), RecordError> {
        self.validate().map_err(RecordError::from)?;
        crate::calendar::check_date_time(self.taken_at).map_err(|reason| RecordError::Field {
            record: "check-in",
            field: "taken_at",
            reason,
        })
    }
}
impl Persisted for RunSummary {
    fn check(&self) -> Result<(), RecordError> {
        self.validate()
    }
}
impl Persisted for SessionOutcome {
    fn check(&self) -> Result<(), RecordError> {
        self.validate()
    }
}
impl Persisted for PairedSensor {
    fn check(&self) -> Result<(), RecordError> {
        self.validate()
    }
}
impl Persisted for Settings {
    fn check(&self) -> Result<(), RecordError> {
        self.validate()
    }
}
impl Persisted for ProfileState {
    fn check(&self) -> Result<(), RecordError> {
        Ok(())
    }
}

/// A line set aside: its 1-based number, its bytes, and why.
#[derive(Debug, Clone)]
pub struct BadLine {
    pub number: usize,
    pub bytes: Vec<u8>,
    pub reason: String,
}

/// What was read from one file.
#[derive(Debug)]
pub struct Loaded<T> {
    pub records: Vec<T>,
    pub bad: Vec<BadLine>,
    /// Bytes after the last newline: a record cut short.
    pub tail: Vec<u8>,
    /// The file's header was missing or damaged.
    pub header_damaged: bool,
    /// The file was at an older schema version and its records were migrated.
    pub migrated: bool,
}

impl<T> Loaded<T> {
    /// Whether the file on disk must be rewritten (after quarantining).
    pub fn needs_rewrite(&self) -> bool {
        !self.bad.is_empty() || !self.tail.is_empty() || self.header_damaged || self.migrated
    }
}

/// Reads the header of a file, if its first line is a sound header.
pub fn read_header(bytes: &[u8]) -> Result<Header, String> {
    let first = match bytes.iter().position(|b| *b == b'\n') {
        Some(end) => &bytes[..end],
        None => return Err("no complete header line".to_owned()),
    };
    let json = line::decode(first).map_err(|f| format!("header: {f}"))?;
    serde_json::from_str::<Header>(json).map_err(|e| format!("header: {e}"))
}

/// Checks and decodes every line of a file of `kind`. `fallback_version`
/// is used when the header is damaged (the manifest's version).
pub fn load<T: Persisted>(
    kind: FileKind,
    bytes: &[u8],
    fallback_version: u32,
    migrations: &[Migration],
) -> Result<Loaded<T>, StoreError> {
    let file = kind.file_name();
    let mut pieces: Vec<&[u8]> = bytes.split(|b| *b == b'\n').collect();
    let tail = pieces.pop().unwrap_or_default().to_vec();
    let mut bad = Vec::new();

    let (version, header_damaged) = match pieces.first() {
        None => (fallback_version, true),
        Some(first) => match line::decode(first)
            .map_err(|f| f.to_string())
            .and_then(|json| serde_json::from_str::<Header>(json).map_err(|e| e.to_string()))
        {
            Ok(header) => {
                if header.patella != kind.tag() {
                    return Err(StoreError::WrongFile {
                        file: file.to_owned(),
                        found: header.patella,
                        expected: kind.tag().to_owned(),
                    });
                }
                (header.schema_version, false)
            }
            Err(reason) => {
                bad.push(BadLine {
                    number: 1,
                    bytes: first.to_vec(),
                    reason: format!("header: {reason}"),
                });
                (fallback_version, true)
            }
        },
    };
    let steps = schema::plan(file, version, migrations)?;

    let mut records = Vec::with_capacity(pieces.len().saturating_sub(1));
    for (index, raw) in pieces.iter().enumerate().skip(1) {
        match decode_record::<T>(kind, raw, &steps) {
            Ok(record) => records.push(record),
            Err(reason) => bad.push(BadLine {
                number: index + 1,
                bytes: raw.to_vec(),
                reason,
            }),
        }
    }
    Ok(Loaded {
        records,
        bad,
        tail,
        header_damaged,
        migrated: !steps.is_empty(),
    })
}

fn decode_record<T: Persisted>(
    kind: FileKind,
    raw: &[u8],
    steps: &[&Migration],
) -> Result<T, String> {
    let json = line::decode(raw).map_err(|f| f.to_string())?;
    let record: T = if steps.is_empty() {
        serde_json::from_str(json).map_err(|e| e.to_string())?
    } else {
        let value: Value = serde_json::from_str(json).map_err(|e| e.to_string())?;
        let value = schema::migrate(kind, value, steps)?;
        serde_json::from_value(value).map_err(|e| e.to_string())?
    };
    record.check().map_err(|e| e.to_string())?;
    Ok(record)
}

/// The full contents of a file of `kind` holding `records`.
pub fn encode_file<T: Serialize>(kind: FileKind, records: &[T]) -> Result<Vec<u8>, StoreError> {
    let mut out = line::encode_value(&Header {
        patella: kind.tag().to_owned(),
        schema_version: SCHEMA_VERSION,
    })?;
    for record in records {
        out.extend(line::encode_value(record)?);
    }
    Ok(out)
}
