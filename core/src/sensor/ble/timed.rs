//! Every btleplug call goes through `timed`: its own limit, its error
//! classified, so a hung device costs seconds, not btleplug's 30.

use std::future::Future;

use super::config::ms;
use super::error::{BleError, classify};

/// Runs one btleplug call with a limit of `limit_ms`.
pub(crate) async fn timed<T>(
    op: &'static str,
    limit_ms: u64,
    call: impl Future<Output = btleplug::Result<T>>,
) -> Result<T, BleError> {
    match tokio::time::timeout(ms(limit_ms), call).await {
        Ok(Ok(value)) => Ok(value),
        Ok(Err(err)) => Err(classify(op, &err)),
        Err(_) => Err(BleError::Timeout { op, ms: limit_ms }),
    }
}
