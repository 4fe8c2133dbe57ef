//! Looking after the sensor connection for a whole run: reconnect with a
//! bounded backoff, spot a silent sensor, mark gaps, warn on low battery.

mod config;
mod machine;

pub use config::SupervisorConfig;
pub use machine::{FailureKind, Supervisor, SupervisorCommand, SupervisorEvent};
