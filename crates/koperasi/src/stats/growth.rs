//! Growth statistics over counts: change, percentage change, compound annual growth rate
//! (CAGR), active share, and per-region growth tables ranked by change.
//!
//! Units: [`pct_change`] and [`cagr`] return **percent** (−16.97 means −16.97 %);
//! [`active_share`] returns a **fraction** in 0..=1 (DOMAIN.md §5.1 `proporsi`). These are
//! ratios of counts, not money, so `f64` is appropriate; round only for display.

use super::panel::{Panel, PanelIndex};
use super::period::Period;
use crate::error::StatsError;
use crate::wilayah::KodeWilayah;
use serde::{Deserialize, Serialize};

/// Absolute change `to - from`.
///
/// Never overflows: the difference **saturates** at the `i64` limits
/// (`change(i64::MIN, i64::MAX)` is `i64::MAX`, `change(i64::MAX, i64::MIN)` is `i64::MIN`).
/// Real counts are far from these limits, so the result is exact for any two counts whose
/// difference fits `i64` (in particular any two non-negative counts).
pub fn change(from: i64, to: i64) -> i64 {
    to.saturating_sub(from)
}

/// Percentage change `(to - from) / from × 100`, in percent.
///
/// Example (DOMAIN.md §5.1, national active cooperatives, BPS/Kemenkop): 2017: 152,174 ->
/// 2018: 126,343 gives −16.97 % (rounded to 2 decimals).
///
/// The difference is taken exactly (in `i128`) and rounded once to `f64`, so the result is
/// finite for every `i64` pair: at most about 9.2 × 10²⁰ % (`pct_change(1, i64::MAX)`).
///
/// Error: [`StatsError::NonPositiveBase`] when `from <= 0` (a change from zero has no
/// percentage).
pub fn pct_change(from: i64, to: i64) -> Result<f64, StatsError> {
    if from <= 0 {
        return Err(StatsError::NonPositiveBase {
            what: "percentage change",
            base: from,
        });
    }
    let diff = i128::from(to) - i128::from(from);
    finite(
        "percentage change",
        diff as f64 / from as f64 * 100.0,
        || format!("from {from} to {to}"),
    )
}

/// `Ok(x)` when `x` is finite, else [`StatsError::NotFinite`] with the inputs.
fn finite(what: &'static str, x: f64, inputs: impl FnOnce() -> String) -> Result<f64, StatsError> {
    if x.is_finite() {
        Ok(x)
    } else {
        Err(StatsError::NotFinite {
            what,
            why: format!("{} gives {x}", inputs()),
        })
    }
}

/// Compound annual growth rate in percent per year: `((to / from)^(1 / years) − 1) × 100`.
///
/// `years` is the span, e.g. from [`Period::years_between`] (`2018-Q4 -> 2025-Q2` is 6.5).
/// A fall to zero gives −100.
///
/// Errors: [`StatsError::NonPositiveBase`] when `from <= 0`; [`StatsError::NegativeValue`]
/// when `to < 0`; [`StatsError::NonPositiveYears`] when `years` is not a finite number > 0
/// (NaN, ±infinity, zero, negative); [`StatsError::NotFinite`] when the rate overflows `f64`
/// (a span so short that the growth factor is infinite: `cagr(1, 2, 1e-300)`).
pub fn cagr(from: i64, to: i64, years: f64) -> Result<f64, StatsError> {
    if from <= 0 {
        return Err(StatsError::NonPositiveBase {
            what: "CAGR",
            base: from,
        });
    }
    if to < 0 {
        return Err(StatsError::NegativeValue {
            what: "CAGR end value",
            value: to,
        });
    }
    if !years.is_finite() || years <= 0.0 {
        return Err(StatsError::NonPositiveYears {
            what: "CAGR",
            years: format!("{years:?}"),
        });
    }
    let rate = ((to as f64 / from as f64).powf(1.0 / years) - 1.0) * 100.0;
    finite("CAGR", rate, || {
        format!("from {from} to {to} over {years:?} years (the span is too short for this growth)")
    })
}

/// Share of active cooperatives `aktif / total` as a fraction in 0..=1 (multiply by 100 for
/// percent). The inactive share (`proporsi_tidak_aktif`, DOMAIN.md §5.1) is
/// `active_share(tidak_aktif, total)`.
///
/// Errors: [`StatsError::NonPositiveBase`] when `total <= 0`; [`StatsError::NegativeValue`]
/// when `aktif < 0`; [`StatsError::PartExceedsTotal`] when `aktif > total`.
pub fn active_share(aktif: i64, total: i64) -> Result<f64, StatsError> {
    if total <= 0 {
        return Err(StatsError::NonPositiveBase {
            what: "active share",
            base: total,
        });
    }
    if aktif < 0 {
        return Err(StatsError::NegativeValue {
            what: "active share part",
            value: aktif,
        });
    }
    if aktif > total {
        return Err(StatsError::PartExceedsTotal {
            what: "active share",
            part: aktif,
            total,
        });
    }
    // 0 <= aktif <= total and total > 0: the ratio is finite and within 0..=1.
    Ok(aktif as f64 / total as f64)
}

/// Growth of one measure for one region between two periods.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct GrowthRow {
    /// Region as published (name of its first row).
    pub region: String,
    /// Kemendagri code when resolved.
    pub region_code: Option<KodeWilayah>,
    /// Start period.
    pub from_period: Period,
    /// End period.
    pub to_period: Period,
    /// Value in the start period.
    pub from: i64,
    /// Value in the end period.
    pub to: i64,
    /// `to - from`.
    pub change: i64,
    /// Percentage change (percent); `None` when `from <= 0`.
    pub pct_change: Option<f64>,
}

impl Panel {
    /// Growth of `measure` from period `from` to period `to`, one row per region that has the
    /// measure in both periods (regions lacking either are left out), in order of first
    /// appearance of the region. Regions are grouped by code, else by name, and named after
    /// their first row (see [`crate::stats::panel`]); with duplicate rows the first having the
    /// measure is used. The rows are indexed once: O(rows × log rows).
    pub fn growth(&self, measure: &str, from: Period, to: Period) -> Vec<GrowthRow> {
        let index = PanelIndex::new(self);
        let mut out = Vec::new();
        for region in &index.regions {
            // A row that totals other rows (a parent of a hierarchy) is not a region's figure.
            let a = region.get_summable(from, measure);
            let b = region.get_summable(to, measure);
            if let (Some((a, _)), Some((b, _))) = (a, b) {
                out.push(GrowthRow {
                    region: region.name.to_string(),
                    region_code: region.code,
                    from_period: from,
                    to_period: to,
                    from: a,
                    to: b,
                    change: change(a, b),
                    pct_change: pct_change(a, b).ok(),
                });
            }
        }
        out
    }

    /// CAGR (percent per year) of the sum over all regions of `measure`, from period `from` to
    /// period `to`, with the span from [`Period::years_between`]. The sums are those of
    /// [`Panel::total`] (each region and period once, every region included: call it on
    /// [`Panel::without_region`] to leave a parent region out).
    ///
    /// Errors: [`StatsError::EmptySpan`] when a period has no value for the measure or `to` is
    /// not after `from`; otherwise those of [`cagr`].
    pub fn total_cagr(&self, measure: &str, from: Period, to: Period) -> Result<f64, StatsError> {
        let empty = || StatsError::EmptySpan {
            from: from.to_string(),
            to: to.to_string(),
        };
        let a = self.total(from, measure).ok_or_else(empty)?;
        let b = self.total(to, measure).ok_or_else(empty)?;
        let years = Period::years_between(&from, &to);
        if years <= 0.0 {
            return Err(empty());
        }
        cagr(a, b, years)
    }
}

/// Rows sorted by change, largest increase first (ties by region name): the regions that grew
/// most come first and those that shrank most last.
pub fn rank_by_change(rows: &[GrowthRow]) -> Vec<GrowthRow> {
    let mut v = rows.to_vec();
    v.sort_by(|a, b| {
        b.change
            .cmp(&a.change)
            .then_with(|| a.region.cmp(&b.region))
    });
    v
}

/// The `n` regions that grew most (largest positive change first); regions with no increase
/// are left out.
pub fn grew_most(rows: &[GrowthRow], n: usize) -> Vec<GrowthRow> {
    rank_by_change(rows)
        .into_iter()
        .filter(|r| r.change > 0)
        .take(n)
        .collect()
}

/// The `n` regions that shrank most (most negative change first); regions with no decrease
/// are left out.
pub fn shrank_most(rows: &[GrowthRow], n: usize) -> Vec<GrowthRow> {
    let mut v: Vec<GrowthRow> = rows.iter().filter(|r| r.change < 0).cloned().collect();
    v.sort_by(|a, b| {
        a.change
            .cmp(&b.change)
            .then_with(|| a.region.cmp(&b.region))
    });
    v.truncate(n);
    v
}
