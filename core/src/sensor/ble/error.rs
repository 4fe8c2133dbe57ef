//! Errors of the Bluetooth edge, with btleplug's and BlueZ's errors sorted
//! into what the supervisor can act on. BlueZ errors arrive as opaque D-Bus
//! errors inside `btleplug::Error::Other`; the D-Bus error name is the only
//! reliable signal, so it is read from the error's text.

use thiserror::Error;

use super::super::supervisor::FailureKind;

/// What went wrong talking to the sensor, naming the operation.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum BleError {
    #[error("{op}: no answer within {ms} ms")]
    Timeout { op: &'static str, ms: u64 },
    #[error("no Bluetooth adapter is available")]
    NoAdapter,
    #[error("{op}: Bluetooth is switched off")]
    AdapterOff { op: &'static str },
    #[error("{op}: Bluetooth permission denied")]
    PermissionDenied { op: &'static str },
    #[error("sensor {id} was not found while scanning")]
    NotFound { id: String },
    #[error("device {id} has no Running Speed and Cadence service")]
    NotAnRscSensor { id: String },
    #[error("{op}: the device is not connected")]
    NotConnected { op: &'static str },
    #[error("{op}: the device went away ({detail})")]
    DeviceGone { op: &'static str, detail: String },
    #[error("{op}: Bluetooth is busy ({detail})")]
    Busy { op: &'static str, detail: String },
    #[error("{op}: {detail}")]
    Failed { op: &'static str, detail: String },
    #[error("the sensor runtime could not start: {0}")]
    Runtime(String),
}

impl BleError {
    /// What the supervisor should do about this error.
    pub fn failure_kind(&self) -> FailureKind {
        match self {
            Self::NoAdapter | Self::PermissionDenied { .. } | Self::NotAnRscSensor { .. } => {
                FailureKind::Permanent(self.to_string())
            }
            Self::Runtime(_) => FailureKind::Permanent(self.to_string()),
            Self::AdapterOff { .. } => FailureKind::AdapterOff,
            Self::Timeout { .. }
            | Self::NotFound { .. }
            | Self::NotConnected { .. }
            | Self::DeviceGone { .. }
            | Self::Busy { .. }
            | Self::Failed { .. } => FailureKind::Transient,
        }
    }
}

/// Sorts a btleplug error from operation `op`.
pub fn classify(op: &'static str, err: &btleplug::Error) -> BleError {
    use btleplug::Error as E;
    match err {
        E::PermissionDenied => BleError::PermissionDenied { op },
        E::NoAdapterAvailable => BleError::NoAdapter,
        E::NotConnected => BleError::NotConnected { op },
        E::DeviceNotFound => BleError::DeviceGone {
            op,
            detail: "device not found".to_owned(),
        },
        E::TimedOut(d) => BleError::Timeout {
            op,
            ms: u64::try_from(d.as_millis()).unwrap_or(u64::MAX),
        },
        other => classify_text(op, &format!("{other:?}")),
    }
}

/// Sorts an error by the D-Bus error name its text carries.
pub fn classify_text(op: &'static str, text: &str) -> BleError {
    let detail = text.to_owned();
    let has = |name: &str| text.contains(name);
    if has("org.bluez.Error.NotReady") {
        BleError::AdapterOff { op }
    } else if has("org.bluez.Error.NotAuthorized")
        || has("org.bluez.Error.NotPermitted")
        || has("org.freedesktop.DBus.Error.AccessDenied")
    {
        BleError::PermissionDenied { op }
    } else if has("org.freedesktop.DBus.Error.UnknownObject")
        || has("org.freedesktop.DBus.Error.UnknownMethod")
        || has("org.bluez.Error.DoesNotExist")
    {
        BleError::DeviceGone { op, detail }
    } else if has("org.bluez.Error.InProgress") || has("org.bluez.Error.AlreadyConnected") {
        BleError::Busy { op, detail }
    } else if has("org.bluez.Error.NotConnected") {
        BleError::NotConnected { op }
    } else if has("org.freedesktop.DBus.Error.ServiceUnknown")
        || has("org.freedesktop.DBus.Error.NameHasNoOwner")
    {
        // bluetoothd itself is gone: nothing to talk to until it returns.
        BleError::NoAdapter
    } else if has("org.freedesktop.DBus.Error.FileNotFound")
        || has("org.freedesktop.DBus.Error.NoServer")
    {
        // No system bus at all (a container, a machine without BlueZ):
        // there is no adapter this process can reach.
        BleError::NoAdapter
    } else {
        BleError::Failed { op, detail }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bluez_error_names_sort_into_supervisor_actions() {
        let cases = [
            (
                "D-Bus error: Resource Not Ready (org.bluez.Error.NotReady)",
                FailureKind::AdapterOff,
            ),
            (
                "D-Bus error: le-connection-abort-by-local (org.bluez.Error.Failed)",
                FailureKind::Transient,
            ),
            (
                "Method \"Connect\" doesn't exist (org.freedesktop.DBus.Error.UnknownObject)",
                FailureKind::Transient,
            ),
            (
                "Operation already in progress (org.bluez.Error.InProgress)",
                FailureKind::Transient,
            ),
        ];
        for (text, kind) in cases {
            assert_eq!(
                classify_text("connect", text).failure_kind(),
                kind,
                "{text}"
            );
        }
        assert_eq!(
            classify_text(
                "open Bluetooth manager",
                "Failed to connect to socket /run/dbus/system_bus_socket: No such file or \
                 directory (org.freedesktop.DBus.Error.FileNotFound)"
            ),
            BleError::NoAdapter,
            "no system bus means no adapter to reach"
        );
        assert!(matches!(
            classify_text("read", "x (org.bluez.Error.NotPermitted)").failure_kind(),
            FailureKind::Permanent(_)
        ));
        assert_eq!(
            classify(
                "connect",
                &btleplug::Error::TimedOut(std::time::Duration::from_millis(1500))
            ),
            BleError::Timeout {
                op: "connect",
                ms: 1500
            }
        );
    }
}
