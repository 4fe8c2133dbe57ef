//! `patella replay`: runs a recorded cadence trace (CSV) through a run
//! session and prints the events it produced, the same every time.

use std::path::PathBuf;

use clap::{Args, ValueEnum};
use patella_core::cadence::MetronomeMode;
use patella_core::run::{self, RunConfig, RunEvent, RunSegment, SegmentKind, SessionPlan};
use patella_core::sample::CadenceUnit;

use crate::output::{CliError, print_json};

#[derive(Args)]
pub struct ReplayArgs {
    /// The trace: a CSV with a header naming time_ms, cadence, unit and
    /// optionally speed_mps, stride_length_m, gait, source.
    file: PathBuf,
    /// The session plan: a JSON file (ending in .json), or segments such as
    /// "warmup:5m,run:1m/walk:2m*4,cooldown:5m" (s or m; "a/b*N" repeats a
    /// run/walk pair N times). Default: one run segment as long as the trace.
    #[arg(long)]
    plan: Option<String>,
    /// Cadence target in steps per minute (overrides the plan's). Outside
    /// 150-190 it needs --allow-unusual-target.
    #[arg(long)]
    target: Option<f64>,
    /// Take a cadence target outside the usual 150-190 steps/min (a runner
    /// with a low baseline steps up from it); a warning is printed.
    #[arg(long)]
    allow_unusual_target: bool,
    /// The unit every source of the trace counts in, overriding detection.
    #[arg(long, value_enum)]
    unit: Option<UnitArg>,
    /// When the metronome plays.
    #[arg(long, value_enum, default_value = "nudge")]
    metronome: MetronomeArg,
    /// Also alert when cadence runs above the target band.
    #[arg(long)]
    above_band: bool,
    /// Print the events as a JSON array instead of text.
    #[arg(long)]
    json: bool,
}

#[derive(Clone, Copy, ValueEnum)]
enum UnitArg {
    Steps,
    Strides,
}

#[derive(Clone, Copy, ValueEnum)]
enum MetronomeArg {
    Off,
    Always,
    Nudge,
}

pub fn run(args: ReplayArgs) -> Result<(), CliError> {
    let path = args.file.display().to_string();
    let text = std::fs::read_to_string(&args.file).map_err(|source| CliError::Io {
        path: path.clone(),
        source,
    })?;
    let rows = run::parse_trace(&text).map_err(|e| CliError::Invalid(format!("{path}: {e}")))?;
    let mut plan = match &args.plan {
        Some(spec) => load_plan(spec)?,
        None => plan_for_trace(&rows),
    };
    if let Some(target) = args.target {
        plan.cadence_target_spm = Some(target);
    }
    let mut config = RunConfig {
        metronome: match args.metronome {
            MetronomeArg::Off => MetronomeMode::Off,
            MetronomeArg::Always => MetronomeMode::Always,
            MetronomeArg::Nudge => MetronomeMode::Nudge,
        },
        ..RunConfig::default()
    };
    config.cadence.alert.alert_above_band = args.above_band;
    check_target(
        plan.cadence_target_spm,
        &mut config,
        args.allow_unusual_target,
    )?;
    let overrides: Vec<(String, CadenceUnit)> = match args.unit {
        None => Vec::new(),
        Some(u) => {
            let unit = match u {
                UnitArg::Steps => CadenceUnit::StepsPerMinute,
                UnitArg::Strides => CadenceUnit::StridesPerMinute,
            };
            let mut ids: Vec<String> = rows.iter().map(|r| r.sample.source_id.clone()).collect();
            ids.sort();
            ids.dedup();
            ids.into_iter().map(|id| (id, unit)).collect()
        }
    };
    let replay = run::replay_with_units(&rows, plan, config, &overrides)
        .map_err(|e| CliError::Invalid(e.to_string()))?;
    for refused in &replay.refused {
        eprintln!(
            "patella: {path}: line {}: skipped: {}",
            refused.line, refused.error
        );
    }
    if let Some(left) = &replay.past_end {
        let s = left.session_ms / 1_000;
        eprintln!(
            "patella: {path}: the session ended at {}:{:02}:{:02} with {} reading(s) left, from line {} on; they were not replayed (a plan lasts at most 24 h: split the trace, or give a --plan as long as the part you want)",
            s / 3_600,
            (s / 60) % 60,
            s % 60,
            left.rows,
            left.first_line
        );
    }
    if args.json {
        return print_json(&replay.events);
    }
    for event in &replay.events {
        print_event(event);
    }
    Ok(())
}

/// Refuses a target outside the usual range unless the runner overrides
/// it, and then says so (the session applies the same rule; this names the
/// flag).
fn check_target(
    target_spm: Option<f64>,
    config: &mut RunConfig,
    allow_unusual: bool,
) -> Result<(), CliError> {
    let guard = &mut config.target_guard;
    let Some(target) = target_spm else {
        return Ok(());
    };
    if (guard.usual_low_spm..=guard.usual_high_spm).contains(&target) {
        return Ok(());
    }
    let (low, high) = (guard.usual_low_spm, guard.usual_high_spm);
    if !allow_unusual {
        return Err(CliError::Invalid(format!(
            "cadence target {target} steps/min is outside the usual {low}-{high} (the aim is 165-180, reached about 5% at a time); check the number and its unit, or pass --allow-unusual-target if you mean it"
        )));
    }
    guard.allow_unusual = true;
    eprintln!(
        "patella: warning: cadence target {target} steps/min is outside the usual {low}-{high}; taking it as asked"
    );
    Ok(())
}

fn print_event(event: &RunEvent) {
    let s = event.at_ms / 1_000;
    let ms = event.at_ms % 1_000;
    let stamp = format!("{}:{:02}:{:02}.{ms:03}", s / 3_600, (s / 60) % 60, s % 60);
    // Only the spoken cues are read out here; the quiet ones are bookkeeping.
    if event.cue.speak {
        println!("{stamp}  {:<20} {}", event.kind.name(), event.cue.text);
    } else {
        println!("{stamp}  {}", event.kind.name());
    }
}

/// One run segment covering the trace from its first to its last reading.
fn plan_for_trace(rows: &[run::TraceRow]) -> SessionPlan {
    let first = rows.first().map_or(0, |r| r.sample.at_ms);
    let last = rows.iter().map(|r| r.sample.at_ms).max().unwrap_or(first);
    let seconds = (last.saturating_sub(first).div_ceil(1_000) + 1).min(run::plan::MAX_TOTAL_S);
    let duration_s = u32::try_from(seconds).unwrap_or(u32::MAX);
    SessionPlan {
        segments: vec![RunSegment {
            kind: SegmentKind::Run,
            duration_s,
        }],
        cadence_target_spm: None,
        stride_baseline: None,
    }
}

fn load_plan(spec: &str) -> Result<SessionPlan, CliError> {
    if spec.ends_with(".json") {
        let text = std::fs::read_to_string(spec).map_err(|source| CliError::Io {
            path: spec.to_owned(),
            source,
        })?;
        let plan: SessionPlan =
            serde_json::from_str(&text).map_err(|e| CliError::Invalid(format!("{spec}: {e}")))?;
        plan.validate()
            .map_err(|e| CliError::Invalid(format!("{spec}: {e}")))?;
        return Ok(plan);
    }
    parse_plan_spec(spec).map_err(|e| CliError::Invalid(format!("--plan: {e}")))
}

/// "warmup:5m,run:1m/walk:2m*4,cooldown:5m" → segments.
fn parse_plan_spec(spec: &str) -> Result<SessionPlan, String> {
    let mut segments = Vec::new();
    for item in spec.split(',').map(str::trim).filter(|i| !i.is_empty()) {
        let (body, repeats) = match item.rsplit_once('*') {
            Some((body, n)) => {
                let n: u32 = n
                    .trim()
                    .parse()
                    .map_err(|_| format!("'{item}': repeat count '{n}' is not a number"))?;
                (body, n)
            }
            None => (item, 1),
        };
        let mut group = Vec::new();
        for part in body.split('/') {
            group.push(parse_segment(part.trim())?);
        }
        check_room(&segments, &group, repeats, item)?;
        for _ in 0..repeats {
            segments.extend(group.iter().copied());
        }
    }
    let plan = SessionPlan {
        segments,
        cadence_target_spm: None,
        stride_baseline: None,
    };
    plan.validate().map_err(|e| e.to_string())?;
    Ok(plan)
}

/// Refuses `group` repeated `repeats` times when, added to `so_far`, it
/// would pass the plan's limits on segments or length; checked before
/// anything is expanded, so a huge repeat count costs nothing.
fn check_room(
    so_far: &[RunSegment],
    group: &[RunSegment],
    repeats: u32,
    item: &str,
) -> Result<(), String> {
    let max_segments = run::plan::MAX_SEGMENTS;
    let count = u64::try_from(group.len())
        .unwrap_or(u64::MAX)
        .saturating_mul(u64::from(repeats))
        .saturating_add(u64::try_from(so_far.len()).unwrap_or(u64::MAX));
    if count > u64::try_from(max_segments).unwrap_or(u64::MAX) {
        return Err(format!(
            "'{item}': {count} segments in all, more than the {max_segments} a plan may have; lower the repeat count"
        ));
    }
    let group_s: u64 = group.iter().map(|s| u64::from(s.duration_s)).sum();
    let so_far_s: u64 = so_far.iter().map(|s| u64::from(s.duration_s)).sum();
    let total_s = group_s
        .saturating_mul(u64::from(repeats))
        .saturating_add(so_far_s);
    let max_s = run::plan::MAX_TOTAL_S;
    if total_s > max_s {
        return Err(format!(
            "'{item}': {total_s} s in all, longer than the {max_s} s (24 h) a plan may last; lower the repeat count or the durations"
        ));
    }
    Ok(())
}

fn parse_segment(part: &str) -> Result<RunSegment, String> {
    let (kind, duration) = part
        .split_once(':')
        .ok_or_else(|| format!("'{part}': expected kind:duration, e.g. run:90s"))?;
    let kind = match kind.trim().to_ascii_lowercase().as_str() {
        "warmup" | "warm-up" | "warm_up" => SegmentKind::WarmUp,
        "run" => SegmentKind::Run,
        "walk" => SegmentKind::Walk,
        "cooldown" | "cool-down" | "cool_down" => SegmentKind::CoolDown,
        other => return Err(format!("'{other}': not warmup, run, walk or cooldown")),
    };
    let duration = duration.trim();
    let (number, scale) = match duration.strip_suffix('m') {
        Some(n) => (n, 60),
        None => (duration.strip_suffix('s').unwrap_or(duration), 1),
    };
    let n: u32 = number
        .parse()
        .map_err(|_| format!("'{duration}': not a duration such as 90s or 5m"))?;
    let duration_s = n
        .checked_mul(scale)
        .ok_or_else(|| format!("'{duration}': too long"))?;
    Ok(RunSegment { kind, duration_s })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plan_spec_with_repeats() {
        let plan = parse_plan_spec("warmup:5m, run:30s/walk:4m*3, cooldown:300").unwrap();
        let kinds: Vec<_> = plan
            .segments
            .iter()
            .map(|s| (s.kind, s.duration_s))
            .collect();
        assert_eq!(kinds.len(), 8);
        assert_eq!(kinds[0], (SegmentKind::WarmUp, 300));
        assert_eq!(kinds[1], (SegmentKind::Run, 30));
        assert_eq!(kinds[2], (SegmentKind::Walk, 240));
        assert_eq!(kinds[7], (SegmentKind::CoolDown, 300));
        assert!(parse_plan_spec("jog:5m").unwrap_err().contains("'jog'"));
        assert!(parse_plan_spec("run:fast").unwrap_err().contains("'fast'"));
        assert!(parse_plan_spec("").unwrap_err().contains("segments"));
    }
}
