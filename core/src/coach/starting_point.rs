//! What the plan reads from the profile before its first week: the risk
//! factors that slow the build-up (article 000) and the runner's current
//! weekly minutes. `setup` works the plan's context out from them, and
//! `generate` words the advisory the risk factors call for.

use super::config::CoachConfig;
use super::plan::RiskFactor;
use super::profile::Profile;

/// Risk factors that slow the build-up (article 000).
pub fn risk_factors(profile: &Profile, config: &CoachConfig) -> Vec<RiskFactor> {
    let r = &profile.risk_factors;
    let mut out = Vec::new();
    if r.age_years.is_some_and(|a| a >= config.risk_age_years) {
        out.push(RiskFactor::Age);
    }
    if r.osteoarthritis {
        out.push(RiskFactor::Osteoarthritis);
    }
    if r.osteoporosis {
        out.push(RiskFactor::Osteoporosis);
    }
    if r.balance_problems {
        out.push(RiskFactor::BalanceProblems);
    }
    if let (Some(kg), Some(cm)) = (r.body_mass_kg, r.height_cm) {
        let m = cm / 100.0;
        if kg / (m * m) >= config.risk_bmi {
            out.push(RiskFactor::BodyWeight);
        }
    }
    out
}

/// The runner's current weekly minutes (kilometres converted at the configured pace).
pub fn current_minutes(profile: &Profile, config: &CoachConfig) -> u32 {
    let c = &profile.current;
    c.weekly_minutes.unwrap_or_else(|| {
        let km = c.weekly_km.unwrap_or(0.0);
        (km * f64::from(config.seconds_per_km) / 60.0).round() as u32
    })
}
