//! A register held in Rust (`koperasi::register::Register`): its records, assessments,
//! counts and duplicates; tables as Arrow ([`crate::table`]).

use crate::bulk::PyAssessments;
use crate::convert::{date, ser};
use crate::ints::Int;
use crate::status::{PyPolicy, PyRecord, policy_of};
use crate::table::{self, PyTable};
use koperasi::register::Register;
use pyo3::prelude::*;

/// The date paths of a record's serde shape (`koperasi::Koperasi`), `date32` in its table.
const RECORD_DATES: &[&str] = &[
    "tanggal_badan_hukum",
    "dissolution.date",
    "rat.date",
    "field_checks.date",
    "origin.date",
    "stages.date",
];

/// A register read from a file (core `Register`).
#[pyclass(frozen, name = "Register", module = "koperasi._koperasi")]
pub struct PyRegister(pub Register);

#[pymethods]
impl PyRegister {
    #[staticmethod]
    fn from_records(records: Vec<Bound<'_, PyRecord>>) -> PyRegister {
        PyRegister(Register::new(
            records.iter().map(|r| r.get().0.clone()).collect(),
        ))
    }
    fn __len__(&self) -> usize {
        self.0.records.len()
    }
    fn record(&self, i: Int<usize>) -> PyResult<PyRecord> {
        let i = i.0;
        self.0
            .records
            .get(i)
            .map(|k| PyRecord(k.clone()))
            .ok_or_else(|| pyo3::exceptions::PyIndexError::new_err(format!("record {i}")))
    }
    /// The records as an Arrow table (see [`table::rows`]).
    fn records_table(&self, py: Python<'_>) -> PyResult<PyTable> {
        let records = &self.0.records;
        py.detach(|| table::rows(records, RECORD_DATES))
    }
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        ser(py, &self.0)
    }
    #[pyo3(signature = (as_of, policy=None))]
    fn assess_all<'py>(
        slf: &Bound<'py, Self>,
        py: Python<'py>,
        as_of: &str,
        policy: Option<&Bound<'py, PyPolicy>>,
    ) -> PyResult<PyAssessments> {
        let when = date(py, as_of)?;
        let p = policy_of(policy);
        let register = &slf.get().0;
        let rows = py.detach(|| register.assess_all(when, &p));
        Ok(PyAssessments {
            rows,
            as_of: when,
            register: slf.clone().unbind(),
        })
    }
    #[pyo3(signature = (as_of, policy=None))]
    fn status_counts<'py>(
        &self,
        py: Python<'py>,
        as_of: &str,
        policy: Option<&Bound<'py, PyPolicy>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        ser(
            py,
            &self.0.status_counts(date(py, as_of)?, &policy_of(policy)),
        )
    }
    #[pyo3(signature = (fields, as_of, policy=None))]
    fn count_by<'py>(
        &self,
        py: Python<'py>,
        fields: Vec<String>,
        as_of: &str,
        policy: Option<&Bound<'py, PyPolicy>>,
    ) -> PyResult<PyTable> {
        let f = crate::convert::fields(py, fields)?;
        let t = self.0.count_by(&f, date(py, as_of)?, &policy_of(policy));
        table::count_table(&t)
    }
    #[pyo3(signature = (as_of, policy=None))]
    fn reason_counts<'py>(
        &self,
        py: Python<'py>,
        as_of: &str,
        policy: Option<&Bound<'py, PyPolicy>>,
    ) -> PyResult<PyTable> {
        table::rows(
            &self.0.reason_counts(date(py, as_of)?, &policy_of(policy)),
            &[],
        )
    }
    fn duplicates(&self) -> PyResult<PyTable> {
        table::rows(&self.0.duplicates(), &[])
    }
    fn registrations_by_year<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        ser(py, &self.0.registrations_by_year())
    }
}
