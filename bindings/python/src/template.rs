//! The blank register templates (issue 17, item 7; issue 19): `koperasi.template_register`
//! and `koperasi.template_kopdes`. Only conversion: the workbooks are built by
//! `koperasi::io::template_xlsx`, as for the CLI and JS.

use crate::errors::OrRaise;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyBytes;

/// The template workbook's bytes with the RAT example column of `rat_book_year`, sheet names
/// and instructions in `locale` (`id` or `en`; `ValueError` otherwise). A year outside
/// 1900..=2100 raises `ExportError` (code `export_write`).
#[pyfunction]
pub fn template_register<'py>(
    py: Python<'py>,
    rat_book_year: i32,
    locale: &str,
) -> PyResult<Bound<'py, PyBytes>> {
    let bytes = koperasi::io::template_xlsx::template_register_xlsx(rat_book_year, id(locale)?)
        .or_raise(py)?;
    Ok(PyBytes::new(py, &bytes))
}

/// The KDMP/KKMP template workbook's bytes (a column per stage), sheet names and instructions
/// in `locale` (`id` or `en`; `ValueError` otherwise).
#[pyfunction]
pub fn template_kopdes<'py>(py: Python<'py>, locale: &str) -> PyResult<Bound<'py, PyBytes>> {
    let bytes = koperasi::io::template_xlsx::template_kopdes_xlsx(id(locale)?).or_raise(py)?;
    Ok(PyBytes::new(py, &bytes))
}

/// `true` for `id`, `false` for `en`; `ValueError` otherwise.
fn id(locale: &str) -> PyResult<bool> {
    match locale {
        "id" => Ok(true),
        "en" => Ok(false),
        other => Err(PyValueError::new_err(format!(
            "locale {other:?}: expected 'id' or 'en' / locale harus 'id' atau 'en'"
        ))),
    }
}
