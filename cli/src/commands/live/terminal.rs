//! The terminal the dashboard owns: raw mode and the alternate screen, put
//! back however the run ends (its end, an error, Ctrl-C, a panic). Drawing
//! errors (a terminal closed under us, an odd one) are values: the caller
//! drops the dashboard and carries on in plain lines.

use std::io::{IsTerminal, Stdout, Write};
use std::sync::Once;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::Duration;

use crossterm::event::{self, Event, KeyEvent, KeyEventKind};
use crossterm::{cursor, execute, terminal};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

/// Whether a dashboard can be drawn: output and input are a terminal.
pub fn is_interactive() -> bool {
    std::io::stdout().is_terminal() && std::io::stdin().is_terminal()
}

/// Leaves raw mode and the alternate screen; harmless when not in them.
fn restore() {
    let _ = terminal::disable_raw_mode();
    let mut out = std::io::stdout();
    let _ = execute!(out, terminal::LeaveAlternateScreen, cursor::Show);
    let _ = out.flush();
}

/// A panic while the dashboard is up would print into the alternate
/// screen and leave the terminal raw: put the terminal back first.
fn restore_on_panic() {
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore();
            previous(info);
        }));
    });
}

/// The dashboard's terminal; dropping it restores the terminal.
pub struct Screen {
    /// Always `Some` until the screen is dropped (see `Drop`).
    terminal: Option<Terminal<CrosstermBackend<Stdout>>>,
    keys: Receiver<KeyEvent>,
}

/// Reads key presses on a thread of its own and hands them over. A closed
/// terminal can leave crossterm's reader spinning on end-of-file instead of
/// failing; on its own thread that cannot hold up the run, which notices
/// the hang-up (the signal, or its output failing) and ends, kept.
fn read_keys() -> Receiver<KeyEvent> {
    let (tx, rx) = mpsc::channel();
    let spawned = std::thread::Builder::new()
        .name("patella-keys".to_owned())
        .spawn(move || {
            loop {
                match event::read() {
                    Ok(Event::Key(key)) if key.kind != KeyEventKind::Release => {
                        if tx.send(key).is_err() {
                            return;
                        }
                    }
                    Ok(_) => {}
                    Err(_) => return,
                }
            }
        });
    // Without the thread there are no keys; the dashboard still draws.
    drop(spawned);
    rx
}

impl Screen {
    /// Takes over the terminal, or says why it cannot.
    pub fn open() -> std::io::Result<Self> {
        restore_on_panic();
        terminal::enable_raw_mode()?;
        let mut out = std::io::stdout();
        if let Err(e) = execute!(out, terminal::EnterAlternateScreen, cursor::Hide) {
            restore();
            return Err(e);
        }
        match Terminal::new(CrosstermBackend::new(out)) {
            Ok(terminal) => Ok(Self {
                terminal: Some(terminal),
                keys: read_keys(),
            }),
            Err(e) => {
                restore();
                Err(e)
            }
        }
    }

    /// Draws one frame.
    pub fn draw(&mut self, render: impl FnOnce(&mut ratatui::Frame<'_>)) -> std::io::Result<()> {
        match self.terminal.as_mut() {
            Some(terminal) => terminal.draw(render).map(|_| ()),
            None => Ok(()),
        }
    }

    /// Waits up to `limit` for a key press; `None` when none came. With
    /// the key reader gone, the wait is still waited, so the caller's loop
    /// keeps its pace instead of spinning.
    pub fn next_key(&self, limit: Duration) -> Option<KeyEvent> {
        match self.keys.recv_timeout(limit) {
            Ok(key) => Some(key),
            Err(RecvTimeoutError::Timeout) => None,
            Err(RecvTimeoutError::Disconnected) => {
                std::thread::sleep(limit);
                None
            }
        }
    }

    /// Rings the terminal bell (the metronome's beat, when the terminal
    /// has nothing better).
    pub fn bell(&mut self) {
        if let Some(terminal) = self.terminal.as_mut() {
            let out = terminal.backend_mut();
            let _ = out.write_all(b"\x07").and_then(|()| out.flush());
        }
    }
}

impl Drop for Screen {
    fn drop(&mut self) {
        restore();
        // ratatui's own drop shows a hidden cursor and, when the terminal
        // is gone, reports that with `eprintln!`, which panics on a closed
        // standard error (a terminal closed under the run). So it is
        // dropped only once the cursor is shown; otherwise it is let go.
        if let Some(mut terminal) = self.terminal.take() {
            if terminal.show_cursor().is_ok() {
                drop(terminal);
            } else {
                std::mem::forget(terminal);
            }
        }
    }
}
