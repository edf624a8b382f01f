//! Business demography (issue 6): Kaplan-Meier, yearly births/deaths, cohorts, high growth and
//! the demography report of a register. Only conversion: every figure comes from
//! `koperasi::demography`.

use crate::convert::{date, de, named, ser};
use crate::errors::OrRaise;
use crate::ints::Int;
use crate::register::PyRegister;
use crate::status::{PyPolicy, policy_of};
use crate::table::{self, PyTable};
use koperasi::demography::{
    self, DemographyOptions, DemographyParams, Frequency, GrowthUnit, HighGrowthParams,
    KaplanMeier, Lifeline, PopulationChoice,
};
use pyo3::prelude::*;
use serde::de::DeserializeOwned;

fn opt_de<T: DeserializeOwned + Default>(
    py: Python<'_>,
    obj: Option<&Bound<'_, PyAny>>,
    what: &str,
    code: &str,
) -> PyResult<T> {
    match obj {
        None => Ok(T::default()),
        Some(o) if o.is_none() => Ok(T::default()),
        Some(o) => de(py, o, what, code),
    }
}

fn lifelines(py: Python<'_>, obj: &Bound<'_, PyAny>) -> PyResult<Vec<Lifeline>> {
    de(py, obj, "`lifelines`", "invalid_lifeline")
}

/// Cohorts as a table, `survivors` and `rates` one column per year after founding
/// (`survivors.1`, ...).
fn cohort_table(rows: &[demography::Cohort]) -> PyResult<PyTable> {
    let horizon = rows.iter().map(|c| c.survivors.len()).max().unwrap_or(0);
    let years: Vec<String> = (1..=horizon).map(|y| y.to_string()).collect();
    let t = table::widen(table::rows(rows, &[])?, "survivors", &years)?;
    table::widen(t, "rates", &years)
}

/// A fitted Kaplan-Meier curve (core `KaplanMeier`).
#[pyclass(frozen, name = "KaplanMeier", module = "koperasi._koperasi")]
pub struct PyKaplanMeier(pub KaplanMeier);

#[pymethods]
impl PyKaplanMeier {
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        ser(py, &self.0)
    }
    fn survival_at(&self, t: f64) -> f64 {
        self.0.survival_at(t)
    }
    #[getter]
    fn median(&self) -> Option<f64> {
        self.0.median
    }
    #[getter]
    fn alpha(&self) -> f64 {
        self.0.alpha
    }
    fn __len__(&self) -> usize {
        self.0.timeline.len()
    }
    /// The curve's columns as a table, one row per timeline time.
    fn table(&self) -> PyResult<PyTable> {
        let names = "timeline at_risk events censored entered survival ci_lower ci_upper greenwood";
        table::columns(&self.0, names)
    }
}

#[pyfunction]
#[pyo3(signature = (durations, event_observed, entry=None, alpha=0.05))]
pub fn kaplan_meier(
    py: Python<'_>,
    durations: Vec<f64>,
    event_observed: Vec<bool>,
    entry: Option<Vec<f64>>,
    alpha: f64,
) -> PyResult<PyKaplanMeier> {
    demography::kaplan_meier(&durations, &event_observed, entry.as_deref(), alpha)
        .or_raise(py)
        .map(PyKaplanMeier)
}

#[pyfunction]
pub fn demography_rates<'py>(
    py: Python<'py>,
    active: Int<u64>,
    births: Int<u64>,
    deaths: Int<u64>,
) -> PyResult<Bound<'py, PyAny>> {
    ser(
        py,
        &demography::demography_rates(active.0, births.0, deaths.0).or_raise(py)?,
    )
}

#[pyfunction]
#[pyo3(signature = (lifelines, from_year, to_year, last_observed_year, params=None))]
pub fn yearly_demography<'py>(
    py: Python<'py>,
    lifelines: &Bound<'py, PyAny>,
    from_year: Int<i32>,
    to_year: Int<i32>,
    last_observed_year: Int<i32>,
    params: Option<&Bound<'py, PyAny>>,
) -> PyResult<(Bound<'py, PyAny>, PyTable)> {
    let l = self::lifelines(py, lifelines)?;
    let p: DemographyParams = opt_de(py, params, "`params`", "invalid_params")?;
    let rows = demography::yearly_demography(&l, from_year.0, to_year.0, last_observed_year.0, &p)
        .or_raise(py)?;
    Ok((ser(py, &rows)?, table::rows(&rows, &[])?))
}

#[pyfunction]
#[pyo3(
    signature = (lifelines, from_year, to_year, last_observed_year, horizon=Int(5)),
    text_signature = "(lifelines, from_year, to_year, last_observed_year, horizon=5)"
)]
pub fn cohort_survival<'py>(
    py: Python<'py>,
    lifelines: &Bound<'py, PyAny>,
    from_year: Int<i32>,
    to_year: Int<i32>,
    last_observed_year: Int<i32>,
    horizon: Int<u32>,
) -> PyResult<(Bound<'py, PyAny>, PyTable)> {
    let l = self::lifelines(py, lifelines)?;
    let rows =
        demography::cohort_survival(&l, from_year.0, to_year.0, last_observed_year.0, horizon.0)
            .or_raise(py)?;
    Ok((ser(py, &rows)?, cohort_table(&rows)?))
}

#[pyfunction]
#[pyo3(
    signature = (lifelines, first_observed_year, last_observed_year, death_window_years=Int(2)),
    text_signature = "(lifelines, first_observed_year, last_observed_year, death_window_years=2)"
)]
pub fn survival_data<'py>(
    py: Python<'py>,
    lifelines: &Bound<'py, PyAny>,
    first_observed_year: Int<i32>,
    last_observed_year: Int<i32>,
    death_window_years: Int<u32>,
) -> PyResult<PyTable> {
    let l = self::lifelines(py, lifelines)?;
    let d = demography::survival_data(
        &l,
        first_observed_year.0,
        last_observed_year.0,
        death_window_years.0,
    );
    table::columns(&d, "durations observed entry")
}

#[pyfunction]
#[pyo3(signature = (units, year, params=None))]
pub fn high_growth<'py>(
    py: Python<'py>,
    units: &Bound<'py, PyAny>,
    year: Int<i32>,
    params: Option<&Bound<'py, PyAny>>,
) -> PyResult<(Bound<'py, PyAny>, PyTable)> {
    let u: Vec<GrowthUnit> = de(py, units, "`units`", "invalid_growth_unit")?;
    let p: HighGrowthParams = opt_de(py, params, "`params`", "invalid_params")?;
    let g = demography::high_growth(&u, year.0, &p).or_raise(py)?;
    Ok((ser(py, &g)?, table::rows(&g.units, &[])?))
}

#[pyfunction]
#[pyo3(
    signature = (register, from_year, to_year, as_of, policy=None, population="auto", death_window=Int(2)),
    text_signature = "(register, from_year, to_year, as_of, policy=None, population='auto', death_window=2)"
)]
#[allow(clippy::too_many_arguments)]
pub fn demography_report<'py>(
    py: Python<'py>,
    register: &Bound<'py, PyRegister>,
    from_year: Int<i32>,
    to_year: Int<i32>,
    as_of: &str,
    policy: Option<&Bound<'py, PyPolicy>>,
    population: &str,
    death_window: Int<u32>,
) -> PyResult<(Bound<'py, PyAny>, Option<PyKaplanMeier>, PyTable, PyTable)> {
    let mut o = DemographyOptions::new(from_year.0, to_year.0, date(py, as_of)?);
    o.policy = policy_of(policy);
    let names = "auto, active, registered";
    o.population = named::<PopulationChoice>(py, population, "invalid_population", names)?;
    o.death_window_years = death_window.0;
    let r = demography::demography_report(&register.get().0, &o).or_raise(py)?;
    let (years, cohorts) = (table::rows(&r.years, &[])?, cohort_table(&r.cohorts)?);
    Ok((
        ser(py, &r)?,
        r.survival_curve.map(PyKaplanMeier),
        years,
        cohorts,
    ))
}

/// `Register.status_series`: counts by status at `dates` (ISO or Indonesian text), or at the period ends from
/// `start` to `end` by `frequency`; returns the serde shape and the long columns.
#[pyfunction]
#[pyo3(signature = (register, dates=None, start=None, end=None, frequency=None, policy=None, fields=vec![]))]
#[allow(clippy::too_many_arguments)]
pub fn status_series<'py>(
    py: Python<'py>,
    register: &Bound<'py, PyRegister>,
    dates: Option<Vec<String>>,
    start: Option<&str>,
    end: Option<&str>,
    frequency: Option<&str>,
    policy: Option<&Bound<'py, PyPolicy>>,
    fields: Vec<String>,
) -> PyResult<(Bound<'py, PyAny>, PyTable)> {
    let when: Vec<koperasi::NaiveDate> = match (dates, start, end, frequency) {
        (Some(d), _, _, _) => d.iter().map(|s| date(py, s)).collect::<PyResult<_>>()?,
        (None, Some(s), Some(e), Some(f)) => {
            let freq: Frequency = named(py, f, "invalid_frequency", "monthly, yearly")?;
            demography::period_ends(date(py, s)?, date(py, e)?, freq).or_raise(py)?
        }
        _ => {
            let m = "give dates, or start, end and frequency".to_string();
            return Err(crate::errors::invalid(py, "invalid_dates", None, m));
        }
    };
    let f = crate::convert::fields(py, fields)?;
    let p = policy_of(policy);
    let records = &register.get().0.records;
    let series = py
        .detach(|| demography::status_series(records, &when, &p, &f))
        .or_raise(py)?;
    let table = table::status_series(series.to_columns())?;
    Ok((ser(py, &series)?, table))
}
