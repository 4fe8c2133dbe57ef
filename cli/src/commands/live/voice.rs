//! Spoken cues through the system's own speech command, when it has one
//! (`espeak-ng`, `spd-say`, macOS `say`): one sentence at a time, in
//! order, never holding up the run; `--quiet` leaves it off.

use std::collections::VecDeque;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

/// The speech commands tried, in order.
const COMMANDS: [&str; 3] = ["espeak-ng", "spd-say", "say"];

/// The first speech command on the PATH.
fn find_command() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .flat_map(|dir| COMMANDS.iter().map(move |c| dir.join(c)))
        .find(|p| is_executable(p))
}

fn is_executable(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    path.metadata()
        .is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
}

/// Speaks queued sentences one after the other.
pub struct Voice {
    command: PathBuf,
    speaking: Option<Child>,
    queue: VecDeque<String>,
}

impl Voice {
    /// A voice, if this machine can speak.
    pub fn find() -> Option<Self> {
        find_command().map(|command| Self {
            command,
            speaking: None,
            queue: VecDeque::new(),
        })
    }

    /// The command that speaks, for the start-up line.
    pub fn command(&self) -> String {
        self.command.display().to_string()
    }

    /// Queues `text`; it is said when the sentences before it are done.
    pub fn say(&mut self, text: &str) {
        // A backlog of stale cues helps no one: keep the latest few.
        if self.queue.len() >= 4 {
            self.queue.pop_front();
        }
        self.queue.push_back(text.to_owned());
        self.pump();
    }

    /// Starts the next sentence once the current one has finished; call
    /// it from the run's loop.
    pub fn pump(&mut self) {
        if let Some(child) = &mut self.speaking {
            match child.try_wait() {
                Ok(None) => return,
                Ok(Some(_)) | Err(_) => self.speaking = None,
            }
        }
        let Some(text) = self.queue.pop_front() else {
            return;
        };
        // A speech command that fails to start is given up on quietly:
        // the cue is on the screen all the same.
        self.speaking = Command::new(&self.command)
            .arg(text)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .ok();
    }
}

impl Drop for Voice {
    fn drop(&mut self) {
        // Let the last sentence finish rather than cut it, but do not leave
        // a zombie behind.
        if let Some(mut child) = self.speaking.take() {
            let _ = child.wait();
        }
    }
}
