//! One error map: core errors (`koperasi::error::Error`, its code and `details()`) and the
//! binding's own `ValidationError`s as the exception classes of `koperasi._errors`.

use koperasi::error::{Error, ErrorArea, ErrorDetails};
use pyo3::prelude::*;
use pyo3::types::PyDict;

/// The exception class of `koperasi._errors` for an error area. The `match` is exhaustive
/// (no wildcard): a new area in the core fails to compile here.
fn class_name(area: ErrorArea) -> &'static str {
    match area {
        ErrorArea::Date | ErrorArea::Number => "ParseError",
        ErrorArea::Money => "MoneyError",
        ErrorArea::Wilayah => "WilayahError",
        ErrorArea::Identity => "IdentityError",
        ErrorArea::Policy => "PolicyError",
        ErrorArea::Stats => "StatsError",
        ErrorArea::Read => "ReadError",
        ErrorArea::Shu => "ShuError",
        ErrorArea::Demography => "DemographyError",
        ErrorArea::Export => "ExportError",
    }
}

/// Build an exception of `koperasi._errors.<class>` with its structured fields.
pub fn raise(py: Python<'_>, class: &str, message: String, code: &str, d: ErrorDetails) -> PyErr {
    let build = || -> PyResult<PyErr> {
        let cls = py.import("koperasi._errors")?.getattr(class)?;
        let fields = PyDict::new(py);
        for (k, v) in &d.fields {
            fields.set_item(*k, v)?;
        }
        let exc = cls.call1((message.clone(), code, d.line, d.column, d.value, fields))?;
        Ok(PyErr::from_value(exc))
    };
    build().unwrap_or_else(|e| e)
}

/// A core error as its exception.
pub fn core_err(py: Python<'_>, e: impl Into<Error>) -> PyErr {
    let e: Error = e.into();
    let class = class_name(e.area());
    raise(py, class, e.to_string(), e.code(), e.details())
}

/// A `ValidationError` (binding-side: a Python value that cannot become a core value).
pub fn invalid(py: Python<'_>, code: &str, value: Option<String>, message: String) -> PyErr {
    let d = ErrorDetails {
        fields: value.iter().map(|v| ("value", v.clone())).collect(),
        value,
        ..ErrorDetails::default()
    };
    raise(py, "ValidationError", message, code, d)
}

/// A file that cannot be read, as the core's `read_io` error.
pub fn io_err(py: Python<'_>, p: &str, e: &std::io::Error) -> PyErr {
    let why = format!("cannot read `{p}`: {e}");
    core_err(py, koperasi::error::ReadError::Io { why })
}

/// `.or_raise(py)`: a core result with its error as the exception of [`core_err`].
pub trait OrRaise<T> {
    /// The value, or the error as its exception.
    fn or_raise(self, py: Python<'_>) -> PyResult<T>;
}

impl<T, E: Into<Error>> OrRaise<T> for Result<T, E> {
    fn or_raise(self, py: Python<'_>) -> PyResult<T> {
        self.map_err(|e| core_err(py, e))
    }
}
