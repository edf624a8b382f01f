//! High-growth cooperatives and gazelles, by members (DOMAIN.md 5.3; Eurostat-OECD 2007:
//! average annualised growth above 20% a year over 3 years, at least 10 at the start; gazelles
//! are high-growth units up to 5 years old).

use crate::error::DemographyError;
use serde::{Deserialize, Serialize};

/// A cooperative's size over the years (plain data: members at year end by year, any order).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct GrowthUnit {
    /// An identifier to report back (e.g. the NIK or a row number).
    #[serde(default)]
    pub id: Option<String>,
    /// Founding year (for the gazelle age).
    #[serde(default)]
    pub founded: Option<i32>,
    /// `(year, members)` pairs.
    pub members: Vec<(i32, u64)>,
}

/// Parameters of [`high_growth`] (DOMAIN.md 5.3: thresholds are data).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct HighGrowthParams {
    /// Average annualised growth that must be exceeded, in percent a year. Default 20 (the 2007
    /// manual; the post-2012 EU rule uses 10).
    pub threshold_pct: f64,
    /// Years over which growth is measured. Default 3.
    pub span_years: u32,
    /// Minimum size at the start of the span. Default 10.
    pub min_base: u64,
    /// Oldest age (years since founding, at the end year) of a gazelle. Default 5.
    pub gazelle_max_age: u32,
}

impl Default for HighGrowthParams {
    fn default() -> HighGrowthParams {
        HighGrowthParams {
            threshold_pct: 20.0,
            span_years: 3,
            min_base: 10,
            gazelle_max_age: 5,
        }
    }
}

/// One unit's growth over the span.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct UnitGrowth {
    /// Index of the unit in the input.
    pub index: usize,
    /// Its id.
    pub id: Option<String>,
    /// Members at the start year.
    pub base: u64,
    /// Members at the end year.
    pub end: u64,
    /// Average annualised growth in percent: `((end / base)^(1/span) − 1) × 100`.
    pub annualised_growth_pct: f64,
    /// Above the threshold.
    pub high_growth: bool,
    /// High growth and at most `gazelle_max_age` years old at the end year.
    pub gazelle: bool,
}

/// The result of [`high_growth`] for one end year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct HighGrowth {
    /// End year of the span.
    pub year: i32,
    /// Units with members known at both ends and at least `min_base` at the start.
    pub eligible: u64,
    /// High-growth units among them.
    pub high_growth: u64,
    /// Gazelles among them.
    pub gazelles: u64,
    /// `high_growth / eligible × 100`; `None` when none is eligible.
    pub high_growth_share: Option<f64>,
    /// The eligible units, in input order.
    pub units: Vec<UnitGrowth>,
}

/// High-growth cooperatives by members for the span ending in `year` (DOMAIN.md 5.3): a unit
/// is eligible when its members are known for `year − span_years` (at least `min_base`) and
/// for `year`; it is high-growth when its average annualised growth is strictly above
/// `threshold_pct`; a gazelle when also `year − founded ≤ gazelle_max_age`.
///
/// Errors: [`DemographyError::InvalidValue`] for `span_years` 0 or above 50, or a threshold
/// that is negative or not finite.
pub fn high_growth(
    units: &[GrowthUnit],
    year: i32,
    params: &HighGrowthParams,
) -> Result<HighGrowth, DemographyError> {
    if params.span_years == 0 || params.span_years > 50 {
        return Err(DemographyError::InvalidValue {
            what: "span_years".into(),
            value: params.span_years.to_string(),
            why: "must be 1..=50".into(),
        });
    }
    if !params.threshold_pct.is_finite() || params.threshold_pct < 0.0 {
        return Err(DemographyError::InvalidValue {
            what: "threshold_pct".into(),
            value: params.threshold_pct.to_string(),
            why: "must be a finite percentage >= 0".into(),
        });
    }
    let span = i32::try_from(params.span_years).unwrap_or(3);
    let start = year.saturating_sub(span);
    let at = |u: &GrowthUnit, y: i32| u.members.iter().find(|(yy, _)| *yy == y).map(|p| p.1);
    let mut out = HighGrowth {
        year,
        eligible: 0,
        high_growth: 0,
        gazelles: 0,
        high_growth_share: None,
        units: Vec::new(),
    };
    for (index, u) in units.iter().enumerate() {
        let (Some(base), Some(end)) = (at(u, start), at(u, year)) else {
            continue;
        };
        if base < params.min_base.max(1) {
            continue;
        }
        let g = ((end as f64 / base as f64).powf(1.0 / f64::from(span)) - 1.0) * 100.0;
        let hg = g > params.threshold_pct;
        let young = u
            .founded
            .is_some_and(|f| i64::from(year) - i64::from(f) <= i64::from(params.gazelle_max_age));
        out.eligible += 1;
        out.high_growth += u64::from(hg);
        out.gazelles += u64::from(hg && young);
        out.units.push(UnitGrowth {
            index,
            id: u.id.clone(),
            base,
            end,
            annualised_growth_pct: g,
            high_growth: hg,
            gazelle: hg && young,
        });
    }
    if out.eligible > 0 {
        out.high_growth_share = Some(out.high_growth as f64 * 100.0 / out.eligible as f64);
    }
    Ok(out)
}
