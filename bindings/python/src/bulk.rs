//! Bulk results held in Rust and handed to Python as columns: [`PyAssessments`] keeps the
//! core assessments and gives (a) packed little-endian arrays plus dictionaries for a
//! dataframe (`frame()`: no Python object per row), (b) the serde columns (`columns()`), and
//! (c) one row at a time (`get(i)`), so that per-row Python objects exist only when asked for.

use crate::{cols, iso, ser};
use koperasi::status::{Assessment, Status};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyList};
use std::collections::HashMap;

/// The assessments of a register (core `Vec<Assessment>`), one per record.
#[pyclass(frozen, name = "Assessments", module = "koperasi._koperasi")]
pub struct PyAssessments {
    pub rows: Vec<Assessment>,
    /// The date every row was assessed as of (ISO).
    pub as_of: String,
}

/// Strings dictionary-encoded: codes (u32 LE) into `values` (first-seen order).
struct Dict<'a> {
    index: HashMap<&'a str, u32>,
    values: Vec<&'a str>,
    codes: Vec<u8>,
}

impl<'a> Dict<'a> {
    fn new(n: usize) -> Self {
        Dict {
            index: HashMap::new(),
            values: Vec::new(),
            codes: Vec::with_capacity(4 * n),
        }
    }
    fn push(&mut self, s: &'a str) {
        let next = u32::try_from(self.values.len()).unwrap_or(u32::MAX);
        let code = *self.index.entry(s).or_insert_with(|| {
            self.values.push(s);
            next
        });
        self.codes.extend_from_slice(&code.to_le_bytes());
    }
    /// `(codes as bytes, values)` in a dict.
    fn into_py<'py>(self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let d = PyDict::new(py);
        d.set_item("codes", PyBytes::new(py, &self.codes))?;
        d.set_item("values", PyList::new(py, self.values)?)?;
        Ok(d.into_any())
    }
}

/// Statuses as codes into every status of [`Status::ALL`] (in that order).
fn status_codes(rows: &[Assessment]) -> Dict<'static> {
    let mut d = Dict::new(rows.len());
    for s in Status::ALL {
        d.push(s.code());
    }
    d.codes.clear();
    for a in rows {
        let i = Status::ALL.iter().position(|s| *s == a.status).unwrap_or(0);
        d.codes
            .extend_from_slice(&u32::try_from(i).unwrap_or(0).to_le_bytes());
    }
    d
}

/// Optional integers: values (i32 LE, 0 where missing) and a mask (1 = missing).
struct OptInt {
    values: Vec<u8>,
    mask: Vec<u8>,
}

impl OptInt {
    fn new(n: usize) -> Self {
        OptInt {
            values: Vec::with_capacity(4 * n),
            mask: Vec::with_capacity(n),
        }
    }
    fn push(&mut self, x: Option<i32>) {
        self.values.extend_from_slice(&x.unwrap_or(0).to_le_bytes());
        self.mask.push(u8::from(x.is_none()));
    }
    fn into_py<'py>(self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let d = PyDict::new(py);
        d.set_item("values", PyBytes::new(py, &self.values))?;
        d.set_item("mask", PyBytes::new(py, &self.mask))?;
        Ok(d.into_any())
    }
}

/// Optional booleans: values (0/1) and a mask (1 = missing).
fn opt_bool<'py>(
    py: Python<'py>,
    xs: impl Iterator<Item = Option<bool>>,
) -> PyResult<Bound<'py, PyAny>> {
    let (values, mask): (Vec<u8>, Vec<u8>) = xs
        .map(|x| (u8::from(x == Some(true)), u8::from(x.is_none())))
        .unzip();
    let d = PyDict::new(py);
    d.set_item("values", PyBytes::new(py, &values))?;
    d.set_item("mask", PyBytes::new(py, &mask))?;
    Ok(d.into_any())
}

#[pymethods]
impl PyAssessments {
    fn __len__(&self) -> usize {
        self.rows.len()
    }
    #[getter]
    fn as_of(&self) -> String {
        self.as_of.clone()
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
    /// The serde columns (`koperasi::columns::to_columns`).
    fn columns<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        cols(py, &self.rows)
    }
    /// Packed columns for a dataframe: `status` (a dictionary of every status), the deciding
    /// reason's `reason`, `label_id`, `label_en`, `detail`, `detail_id` and all reason codes
    /// `reason_codes` (`;`-joined) as dictionaries (u32 codes + values), `identified` and
    /// `rat_for_last_closed_year` as optional booleans, `latest_rat_book_year`,
    /// `rat_window_first`, `rat_window_last` as optional i32.
    fn frame<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let n = self.rows.len();
        let mut reason = Dict::new(n);
        let mut label_id = Dict::new(n);
        let mut label_en = Dict::new(n);
        let mut detail = Dict::new(n);
        let mut detail_id = Dict::new(n);
        let joined: Vec<String> = self
            .rows
            .iter()
            .map(|a| {
                if a.reasons.len() == 1 {
                    String::new()
                } else {
                    a.reasons
                        .iter()
                        .map(|r| r.code.as_str())
                        .collect::<Vec<_>>()
                        .join(";")
                }
            })
            .collect();
        let mut codes = Dict::new(n);
        let (mut latest, mut first, mut last) = (OptInt::new(n), OptInt::new(n), OptInt::new(n));
        for (a, j) in self.rows.iter().zip(&joined) {
            match a.reasons.first() {
                Some(r) => {
                    reason.push(&r.code);
                    label_id.push(&r.label_id);
                    label_en.push(&r.label_en);
                    detail.push(&r.detail);
                    detail_id.push(&r.detail_id);
                    codes.push(if j.is_empty() { &r.code } else { j });
                }
                None => {
                    for d in [
                        &mut reason,
                        &mut label_id,
                        &mut label_en,
                        &mut detail,
                        &mut detail_id,
                        &mut codes,
                    ] {
                        d.push("");
                    }
                }
            }
            latest.push(a.latest_rat_book_year);
            first.push(a.rat_window.map(|w| w.0));
            last.push(a.rat_window.map(|w| w.1));
        }
        let d = PyDict::new(py);
        d.set_item("n", n)?;
        d.set_item("as_of", &self.as_of)?;
        d.set_item("status", status_codes(&self.rows).into_py(py)?)?;
        d.set_item("reason", reason.into_py(py)?)?;
        d.set_item("label_id", label_id.into_py(py)?)?;
        d.set_item("label_en", label_en.into_py(py)?)?;
        d.set_item("detail", detail.into_py(py)?)?;
        d.set_item("detail_id", detail_id.into_py(py)?)?;
        d.set_item("reason_codes", codes.into_py(py)?)?;
        d.set_item(
            "identified",
            opt_bool(py, self.rows.iter().map(|a| a.identified))?,
        )?;
        d.set_item("latest_rat_book_year", latest.into_py(py)?)?;
        d.set_item("rat_window_first", first.into_py(py)?)?;
        d.set_item("rat_window_last", last.into_py(py)?)?;
        d.set_item(
            "rat_for_last_closed_year",
            opt_bool(py, self.rows.iter().map(|a| a.rat_for_last_closed_year))?,
        )?;
        Ok(d.into_any())
    }
}

/// `PyAssessments` of `rows` as of `as_of`.
pub fn assessments(rows: Vec<Assessment>, as_of: koperasi::NaiveDate) -> PyAssessments {
    PyAssessments {
        rows,
        as_of: iso(as_of),
    }
}
