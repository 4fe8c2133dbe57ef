//! One module per `patella` subcommand.

pub mod pain;
pub mod rsc;
pub mod sensor;
pub mod replay;
