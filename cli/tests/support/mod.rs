//! Shared helpers of the CLI's integration tests.
#![allow(dead_code)]

pub mod sample_record;
