//! `patella run`: today's planned run, for real, on this computer: a BLE
//! foot pod through the sensor client (or the simulated pod with
//! `--pushed-demo`), the dashboard, knee check-ins from the keyboard,
//! spoken cues and the metronome's bell; the run is kept through the
//! journal, also when it is ended early with q or Ctrl-C. On a data folder
//! that cannot be written the run does not start, unless `--no-keep` says
//! the runner accepts that nothing of it will be kept.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use chrono::Local;
use clap::Args;
use patella_core::coach::record::load_history;
use patella_core::coach::{CoachConfig, History, Profile};
use patella_core::journal::{FinishedRun, Journal};
use patella_core::run::{RunScreen, RunSession, RunSettings};
use patella_core::sample::{MonoMs, SampleSink};
use patella_core::sensor::ble::{BleConfig, BleError, BleSensorClient, RunningSensor, matches_id};
use patella_core::sensor::clock::{InstantClock, process_now_ms};
use patella_core::sensor::observer::{SensorConnectionState, SensorListener};
use patella_core::store::Store;

use super::data_dir::DataDirArgs;
use super::demo::pod::SimulatedPod;
use super::live::drive::{Pace, Show, Source, Turn, drive};
use super::live::keep::journal_error;
use super::live::session::{LiveRun, not_writable};
use super::live::voice::Voice;
use super::live::{keep, terminal, today};
use super::sensor::ble_error;
use crate::output::CliError;

#[derive(Args)]
pub struct RunArgs {
    /// The foot pod's id or address from `patella sensor scan` (default:
    /// the strongest one in range).
    #[arg(long, value_name = "ID", conflicts_with = "pushed_demo")]
    sensor: Option<String>,
    /// Use the simulated foot pod instead of Bluetooth (real RSC bytes
    /// pushed through the core, in real time).
    #[arg(long)]
    pushed_demo: bool,
    /// The runner's profile (JSON), the first time: the plan starts today.
    #[arg(long, value_name = "FILE")]
    profile: Option<PathBuf>,
    /// How long to look for the foot pod before the run, in seconds.
    #[arg(long, default_value_t = 8.0, value_name = "SECONDS")]
    scan_seconds: f64,
    /// No spoken cues and no metronome bell.
    #[arg(long)]
    quiet: bool,
    /// A line per event instead of the dashboard.
    #[arg(long)]
    plain: bool,
    /// Run without keeping anything: nothing of the run (check-ins
    /// included) is saved. For a data folder that cannot be written, where
    /// a run is otherwise refused (exit code 3).
    #[arg(long)]
    no_keep: bool,
    #[command(flatten)]
    data: DataDirArgs,
}

/// The loop's turn in wall time: keys and the screen answer within it.
const TURN: Duration = Duration::from_millis(200);

/// Real time: the sleep-counting clock the sensor client stamps with.
struct RealPace;

impl Pace for RealPace {
    fn now_ms(&self) -> MonoMs {
        process_now_ms()
    }

    fn next_turn(&mut self) -> Duration {
        TURN
    }
}

pub fn run(args: RunArgs) -> Result<(), CliError> {
    let scan_window = Duration::try_from_secs_f64(args.scan_seconds)
        .ok()
        .filter(|d| !d.is_zero())
        .ok_or_else(|| {
            CliError::Invalid(format!(
                "--scan-seconds: {} is not a usable number of seconds",
                args.scan_seconds
            ))
        })?;
    let store = Arc::new(args.data.open()?);
    // Issue 19, defect 4: a run on a record that cannot be written would be
    // lost at the end; it starts only if the runner accepts that.
    if let Some(reason) = Journal::unwritable(&store)
        && !args.no_keep
    {
        return Err(not_writable(&reason));
    }
    let journal = Arc::new(if args.no_keep {
        Journal::in_memory()
    } else {
        Journal::new(store.clone())
    });
    let today_date = Local::now().date_naive();
    let mut history = runner_history(&store, &journal, args.profile.as_ref(), today_date)?;
    // A run this terminal (or a phone) was killed during is kept as it
    // stood before today's starts, so the new run's checkpoint cannot write
    // over it.
    if let Some(kept) = journal
        .keep_unfinished_run(&mut history, &CoachConfig::default())
        .map_err(journal_error)?
    {
        println!(
            "A run left unfinished on {} (the program was stopped mid-run) is kept as it stood: {} of running.",
            kept.run.started_at.format("%Y-%m-%d %H:%M"),
            patella_core::words::duration(kept.run.duration_s),
        );
    }
    if let Some(reason) = journal.take_set_aside() {
        println!(
            "{}",
            patella_core::run::format::checkpoint_set_aside(&reason)
        );
    }
    let todays = today::todays_run(&history, today_date, &CoachConfig::default())?;
    println!("Today's run:");
    for line in &todays.day_lines {
        println!("{line}");
    }
    // The runner's settings, as the apps apply them (`RunSettings::from_saved`:
    // the metronome plays when cadence falls below the band; cues above the band).
    let settings = store.with_records(|r| r.settings.clone())?;
    let mut config = RunSettings::from_saved(&settings).config();
    // The coach's target steps up from the runner's own measured baseline
    // (article 004), so a low one is meant, not a typo: as on the phones.
    config.target_guard.allow_unusual = true;
    let session = RunSession::new(todays.plan, config)
        .map_err(|e| CliError::Invalid(format!("today's run: {e}")))?;
    let live = Arc::new(LiveRun::new(session));
    let sink: Arc<dyn SampleSink> = live.clone();
    let mut source: Box<dyn Source> = if args.pushed_demo {
        println!("Using the simulated foot pod (--pushed-demo).");
        Box::new(SimulatedPod::new(
            Arc::new(InstantClock::new()),
            sink,
            None,
        )?)
    } else {
        Box::new(BleSource::start(args.sensor.as_deref(), scan_window, sink)?)
    };
    let voice = if args.quiet || !settings.voice_cues {
        None
    } else {
        Voice::find()
    };
    if let Some(v) = &voice {
        println!("Cues are spoken with {} (--quiet to mute).", v.command());
    }
    let started_at = Local::now().naive_local();
    let run_id = store.with_records(|r| {
        patella_core::run::new_run_id("run", started_at, r.runs.iter().map(|run| run.id.as_str()))
    })?;
    live.keep_in(&journal, &run_id, started_at)?;
    if args.no_keep {
        println!("{} (--no-keep)", patella_core::run::format::NOT_KEPT);
    }
    let show = Show {
        dashboard: !args.plain && terminal::is_interactive(),
        title: "Patella: today's run".to_owned(),
        voice,
        bell: !args.quiet,
        status_every_ms: 60_000,
        linger: Duration::from_secs(2),
    };
    let ended = drive(&live, source.as_mut(), &mut RealPace, show, started_at)?;
    let finished = FinishedRun {
        run_id,
        started_at,
        summary: ended.summary,
    };
    let Some(kept) = keep::keep(&journal, &mut history, &finished)? else {
        println!("{}", keep::NOTHING_KEPT);
        return Ok(());
    };
    let in_record = !args.no_keep;
    // Issue 19, defect 10: said only once the keep succeeded.
    if ended.quit {
        println!(
            "{}",
            if in_record {
                "Ended early: what was recorded is kept."
            } else {
                "Ended early."
            }
        );
    }
    let unit = settings.distance_unit;
    for line in keep::summary_lines(&finished.summary, &kept, &history, in_record, unit) {
        println!("{line}");
    }
    Ok(())
}

/// The runner's history from the record; the first time, from `--profile`
/// (saved through `journal`).
fn runner_history(
    store: &Store,
    journal: &Journal,
    profile: Option<&PathBuf>,
    today: chrono::NaiveDate,
) -> Result<History, CliError> {
    let stored = load_history(store).map_err(|e| CliError::Invalid(e.to_string()))?;
    match (stored, profile) {
        (Some(history), None) => Ok(history),
        (Some(_), Some(_)) => Err(CliError::Invalid(
            "--profile: this data folder already has a runner; leave --profile out, or use \
             another --data-dir"
                .to_owned(),
        )),
        (None, Some(path)) => {
            let shown = path.display().to_string();
            let text = std::fs::read_to_string(path).map_err(|source| CliError::Io {
                path: shown.clone(),
                source,
            })?;
            let profile: Profile = serde_json::from_str(&text)
                .map_err(|e| CliError::Invalid(format!("{shown}: {e}")))?;
            profile
                .validate()
                .map_err(|e| CliError::Invalid(format!("{shown}: {e}")))?;
            let mut history = None;
            journal
                .save_profile(&mut history, profile, today)
                .map_err(journal_error)?;
            history.ok_or_else(|| CliError::Invalid(format!("{shown}: no profile was saved")))
        }
        (None, None) => Err(CliError::Invalid(
            "no runner in this data folder yet; give your profile once with --profile FILE \
             (for example tests/fixtures/profile-new-runner.json)"
                .to_owned(),
        )),
    }
}

/// What the sensor client told about its link.
#[derive(Default)]
struct LinkWatch {
    connected: AtomicBool,
    failed: Mutex<Option<String>>,
}

impl SensorListener for LinkWatch {
    fn on_state(&self, state: SensorConnectionState) {
        match state {
            SensorConnectionState::Connected => self.connected.store(true, Ordering::SeqCst),
            SensorConnectionState::Failed { reason } => {
                *self.failed.lock().unwrap_or_else(PoisonError::into_inner) = Some(reason);
            }
            _ => {}
        }
    }
    fn on_battery(&self, _percent: u8) {}
    fn on_details(&self, _details: patella_core::sensor::observer::SensorDetails) {}
    fn on_warning(&self, _warning: patella_core::sensor::observer::SensorWarning) {}
}

/// A real foot pod through the BLE sensor client.
struct BleSource {
    running: Option<RunningSensor>,
    watch: Arc<LinkWatch>,
    id: String,
}

impl BleSource {
    /// Finds the pod (a clear error when there is no adapter or no pod)
    /// and starts the client on it, feeding `sink`.
    fn start(
        want: Option<&str>,
        window: Duration,
        sink: Arc<dyn SampleSink>,
    ) -> Result<Self, CliError> {
        let client = BleSensorClient::new(BleConfig::default(), Arc::new(InstantClock::new()));
        println!("Looking for foot pods ({} s)...", window.as_secs_f64());
        let found = client.scan_blocking(window).map_err(|e| match e {
            // Without Bluetooth the simulated pod still shows the whole run.
            BleError::NoAdapter => CliError::Device(format!(
                "run: {e}; plug in a Bluetooth adapter or switch Bluetooth on, or try \
                 `patella run --pushed-demo` to use the simulated foot pod"
            )),
            other => ble_error("run", &other),
        })?;
        let pod = match want {
            Some(id) => found.iter().find(|f| matches_id(f, id)).ok_or_else(|| {
                CliError::Device(format!(
                    "run: foot pod {id} was not found in {} s; wake it with a few steps, check \
                     the id with `patella sensor scan`, and try again",
                    window.as_secs_f64()
                ))
            })?,
            None => found.first().ok_or_else(|| {
                CliError::Device(format!(
                    "run: no foot pod found in {} s; wake it with a few steps and try again, or \
                     try `patella run --pushed-demo` without one",
                    window.as_secs_f64()
                ))
            })?,
        };
        let id = pod.id.clone();
        println!(
            "Foot pod: {} {}",
            id,
            pod.name.as_deref().unwrap_or("(no name)")
        );
        let watch = Arc::new(LinkWatch::default());
        let running = client
            .start(Some(id.clone()), None, Some(sink), Some(watch.clone()))
            .map_err(|e| ble_error("run", &e))?;
        Ok(Self {
            running: Some(running),
            watch,
            id,
        })
    }
}

impl Source for BleSource {
    fn turn(&mut self, _now_ms: MonoMs, _screen: &RunScreen) -> Result<Turn, CliError> {
        let failed = self
            .watch
            .failed
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .take();
        match failed {
            // Never connected: there is no run to keep, only an error.
            Some(reason) if !self.watch.connected.load(Ordering::SeqCst) => {
                Err(CliError::Device(format!(
                    "run: foot pod {}: {reason}; check Bluetooth and the pod, then try again",
                    self.id
                )))
            }
            Some(reason) => Ok(Turn {
                note: Some(format!(
                    "The foot pod gave up: {reason}. The run goes on without it."
                )),
                check_in: None,
            }),
            None => Ok(Turn::default()),
        }
    }

    fn stop(&mut self) {
        if let Some(running) = self.running.take() {
            // Disconnecting is best effort at the end; the run is kept either way.
            let _ = running.stop_blocking();
        }
    }
}
