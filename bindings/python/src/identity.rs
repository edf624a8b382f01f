//! Identifiers (`koperasi::identity`): nomor badan hukum, NIK koperasi, NIB.

use crate::convert::ser;
use crate::errors::OrRaise;
use koperasi::identity;
use pyo3::prelude::*;

/// The serde shape of a `NomorBadanHukum` with its `key`; `None` when the text is not one.
#[pyfunction]
pub fn parse_nomor_badan_hukum<'py>(
    py: Python<'py>,
    text: &str,
) -> PyResult<Option<Bound<'py, PyAny>>> {
    let Some(n) = identity::NomorBadanHukum::parse(text) else {
        return Ok(None);
    };
    let d = ser(py, &n)?;
    d.set_item("key", n.key())?;
    Ok(Some(d))
}

#[pyfunction]
pub fn parse_nik_koperasi(py: Python<'_>, text: &str) -> PyResult<Option<String>> {
    let n = identity::NikKoperasi::parse(text).or_raise(py)?;
    Ok(n.map(|n| n.as_str().to_string()))
}

#[pyfunction]
pub fn parse_nib(py: Python<'_>, text: &str) -> PyResult<Option<String>> {
    let n = identity::Nib::parse(text).or_raise(py)?;
    Ok(n.map(|n| n.as_str().to_string()))
}
