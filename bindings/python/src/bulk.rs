//! Bulk results held in Rust and handed to Python as columns: [`PyAssessments`] keeps the
//! core assessments and gives (a) packed little-endian arrays plus dictionaries for a
//! dataframe (`frame()`: no Python object per row), (b) the serde columns (`columns()`), and
//! (c) one row at a time (`get(i)`), so that per-row Python objects exist only when asked for.

use crate::{PyRegister, cols, iso, ser};
use koperasi::status::{Assessment, Status};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyList};

/// The assessments of a register (core `Vec<Assessment>`), one per record.
#[pyclass(frozen, name = "Assessments", module = "koperasi._koperasi")]
pub struct PyAssessments {
    pub rows: Vec<Assessment>,
    /// The date every row was assessed as of (ISO).
    pub as_of: String,
    /// The register assessed (row `i` is its record `i`): the identity columns of `frame()`.
    pub register: Py<PyRegister>,
}

/// The dictionaries below hash with rustc's Fx hash (`rustc-hash`): fast, not cryptographic;
/// the keys are our own strings, so hash flooding is not a concern.
type FxMap<K, V> = rustc_hash::FxHashMap<K, V>;

/// Strings dictionary-encoded: codes (u32 LE) into `values` (first-seen order).
struct Dict<'a> {
    index: FxMap<&'a str, u32>,
    values: Vec<&'a str>,
    codes: Vec<u8>,
}

impl<'a> Dict<'a> {
    fn new(n: usize) -> Self {
        Dict {
            index: FxMap::default(),
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
        packed(py, &self.codes, self.values)
    }
}

fn packed<'py, S: AsRef<str>>(
    py: Python<'py>,
    codes: &[u8],
    values: Vec<S>,
) -> PyResult<Bound<'py, PyAny>> {
    let d = PyDict::new(py);
    d.set_item("codes", PyBytes::new(py, codes))?;
    d.set_item("values", PyList::new(py, values.iter().map(AsRef::as_ref))?)?;
    Ok(d.into_any())
}

/// Reason codes (few distinct, short): index by linear search, with the labels of each code
/// (the same for every reason with that code, `koperasi::status::REASONS`).
#[derive(Default)]
struct Codes<'a> {
    codes: Vec<&'a str>,
    label_id: Vec<&'a str>,
    label_en: Vec<&'a str>,
}

impl<'a> Codes<'a> {
    fn index(&mut self, r: &'a koperasi::status::Reason) -> usize {
        match self.codes.iter().position(|c| *c == r.code) {
            Some(i) => i,
            None => {
                self.codes.push(&r.code);
                self.label_id.push(&r.label_id);
                self.label_en.push(&r.label_en);
                self.codes.len() - 1
            }
        }
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
    /// Packed columns for a dataframe: the record's `line`, `source_id` and `name` (see
    /// `identity`), `status` (a dictionary of every status), the deciding
    /// reason's `reason`, `label_id`, `label_en`, `detail`, `detail_id` and all reason codes
    /// `reason_codes` (`;`-joined) as dictionaries (u32 codes + values), `identified` and
    /// `rat_for_last_closed_year` as optional booleans, `latest_rat_book_year`,
    /// `rat_window_first`, `rat_window_last` as optional i32.
    fn frame<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let n = self.rows.len();
        let mut codes = Codes::default();
        let mut reason: Vec<u8> = Vec::with_capacity(4 * n);
        let mut detail = Dict::new(n);
        let mut detail_id = Dict::new(n);
        // Every reason code of a row as one key: up to 16 code indices of 8 bits (else the
        // joined text), dictionary-encoded.
        let mut combos: FxMap<u128, u32> = FxMap::default();
        let mut long_combos: FxMap<String, u32> = FxMap::default();
        let mut combo_values: Vec<String> = Vec::new();
        let mut combo_codes: Vec<u8> = Vec::with_capacity(4 * n);
        let (mut latest, mut first, mut last) = (OptInt::new(n), OptInt::new(n), OptInt::new(n));
        let mut idx: Vec<usize> = Vec::new();
        for a in &self.rows {
            idx.clear();
            idx.extend(a.reasons.iter().map(|r| codes.index(r)));
            let head = idx.first().copied().unwrap_or(usize::MAX);
            reason.extend_from_slice(&u32::try_from(head).unwrap_or(u32::MAX).to_le_bytes());
            let (d, di) = a
                .reasons
                .first()
                .map_or(("", ""), |r| (r.detail.as_str(), r.detail_id.as_str()));
            detail.push(d);
            detail_id.push(di);
            let next = u32::try_from(combo_values.len()).unwrap_or(u32::MAX);
            let join = |codes: &Codes<'_>, idx: &[usize]| {
                idx.iter()
                    .map(|i| codes.codes.get(*i).copied().unwrap_or(""))
                    .collect::<Vec<_>>()
                    .join(";")
            };
            let combo = if idx.len() <= 16 && idx.iter().all(|i| *i < 255) {
                let key = idx.iter().fold(0u128, |k, i| (k << 8) | (*i as u128 + 1));
                *combos.entry(key).or_insert_with(|| {
                    combo_values.push(join(&codes, &idx));
                    next
                })
            } else {
                let key = join(&codes, &idx);
                *long_combos.entry(key.clone()).or_insert_with(|| {
                    combo_values.push(key);
                    next
                })
            };
            combo_codes.extend_from_slice(&combo.to_le_bytes());
            latest.push(a.latest_rat_book_year);
            first.push(a.rat_window.map(|w| w.0));
            last.push(a.rat_window.map(|w| w.1));
        }
        // A row without reasons (never produced by the core) points past the codes: give it
        // an empty code.
        let no_reason = u32::try_from(codes.codes.len()).unwrap_or(u32::MAX);
        for c in reason.chunks_exact_mut(4) {
            if c == u32::MAX.to_le_bytes() {
                c.copy_from_slice(&no_reason.to_le_bytes());
            }
        }
        if reason.chunks_exact(4).any(|c| c == no_reason.to_le_bytes()) {
            codes.codes.push("");
            codes.label_id.push("");
            codes.label_en.push("");
        }
        let d = PyDict::new(py);
        d.set_item("n", n)?;
        identity(py, &d, self.register.get())?;
        d.set_item("as_of", &self.as_of)?;
        d.set_item("status", status_codes(&self.rows).into_py(py)?)?;
        d.set_item("reason", packed(py, &reason, codes.codes)?)?;
        d.set_item("label_id", packed(py, &reason, codes.label_id)?)?;
        d.set_item("label_en", packed(py, &reason, codes.label_en)?)?;
        d.set_item("detail", detail.into_py(py)?)?;
        d.set_item("detail_id", detail_id.into_py(py)?)?;
        d.set_item("reason_codes", packed(py, &combo_codes, combo_values)?)?;
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

/// `PyAssessments` of `rows` (one per record of `register`) as of `as_of`.
pub fn assessments(
    rows: Vec<Assessment>,
    as_of: koperasi::NaiveDate,
    register: Py<PyRegister>,
) -> PyAssessments {
    PyAssessments {
        rows,
        as_of: iso(as_of),
        register,
    }
}

/// Optional 64-bit integers: values (i64 LE, 0 where missing) and a mask (1 = missing).
fn opt_i64<'py>(
    py: Python<'py>,
    xs: impl Iterator<Item = Option<i64>>,
) -> PyResult<Bound<'py, PyAny>> {
    let (mut values, mut mask) = (Vec::new(), Vec::new());
    for x in xs {
        values.extend_from_slice(&x.unwrap_or(0).to_le_bytes());
        mask.push(u8::from(x.is_none()));
    }
    let d = PyDict::new(py);
    d.set_item("values", PyBytes::new(py, &values))?;
    d.set_item("mask", PyBytes::new(py, &mask))?;
    Ok(d.into_any())
}

/// The identity of each assessed record, to join on: `line` (source line, optional i64),
/// `source_id` (the source's own id, `None` when missing) and `name` (lists of `str`).
fn identity<'py>(py: Python<'py>, d: &Bound<'py, PyDict>, register: &PyRegister) -> PyResult<()> {
    let records = &register.0.records;
    let line = records
        .iter()
        .map(|k| k.source_line.and_then(|l| i64::try_from(l).ok()));
    d.set_item("line", opt_i64(py, line)?)?;
    let ids = records.iter().map(|k| k.source_id.as_deref());
    d.set_item("source_id", PyList::new(py, ids)?)?;
    d.set_item(
        "name",
        PyList::new(py, records.iter().map(|k| k.name.as_str()))?,
    )?;
    Ok(())
}
