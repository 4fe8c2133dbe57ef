//! One module per `patella` subcommand.

pub mod data_dir;
pub mod export;
pub mod history;
pub mod import;
pub mod pain;
pub mod plan;
pub mod progress;
pub mod replay;
pub mod report;
pub mod rsc;
pub mod sensor;
