//! The plan as a runner reads it: plain-word week kinds and strength phases,
//! run days described by their shape and full length, exercises with doses,
//! and week totals that add up to the days. `patella plan` prints this, and
//! the Plan screen carries the same lines, week by week.

use super::format::{activities, dose, phase, week_kind};
use crate::coach::plan::Effort;
use crate::coach::plan::{PlanDay, PlanWeek, PlannedRun, PlannedSegment, SegmentKind};
use crate::coach::{Plan, Session};
use crate::words::{cadence, duration};

/// How the daily routine's heading starts; what follows says what it holds.
const ROUTINE: &str = "    daily knee routine (";

fn main_set(segments: &[PlannedSegment]) -> Vec<PlannedSegment> {
    segments
        .iter()
        .filter(|s| matches!(s.kind, SegmentKind::Run | SegmentKind::Walk))
        .copied()
        .collect()
}

/// The main set in words: "run/walk 3 × (30 s / 4 min)", "run 12 min",
/// "run 20 min: 5 × (1 min 6% faster / 3 min usual)".
fn shape(run: &PlannedRun<'_>) -> String {
    let main = main_set(&run.segments);
    let walks = main.iter().any(|s| s.kind == SegmentKind::Walk);
    let faster = main.iter().find_map(|s| match s.effort {
        Some(Effort::Faster { percent }) => Some(percent),
        _ => None,
    });
    match (main.first(), main.get(1)) {
        (Some(a), Some(b)) if walks => format!(
            "run/walk {} × ({} run / {} walk)",
            main.iter().filter(|s| s.kind == SegmentKind::Run).count(),
            duration(a.seconds),
            duration(b.seconds)
        ),
        (Some(a), Some(b)) if faster.is_some() => {
            let reps = main
                .iter()
                .filter(|s| matches!(s.effort, Some(Effort::Faster { .. })))
                .count();
            format!(
                "run {}: {reps} × ({} {}% faster / {} usual pace)",
                duration(run.running_seconds),
                duration(a.seconds),
                faster.unwrap_or(0),
                duration(b.seconds)
            )
        }
        _ => format!("run {}", duration(run.running_seconds)),
    }
}

/// A planned run in one line: its shape, its running time and full length,
/// and the cadence target.
pub fn run_summary(r: &PlannedRun<'_>) -> String {
    let total: u32 = r.segments.iter().map(|s| s.seconds).sum();
    let cadence = r
        .cadence_target_spm
        .map(|c| format!("; cadence target {}", cadence(c)))
        .unwrap_or_default();
    format!(
        "{}: {} running, {} with warm-up and cool-down{cadence}",
        shape(r),
        duration(r.running_seconds),
        duration(total)
    )
}

/// "If the knee asks for a break: 20 min of cycling or swimming instead".
pub fn break_option(c: &crate::coach::plan::CrossTraining) -> String {
    format!(
        "if the knee asks for a break: {} min of {} instead",
        c.minutes,
        activities(&c.options)
    )
}

fn exercise_lines(out: &mut Vec<String>, list: &[&crate::coach::plan::PlannedExercise<'_>]) {
    for p in list {
        let instead = p
            .instead_of
            .map(|id| format!(" (instead of {})", id.replace('_', " ")))
            .unwrap_or_default();
        out.push(format!(
            "      - {} {}{instead}",
            p.exercise.name,
            dose(&p.exercise.dose)
        ));
    }
}

fn session_lines(out: &mut Vec<String>, session: &Session<'_>, detail: bool) {
    match session {
        Session::Run(r) => {
            out.push(format!("    {}", run_summary(r)));
            let part = |kind| {
                r.segments
                    .iter()
                    .filter(|s| s.kind == kind)
                    .map(|s| s.seconds)
                    .sum::<u32>()
            };
            if detail {
                out.push(format!(
                    "    warm-up, {}:",
                    duration(part(SegmentKind::WarmUp))
                ));
                exercise_lines(out, &r.warm_up.iter().collect::<Vec<_>>());
                out.push(format!(
                    "    cool-down, {}:",
                    duration(part(SegmentKind::CoolDown))
                ));
                exercise_lines(out, &r.cool_down.iter().collect::<Vec<_>>());
            } else {
                out.push(format!(
                    "    warm-up {} ({} moves), cool-down {} ({} stretches, 30 s per side)",
                    duration(part(SegmentKind::WarmUp)),
                    r.warm_up.len(),
                    duration(part(SegmentKind::CoolDown)),
                    r.cool_down.len()
                ));
            }
            if let Some(c) = &r.cross_training_option {
                out.push(format!("    {}", break_option(c)));
            }
        }
        Session::Strength(s) => {
            out.push(format!("    strength, {}:", phase(s.phase)));
            exercise_lines(out, &s.exercises.iter().collect::<Vec<_>>());
        }
        Session::KneeRoutine { exercises } => {
            // The routine leaves out what the day's other sessions hold, so
            // on a run day it may be moves only, on a strength day stretches
            // only: the heading says which.
            let stretches = exercises
                .iter()
                .filter(|e| e.exercise.kind.is_stretch())
                .count();
            let holds = match (exercises.len() - stretches, stretches) {
                (0, _) => "stretches",
                (_, 0) => "gentle moves",
                _ => "gentle moves, then stretches",
            };
            out.push(format!("{ROUTINE}{holds}):"));
            exercise_lines(out, &exercises.iter().collect::<Vec<_>>());
        }
        Session::CrossTraining { training, reason } => {
            out.push(format!(
                "    {} min of {} instead of running. {reason}",
                training.minutes,
                activities(&training.options)
            ));
        }
    }
}

/// What a day holds, in a few words: "rest", "knee routine",
/// "strength + knee routine + 12 min running".
pub fn day_summary(day: &PlanDay<'_>) -> String {
    let running = day.running_seconds();
    let names: Vec<&str> = day
        .sessions
        .iter()
        .filter_map(|s| match s {
            Session::Run(_) => None,
            Session::Strength(_) => Some("strength"),
            Session::KneeRoutine { .. } => Some("knee routine"),
            Session::CrossTraining { .. } => Some("cross-training"),
        })
        .collect();
    match (running, names.is_empty()) {
        (0, true) => "rest".to_owned(),
        (0, false) => names.join(" + "),
        (r, true) => format!("{} running", duration(r)),
        (r, false) => format!("{} + {} running", names.join(" + "), duration(r)),
    }
}

/// One day as text: its heading line ("  Tue 2026-12-01: 4 min running"),
/// why the knee limits it, and each session (the terminal's `patella demo`
/// and `patella run` print the day they run).
pub fn day_text(day: &PlanDay<'_>, detail: bool) -> Vec<String> {
    let mut out = Vec::new();
    day_lines(&mut out, day, detail);
    out
}

fn day_lines(out: &mut Vec<String>, day: &PlanDay<'_>, detail: bool) {
    let head = day_summary(day);
    out.push(format!("  {} {}: {head}", day.date.format("%a"), day.date));
    for note in &day.notes {
        out.push(format!("    why: {note}"));
    }
    for s in &day.sessions {
        session_lines(out, s, detail);
    }
}

/// "Week 2 from 2026-11-30: a step up. 24 min running in all, strength:
/// foundation moves, cadence target 170 steps/min."
pub fn week_heading(week: &PlanWeek<'_>) -> String {
    let cadence = week
        .cadence_target_spm
        .map(|c| format!(", cadence target {}", cadence(c)))
        .unwrap_or_default();
    let running = if week.running_seconds == 0 {
        "No running this week".to_owned()
    } else {
        format!("{} running in all", duration(week.running_seconds))
    };
    format!(
        "Week {} from {}: {}. {running}, strength: {}{cadence}.",
        week.index + 1,
        week.start,
        week_kind(week.kind),
        phase(week.strength_phase)
    )
}

/// The lines of one week under its heading: why, milestones, and each day
/// with its sessions; a note or the daily routine repeated within the week
/// is shown in full once.
pub fn week_body(week: &PlanWeek<'_>, detail: bool) -> Vec<String> {
    let mut out = Vec::new();
    week_lines(&mut out, week, detail);
    out
}

fn week_lines(out: &mut Vec<String>, week: &PlanWeek<'_>, detail: bool) {
    for r in &week.reasons {
        out.push(format!("  why: {r}"));
    }
    for m in &week.milestones {
        out.push(format!("  milestone: {}", m.message()));
    }
    // Notes and the daily routine repeat across a week; each is shown in
    // full once per week.
    let mut seen: Vec<String> = Vec::new();
    // Every routine shown in full this week, with the day it was shown on:
    // the routine leaves out what a day's other sessions hold, so strength,
    // run and rest days each have their own, and a later day points back to
    // the one it matches.
    let mut routines: Vec<(String, Vec<String>)> = Vec::new();
    for day in &week.days {
        let mut lines = Vec::new();
        day_lines(&mut lines, day, detail);
        let mut in_routine: Option<Vec<String>> = None;
        let mut flush = |block: Option<Vec<String>>, out: &mut Vec<String>| {
            let Some(block) = block else { return };
            match routines.iter().find(|(_, shown)| *shown == block) {
                Some((first, _)) => {
                    out.push(format!("    daily knee routine, as on {first}"));
                }
                None => {
                    routines.push((day.date.format("%a").to_string(), block.clone()));
                    out.extend(block);
                }
            }
        };
        for line in lines {
            if line.starts_with(ROUTINE) {
                in_routine = Some(vec![line]);
                continue;
            }
            if let Some(block) = in_routine.as_mut() {
                if line.starts_with("      - ") {
                    block.push(line);
                    continue;
                }
                flush(in_routine.take(), out);
            }
            if line.starts_with("    why: ") {
                if seen.contains(&line) {
                    continue;
                }
                seen.push(line.clone());
            }
            out.push(line);
        }
        flush(in_routine.take(), out);
    }
}

/// The whole plan as text, one line per entry; `detail` lists the warm-up
/// and cool-down moves too.
pub fn render(plan: &Plan<'_>, detail: bool) -> Vec<String> {
    let mut out = Vec::new();
    for a in &plan.advisories {
        out.push(format!("Note: {}", a.message()));
    }
    if !plan.advisories.is_empty() {
        out.push(String::new());
    }
    for week in &plan.weeks {
        out.push(week_heading(week));
        week_lines(&mut out, week, detail);
        out.push(String::new());
    }
    out.push(plan.disclaimer.to_owned());
    out
}
