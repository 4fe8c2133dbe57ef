//! A bounds-checked little-endian cursor over a packet: every read either
//! yields a value or a `Truncated` error naming the field, so no parser can
//! index past the end of a slice.

use super::error::RscParseError;

pub(crate) struct Reader<'a> {
    packet: &'static str,
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    pub(crate) fn new(packet: &'static str, bytes: &'a [u8]) -> Self {
        Self {
            packet,
            bytes,
            pos: 0,
        }
    }

    fn take<const N: usize>(&mut self, field: &'static str) -> Result<[u8; N], RscParseError> {
        let start = self.pos;
        let end = start.saturating_add(N);
        let slice = self.bytes.get(start..end).ok_or(RscParseError::Truncated {
            packet: self.packet,
            field,
            start,
            end,
            len: self.bytes.len(),
        })?;
        let mut out = [0u8; N];
        out.copy_from_slice(slice);
        self.pos = end;
        Ok(out)
    }

    pub(crate) fn u8(&mut self, field: &'static str) -> Result<u8, RscParseError> {
        Ok(self.take::<1>(field)?[0])
    }

    pub(crate) fn u16(&mut self, field: &'static str) -> Result<u16, RscParseError> {
        Ok(u16::from_le_bytes(self.take::<2>(field)?))
    }

    pub(crate) fn u32(&mut self, field: &'static str) -> Result<u32, RscParseError> {
        Ok(u32::from_le_bytes(self.take::<4>(field)?))
    }

    /// Whatever follows the fields read so far (trailing bytes are tolerated,
    /// and some packets end in a variable-length list).
    pub(crate) fn rest(&self) -> &'a [u8] {
        self.bytes.get(self.pos..).unwrap_or(&[])
    }
}
