//! `patella demo`: the whole system in about a minute, with no phone and no
//! sensor. A sample runner gets a plan in a fresh data folder; today's run
//! is run in accelerated time, fed by a simulated foot pod whose real RSC
//! bytes go through the same parser, feed and run engine as on the phones;
//! the run is kept through the journal as `patella run` keeps it, the
//! summary and the plan changes are printed, and the run's HTML report is
//! written beside the record.

mod clock;
mod pause;
pub mod pod;
mod runner;
pub mod script;

use std::sync::Arc;
use std::time::Duration;

use chrono::Local;
use clap::Args;
use patella_core::coach::CoachConfig;
use patella_core::journal::{FinishedRun, Journal};
use patella_core::run::{RunConfig, RunSession};
use patella_core::sample::SampleSink;
use patella_core::store::{DistanceUnit, Store};

use self::clock::{SimClock, SimPace};
use crate::commands::live::drive::{Show, drive};
use crate::commands::live::session::LiveRun;
use crate::commands::live::{keep, terminal, today};
use crate::output::CliError;
use crate::report;

/// How long the demo's run takes by default, in wall time.
const DEMO_WALL_S: f64 = 40.0;

#[derive(Args)]
pub struct DemoArgs {
    /// Simulated seconds per real second (default: the whole session in
    /// about 40 seconds).
    #[arg(long, value_name = "N")]
    speed: Option<f64>,
    /// Print a line per event instead of the dashboard (also what happens
    /// when the output is not a terminal).
    #[arg(long)]
    plain: bool,
    /// Stop the clock at this point of the session (M:SS) and keep the
    /// dashboard up until q, to look at one moment.
    #[arg(long, value_name = "M:SS")]
    pause_at: Option<String>,
}

pub fn run(args: DemoArgs) -> Result<(), CliError> {
    if let Some(speed) = args.speed
        && !(speed.is_finite() && speed > 0.0 && speed <= 1_000_000.0)
    {
        return Err(CliError::Invalid(format!(
            "--speed: {speed} is not a speed-up factor; give a number above 0, such as 40"
        )));
    }
    let pause_at = args.pause_at.as_deref().map(pause::parse).transpose()?;
    let dir = tempfile::Builder::new()
        .prefix("patella-demo-")
        .tempdir()
        .map_err(|source| CliError::Io {
            path: std::env::temp_dir().display().to_string(),
            source,
        })?
        // The folder stays, so the run can be looked at afterwards.
        .keep();
    let store = Arc::new(Store::open(&dir)?);
    let journal = Arc::new(Journal::new(store.clone()));
    let today = Local::now().date_naive();
    let mut history = runner::sample_record(&journal, today)?;
    let config = CoachConfig::default();
    let todays = today::todays_run(&history, today, &config)?;

    println!("Patella demo: one planned run, simulated, start to finish.");
    println!("Sample runner: {}.", runner::SAMPLE_DESCRIPTION);
    println!("Data folder: {}", dir.display());
    println!();
    println!("Today's plan:");
    for line in &todays.day_lines {
        println!("{line}");
    }
    let total_s: u32 = todays.plan.segments.iter().map(|s| s.duration_s).sum();
    let speed = args
        .speed
        .unwrap_or_else(|| (f64::from(total_s) / DEMO_WALL_S).max(1.0));
    println!();
    println!(
        "Running it {speed:.0} times faster than life ({} min in about {:.0} s; --speed changes it).",
        total_s / 60,
        f64::from(total_s) / speed
    );
    println!();

    let session = RunSession::new(todays.plan, RunConfig::default())
        .map_err(|e| CliError::Invalid(format!("today's run: {e}")))?;
    let live = Arc::new(LiveRun::new(session));
    let clock = Arc::new(SimClock::default());
    let sink: Arc<dyn SampleSink> = live.clone();
    let mut pod = pause::PausingSource {
        inner: pod::SimulatedPod::new(clock.clone(), sink, Some(script::Script::new()))?,
        at_ms: pause_at,
        told: false,
    };
    let mut pace = pause::PausingPace {
        inner: SimPace::new(clock, speed),
        at_ms: pause_at,
    };
    let started_at = Local::now().naive_local();
    let dashboard = !args.plain && terminal::is_interactive();
    if pause_at.is_some() && !dashboard {
        return Err(CliError::Invalid(
            "--pause-at keeps the dashboard up until q, so it needs a terminal (and no --plain)"
                .to_owned(),
        ));
    }
    let show = Show {
        dashboard,
        title: "Patella demo: today's run".to_owned(),
        voice: None,
        bell: false,
        status_every_ms: 60_000,
        linger: Duration::from_millis(1_500),
    };
    let run_id = store.with_records(|r| {
        patella_core::run::new_run_id("demo", started_at, r.runs.iter().map(|run| run.id.as_str()))
    })?;
    // Kept from its start, as `patella run` keeps a run.
    live.keep_in(&journal, &run_id, started_at)?;
    let ended = drive(&live, &mut pod, &mut pace, show, started_at)?;
    let finished = FinishedRun {
        run_id,
        started_at,
        summary: ended.summary,
    };
    let Some(kept) = keep::keep(&journal, &mut history, &finished)? else {
        println!("{}", keep::NOTHING_KEPT);
        return Ok(());
    };
    let unit = DistanceUnit::Kilometres;
    for line in keep::summary_lines(&finished.summary, &kept, &history, true, unit) {
        println!("{line}");
    }
    let run_id = finished.run_id;
    println!();
    let report = report::write_run_report(&store, Some(&run_id), &dir.join("demo-run.html"))?;
    println!(
        "The run's report (open it in a browser): {}",
        report.display()
    );
    println!(
        "The run is kept in {}: try `patella history --data-dir {}`.",
        dir.display(),
        dir.display()
    );
    Ok(())
}
