//! One module per `patella` subcommand.

pub mod pain;
