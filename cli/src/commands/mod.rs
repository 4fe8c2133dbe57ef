//! One module per `patella` subcommand (`live` is what `demo` and `run` share).

pub mod data_dir;
pub mod demo;
pub mod export;
pub mod history;
pub mod import;
pub mod live;
pub mod pain;
pub mod plan;
pub mod progress;
pub mod replay;
pub mod report;
pub mod rsc;
pub mod run;
pub mod sensor;
