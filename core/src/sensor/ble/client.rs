//! The btleplug sensor client: it runs the supervisor's decisions against a
//! real adapter for the whole run. Link loss is learnt from the adapter's
//! event stream (a dropped link leaves the notification stream open but
//! silent), and every call is bounded by its own timeout.

use std::sync::Arc;
use std::time::Duration;

use btleplug::api::{Central as _, CentralEvent, CentralState, Peripheral as _};
use futures::StreamExt;
use tokio::sync::watch;
use tokio::task::JoinHandle;

use crate::sample::{MonoMs, SampleSink};

use super::super::clock::MonoClock;
use super::super::feed::{LinkAction, SensorFeed};
use super::super::observer::{SensorConnectionState, SensorListener, SensorWarning};
use super::super::runtime::runtime;
use super::super::supervisor::SupervisorEvent;
use super::super::uuids::{self, BATTERY_LEVEL, RSC_MEASUREMENT};
use super::adapter::first_adapter;
use super::config::BleConfig;
use super::error::BleError;
use super::link::{Link, open};
use super::scan::{FoundSensor, scan};
use super::timed::timed;

/// Connects to RSC sensors and scans for them, on the library's runtime.
#[derive(Clone)]
pub struct BleSensorClient {
    config: BleConfig,
    clock: Arc<dyn MonoClock>,
}

/// A sensor being looked after. `stop` disconnects and waits; dropping the
/// handle also stops the client, without waiting.
pub struct RunningSensor {
    stop: watch::Sender<bool>,
    task: JoinHandle<()>,
    /// The longest `stop_blocking` waits for the task to confirm.
    stop_limit: Duration,
}

/// True on a thread of a tokio runtime, where `block_on` would panic
/// ("Cannot start a runtime from within a runtime") or starve the worker.
fn on_runtime_thread() -> bool {
    tokio::runtime::Handle::try_current().is_ok()
}

impl RunningSensor {
    /// Asks the client to disconnect and waits until it has.
    pub async fn stop(self) {
        let _ = self.stop.send(true);
        let _ = self.task.await;
    }

    /// `stop` for callers outside the runtime (the FFI, the CLI): disconnects
    /// and waits, at most a few housekeeping timeouts, for the task to end.
    /// From a runtime thread it only signals: the task still sends the
    /// Disconnect and reports Idle, but waiting there would block the very
    /// worker the task needs.
    pub fn stop_blocking(self) -> Result<(), BleError> {
        let _ = self.stop.send(true);
        if on_runtime_thread() {
            return Ok(());
        }
        let rt = runtime().map_err(|e| BleError::Runtime(e.to_string()))?;
        let limit = self.stop_limit;
        let task = self.task;
        match rt.block_on(async move { tokio::time::timeout(limit, task).await }) {
            Ok(_) => Ok(()),
            Err(_) => Err(BleError::Timeout {
                op: "stop",
                ms: u64::try_from(limit.as_millis()).unwrap_or(u64::MAX),
            }),
        }
    }

    pub fn is_finished(&self) -> bool {
        self.task.is_finished()
    }
}

impl BleSensorClient {
    pub fn new(config: BleConfig, clock: Arc<dyn MonoClock>) -> Self {
        Self { config, clock }
    }

    pub fn config(&self) -> &BleConfig {
        &self.config
    }

    /// Scans for `window` and returns the RSC sensors seen, strongest first.
    pub async fn scan(&self, window: Duration) -> Result<Vec<FoundSensor>, BleError> {
        let adapter = first_adapter(&self.config.timeouts).await?;
        scan(&adapter, window, &self.config.timeouts).await
    }

    /// `scan_each` on the first adapter, for callers outside the runtime
    /// (the app's scan thread); refused on a runtime thread like
    /// `scan_blocking`.
    pub fn scan_each_blocking(
        &self,
        window: Duration,
        on_seen: impl FnMut(FoundSensor),
    ) -> Result<(), BleError> {
        if on_runtime_thread() {
            return Err(BleError::Failed {
                op: "scan",
                detail: "called on the sensor runtime's own thread; call it from an app thread"
                    .to_owned(),
            });
        }
        let rt = runtime().map_err(|e| BleError::Runtime(e.to_string()))?;
        rt.block_on(async {
            let adapter = first_adapter(&self.config.timeouts).await?;
            super::scan::scan_each(&adapter, window, &self.config.timeouts, on_seen).await
        })
    }

    /// `scan` for callers outside the runtime. On a runtime thread it
    /// refuses at once rather than panic inside tokio.
    pub fn scan_blocking(&self, window: Duration) -> Result<Vec<FoundSensor>, BleError> {
        if on_runtime_thread() {
            return Err(BleError::Failed {
                op: "scan",
                detail: "called on the sensor runtime's own thread; call it from an app thread"
                    .to_owned(),
            });
        }
        let rt = runtime().map_err(|e| BleError::Runtime(e.to_string()))?;
        rt.block_on(self.scan(window))
    }

    /// Starts looking after sensor `id` (or the strongest RSC sensor when
    /// `None`) on the library runtime. Samples and gaps go to `sink` under
    /// `source_id` (the id itself when `None`), state to `observer`.
    pub fn start(
        &self,
        id: Option<String>,
        source_id: Option<String>,
        sink: Option<Arc<dyn SampleSink>>,
        observer: Option<Arc<dyn SensorListener>>,
    ) -> Result<RunningSensor, BleError> {
        let rt = runtime().map_err(|e| BleError::Runtime(e.to_string()))?;
        let (stop, stop_rx) = watch::channel(false);
        let source = source_id
            .or_else(|| id.clone())
            .unwrap_or_else(|| "rsc".to_owned());
        let mut feed = SensorFeed::new(source, self.config.supervisor.clone());
        feed.set_sink(sink);
        feed.set_observer(observer.clone());
        let worker = Worker {
            config: self.config.clone(),
            clock: self.clock.clone(),
            id,
            feed,
            link: None,
        };
        let task = rt.spawn(async move {
            if let Err(err) = worker.run(stop_rx).await
                && let Some(obs) = observer
            {
                obs.on_state(SensorConnectionState::Failed {
                    reason: err.to_string(),
                });
            }
        });
        // Shutdown is one Disconnect, and at most one housekeeping call may
        // be in flight when the stop arrives; the rest is slack.
        let housekeeping = Duration::from_millis(self.config.timeouts.housekeeping_ms);
        let stop_limit = housekeeping
            .saturating_mul(3)
            .saturating_add(Duration::from_secs(1));
        Ok(RunningSensor {
            stop,
            task,
            stop_limit,
        })
    }
}

/// What woke the loop.
enum Wake {
    Stop,
    Note(Option<btleplug::api::ValueNotification>),
    Adapter(Option<CentralEvent>),
    Deadline,
}

struct Worker {
    config: BleConfig,
    clock: Arc<dyn MonoClock>,
    id: Option<String>,
    feed: SensorFeed,
    link: Option<Link>,
}

impl Worker {
    fn now(&self) -> MonoMs {
        self.clock.now_ms()
    }

    async fn run(mut self, mut stop: watch::Receiver<bool>) -> Result<(), BleError> {
        let t = self.config.timeouts.clone();
        let adapter = first_adapter(&t).await?;
        let mut events = timed("adapter events", t.housekeeping_ms, adapter.events()).await?;
        let mut pending = self.feed.event(self.now(), SupervisorEvent::Start);
        loop {
            for action in std::mem::take(&mut pending) {
                match action {
                    LinkAction::Connect => {
                        let attempt = tokio::select! {
                            r = open(&adapter, self.id.as_deref(), &t) => Some(r),
                            _ = stop.changed() => None,
                        };
                        match attempt {
                            Some(result) => pending.extend(self.connected(result)),
                            None => return self.shutdown().await,
                        }
                    }
                    LinkAction::Disconnect => self.drop_link().await,
                }
            }
            if !pending.is_empty() {
                continue;
            }
            let wake = self.wait(&mut stop, &mut events).await;
            let now = self.now();
            pending = match wake {
                Wake::Stop => return self.shutdown().await,
                Wake::Deadline => self.feed.event(now, SupervisorEvent::Tick),
                Wake::Note(Some(n)) => {
                    if n.uuid == uuids::full(RSC_MEASUREMENT) {
                        self.feed.measurement_bytes(now, &n.value)
                    } else if n.uuid == uuids::full(BATTERY_LEVEL) {
                        self.feed.battery_bytes(now, &n.value)
                    } else {
                        Vec::new()
                    }
                }
                // The stream only ends when the peripheral object goes away.
                Wake::Note(None) => {
                    self.link = None;
                    self.feed.event(now, SupervisorEvent::LinkLost)
                }
                Wake::Adapter(Some(event)) => self.adapter_event(event).await,
                Wake::Adapter(None) => {
                    return Err(BleError::Failed {
                        op: "adapter events",
                        detail: "the adapter's event stream ended".to_owned(),
                    });
                }
            };
        }
    }

    async fn wait(
        &mut self,
        stop: &mut watch::Receiver<bool>,
        events: &mut (impl futures::Stream<Item = CentralEvent> + Unpin),
    ) -> Wake {
        let sleep_for = self
            .feed
            .supervisor()
            .next_deadline()
            .map(|d| Duration::from_millis(d.saturating_sub(self.clock.now_ms())));
        let notes = async {
            match self.link.as_mut() {
                Some(link) => link.notifications.next().await,
                None => std::future::pending().await,
            }
        };
        let deadline = async {
            match sleep_for {
                Some(d) => tokio::time::sleep(d).await,
                None => std::future::pending().await,
            }
        };
        tokio::select! {
            _ = stop.changed() => Wake::Stop,
            n = notes => Wake::Note(n),
            e = events.next() => Wake::Adapter(e),
            _ = deadline => Wake::Deadline,
        }
    }

    fn connected(&mut self, result: Result<Link, BleError>) -> Vec<LinkAction> {
        let now = self.now();
        match result {
            Ok(mut link) => {
                for w in std::mem::take(&mut link.warnings) {
                    self.feed.warn(w);
                }
                self.feed.details(link.details.clone());
                let battery = link.battery.take();
                self.link = Some(link);
                let mut actions = self.feed.event(now, SupervisorEvent::ConnectSucceeded);
                if let Some(bytes) = battery {
                    actions.extend(self.feed.battery_bytes(now, &bytes));
                }
                actions
            }
            Err(err) => {
                self.feed.warn(SensorWarning::ConnectFailed {
                    detail: err.to_string(),
                });
                self.feed
                    .event(now, SupervisorEvent::ConnectFailed(err.failure_kind()))
            }
        }
    }

    async fn adapter_event(&mut self, event: CentralEvent) -> Vec<LinkAction> {
        let t = &self.config.timeouts;
        match event {
            CentralEvent::DeviceDisconnected(id) => {
                let Some(link) = &self.link else {
                    return Vec::new();
                };
                if link.peripheral.id() != id {
                    return Vec::new();
                }
                // A late event from a link this client already replaced.
                let still_up = timed(
                    "is connected",
                    t.housekeeping_ms,
                    link.peripheral.is_connected(),
                )
                .await
                .unwrap_or(false);
                if still_up {
                    return Vec::new();
                }
                self.link = None;
                self.feed.event(self.now(), SupervisorEvent::LinkLost)
            }
            CentralEvent::StateUpdate(CentralState::PoweredOff) => {
                self.link = None;
                self.feed.event(self.now(), SupervisorEvent::AdapterOff)
            }
            CentralEvent::StateUpdate(CentralState::PoweredOn) => {
                self.feed.event(self.now(), SupervisorEvent::AdapterOn)
            }
            _ => Vec::new(),
        }
    }

    async fn drop_link(&mut self) {
        if let Some(link) = self.link.take() {
            let t = &self.config.timeouts;
            let _ = timed(
                "disconnect",
                t.housekeeping_ms,
                link.peripheral.disconnect(),
            )
            .await;
        }
    }

    async fn shutdown(mut self) -> Result<(), BleError> {
        let now = self.now();
        let _ = self.feed.event(now, SupervisorEvent::Stop);
        self.drop_link().await;
        Ok(())
    }
}
