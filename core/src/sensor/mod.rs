//! The Running Speed and Cadence sensor: the protocol, the connection
//! supervisor, the feed into the run session and the Bluetooth edge.
//!
//! - [`rsc`]: pure decoders for every RSC value.
//! - [`supervisor`]: the deterministic reconnect / silence / battery state machine.
//! - [`feed`]: bytes in, samples and gaps out to a `SampleSink`, state to a `SensorListener`.
//! - [`picker`]: the found sensors and scan state the Sensor picker screen shows.
//! - [`push`]: the entry point for apps that own the Bluetooth link and push raw bytes.
//! - [`ble`]: the btleplug edge (scan, connect, subscribe, supervise) and its timeouts.
//! - [`runtime`]: the library's one small tokio runtime.

pub mod ble;
pub mod clock;
pub mod feed;
pub mod observer;
pub mod picker;
pub mod push;
pub mod rsc;
pub mod runtime;
pub mod supervisor;
pub mod uuids;
