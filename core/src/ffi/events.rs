//! Event delivery to the apps: the one place where foreign observer code runs.
//!
//! Core state machines return their events synchronously, on whatever thread
//! fed them: the app's thread, or the sensor runtime's only worker. Foreign
//! code must never run there, nor under a lock of ours: a slow observer would
//! stall Bluetooth, and an observer that calls back in would deadlock or make
//! tokio panic. So every observer gets an [`EventPump`]: its own delivery
//! thread fed through a bounded queue.
//!
//! The rules, stated once here:
//! - `send` never blocks on the observer and never runs it; it only wakes the
//!   delivery thread when that thread is asleep waiting for work, so readings
//!   that produce no event cost no wake-up.
//! - The queue holds at most `capacity` events. When an observer is so slow
//!   that it fills up, the oldest queued event is dropped to make room, and
//!   counted in [`DeliveryReport::dropped`]: the app sees the newest state,
//!   and the report says how many it missed.
//! - An observer call that panics (a Kotlin or Swift exception surfaces in
//!   Rust as a panic) is caught, counted in [`DeliveryReport::failed`], and
//!   the next event is delivered as usual.
//! - Dropping the pump closes the queue; the thread delivers what is queued,
//!   then ends. Nobody waits for it: the owner may be dropped from the main
//!   thread while the observer waits for that same thread.
//! - [`EventPump::close`] is the app's `close()`: queued events are dropped
//!   (counted in `dropped`), no observer call starts afterwards, and the
//!   thread ends and lets go of the observer as soon as a call already under
//!   way returns. That is what frees the foreign observer object.

use std::collections::VecDeque;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::time::{Duration, Instant};

/// How many events an observer may fall behind by default before the oldest
/// are dropped. The project's choice: a run emits a few events a minute, so
/// this covers hours of a stuck observer while bounding the memory.
pub const DEFAULT_CAPACITY: usize = 256;

/// What a pump did so far, for the app's support log and for tests.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, uniffi::Record)]
pub struct DeliveryReport {
    /// Observer calls that returned normally.
    pub delivered: u64,
    /// Observer calls that threw (or panicked); later events still went out.
    pub failed: u64,
    /// Events dropped, oldest first, because the observer fell `capacity` behind.
    pub dropped: u64,
    /// Events queued and not yet handed to the observer.
    pub pending: u64,
}

struct Queue<E> {
    events: VecDeque<E>,
    closed: bool,
    /// The delivery thread is parked on the condvar and needs a wake-up.
    sleeping: bool,
    /// An event has been taken and its observer call has not returned yet.
    busy: bool,
    report: DeliveryReport,
}

struct Shared<E> {
    queue: Mutex<Queue<E>>,
    /// The delivery thread, so that waiting on it from inside an observer
    /// call answers at once instead of waiting for itself.
    thread: std::sync::OnceLock<std::thread::ThreadId>,
    /// Wakes the delivery thread (new event or close).
    work: Condvar,
    /// Wakes callers of `wait_idle`.
    idle: Condvar,
    capacity: usize,
}

impl<E> Shared<E> {
    /// The queue never holds foreign code, so a poisoned lock only means a
    /// panic in this file between two plain field updates: keep going.
    fn lock(&self) -> MutexGuard<'_, Queue<E>> {
        self.queue
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

/// Delivers `E`s to an observer on a dedicated thread, in the order sent.
pub struct EventPump<E: Send + 'static> {
    shared: Arc<Shared<E>>,
}

impl<E: Send + 'static> EventPump<E> {
    /// Starts the delivery thread with [`DEFAULT_CAPACITY`]. `name` shows in
    /// debuggers and crash logs.
    pub fn start(name: &str, deliver: impl Fn(E) + Send + 'static) -> std::io::Result<Self> {
        Self::with_capacity(name, DEFAULT_CAPACITY, deliver)
    }

    /// As `start`, keeping at most `capacity` (at least 1) undelivered events.
    pub fn with_capacity(
        name: &str,
        capacity: usize,
        deliver: impl Fn(E) + Send + 'static,
    ) -> std::io::Result<Self> {
        let shared = Arc::new(Shared {
            queue: Mutex::new(Queue {
                events: VecDeque::new(),
                closed: false,
                sleeping: false,
                busy: false,
                report: DeliveryReport::default(),
            }),
            thread: std::sync::OnceLock::new(),
            work: Condvar::new(),
            idle: Condvar::new(),
            capacity: capacity.max(1),
        });
        let worker = shared.clone();
        let handle = std::thread::Builder::new()
            .name(name.to_owned())
            .spawn(move || run(&worker, &deliver))?;
        let _ = shared.thread.set(handle.thread().id());
        Ok(Self { shared })
    }

    /// Queues an event for the observer and returns at once. Returns false
    /// only when the pump is closed (never while its owner holds it).
    pub fn send(&self, event: E) -> bool {
        self.send_all(std::iter::once(event))
    }

    /// Queues several events in order, with at most one wake-up; an empty
    /// batch wakes nobody. Returns false only when the pump is closed.
    pub fn send_all(&self, events: impl IntoIterator<Item = E>) -> bool {
        let wake = {
            let mut q = self.shared.lock();
            if q.closed {
                return false;
            }
            let mut any = false;
            for event in events {
                any = true;
                if q.events.len() >= self.shared.capacity {
                    q.events.pop_front();
                    q.report.dropped = q.report.dropped.saturating_add(1);
                }
                q.events.push_back(event);
            }
            any && std::mem::replace(&mut q.sleeping, false)
        };
        if wake {
            self.shared.work.notify_one();
        }
        true
    }

    /// Ends delivery now: see the module rules. Idempotent; `send` returns
    /// false from then on.
    pub fn close(&self) {
        {
            let mut q = self.shared.lock();
            let discarded = q.events.len() as u64;
            q.events.clear();
            q.report.dropped = q.report.dropped.saturating_add(discarded);
            q.closed = true;
        }
        self.shared.work.notify_one();
        // Nothing is queued any more: wake anyone waiting for idleness.
        self.shared.idle.notify_all();
    }

    /// True once `close` was called (or the pump was dropped).
    pub fn is_closed(&self) -> bool {
        self.shared.lock().closed
    }

    /// The counts so far.
    pub fn report(&self) -> DeliveryReport {
        self.clone_handle().report()
    }

    /// See [`PumpHandle::wait_idle`].
    pub fn wait_idle(&self, limit: Duration) -> bool {
        self.clone_handle().wait_idle(limit)
    }

    /// A handle that reports and waits without keeping the pump open, so a
    /// caller can wait outside the lock that holds the pump.
    pub fn clone_handle(&self) -> PumpHandle<E> {
        PumpHandle {
            shared: self.shared.clone(),
        }
    }
}

/// Reports on and waits for a pump; dropping it does not close the pump.
pub struct PumpHandle<E> {
    shared: Arc<Shared<E>>,
}

impl<E> PumpHandle<E> {
    /// The counts so far.
    pub fn report(&self) -> DeliveryReport {
        let q = self.shared.lock();
        DeliveryReport {
            pending: q.events.len() as u64,
            ..q.report
        }
    }

    /// Waits until every queued event has been handed to the observer and
    /// its call returned, or `limit` passed; true when idle. For tests and
    /// shutdown paths that want the events out. From inside an observer call
    /// it returns false at once: that call has not returned yet.
    pub fn wait_idle(&self, limit: Duration) -> bool {
        if self.shared.thread.get() == Some(&std::thread::current().id()) {
            return false;
        }
        let deadline = Instant::now() + limit;
        let mut q = self.shared.lock();
        while !q.events.is_empty() || q.busy {
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return false;
            }
            q = match self.shared.idle.wait_timeout(q, left) {
                Ok((q, _)) => q,
                Err(poisoned) => poisoned.into_inner().0,
            };
        }
        true
    }
}

impl<E: Send + 'static> Drop for EventPump<E> {
    fn drop(&mut self) {
        self.shared.lock().closed = true;
        // Not joined: see the module rules.
        self.shared.work.notify_one();
    }
}

/// The delivery thread's loop: take one event, call the observer outside the
/// lock with its panic caught, repeat; sleep only when there is nothing to do.
fn run<E>(shared: &Shared<E>, deliver: &impl Fn(E)) {
    // Also set by `with_capacity`; whichever comes first wins, same value.
    let _ = shared.thread.set(std::thread::current().id());
    let mut q = shared.lock();
    loop {
        if let Some(event) = q.events.pop_front() {
            q.busy = true;
            drop(q);
            let outcome = catch_unwind(AssertUnwindSafe(|| deliver(event)));
            q = shared.lock();
            q.busy = false;
            match outcome {
                Ok(()) => q.report.delivered = q.report.delivered.saturating_add(1),
                Err(_) => q.report.failed = q.report.failed.saturating_add(1),
            }
            continue;
        }
        shared.idle.notify_all();
        if q.closed {
            return;
        }
        q.sleeping = true;
        q = match shared.work.wait(q) {
            Ok(q) => q,
            Err(poisoned) => poisoned.into_inner(),
        };
        q.sleeping = false;
    }
}

#[cfg(test)]
mod tests;
