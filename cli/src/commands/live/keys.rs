//! The keys a runner presses during `patella run` (and may press in the
//! demo): a digit is a knee check-in at that score, `s` reports sharp pain,
//! `f` a red flag (then a letter says which), `q` or Ctrl-C ends the run.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use patella_core::pain::RedFlag;

/// What a key asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyAction {
    /// A check-in at this score (0-9; the scale's 10 has no key).
    Score(u8),
    /// Sharp pain now: the run stops for the knee.
    Sharp,
    /// A red flag of this kind: the run stops, see a clinician.
    RedFlag(RedFlag),
    /// `f` was pressed: the next key says which red flag.
    AskRedFlag,
    /// End the run now and keep what was recorded.
    Quit,
    /// Not a key Patella uses.
    Nothing,
}

/// The help line under the dashboard.
pub const HELP: &str =
    "keys: 0-9 knee check-in · s sharp pain · f red flag · q stop and keep the run";

/// The red-flag question, after `f`.
pub const RED_FLAG_QUESTION: &str = "Red flag: w swelling · g knee giving way · l cannot use the leg · r pain spreading down the leg (any other key: none)";

/// Reads one key; `asking_flag` is set after `f`.
pub fn action(key: KeyEvent, asking_flag: bool) -> KeyAction {
    if key.modifiers.contains(KeyModifiers::CONTROL) && matches!(key.code, KeyCode::Char('c' | 'C'))
    {
        return KeyAction::Quit;
    }
    let KeyCode::Char(c) = key.code else {
        return if key.code == KeyCode::Esc && !asking_flag {
            KeyAction::Quit
        } else {
            KeyAction::Nothing
        };
    };
    let c = c.to_ascii_lowercase();
    if asking_flag {
        return match c {
            'w' => KeyAction::RedFlag(RedFlag::Swelling),
            'g' => KeyAction::RedFlag(RedFlag::GivingWay),
            'l' => KeyAction::RedFlag(RedFlag::LossOfFunction),
            'r' => KeyAction::RedFlag(RedFlag::RadiatingPain),
            _ => KeyAction::Nothing,
        };
    }
    match c {
        '0'..='9' => KeyAction::Score(c as u8 - b'0'),
        's' => KeyAction::Sharp,
        'f' => KeyAction::AskRedFlag,
        'q' => KeyAction::Quit,
        _ => KeyAction::Nothing,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(c: char) -> KeyEvent {
        KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
    }

    #[test]
    fn digits_are_scores_and_letters_their_actions() {
        assert_eq!(action(key('6'), false), KeyAction::Score(6));
        assert_eq!(action(key('0'), false), KeyAction::Score(0));
        assert_eq!(action(key('s'), false), KeyAction::Sharp);
        assert_eq!(action(key('f'), false), KeyAction::AskRedFlag);
        assert_eq!(
            action(key('g'), true),
            KeyAction::RedFlag(RedFlag::GivingWay)
        );
        assert_eq!(action(key('6'), true), KeyAction::Nothing);
        assert_eq!(action(key('x'), false), KeyAction::Nothing);
        assert_eq!(
            action(
                KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL),
                false
            ),
            KeyAction::Quit
        );
        assert_eq!(action(key('q'), false), KeyAction::Quit);
    }
}
