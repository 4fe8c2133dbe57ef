//! The progress indicator for steps that can take more than a second
//! (import, export, a Bluetooth scan, a report): a spinner with a few words
//! on standard error, drawn only when standard error is a terminal. Piped
//! or redirected output (`--json`, `| head`, a script) gets nothing from
//! it, and the spinner's line is cleared when the step ends, so the
//! terminal shows only the command's own output.

use std::io::IsTerminal;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// A spinner for one command; dropped, it clears its line.
pub struct Busy {
    bar: ProgressBar,
}

impl Busy {
    /// Starts a spinner saying `words`, or a hidden one when standard
    /// error is not a terminal.
    pub fn start(words: impl Into<String>) -> Self {
        let target = if std::io::stderr().is_terminal() {
            ProgressDrawTarget::stderr()
        } else {
            ProgressDrawTarget::hidden()
        };
        let bar = ProgressBar::with_draw_target(None, target);
        // The template is a constant; the fallback only keeps the default look.
        if let Ok(style) = ProgressStyle::with_template("{spinner} {msg} {elapsed}") {
            bar.set_style(style);
        }
        bar.set_message(words.into());
        bar.enable_steady_tick(Duration::from_millis(100));
        Self { bar }
    }

    /// Moves on to the next step, saying what it is.
    pub fn step(&self, words: impl Into<String>) {
        self.bar.set_message(words.into());
    }
}

impl Drop for Busy {
    fn drop(&mut self) {
        self.bar.finish_and_clear();
    }
}
