//! Yearly business demography: active population, births, deaths, reactivations and rates
//! (DOMAIN.md 5.3, Eurostat-OECD Manual on Business Demography Statistics 2007).

use super::lifeline::Lifeline;
use crate::error::DemographyError;
use serde::{Deserialize, Serialize};

/// Birth, death, churn and net growth rates in percent of the active population
/// (DOMAIN.md 5.3): `birth_rate = B/A×100`, `death_rate = D/A×100`,
/// `churn_rate = birth_rate + death_rate`, `net_growth_rate = birth_rate − death_rate`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Rates {
    /// B(t) / A(t) × 100.
    pub birth_rate: f64,
    /// D(t) / A(t) × 100.
    pub death_rate: f64,
    /// Birth rate + death rate (turnover).
    pub churn_rate: f64,
    /// Birth rate − death rate.
    pub net_growth_rate: f64,
}

/// Rates from the active population `active` = A(t), births B(t) and deaths D(t)
/// (DOMAIN.md 5.3). A = 100, B = 10, D = 5 gives 10%, 5%, churn 15%, net 5%.
///
/// Errors: [`DemographyError::InvalidValue`] when `active` is 0 (no rate is defined).
///
/// ```
/// let r = koperasi::demography::demography_rates(100, 10, 5)?;
/// assert_eq!((r.birth_rate, r.death_rate, r.churn_rate, r.net_growth_rate), (10.0, 5.0, 15.0, 5.0));
/// # Ok::<(), koperasi::error::DemographyError>(())
/// ```
pub fn demography_rates(active: u64, births: u64, deaths: u64) -> Result<Rates, DemographyError> {
    if active == 0 {
        return Err(DemographyError::InvalidValue {
            what: "active".into(),
            value: "0".into(),
            why: "rates are per active cooperative: the active population must be at least 1"
                .into(),
        });
    }
    let a = active as f64;
    let birth_rate = births as f64 * 100.0 / a;
    let death_rate = deaths as f64 * 100.0 / a;
    Ok(Rates {
        birth_rate,
        death_rate,
        churn_rate: birth_rate + death_rate,
        net_growth_rate: birth_rate - death_rate,
    })
}

/// Parameters of [`yearly_demography`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct DemographyParams {
    /// Years without activity after which an inactive cooperative is a statistical death
    /// (Eurostat: not reactivated within 2 years). Default 2.
    pub death_window_years: u32,
}

impl Default for DemographyParams {
    fn default() -> DemographyParams {
        DemographyParams {
            death_window_years: 2,
        }
    }
}

/// The demography of one year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DemographyYear {
    /// The year.
    pub year: i32,
    /// A(t): cooperatives active at any time in the year.
    pub active: u64,
    /// B(t): genuinely new cooperatives founded and active in the year (mergers, divisions,
    /// conversions and reactivations excluded).
    pub births: u64,
    /// Cooperatives founded in the year by merger, division or conversion (not births).
    pub restructuring_entries: u64,
    /// Cooperatives active in the year, not in the year before, and active in some earlier
    /// year (dormant, then active again): not births.
    pub reactivations: u64,
    /// D(t): deaths dated to the year (the last year of activity) = `deaths_legal +
    /// deaths_statistical`.
    pub deaths: u64,
    /// Deaths confirmed by a dissolution within the death window after the last active year.
    pub deaths_legal: u64,
    /// Deaths by inactivity: no activity in the following `death_window_years` (nor after, up
    /// to the last observed year), and no dissolution within the window. In a provisional year
    /// these include cooperatives that may still be reactivated.
    pub deaths_statistical: u64,
    /// Legal dissolutions dated in the year (whatever the activity before).
    pub dissolutions: u64,
    /// True while the death window has not passed (`year + death_window_years >
    /// last_observed_year`): statistical deaths may still turn into reactivations.
    pub provisional: bool,
    /// Rates in percent of `active`; `None` when `active` is 0.
    pub rates: Option<Rates>,
    /// Cooperatives on the register in the year whose activity is unknown
    /// ([`Lifeline::unknown_years`]): not in `active`.
    #[serde(default)]
    pub unknown_status: u64,
    /// Cooperatives counted in `active` by the survivor assumption
    /// ([`Lifeline::assumed_years`]).
    #[serde(default)]
    pub assumed_active: u64,
    /// Activity spells ending in the year that are followed by unknown years within the death
    /// window: whether they are deaths cannot be told, so they are not counted as deaths.
    #[serde(default)]
    pub deaths_undetermined: u64,
    /// True when the year's counts rest on unknown years: `unknown_status`, `assumed_active`
    /// or `deaths_undetermined` is not 0, or a reactivation cannot be told because the year
    /// before is unknown.
    #[serde(default)]
    pub incomplete: bool,
}

/// How a lifeline's activity spell ending in year `e` ends (internal).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SpellEnd {
    /// Active again within the window: no death.
    Reactivated,
    /// Dissolved within the window.
    Legal,
    /// Inactive for the whole window (confirmed).
    Statistical,
    /// Inactive up to the last observed year, window not yet passed.
    Provisional,
    /// The year after `e` is not observed.
    Unknown,
    /// Followed by unknown years within the window: no death is inferred.
    Undetermined,
}

pub(crate) fn spell_end(l: &Lifeline, e: i32, last_observed: i32, window: u32) -> SpellEnd {
    if e >= last_observed {
        return SpellEnd::Unknown;
    }
    let w = i32::try_from(window).unwrap_or(i32::MAX);
    let limit = e.saturating_add(w);
    if let Some(d) = l.dissolved {
        if d >= e && d <= limit {
            return SpellEnd::Legal;
        }
    }
    let next = l.active_years.iter().copied().find(|y| *y > e);
    if next.is_some_and(|n| n <= limit.saturating_add(1)) {
        return SpellEnd::Reactivated;
    }
    let seen = limit.min(last_observed);
    if l.unknown_years.iter().any(|u| *u > e && *u <= seen) {
        return SpellEnd::Undetermined;
    }
    match next {
        Some(_) => SpellEnd::Statistical,
        None if limit <= last_observed => SpellEnd::Statistical,
        None => SpellEnd::Provisional,
    }
}

/// Yearly demography for `from..=to` (DOMAIN.md 5.3) from lifelines observed up to
/// `last_observed_year` (usually the year of the as-of date).
///
/// Per year t: A(t) = lifelines active in t; B(t) = [`Lifeline::is_birth`] with founding year t;
/// a reactivation is active in t, not in t−1, and active before; a death is dated to the last
/// year `e` of an activity spell that is not followed by activity within
/// `death_window_years` (legal when dissolved within that window, statistical otherwise);
/// when `e + window > last_observed_year` the year is `provisional` and its statistical deaths
/// are those inactive so far. Activity before the earliest year a lifeline lists is unknown,
/// so reactivations are counted only when the earlier activity is listed.
///
/// Unknown years ([`Lifeline::unknown_years`]) are neither active nor inactive: a spell followed
/// by an unknown year within the window is not a death (`deaths_undetermined`), a year after an
/// unknown year is not a reactivation, and every row whose counts rest on unknown or assumed
/// years is `incomplete`.
///
/// Errors: [`DemographyError::EmptySpan`] when `from > to` or the span exceeds 1,000 years.
pub fn yearly_demography(
    lifelines: &[Lifeline],
    from: i32,
    to: i32,
    last_observed_year: i32,
    params: &DemographyParams,
) -> Result<Vec<DemographyYear>, DemographyError> {
    if from > to || i64::from(to) - i64::from(from) > 1000 {
        return Err(DemographyError::EmptySpan {
            from: from.to_string(),
            to: to.to_string(),
            why: "from must be at most to, and the span at most 1000 years".into(),
        });
    }
    let n = usize::try_from(to - from + 1).unwrap_or(0);
    let mut rows: Vec<DemographyYear> = (from..=to)
        .map(|year| DemographyYear {
            year,
            active: 0,
            births: 0,
            restructuring_entries: 0,
            reactivations: 0,
            deaths: 0,
            deaths_legal: 0,
            deaths_statistical: 0,
            dissolutions: 0,
            provisional: i64::from(year) + i64::from(params.death_window_years)
                > i64::from(last_observed_year),
            rates: None,
            unknown_status: 0,
            assumed_active: 0,
            deaths_undetermined: 0,
            incomplete: false,
        })
        .collect();
    let slot = |y: i32| -> Option<usize> {
        let i = usize::try_from(y.checked_sub(from)?).ok()?;
        (i < n).then_some(i)
    };
    for l in lifelines {
        let l = l.sorted();
        let ys = &l.active_years;
        for (i, &y) in ys.iter().enumerate() {
            let prev = i.checked_sub(1).and_then(|j| ys.get(j)).copied();
            if let Some(r) = slot(y).and_then(|s| rows.get_mut(s)) {
                r.active += 1;
                if l.founded == Some(y) {
                    if l.origin.is_none() {
                        r.births += 1;
                    } else {
                        r.restructuring_entries += 1;
                    }
                } else if prev.is_some_and(|p| p < y - 1) {
                    if l.is_unknown(y - 1) {
                        r.incomplete = true;
                    } else {
                        r.reactivations += 1;
                    }
                }
                if l.is_assumed(y) {
                    r.assumed_active += 1;
                }
            }
            let is_end = ys.get(i + 1).is_none_or(|nx| *nx > y + 1);
            if is_end {
                let end = spell_end(&l, y, last_observed_year, params.death_window_years);
                if let Some(r) = slot(y).and_then(|s| rows.get_mut(s)) {
                    match end {
                        SpellEnd::Legal => r.deaths_legal += 1,
                        SpellEnd::Statistical | SpellEnd::Provisional => {
                            r.deaths_statistical += 1;
                        }
                        SpellEnd::Undetermined => r.deaths_undetermined += 1,
                        SpellEnd::Reactivated | SpellEnd::Unknown => {}
                    }
                }
            }
        }
        for u in &l.unknown_years {
            if let Some(r) = slot(*u).and_then(|s| rows.get_mut(s)) {
                r.unknown_status += 1;
            }
        }
        if let Some(r) = l.dissolved.and_then(slot).and_then(|s| rows.get_mut(s)) {
            r.dissolutions += 1;
        }
    }
    for r in &mut rows {
        r.deaths = r.deaths_legal + r.deaths_statistical;
        r.incomplete |= r.unknown_status > 0 || r.assumed_active > 0 || r.deaths_undetermined > 0;
        r.rates = demography_rates(r.active, r.births, r.deaths).ok();
    }
    Ok(rows)
}
