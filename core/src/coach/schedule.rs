//! The week template: which weekdays carry a run, which a strength session
//! (2-3 a week, never on a run day: article 004), and which are for rest.

use chrono::Weekday;

use super::config::CoachConfig;
use super::plan::DayKind;
use super::profile::Profile;

/// Default run days by count, spread to leave a day between runs where
/// possible (project's choice).
fn default_run_days(count: u8) -> Vec<Weekday> {
    use Weekday::*;
    match count {
        0 | 1 => vec![Sat],
        2 => vec![Tue, Sat],
        3 => vec![Tue, Thu, Sat],
        _ => vec![Mon, Wed, Fri, Sun],
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct WeekTemplate {
    kinds: [DayKind; 7],
}

impl WeekTemplate {
    pub fn new(profile: &Profile, config: &CoachConfig) -> Self {
        let c = &profile.current;
        let run_days = if c.preferred_days.is_empty() {
            default_run_days(c.days_per_week)
        } else {
            c.preferred_days.clone()
        };
        let mut kinds = [DayKind::Rest; 7];
        for d in &run_days {
            kinds[d.num_days_from_monday() as usize] = DayKind::Run;
        }
        let free: Vec<usize> = (0..7).filter(|i| kinds[*i] == DayKind::Rest).collect();
        let wanted = usize::from(
            profile
                .strength_days_per_week
                .unwrap_or(config.default_strength_days),
        )
        .min(free.len());
        // Spread the strength days evenly over the free days.
        for k in 0..wanted {
            if let Some(i) = free.get(k * free.len() / wanted.max(1)) {
                kinds[*i] = DayKind::Strength;
            }
        }
        Self { kinds }
    }

    pub fn kind(&self, day: Weekday) -> DayKind {
        self.kinds[day.num_days_from_monday() as usize]
    }

    pub fn run_days(&self) -> usize {
        self.kinds.iter().filter(|k| **k == DayKind::Run).count()
    }
}
