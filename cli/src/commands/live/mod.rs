//! What `patella demo` and `patella run` share: a live run session fed by a
//! sensor inside Rust, the loop that drives it, and the two ways of showing
//! it (the terminal dashboard, or a line per event).
//!
//! - [`session`]: the core `RunSession` behind a lock, as the sensor's sink.
//! - [`today`]: today's planned run from the runner's record.
//! - [`drive`]: the loop: time, the sensor source, keys, output, the end.
//! - [`dashboard`], [`terminal`]: the ratatui screen, drawn only from the
//!   core's `RunScreen`, and the terminal it owns (always restored).
//! - [`plain`]: a line per event, for pipes and `--plain`.
//! - [`keys`]: check-in keys; [`voice`]: spoken cues and the bell.
//! - [`keep`]: finishing the run and keeping it through the coach.

pub mod dashboard;
pub mod drive;
pub mod keep;
pub mod keys;
pub mod plain;
pub mod session;
pub mod terminal;
pub mod today;
pub mod voice;
