//! The assessments of a register held in Rust ([`PyAssessments`]): one row at a time
//! (`get(i)`, its serde shape), or as Arrow tables (`rows_table()`, `table()`, see
//! [`crate::table`]), so
//! that no Python object is made per row unless asked for.

use crate::convert::{iso, ser};
use crate::register::PyRegister;
use crate::table::{self, PyTable};
use koperasi::NaiveDate;
use koperasi::status::Assessment;
use pyo3::prelude::*;

/// The assessments of a register (core `Vec<Assessment>`), one per record.
#[pyclass(frozen, name = "Assessments", module = "koperasi._koperasi")]
pub struct PyAssessments {
    pub rows: Vec<Assessment>,
    /// The date every row was assessed as of.
    pub as_of: NaiveDate,
    /// The register assessed (row `i` is its record `i`): the identity columns of `table()`.
    pub register: Py<PyRegister>,
}

#[pymethods]
impl PyAssessments {
    fn __len__(&self) -> usize {
        self.rows.len()
    }
    #[getter]
    fn as_of(&self) -> String {
        iso(self.as_of)
    }
    /// Row `i` in its serde shape.
    fn get<'py>(&self, py: Python<'py>, i: usize) -> PyResult<Bound<'py, PyAny>> {
        match self.rows.get(i) {
            Some(a) => ser(py, a),
            None => Err(pyo3::exceptions::PyIndexError::new_err(format!(
                "row {i} of {}",
                self.rows.len()
            ))),
        }
    }
    /// The rows in their serde shape as a table ([`table::rows`]).
    fn rows_table(&self, py: Python<'_>) -> PyResult<PyTable> {
        py.detach(|| table::rows(&self.rows, &["as_of"]))
    }
    /// The assessments as an Arrow table ([`table::assessments`]).
    fn table(&self, py: Python<'_>) -> PyResult<PyTable> {
        let register = &self.register.get().0;
        py.detach(|| table::assessments(&self.rows, register))
    }
}
