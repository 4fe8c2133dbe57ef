//! What a live run tells its caller about the record after an input: saved,
//! not saved (and why), or not kept at all. The words the runner sees are
//! the Run screen's (`crate::run::format`).

use crate::run::format;

/// How long a runner's call waits for its checkpoint to be written before
/// it answers "not saved". Project's choice: far above a synced write on a
/// phone (milliseconds), short enough that a stuck disk never freezes the
/// Run screen or the terminal.
pub const ACK_WAIT_MS: u64 = 2_000;

/// Whether what the runner just entered or did is in the record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Saved {
    /// In the record: a kill now loses none of it.
    Yes,
    /// Not in the record; the reason. It counts in this run, but a kill
    /// now would lose it.
    No { reason: String },
    /// The run is not being kept (never kept in a journal, or the runner
    /// accepted a record that cannot be written): nothing of it is saved.
    NotKept,
}

impl Saved {
    /// The Run screen's warning, or none when saved.
    pub fn warning(&self) -> Option<String> {
        match self {
            Self::Yes => None,
            Self::No { reason } => Some(format::not_saved(reason)),
            Self::NotKept => Some(format::NOT_KEPT.to_owned()),
        }
    }

    pub(super) fn late() -> Self {
        Self::No {
            reason: format!("the record did not answer within {} s", ACK_WAIT_MS / 1_000),
        }
    }
}
