//! `patella pain`: assess one pain check-in against the buffer zone.

use chrono::NaiveDateTime;
use clap::{Args, ValueEnum};
use patella_core::pain::{self, CheckIn, CheckInMoment, PainConfig, PainQuality, RedFlag};
use serde::Serialize;

use crate::output::{CliError, print_json};

#[derive(Args)]
pub struct PainArgs {
    /// Knee pain from 0 (none) to 10 (emergency-room bad).
    #[arg(long, allow_hyphen_values = true)]
    score: i64,
    /// When the pain was felt.
    #[arg(long, value_enum)]
    when: When,
    /// The pain is sharp rather than dull or aching.
    #[arg(long)]
    sharp: bool,
    /// A warning sign; repeat for several.
    #[arg(long = "flag", value_enum)]
    flags: Vec<Flag>,
    /// The score of the previous check-in in this same activity, to catch pain that is climbing.
    #[arg(long)]
    previous: Option<i64>,
    /// Print JSON instead of text.
    #[arg(long)]
    json: bool,
}

#[derive(Clone, Copy, ValueEnum)]
enum When {
    BeforeRun,
    DuringRun,
    AfterRun,
    NextMorning,
    DuringStrength,
}

#[derive(Clone, Copy, ValueEnum)]
enum Flag {
    Swelling,
    GivingWay,
    LossOfFunction,
    RadiatingPain,
}

#[derive(Serialize)]
struct PainReport<'a> {
    zone: pain::PainZone,
    action: &'a pain::PainAction,
    advice: &'a str,
    reasons: &'a [pain::PainReason],
    /// Always false: this command assesses and keeps nothing.
    recorded: bool,
}

pub fn run(args: PainArgs) -> Result<(), CliError> {
    let moment = match args.when {
        When::BeforeRun => CheckInMoment::BeforeRun,
        When::DuringRun => CheckInMoment::DuringRun,
        When::AfterRun => CheckInMoment::AfterRun,
        When::NextMorning => CheckInMoment::NextMorning,
        When::DuringStrength => CheckInMoment::DuringStrength,
    };
    let flags = args
        .flags
        .iter()
        .map(|f| match f {
            Flag::Swelling => RedFlag::Swelling,
            Flag::GivingWay => RedFlag::GivingWay,
            Flag::LossOfFunction => RedFlag::LossOfFunction,
            Flag::RadiatingPain => RedFlag::RadiatingPain,
        })
        .collect();
    // The assessment does not depend on the hour; a fixed stamp keeps the
    // command's output reproducible.
    let at = NaiveDateTime::default();
    let quality = args.sharp.then_some(PainQuality::Sharp);
    let invalid = |e: pain::CheckInError| CliError::Invalid(e.to_string());
    let checkin = CheckIn::new(at, args.score, moment, quality, None, flags).map_err(invalid)?;
    let previous = args
        .previous
        .map(|score| CheckIn::new(at, score, moment, None, None, Vec::new()))
        .transpose()
        .map_err(invalid)?;
    let assessment = pain::assess(&checkin, previous.as_ref(), &PainConfig::default());
    if args.json {
        return print_json(&PainReport {
            zone: assessment.zone,
            action: &assessment.action,
            advice: &assessment.advice,
            reasons: &assessment.reasons,
            recorded: false,
        });
    }
    println!("zone:   {}", zone_label(assessment.zone));
    println!("action: {}", action_label(&assessment.action));
    println!("{}", assessment.advice);
    println!(
        "(not recorded: `patella pain` only assesses a score; a check-in is kept in the record \
         during `patella run`)"
    );
    Ok(())
}

fn zone_label(zone: pain::PainZone) -> &'static str {
    match zone {
        pain::PainZone::WithinBuffer => "within the buffer zone (0-5)",
        pain::PainZone::AboveBuffer => "above the buffer zone",
        pain::PainZone::Stop => "stop",
        pain::PainZone::SeeClinician => "see a clinician",
    }
}

fn action_label(action: &pain::PainAction) -> &'static str {
    match action {
        pain::PainAction::Continue => "continue",
        pain::PainAction::ScaleBack => "scale back",
        pain::PainAction::StopActivity => "stop the activity",
        pain::PainAction::SeeClinician { .. } => "see a doctor or physical therapist",
    }
}
