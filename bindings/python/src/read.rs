//! Reading registers and panels: bytes, a path (CSV or a workbook) or a DataFrame/Arrow table
//! (as cells, [`crate::frame`]), as one layout or told apart, through the core's one entry
//! point ([`koperasi::io::read_input_as`], [`koperasi::io::read_cells`]).

use crate::convert::{opt_date, opt_kode, ser};
use crate::errors::{OrRaise, invalid, io_err};
use crate::register::PyRegister;
use crate::stats::PyPanel;
use koperasi::io::{Layout, ReadOptions, Table};
use koperasi::locale::DecimalMark;
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3_arrow::input::AnyRecordBatch;

/// Read options from the keyword arguments shared by the readers.
pub fn read_options(
    py: Python<'_>,
    mapping: Vec<(String, String)>,
    delimiter: Option<&str>,
    region: Option<&str>,
    decimal: Option<&str>,
) -> PyResult<ReadOptions> {
    let decimal = decimal
        .map(|d| {
            DecimalMark::from_name(d).ok_or_else(|| {
                let names = DecimalMark::NAMES.join(", ");
                let m = format!("decimal must be one of {names}, got `{d}`");
                invalid(py, "invalid_decimal", Some(d.to_string()), m)
            })
        })
        .transpose()?;
    let delimiter = match delimiter.map(str::as_bytes) {
        None => None,
        Some([b]) => Some(*b),
        Some(_) => {
            let d = delimiter.unwrap_or_default();
            let m = format!("the delimiter must be one ASCII character, got `{d}`");
            return Err(invalid(py, "invalid_delimiter", Some(d.to_string()), m));
        }
    };
    let region = opt_kode(py, region)?;
    Ok(ReadOptions {
        mapping,
        delimiter,
        region,
        decimal,
        ..ReadOptions::default()
    })
}

/// `o` with the period given for a table with no period column and the wide flag.
pub fn shape_options(
    py: Python<'_>,
    mut o: ReadOptions,
    period: Option<&str>,
    wide: bool,
) -> PyResult<ReadOptions> {
    o.period = period.map(|p| crate::convert::period(py, p)).transpose()?;
    o.wide = wide;
    Ok(o)
}

/// The bytes given, or the file at `path` opened (and streamed).
pub fn source<'a>(
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

/// A register or a panel from `data`, `path` or `table` (a DataFrame or Arrow table, read as
/// cells), as `layout` (`"register"`, `"panel"`; `None`: told apart) -> `(kind, register or
/// panel, read report)`.
#[pyfunction]
#[pyo3(signature = (data=None, path=None, table=None, layout=None, mapping=vec![], delimiter=None, region=None, sheet=None, decimal=None, period=None, wide=false, data_as_of=None))]
#[allow(clippy::too_many_arguments)] // the keyword arguments of the Python function
pub fn read<'py>(
    py: Python<'py>,
    data: Option<&[u8]>,
    path: Option<&str>,
    table: Option<AnyRecordBatch>,
    layout: Option<&str>,
    mapping: Vec<(String, String)>,
    delimiter: Option<&str>,
    region: Option<&str>,
    sheet: Option<&str>,
    decimal: Option<&str>,
    period: Option<&str>,
    wide: bool,
    data_as_of: Option<&str>,
) -> PyResult<(&'static str, Bound<'py, PyAny>, Bound<'py, PyAny>)> {
    let o = read_options(py, mapping, delimiter, region, decimal)?;
    let mut o = shape_options(py, o, period, wide)?;
    o.data_as_of = opt_date(py, data_as_of)?;
    let layout = layout.map(|l| match l {
        "panel" => Layout::Panel,
        _ => Layout::Register,
    });
    let read = match table {
        Some(t) => crate::frame::read(py, t, layout, &o)?,
        None => koperasi::io::read_input_as(source(py, data, path)?, path, sheet, layout, &o),
    };
    match read.or_raise(py)? {
        Table::Register(r, rep) => Ok((
            "register",
            Bound::new(py, PyRegister(r))?.into_any(),
            ser(py, &rep)?,
        )),
        Table::Panel(p, rep) => Ok((
            "panel",
            Bound::new(py, PyPanel(p))?.into_any(),
            ser(py, &rep)?,
        )),
    }
}

/// `register` or `panel`, by the header row of `csv_text`.
#[pyfunction]
#[pyo3(signature = (csv_text, mapping=vec![], delimiter=None))]
pub fn detect_layout(
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
