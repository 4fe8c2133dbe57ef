//! One module per `patella` subcommand.

pub mod pain;
pub mod plan;
pub mod rsc;
pub mod sensor;
