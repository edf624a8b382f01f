//! Values across the boundary: core results out in their serde shape (`pythonize`; the
//! package types them by the generated `koperasi._types`, dates included), Python values in
//! as serde JSON (by `koperasi._convert.to_json`), and the argument parsers (dates, region
//! codes, periods, levels, fields, enums by their serde name).

use crate::errors::{OrRaise, invalid};
use koperasi::NaiveDate;
use koperasi::register::Field;
use koperasi::stats::Period;
use koperasi::wilayah::{KodeWilayah, Level};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

/// A serialisable core value as a Python object: its serde shape through `pythonize` (dicts,
/// lists, ISO date strings).
pub fn ser<'py, T: Serialize>(py: Python<'py>, x: &T) -> PyResult<Bound<'py, PyAny>> {
    pythonize::pythonize(py, x).map_err(|e| PyValueError::new_err(e.to_string()))
}

/// A Python value (dicts, lists, scalars, `datetime.date`, objects with `to_dict()`) as serde
/// JSON, through `koperasi._convert.to_json` (`TypeError` for anything else).
pub fn from_py(obj: &Bound<'_, PyAny>) -> PyResult<Value> {
    let to_json = obj.py().import("koperasi._convert")?.getattr("to_json")?;
    let text: String = to_json.call1((obj,))?.extract()?;
    serde_json::from_str(&text).map_err(|e| PyValueError::new_err(e.to_string()))
}

/// A Python value as a core value `T` by serde; `code` and `what` name it in the
/// `ValidationError` when it does not fit.
pub fn de<T: DeserializeOwned>(
    py: Python<'_>,
    obj: &Bound<'_, PyAny>,
    what: &str,
    code: &str,
) -> PyResult<T> {
    serde_json::from_value(from_py(obj)?)
        .map_err(|e| invalid(py, code, None, format!("{what}: {e}")))
}

/// A unit enum by its serde name (`"monthly"`, `"floor"`, `"auto"`); a `ValidationError`
/// `code` listing `names` for another text.
pub fn named<T: DeserializeOwned>(py: Python<'_>, s: &str, code: &str, names: &str) -> PyResult<T> {
    serde_json::from_value(Value::from(s)).map_err(|_| {
        let message = format!("`{s}` is not one of {names}");
        invalid(py, code, Some(s.to_string()), message)
    })
}

/// A date from ISO or Indonesian text ([`koperasi::locale::parse_date`]).
pub fn date(py: Python<'_>, s: &str) -> PyResult<NaiveDate> {
    koperasi::locale::parse_date(s).or_raise(py)
}

/// An optional date.
pub fn opt_date(py: Python<'_>, s: Option<&str>) -> PyResult<Option<NaiveDate>> {
    s.map(|s| date(py, s)).transpose()
}

/// A date as ISO text.
pub fn iso(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// A Kemendagri region code.
pub fn kode(py: Python<'_>, s: &str) -> PyResult<KodeWilayah> {
    KodeWilayah::parse(s).or_raise(py)
}

/// An optional region code.
pub fn opt_kode(py: Python<'_>, s: Option<&str>) -> PyResult<Option<KodeWilayah>> {
    s.map(|s| kode(py, s)).transpose()
}

/// A reporting period (`2021-Q3`, `TW III 2021`, ...).
pub fn period(py: Python<'_>, s: &str) -> PyResult<Period> {
    Period::parse(s).or_raise(py)
}

/// A region level by its label.
pub fn level(py: Python<'_>, s: &str) -> PyResult<Level> {
    Level::from_label(s).ok_or_else(|| {
        let m =
            format!("`{s}` is not a level (provinsi, kabupaten_kota, kecamatan, desa_kelurahan)");
        invalid(py, "invalid_level", Some(s.to_string()), m)
    })
}

/// Register fields by name (`invalid_field` naming the known ones for another name).
pub fn fields(py: Python<'_>, names: Vec<String>) -> PyResult<Vec<Field>> {
    names
        .iter()
        .map(|n| {
            Field::parse(n).ok_or_else(|| {
                let known: Vec<&str> = Field::ALL.iter().map(|f| f.as_str()).collect();
                let m = format!("`{n}` is not a field (fields: {})", known.join(", "));
                invalid(py, "invalid_field", Some(n.clone()), m)
            })
        })
        .collect()
}
