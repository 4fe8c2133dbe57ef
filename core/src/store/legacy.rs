//! Reading the JSON-lines files of builds before the database, once, to
//! move their record into it (`legacy_migration`).
//!
//! Each file was a header line then one record a line, every line
//! `<crc32 as 8 hex digits> <json>`: `check_ins.jsonl`, `runs.jsonl` (a run,
//! with the check-ins and session kept with it), `sessions.jsonl`; the
//! documents `profile.jsonl`, `settings.jsonl`, `paired_sensor.jsonl`
//! (the last line wins); the manifest `store.jsonl`; and
//! `run_checkpoint.jsonl`, one line without a header. An import committed
//! (`import.commit`) but not finished had its new files staged as
//! `<file>.import`, which are then the record.
//!
//! A line whose checksum or JSON fails, or whose record fails its checks,
//! is left out with a [`StoreWarning`] naming the file and line; a file
//! from a newer build, or naming another role, is refused and nothing is
//! touched.

use std::io::Read;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::error::RecordStoreError;
use super::error::StoreWarning;
use super::persisted::Persisted;
use super::record_error::RecordError;
use super::record_set::Records;
use super::records::{PairedSensor, ProfileState, RunRecord, SessionRecord};
use super::schema::SCHEMA_VERSION;
use crate::file_read::open_regular;
use crate::pain::CheckIn;
use crate::settings::Settings;

/// The manifest, the logs, the documents and the checkpoint, by name.
pub const MANIFEST: &str = "store.jsonl";
pub const CHECK_INS: &str = "check_ins.jsonl";
pub const RUNS: &str = "runs.jsonl";
pub const SESSIONS: &str = "sessions.jsonl";
pub const PROFILE: &str = "profile.jsonl";
pub const SETTINGS: &str = "settings.jsonl";
pub const PAIRED_SENSOR: &str = "paired_sensor.jsonl";
pub const RUN_CHECKPOINT: &str = "run_checkpoint.jsonl";

/// Every file that held part of the record.
pub const DATA_FILES: [&str; 8] = [
    MANIFEST,
    CHECK_INS,
    RUNS,
    SESSIONS,
    PROFILE,
    SETTINGS,
    PAIRED_SENSOR,
    RUN_CHECKPOINT,
];

/// The commit mark of a staged import, and a staged file's suffix.
const COMMIT_MARK: &str = "import.commit";
const STAGED: &str = ".import";

/// Everything else of the old store's in the folder, moved aside with the
/// data files: its lock file, its quarantine of damaged bytes, an import's
/// mark, and temp files of cut-off replacements.
pub fn is_leftover(name: &str) -> bool {
    let stem = name.strip_suffix(".tmp").unwrap_or(name);
    let stem = stem.strip_suffix(STAGED).unwrap_or(stem);
    name == ".lock" || name == "quarantine" || stem == COMMIT_MARK || DATA_FILES.contains(&stem)
}

/// Whether `dir` holds a file of the old record (a data file, or one an
/// import staged).
pub fn present(names: &[String]) -> bool {
    names.iter().any(|n| {
        let stem = n.strip_suffix(STAGED).unwrap_or(n);
        DATA_FILES.contains(&stem)
    })
}

/// One line of `runs.jsonl`: a run, with what was recorded with it when it
/// was completed in one write.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RunLine {
    #[serde(flatten)]
    pub run: RunRecord,
    #[serde(default)]
    pub check_ins: Vec<CheckIn>,
    #[serde(default)]
    pub session: Option<SessionRecord>,
}

impl Persisted for RunLine {
    fn check(&self) -> Result<(), RecordError> {
        self.run.validate()?;
        for (index, c) in self.check_ins.iter().enumerate() {
            c.check().map_err(|e| RecordError::At {
                list: "run.check_ins",
                index,
                reason: e.to_string(),
            })?;
        }
        if let Some(s) = &self.session {
            s.validate()?;
        }
        Ok(())
    }
}

/// The old record as read, in the order its build loaded it.
#[derive(Debug, Default)]
pub struct Legacy {
    pub check_ins: Vec<CheckIn>,
    pub sessions: Vec<SessionRecord>,
    pub runs: Vec<RunLine>,
    pub profile: Option<ProfileState>,
    pub settings: Option<Settings>,
    pub paired_sensor: Option<PairedSensor>,
    pub checkpoint: Option<Value>,
    pub warnings: Vec<StoreWarning>,
}

impl Legacy {
    /// The record as the old build showed it: a run line's check-ins after
    /// the check-ins log, its session after the sessions log.
    pub fn records(&self) -> Records {
        let mut records = Records {
            check_ins: self.check_ins.clone(),
            sessions: self.sessions.clone(),
            profile: self.profile.clone(),
            settings: self.settings.clone().unwrap_or_default(),
            paired_sensor: self.paired_sensor.clone(),
            ..Records::default()
        };
        for line in &self.runs {
            records.runs.push(line.run.clone());
            records.check_ins.extend(line.check_ins.iter().cloned());
            records.sessions.extend(line.session.iter().cloned());
        }
        records
    }
}

/// Reads the old record in `dir`. A warning names where its damaged lines
/// are kept: `kept_in` (the folder the files are moved to), or `dir`.
pub fn read(dir: &Path, names: &[String], kept_in: &Path) -> Result<Legacy, RecordStoreError> {
    let committed = names.iter().any(|n| n == COMMIT_MARK);
    let reader = Reader {
        dir,
        names,
        committed,
        kept_in,
    };
    let mut out = Legacy::default();
    if let Some(bytes) = reader.bytes(MANIFEST)? {
        let (_, bad) = reader.lines::<Value>(MANIFEST, &bytes)?;
        out.warnings.extend(bad);
    }
    let (check_ins, bad) = reader.log::<CheckIn>(CHECK_INS)?;
    out.check_ins = records_of(check_ins);
    out.warnings.extend(bad);
    let (sessions, bad) = reader.log::<SessionRecord>(SESSIONS)?;
    out.sessions = records_of(sessions);
    out.warnings.extend(bad);
    let (runs, bad) = reader.log::<RunLine>(RUNS)?;
    out.warnings.extend(bad);
    // The database keeps one run per id; the old build refused a second,
    // so only a hand-edited file has one.
    let mut seen = std::collections::HashSet::new();
    let mut repeated = Vec::new();
    for (number, line) in runs {
        if seen.insert(line.run.id.clone()) {
            out.runs.push(line);
        } else {
            repeated.push((number, line.run.id));
        }
    }
    if !repeated.is_empty() {
        out.warnings.push(StoreWarning::DamagedRecords {
            file: RUNS.to_owned(),
            lines: repeated.iter().map(|(number, _)| *number).collect(),
            reasons: repeated
                .iter()
                .map(|(_, id)| format!("repeats the run id {id:?}"))
                .collect(),
            kept_in: reader.kept(RUNS),
        });
    }
    let (profile, bad) = reader.log::<ProfileState>(PROFILE)?;
    out.profile = records_of(profile).pop();
    out.warnings.extend(bad);
    let (settings, bad) = reader.log::<Settings>(SETTINGS)?;
    out.settings = records_of(settings).pop();
    out.warnings.extend(bad);
    let (sensor, bad) = reader.log::<PairedSensor>(PAIRED_SENSOR)?;
    out.paired_sensor = records_of(sensor).pop();
    out.warnings.extend(bad);
    if let Some(bytes) = reader.bytes(RUN_CHECKPOINT)? {
        let line = bytes.strip_suffix(b"\n").unwrap_or(&bytes);
        match decode(line).and_then(|json| serde_json::from_str(json).map_err(|e| e.to_string())) {
            Ok(value) => out.checkpoint = Some(value),
            Err(reason) => out.warnings.push(StoreWarning::DamagedRecords {
                file: RUN_CHECKPOINT.to_owned(),
                lines: vec![1],
                reasons: vec![reason],
                kept_in: reader.kept(RUN_CHECKPOINT),
            }),
        }
    }
    Ok(out)
}

/// Records with their 1-based line numbers, and a warning for the lines
/// left out.
type Numbered<T> = (Vec<(usize, T)>, Option<StoreWarning>);

fn records_of<T>(numbered: Vec<(usize, T)>) -> Vec<T> {
    numbered.into_iter().map(|(_, record)| record).collect()
}

struct Reader<'a> {
    dir: &'a Path,
    names: &'a [String],
    committed: bool,
    kept_in: &'a Path,
}

/// The first line of every file but the checkpoint.
#[derive(Deserialize)]
struct Header {
    patella: String,
    schema_version: u32,
}

impl Reader<'_> {
    /// The name a file's record is read from: its staged copy when an
    /// import was committed, else the file itself.
    fn source(&self, file: &str) -> String {
        let staged = format!("{file}{STAGED}");
        if self.committed && self.names.contains(&staged) {
            staged
        } else {
            file.to_owned()
        }
    }

    fn kept(&self, file: &str) -> PathBuf {
        self.kept_in.join(self.source(file))
    }

    fn bytes(&self, file: &str) -> Result<Option<Vec<u8>>, RecordStoreError> {
        let path = self.dir.join(self.source(file));
        let mut f = match open_regular(std::fs::OpenOptions::new().read(true), 0, &path) {
            Ok(f) => f,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(super::folder::io_err(&path)(e)),
        };
        let mut bytes = Vec::new();
        f.read_to_end(&mut bytes)
            .map_err(super::folder::io_err(&path))?;
        Ok(Some(bytes))
    }

    /// Every sound record of a file with its line number, and a warning
    /// for the lines left out.
    fn log<T: Persisted>(&self, file: &str) -> Result<Numbered<T>, RecordStoreError> {
        match self.bytes(file)? {
            None => Ok((Vec::new(), None)),
            Some(bytes) => self.lines(file, &bytes),
        }
    }

    fn lines<T: Persisted>(
        &self,
        file: &str,
        bytes: &[u8],
    ) -> Result<Numbered<T>, RecordStoreError> {
        let role = file.trim_end_matches(".jsonl");
        let role = if file == MANIFEST { "store" } else { role };
        let mut records = Vec::new();
        let (mut lines, mut reasons) = (Vec::new(), Vec::new());
        let pieces: Vec<&[u8]> = bytes.split(|b| *b == b'\n').collect();
        for (i, raw) in pieces.iter().copied().enumerate() {
            // The piece after the last newline: empty, or a cut-off line.
            let last = i + 1 == pieces.len();
            if last && raw.is_empty() {
                break;
            }
            let decoded = decode(raw).map_err(|f| if last { format!("cut off: {f}") } else { f });
            if i == 0 {
                match decoded.and_then(|json| {
                    serde_json::from_str::<Header>(json).map_err(|e| e.to_string())
                }) {
                    Ok(header) => check_header(file, role, &header)?,
                    Err(reason) => {
                        lines.push(1);
                        reasons.push(format!("header: {reason}"));
                    }
                }
                continue;
            }
            let record = decoded.and_then(|json| {
                let record: T = serde_json::from_str(json).map_err(|e| e.to_string())?;
                record.check().map_err(|e| e.to_string())?;
                Ok(record)
            });
            match record {
                Ok(record) => records.push((i + 1, record)),
                Err(reason) => {
                    lines.push(i + 1);
                    reasons.push(reason);
                }
            }
        }
        let warning = (!lines.is_empty()).then(|| StoreWarning::DamagedRecords {
            file: self.source(file),
            lines,
            reasons,
            kept_in: self.kept(file),
        });
        Ok((records, warning))
    }
}

fn check_header(file: &str, role: &str, header: &Header) -> Result<(), RecordStoreError> {
    if header.patella != role {
        return Err(RecordStoreError::WrongFile {
            file: file.to_owned(),
            found: header.patella.clone(),
            expected: role.to_owned(),
        });
    }
    let supported = SCHEMA_VERSION;
    match header.schema_version {
        1 => Ok(()),
        found if found > 1 => Err(RecordStoreError::SchemaFromFuture {
            file: file.to_owned(),
            found,
            supported,
        }),
        found => Err(RecordStoreError::UnsupportedSchema {
            file: file.to_owned(),
            found,
            supported,
        }),
    }
}

/// Checks one line (without its newline) and returns its JSON text.
fn decode(line: &[u8]) -> Result<&str, String> {
    if line.len() < 10 || line[8] != b' ' {
        return Err("not a checksummed line".to_owned());
    }
    let sum = std::str::from_utf8(&line[..8])
        .ok()
        .filter(|s| s.bytes().all(|b| b.is_ascii_hexdigit()))
        .and_then(|s| u32::from_str_radix(s, 16).ok())
        .ok_or("checksum field is not 8 hex digits")?;
    let body = &line[9..];
    if crc32(body) != sum {
        return Err("checksum does not match the content".to_owned());
    }
    std::str::from_utf8(body).map_err(|_| "content is not UTF-8 text".to_owned())
}

/// CRC-32 (IEEE 802.3), bit by bit: read once per old folder, so speed
/// does not matter.
pub fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_checksum_matches_the_standard_check_value() {
        // The published check value of CRC-32/ISO-HDLC for "123456789".
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(crc32(b""), 0);
    }

    #[test]
    fn a_damaged_line_is_caught() {
        let json = r#"{"score":3}"#;
        let good = format!("{:08x} {json}", crc32(json.as_bytes()));
        assert_eq!(decode(good.as_bytes()), Ok(json));
        let bad = good.replace('3', "4");
        assert!(decode(bad.as_bytes()).is_err());
        assert!(decode(b"deadbeef").is_err());
    }
}
