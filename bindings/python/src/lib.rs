//! Python bindings of koperasi: the private native module `koperasi._koperasi`.
//!
//! This crate only converts: Python values to core types (dates as ISO or Indonesian text read
//! by [`koperasi::locale::parse_date`], dicts through serde), core results to Python values (the
//! serde shape through `pythonize`; the package types them by the generated `koperasi._types`),
//! and core errors to the exception classes of `koperasi._errors`. The public, documented API is
//! the pure-Python package `koperasi`, which wraps these functions.
#![forbid(unsafe_code)]

mod bulk;
mod compare;
mod demography;
mod frame;
mod ints;
mod kopdes;
mod safe;
mod shu;
mod statements;
mod table;
mod template;

use ints::{Int, Sen};

/// The allocator: mimalloc. Reading a register allocates a few small strings per row on the
/// threads that convert rows and frees them on the thread that uses the records; the system
/// allocator spends a third of the time of a large read in its locks there (BENCHMARKS.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use koperasi::NaiveDate;
use koperasi::error::{Error, ErrorArea, ErrorDetails};
use koperasi::io::{Layout, Opened, ReadOptions, ReadReport, Table};
use koperasi::register::{Field, Register};
use koperasi::stats::{CheckParams, Panel, Period};
use koperasi::status::StatusPolicy;
use koperasi::wilayah::{KodeWilayah, Level, Wilayah, table};
use koperasi::{Koperasi, Rupiah, identity, locale, report, stats, status};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyList, PyString, PyTuple};
use serde::Serialize;
use serde_json::{Map, Value};

// ------------------------------------------------------------------------------------------
// Errors
// ------------------------------------------------------------------------------------------

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
fn raise(py: Python<'_>, class: &str, message: String, code: &str, d: ErrorDetails) -> PyErr {
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

fn core_err(py: Python<'_>, e: impl Into<Error>) -> PyErr {
    let e: Error = e.into();
    raise(
        py,
        class_name(e.area()),
        e.to_string(),
        e.code(),
        e.details(),
    )
}

/// A `ValidationError` (binding-side: a Python value that cannot become a core value).
fn invalid(py: Python<'_>, code: &str, value: Option<String>, message: String) -> PyErr {
    let d = ErrorDetails {
        fields: value.iter().map(|v| ("value", v.clone())).collect(),
        value,
        ..ErrorDetails::default()
    };
    raise(py, "ValidationError", message, code, d)
}

trait OrRaise<T> {
    fn or_raise(self, py: Python<'_>) -> PyResult<T>;
}

impl<T, E: Into<Error>> OrRaise<T> for Result<T, E> {
    fn or_raise(self, py: Python<'_>) -> PyResult<T> {
        self.map_err(|e| core_err(py, e))
    }
}

// ------------------------------------------------------------------------------------------
// Values
// ------------------------------------------------------------------------------------------

/// A serialisable core value as a Python object: its serde shape through `pythonize` (dicts,
/// lists, ISO date strings). The typed decoder of `koperasi._convert` makes the dates
/// `datetime.date` by the generated types (`koperasi._types`), not by key names.
fn ser<'py, T: Serialize>(py: Python<'py>, x: &T) -> PyResult<Bound<'py, PyAny>> {
    pythonize::pythonize(py, x).map_err(|e| PyValueError::new_err(e.to_string()))
}

/// A Python value (dict, list, str, int, float, bool, None, `datetime.date`, or an object with
/// `to_dict()`) as a serde JSON value.
fn from_py(obj: &Bound<'_, PyAny>) -> PyResult<Value> {
    let py = obj.py();
    if obj.is_none() {
        return Ok(Value::Null);
    }
    if let Ok(b) = obj.cast::<PyBool>() {
        return Ok(Value::Bool(b.is_true()));
    }
    if obj.cast::<PyInt>().is_ok() {
        if let Ok(i) = obj.extract::<i64>() {
            return Ok(Value::from(i));
        }
        let u: Int<u64> = obj.extract()?;
        return Ok(Value::from(u.0));
    }
    if let Ok(f) = obj.cast::<PyFloat>() {
        return Ok(serde_json::Number::from_f64(f.value())
            .map(Value::Number)
            .unwrap_or(Value::Null));
    }
    if let Ok(s) = obj.cast::<PyString>() {
        return Ok(Value::String(s.to_cow()?.into_owned()));
    }
    if let Ok(d) = obj.cast::<PyDict>() {
        let mut m = Map::new();
        for (k, v) in d.iter() {
            let k: String = k
                .extract()
                .map_err(|_| PyTypeError::new_err("dict keys must be str"))?;
            m.insert(k, from_py(&v)?);
        }
        return Ok(Value::Object(m));
    }
    if obj.cast::<PyList>().is_ok() || obj.cast::<PyTuple>().is_ok() {
        let items = obj
            .try_iter()?
            .map(|x| x.and_then(|x| from_py(&x)))
            .collect::<PyResult<Vec<_>>>()?;
        return Ok(Value::Array(items));
    }
    let date_type = py.import("datetime")?.getattr("date")?;
    if obj.is_instance(&date_type)? {
        let s: String = obj.call_method0("isoformat")?.extract()?;
        return Ok(Value::String(s.chars().take(10).collect()));
    }
    if obj.hasattr("to_dict")? {
        return from_py(&obj.call_method0("to_dict")?);
    }
    Err(PyTypeError::new_err(format!(
        "cannot convert a {} to a koperasi value",
        obj.get_type().name()?
    )))
}

fn date(py: Python<'_>, s: &str) -> PyResult<NaiveDate> {
    locale::parse_date(s).or_raise(py)
}

fn iso(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

fn kode(py: Python<'_>, s: &str) -> PyResult<KodeWilayah> {
    KodeWilayah::parse(s).or_raise(py)
}

fn opt_kode(py: Python<'_>, s: Option<&str>) -> PyResult<Option<KodeWilayah>> {
    s.map(|s| kode(py, s)).transpose()
}

fn period(py: Python<'_>, s: &str) -> PyResult<Period> {
    Period::parse(s).or_raise(py)
}

fn level(py: Python<'_>, s: &str) -> PyResult<Level> {
    Level::from_label(s).ok_or_else(|| {
        invalid(
            py,
            "invalid_level",
            Some(s.to_string()),
            format!("`{s}` is not a level (provinsi, kabupaten_kota, kecamatan, desa_kelurahan)"),
        )
    })
}

fn wilayah<'py>(py: Python<'py>, w: &Wilayah) -> PyResult<Bound<'py, PyAny>> {
    let d = ser(py, w)?;
    d.set_item("parent", w.code.parent().map(|p| p.to_string()))?;
    Ok(d)
}

fn wilayah_list<'py>(py: Python<'py>, ws: &[&Wilayah]) -> PyResult<Bound<'py, PyList>> {
    let items = ws
        .iter()
        .map(|w| wilayah(py, w))
        .collect::<PyResult<Vec<_>>>()?;
    PyList::new(py, items)
}

pub(crate) fn policy_of(p: Option<&Bound<'_, PyPolicy>>) -> StatusPolicy {
    p.map_or_else(StatusPolicy::national, |p| p.get().0.clone())
}

// ------------------------------------------------------------------------------------------
// locale / money
// ------------------------------------------------------------------------------------------

#[pyfunction]
fn parse_date(py: Python<'_>, text: &str) -> PyResult<String> {
    date(py, text).map(iso)
}

#[pyfunction]
fn format_date(py: Python<'_>, d: &str) -> PyResult<String> {
    Ok(locale::format_date(date(py, d)?))
}

#[pyfunction]
fn format_date_numeric(py: Python<'_>, d: &str) -> PyResult<String> {
    Ok(locale::format_date_numeric(date(py, d)?))
}

#[pyfunction]
fn parse_decimal(py: Python<'_>, text: &str) -> PyResult<String> {
    locale::parse_decimal(text)
        .or_raise(py)
        .map(|d| d.to_string())
}

#[pyfunction]
fn parse_count(py: Python<'_>, text: &str) -> PyResult<u64> {
    locale::parse_count(text).or_raise(py)
}

#[pyfunction]
fn parse_rupiah(py: Python<'_>, text: &str) -> PyResult<i64> {
    locale::parse_rupiah(text).or_raise(py).map(Rupiah::sen)
}

#[pyfunction]
fn format_rupiah(sen: Sen) -> String {
    locale::format_rupiah(Rupiah::from_sen(sen.0))
}

#[pyfunction]
fn format_rupiah_whole(sen: Sen) -> String {
    locale::format_rupiah_whole(Rupiah::from_sen(sen.0))
}

#[pyfunction]
fn format_int(n: Int<i64>) -> String {
    locale::format_int(n.0)
}

#[pyfunction]
fn is_missing(text: &str) -> bool {
    locale::is_missing(text)
}

// ------------------------------------------------------------------------------------------
// wilayah
// ------------------------------------------------------------------------------------------

#[pyfunction]
fn wilayah_get<'py>(py: Python<'py>, code: &str) -> PyResult<Bound<'py, PyAny>> {
    let k = kode(py, code)?;
    match table().get(&k) {
        Some(w) => wilayah(py, w),
        None => Err(core_err(
            py,
            koperasi::error::WilayahError::NotFound {
                name: code.to_string(),
            },
        )),
    }
}

#[pyfunction]
fn find_provinsi<'py>(py: Python<'py>, name: &str) -> PyResult<Bound<'py, PyAny>> {
    let w = table().find_provinsi(name).or_raise(py)?;
    wilayah(py, w)
}

#[pyfunction]
#[pyo3(signature = (name, within=None))]
fn find_kab_kota<'py>(
    py: Python<'py>,
    name: &str,
    within: Option<&str>,
) -> PyResult<Bound<'py, PyAny>> {
    let within = opt_kode(py, within)?;
    let w = table().find_kab_kota(name, within.as_ref()).or_raise(py)?;
    wilayah(py, w)
}

#[pyfunction]
#[pyo3(signature = (name, within=None))]
fn find_kecamatan<'py>(
    py: Python<'py>,
    name: &str,
    within: Option<&str>,
) -> PyResult<Bound<'py, PyAny>> {
    let within = opt_kode(py, within)?;
    let w = table().find_kecamatan(name, within.as_ref()).or_raise(py)?;
    wilayah(py, w)
}

#[pyfunction]
#[pyo3(signature = (name, level=None, within=None))]
fn wilayah_search<'py>(
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
fn wilayah_children<'py>(py: Python<'py>, code: &str) -> PyResult<Bound<'py, PyList>> {
    let k = kode(py, code)?;
    wilayah_list(py, &table().children(&k))
}

#[pyfunction]
fn normalize_name(text: &str) -> String {
    koperasi::wilayah::normalize_name(text)
}

#[pyfunction]
fn parse_kode_wilayah<'py>(py: Python<'py>, text: &str) -> PyResult<Bound<'py, PyAny>> {
    let k = kode(py, text)?;
    let d = PyDict::new(py);
    d.set_item("code", k.to_string())?;
    d.set_item("level", k.level().as_str())?;
    Ok(d.into_any())
}

// ------------------------------------------------------------------------------------------
// identity
// ------------------------------------------------------------------------------------------

#[pyfunction]
fn parse_nomor_badan_hukum<'py>(py: Python<'py>, text: &str) -> PyResult<Bound<'py, PyAny>> {
    match identity::NomorBadanHukum::parse(text) {
        None => Ok(py.None().into_bound(py)),
        Some(n) => {
            let d = ser(py, &n)?;
            d.set_item("key", n.key())?;
            Ok(d)
        }
    }
}

#[pyfunction]
fn parse_nik_koperasi(py: Python<'_>, text: &str) -> PyResult<Option<String>> {
    Ok(identity::NikKoperasi::parse(text)
        .or_raise(py)?
        .map(|n| n.as_str().to_string()))
}

#[pyfunction]
fn parse_nib(py: Python<'_>, text: &str) -> PyResult<Option<String>> {
    Ok(identity::Nib::parse(text)
        .or_raise(py)?
        .map(|n| n.as_str().to_string()))
}

// ------------------------------------------------------------------------------------------
// status
// ------------------------------------------------------------------------------------------

/// A validated status policy (core `StatusPolicy`).
#[pyclass(frozen, name = "Policy", module = "koperasi._koperasi")]
struct PyPolicy(StatusPolicy);

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
        let text = from_py(d)?.to_string();
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

#[pyfunction]
fn policy_presets() -> Vec<&'static str> {
    StatusPolicy::PRESETS.to_vec()
}

/// One cooperative record (core `Koperasi`).
#[pyclass(frozen, name = "Record", module = "koperasi._koperasi")]
struct PyRecord(Koperasi);

#[pymethods]
impl PyRecord {
    #[staticmethod]
    fn from_dict(py: Python<'_>, d: &Bound<'_, PyAny>) -> PyResult<PyRecord> {
        let v = from_py(d)?;
        serde_json::from_value::<Koperasi>(v)
            .map(PyRecord)
            .map_err(|e| {
                invalid(
                    py,
                    "invalid_record",
                    None,
                    format!("not a koperasi record: {e}"),
                )
            })
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
fn assess<'py>(
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
fn rat_deadline(book_year: Int<i32>, policy: Option<&Bound<'_, PyPolicy>>) -> Option<String> {
    status::rat_deadline(book_year.0, policy_of(policy).rat_deadline_months).map(iso)
}

// ------------------------------------------------------------------------------------------
// io
// ------------------------------------------------------------------------------------------

fn read_options(
    py: Python<'_>,
    mapping: Vec<(String, String)>,
    delimiter: Option<&str>,
    region: Option<&str>,
    decimal: Option<&str>,
) -> PyResult<ReadOptions> {
    let decimal = match decimal {
        None => None,
        Some(d) => Some(locale::DecimalMark::from_name(d).ok_or_else(|| {
            invalid(
                py,
                "invalid_decimal",
                Some(d.to_string()),
                format!(
                    "decimal must be one of {}, got `{d}`",
                    locale::DecimalMark::NAMES.join(", ")
                ),
            )
        })?),
    };
    let delimiter = match delimiter {
        None => None,
        Some(d) => match d.as_bytes() {
            [b] => Some(*b),
            _ => {
                return Err(invalid(
                    py,
                    "invalid_delimiter",
                    Some(d.to_string()),
                    format!("the delimiter must be one ASCII character, got `{d}`"),
                ));
            }
        },
    };
    Ok(ReadOptions {
        mapping,
        delimiter,
        region: opt_kode(py, region)?,
        decimal,
        ..ReadOptions::default()
    })
}

/// `o` with the period given for a table with no period column (ISO text, read with
/// `Period::parse`) and the wide flag.
fn shape_options(
    py: Python<'_>,
    mut o: ReadOptions,
    period: Option<&str>,
    wide: bool,
) -> PyResult<ReadOptions> {
    if let Some(p) = period {
        o.period = Some(koperasi::stats::Period::parse(p).or_raise(py)?);
    }
    o.wide = wide;
    Ok(o)
}

fn io_err(py: Python<'_>, p: &str, e: &std::io::Error) -> PyErr {
    core_err(
        py,
        koperasi::error::ReadError::Io {
            why: format!("cannot read `{p}`: {e}"),
        },
    )
}

/// The bytes given, or the file at `path` opened (and streamed).
fn source<'a>(
    py: Python<'_>,
    data: Option<&'a [u8]>,
    path: Option<&str>,
) -> PyResult<Box<dyn std::io::Read + 'a>> {
    match (data, path) {
        (Some(d), _) => Ok(Box::new(d)),
        (None, Some(p)) => {
            let f = std::fs::File::open(p).map_err(|e| io_err(py, p, &e))?;
            Ok(Box::new(std::io::BufReader::new(f)))
        }
        (None, None) => Err(PyTypeError::new_err("give data or path")),
    }
}

/// The input, a workbook read or CSV text to stream, as `koperasi::io::open_input` tells
/// them apart (first bytes, or the extension of `path`).
fn open<'a>(
    py: Python<'_>,
    data: Option<&'a [u8]>,
    path: Option<&str>,
    sheet: Option<&str>,
    o: &ReadOptions,
) -> PyResult<Opened<Box<dyn std::io::Read + 'a>>> {
    koperasi::io::open_input(source(py, data, path)?, path, sheet, o).or_raise(py)
}

/// The error for a workbook whose sheet has the other layout than the reader asked for.
fn other_layout(wanted: &str, found: &str) -> koperasi::error::ReadError {
    koperasi::error::ReadError::UnknownLayout {
        why: format!(
            "the sheet is a {found}, not a {wanted}; read it with read_{found} or read_any"
        ),
    }
}

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
pub struct PyRegister(Register);

/// A panel of published counts (core `Panel`).
#[pyclass(frozen, name = "Panel", module = "koperasi._koperasi")]
pub struct PyPanel(Panel);

fn report<'py>(py: Python<'py>, r: &ReadReport) -> PyResult<Bound<'py, PyAny>> {
    ser(py, r)
}

#[pyfunction]
#[pyo3(signature = (data=None, path=None, mapping=vec![], delimiter=None, region=None, sheet=None, decimal=None, data_as_of=None))]
#[allow(clippy::too_many_arguments)] // the keyword arguments of the Python function
fn read_register<'py>(
    py: Python<'py>,
    data: Option<&[u8]>,
    path: Option<&str>,
    mapping: Vec<(String, String)>,
    delimiter: Option<&str>,
    region: Option<&str>,
    sheet: Option<&str>,
    decimal: Option<&str>,
    data_as_of: Option<&str>,
) -> PyResult<(PyRegister, Bound<'py, PyAny>)> {
    let mut o = read_options(py, mapping, delimiter, region, decimal)?;
    o.data_as_of = data_as_of.map(|s| date(py, s)).transpose()?;
    let (r, rep) = match open(py, data, path, sheet, &o)? {
        Opened::Table(Table::Register(r, rep)) => (r, rep),
        Opened::Table(Table::Panel(..)) => {
            return Err(core_err(py, other_layout("register", "panel")));
        }
        Opened::Text(text) => koperasi::io::read_register(text, &o).or_raise(py)?,
    };
    Ok((PyRegister(r), report(py, &rep)?))
}

/// A register or panel read from a DataFrame or Arrow table (`__arrow_c_stream__`) as cells,
/// not CSV ([`frame::read`]): `layout` `"register"`, `"panel"` or `None` (told by the column
/// names).
#[pyfunction]
#[pyo3(signature = (table, layout=None, mapping=vec![], region=None, decimal=None, period=None, wide=false, data_as_of=None))]
#[allow(clippy::too_many_arguments)] // the keyword arguments of the Python function
fn read_table<'py>(
    py: Python<'py>,
    table: pyo3_arrow::input::AnyRecordBatch,
    layout: Option<&str>,
    mapping: Vec<(String, String)>,
    region: Option<&str>,
    decimal: Option<&str>,
    period: Option<&str>,
    wide: bool,
    data_as_of: Option<&str>,
) -> PyResult<(&'static str, Bound<'py, PyAny>, Bound<'py, PyAny>)> {
    let o = read_options(py, mapping, None, region, decimal)?;
    let mut o = shape_options(py, o, period, wide)?;
    o.data_as_of = data_as_of.map(|s| date(py, s)).transpose()?;
    let layout = match layout {
        Some("panel") => Some(Layout::Panel),
        Some(_) => Some(Layout::Register),
        None => None,
    };
    tagged(py, frame::read(py, table, layout, &o)?.or_raise(py)?)
}

/// A table read, as `(kind, register or panel, report)`.
fn tagged(
    py: Python<'_>,
    t: Table,
) -> PyResult<(&'static str, Bound<'_, PyAny>, Bound<'_, PyAny>)> {
    match t {
        Table::Register(r, rep) => Ok((
            "register",
            Bound::new(py, PyRegister(r))?.into_any(),
            report(py, &rep)?,
        )),
        Table::Panel(p, rep) => Ok((
            "panel",
            Bound::new(py, PyPanel(p))?.into_any(),
            report(py, &rep)?,
        )),
    }
}

#[pyfunction]
#[pyo3(signature = (data=None, path=None, mapping=vec![], delimiter=None, region=None, sheet=None, decimal=None, period=None, wide=false))]
#[allow(clippy::too_many_arguments)] // the keyword arguments of the Python function
fn read_panel<'py>(
    py: Python<'py>,
    data: Option<&[u8]>,
    path: Option<&str>,
    mapping: Vec<(String, String)>,
    delimiter: Option<&str>,
    region: Option<&str>,
    sheet: Option<&str>,
    decimal: Option<&str>,
    period: Option<&str>,
    wide: bool,
) -> PyResult<(PyPanel, Bound<'py, PyAny>)> {
    let o = shape_options(
        py,
        read_options(py, mapping, delimiter, region, decimal)?,
        period,
        wide,
    )?;
    let (p, rep) = match open(py, data, path, sheet, &o)? {
        Opened::Table(Table::Panel(p, rep)) => (p, rep),
        Opened::Table(Table::Register(..)) => {
            return Err(core_err(py, other_layout("panel", "register")));
        }
        Opened::Text(text) => koperasi::io::read_panel(text, &o).or_raise(py)?,
    };
    Ok((PyPanel(p), report(py, &rep)?))
}

#[pyfunction]
#[pyo3(signature = (data=None, path=None, mapping=vec![], delimiter=None, region=None, sheet=None, decimal=None, period=None, wide=false, data_as_of=None))]
#[allow(clippy::too_many_arguments)] // the keyword arguments of the Python function
fn read_any<'py>(
    py: Python<'py>,
    data: Option<&[u8]>,
    path: Option<&str>,
    mapping: Vec<(String, String)>,
    delimiter: Option<&str>,
    region: Option<&str>,
    sheet: Option<&str>,
    decimal: Option<&str>,
    period: Option<&str>,
    wide: bool,
    data_as_of: Option<&str>,
) -> PyResult<(&'static str, Bound<'py, PyAny>, Bound<'py, PyAny>)> {
    let mut o = shape_options(
        py,
        read_options(py, mapping, delimiter, region, decimal)?,
        period,
        wide,
    )?;
    o.data_as_of = data_as_of.map(|s| date(py, s)).transpose()?;
    tagged(
        py,
        koperasi::io::read_input(source(py, data, path)?, path, sheet, &o).or_raise(py)?,
    )
}

#[pyfunction]
#[pyo3(signature = (csv_text, mapping=vec![], delimiter=None))]
fn detect_layout(
    py: Python<'_>,
    csv_text: &str,
    mapping: Vec<(String, String)>,
    delimiter: Option<&str>,
) -> PyResult<&'static str> {
    let o = read_options(py, mapping, delimiter, None, None)?;
    Ok(
        match koperasi::io::detect_layout_str(csv_text, &o).or_raise(py)? {
            Layout::Register => "register",
            Layout::Panel => "panel",
        },
    )
}

// ------------------------------------------------------------------------------------------
// register
// ------------------------------------------------------------------------------------------

fn fields(py: Python<'_>, names: Vec<String>) -> PyResult<Vec<Field>> {
    names
        .iter()
        .map(|n| {
            Field::parse(n).ok_or_else(|| {
                let known: Vec<&str> = Field::ALL.iter().map(|f| f.as_str()).collect();
                invalid(
                    py,
                    "invalid_field",
                    Some(n.clone()),
                    format!("`{n}` is not a field (fields: {})", known.join(", ")),
                )
            })
        })
        .collect()
}

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
    fn records_table(&self, py: Python<'_>) -> PyResult<table::PyTable> {
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
    ) -> PyResult<bulk::PyAssessments> {
        let when = date(py, as_of)?;
        let p = policy_of(policy);
        let register = &slf.get().0;
        let rows = py.detach(|| register.assess_all(when, &p));
        Ok(bulk::PyAssessments {
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
    ) -> PyResult<table::PyTable> {
        let f = self::fields(py, fields)?;
        let t = self.0.count_by(&f, date(py, as_of)?, &policy_of(policy));
        table::count_table(&t)
    }
    #[pyo3(signature = (as_of, policy=None))]
    fn reason_counts<'py>(
        &self,
        py: Python<'py>,
        as_of: &str,
        policy: Option<&Bound<'py, PyPolicy>>,
    ) -> PyResult<table::PyTable> {
        table::from_serde(
            &self.0.reason_counts(date(py, as_of)?, &policy_of(policy)),
            &[],
            &["status"],
        )
    }
    fn duplicates(&self) -> PyResult<table::PyTable> {
        table::rows(&self.0.duplicates(), &[])
    }
    fn registrations_by_year<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        ser(py, &self.0.registrations_by_year())
    }
}

// ------------------------------------------------------------------------------------------
// stats
// ------------------------------------------------------------------------------------------

#[pymethods]
impl PyPanel {
    fn __len__(&self) -> usize {
        self.0.rows.len()
    }
    fn table(&self) -> PyResult<table::PyTable> {
        table::panel(&self.0)
    }
    fn periods(&self) -> Vec<String> {
        self.0.periods().iter().map(ToString::to_string).collect()
    }
    fn regions(&self) -> Vec<String> {
        self.0.regions()
    }
    fn measures(&self) -> Vec<String> {
        self.0.measures()
    }
    fn totals_by_period(&self, measures: Vec<String>) -> PyResult<table::PyTable> {
        let m: Vec<&str> = measures.iter().map(String::as_str).collect();
        table::period_totals(&self.0.totals_by_period(&m), &m)
    }
    fn growth<'py>(
        &self,
        py: Python<'py>,
        measure: &str,
        from_period: &str,
        to_period: &str,
    ) -> PyResult<table::PyTable> {
        let rows = self
            .0
            .growth(measure, period(py, from_period)?, period(py, to_period)?);
        table::from_serde(&rows, &[], &["region_code", "from_period", "to_period"])
    }
    #[pyo3(signature = (params=None))]
    fn run_checks<'py>(
        &self,
        py: Python<'py>,
        params: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<table::PyTable> {
        let p = check_params(py, params)?;
        table::rows(&stats::run_checks(&self.0, &p), &[])
    }
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        ser(py, &self.0)
    }
}

/// The check thresholds of a dict (`CheckParams` through serde; `None`: the defaults),
/// validated.
fn check_params(py: Python<'_>, params: Option<&Bound<'_, PyAny>>) -> PyResult<CheckParams> {
    let p: CheckParams = match params {
        None => CheckParams::default(),
        Some(d) => serde_json::from_value(from_py(d)?).map_err(|e| {
            invalid(
                py,
                "invalid_check_params",
                None,
                format!("check parameters: {e}"),
            )
        })?,
    };
    p.validate().or_raise(py)?;
    Ok(p)
}

#[pyfunction]
fn parse_period(py: Python<'_>, text: &str) -> PyResult<String> {
    period(py, text).map(|p| p.to_string())
}

#[pyfunction]
#[pyo3(name = "cagr")]
fn cagr_(py: Python<'_>, from_value: Int<i64>, to_value: Int<i64>, years: f64) -> PyResult<f64> {
    stats::cagr(from_value.0, to_value.0, years).or_raise(py)
}

#[pyfunction]
#[pyo3(name = "pct_change")]
fn pct_change_(py: Python<'_>, from_value: Int<i64>, to_value: Int<i64>) -> PyResult<f64> {
    stats::pct_change(from_value.0, to_value.0).or_raise(py)
}

// ------------------------------------------------------------------------------------------
// report
// ------------------------------------------------------------------------------------------

#[pyfunction]
#[pyo3(signature = (data=None, path=None, source="", as_of=None, policy=None, data_as_of=None, mapping=vec![], delimiter=None, region=None, sheet=None, decimal=None, period=None, wide=false, by=None, top=None, checks=None))]
#[allow(clippy::too_many_arguments)] // the keyword arguments of the Python function
fn build_report<'py>(
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
    o.read.data_as_of = data_as_of.map(|s| date(py, s)).transpose()?;
    if let Some(by) = by {
        o.by = fields(py, by)?;
    }
    if let Some(top) = top {
        o.top = top.0;
    }
    o.checks = check_params(py, checks)?;
    let input = self::source(py, data, path)?;
    let r = report::build_report_from(input, path, sheet, source, &o).or_raise(py)?;
    if as_of.is_none() && matches!(r, report::Report::Register(_)) {
        return Err(invalid(
            py,
            "missing_as_of",
            None,
            "a register report needs `as_of` (the library never reads the clock)".into(),
        ));
    }
    ser(py, &r)
}

/// The names of the embedded real samples (`koperasi::samples::ALL`): `jatim_panel`,
/// `bogor_register`.
#[pyfunction]
fn sample_names() -> Vec<&'static str> {
    koperasi::samples::ALL.iter().map(|s| s.name).collect()
}

/// An embedded real sample (`koperasi::samples`): `jatim_panel` or `bogor_register` ->
/// `{name, file_name, csv, source}`. Raises `ValidationError` (`invalid_argument`) for another
/// name.
#[pyfunction]
fn sample<'py>(py: Python<'py>, name: &str) -> PyResult<Bound<'py, PyDict>> {
    let s = koperasi::samples::get(name).ok_or_else(|| {
        invalid(
            py,
            "invalid_argument",
            Some(name.to_string()),
            format!("sample `{name}`: expected jatim_panel or bogor_register"),
        )
    })?;
    let d = PyDict::new(py);
    d.set_item("name", s.name)?;
    d.set_item("file_name", s.file_name)?;
    d.set_item("csv", s.csv)?;
    d.set_item("source", s.source)?;
    Ok(d)
}

/// The native module `koperasi._koperasi`.
#[pymodule]
fn _koperasi(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyPolicy>()?;
    m.add_class::<PyRecord>()?;
    m.add_class::<PyRegister>()?;
    m.add_class::<PyPanel>()?;
    m.add_class::<table::PyTable>()?;
    m.add_function(wrap_pyfunction!(parse_date, m)?)?;
    m.add_function(wrap_pyfunction!(read_table, m)?)?;
    m.add_function(wrap_pyfunction!(format_date, m)?)?;
    m.add_function(wrap_pyfunction!(format_date_numeric, m)?)?;
    m.add_function(wrap_pyfunction!(parse_decimal, m)?)?;
    m.add_function(wrap_pyfunction!(parse_count, m)?)?;
    m.add_function(wrap_pyfunction!(parse_rupiah, m)?)?;
    m.add_function(wrap_pyfunction!(format_rupiah, m)?)?;
    m.add_function(wrap_pyfunction!(format_rupiah_whole, m)?)?;
    m.add_function(wrap_pyfunction!(format_int, m)?)?;
    m.add_function(wrap_pyfunction!(is_missing, m)?)?;
    m.add_function(wrap_pyfunction!(wilayah_get, m)?)?;
    m.add_function(wrap_pyfunction!(find_provinsi, m)?)?;
    m.add_function(wrap_pyfunction!(find_kab_kota, m)?)?;
    m.add_function(wrap_pyfunction!(find_kecamatan, m)?)?;
    m.add_function(wrap_pyfunction!(wilayah_search, m)?)?;
    m.add_function(wrap_pyfunction!(wilayah_children, m)?)?;
    m.add_function(wrap_pyfunction!(normalize_name, m)?)?;
    m.add_function(wrap_pyfunction!(parse_kode_wilayah, m)?)?;
    m.add_function(wrap_pyfunction!(parse_nomor_badan_hukum, m)?)?;
    m.add_function(wrap_pyfunction!(parse_nik_koperasi, m)?)?;
    m.add_function(wrap_pyfunction!(parse_nib, m)?)?;
    m.add_function(wrap_pyfunction!(policy_presets, m)?)?;
    m.add_function(wrap_pyfunction!(assess, m)?)?;
    m.add_function(wrap_pyfunction!(rat_deadline, m)?)?;
    m.add_function(wrap_pyfunction!(read_register, m)?)?;
    m.add_function(wrap_pyfunction!(read_panel, m)?)?;
    m.add_function(wrap_pyfunction!(read_any, m)?)?;
    m.add_function(wrap_pyfunction!(detect_layout, m)?)?;
    m.add_function(wrap_pyfunction!(parse_period, m)?)?;
    m.add_function(wrap_pyfunction!(cagr_, m)?)?;
    m.add_function(wrap_pyfunction!(pct_change_, m)?)?;
    m.add_function(wrap_pyfunction!(build_report, m)?)?;
    m.add_class::<shu::PyPlan>()?;
    m.add_class::<shu::PyMembers>()?;
    m.add_function(wrap_pyfunction!(shu::shu_allocate, m)?)?;
    m.add_function(wrap_pyfunction!(shu::shu_distribute, m)?)?;
    m.add_function(wrap_pyfunction!(shu::shu_apportion, m)?)?;
    m.add_function(wrap_pyfunction!(shu::shu_pseudonym, m)?)?;
    m.add_function(wrap_pyfunction!(shu::shu_read_members, m)?)?;
    m.add_class::<demography::PyKaplanMeier>()?;
    m.add_function(wrap_pyfunction!(demography::kaplan_meier, m)?)?;
    m.add_function(wrap_pyfunction!(demography::demography_rates, m)?)?;
    m.add_function(wrap_pyfunction!(demography::yearly_demography, m)?)?;
    m.add_function(wrap_pyfunction!(demography::cohort_survival, m)?)?;
    m.add_function(wrap_pyfunction!(demography::survival_data, m)?)?;
    m.add_function(wrap_pyfunction!(demography::high_growth, m)?)?;
    m.add_function(wrap_pyfunction!(demography::demography_report, m)?)?;
    m.add_class::<bulk::PyAssessments>()?;
    m.add_function(wrap_pyfunction!(demography::status_series, m)?)?;
    m.add_function(wrap_pyfunction!(compare::compare_policies, m)?)?;
    m.add_function(wrap_pyfunction!(template::template_register, m)?)?;
    m.add_function(wrap_pyfunction!(safe::safe_csv_cell, m)?)?;
    m.add_function(wrap_pyfunction!(safe::safe_markdown_cell, m)?)?;
    m.add_function(wrap_pyfunction!(safe::safe_terminal_text, m)?)?;
    m.add_function(wrap_pyfunction!(sample, m)?)?;
    m.add_function(wrap_pyfunction!(sample_names, m)?)?;
    statements::register(m)?;
    kopdes::register(m)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
