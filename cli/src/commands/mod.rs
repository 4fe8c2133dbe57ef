//! One module per `patella` subcommand.

pub mod pain;
pub mod replay;
