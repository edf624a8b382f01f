//! Tables out as Arrow: a [`PyTable`] holds one Arrow record batch and hands it on through the
//! Arrow PyCapsule interface (`__arrow_c_stream__`, `__arrow_c_schema__`), so that
//! `pyarrow.table(t)`, `polars.from_arrow(t)` and DuckDB take it without a decoder of ours.
//! Dates are `date32`, amounts in sen `int64`, codes dictionary-encoded strings. Built from
//! the core's results by `serde_arrow` ([`rows`], [`assessments`]) or, for the tables that are
//! not one struct per row, from their columns ([`count_table`], [`panel`], [`status_series`]).

use arrow_array::builder::StringDictionaryBuilder;
use arrow_array::types::Int32Type;
use arrow_array::{
    Array, ArrayRef, BooleanArray, Date32Array, Float64Array, Int32Array, Int64Array, ListArray,
    RecordBatch, StringArray, StructArray, UInt32Array, UInt64Array, make_array,
};
use arrow_buffer::NullBuffer;
use arrow_schema::{ArrowError, DataType, Field, FieldRef, Schema};
use koperasi::register::{CountTable, Register};
use koperasi::status::{Assessment, AssessmentRow, Status};
use pyo3::IntoPyObjectExt;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyCapsule, PyDict, PyList};
use pyo3_arrow::ffi::{ArrayIterator, to_schema_pycapsule, to_stream_pycapsule};
use serde::Serialize;
use serde_arrow::schema::{SchemaLike, TracingOptions};
use std::sync::Arc;

/// A table of results as one Arrow record batch (see the module's doc).
#[pyclass(frozen, name = "Table", module = "koperasi._koperasi")]
pub struct PyTable(pub RecordBatch);

fn arrow_err(e: impl std::fmt::Display) -> PyErr {
    PyValueError::new_err(format!("arrow: {e}"))
}

#[pymethods]
impl PyTable {
    fn __len__(&self) -> usize {
        self.0.num_rows()
    }
    /// The column names, in order.
    #[getter]
    fn column_names(&self) -> Vec<String> {
        let schema = self.0.schema();
        schema.fields().iter().map(|f| f.name().clone()).collect()
    }
    /// The schema as an Arrow PyCapsule.
    fn __arrow_c_schema__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyCapsule>> {
        Ok(to_schema_pycapsule(py, self.0.schema().as_ref())?)
    }
    /// The table as an Arrow C stream PyCapsule (one record batch).
    #[pyo3(signature = (requested_schema=None))]
    fn __arrow_c_stream__<'py>(
        &self,
        py: Python<'py>,
        requested_schema: Option<Bound<'py, PyCapsule>>,
    ) -> PyResult<Bound<'py, PyCapsule>> {
        let schema = self.0.schema();
        let field = Field::new_struct("", schema.fields().clone(), false)
            .with_metadata(schema.metadata().clone());
        let batch: ArrayRef = Arc::new(StructArray::from(self.0.clone()));
        let reader = ArrayIterator::new(std::iter::once(Ok(batch)), Arc::new(field));
        Ok(to_stream_pycapsule(py, Box::new(reader), requested_schema)?)
    }
    /// The columns as a dict of lists (no pyarrow needed): `date32` as `datetime.date`,
    /// dictionary strings as `str`, nulls as `None`.
    fn to_pydict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        let schema = self.0.schema();
        for (f, col) in schema.fields().iter().zip(self.0.columns()) {
            d.set_item(f.name(), column_list(py, col.as_ref())?)?;
        }
        Ok(d)
    }
}

/// One Arrow column as a Python list: `date32` as `datetime.date`, dictionary strings as
/// `str`, lists as lists, structs as dicts, nulls as `None`.
fn column_list<'py>(py: Python<'py>, col: &dyn Array) -> PyResult<Bound<'py, PyList>> {
    PyList::new(py, cells(py, col)?)
}

/// The cells of one Arrow column as Python objects (see [`column_list`]).
fn cells<'py>(py: Python<'py>, col: &dyn Array) -> PyResult<Vec<Bound<'py, PyAny>>> {
    fn each<'py, T: IntoPyObject<'py>>(
        py: Python<'py>,
        col: &dyn Array,
        get: impl Fn(usize) -> PyResult<T>,
    ) -> PyResult<Vec<Bound<'py, PyAny>>> {
        (0..col.len())
            .map(|i| match col.is_null(i) {
                true => Ok(py.None().into_bound(py)),
                false => get(i)?.into_bound_py_any(py),
            })
            .collect()
    }
    macro_rules! by_type {
        ($($t:ty => |$a:ident, $i:ident| $get:expr),* $(,)?) => {$(
            if let Some($a) = col.as_any().downcast_ref::<$t>() {
                return each(py, col, |$i| Ok($get));
            }
        )*};
    }
    by_type!(
        StringArray => |a, i| a.value(i),
        Int64Array => |a, i| a.value(i),
        Int32Array => |a, i| a.value(i),
        UInt64Array => |a, i| a.value(i),
        Float64Array => |a, i| a.value(i),
        BooleanArray => |a, i| a.value(i),
        Date32Array => |a, i| a.value_as_date(i),
        ListArray => |a, i| column_list(py, a.value(i).as_ref())?,
    );
    if let Some(s) = col.as_any().downcast_ref::<StructArray>() {
        let names = s.column_names();
        let children = s
            .columns()
            .iter()
            .map(|c| cells(py, c.as_ref()))
            .collect::<PyResult<Vec<_>>>()?;
        return each(py, col, |i| {
            let d = PyDict::new(py);
            for (name, child) in names.iter().zip(&children) {
                d.set_item(name, &child[i])?;
            }
            Ok(d)
        });
    }
    match col.data_type() {
        DataType::Null => Ok(vec![py.None().into_bound(py); col.len()]),
        DataType::Dictionary(..) => {
            let text = arrow_cast::cast(col, &DataType::Utf8).map_err(arrow_err)?;
            cells(py, text.as_ref())
        }
        other => Err(arrow_err(format!("no list for {other}"))),
    }
}

/// A batch of named columns.
fn batch(columns: Vec<(&str, ArrayRef)>) -> PyResult<PyTable> {
    RecordBatch::try_from_iter(columns)
        .map(PyTable)
        .map_err(|e: ArrowError| arrow_err(e))
}

/// A count table: one `utf8` column per field (null = unknown), then `count` (`uint64`).
pub fn count_table(t: &CountTable) -> PyResult<PyTable> {
    let names: Vec<&str> = t.fields.iter().map(|f| f.as_str()).collect();
    let mut columns: Vec<(&str, ArrayRef)> = Vec::new();
    for (i, name) in names.iter().enumerate() {
        let cells = t.rows.iter().map(|(key, _)| key.get(i).cloned().flatten());
        columns.push((name, Arc::new(cells.collect::<StringArray>())));
    }
    let counts: UInt64Array = t.rows.iter().map(|(_, n)| *n).collect();
    columns.push(("count", Arc::new(counts)));
    batch(columns)
}

/// Totals by period ([`koperasi::stats::Panel::totals_by_period`]): `period` (canonical
/// text), then one `int64` column per measure of `measures` (null where no row of the period
/// has it).
pub fn period_totals(
    totals: &[(
        koperasi::stats::Period,
        std::collections::BTreeMap<String, i64>,
    )],
    measures: &[&str],
) -> PyResult<PyTable> {
    let period: StringArray = totals.iter().map(|(p, _)| Some(p.to_string())).collect();
    let mut columns: Vec<(&str, ArrayRef)> = vec![("period", Arc::new(period))];
    for m in measures {
        let values: Int64Array = totals.iter().map(|(_, t)| t.get(*m).copied()).collect();
        columns.push((m, Arc::new(values)));
    }
    batch(columns)
}

/// The assessments of `register` (row `i` is record `i`), one
/// [`koperasi::status::AssessmentRow`] each: `line` (`int64`), `source_id`, `name` (`utf8`),
/// `as_of` (`date32`), `status` (dictionary of every status, in [`Status::ALL`] order), the
/// deciding reason's `reason`, `label_id`, `label_en`,
/// `detail`, `detail_id` and `reason_codes` (dictionaries), `identified` and
/// `rat_for_last_closed_year` (`bool`), `latest_rat_book_year`, `rat_window_first`,
/// `rat_window_last` (`int32`).
pub fn assessments(rows: &[Assessment], register: &Register) -> PyResult<PyTable> {
    let flat: Vec<AssessmentRow> = (register.records.iter().zip(rows))
        .map(|(k, a)| AssessmentRow::new(k, a))
        .collect();
    let dict = DataType::Dictionary(Box::new(DataType::Int32), Box::new(DataType::Utf8));
    let (int, text, flag) = (DataType::Int32, DataType::Utf8, DataType::Boolean);
    let fields: Vec<FieldRef> = [
        ("line", DataType::Int64),
        ("source_id", text.clone()),
        ("name", text),
        ("as_of", DataType::Date32),
        ("status", dict.clone()),
        ("reason", dict.clone()),
        ("label_id", dict.clone()),
        ("label_en", dict.clone()),
        ("detail", dict.clone()),
        ("detail_id", dict.clone()),
        ("reason_codes", dict),
        ("identified", flag.clone()),
        ("latest_rat_book_year", int.clone()),
        ("rat_window_first", int.clone()),
        ("rat_window_last", int),
        ("rat_for_last_closed_year", flag),
    ]
    .into_iter()
    .map(|(name, t)| Arc::new(Field::new(name, t, true)))
    .collect();
    let batch = serde_arrow::to_record_batch(&fields, &flat).map_err(arrow_err)?;
    // `status`: a dictionary of every status, in `Status::ALL` order (a categorical of them all)
    let all = StringArray::from_iter_values(Status::ALL.iter().map(|s| s.code()));
    let mut status = StringDictionaryBuilder::<Int32Type>::new_with_dictionary(rows.len(), &all)
        .map_err(arrow_err)?;
    rows.iter()
        .for_each(|a| status.append_value(a.status.code()));
    let mut columns = batch.columns().to_vec();
    columns[4] = Arc::new(status.finish());
    RecordBatch::try_new(batch.schema(), columns)
        .map(PyTable)
        .map_err(arrow_err)
}

/// A date as Arrow `date32`: days since 1970-01-01.
fn date32(d: koperasi::NaiveDate) -> i32 {
    let epoch = koperasi::NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or_default();
    i32::try_from((d - epoch).num_days()).unwrap_or(i32::MAX)
}

/// Rows of a core result as a table, by `serde_arrow` on their serde JSON shape (so that
/// skipped and optional fields, maps and tagged enums trace as JSON does): nested objects
/// flattened into dotted columns (`location.kecamatan`, `members.total`), lists (`rat`,
/// `reasons`) as Arrow lists (their objects as structs), numbers as `int64` or `float64`,
/// text as `utf8`. The paths named in `dates` (dotted, list elements by their list's name:
/// `rat.date`), ISO text in serde, are `date32`. No rows: a table with no column.
pub fn rows<T: Serialize>(rows: &[T], dates: &[&str]) -> PyResult<PyTable> {
    let values = rows
        .iter()
        .map(serde_json::to_value)
        .collect::<Result<Vec<_>, _>>()
        .map_err(arrow_err)?;
    if values.is_empty() {
        return Ok(PyTable(RecordBatch::new_empty(Arc::new(Schema::empty()))));
    }
    let options = TracingOptions::default()
        .allow_null_fields(true)
        .coerce_numbers(true)
        .strings_as_large_utf8(false)
        .sequence_as_large_list(false);
    let fields = Vec::<FieldRef>::from_samples(&values, options).map_err(arrow_err)?;
    let fields: Vec<FieldRef> = fields
        .iter()
        .map(|f| as_dates(f, f.name(), dates))
        .collect();
    let batch = serde_arrow::to_record_batch(&fields, &values).map_err(arrow_err)?;
    let mut columns = Vec::new();
    for (f, col) in batch.schema().fields().iter().zip(batch.columns()) {
        flatten(f.name(), col.clone(), None, &mut columns).map_err(arrow_err)?;
    }
    // JSON objects hold their keys sorted: the columns in the order of the struct's fields,
    // as serde_arrow traces them from the first row.
    let typed = TracingOptions::default().allow_null_fields(true);
    if let Ok(order) = Vec::<FieldRef>::from_samples(&rows[..1], typed) {
        let at = |name: &str| {
            order
                .iter()
                .position(|f| f.name() == name.split('.').next().unwrap_or(name))
        };
        columns.sort_by_key(|(name, _)| at(name).unwrap_or(usize::MAX));
    }
    RecordBatch::try_from_iter(columns)
        .map(PyTable)
        .map_err(arrow_err)
}

/// `f` with the text at the paths of `dates` typed `date32` and unsigned integers `int64`
/// (amounts in sen and counts alike; see [`rows`]).
fn as_dates(f: &FieldRef, path: &str, dates: &[&str]) -> FieldRef {
    let t = match f.data_type() {
        DataType::Utf8 | DataType::Null if dates.contains(&path) => DataType::Date32,
        DataType::UInt64 => DataType::Int64,
        DataType::Struct(children) => DataType::Struct(
            children
                .iter()
                .map(|c| as_dates(c, &format!("{path}.{}", c.name()), dates))
                .collect(),
        ),
        DataType::List(item) => DataType::List(as_dates(item, path, dates)),
        other => other.clone(),
    };
    Arc::new(f.as_ref().clone().with_data_type(t))
}

/// A column as top-level columns: a struct's fields as `name.field` (recursively, null where
/// the struct is null), any other column as it is.
fn flatten(
    name: &str,
    col: ArrayRef,
    parent: Option<&NullBuffer>,
    out: &mut Vec<(String, ArrayRef)>,
) -> Result<(), ArrowError> {
    let nulls = NullBuffer::union(parent, col.nulls());
    if let Some(s) = col.as_any().downcast_ref::<StructArray>() {
        for (f, child) in s.fields().iter().zip(s.columns()) {
            flatten(
                &format!("{name}.{}", f.name()),
                child.clone(),
                nulls.as_ref(),
                out,
            )?;
        }
        return Ok(());
    }
    let col = match parent {
        Some(_) if col.data_type() != &DataType::Null => {
            make_array(col.to_data().into_builder().nulls(nulls).build()?)
        }
        _ => col,
    };
    out.push((name.to_string(), col));
    Ok(())
}

/// A panel's rows ([`koperasi::stats::Panel::to_columns`]): `line` (`uint64`), `region`,
/// `region_code` (null when unresolved), `period` (canonical text), `period_end` (`date32`),
/// then one `int64` column per measure, sorted (null where a row lacks it); when any row has
/// them, `breakdown` (joined with ` > `), `is_parent` (`bool`) and one `utf8` column per rate
/// (exact decimal text, `54.34`).
pub fn panel(p: &koperasi::stats::Panel) -> PyResult<PyTable> {
    let c = p.to_columns();
    let mut columns: Vec<(String, ArrayRef)> = vec![
        ("line".into(), Arc::new(UInt64Array::from(c.line))),
        ("region".into(), Arc::new(StringArray::from(c.region))),
        (
            "region_code".into(),
            Arc::new(StringArray::from(c.region_code)),
        ),
        ("period".into(), Arc::new(StringArray::from(c.period))),
        (
            "period_end".into(),
            Arc::new(
                c.period_end
                    .iter()
                    .map(|d| d.map(date32))
                    .collect::<Date32Array>(),
            ),
        ),
    ];
    for (m, values) in c.measures {
        columns.push((m, Arc::new(Int64Array::from(values))));
    }
    if !c.breakdown.is_empty() {
        columns.push(("breakdown".into(), Arc::new(StringArray::from(c.breakdown))));
    }
    if !c.is_parent.is_empty() {
        columns.push((
            "is_parent".into(),
            Arc::new(BooleanArray::from(c.is_parent)),
        ));
    }
    for (m, values) in c.rates {
        columns.push((m, Arc::new(StringArray::from(values))));
    }
    RecordBatch::try_from_iter(columns)
        .map(PyTable)
        .map_err(arrow_err)
}

/// The long columns of a status series ([`koperasi::demography::StatusSeries::to_columns`]):
/// `date` (`date32`), one `utf8` column per breakdown field (null = unknown), `status` (its
/// code), `count` (`uint64`).
pub fn status_series(c: koperasi::demography::StatusSeriesColumns) -> PyResult<PyTable> {
    let date: Date32Array = c.date.iter().map(|d| Some(date32(*d))).collect();
    let mut columns: Vec<(String, ArrayRef)> = vec![("date".into(), Arc::new(date))];
    for (field, values) in c.breakdown {
        columns.push((field.as_str().into(), Arc::new(StringArray::from(values))));
    }
    let status: StringArray = c.status.iter().map(|s| Some(s.code())).collect();
    columns.push(("status".into(), Arc::new(status)));
    columns.push(("count".into(), Arc::new(UInt64Array::from(c.count))));
    RecordBatch::try_from_iter(columns)
        .map(PyTable)
        .map_err(arrow_err)
}

/// `t` with its list column `column` (when there is one) split into one column per name of
/// `names`, `column.name`, holding the list's item at that position (null past its end): a
/// cohort's `survivors` by year after founding, a member's SHU `amounts` by pool.
pub fn widen(t: PyTable, column: &str, names: &[String]) -> PyResult<PyTable> {
    let b = t.0;
    let Ok(at) = b.schema().index_of(column) else {
        return Ok(PyTable(b));
    };
    let Some(list) = b.column(at).as_any().downcast_ref::<ListArray>() else {
        return Err(arrow_err(format!("`{column}` is not a list column")));
    };
    let offsets = list.value_offsets();
    let mut parts: Vec<(String, ArrayRef)> = Vec::new();
    for (j, name) in names.iter().enumerate() {
        let index: UInt32Array = (0..list.len())
            .map(|r| {
                let i = usize::try_from(offsets[r])
                    .unwrap_or(usize::MAX)
                    .saturating_add(j);
                let end = usize::try_from(offsets[r + 1]).unwrap_or(0);
                (list.is_valid(r) && i < end)
                    .then(|| u32::try_from(i).ok())
                    .flatten()
            })
            .collect();
        let cells = arrow_select::take::take(list.values(), &index, None).map_err(arrow_err)?;
        parts.push((format!("{column}.{name}"), cells));
    }
    let schema = b.schema();
    let mut columns: Vec<(String, ArrayRef)> = Vec::new();
    for (i, (f, col)) in schema.fields().iter().zip(b.columns()).enumerate() {
        if i == at {
            columns.append(&mut parts);
        } else {
            columns.push((f.name().clone(), col.clone()));
        }
    }
    RecordBatch::try_from_iter(columns)
        .map(PyTable)
        .map_err(arrow_err)
}

/// A result that is a struct of equal-length lists (`SurvivalData`, `KaplanMeier`) as a
/// table of its lists named in `names` (space-separated), in that order (see [`rows`]).
pub fn columns<T: Serialize>(x: &T, names: &str) -> PyResult<PyTable> {
    let names: Vec<&str> = names.split_whitespace().collect();
    let v = serde_json::to_value(x).map_err(arrow_err)?;
    let lists = names
        .iter()
        .map(|n| v.get(n).and_then(serde_json::Value::as_array))
        .collect::<Option<Vec<_>>>()
        .ok_or_else(|| arrow_err("a column is not a list"))?;
    let n = lists.first().map_or(0, |l| l.len());
    let cell = |l: &Vec<serde_json::Value>, i: usize| l.get(i).cloned().unwrap_or_default();
    let table: Vec<serde_json::Map<String, serde_json::Value>> = (0..n)
        .map(|i| {
            names
                .iter()
                .zip(&lists)
                .map(|(k, l)| (k.to_string(), cell(l, i)))
                .collect()
        })
        .collect();
    let t = rows(&table, &[])?.0;
    let schema = t.schema();
    let order = names
        .iter()
        .map(|n| schema.index_of(n))
        .collect::<Result<Vec<_>, _>>();
    match order {
        Ok(order) => t.project(&order).map(PyTable).map_err(arrow_err),
        Err(_) => Ok(PyTable(t)),
    }
}
