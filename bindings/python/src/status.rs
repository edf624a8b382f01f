//! Status of a cooperative (`koperasi::status`): policies, records, one assessment, the RAT
//! deadline.

use crate::convert::{date, de, iso, ser};
use crate::errors::OrRaise;
use crate::ints::Int;
use koperasi::Koperasi;
use koperasi::status::{self, StatusPolicy};
use pyo3::prelude::*;

/// A validated status policy (core `StatusPolicy`).
#[pyclass(frozen, name = "Policy", module = "koperasi._koperasi")]
pub struct PyPolicy(pub StatusPolicy);

#[pymethods]
impl PyPolicy {
    #[staticmethod]
    fn preset(py: Python<'_>, name: &str) -> PyResult<PyPolicy> {
        StatusPolicy::preset(name).or_raise(py).map(PyPolicy)
    }
    #[staticmethod]
    fn national() -> PyPolicy {
        PyPolicy(StatusPolicy::national())
    }
    #[staticmethod]
    fn office() -> PyPolicy {
        PyPolicy(StatusPolicy::office())
    }
    #[staticmethod]
    fn field_verification_first() -> PyPolicy {
        PyPolicy(StatusPolicy::field_verification_first())
    }
    #[staticmethod]
    fn from_json(py: Python<'_>, text: &str) -> PyResult<PyPolicy> {
        StatusPolicy::from_json(text).or_raise(py).map(PyPolicy)
    }
    #[staticmethod]
    fn from_toml(py: Python<'_>, text: &str) -> PyResult<PyPolicy> {
        StatusPolicy::from_toml(text).or_raise(py).map(PyPolicy)
    }
    #[staticmethod]
    fn from_dict(py: Python<'_>, d: &Bound<'_, PyAny>) -> PyResult<PyPolicy> {
        let text = crate::convert::from_py(d)?.to_string();
        StatusPolicy::from_json(&text).or_raise(py).map(PyPolicy)
    }
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        ser(py, &self.0)
    }
    fn to_json(&self) -> String {
        self.0.to_json_pretty()
    }
    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other.cast::<PyPolicy>().is_ok_and(|o| o.get().0 == self.0)
    }
}

/// The policy given, or the national one.
pub fn policy_of(p: Option<&Bound<'_, PyPolicy>>) -> StatusPolicy {
    p.map_or_else(StatusPolicy::national, |p| p.get().0.clone())
}

#[pyfunction]
pub fn policy_presets() -> Vec<&'static str> {
    StatusPolicy::PRESETS.to_vec()
}

/// One cooperative record (core `Koperasi`).
#[pyclass(frozen, name = "Record", module = "koperasi._koperasi")]
pub struct PyRecord(pub Koperasi);

#[pymethods]
impl PyRecord {
    #[staticmethod]
    fn from_dict(py: Python<'_>, d: &Bound<'_, PyAny>) -> PyResult<PyRecord> {
        de(py, d, "not a koperasi record", "invalid_record").map(PyRecord)
    }
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        ser(py, &self.0)
    }
    #[getter]
    fn name(&self) -> String {
        self.0.name.clone()
    }
    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other.cast::<PyRecord>().is_ok_and(|o| o.get().0 == self.0)
    }
}

#[pyfunction]
#[pyo3(signature = (record, as_of, policy=None))]
pub fn assess<'py>(
    py: Python<'py>,
    record: &Bound<'py, PyRecord>,
    as_of: &str,
    policy: Option<&Bound<'py, PyPolicy>>,
) -> PyResult<Bound<'py, PyAny>> {
    let a = status::assess(&record.get().0, date(py, as_of)?, &policy_of(policy));
    ser(py, &a)
}

#[pyfunction]
#[pyo3(signature = (book_year, policy=None))]
pub fn rat_deadline(book_year: Int<i32>, policy: Option<&Bound<'_, PyPolicy>>) -> Option<String> {
    status::rat_deadline(book_year.0, policy_of(policy).rat_deadline_months).map(iso)
}
