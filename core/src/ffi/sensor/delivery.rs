//! Carries the sensor's state, battery, details and warnings to the app's
//! observer through an `EventPump`, so that the foreign observer never runs
//! on the sensor runtime's worker nor under the pushed feed's lock (issue 10,
//! findings 1 to 3). The core calls `ObserverPump` where it used to call the
//! app; the pump's thread makes the foreign call.

use std::sync::Arc;

use crate::sensor::observer::{
    SensorConnectionState, SensorDetails, SensorListener, SensorWarning,
};
use crate::sensor::picker::SensorPickerScreen;

use super::types::SensorObserver;
use crate::ffi::events::{DeliveryReport, EventPump};

/// One observer call, queued.
enum SensorNote {
    State(SensorConnectionState),
    Battery(u8),
    Details(SensorDetails),
    Warning(SensorWarning),
    Picker(SensorPickerScreen),
}

/// The core's observer, backed by a delivery thread that calls the app's.
pub(crate) struct ObserverPump {
    pump: EventPump<SensorNote>,
}

impl ObserverPump {
    pub(crate) fn start(observer: Arc<dyn SensorObserver>) -> std::io::Result<Self> {
        let pump = EventPump::start("patella-sensor-events", move |note| match note {
            SensorNote::State(s) => observer.on_state(s),
            SensorNote::Battery(p) => observer.on_battery(p),
            SensorNote::Details(d) => observer.on_details(d),
            SensorNote::Warning(w) => observer.on_warning(w),
            SensorNote::Picker(p) => observer.on_picker(p),
        })?;
        Ok(Self { pump })
    }

    /// Ends delivery and lets go of the app's observer (`EventPump::close`);
    /// the running sensor may still hold this pump, so dropping ours is not
    /// enough.
    pub(crate) fn close(&self) {
        self.pump.close();
    }

    /// Queues a picker update (not a core observer call: the picker is the
    /// FFI client's).
    pub(crate) fn picker(&self, screen: SensorPickerScreen) {
        self.pump.send(SensorNote::Picker(screen));
    }

    pub(crate) fn report(&self) -> DeliveryReport {
        self.pump.report()
    }

    pub(crate) fn wait_idle(&self, limit: std::time::Duration) -> bool {
        self.pump.wait_idle(limit)
    }
}

impl SensorListener for ObserverPump {
    fn on_state(&self, state: SensorConnectionState) {
        self.pump.send(SensorNote::State(state));
    }
    fn on_battery(&self, percent: u8) {
        self.pump.send(SensorNote::Battery(percent));
    }
    fn on_details(&self, details: SensorDetails) {
        self.pump.send(SensorNote::Details(details));
    }
    fn on_warning(&self, warning: SensorWarning) {
        self.pump.send(SensorNote::Warning(warning));
    }
}
