//! The on-disk line: `<crc32 as 8 hex digits> <json>\n`.
//!
//! Every file the store writes is a sequence of such lines. The first line
//! of each file is its header (what the file holds, and in which schema
//! version); the records follow.

use serde::{Deserialize, Serialize};

use super::checksum::crc32;

/// Why a line could not be taken as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LineFault {
    /// Too short, or no space after the checksum.
    Malformed,
    /// The checksum is not 8 hex digits.
    BadChecksumField,
    /// The bytes do not match their checksum.
    ChecksumMismatch,
    /// The checksum matches but the text is not UTF-8.
    NotText,
}

impl std::fmt::Display for LineFault {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Self::Malformed => "not a checksummed line",
            Self::BadChecksumField => "checksum field is not 8 hex digits",
            Self::ChecksumMismatch => "checksum does not match the content",
            Self::NotText => "content is not UTF-8 text",
        })
    }
}

/// Encodes one JSON text as a checksummed line, newline included.
pub fn encode(json: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(json.len() + 10);
    out.extend_from_slice(format!("{:08x} ", crc32(json.as_bytes())).as_bytes());
    out.extend_from_slice(json.as_bytes());
    out.push(b'\n');
    out
}

/// Serializes `value` and encodes it as a line.
pub fn encode_value<T: Serialize>(value: &T) -> Result<Vec<u8>, serde_json::Error> {
    Ok(encode(&serde_json::to_string(value)?))
}

/// Checks one line (without its newline) and returns its JSON text.
pub fn decode(line: &[u8]) -> Result<&str, LineFault> {
    if line.len() < 10 || line[8] != b' ' {
        return Err(LineFault::Malformed);
    }
    let sum = std::str::from_utf8(&line[..8])
        .ok()
        .filter(|s| s.bytes().all(|b| b.is_ascii_hexdigit()))
        .and_then(|s| u32::from_str_radix(s, 16).ok())
        .ok_or(LineFault::BadChecksumField)?;
    let body = &line[9..];
    if crc32(body) != sum {
        return Err(LineFault::ChecksumMismatch);
    }
    std::str::from_utf8(body).map_err(|_| LineFault::NotText)
}

/// The first line of every file: what it holds and in which schema version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Header {
    /// The file's role, e.g. "check_ins"; guards against a file copied to
    /// the wrong name.
    pub patella: String,
    pub schema_version: u32,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_decodes_to_what_was_encoded() {
        let line = encode(r#"{"a":1}"#);
        assert_eq!(line.last(), Some(&b'\n'));
        assert_eq!(decode(&line[..line.len() - 1]), Ok(r#"{"a":1}"#));
    }

    #[test]
    fn damage_is_caught() {
        let line = encode(r#"{"score":3}"#);
        let mut bad = line[..line.len() - 1].to_vec();
        let n = bad.len();
        bad[n - 2] = b'4';
        assert_eq!(decode(&bad), Err(LineFault::ChecksumMismatch));
        assert_eq!(decode(&bad[..5]), Err(LineFault::Malformed));
        let mut field = bad.clone();
        field[0] = b'z';
        assert_eq!(decode(&field), Err(LineFault::BadChecksumField));
    }
}
