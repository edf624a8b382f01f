//! Indonesian dates, numbers and rupiah (`koperasi::locale`): amounts as integer sen.

use crate::convert::{date, iso};
use crate::errors::OrRaise;
use crate::ints::{Int, Sen};
use koperasi::{Rupiah, locale};
use pyo3::prelude::*;

#[pyfunction]
pub fn parse_date(py: Python<'_>, text: &str) -> PyResult<String> {
    date(py, text).map(iso)
}

#[pyfunction]
pub fn format_date(py: Python<'_>, d: &str) -> PyResult<String> {
    Ok(locale::format_date(date(py, d)?))
}

#[pyfunction]
pub fn format_date_numeric(py: Python<'_>, d: &str) -> PyResult<String> {
    Ok(locale::format_date_numeric(date(py, d)?))
}

#[pyfunction]
pub fn parse_decimal(py: Python<'_>, text: &str) -> PyResult<String> {
    locale::parse_decimal(text)
        .or_raise(py)
        .map(|d| d.to_string())
}

#[pyfunction]
pub fn parse_count(py: Python<'_>, text: &str) -> PyResult<u64> {
    locale::parse_count(text).or_raise(py)
}

#[pyfunction]
pub fn parse_rupiah(py: Python<'_>, text: &str) -> PyResult<i64> {
    locale::parse_rupiah(text).or_raise(py).map(Rupiah::sen)
}

#[pyfunction]
pub fn format_rupiah(sen: Sen) -> String {
    locale::format_rupiah(Rupiah::from_sen(sen.0))
}

#[pyfunction]
pub fn format_rupiah_whole(sen: Sen) -> String {
    locale::format_rupiah_whole(Rupiah::from_sen(sen.0))
}

#[pyfunction]
pub fn format_int(n: Int<i64>) -> String {
    locale::format_int(n.0)
}

#[pyfunction]
pub fn is_missing(text: &str) -> bool {
    locale::is_missing(text)
}
