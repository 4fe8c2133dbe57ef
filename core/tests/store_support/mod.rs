//! Shared helpers for the store tests.
#![allow(dead_code)]

pub mod sim_disk;
