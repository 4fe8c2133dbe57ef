//! The loop of a live run, shared by `patella demo` and `patella run`: each
//! turn lets the sensor source act, moves the session's time on, hands new
//! events to the screen, the printer and the voice, and reads keys. The
//! loop never reads a clock itself: its [`Pace`] gives the session's time
//! (simulated in the demo, the sleep-counting clock in `patella run`) and
//! says how long to wait in wall time before the next turn.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use chrono::NaiveDateTime;
use patella_core::pain::{CheckIn, CheckInMoment, PainQuality, RedFlag};
use patella_core::run::{RunEvent, RunEventKind, RunScreen, RunSessionSummary, format};
use patella_core::sample::MonoMs;

use super::dashboard::{self, Extras};
use super::keys::{self, KeyAction};
use super::plain;
use super::session::{LiveRun, recent_limit};
use super::terminal::Screen;
use super::voice::Voice;
use crate::output::{CliError, stdout_closed};

/// The session's time and the loop's rhythm.
pub trait Pace {
    /// The session's time now.
    fn now_ms(&self) -> MonoMs;
    /// Moves to the next turn; returns the wall time to wait before it.
    fn next_turn(&mut self) -> Duration;
}

/// What a source did in one turn.
#[derive(Default)]
pub struct Turn {
    /// A line for the runner (the demo's narration).
    pub note: Option<String>,
    /// A check-in the source answers itself (the demo's scripted runner).
    pub check_in: Option<u8>,
}

/// Where readings come from: a simulated pod, or a real one.
pub trait Source {
    /// One turn at `now_ms`, with the screen as the session shows it.
    /// An error ends the run (a sensor that could never be reached).
    fn turn(&mut self, now_ms: MonoMs, screen: &RunScreen) -> Result<Turn, CliError>;
    /// The run is over: let the sensor go (disconnect).
    fn stop(&mut self);
}

/// How the run is shown and heard.
pub struct Show {
    /// Draw the dashboard (else a line per event).
    pub dashboard: bool,
    /// The dashboard's title.
    pub title: String,
    pub voice: Option<Voice>,
    /// Ring the terminal bell on the metronome's beats.
    pub bell: bool,
    /// Plain mode prints the Run screen's status this often (session time).
    pub status_every_ms: u64,
    /// Keep the last frame up this long after the end (wall time).
    pub linger: Duration,
}

/// A run that ended, with its summary.
pub struct Ended {
    pub summary: RunSessionSummary,
    /// The runner pressed q or Ctrl-C.
    pub quit: bool,
}

/// Set by Ctrl-C outside the dashboard (where the key arrives as a key),
/// by a TERM, and by the hang-up of a terminal closed under the run: each
/// ends the run the same way, kept.
static INTERRUPTED: AtomicBool = AtomicBool::new(false);

fn catch_ctrl_c() {
    // Already set (a second run in one process): the first handler serves.
    let _ = ctrlc::set_handler(|| INTERRUPTED.store(true, Ordering::SeqCst));
}

/// The state of the loop's output.
struct Output {
    screen: Option<Screen>,
    recent: Vec<RunEvent>,
    note: Option<String>,
    asking_flag: bool,
    next_status_ms: u64,
    /// The sensor panel's label last printed (plain mode tells changes).
    sensor_label: String,
    /// The "not saved" warning last printed (plain mode tells changes).
    warning: Option<String>,
}

/// Runs `live` from `start_ms` until it ends, the runner quits, or the
/// source fails; then stops the source and finishes the session.
#[allow(clippy::too_many_lines)]
pub fn drive(
    live: &Arc<LiveRun>,
    source: &mut dyn Source,
    pace: &mut dyn Pace,
    mut show: Show,
    started_at: NaiveDateTime,
) -> Result<Ended, CliError> {
    catch_ctrl_c();
    let start_ms = pace.now_ms();
    let mut out = Output {
        screen: None,
        recent: Vec::new(),
        note: None,
        asking_flag: false,
        next_status_ms: 0,
        sensor_label: String::new(),
        warning: None,
    };
    if show.dashboard {
        // A terminal that refuses raw mode gets plain lines instead.
        out.screen = Screen::open().ok();
    }
    let started = match live.start(start_ms) {
        Ok(saved) => saved,
        Err(err) => {
            source.stop();
            return Err(err);
        }
    };
    out.note = started.warning();
    let mut quit = false;
    let mut last_beat = Instant::now();
    let failure = loop {
        let now = pace.now_ms();
        let screen = match live.screen(now) {
            Ok(screen) => screen,
            Err(err) => break Some(err),
        };
        let turn = match source.turn(now, &screen) {
            Ok(turn) => turn,
            Err(err) => break Some(err),
        };
        if let Some(note) = turn.note {
            if out.screen.is_none() {
                println!("{:>7}  {note}", plain::stamp(now.saturating_sub(start_ms)));
            }
            out.note = Some(note);
        }
        if let Some(score) = turn.check_in {
            check_in(live, now, start_ms, started_at, score, None, Vec::new());
        }
        live.tick(now);
        show_turn(live, &mut out, &mut show, now, start_ms);
        if live.is_over().unwrap_or(true) || stdout_closed() {
            break None;
        }
        // Wait for the next turn, answering keys as they come.
        let wait = pace.next_turn();
        let deadline = Instant::now() + wait;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() || INTERRUPTED.load(Ordering::SeqCst) {
                break;
            }
            let slice = if show.bell && out.screen.is_some() {
                beat_slice(&screen, &mut last_beat, left, &mut out)
            } else {
                left
            };
            let Some(key) = (match out.screen.as_ref() {
                Some(screen) => screen.next_key(slice),
                None => {
                    std::thread::sleep(slice);
                    None
                }
            }) else {
                continue;
            };
            let now = pace.now_ms();
            match keys::action(key, out.asking_flag) {
                KeyAction::Quit => quit = true,
                KeyAction::Score(score) => {
                    out.asking_flag = false;
                    let answer = check_in(live, now, start_ms, started_at, score, None, vec![]);
                    out.note = Some(answer);
                }
                KeyAction::Sharp => {
                    // Sharp pain is pain: at least 1, else the last score given.
                    let score = last_score(live, now).max(1);
                    let quality = Some(PainQuality::Sharp);
                    out.note = Some(check_in(
                        live,
                        now,
                        start_ms,
                        started_at,
                        score,
                        quality,
                        vec![],
                    ));
                }
                KeyAction::AskRedFlag => {
                    out.asking_flag = true;
                    out.note = Some(keys::RED_FLAG_QUESTION.to_owned());
                }
                KeyAction::RedFlag(flag) => {
                    out.asking_flag = false;
                    let score = last_score(live, now);
                    out.note = Some(check_in(
                        live,
                        now,
                        start_ms,
                        started_at,
                        score,
                        None,
                        vec![flag],
                    ));
                }
                KeyAction::Nothing => {
                    if out.asking_flag {
                        out.asking_flag = false;
                        out.note = Some("No red flag recorded.".to_owned());
                    }
                }
            }
            if quit {
                break;
            }
            show_turn(live, &mut out, &mut show, pace.now_ms(), start_ms);
        }
        if quit || INTERRUPTED.load(Ordering::SeqCst) {
            quit = true;
            break None;
        }
    };
    source.stop();
    let now = pace.now_ms();
    if let Some(err) = failure {
        drop(out.screen.take());
        return Err(err);
    }
    let (summary, _saved) = live.finish(now)?;
    show_turn(live, &mut out, &mut show, now, start_ms);
    if out.screen.is_some() && !quit {
        std::thread::sleep(show.linger);
    }
    // The terminal is the runner's again before the summary is printed.
    drop(out.screen.take());
    Ok(Ended { summary, quit })
}

/// The latest score given in this run (0 before any), for the sharp and
/// red-flag keys, which say what the pain is like rather than how bad.
fn last_score(live: &LiveRun, now: MonoMs) -> u8 {
    live.screen(now)
        .ok()
        .and_then(|s| s.last_assessment)
        .map_or(0, |a| a.score)
}

/// Applies a check-in and returns what to tell the runner: recorded, or
/// taken but not saved (and why), as the Run screen words it.
fn check_in(
    live: &LiveRun,
    now: MonoMs,
    start_ms: MonoMs,
    started_at: NaiveDateTime,
    score: u8,
    quality: Option<PainQuality>,
    red_flags: Vec<RedFlag>,
) -> String {
    let since = i64::try_from(now.saturating_sub(start_ms)).unwrap_or(i64::MAX);
    let taken_at = started_at
        .checked_add_signed(chrono::Duration::milliseconds(since))
        .unwrap_or(started_at);
    let check_in = CheckIn {
        taken_at,
        score,
        moment: CheckInMoment::DuringRun,
        quality,
        location: None,
        red_flags,
    };
    match live.check_in(now, check_in) {
        Ok(saved) => format::check_in_taken(score, saved.warning().as_deref()),
        Err(e) => format!("That check-in was not taken: {e}"),
    }
}

/// Rings the bell for each metronome beat due, and says how long to wait
/// at most before the next one.
fn beat_slice(
    screen: &RunScreen,
    last_beat: &mut Instant,
    left: Duration,
    out: &mut Output,
) -> Duration {
    let metronome = &screen.metronome;
    let Some(interval) = metronome.interval_ms.filter(|_| metronome.playing) else {
        return left;
    };
    let interval = Duration::from_millis(u64::from(interval.max(200)));
    let since = last_beat.elapsed();
    if since >= interval {
        if let Some(term) = out.screen.as_mut() {
            term.bell();
        }
        *last_beat = Instant::now();
        return interval.min(left);
    }
    (interval - since).min(left)
}

/// Hands the new events on and redraws.
fn show_turn(live: &LiveRun, out: &mut Output, show: &mut Show, now: MonoMs, start_ms: MonoMs) {
    let events = live.take_events();
    for event in &events {
        if out.screen.is_none() {
            println!("{}", plain::event_line(event, start_ms));
        }
        if plain::is_cue(event) {
            if let Some(voice) = show.voice.as_mut() {
                voice.say(&event.cue.text);
            }
            if !plain::is_count(event) {
                let mut shown = event.clone();
                shown.at_ms = event.at_ms.saturating_sub(start_ms);
                out.recent.push(shown);
            }
        }
        if matches!(event.kind, RunEventKind::CheckInPrompt { .. }) {
            out.note = None;
        }
    }
    let excess = out.recent.len().saturating_sub(recent_limit());
    out.recent.drain(..excess);
    if let Some(voice) = show.voice.as_mut() {
        voice.pump();
    }
    let Ok(screen) = live.screen(now) else {
        return;
    };
    match out.screen.as_mut() {
        Some(term) => {
            let extras = Extras {
                title: &show.title,
                events: &out.recent,
                keys_help: keys::HELP,
                note: out.note.as_deref(),
            };
            if term.draw(|f| dashboard::draw(f, &screen, &extras)).is_err() {
                // The terminal went away or cannot draw: go on in lines.
                out.screen = None;
            }
        }
        None => {
            let elapsed = now.saturating_sub(start_ms);
            if screen.not_saved != out.warning {
                out.warning.clone_from(&screen.not_saved);
                if let Some(warning) = &out.warning {
                    println!("{:>7}  {warning}", plain::stamp(elapsed));
                }
            }
            if screen.sensor.label != out.sensor_label {
                out.sensor_label.clone_from(&screen.sensor.label);
                println!("{:>7}  {}", plain::stamp(elapsed), screen.sensor.label);
            }
            if elapsed >= out.next_status_ms {
                println!("{}", plain::status_line(&screen));
                out.next_status_ms = elapsed + show.status_every_ms.max(1_000);
            }
        }
    }
}
