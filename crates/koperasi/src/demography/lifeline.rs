//! Lifelines: the plain data business demography is computed from (founding year, origin,
//! years of activity, dissolution year), and how a [`Koperasi`] record becomes one.

use super::sweep::status_steps;
use crate::cooperative::{Koperasi, OriginKind};
use crate::status::{Status, StatusPolicy};
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

/// One cooperative's life as business demography sees it, by calendar year (plain data: the
/// input of [`super::yearly_demography`], [`super::cohort_survival`] and
/// [`super::survival_data`]).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Lifeline {
    /// Founding year (year of the tanggal badan hukum); `None` when unknown (never a birth).
    #[serde(default)]
    pub founded: Option<i32>,
    /// Set when created by a merger, division or conversion: then the founding is not a birth.
    #[serde(default)]
    pub origin: Option<OriginKind>,
    /// Years in which the cooperative was active at any time, ascending and distinct (the
    /// functions sort them again; duplicates are harmless).
    #[serde(default)]
    pub active_years: Vec<i32>,
    /// Year of the legal dissolution, if any.
    #[serde(default)]
    pub dissolved: Option<i32>,
    /// First year whose activity is known (`active_years` says nothing about earlier years);
    /// `None`: known from the founding year. A cooperative founded before this year is taken
    /// as a birth of its founding year unless `origin` says otherwise (left truncation).
    #[serde(default)]
    pub observed_from: Option<i32>,
}

impl Lifeline {
    /// True when active at any time in `year`.
    pub fn is_active(&self, year: i32) -> bool {
        self.active_years.contains(&year)
    }

    /// True when this lifeline is a birth in its founding year: a genuinely new cooperative
    /// (no merger, division or conversion) active in the year it was founded, or founded
    /// before [`Lifeline::observed_from`].
    pub fn is_birth(&self) -> bool {
        self.origin.is_none()
            && self
                .founded
                .is_some_and(|y| self.is_active(y) || self.observed_from.is_some_and(|f| y < f))
    }

    pub(crate) fn sorted(&self) -> Lifeline {
        let mut l = self.clone();
        l.active_years.sort_unstable();
        l.active_years.dedup();
        l
    }
}

/// Which cooperatives make up the active population A(t) of a year (DOMAIN.md 5.3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Population {
    /// Active at some date of the year by the status policy ([`Status::Active`], or
    /// [`Status::NotYetDue`]: a new cooperative before its first RAT is due is taken as
    /// active), or with business activity recorded for the year
    /// ([`Koperasi::business_activity`]). The Eurostat definition, with RAT as the activity
    /// signal (Kemenkop: "active" = an RAT in the last three book years).
    #[default]
    Active,
    /// On the register at some date of the year ([`crate::status::on_register`]: founded, not dissolved),
    /// whatever its activity. For registers without RAT history (e.g. the Kota Bogor list),
    /// where only foundings and dissolutions are known.
    Registered,
}

/// The lifeline of a record over the years `first..=last` (clipped to `as_of`: the years after
/// `as_of.year()` are not observed, and within `as_of`'s year only dates up to `as_of` count);
/// `observed_from` is `first`.
///
/// Activity per year follows `population`; with [`Population::Active`] it is read from the
/// status steps under `policy` ([`status_steps`]: one evaluation per change date, not per
/// day). The founding year is [`Koperasi::founding_year`], the origin
/// [`Koperasi::origin`], the dissolution year that of [`Koperasi::dissolution`].
pub fn lifeline(
    k: &Koperasi,
    policy: &StatusPolicy,
    population: Population,
    first: i32,
    last: i32,
    as_of: NaiveDate,
) -> Lifeline {
    let last = last.min(as_of.year());
    let mut active_years = Vec::new();
    if first <= last {
        match population {
            Population::Registered => {
                for y in first..=last {
                    let (Some(start), Some(end)) = (
                        NaiveDate::from_ymd_opt(y, 1, 1),
                        NaiveDate::from_ymd_opt(y, 12, 31).map(|d| d.min(as_of)),
                    ) else {
                        continue;
                    };
                    // On the register at some date of [start, end]: founded by `end` and not
                    // dissolved by `start`.
                    let founded_by_end = match k.founded() {
                        Some(d) => d <= end,
                        None => k.founding_year().is_none_or(|fy| fy <= end.year()),
                    };
                    let dissolved_by_start = k.dissolution.is_some_and(|d| d.date <= start);
                    if start <= end && founded_by_end && !dissolved_by_start {
                        active_years.push(y);
                    }
                }
            }
            Population::Active => {
                if let (Some(start), Some(end)) = (
                    NaiveDate::from_ymd_opt(first, 1, 1),
                    NaiveDate::from_ymd_opt(last, 12, 31).map(|d| d.min(as_of)),
                ) {
                    let steps = status_steps(k, policy, start, end);
                    for (i, s) in steps.iter().enumerate() {
                        if !matches!(s.status, Status::Active | Status::NotYetDue) {
                            continue;
                        }
                        let stop = steps
                            .get(i + 1)
                            .and_then(|n| n.from.pred_opt())
                            .unwrap_or(end);
                        for y in s.from.year()..=stop.year() {
                            active_years.push(y);
                        }
                    }
                }
                for b in &k.business_activity {
                    if b.active && b.year >= first && b.year <= last {
                        active_years.push(b.year);
                    }
                }
                active_years.sort_unstable();
                active_years.dedup();
            }
        }
    }
    Lifeline {
        founded: k.founding_year(),
        origin: k.origin.map(|o| o.kind),
        active_years,
        dissolved: k.dissolution.map(|d| d.date.year()),
        observed_from: Some(first),
    }
}
