//! `patella sensor scan` and `patella sensor watch [ID]`: find RSC foot pods
//! and follow one live (cadence, battery, connection state), through the
//! same client and supervisor the apps use.

use std::sync::Arc;
use std::time::Duration;

use clap::{Args, Subcommand};
use patella_core::sample::{CadenceSample, MonoMs, SampleSink};
use patella_core::screens::format;
use patella_core::sensor::ble::{BleConfig, BleError, BleSensorClient};
use patella_core::sensor::clock::InstantClock;
use patella_core::sensor::observer::{
    SensorConnectionState, SensorDetails, SensorListener, SensorWarning,
};
use serde::Serialize;

use crate::busy::Busy;
use crate::output::{CliError, print_json, stdout_closed};

#[derive(Args)]
pub struct SensorArgs {
    #[command(subcommand)]
    command: SensorCommand,
}

#[derive(Subcommand)]
enum SensorCommand {
    /// List the Running Speed and Cadence sensors in range, strongest first.
    #[command(after_help = "Example:\n  patella sensor scan --seconds 10")]
    Scan(ScanArgs),
    /// Connect to a sensor and print its cadence, battery and connection state as they change.
    #[command(after_help = "Example:\n  patella sensor watch --seconds 60")]
    Watch(WatchArgs),
}

#[derive(Args)]
struct ScanArgs {
    /// How long to listen for advertisements, in seconds.
    #[arg(long, default_value_t = 5.0)]
    seconds: f64,
    /// Print JSON instead of text.
    #[arg(long)]
    json: bool,
}

#[derive(Args)]
struct WatchArgs {
    /// The sensor's id or address from `patella sensor scan`; the strongest sensor when omitted.
    id: Option<String>,
    /// Stop after this many seconds (default: until interrupted).
    #[arg(long)]
    seconds: Option<f64>,
    /// Print one JSON object per line instead of text.
    #[arg(long)]
    json: bool,
}

pub fn run(args: SensorArgs) -> Result<(), CliError> {
    match args.command {
        SensorCommand::Scan(a) => scan(&a),
        SensorCommand::Watch(a) => watch(a),
    }
}

fn seconds(value: f64, field: &str) -> Result<Duration, CliError> {
    Duration::try_from_secs_f64(value).map_err(|_| {
        CliError::Invalid(format!(
            "--{field}: {value} is not a usable number of seconds"
        ))
    })
}

/// A Bluetooth failure, with what the user can do about it.
pub fn ble_error(op: &str, err: &BleError) -> CliError {
    let next = match err {
        BleError::NoAdapter => "plug in a Bluetooth adapter or switch Bluetooth on",
        BleError::AdapterOff { .. } => "switch Bluetooth on and try again",
        BleError::PermissionDenied { .. } => "allow this program to use Bluetooth",
        BleError::NotFound { .. } => {
            "wake the sensor with a few steps; `patella sensor scan` lists what is in range"
        }
        BleError::NotAnRscSensor { .. } => {
            "pick a foot pod from the list `patella sensor scan` prints"
        }
        BleError::Timeout { .. }
        | BleError::NotConnected { .. }
        | BleError::DeviceGone { .. }
        | BleError::Busy { .. } => "move closer to the sensor and try again",
        BleError::Failed { .. } | BleError::Runtime(_) => {
            "check that Bluetooth is on and working on this machine, then try again"
        }
    };
    CliError::Device(format!("{op}: {err}; {next}"))
}

fn client() -> BleSensorClient {
    BleSensorClient::new(BleConfig::default(), Arc::new(InstantClock::new()))
}

fn scan(args: &ScanArgs) -> Result<(), CliError> {
    let window = seconds(args.seconds, "seconds")?;
    let busy = Busy::start(format!(
        "scanning for foot pods for {} s; a few steps wake a sleeping pod",
        args.seconds
    ));
    let found = client()
        .scan_blocking(window)
        .map_err(|e| ble_error("scan", &e));
    drop(busy);
    let found = found?;
    if args.json {
        return print_json(&found);
    }
    if found.is_empty() {
        println!(
            "no RSC sensor found in {} s; wake the foot pod with a few steps and scan again",
            args.seconds
        );
    }
    for s in found {
        let rssi = s.rssi.map_or_else(|| "?".to_owned(), |r| r.to_string());
        let name = s.name.as_deref().unwrap_or("(no name)");
        println!("{}  {name}  rssi {rssi} dBm  address {}", s.id, s.address);
    }
    Ok(())
}

fn watch(args: WatchArgs) -> Result<(), CliError> {
    let limit = args.seconds.map(|s| seconds(s, "seconds")).transpose()?;
    let printer = Arc::new(Printer { json: args.json });
    let running = client()
        .start(args.id, None, Some(printer.clone()), Some(printer))
        .map_err(|e| ble_error("watch", &e))?;
    // Until the time is up, the reader of the output has gone (`| head`),
    // or Ctrl-C ends the process; then the link is closed properly.
    let deadline = limit.and_then(|d| std::time::Instant::now().checked_add(d));
    while !stdout_closed() && deadline.is_none_or(|at| std::time::Instant::now() < at) {
        std::thread::sleep(Duration::from_millis(50));
    }
    running.stop_blocking().map_err(|e| ble_error("watch", &e))
}

/// Prints what the run session and the app would receive.
struct Printer {
    json: bool,
}

#[derive(Serialize)]
#[serde(tag = "event", rename_all = "snake_case")]
enum Line<'a> {
    Sample(&'a CadenceSample),
    SignalLost { source_id: &'a str, at_ms: MonoMs },
    SignalRestored { source_id: &'a str, at_ms: MonoMs },
    State(&'a SensorConnectionState),
    Battery { percent: u8 },
    Details(&'a SensorDetails),
    Warning(&'a SensorWarning),
}

impl Printer {
    fn emit(&self, line: &Line<'_>, text: String) {
        if self.json {
            if let Ok(s) = serde_json::to_string(line) {
                println!("{s}");
            }
        } else {
            println!("{text}");
        }
    }
}

impl SampleSink for Printer {
    fn on_sample(&self, s: CadenceSample) {
        let text = format!(
            "{:>8} ms  cadence {:>3} /min  speed {:.2} m/s  stride {}",
            s.at_ms,
            s.cadence,
            s.speed_mps.unwrap_or(0.0),
            s.stride_length_m
                .map_or_else(|| "-".to_owned(), |m| format!("{m:.2} m")),
        );
        self.emit(&Line::Sample(&s), text);
    }
    fn on_signal_lost(&self, source_id: &str, at_ms: MonoMs) {
        self.emit(
            &Line::SignalLost { source_id, at_ms },
            format!("{at_ms:>8} ms  signal lost"),
        );
    }
    fn on_signal_restored(&self, source_id: &str, at_ms: MonoMs) {
        self.emit(
            &Line::SignalRestored { source_id, at_ms },
            format!("{at_ms:>8} ms  signal back"),
        );
    }
}

impl SensorListener for Printer {
    fn on_state(&self, state: SensorConnectionState) {
        self.emit(
            &Line::State(&state),
            format!("state: {}", format::sensor_state(&state)),
        );
    }
    fn on_battery(&self, percent: u8) {
        self.emit(&Line::Battery { percent }, format!("battery: {percent} %"));
    }
    fn on_details(&self, d: SensorDetails) {
        let text = format!(
            "sensor: {} {} ({} {}), location {}",
            d.id,
            d.name.as_deref().unwrap_or(""),
            d.manufacturer.as_deref().unwrap_or("?"),
            d.model.as_deref().unwrap_or("?"),
            d.location
                .map_or_else(|| "unknown".to_owned(), format::sensor_location)
        );
        self.emit(&Line::Details(&d), text);
    }
    fn on_warning(&self, w: SensorWarning) {
        self.emit(
            &Line::Warning(&w),
            format!("warning: {}", format::sensor_warning(&w)),
        );
    }
}
