//! A panel of published counts held in Rust (`koperasi::stats::Panel`): its rows, totals,
//! growth and checks (tables as Arrow, [`crate::table`]); growth figures.

use crate::convert::{de, period, ser};
use crate::errors::OrRaise;
use crate::ints::Int;
use crate::table::{self, PyTable};
use koperasi::stats::{self, CheckParams, Panel};
use pyo3::prelude::*;

/// A panel of published counts (core `Panel`).
#[pyclass(frozen, name = "Panel", module = "koperasi._koperasi")]
pub struct PyPanel(pub Panel);

#[pymethods]
impl PyPanel {
    fn __len__(&self) -> usize {
        self.0.rows.len()
    }
    fn table(&self) -> PyResult<PyTable> {
        table::panel(&self.0)
    }
    fn periods(&self) -> Vec<String> {
        self.0.periods().iter().map(ToString::to_string).collect()
    }
    fn regions(&self) -> Vec<String> {
        self.0.regions()
    }
    fn measures(&self) -> Vec<String> {
        self.0.measures()
    }
    fn totals_by_period(&self, measures: Vec<String>) -> PyResult<PyTable> {
        let m: Vec<&str> = measures.iter().map(String::as_str).collect();
        table::period_totals(&self.0.totals_by_period(&m), &m)
    }
    fn growth<'py>(
        &self,
        py: Python<'py>,
        measure: &str,
        from_period: &str,
        to_period: &str,
    ) -> PyResult<PyTable> {
        let rows = self
            .0
            .growth(measure, period(py, from_period)?, period(py, to_period)?);
        table::rows(&rows, &[])
    }
    #[pyo3(signature = (params=None))]
    fn run_checks<'py>(
        &self,
        py: Python<'py>,
        params: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<PyTable> {
        let p = check_params(py, params)?;
        table::rows(&stats::run_checks(&self.0, &p), &[])
    }
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        ser(py, &self.0)
    }
}

/// The check thresholds of a dict (`CheckParams` through serde; `None`: the defaults),
/// validated.
pub fn check_params(py: Python<'_>, params: Option<&Bound<'_, PyAny>>) -> PyResult<CheckParams> {
    let p: CheckParams = match params {
        None => CheckParams::default(),
        Some(d) => de(py, d, "check parameters", "invalid_check_params")?,
    };
    p.validate().or_raise(py)?;
    Ok(p)
}

#[pyfunction]
pub fn parse_period(py: Python<'_>, text: &str) -> PyResult<String> {
    period(py, text).map(|p| p.to_string())
}

#[pyfunction]
#[pyo3(name = "cagr")]
pub fn cagr_(
    py: Python<'_>,
    from_value: Int<i64>,
    to_value: Int<i64>,
    years: f64,
) -> PyResult<f64> {
    stats::cagr(from_value.0, to_value.0, years).or_raise(py)
}

#[pyfunction]
#[pyo3(name = "pct_change")]
pub fn pct_change_(py: Python<'_>, from_value: Int<i64>, to_value: Int<i64>) -> PyResult<f64> {
    stats::pct_change(from_value.0, to_value.0).or_raise(py)
}
