//! The blank register templates (issue 17, item 7; issue 19): `koperasi.template_register`
//! and `koperasi.template_kopdes`. Only conversion: the workbooks are built by
//! `koperasi::io::template_xlsx`, as for the CLI and JS.

use crate::errors::OrRaise;
use koperasi::io::template_xlsx::{template_kopdes_xlsx, template_register_xlsx};
use pyo3::prelude::*;
use pyo3::types::PyBytes;

/// The template workbook's bytes with the RAT example column of `rat_book_year`, sheet names
/// and instructions in Indonesian when `indonesian`, else English (the Python function checks
/// the locale). A year outside 1900..=2100 raises `ExportError` (code `export_write`).
#[pyfunction]
pub fn template_register(
    py: Python<'_>,
    rat_book_year: i32,
    indonesian: bool,
) -> PyResult<Bound<'_, PyBytes>> {
    let bytes = template_register_xlsx(rat_book_year, indonesian).or_raise(py)?;
    Ok(PyBytes::new(py, &bytes))
}

/// The KDMP/KKMP template workbook's bytes (a column per stage), in Indonesian when
/// `indonesian`, else English.
#[pyfunction]
pub fn template_kopdes(py: Python<'_>, indonesian: bool) -> PyResult<Bound<'_, PyBytes>> {
    let bytes = template_kopdes_xlsx(indonesian).or_raise(py)?;
    Ok(PyBytes::new(py, &bytes))
}
