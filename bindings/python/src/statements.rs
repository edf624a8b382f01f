//! Published statements (issue 18): reading, the checks, the funnel of a register, the
//! statements to publish and the comparison. Only conversion: every figure comes from
//! `koperasi::statements`. Statements cross the boundary in the serde shape of the core's
//! `Statement` (a list of dicts), so that a list read here, edited in Python or loaded from
//! JSON goes back unchanged.

use crate::convert::{date, de, fields, from_py, ser};
use crate::errors::{OrRaise, invalid, io_err};
use crate::register::PyRegister;
use crate::status::{PyPolicy, policy_of};
use koperasi::io::{ReadOptions, ReadReport};
use koperasi::statements::{self as st, Funnel, Relations, Statement};
use pyo3::prelude::*;

/// The funnel of a register as of a date under a policy (core `Funnel`).
#[pyclass(frozen, name = "Funnel", module = "koperasi._koperasi")]
pub struct PyFunnel(pub Funnel);

#[pymethods]
impl PyFunnel {
    #[staticmethod]
    fn from_dict(py: Python<'_>, d: &Bound<'_, PyAny>) -> PyResult<PyFunnel> {
        de(py, d, "not a funnel", "invalid_funnel").map(PyFunnel)
    }
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        ser(py, &self.0)
    }
    /// `Funnel::to_statements(said_on, region)`: the statements to publish.
    #[pyo3(signature = (said_on, region=None))]
    fn to_statements<'py>(
        &self,
        py: Python<'py>,
        said_on: &str,
        region: Option<&str>,
    ) -> PyResult<Bound<'py, PyAny>> {
        ser(py, &self.0.to_statements(date(py, said_on)?, region))
    }
}

/// Statements in the serde shape of the core's `Statement` (a list of dicts).
fn statements(py: Python<'_>, obj: &Bound<'_, PyAny>) -> PyResult<Vec<Statement>> {
    let what = "not a list of statements (as read_statements gives them)";
    de(py, obj, what, "invalid_statement")
}

/// `read_statements`: a table (CSV text or an XLSX/ODS workbook, by its first bytes), or JSON
/// or TOML text when `kind` says so -> the serde shape of `StatementsRead`.
#[pyfunction]
#[pyo3(signature = (data=None, path=None, sheet=None, kind=None))]
pub fn read_statements<'py>(
    py: Python<'py>,
    data: Option<&[u8]>,
    path: Option<&str>,
    sheet: Option<&str>,
    kind: Option<&str>,
) -> PyResult<Bound<'py, PyAny>> {
    use std::io::Read;
    let o = ReadOptions::default();
    let mut bytes = Vec::new();
    crate::read::source(py, data, path)?
        .read_to_end(&mut bytes)
        .map_err(|e| io_err(py, path.unwrap_or("data"), &e))?;
    let text = || String::from_utf8_lossy(&bytes).into_owned();
    let read = match kind {
        Some("json") => st::read::statements_from_json(&text(), &o),
        Some("toml") => st::read::statements_from_toml(&text(), &o),
        _ => st::read_statements_bytes(&bytes, sheet, &o),
    }
    .or_raise(py)?;
    ser(py, &read)
}

/// `check_statements(statements, relations)`: the findings (serde shape of
/// `StatementFinding`). `relations`: `None` (the embedded list), TOML text, or a dict/list in
/// the serde shape of `Relations`.
#[pyfunction]
#[pyo3(signature = (items, relations=None))]
pub fn check_statements<'py>(
    py: Python<'py>,
    items: &Bound<'py, PyAny>,
    relations: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let all = statements(py, items)?;
    let rel = match relations {
        None => Relations::embedded(),
        Some(r) => {
            let parsed = match r.extract::<String>() {
                Ok(text) => Relations::from_toml(&text),
                Err(_) => Relations::from_json(&from_py(r)?.to_string()),
            };
            parsed.map_err(|e| invalid(py, e.code(), None, e.to_string()))?
        }
    };
    ser(py, &st::check_statements(&all, &rel))
}

/// `funnel(register, as_of, policy, by, report)`: the register's funnel; `report`, the read
/// report of the register's file (serde shape), names the columns each figure rests on and
/// tells an empty NIK or dissolution column (0) from none (unknown).
#[pyfunction]
#[pyo3(signature = (register, as_of, policy=None, by=vec![], report=None))]
pub fn funnel(
    py: Python<'_>,
    register: &Bound<'_, PyRegister>,
    as_of: &str,
    policy: Option<&Bound<'_, PyPolicy>>,
    by: Vec<String>,
    report: Option<&Bound<'_, PyAny>>,
) -> PyResult<PyFunnel> {
    let when = date(py, as_of)?;
    let p = policy_of(policy);
    let by = fields(py, by)?;
    let read: Option<ReadReport> = report
        .map(|r| de(py, r, "not a read report", "invalid_argument"))
        .transpose()?;
    let r = &register.get().0;
    Ok(PyFunnel(
        py.detach(|| st::funnel_by(r, when, &p, &by, read.as_ref())),
    ))
}

/// `compare_statements(statements, funnel)`: each statement against the funnel (serde shape
/// of `ComparedStatement`).
#[pyfunction]
pub fn compare_statements<'py>(
    py: Python<'py>,
    items: &Bound<'py, PyAny>,
    funnel: &Bound<'py, PyFunnel>,
) -> PyResult<Bound<'py, PyAny>> {
    let all = statements(py, items)?;
    ser(py, &st::compare(&all, &funnel.get().0))
}

/// `statements_csv(statements)`: the statements as CSV text in the layout `read_statements`
/// reads (`koperasi::statements::write_statements_csv`).
#[pyfunction]
pub fn statements_csv(py: Python<'_>, items: &Bound<'_, PyAny>) -> PyResult<String> {
    let all = statements(py, items)?;
    let mut out = Vec::new();
    st::write_statements_csv(&all, &mut out).or_raise(py)?;
    Ok(String::from_utf8_lossy(&out).into_owned())
}
