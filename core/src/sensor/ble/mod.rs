//! The btleplug edge: scan for RSC sensors, open and supervise a link, with
//! every call bounded by its own timeout and BlueZ errors classified.

mod adapter;
mod client;
mod config;
mod error;
mod link;
mod scan;
mod timed;

pub use adapter::first_adapter;
pub use client::{BleSensorClient, RunningSensor};
pub use config::{BleConfig, BleTimeouts};
pub use error::{BleError, classify, classify_text};
pub use scan::{FoundSensor, matches_id, scan};
