//! Getting the record out: CSV tables for spreadsheets, TCX for training
//! platforms, and a JSON backup that imports back without loss.

mod backup;
mod csv;
mod tcx;

pub use backup::{BACKUP_FORMAT, BackupError, backup_from_json, backup_to_json};
pub use csv::{check_ins_csv, runs_csv};
pub use tcx::{run_tcx, tcx_cadence};
