//! Definition sensitivity (issue 20): `Register.compare_policies`. Only conversion: every
//! figure comes from `koperasi::status::compare_policies`.

use crate::convert::{date, ser};
use crate::errors::OrRaise;
use crate::register::PyRegister;
use crate::status::PyPolicy;
use koperasi::status;
use pyo3::prelude::*;

/// `Register.compare_policies(as_of, policies)`: the serde shape of the core's
/// `PolicyComparison` (dates as `datetime.date`).
#[pyfunction]
pub fn compare_policies<'py>(
    py: Python<'py>,
    register: &Bound<'py, PyRegister>,
    as_of: &str,
    policies: Vec<Bound<'py, PyPolicy>>,
) -> PyResult<Bound<'py, PyAny>> {
    let when = date(py, as_of)?;
    let ps: Vec<status::StatusPolicy> = policies.iter().map(|p| p.get().0.clone()).collect();
    let records = &register.get().0.records;
    let c = py
        .detach(|| status::compare_policies(records, when, &ps))
        .or_raise(py)?;
    ser(py, &c)
}
