//! The demography report of a register: what `koperasi demography` shows (yearly births,
//! deaths, reactivations and rates; cohort survival; a Kaplan-Meier summary), computed in one
//! place so that the CLI, Python and JavaScript give the same figures (DOMAIN.md 5.3-5.4).

use super::{
    Cohort, DemographyNote, DemographyParams, DemographyYear, KaplanMeier, Population,
    cohort_survival, kaplan_meier, lifeline, survival_data, yearly_demography,
};
use crate::error::DemographyError;
use crate::register::Register;
use crate::status::StatusPolicy;
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

/// Which population a [`demography_report`] counts: a [`Population`], or `auto`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum PopulationChoice {
    /// [`Population::Active`] when any record carries RAT history (or known RAT knowledge),
    /// field checks or business activity; else [`Population::Registered`] (a register with
    /// only foundings and dissolutions, such as the Kota Bogor list).
    #[default]
    Auto,
    /// [`Population::Active`].
    Active,
    /// [`Population::Registered`].
    Registered,
}

/// Options of [`demography_report`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DemographyOptions {
    /// First year of the yearly table and of the cohorts.
    pub from_year: i32,
    /// Last year of the yearly table and of the cohorts (inclusive).
    pub to_year: i32,
    /// Reference date: years after `as_of.year()` are not observed, and within that year only
    /// dates up to `as_of` count. Required: the library never reads the clock.
    pub as_of: NaiveDate,
    /// Status policy deciding activity (population `active`). Default: `national`.
    #[serde(default = "StatusPolicy::national")]
    pub policy: StatusPolicy,
    /// Population; default `auto`.
    #[serde(default)]
    pub population: PopulationChoice,
    /// Years without activity before an inactive cooperative counts as a death (Eurostat: 2).
    #[serde(default = "default_death_window")]
    pub death_window_years: u32,
}

fn default_death_window() -> u32 {
    2
}

impl DemographyOptions {
    /// Options for `from_year..=to_year` as of `as_of`, with the defaults: `national` policy,
    /// population `auto`, death window 2 years.
    pub fn new(from_year: i32, to_year: i32, as_of: NaiveDate) -> DemographyOptions {
        DemographyOptions {
            from_year,
            to_year,
            as_of,
            policy: StatusPolicy::national(),
            population: PopulationChoice::Auto,
            death_window_years: default_death_window(),
        }
    }
}

/// Kaplan-Meier in brief: counts, the median and S(t) at 1..5 years with its interval.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct KaplanMeierSummary {
    /// Cooperatives followed (births observed, [`super::survival_data`]).
    pub coops: usize,
    /// Observed deaths among them.
    pub deaths: usize,
    /// Censored ones (`coops - deaths`).
    pub censored: usize,
    /// Median survival in years; `None` when S never falls to 0.5.
    pub median_years: Option<f64>,
    /// `(years, S, lower, upper)` for years 1..=5: the estimate and its 95% interval just
    /// after `years` (1 before the first event).
    pub at_years: Vec<(u32, f64, f64, f64)>,
}

/// What `koperasi demography --format json` prints (without its `file` field).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DemographyReport {
    /// The reference date.
    pub as_of: NaiveDate,
    /// Name of the status policy.
    pub policy: String,
    /// The population used (`auto` resolved).
    pub population: Population,
    /// Death window in years.
    pub death_window_years: u32,
    /// False when no record holds a dissolution, RAT, field check or business activity fact:
    /// then no death can be seen, and the deaths (0) and survival (100%) only say that the
    /// file does not record them.
    pub deaths_measurable: bool,
    /// Records with no founding year: each is counted only from its first year with evidence
    /// ([`super::known_from`]: RAT, field check, business activity, dissolution, else the
    /// as-of year), never as a birth, so the population of earlier years leaves them out.
    pub unknown_founding: u64,
    /// What limits the figures, one sentence each (unknown founding years, incomplete years,
    /// no death facts): what `koperasi demography` prints as notes. In English; codes and
    /// Indonesian texts in [`DemographyNote`].
    pub notes: Vec<String>,
    /// The same notes in Indonesian, in the same order as `notes`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes_id: Vec<String>,
    /// One row per year `from_year..=to_year` ([`yearly_demography`]).
    pub years: Vec<DemographyYear>,
    /// One cohort per founding year `from_year..=to_year`, 5 years ahead ([`cohort_survival`]).
    pub cohorts: Vec<Cohort>,
    /// Kaplan-Meier summary; `None` when no birth with a founding year can be followed.
    pub kaplan_meier: Option<KaplanMeierSummary>,
    /// The full Kaplan-Meier curve behind the summary (for charts). Not serialised: the JSON
    /// shape is that of the CLI.
    #[serde(skip)]
    pub survival_curve: Option<KaplanMeier>,
}

/// The population `auto` resolves to for `register` (see [`PopulationChoice::Auto`]).
pub(crate) fn resolve_population(register: &Register, choice: PopulationChoice) -> Population {
    match choice {
        PopulationChoice::Active => Population::Active,
        PopulationChoice::Registered => Population::Registered,
        PopulationChoice::Auto => {
            let has_activity = register.records.iter().any(|k| {
                !k.rat.is_empty()
                    || k.rat_known.is_known()
                    || !k.field_checks.is_empty()
                    || !k.business_activity.is_empty()
            });
            if has_activity {
                Population::Active
            } else {
                Population::Registered
            }
        }
    }
}

/// Business demography of a register (DOMAIN.md 5.3-5.4): the lifeline of every record
/// ([`lifeline`]) over the years from `from_year - (death_window_years + 1)` (so that
/// reactivations and deaths at the start are seen) to `as_of.year()`, then
/// [`yearly_demography`] and [`cohort_survival`] (horizon 5) for `from_year..=to_year`,
/// [`survival_data`] from `from_year` and [`kaplan_meier`] (alpha 0.05) summarised at 1..5
/// years.
///
/// Errors: [`DemographyError::EmptySpan`] when `from_year > to_year` or the span exceeds
/// 1,000 years; [`DemographyError::YearsAfterAsOf`] when `to_year` is after `as_of.year()`
/// (those years are not observed); [`DemographyError::InvalidValue`] when
/// `death_window_years` exceeds 100.
///
/// ```
/// use koperasi::demography::{DemographyOptions, demography_report};
/// use koperasi::io::{ReadOptions, read_register};
/// use koperasi::NaiveDate;
/// let csv = "nama_koperasi,tanggal_badan_hukum\nKSP Maju,2019-03-01\nKUD Tani,2020-07-15\n";
/// let (register, _) = read_register(csv.as_bytes(), &ReadOptions::default())?;
/// let as_of = NaiveDate::from_ymd_opt(2022, 12, 31).unwrap_or_default();
/// let r = demography_report(&register, &DemographyOptions::new(2019, 2022, as_of))?;
/// let births: Vec<u64> = r.years.iter().map(|y| y.births).collect();
/// assert_eq!(births, [1, 1, 0, 0]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn demography_report(
    register: &Register,
    options: &DemographyOptions,
) -> Result<DemographyReport, DemographyError> {
    let (from, to, as_of) = (options.from_year, options.to_year, options.as_of);
    if from > to || i64::from(to) - i64::from(from) > 1000 {
        return Err(DemographyError::EmptySpan {
            from: from.to_string(),
            to: to.to_string(),
            why: if from > to {
                "from_year is after to_year".into()
            } else {
                "longer than 1000 years".into()
            },
        });
    }
    if to > as_of.year() {
        return Err(DemographyError::YearsAfterAsOf {
            first: from.max(as_of.year().saturating_add(1)),
            last: to,
            as_of: as_of.to_string(),
            max_year: as_of.year(),
        });
    }
    let window = options.death_window_years;
    if window > 100 {
        return Err(DemographyError::InvalidValue {
            what: "death_window_years".into(),
            value: window.to_string(),
            why: "expected at most 100 years".into(),
        });
    }
    let population = resolve_population(register, options.population);
    let deaths_measurable = register.records.iter().any(|k| {
        k.dissolution.is_some()
            || !k.rat.is_empty()
            || k.rat_known.is_known()
            || !k.field_checks.is_empty()
            || !k.business_activity.is_empty()
    });
    let last = as_of.year();
    // `window <= 100`, so the conversion cannot fail.
    let first = from.saturating_sub(i32::try_from(window).unwrap_or(2).saturating_add(1));
    let lifelines: Vec<_> = register
        .records
        .iter()
        .map(|k| lifeline(k, &options.policy, population, first, last, as_of))
        .collect();
    let params = DemographyParams {
        death_window_years: window,
    };
    let years = yearly_demography(&lifelines, from, to, last, &params)?;
    let cohorts = cohort_survival(&lifelines, from, to, last, 5)?;
    let data = survival_data(&lifelines, from, last, window);
    let curve = if data.durations.is_empty() {
        None
    } else {
        Some(kaplan_meier(
            &data.durations,
            &data.observed,
            Some(&data.entry),
            0.05,
        )?)
    };
    let deaths = data.observed.iter().filter(|o| **o).count();
    let unknown_founding = register
        .records
        .iter()
        .filter(|k| k.founding_year().is_none())
        .count() as u64;
    let mut notes = Vec::new();
    if unknown_founding > 0 {
        notes.push(DemographyNote::UnknownFounding {
            count: unknown_founding,
            as_of_year: last,
        });
    }
    let incomplete: Vec<String> = years
        .iter()
        .filter(|y| y.incomplete)
        .map(|y| y.year.to_string())
        .collect();
    if !incomplete.is_empty() {
        notes.push(DemographyNote::IncompleteYears {
            years: incomplete.join(", "),
        });
    }
    if !deaths_measurable {
        notes.push(DemographyNote::DeathsNotMeasurable);
    }
    Ok(DemographyReport {
        as_of,
        policy: options.policy.name.clone(),
        population,
        death_window_years: window,
        deaths_measurable,
        unknown_founding,
        notes_id: notes.iter().map(DemographyNote::message_id).collect(),
        notes: notes.iter().map(ToString::to_string).collect(),
        years,
        cohorts,
        kaplan_meier: curve.as_ref().map(|km| summarise(km, deaths)),
        survival_curve: curve,
    })
}

/// The summary of a curve: S and its interval at 1..5 years (the step value at the last event
/// time `<= t`; 1 before the first).
fn summarise(km: &KaplanMeier, deaths: usize) -> KaplanMeierSummary {
    let n = usize::try_from(km.entered.iter().sum::<u64>()).unwrap_or(usize::MAX);
    let at_years = (1..=5u32)
        .map(|k| {
            let t = f64::from(k);
            let i = km.timeline.partition_point(|x| *x <= t);
            let pick = |v: &Vec<f64>| {
                i.checked_sub(1)
                    .and_then(|i| v.get(i))
                    .copied()
                    .unwrap_or(1.0)
            };
            (
                k,
                pick(&km.survival),
                pick(&km.ci_lower),
                pick(&km.ci_upper),
            )
        })
        .collect();
    KaplanMeierSummary {
        coops: n,
        deaths,
        censored: n.saturating_sub(deaths),
        median_years: km.median,
        at_years,
    }
}

/// A [`super::StatusSeries`] in long form, one row per (date, group, status): columns ready for
/// a dataframe (`date`, one column per breakdown field, `status`, `count`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct StatusSeriesColumns {
    /// The date of each row.
    pub date: Vec<NaiveDate>,
    /// One column per breakdown field, in the order of [`super::StatusSeries::fields`]: the
    /// group's value in each row (`None` = unknown).
    pub breakdown: Vec<(crate::register::Field, Vec<Option<String>>)>,
    /// The status of each row.
    pub status: Vec<crate::status::Status>,
    /// The count of each row.
    pub count: Vec<u64>,
}

impl super::StatusSeries {
    /// The series in long form ([`StatusSeriesColumns`]): for each group (in order), each
    /// status of [`crate::status::Status::ALL`], each date. Rows with a zero count are kept, so
    /// every (date, group, status) appears once.
    pub fn to_columns(&self) -> StatusSeriesColumns {
        let mut out = StatusSeriesColumns {
            date: Vec::new(),
            breakdown: self.fields.iter().map(|f| (*f, Vec::new())).collect(),
            status: Vec::new(),
            count: Vec::new(),
        };
        for g in &self.groups {
            for (status, counts) in &g.counts {
                for (d, n) in self.dates.iter().zip(counts) {
                    out.date.push(*d);
                    for ((_, col), v) in out.breakdown.iter_mut().zip(&g.key) {
                        col.push(v.clone());
                    }
                    out.status.push(*status);
                    out.count.push(*n);
                }
            }
        }
        out
    }
}
