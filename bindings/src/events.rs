//! Event delivery to the apps.
//!
//! Core state machines return their events synchronously; the apps must not
//! run their UI code on the caller's thread (a BLE task, a timer), and a slow
//! observer must never stall the core. An [`EventPump`] owns one delivery
//! thread per observer and hands events over in order through a channel.
//! Dropping the pump closes the channel, and the thread ends once the events
//! already queued are delivered.

use std::sync::mpsc::{self, Sender};
use std::thread::JoinHandle;

/// Delivers `E`s to `deliver` on a dedicated thread, in the order sent.
pub struct EventPump<E: Send + 'static> {
    sender: Option<Sender<E>>,
    thread: Option<JoinHandle<()>>,
}

impl<E: Send + 'static> EventPump<E> {
    /// Starts the delivery thread. `name` shows in debuggers and crash logs.
    pub fn start(name: &str, deliver: impl Fn(E) + Send + 'static) -> std::io::Result<Self> {
        let (sender, receiver) = mpsc::channel::<E>();
        let thread = std::thread::Builder::new()
            .name(name.to_owned())
            .spawn(move || {
                for event in receiver {
                    deliver(event);
                }
            })?;
        Ok(Self {
            sender: Some(sender),
            thread: Some(thread),
        })
    }

    /// Queues an event. Returns false when the delivery thread is gone, which
    /// only happens if an observer panicked on the foreign side.
    pub fn send(&self, event: E) -> bool {
        self.sender.as_ref().is_some_and(|s| s.send(event).is_ok())
    }
}

impl<E: Send + 'static> Drop for EventPump<E> {
    fn drop(&mut self) {
        // Closing the channel ends the thread's loop once the queue is empty.
        self.sender.take();
        if let Some(thread) = self.thread.take() {
            // The last owner can be the delivery thread itself (an observer
            // callback dropping the object); joining there would deadlock.
            if thread.thread().id() != std::thread::current().id() {
                let _ = thread.join();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::{Arc, Mutex};

    #[test]
    fn delivers_in_order_on_another_thread_and_drains_on_drop() {
        let seen = Arc::new(Mutex::new(Vec::new()));
        let caller = std::thread::current().id();
        let sink = seen.clone();
        let pump = EventPump::start("test-pump", move |n: u32| {
            assert_ne!(std::thread::current().id(), caller);
            sink.lock().unwrap().push(n);
        })
        .unwrap();
        for n in 0..100 {
            assert!(pump.send(n));
        }
        drop(pump);
        assert_eq!(*seen.lock().unwrap(), (0..100).collect::<Vec<_>>());
    }
}
