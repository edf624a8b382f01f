//! Status over time: the status of each cooperative as a step function of the date, and counts
//! by status (and any breakdown) at many dates, by one sweep over each cooperative's sorted
//! change dates (DOMAIN.md 2.2, 5.1).
//!
//! [`crate::status::assess`] looks at a record as of one date. Between two consecutive
//! **change dates** of a record its status cannot change, so the status at any date is the one
//! at the latest change date on or before it. The change dates of a record under a policy
//! with an RAT deadline of `m` months are:
//!
//! * its founding date (1 January of the founding year when only the year is known);
//! * its dissolution date;
//! * each field-check date, and the day after the check becomes too old
//!   (`date + field_check_max_age_days + 1`);
//! * for each RAT: its date, or (undated) the day after its deadline (an RAT counts only from
//!   then: a dated one must be dated after its book year, so "book year closed" adds no date);
//! * for every book year `Y`: the day after the RAT deadline `rat_deadline(Y, m)`, when the RAT
//!   window moves.
//!
//! [`status_steps`] evaluates [`assess_status`] at those dates only (about two per year plus
//! one per fact, instead of once per requested date); [`status_series`] turns the steps of
//! every record into counts at the requested dates through a difference array (one pass over
//! the steps, whatever the number of dates). A property test (`tests/demography_sweep.rs`)
//! checks that the result equals [`assess_status`] at every date.

use crate::cooperative::Koperasi;
use crate::error::DemographyError;
use crate::register::{Field, record_key};
use crate::status::{Status, StatusPolicy, assess_status, rat_deadline};
use chrono::{Datelike, Days, Months, NaiveDate};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// One step of a record's status: `status` holds from `from` (inclusive) until the next step.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusStep {
    /// First date of the step.
    pub from: NaiveDate,
    /// Status from that date on.
    pub status: Status,
}

/// The dates at which the status of `k` may change under `policy`, within `[from, to]`,
/// sorted and distinct (see the module documentation). `from` itself is always included.
pub fn change_dates(
    k: &Koperasi,
    policy: &StatusPolicy,
    from: NaiveDate,
    to: NaiveDate,
) -> Vec<NaiveDate> {
    let months = policy.rat_deadline_months;
    let mut out: Vec<NaiveDate> = Vec::with_capacity(16 + 3 * k.rat.len());
    out.push(from);
    let jan1 = |y: i32| NaiveDate::from_ymd_opt(y, 1, 1);
    let next = |d: NaiveDate| d.checked_add_days(Days::new(1));
    let mut push = |d: Option<NaiveDate>| {
        if let Some(d) = d {
            if d > from && d <= to {
                out.push(d);
            }
        }
    };
    match k.founded() {
        Some(d) => push(Some(d)),
        None => push(k.founding_year().and_then(jan1)),
    }
    push(k.dissolution.map(|d| d.date));
    for c in &k.field_checks {
        push(Some(c.date));
        if let Some(max) = policy.field_check_max_age_days {
            push(c.date.checked_add_days(Days::new(u64::from(max) + 1)));
        }
    }
    for r in &k.rat {
        match r.date {
            Some(d) => push(Some(d)),
            None => push(rat_deadline(r.book_year, months).and_then(next)),
        }
    }
    // The window moves the day after each book year's deadline: book years whose deadline can
    // fall within [from, to].
    let span = i32::try_from(months / 12 + 2).unwrap_or(4);
    for y in from.year().saturating_sub(span)..=to.year() {
        push(rat_deadline(y, months).and_then(next));
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// The status of `k` as a step function over `[from, to]`: the first step starts at `from`;
/// consecutive steps have different statuses. Equal to [`assess_status`] at every date of the
/// span.
pub fn status_steps(
    k: &Koperasi,
    policy: &StatusPolicy,
    from: NaiveDate,
    to: NaiveDate,
) -> Vec<StatusStep> {
    let mut steps: Vec<StatusStep> = Vec::new();
    for d in change_dates(k, policy, from, to) {
        let s = assess_status(k, d, policy);
        if steps.last().is_none_or(|l| l.status != s) {
            steps.push(StatusStep { from: d, status: s });
        }
    }
    steps
}

/// The status of `k` at each of `dates` (any order; one result per date), by one sweep over
/// its steps. Equal to calling [`assess_status`] at each date.
pub fn statuses_at(k: &Koperasi, policy: &StatusPolicy, dates: &[NaiveDate]) -> Vec<Status> {
    let (Some(&lo), Some(&hi)) = (dates.iter().min(), dates.iter().max()) else {
        return Vec::new();
    };
    let steps = status_steps(k, policy, lo, hi);
    dates
        .iter()
        .map(|d| {
            let i = steps.partition_point(|s| s.from <= *d);
            i.checked_sub(1)
                .and_then(|i| steps.get(i))
                .map_or(Status::NotAssessable, |s| s.status)
        })
        .collect()
}

/// Dates of a series: the first day of each month (`monthly`) or 1 January of each year from
/// `from` to `to` inclusive, or each month/year end with `end_of_period`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Frequency {
    /// Every month.
    Monthly,
    /// Every year.
    Yearly,
}

/// The last day of every month (`Monthly`) or 31 December of every year (`Yearly`) from the
/// period containing `from` to the one containing `to`, ascending.
///
/// Errors: [`DemographyError::EmptySpan`] when `from > to` or the span exceeds 1,000 years.
pub fn period_ends(
    from: NaiveDate,
    to: NaiveDate,
    freq: Frequency,
) -> Result<Vec<NaiveDate>, DemographyError> {
    let span_err = |why: &str| DemographyError::EmptySpan {
        from: from.to_string(),
        to: to.to_string(),
        why: why.to_string(),
    };
    if from > to {
        return Err(span_err("from is after to"));
    }
    if to.year() - from.year() > 1000 {
        return Err(span_err("longer than 1000 years"));
    }
    let mut out = Vec::new();
    let mut start = NaiveDate::from_ymd_opt(
        from.year(),
        if freq == Frequency::Monthly {
            from.month()
        } else {
            1
        },
        1,
    )
    .ok_or_else(|| span_err("out of range"))?;
    let step = match freq {
        Frequency::Monthly => Months::new(1),
        Frequency::Yearly => Months::new(12),
    };
    while start <= to {
        let next = start
            .checked_add_months(step)
            .ok_or_else(|| span_err("out of range"))?;
        out.push(next.pred_opt().ok_or_else(|| span_err("out of range"))?);
        start = next;
    }
    Ok(out)
}

/// Counts by status at each date of a series, for one breakdown group.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SeriesGroup {
    /// The breakdown values (one per field of [`StatusSeries::fields`]; `None` = unknown).
    pub key: Vec<Option<String>>,
    /// For each status of [`Status::ALL`] (in that order, by code), the count at each date
    /// (parallel to [`StatusSeries::dates`]).
    pub counts: Vec<(Status, Vec<u64>)>,
}

/// Counts by status (and breakdown) at many dates: columns ready for a dataframe.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusSeries {
    /// The dates, ascending.
    pub dates: Vec<NaiveDate>,
    /// The breakdown fields (empty: one group with an empty key, the whole register).
    pub fields: Vec<Field>,
    /// One group per distinct key, sorted by key.
    pub groups: Vec<SeriesGroup>,
}

/// Counts by status at each of `dates` (sorted and deduplicated first), broken down by
/// `fields` (region, jenis, ..., the keys of [`crate::register::Register::count_by`]), over
/// every record (those not yet founded at a date count as `not_assessable`, as
/// [`assess_status`] says; filter with the `on_register` count of the caller when needed).
///
/// One sweep over each record's status steps ([`status_steps`]) and a difference array: the
/// cost grows with records × change dates, not records × dates. At each date, the counts of a
/// group sum to the number of its records.
///
/// Errors: [`DemographyError::StatusBreakdown`] when `fields` contains [`Field::Status`];
/// [`DemographyError::Empty`] when `dates` is empty.
pub fn status_series(
    records: &[Koperasi],
    dates: &[NaiveDate],
    policy: &StatusPolicy,
    fields: &[Field],
) -> Result<StatusSeries, DemographyError> {
    if fields.contains(&Field::Status) {
        return Err(DemographyError::StatusBreakdown);
    }
    let mut dates = dates.to_vec();
    dates.sort_unstable();
    dates.dedup();
    let (Some(&lo), Some(&hi)) = (dates.first(), dates.last()) else {
        return Err(DemographyError::Empty {
            what: "dates".into(),
        });
    };
    let t = dates.len();
    let ns = Status::ALL.len();
    let mut index: HashMap<Vec<Option<String>>, usize> = HashMap::new();
    // diff[group][status * (t + 1) + date_index]
    let mut diff: Vec<Vec<i64>> = Vec::new();
    let status_index = |s: Status| Status::ALL.iter().position(|x| *x == s).unwrap_or(0);
    for k in records {
        let key: Vec<Option<String>> = fields.iter().map(|f| record_key(k, *f)).collect();
        let g = match index.get(&key) {
            Some(&g) => g,
            None => {
                let g = diff.len();
                index.insert(key, g);
                diff.push(vec![0i64; ns * (t + 1)]);
                g
            }
        };
        let Some(row) = diff.get_mut(g) else { continue };
        let steps = status_steps(k, policy, lo, hi);
        let mut iter = steps.iter().peekable();
        while let Some(step) = iter.next() {
            let start = dates.partition_point(|d| *d < step.from);
            let end = iter
                .peek()
                .map_or(t, |n| dates.partition_point(|d| *d < n.from));
            if start < end {
                let base = status_index(step.status) * (t + 1);
                if let Some(x) = row.get_mut(base + start) {
                    *x += 1;
                }
                if let Some(x) = row.get_mut(base + end) {
                    *x -= 1;
                }
            }
        }
    }
    let mut groups: Vec<SeriesGroup> = index
        .into_iter()
        .map(|(key, g)| {
            let row = diff.get(g).map(Vec::as_slice).unwrap_or(&[]);
            let counts = Status::ALL
                .iter()
                .enumerate()
                .map(|(si, s)| {
                    let mut acc = 0i64;
                    let col = (0..t)
                        .map(|j| {
                            acc += row.get(si * (t + 1) + j).copied().unwrap_or(0);
                            u64::try_from(acc).unwrap_or(0)
                        })
                        .collect();
                    (*s, col)
                })
                .collect();
            SeriesGroup { key, counts }
        })
        .collect();
    groups.sort_by(|a, b| a.key.cmp(&b.key));
    Ok(StatusSeries {
        dates,
        fields: fields.to_vec(),
        groups,
    })
}
