//! Regions (`koperasi::wilayah`, the Kemendagri table): look-ups as the serde shape of
//! `Wilayah`; a code's level and parent.

use crate::convert::{kode, level, opt_kode, ser};
use crate::errors::{OrRaise, core_err};
use koperasi::wilayah::{Wilayah, table};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};

fn wilayah_list<'py>(py: Python<'py>, ws: &[&Wilayah]) -> PyResult<Bound<'py, PyList>> {
    let items = ws
        .iter()
        .map(|w| ser(py, w))
        .collect::<PyResult<Vec<_>>>()?;
    PyList::new(py, items)
}

#[pyfunction]
pub fn wilayah_get<'py>(py: Python<'py>, code: &str) -> PyResult<Bound<'py, PyAny>> {
    match table().get(&kode(py, code)?) {
        Some(w) => ser(py, w),
        None => {
            let name = code.to_string();
            Err(core_err(
                py,
                koperasi::error::WilayahError::NotFound { name },
            ))
        }
    }
}

/// A provinsi, kabupaten/kota or kecamatan by name (`level`), within a region.
#[pyfunction]
#[pyo3(signature = (level, name, within=None))]
pub fn wilayah_find<'py>(
    py: Python<'py>,
    level: &str,
    name: &str,
    within: Option<&str>,
) -> PyResult<Bound<'py, PyAny>> {
    let within = opt_kode(py, within)?;
    let t = table();
    let w = match level {
        "provinsi" => t.find_provinsi(name),
        "kab_kota" => t.find_kab_kota(name, within.as_ref()),
        _ => t.find_kecamatan(name, within.as_ref()),
    };
    ser(py, w.or_raise(py)?)
}

#[pyfunction]
#[pyo3(signature = (name, level=None, within=None))]
pub fn wilayah_search<'py>(
    py: Python<'py>,
    name: &str,
    level: Option<&str>,
    within: Option<&str>,
) -> PyResult<Bound<'py, PyList>> {
    let l = level.map(|l| self::level(py, l)).transpose()?;
    let within = opt_kode(py, within)?;
    wilayah_list(py, &table().search_in(name, l, within.as_ref()))
}

#[pyfunction]
pub fn wilayah_children<'py>(py: Python<'py>, code: &str) -> PyResult<Bound<'py, PyList>> {
    wilayah_list(py, &table().children(&kode(py, code)?))
}

#[pyfunction]
pub fn normalize_name(text: &str) -> String {
    koperasi::wilayah::normalize_name(text)
}

#[pyfunction]
pub fn parse_kode_wilayah<'py>(py: Python<'py>, text: &str) -> PyResult<Bound<'py, PyDict>> {
    let k = kode(py, text)?;
    let d = PyDict::new(py);
    d.set_item("code", k.to_string())?;
    d.set_item("level", k.level().as_str())?;
    d.set_item("parent", k.parent().map(|p| p.to_string()))?;
    Ok(d)
}
