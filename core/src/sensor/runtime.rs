//! The library's one tokio runtime, created on first use and kept small:
//! a single worker thread is plenty for one sensor, and every extra thread
//! costs the phone's battery.

use once_cell::sync::OnceCell;
use tokio::runtime::{Builder, Runtime};

static RUNTIME: OnceCell<Runtime> = OnceCell::new();

/// The shared runtime, or the I/O error that stopped it from starting.
pub fn runtime() -> Result<&'static Runtime, std::io::Error> {
    RUNTIME.get_or_try_init(|| {
        Builder::new_multi_thread()
            .worker_threads(1)
            .max_blocking_threads(2)
            .thread_name("patella-sensor")
            .enable_all()
            .build()
    })
}
