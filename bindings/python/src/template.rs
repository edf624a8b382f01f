//! The blank register template (issue 17, item 7): `koperasi.template_register`. Only
//! conversion: the workbook is built by `koperasi::io::template_xlsx`, as for the CLI and JS.

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
    let id = match locale {
        "id" => true,
        "en" => false,
        other => {
            return Err(PyValueError::new_err(format!(
                "locale {other:?}: expected 'id' or 'en' / locale harus 'id' atau 'en'"
            )));
        }
    };
    let bytes =
        koperasi::io::template_xlsx::template_register_xlsx(rat_book_year, id).or_raise(py)?;
    Ok(PyBytes::new(py, &bytes))
}
