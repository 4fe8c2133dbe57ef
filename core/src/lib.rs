//! Patella's domain core: everything the app does, with no UI and no FFI.
//!
//! The core is deterministic. It never reads the clock: wall-clock dates and
//! monotonic milliseconds come in as arguments. Disk and radio access sit at
//! the edges behind small traits (`store`, `sensor`), so a test can replay
//! hours of a run in microseconds and any bug can be reproduced from its
//! inputs.
//!
//! Module map (see ARCHITECTURE.md for the flows between them):
//! - [`pain`]: the pain buffer zone: check-ins and their assessment.
//! - [`sample`]: the cadence sample every source (sensor, pedometer, manual) produces.
//! - [`store`]: the crash-safe record of check-ins, runs, sessions, profile and settings.
//! - [`progress`]: chart views over the record (pain, volume, cadence, streaks).
//! - [`export`]: CSV, TCX and the JSON backup.

pub mod export;
pub mod pain;
pub mod progress;
pub mod sample;
pub mod store;
