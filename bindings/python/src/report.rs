//! What the `koperasi` command reports (`koperasi::report`), from bytes, a path or a
//! DataFrame/Arrow table (read as cells); the embedded real samples.

use crate::convert::{date, fields, opt_date, ser};
use crate::errors::{OrRaise, invalid};
use crate::ints::Int;
use crate::read::{read_options, shape_options};
use crate::stats::check_params;
use crate::status::{PyPolicy, policy_of};
use koperasi::{NaiveDate, report};
use pyo3::prelude::*;
use pyo3_arrow::input::AnyRecordBatch;

#[pyfunction]
#[pyo3(signature = (data=None, path=None, source="", as_of=None, policy=None, data_as_of=None, mapping=vec![], delimiter=None, region=None, sheet=None, decimal=None, period=None, wide=false, by=None, top=None, checks=None, table=None))]
#[allow(clippy::too_many_arguments)] // the keyword arguments of the Python function
pub fn build_report<'py>(
    py: Python<'py>,
    data: Option<&[u8]>,
    path: Option<&str>,
    source: &str,
    as_of: Option<&str>,
    policy: Option<&Bound<'py, PyPolicy>>,
    data_as_of: Option<&str>,
    mapping: Vec<(String, String)>,
    delimiter: Option<&str>,
    region: Option<&str>,
    sheet: Option<&str>,
    decimal: Option<&str>,
    period: Option<&str>,
    wide: bool,
    by: Option<Vec<String>>,
    top: Option<Int<usize>>,
    checks: Option<&Bound<'py, PyAny>>,
    table: Option<AnyRecordBatch>,
) -> PyResult<Bound<'py, PyAny>> {
    // A panel report does not use the date; a register report needs one (checked below).
    let when = match as_of {
        Some(s) => date(py, s)?,
        None => NaiveDate::MIN,
    };
    let mut o = report::ReportOptions::new(when);
    o.policy = policy_of(policy);
    let read = read_options(py, mapping, delimiter, region, decimal)?;
    o.read = shape_options(py, read, period, wide)?;
    o.read.data_as_of = opt_date(py, data_as_of)?;
    if let Some(by) = by {
        o.by = fields(py, by)?;
    }
    if let Some(top) = top {
        o.top = top.0;
    }
    o.checks = check_params(py, checks)?;
    let r = match table {
        Some(t) => crate::frame::read(py, t, None, &o.read)?
            .map(|t| report::report_of_table(t, source, &o)),
        None => {
            let input = crate::read::source(py, data, path)?;
            report::build_report_from(input, path, sheet, source, &o)
        }
    }
    .or_raise(py)?;
    if as_of.is_none() && matches!(r, report::Report::Register(_)) {
        let m = "a register report needs `as_of` (the library never reads the clock)";
        return Err(invalid(py, "missing_as_of", None, m.into()));
    }
    ser(py, &r)
}

/// The names of the embedded real samples (`koperasi::samples::ALL`): `jatim_panel`,
/// `bogor_register`.
#[pyfunction]
pub fn sample_names() -> Vec<&'static str> {
    koperasi::samples::ALL.iter().map(|s| s.name).collect()
}

/// An embedded real sample (`koperasi::samples`): `jatim_panel` or `bogor_register` ->
/// `{name, file_name, csv, source}`. Raises `ValidationError` (`invalid_argument`) for another
/// name.
#[pyfunction]
pub fn sample<'py>(py: Python<'py>, name: &str) -> PyResult<Bound<'py, PyAny>> {
    let m = format!("sample `{name}`: expected jatim_panel or bogor_register");
    let s = koperasi::samples::get(name);
    ser(
        py,
        &s.ok_or_else(|| invalid(py, "invalid_argument", Some(name.into()), m))?,
    )
}
