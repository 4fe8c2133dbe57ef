//! Assessing one check-in: its zone, what to do now, and why.

use serde::{Deserialize, Serialize};

use super::checkin::{CheckIn, RedFlag};
use super::config::PainConfig;

/// The zone a check-in falls in, from mildest to most serious.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum PainZone {
    /// 0 to 5: training goes on.
    WithinBuffer,
    /// Above 5: the load comes down.
    AboveBuffer,
    /// Sharp pain at any moment, or pain climbing during an activity: stop
    /// the activity if there is one, and do not start the next today.
    Stop,
    /// A red flag: see a doctor or physical therapist before progressing.
    SeeClinician,
}

/// Why the assessment came out as it did; one entry per rule that fired.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Enum))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum PainReason {
    /// The score is at or under the buffer's top.
    WithinBuffer {
        /// The check-in's score.
        score: u8,
        /// The buffer zone's top score.
        max: u8,
    },
    /// The score is over the buffer's top.
    AboveBuffer {
        /// The check-in's score.
        score: u8,
        /// The buffer zone's top score.
        max: u8,
    },
    /// Sharp pain during an activity: stop it.
    SharpDuringActivity,
    /// Sharp pain outside an activity (before a run, after it, in the morning).
    Sharp,
    /// The score rose since the last check-in of the same activity.
    WorseningDuringActivity {
        /// The earlier check-in's score.
        from: u8,
        /// This check-in's score.
        to: u8,
    },
    /// A red flag was ticked.
    RedFlag {
        /// The flag.
        flag: RedFlag,
    },
}

/// What the runner should do now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Enum))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum PainAction {
    /// Carry on as planned.
    Continue,
    /// Do less next time (shorter, easier, fewer sets).
    ScaleBack,
    /// Stop the activity now.
    StopActivity,
    /// Stop progressing and book a clinician; the plan holds until the runner
    /// confirms they have been seen.
    SeeClinician {
        /// The red flags reported.
        flags: Vec<RedFlag>,
    },
}

/// The result of one check-in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct PainAssessment {
    /// Where the score falls against the buffer zone.
    pub zone: PainZone,
    /// What to do now.
    pub action: PainAction,
    /// Why, one entry per rule that fired, with its numbers.
    pub reasons: Vec<PainReason>,
    /// What to tell the runner, in the project's own words.
    pub advice: String,
}

/// Assesses `checkin`. `earlier_in_activity` is the lowest earlier check-in
/// of the same activity, if any, so that pain climbing mid-run is caught
/// whether it jumps or creeps up a point at a time (article 001: worsening
/// pain means stopping).
pub fn assess(
    checkin: &CheckIn,
    earlier_in_activity: Option<&CheckIn>,
    config: &PainConfig,
) -> PainAssessment {
    let max = config.buffer_zone_max;
    let mut reasons = Vec::new();
    let mut zone = if checkin.score <= max {
        reasons.push(PainReason::WithinBuffer {
            score: checkin.score,
            max,
        });
        PainZone::WithinBuffer
    } else {
        reasons.push(PainReason::AboveBuffer {
            score: checkin.score,
            max,
        });
        PainZone::AboveBuffer
    };

    // Sharp pain stops training whenever it is felt (articles 001 and 004),
    // not only mid-activity.
    if checkin.quality == Some(super::PainQuality::Sharp) {
        reasons.push(if checkin.moment.is_during_activity() {
            PainReason::SharpDuringActivity
        } else {
            PainReason::Sharp
        });
        zone = zone.max(PainZone::Stop);
    }
    if let Some(before) = earlier_in_activity.filter(|_| checkin.moment.is_during_activity())
        && checkin.score.saturating_sub(before.score) >= config.worsening_rise
    {
        reasons.push(PainReason::WorseningDuringActivity {
            from: before.score,
            to: checkin.score,
        });
        zone = zone.max(PainZone::Stop);
    }

    let mut flags = checkin.red_flags.clone();
    flags.sort();
    flags.dedup();
    if !flags.is_empty() {
        reasons.extend(flags.iter().map(|flag| PainReason::RedFlag { flag: *flag }));
        zone = PainZone::SeeClinician;
    }

    let severe = checkin.score >= config.severe_from;
    let (action, mut advice) = match zone {
        PainZone::WithinBuffer => (
            PainAction::Continue,
            format!(
                "Carry on. Mild discomfort is expected while the knee adapts; keep it at {max} \
                 or below."
            ),
        ),
        PainZone::AboveBuffer => (
            PainAction::ScaleBack,
            format!(
                "That is above your comfort limit of {max}. Ease off today: shorter, slower or \
                 cross-train, and keep up the strength work."
            ),
        ),
        PainZone::Stop if checkin.moment.is_during_activity() => (
            PainAction::StopActivity,
            "Stop this activity now. Sharp or climbing pain is a signal to rest the knee. If it \
             comes back or does not ease, have a doctor or physical therapist check the knee."
                .to_owned(),
        ),
        PainZone::Stop => (
            PainAction::StopActivity,
            "Sharp pain: no running or knee-loading exercise today; let the knee rest. If the \
             sharp pain comes back or does not ease, have a doctor or physical therapist check \
             the knee."
                .to_owned(),
        ),
        PainZone::SeeClinician => (
            PainAction::SeeClinician { flags },
            "Please see a doctor or physical therapist before training on. Your plan will not \
             progress until you confirm you have been checked."
                .to_owned(),
        ),
    };
    if severe {
        // Pain this bad needs a professional soon, whatever else applies:
        // said first, and never next to "ease off", which would undersell it.
        let severe_words = format!(
            "Pain of {} out of 10 is severe: stop, rest the knee and get it seen promptly, by a \
             doctor or physical therapist today if you can, or urgent care if it is unbearable.",
            checkin.score
        );
        advice = if zone == PainZone::AboveBuffer {
            format!("{severe_words} No running until a check-in shows the knee at {max} or below.")
        } else {
            format!("{severe_words} {advice}")
        };
    }
    PainAssessment {
        zone,
        action,
        reasons,
        advice,
    }
}
