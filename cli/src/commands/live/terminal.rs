//! The terminal the dashboard owns: raw mode and the alternate screen, put
//! back however the run ends (its end, an error, Ctrl-C, a panic). Drawing
//! errors (a terminal closed under us, an odd one) are values: the caller
//! drops the dashboard and carries on in plain lines.

use std::io::{IsTerminal, Stdout, Write};
use std::sync::Once;
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
    terminal: Terminal<CrosstermBackend<Stdout>>,
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
            Ok(terminal) => Ok(Self { terminal }),
            Err(e) => {
                restore();
                Err(e)
            }
        }
    }

    /// Draws one frame.
    pub fn draw(&mut self, render: impl FnOnce(&mut ratatui::Frame<'_>)) -> std::io::Result<()> {
        self.terminal.draw(render).map(|_| ())
    }

    /// Rings the terminal bell (the metronome's beat, when the terminal
    /// has nothing better).
    pub fn bell(&mut self) {
        let out = self.terminal.backend_mut();
        let _ = out.write_all(b"\x07").and_then(|()| out.flush());
    }
}

impl Drop for Screen {
    fn drop(&mut self) {
        restore();
    }
}

/// Waits up to `limit` for a key press; `None` when none came. Input that
/// cannot be read is waited out the same way, so a caller's loop keeps
/// its pace instead of spinning.
pub fn next_key(limit: Duration) -> Option<KeyEvent> {
    match event::poll(limit) {
        Ok(true) => match event::read() {
            Ok(Event::Key(key)) if key.kind != KeyEventKind::Release => Some(key),
            _ => None,
        },
        Ok(false) => None,
        Err(_) => {
            std::thread::sleep(limit);
            None
        }
    }
}
