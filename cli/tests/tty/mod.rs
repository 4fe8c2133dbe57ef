//! A pseudo-terminal for the dashboard tests: a private tmux server (its
//! own socket in a temporary folder) runs `patella` in a pane of a fixed
//! size; the test reads the pane as the runner would see it
//! (`capture-pane`) and types keys (`send-keys`).
// Each test binary uses part of it.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

pub struct Pane {
    dir: tempfile::TempDir,
    socket: PathBuf,
}

fn tmux(socket: &Path, args: &[&str]) -> Output {
    Command::new("tmux")
        .arg("-S")
        .arg(socket)
        .args(args)
        .output()
        .expect("tmux must be installed (scripts/bootstrap installs it)")
}

/// Quotes `s` for the pane's shell.
fn quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', r"'\''"))
}

impl Pane {
    /// Starts `patella ARGS` in a `width`×`height` pane with `env` set.
    /// When it exits, its exit code is written where [`Pane::status`]
    /// reads it and the pane stays open to be read.
    pub fn start(args: &[&str], env: &[(&str, &str)], width: u16, height: u16) -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        let socket = dir.path().join("tmux.sock");
        let status = dir.path().join("status");
        let pid = dir.path().join("pid");
        let mut command = String::new();
        for (k, v) in env {
            command.push_str(&format!("{k}={} ", quote(v)));
        }
        // The inner shell writes its own pid and becomes `patella` (exec),
        // so the pid file names the program, which Drop waits for.
        command.push_str(&format!(
            "sh -c 'echo $$ > \"$1\"; shift; exec \"$@\"' sh {} ",
            quote(&pid.display().to_string())
        ));
        command.push_str(&quote(env!("CARGO_BIN_EXE_patella")));
        for a in args {
            command.push(' ');
            command.push_str(&quote(a));
        }
        let script = format!(
            "{command}; echo $? > {}; sleep 120",
            quote(&status.display().to_string())
        );
        let out = tmux(
            &socket,
            &[
                "-f",
                "/dev/null",
                "new-session",
                "-d",
                "-x",
                &width.to_string(),
                "-y",
                &height.to_string(),
                "sh",
                "-c",
                &script,
            ],
        );
        assert!(
            out.status.success(),
            "tmux new-session: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        Self { dir, socket }
    }

    /// The pane's text now.
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&tmux(&self.socket, &["capture-pane", "-p"]).stdout).into_owned()
    }

    /// Types keys, in tmux's `send-keys` names ("6", "q", "C-c").
    pub fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys"];
        args.extend_from_slice(keys);
        let out = tmux(&self.socket, &args);
        assert!(out.status.success(), "send-keys");
    }

    /// Whether the program has the terminal's alternate screen up.
    pub fn alternate_screen(&self) -> bool {
        let out = tmux(&self.socket, &["display-message", "-p", "#{alternate_on}"]);
        String::from_utf8_lossy(&out.stdout).trim() == "1"
    }

    /// The program's process id, once it has started.
    pub fn pid(&self) -> Option<u32> {
        std::fs::read_to_string(self.dir.path().join("pid"))
            .ok()
            .and_then(|s| s.trim().parse().ok())
    }

    /// The exit code, once the program has ended.
    pub fn status(&self) -> Option<i32> {
        std::fs::read_to_string(self.dir.path().join("status"))
            .ok()
            .and_then(|s| s.trim().parse().ok())
    }

    /// Reads the pane until `done` holds for a screen or `limit` passes;
    /// returns every distinct screen seen, in order.
    pub fn watch(
        &self,
        limit: Duration,
        mut done: impl FnMut(&str, Option<i32>) -> bool,
    ) -> Vec<String> {
        let start = Instant::now();
        let mut seen: Vec<String> = Vec::new();
        while start.elapsed() < limit {
            let status = self.status();
            let text = self.text();
            if seen.last() != Some(&text) {
                seen.push(text.clone());
            }
            if done(&text, status) {
                break;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        seen
    }
}

/// How long a program may go on after its terminal closed (it keeps its
/// run, then ends) before the pane's drop calls it hung.
const HANG_UP_LIMIT: Duration = Duration::from_secs(10);

/// Whether process `pid` has ended; a zombie has (only its parent's
/// bookkeeping is left).
fn gone(pid: u32) -> bool {
    let Ok(stat) = std::fs::read_to_string(format!("/proc/{pid}/stat")) else {
        return true;
    };
    // The state follows the command name, which is in parentheses.
    stat.rsplit_once(") ")
        .is_none_or(|(_, rest)| rest.starts_with('Z'))
}

impl Drop for Pane {
    /// Closes the terminal, then waits for the program to end. A program
    /// hung up mid-run goes on keeping its run in its data folder, which
    /// the test's temporary folder holds and removes right after this drop:
    /// removing it under a writing program fails ("Directory not empty") or
    /// leaves files behind.
    fn drop(&mut self) {
        let _ = tmux(&self.socket, &["kill-server"]);
        let Some(pid) = std::fs::read_to_string(self.dir.path().join("pid"))
            .ok()
            .and_then(|s| s.trim().parse::<u32>().ok())
        else {
            return;
        };
        let start = Instant::now();
        while !gone(pid) {
            if start.elapsed() > HANG_UP_LIMIT {
                let _ = Command::new("kill")
                    .args(["-KILL", &pid.to_string()])
                    .status();
                let killed = Instant::now();
                while !gone(pid) && killed.elapsed() < Duration::from_secs(5) {
                    std::thread::sleep(Duration::from_millis(20));
                }
                // A second panic while unwinding would abort the run.
                if !std::thread::panicking() {
                    panic!(
                        "patella (pid {pid}) still ran {HANG_UP_LIMIT:?} after its terminal closed"
                    );
                }
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}
