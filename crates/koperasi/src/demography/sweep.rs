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
//! [`status_steps`] evaluates the status at those dates only (about two per year plus one per
//! fact, instead of once per requested date; fewer: not at a deadline that cannot move the
//! window, nor at an RAT that never counts), walking them in order: an RAT counts from a fixed
//! date on, so the facts the status rules use (the RATs counted, the latest book year due, the
//! RAT window) are kept up to date from one date to the next instead of recomputed from the
//! whole record, and fed to the same decision rules as
//! [`assess_status`](crate::status::assess_status). [`status_series`] turns the steps of every
//! record into counts at the requested dates through a difference array (one pass over the
//! steps, whatever the number of dates), reusing its buffers from one record to the next. A
//! property test (`tests/demography_sweep.rs`) checks that the result equals
//! [`assess_status`](crate::status::assess_status) at every date.

use crate::cooperative::Koperasi;
use crate::error::DemographyError;
use crate::register::{Field, record_key};
use crate::status::{
    RatFacts, Status, StatusPolicy, day_after_deadline, decide, first_required_year,
    latest_due_book_year, rat_counts_from, rat_window, rat_window_years, window_bit,
};
use crate::wilayah::KodeWilayah;
use chrono::{Datelike, Days, Months, NaiveDate};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// One step of a record's status: `status` holds from `from` (inclusive) until the next step.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct StatusStep {
    /// First date of the step.
    pub from: NaiveDate,
    /// Status from that date on.
    pub status: Status,
}

/// The status of `k` as a step function over `[from, to]`: the first step starts at `from`;
/// consecutive steps have different statuses. Equal to
/// [`assess_status`](crate::status::assess_status) at every date of the span.
pub fn status_steps(
    k: &Koperasi,
    policy: &StatusPolicy,
    from: NaiveDate,
    to: NaiveDate,
) -> Vec<StatusStep> {
    let sweep = Sweep::new(policy, from, to, false);
    let mut steps: Vec<StatusStep> = Vec::new();
    sweep.steps_into(k, &mut Scratch::default(), &mut steps);
    steps
}

/// What the sweeps of many records over one span under one policy share: when the latest book
/// year due changes, and the day after each book year's deadline.
struct Sweep<'p> {
    policy: &'p StatusPolicy,
    from: NaiveDate,
    to: NaiveDate,
    /// [`latest_due_book_year`] at `from`.
    due_at_from: Option<i32>,
    /// The day after each RAT deadline within `(from, to]`, ascending, with
    /// [`latest_due_book_year`] on that day (it changes only on these days).
    due: Vec<(NaiveDate, Option<i32>)>,
    /// [`day_after_deadline`] of book years `first_year..`, as far as cached.
    first_year: i32,
    after_deadline: Vec<Option<NaiveDate>>,
}

/// Buffers reused from one record to the next.
#[derive(Default)]
struct Scratch {
    /// The RATs that count from some date: (that date, book year, dated), by date.
    rats: Vec<(NaiveDate, i32, bool)>,
    /// The other change dates of the record (founding, dissolution, field checks), sorted.
    other: Vec<NaiveDate>,
}

/// At most this many book years of deadlines are cached for a sweep of many records.
const DEADLINE_CACHE_YEARS: i32 = 200;

impl<'p> Sweep<'p> {
    /// A sweep over `[from, to]`; `cache` the deadlines of the book years around the span (worth
    /// it for many records).
    fn new(policy: &'p StatusPolicy, from: NaiveDate, to: NaiveDate, cache: bool) -> Sweep<'p> {
        let months = policy.rat_deadline_months;
        // The book years whose deadline can fall within (from, to] (see the module docs).
        let span = i32::try_from(months / 12 + 2).unwrap_or(4);
        let due = (from.year().saturating_sub(span)..=to.year())
            .filter_map(|y| day_after_deadline(y, months))
            .filter(|d| *d > from && *d <= to)
            .map(|d| (d, latest_due_book_year(d, months)))
            .collect();
        // RATs are mostly for book years shortly before or within the span.
        let first_year = from.year().saturating_sub(span + 30);
        let last_year = to
            .year()
            .saturating_add(1)
            .min(first_year.saturating_add(DEADLINE_CACHE_YEARS));
        let after_deadline = if cache {
            (first_year..=last_year)
                .map(|y| day_after_deadline(y, months))
                .collect()
        } else {
            Vec::new()
        };
        Sweep {
            policy,
            from,
            to,
            due_at_from: latest_due_book_year(from, months),
            due,
            first_year,
            after_deadline,
        }
    }

    /// [`day_after_deadline`], from the cache when there.
    fn after_deadline(&self, book_year: i32) -> Option<NaiveDate> {
        let cached = i64::from(book_year)
            .checked_sub(i64::from(self.first_year))
            .and_then(|i| usize::try_from(i).ok())
            .and_then(|i| self.after_deadline.get(i));
        match cached {
            Some(d) => *d,
            None => day_after_deadline(book_year, self.policy.rat_deadline_months),
        }
    }

    /// The steps of `k` (as [`status_steps`]) into `steps` (cleared first): [`decide`] at each
    /// change date in order, its facts kept up to date as the dates pass instead of computed
    /// from scratch. An RAT counts from a fixed date on ([`rat_counts_from`]), so the RATs
    /// counted as of a date are a prefix of the RATs sorted by that date.
    fn steps_into(&self, k: &Koperasi, scratch: &mut Scratch, steps: &mut Vec<StatusStep>) {
        steps.clear();
        let p = self.policy;
        let rats = &mut scratch.rats;
        rats.clear();
        let (mut base, mut top) = (i32::MAX, i32::MIN);
        for r in &k.rat {
            if let Some(d) = rat_counts_from(r, |y| self.after_deadline(y)) {
                rats.push((d, r.book_year, r.date.is_some()));
                base = base.min(r.book_year);
                top = top.max(r.book_year);
            }
        }
        if !rats.is_sorted() {
            rats.sort_unstable();
        }
        // The book years counted so far as bits from the earliest book year (when all fit in
        // 64 bits; otherwise the counted RATs are scanned at each date).
        let fits = i64::from(top) - i64::from(base) < 64;
        let mut counted_bits: u64 = 0;
        let other = &mut scratch.other;
        other.clear();
        match k.founded() {
            Some(d) => other.push(d),
            None => other.extend(
                k.founding_year()
                    .and_then(|y| NaiveDate::from_ymd_opt(y, 1, 1)),
            ),
        }
        other.extend(k.dissolution.map(|d| d.date));
        for c in &k.field_checks {
            other.push(c.date);
            if let Some(max) = p.field_check_max_age_days {
                other.extend(c.date.checked_add_days(Days::new(u64::from(max) + 1)));
            }
        }
        if !other.is_sorted() {
            other.sort_unstable();
        }
        let first_required = first_required_year(k, p);
        let window_years = rat_window_years(p);
        let (rats, other) = (rats.as_slice(), other.as_slice());
        // What is left of each sorted list: the dates after `d`.
        let (mut rats_left, mut other_left) = (rats, other);
        let due = self.due.as_slice();
        // `due[..due_seen]`: the deadlines passed by `d`; `due[due_next]`: the next deadline
        // after `d` that can move the window.
        let (mut due_seen, mut due_next) = (0usize, 0usize);
        let mut latest_counted: Option<i32> = None;
        let mut latest_rat_date: Option<NaiveDate> = None;
        let mut latest_due = self.due_at_from;
        let mut d = self.from;
        loop {
            // The facts as of `d`, and the next date of each list (MAX when none: one more
            // evaluation at MAX, when `to` is MAX, gives the same status, so no harm).
            let mut next_rat = NaiveDate::MAX;
            while let [(from, year, dated), rest @ ..] = rats_left {
                if *from > d {
                    next_rat = *from;
                    break;
                }
                latest_counted = latest_counted.max(Some(*year));
                if *dated {
                    latest_rat_date = latest_rat_date.max(Some(*from));
                }
                if fits {
                    counted_bits |= bit64(i64::from(*year) - i64::from(base));
                }
                rats_left = rest;
            }
            while let Some(&(from, v)) = due.get(due_seen) {
                if from > d {
                    break;
                }
                latest_due = v;
                due_seen += 1;
            }
            let mut next_other = NaiveDate::MAX;
            while let [o, rest @ ..] = other_left {
                if *o > d {
                    next_other = *o;
                    break;
                }
                other_left = rest;
            }
            let window = rat_window(latest_due, latest_counted, window_years);
            let held_in_window = if fits {
                bits_in_window(counted_bits, base, window)
            } else {
                rats.get(..rats.len() - rats_left.len())
                    .unwrap_or(&[])
                    .iter()
                    .fold(0, |m, r| m | window_bit(window, r.1))
            };
            let facts = RatFacts {
                window,
                first_required,
                latest_counted,
                held_in_window,
                latest_rat_date,
            };
            let s = decide(k, d, p, &facts).status();
            if steps.last().is_none_or(|l| l.status != s) {
                steps.push(StatusStep { from: d, status: s });
            }
            // The next deadline after `d` that can move the window: the window ends at the
            // later of the latest book year due and the latest counted, so a deadline that makes
            // a book year due that is not after the latest counted (which only grows) does not.
            due_next = due_next.max(due_seen);
            while due.get(due_next).is_some_and(|e| e.1 <= latest_counted) {
                due_next += 1;
            }
            let next_due = due.get(due_next).map_or(NaiveDate::MAX, |e| e.0);
            // The next change date: the earliest of the three sorted lists after `d`.
            let next = next_rat.min(next_due).min(next_other);
            if next > d && next <= self.to {
                d = next;
            } else {
                break;
            }
        }
    }
}

/// `1 << i`, 0 when `i` is outside `0..64`.
fn bit64(i: i64) -> u64 {
    u32::try_from(i)
        .ok()
        .and_then(|i| 1u64.checked_shl(i))
        .unwrap_or(0)
}

/// The bits of the book years of `window` set in `bits` (bit `i`: book year `base + i`), as
/// [`RatFacts::held_in_window`] has them (bit `i`: book year `window.0 + i`).
fn bits_in_window(bits: u64, base: i32, window: Option<(i32, i32)>) -> u64 {
    let Some((s, e)) = window else { return 0 };
    let offset = i64::from(s) - i64::from(base);
    let shifted = if (0..64).contains(&offset) {
        bits >> offset
    } else if (-63..0).contains(&offset) {
        bits << -offset
    } else {
        0
    };
    // At most MAX_WINDOW_YEARS (50) years.
    let width = i64::from(e) - i64::from(s) + 1;
    if (0..64).contains(&width) {
        shifted & ((1u64 << width) - 1)
    } else {
        shifted
    }
}

/// The status of `k` at each of `dates` (any order; one result per date), by one sweep over
/// its steps. Equal to calling [`assess_status`](crate::status::assess_status) at each date.
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
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Frequency {
    /// Every month.
    Monthly,
    /// Every year.
    Yearly,
}

/// The dates of a status series as a caller gives them (a JS array or object, say): a list of
/// dates, or the period ends from `start` to `end` (`{start, end, frequency}`).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(untagged)]
pub enum SeriesDates {
    /// Explicit dates.
    List(Vec<NaiveDate>),
    /// The period ends from `start` to `end` ([`period_ends`]).
    Span {
        /// First date (its period's end is the first date).
        start: NaiveDate,
        /// Last date (its period's end is the last date).
        end: NaiveDate,
        /// `monthly` or `yearly`.
        frequency: Frequency,
    },
}

impl SeriesDates {
    /// The dates: the list as given, or the period ends of the span.
    ///
    /// Errors: those of [`period_ends`].
    pub fn dates(self) -> Result<Vec<NaiveDate>, DemographyError> {
        match self {
            SeriesDates::List(d) => Ok(d),
            SeriesDates::Span {
                start,
                end,
                frequency,
            } => period_ends(start, end, frequency),
        }
    }
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

/// A record's value for one breakdown field as it is written, before [`record_key`] turns it
/// into the key value (a region label, a code, a year): records with equal raw values have
/// equal keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum RawValue<'a> {
    /// A region: the record's code and the name as written at that level.
    Region(Option<KodeWilayah>, Option<&'a str>),
    /// A code or a text as written.
    Text(Option<&'a str>),
    /// A year.
    Year(Option<i32>),
}

/// The [`RawValue`] of `k` for `field` (what [`record_key`] reads of the record).
fn raw_value(k: &Koperasi, field: Field) -> RawValue<'_> {
    let l = &k.location;
    match field {
        Field::Provinsi => RawValue::Region(l.code, l.provinsi.as_deref()),
        Field::KabKota => RawValue::Region(l.code, l.kab_kota.as_deref()),
        Field::Kecamatan => RawValue::Region(l.code, l.kecamatan.as_deref()),
        Field::Desa => RawValue::Region(l.code, l.desa.as_deref()),
        Field::Jenis => RawValue::Text(k.jenis.map(|j| j.code())),
        Field::Bentuk => RawValue::Text(k.bentuk.map(|b| b.code())),
        Field::Kelompok => RawValue::Text(k.kelompok.as_deref()),
        Field::Status => RawValue::Text(None),
        Field::FoundingYear => RawValue::Year(k.founding_year()),
    }
}

/// Counts by status at each date of a series, for one breakdown group.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SeriesGroup {
    /// The breakdown values (one per field of [`StatusSeries::fields`]; `None` = unknown).
    pub key: Vec<Option<String>>,
    /// For each status of [`Status::ALL`] (in that order, by code), the count at each date
    /// (parallel to [`StatusSeries::dates`]).
    pub counts: Vec<(Status, Vec<u64>)>,
}

/// Counts by status (and breakdown) at many dates: columns ready for a dataframe.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
/// [`assess_status`](crate::status::assess_status) says; filter with the `on_register` count of
/// the caller when needed).
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
    let sweep = Sweep::new(policy, lo, hi, true);
    let mut scratch = Scratch::default();
    let mut steps: Vec<StatusStep> = Vec::new();
    // diff[group][status * (t + 1) + date_index]
    let mut diff: Vec<Vec<i64>> = Vec::new();
    let status_index = |s: Status| Status::ALL.iter().position(|x| *x == s).unwrap_or(0);
    // The group of each distinct raw key (borrowed from the records), so that the key itself
    // (allocated strings) is built once per distinct raw key, not once per record; and the
    // raw key and group of the previous record (registers are often sorted by region).
    let mut raw_index: HashMap<Vec<RawValue<'_>>, usize> = HashMap::new();
    let mut raw: Vec<RawValue<'_>> = Vec::with_capacity(fields.len());
    let mut previous: (Vec<RawValue<'_>>, Option<usize>) = (Vec::new(), None);
    for k in records {
        raw.clear();
        raw.extend(fields.iter().map(|f| raw_value(k, *f)));
        let g = match previous.1 {
            Some(g) if raw == previous.0 => g,
            _ => {
                let g = match raw_index.get(raw.as_slice()) {
                    Some(&g) => g,
                    None => {
                        let key = fields.iter().map(|f| record_key(k, *f)).collect();
                        let g = *index.entry(key).or_insert_with(|| {
                            diff.push(vec![0i64; ns * (t + 1)]);
                            diff.len() - 1
                        });
                        raw_index.insert(raw.clone(), g);
                        g
                    }
                };
                std::mem::swap(&mut raw, &mut previous.0);
                previous.1 = Some(g);
                g
            }
        };
        let Some(row) = diff.get_mut(g) else { continue };
        sweep.steps_into(k, &mut scratch, &mut steps);
        // Each step covers the dates from the first on or after its start to the first on or
        // after the start of the next step (exclusive).
        let mut add = |status: Status, start: usize, end: usize| {
            if start < end {
                let base = status_index(status) * (t + 1);
                if let Some(x) = row.get_mut(base + start) {
                    *x += 1;
                }
                if let Some(x) = row.get_mut(base + end) {
                    *x -= 1;
                }
            }
        };
        let mut pending: Option<(Status, usize)> = None;
        for step in &steps {
            let i = if step.from <= lo {
                0
            } else {
                dates.partition_point(|d| *d < step.from)
            };
            if let Some((status, start)) = pending {
                add(status, start, i);
            }
            pending = Some((step.status, i));
        }
        if let Some((status, start)) = pending {
            add(status, start, t);
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
