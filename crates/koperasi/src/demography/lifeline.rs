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
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
    /// Years in which the cooperative was on the register but its activity is not known (its
    /// status was not assessable, e.g. book years before a register's first RAT column): not
    /// counted active, and no death or reactivation is inferred across them. Default empty.
    #[serde(default)]
    pub unknown_years: Vec<i32>,
    /// Years of unknown status counted active by the survivor assumption (DOMAIN.md 5.5): a run
    /// of unknown years right after an active year or the founding (or the start of the
    /// observation, for one founded before it) and right before an active year. Also listed
    /// in `active_years`; rows that count them are `incomplete`. Default empty.
    #[serde(default)]
    pub assumed_years: Vec<i32>,
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

    /// True when the activity in `year` is unknown ([`Lifeline::unknown_years`]).
    pub fn is_unknown(&self, year: i32) -> bool {
        self.unknown_years.contains(&year)
    }

    /// True when `year` is counted active by the survivor assumption
    /// ([`Lifeline::assumed_years`]).
    pub fn is_assumed(&self, year: i32) -> bool {
        self.assumed_years.contains(&year)
    }

    pub(crate) fn sorted(&self) -> Lifeline {
        let mut l = self.clone();
        for v in [
            &mut l.active_years,
            &mut l.unknown_years,
            &mut l.assumed_years,
        ] {
            v.sort_unstable();
            v.dedup();
        }
        l
    }
}

/// Which cooperatives make up the active population A(t) of a year (DOMAIN.md 5.3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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

/// The first year a record is known to exist: its founding year, else (no founding year) the
/// earliest year with evidence: an RAT (its book year, or the year it was held), a field check,
/// business activity, a dissolution, or the as-of year (the register lists it then). A record
/// with no founding year is counted from that year only, never as a birth (DOMAIN.md 5.5).
pub fn known_from(k: &Koperasi, as_of: NaiveDate) -> i32 {
    if let Some(y) = k.founding_year() {
        return y;
    }
    let rat = k
        .rat
        .iter()
        .flat_map(|r| [Some(r.book_year), r.date.map(|d| d.year())]);
    let checks = k.field_checks.iter().map(|c| Some(c.date.year()));
    let activity = k.business_activity.iter().map(|b| Some(b.year));
    let dissolution = std::iter::once(k.dissolution.map(|d| d.date.year()));
    rat.chain(checks)
        .chain(activity)
        .chain(dissolution)
        .flatten()
        .fold(as_of.year(), i32::min)
}

/// The lifeline of a record over the years `first..=last` (clipped to `as_of`: the years after
/// `as_of.year()` are not observed, and within `as_of`'s year only dates up to `as_of` count);
/// `observed_from` is `first`.
///
/// A record without a founding year exists, for this purpose, only from [`known_from`] on.
///
/// Activity per year follows `population`; with [`Population::Active`] it is read from the
/// status steps under `policy` ([`status_steps`]: one evaluation per change date, not per
/// day), plus active [`Koperasi::business_activity`]. A year on the register (from
/// [`known_from`], before the dissolution) with no activity and a `not_assessable` status at
/// some date from the founding on, and no business-activity fact, is **unknown**
/// ([`Lifeline::unknown_years`]). A run of unknown years that follows an active year, the
/// founding (or `known_from`) year, or the start of the observation (founded before it), and
/// is followed by an active year, is counted active by the survivor assumption
/// ([`Lifeline::assumed_years`]). The founding year is [`Koperasi::founding_year`], the
/// origin [`Koperasi::origin`], the dissolution year that of [`Koperasi::dissolution`].
pub fn lifeline(
    k: &Koperasi,
    policy: &StatusPolicy,
    population: Population,
    first: i32,
    last: i32,
    as_of: NaiveDate,
) -> Lifeline {
    let last = last.min(as_of.year());
    let exists_from = known_from(k, as_of);
    let jan1 = |y: i32| NaiveDate::from_ymd_opt(y, 1, 1);
    let dissolved_by = |d: NaiveDate| k.dissolution.is_some_and(|x| x.date <= d);
    let mut active_years = Vec::new();
    let mut unknown_years = Vec::new();
    let mut assumed_years = Vec::new();
    if first <= last {
        match population {
            Population::Registered => {
                for y in first.max(exists_from)..=last {
                    let (Some(start), Some(end)) = (
                        jan1(y),
                        NaiveDate::from_ymd_opt(y, 12, 31).map(|d| d.min(as_of)),
                    ) else {
                        continue;
                    };
                    // On the register at some date of [start, end]: founded by `end` (or known
                    // to exist in `y`) and not dissolved by `start`.
                    let founded_by_end = k.founded().is_none_or(|d| d <= end);
                    if start <= end && founded_by_end && !dissolved_by(start) {
                        active_years.push(y);
                    }
                }
            }
            Population::Active => {
                let mut candidates = Vec::new();
                if let (Some(start), Some(end)) = (
                    jan1(first),
                    NaiveDate::from_ymd_opt(last, 12, 31).map(|d| d.min(as_of)),
                ) {
                    // Dates before the founding are "not yet founded", not unknown.
                    let founding = k.founded().or_else(|| jan1(exists_from));
                    let steps = status_steps(k, policy, start, end);
                    for (i, s) in steps.iter().enumerate() {
                        let stop = steps
                            .get(i + 1)
                            .and_then(|n| n.from.pred_opt())
                            .unwrap_or(end);
                        match s.status {
                            Status::Active | Status::NotYetDue => {
                                active_years.extend(s.from.year()..=stop.year());
                            }
                            Status::NotAssessable => {
                                let from = founding.map_or(s.from, |f| s.from.max(f));
                                if from <= stop {
                                    candidates.extend(from.year()..=stop.year());
                                }
                            }
                            _ => {}
                        }
                    }
                }
                for b in &k.business_activity {
                    if b.active && b.year >= first && b.year <= last {
                        active_years.push(b.year);
                    }
                }
                active_years.retain(|y| *y >= exists_from);
                active_years.sort_unstable();
                active_years.dedup();
                candidates.sort_unstable();
                candidates.dedup();
                unknown_years = candidates
                    .into_iter()
                    .filter(|y| {
                        *y >= exists_from
                            && active_years.binary_search(y).is_err()
                            && !k.business_activity.iter().any(|b| b.year == *y)
                            && jan1(*y).is_some_and(|d| !dissolved_by(d))
                    })
                    .collect();
                // Survivor assumption over runs of unknown years between known activity.
                let mut i = 0;
                while let Some(&a) = unknown_years.get(i) {
                    let mut j = i;
                    while unknown_years
                        .get(j + 1)
                        .is_some_and(|n| Some(*n) == unknown_years.get(j).map(|x| x + 1))
                    {
                        j += 1;
                    }
                    let b = unknown_years.get(j).copied().unwrap_or(a);
                    let left = active_years.binary_search(&(a - 1)).is_ok()
                        || a == exists_from
                        || (a == first && exists_from < first);
                    let right = active_years.binary_search(&(b + 1)).is_ok();
                    if left && right {
                        assumed_years.extend(a..=b);
                    }
                    i = j + 1;
                }
                unknown_years.retain(|y| assumed_years.binary_search(y).is_err());
                active_years.extend(assumed_years.iter().copied());
                active_years.sort_unstable();
            }
        }
    }
    Lifeline {
        founded: k.founding_year(),
        origin: k.origin.map(|o| o.kind),
        active_years,
        dissolved: k.dissolution.map(|d| d.date.year()),
        observed_from: Some(first),
        unknown_years,
        assumed_years,
    }
}
