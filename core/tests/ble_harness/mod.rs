//! The harness of the BLE end-to-end tests: a private dbus-daemon and the
//! project's fake BlueZ (`tests/ble/fake_bluez.py`) per scenario, and the
//! scenario body re-run in a child process of this test binary with the
//! private bus as its system bus.
//!
//! Why a child process: libdbus reads `DBUS_SYSTEM_BUS_ADDRESS` once per
//! process, and the workspace forbids the `unsafe` that setting it in
//! process would need. So every scenario gets its own process whether it
//! runs under cargo-nextest or plain `cargo test`.

pub mod recorder;

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

const CHILD_ENV: &str = "PATELLA_BLE_SCENARIO_CHILD";
const LOG_ENV: &str = "PATELLA_FAKE_BLUEZ_LOG";
const PYTHON: &str = "/usr/bin/python3";
/// A scenario that takes longer than this is hung.
const CHILD_LIMIT: Duration = Duration::from_secs(90);

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The fake's log (its stderr), for scenario bodies that compare what the
/// sink received with what the fake sent.
pub fn fake_log() -> String {
    std::env::var(LOG_ENV)
        .ok()
        .and_then(|p| std::fs::read_to_string(p).ok())
        .unwrap_or_default()
}

/// Runs `body` as a BLE scenario against a fake started with `fake_args`.
/// `name` must be the test function's name (the child is selected by it).
pub fn scenario(name: &str, fake_args: &[&str], body: fn()) {
    if std::env::var_os(CHILD_ENV).is_some() {
        body();
        return;
    }
    let bus = FakeBluez::start(fake_args);
    let exe = std::env::current_exe().expect("the test binary's own path");
    let mut child = Command::new(exe)
        .args([name, "--exact", "--nocapture", "--test-threads=1"])
        .env(CHILD_ENV, "1")
        .env("DBUS_SYSTEM_BUS_ADDRESS", bus.address())
        .env(LOG_ENV, &bus.log_path)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("re-run the test binary for the scenario");
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait for the scenario") {
            break Some(status);
        }
        if started.elapsed() > CHILD_LIMIT {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let out = child.wait_with_output().expect("scenario output");
    let report = format!(
        "--- scenario stdout\n{}\n--- scenario stderr\n{}\n--- fake BlueZ log\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr),
        bus.log()
    );
    assert!(
        status.is_some(),
        "scenario `{name}` hung for {CHILD_LIMIT:?}\n{report}"
    );
    if let Some(status) = status {
        assert!(
            status.success(),
            "scenario `{name}` failed ({status})\n{report}"
        );
    }
    // A filter that matched nothing would also exit 0: insist the body ran.
    let ran = format!("test {name} ... ok");
    assert!(
        String::from_utf8_lossy(&out.stdout).contains(&ran),
        "scenario `{name}` did not run in the child process\n{report}"
    );
}

/// Missing tools fail the test loudly: a skipped BLE suite would look green.
fn preflight() {
    let daemon = Command::new("dbus-daemon").arg("--version").output();
    assert!(
        daemon.map(|o| o.status.success()).unwrap_or(false),
        "dbus-daemon is missing: the BLE end-to-end tests need it (run scripts/bootstrap, \
         or apt-get install dbus)"
    );
    let fast = Command::new(PYTHON)
        .args(["-c", "import dbus_fast"])
        .output();
    assert!(
        fast.map(|o| o.status.success()).unwrap_or(false),
        "{PYTHON} cannot import dbus_fast: the fake BlueZ needs it (run scripts/bootstrap, \
         or apt-get install python3-dbus-fast)"
    );
}

/// A private bus with the fake BlueZ on it; both are killed on drop.
pub struct FakeBluez {
    daemon: Child,
    fake: Child,
    address: String,
    log_path: PathBuf,
    _dir: tempfile::TempDir,
}

impl FakeBluez {
    /// Starts a bus and a fake with `fake_args` (see `fake_bluez.py --help`).
    pub fn start(fake_args: &[&str]) -> Self {
        preflight();
        let root = repo_root();
        let dir = tempfile::Builder::new()
            .prefix("patella-ble-")
            .tempdir()
            .expect("a temporary directory for the bus socket");
        let mut daemon = Command::new("dbus-daemon")
            .arg(format!(
                "--config-file={}",
                root.join("tests/ble/bus.conf").display()
            ))
            .arg(format!(
                "--address=unix:path={}",
                dir.path().join("bus.sock").display()
            ))
            .args(["--nofork", "--print-address=1", "--nopidfile"])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start dbus-daemon");
        let stdout = daemon.stdout.take().expect("dbus-daemon stdout");
        let address = first_line(BufReader::new(stdout), Duration::from_secs(10))
            .expect("dbus-daemon printed no address within 10 s");
        let log_path = dir.path().join("fake-bluez.log");
        let log = std::fs::File::create(&log_path).expect("fake log file");
        let fake = Command::new(PYTHON)
            .arg(root.join("tests/ble/fake_bluez.py"))
            .args(fake_args)
            .env("DBUS_SYSTEM_BUS_ADDRESS", &address)
            .stderr(log)
            .stdout(Stdio::null())
            .spawn()
            .expect("start the fake BlueZ");
        let mut bus = Self {
            daemon,
            fake,
            address,
            log_path,
            _dir: dir,
        };
        bus.await_ready();
        bus
    }

    /// The bus address to hand a process as `DBUS_SYSTEM_BUS_ADDRESS`.
    pub fn address(&self) -> &str {
        &self.address
    }

    /// Everything the fake logged so far.
    pub fn log(&self) -> String {
        std::fs::read_to_string(&self.log_path).unwrap_or_default()
    }

    fn await_ready(&mut self) {
        let started = Instant::now();
        loop {
            let log = std::fs::read_to_string(&self.log_path).unwrap_or_default();
            if log.contains("READY") {
                return;
            }
            let exited = self.fake.try_wait().ok().flatten();
            assert!(
                exited.is_none(),
                "the fake BlueZ exited ({exited:?}) before it was ready:\n{log}"
            );
            assert!(
                started.elapsed() < Duration::from_secs(15),
                "the fake BlueZ was not ready within 15 s:\n{log}"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for FakeBluez {
    fn drop(&mut self) {
        let _ = self.fake.kill();
        let _ = self.fake.wait();
        let _ = self.daemon.kill();
        let _ = self.daemon.wait();
    }
}

fn first_line(mut reader: impl BufRead + Send + 'static, limit: Duration) -> Option<String> {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let mut line = String::new();
        let _ = reader.read_line(&mut line);
        let _ = tx.send(line);
        // Keep the pipe drained so the daemon never blocks on it.
        let mut rest = String::new();
        while reader.read_line(&mut rest).map(|n| n > 0).unwrap_or(false) {
            rest.clear();
        }
    });
    rx.recv_timeout(limit)
        .ok()
        .map(|l| l.trim().to_owned())
        .filter(|l| !l.is_empty())
}
