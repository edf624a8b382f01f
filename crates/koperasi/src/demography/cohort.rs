//! Cohort survival (births of a year still active k years later) and the durations that feed
//! Kaplan-Meier (DOMAIN.md 5.3-5.4).

use super::lifeline::Lifeline;
use super::yearly::{SpellEnd, spell_end};
use crate::error::DemographyError;
use serde::{Deserialize, Serialize};

/// Survival of one founding-year cohort.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Cohort {
    /// Founding year of the cohort.
    pub year: i32,
    /// Births of that year ([`Lifeline::is_birth`]).
    pub births: u64,
    /// Survivors at `year + k` for k = 1..=horizon (index k−1): births still active in year
    /// `year + k`; `None` when that year is after the last observed year.
    pub survivors: Vec<Option<u64>>,
    /// Survival rates in percent, `survivors / births × 100` (INE/Eurostat S_k); `None` when
    /// not observed or when there were no births.
    pub rates: Vec<Option<f64>>,
    /// True when some survivor count rests on a year of unknown activity: a birth counted
    /// active there by the survivor assumption ([`Lifeline::assumed_years`]) or left out as
    /// unknown ([`Lifeline::unknown_years`]).
    #[serde(default)]
    pub incomplete: bool,
}

/// Cohort survival for the founding years `from..=to`, k = 1..=`horizon` years (Eurostat: 5),
/// observed up to `last_observed_year` (DOMAIN.md 5.3).
///
/// Errors: [`DemographyError::EmptySpan`] when `from > to` or the span exceeds 1,000 years;
/// [`DemographyError::InvalidValue`] when `horizon` is 0 or above 100.
pub fn cohort_survival(
    lifelines: &[Lifeline],
    from: i32,
    to: i32,
    last_observed_year: i32,
    horizon: u32,
) -> Result<Vec<Cohort>, DemographyError> {
    if from > to || i64::from(to) - i64::from(from) > 1000 {
        return Err(DemographyError::EmptySpan {
            from: from.to_string(),
            to: to.to_string(),
            why: "from must be at most to, and the span at most 1000 years".into(),
        });
    }
    if horizon == 0 || horizon > 100 {
        return Err(DemographyError::InvalidValue {
            what: "horizon".into(),
            value: horizon.to_string(),
            why: "must be 1..=100 years".into(),
        });
    }
    let h = i32::try_from(horizon).unwrap_or(5);
    let mut out: Vec<Cohort> = (from..=to)
        .map(|year| Cohort {
            year,
            births: 0,
            survivors: (1..=h)
                .map(|k| (year + k <= last_observed_year).then_some(0))
                .collect(),
            rates: Vec::new(),
            incomplete: false,
        })
        .collect();
    for l in lifelines.iter().filter(|l| l.is_birth()) {
        let Some(c) = l.founded else { continue };
        let Some(row) = usize::try_from(c - from)
            .ok()
            .filter(|_| c >= from)
            .and_then(|i| out.get_mut(i))
        else {
            continue;
        };
        row.births += 1;
        for (k, s) in (1..=h).zip(row.survivors.iter_mut()) {
            if let Some(s) = s.as_mut() {
                if l.is_active(c + k) {
                    *s += 1;
                }
                if l.is_assumed(c + k) || l.is_unknown(c + k) {
                    row.incomplete = true;
                }
            }
        }
    }
    for row in &mut out {
        let b = row.births;
        row.rates = row
            .survivors
            .iter()
            .map(|s| s.filter(|_| b > 0).map(|s| s as f64 * 100.0 / b as f64))
            .collect();
    }
    Ok(out)
}

/// Durations (years) for Kaplan-Meier, parallel columns (DOMAIN.md 5.4).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SurvivalData {
    /// Years from founding to death or censoring.
    pub durations: Vec<f64>,
    /// True for an observed (confirmed) death, false for a censored lifetime.
    pub observed: Vec<bool>,
    /// Age at which each cooperative came under observation (left truncation; 0 for those
    /// founded in or after the first observed year).
    pub entry: Vec<f64>,
}

/// Lifetimes of the births ([`Lifeline::is_birth`]) founded up to `last_observed_year`,
/// observed from `first_observed_year` (DOMAIN.md 5.4):
///
/// * a cooperative whose first activity spell ends in year `e` with a confirmed death (legal,
///   or inactive for the whole `death_window_years`) has duration `e + 1 − founded` and an
///   observed event (active in `founded..=e`, so alive at ages `0..e+1−founded`);
/// * one whose death is provisional, or undetermined (unknown years follow, see
///   [`super::yearly_demography`]), is censored at `e + 1 − founded` (last seen active);
/// * one still active (or reactivated within the window) is censored at the as-of year:
///   `last_observed_year + 1 − founded`;
/// * one founded before `first_observed_year` enters at age `first_observed_year − founded`
///   (left truncation); those whose lifetime ended before that, or with no activity listed,
///   are left out (not observed).
///
/// With no censoring, Kaplan-Meier at k years equals the cohort survival rate at k
/// ([`cohort_survival`]; a property test checks it).
pub fn survival_data(
    lifelines: &[Lifeline],
    first_observed_year: i32,
    last_observed_year: i32,
    death_window_years: u32,
) -> SurvivalData {
    let mut out = SurvivalData::default();
    for l in lifelines.iter().filter(|l| l.is_birth()) {
        let Some(c) = l.founded else { continue };
        if c > last_observed_year {
            continue;
        }
        let l = l.sorted();
        let mut end: Option<(i32, bool)> = None;
        let ys = &l.active_years;
        for (i, &y) in ys.iter().enumerate().filter(|(_, y)| **y >= c) {
            if ys.get(i + 1).is_some_and(|nx| *nx == y + 1) {
                continue;
            }
            match spell_end(&l, y, last_observed_year, death_window_years) {
                SpellEnd::Reactivated => continue,
                SpellEnd::Legal | SpellEnd::Statistical => end = Some((y, true)),
                SpellEnd::Provisional | SpellEnd::Undetermined => end = Some((y, false)),
                SpellEnd::Unknown => end = Some((last_observed_year, false)),
            }
            break;
        }
        // No activity listed from the founding year on: never seen alive (founded before the
        // observation and gone before it): not part of the data.
        let Some((e, observed)) = end else { continue };
        let duration = f64::from(e + 1 - c);
        let entry = f64::from((first_observed_year - c).max(0));
        if entry > 0.0 && duration <= entry {
            continue;
        }
        out.durations.push(duration);
        out.observed.push(observed);
        out.entry.push(entry);
    }
    out
}
