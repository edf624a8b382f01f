//! Tables out as Arrow: a [`PyTable`] holds one Arrow record batch and hands it on through the
//! Arrow PyCapsule interface (`__arrow_c_stream__`, `__arrow_c_schema__`), so that
//! `pyarrow.table(t)`, `polars.from_arrow(t)` and DuckDB take it without a decoder of ours.
//! Dates are `date32`, amounts in sen `int64`, codes dictionary-encoded strings. Built from
//! the core's results by `serde_arrow` ([`from_serde`]) or, for the tables that are not one
//! struct per row, by Arrow's builders ([`count_table`], [`assessments`]).

use arrow_array::builder::{BooleanBuilder, Int32Builder, StringBuilder, StringDictionaryBuilder};
use arrow_array::types::Int32Type;
use arrow_array::{
    Array, ArrayRef, BooleanArray, Date32Array, Float64Array, Int32Array, Int64Array, RecordBatch,
    StringArray, StructArray, UInt64Array,
};
use arrow_schema::{ArrowError, DataType, Field, FieldRef};
use koperasi::register::{CountTable, Register};
use koperasi::status::{Assessment, Status};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyCapsule, PyDict, PyList};
use pyo3_arrow::ffi::{ArrayIterator, to_schema_pycapsule, to_stream_pycapsule};
use serde::{Deserialize, Serialize};
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
            d.set_item(f.name(), column_list(py, col)?)?;
        }
        Ok(d)
    }
}

/// One Arrow column as a Python list, for the types the tables of this module use.
fn column_list<'py>(py: Python<'py>, col: &ArrayRef) -> PyResult<Bound<'py, PyList>> {
    fn list<'py, T: IntoPyObject<'py>>(
        py: Python<'py>,
        col: &dyn Array,
        get: impl Fn(usize) -> T,
    ) -> PyResult<Bound<'py, PyList>> {
        let items = (0..col.len()).map(|i| (!col.is_null(i)).then(|| get(i)));
        PyList::new(py, items)
    }
    let any = col.as_any();
    if let Some(a) = any.downcast_ref::<StringArray>() {
        return list(py, a, |i| a.value(i));
    }
    if let DataType::Dictionary(..) = col.data_type() {
        let text = arrow_cast::cast(col, &DataType::Utf8).map_err(arrow_err)?;
        return column_list(py, &text);
    }
    if let Some(a) = any.downcast_ref::<Int64Array>() {
        return list(py, a, |i| a.value(i));
    }
    if let Some(a) = any.downcast_ref::<Int32Array>() {
        return list(py, a, |i| a.value(i));
    }
    if let Some(a) = any.downcast_ref::<UInt64Array>() {
        return list(py, a, |i| a.value(i));
    }
    if let Some(a) = any.downcast_ref::<Float64Array>() {
        return list(py, a, |i| a.value(i));
    }
    if let Some(a) = any.downcast_ref::<BooleanArray>() {
        return list(py, a, |i| a.value(i));
    }
    if let Some(a) = any.downcast_ref::<Date32Array>() {
        return list(py, a, |i| a.value_as_date(i));
    }
    Err(arrow_err(format!("no list for {}", col.data_type())))
}

/// Rows of a core result struct as a table, by `serde_arrow`: the schema traced from the
/// rows (strings as `utf8`, unit enums such as `Status` as dictionary strings), the fields
/// named in `dates` (serialised as ISO text) as `date32`, those in `texts` (types read from
/// checked text, such as a region code or a period) as `utf8`.
pub fn from_serde<T>(rows: &[T], dates: &[&str], texts: &[&str]) -> PyResult<PyTable>
where
    T: Serialize + for<'de> Deserialize<'de>,
{
    let mut options = TracingOptions::default()
        .enums_without_data_as_strings(true)
        .strings_as_large_utf8(false);
    let typed =
        |name: &str, t: &str| serde_json::json!({"name": name, "data_type": t, "nullable": true});
    for name in dates {
        options = options
            .overwrite(*name, typed(name, "Date32"))
            .map_err(arrow_err)?;
    }
    for name in texts {
        options = options
            .overwrite(*name, typed(name, "Utf8"))
            .map_err(arrow_err)?;
    }
    // Traced from the rows (a type read from checked text cannot be traced from the type
    // alone); an empty table from the type.
    let fields = if rows.is_empty() {
        Vec::<FieldRef>::from_type::<T>(options)
    } else {
        Vec::<FieldRef>::from_samples(rows, options.allow_null_fields(true))
    }
    .map_err(arrow_err)?;
    let batch = serde_arrow::to_record_batch(&fields, &rows).map_err(arrow_err)?;
    Ok(PyTable(batch))
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

/// Dictionary-encoded strings.
type Dict = StringDictionaryBuilder<Int32Type>;

/// The assessments of `register` (row `i` is record `i`), one row each: the record's `line`
/// (`int64`, null when not read from a file), `source_id`, `name`; `as_of` (`date32`);
/// `status` (dictionary of every status, in [`Status::ALL`] order); the deciding (first)
/// reason's `reason`, `label_id`, `label_en`, `detail`, `detail_id`, and every reason code
/// `;`-joined as `reason_codes` (dictionaries); `identified` and `rat_for_last_closed_year`
/// (`bool`); `latest_rat_book_year`, `rat_window_first`, `rat_window_last` (`int32`).
pub fn assessments(
    rows: &[Assessment],
    as_of: koperasi::NaiveDate,
    register: &Register,
) -> PyResult<PyTable> {
    let n = rows.len();
    let records = &register.records;
    let line: Int64Array = records
        .iter()
        .map(|k| k.source_line.and_then(|l| i64::try_from(l).ok()))
        .collect();
    let mut source_id = StringBuilder::with_capacity(n, 8 * n);
    let mut name = StringBuilder::with_capacity(n, 40 * n);
    for k in records {
        source_id.append_option(k.source_id.as_deref());
        name.append_value(&k.name);
    }
    let day = Date32Array::from(vec![date32(as_of); n]);
    let all = StringArray::from(Status::ALL.iter().map(|s| s.code()).collect::<Vec<_>>());
    let mut status =
        StringDictionaryBuilder::<Int32Type>::new_with_dictionary(n, &all).map_err(arrow_err)?;
    let mut reason: [Dict; 6] = std::array::from_fn(|_| Dict::new());
    let mut identified = BooleanBuilder::with_capacity(n);
    let mut last_closed = BooleanBuilder::with_capacity(n);
    let mut ints: [Int32Builder; 3] = std::array::from_fn(|_| Int32Builder::with_capacity(n));
    let mut codes = String::new();
    for a in rows {
        status.append_value(a.status.code());
        let first = a.reasons.first();
        let text = |f: fn(&koperasi::status::Reason) -> &str| first.map_or("", f);
        codes.clear();
        for (i, r) in a.reasons.iter().enumerate() {
            if i > 0 {
                codes.push(';');
            }
            codes.push_str(&r.code);
        }
        let cells = [
            text(|r| &r.code),
            text(|r| &r.label_id),
            text(|r| &r.label_en),
            text(|r| &r.detail),
            text(|r| &r.detail_id),
            &codes,
        ];
        for (b, v) in reason.iter_mut().zip(cells) {
            b.append_value(v);
        }
        identified.append_option(a.identified);
        last_closed.append_option(a.rat_for_last_closed_year);
        let [latest, first_year, last_year] = &mut ints;
        latest.append_option(a.latest_rat_book_year);
        first_year.append_option(a.rat_window.map(|w| w.0));
        last_year.append_option(a.rat_window.map(|w| w.1));
    }
    let [
        r_code,
        r_label_id,
        r_label_en,
        r_detail,
        r_detail_id,
        r_codes,
    ] = reason;
    let [latest, first_year, last_year] = ints;
    let dict = |mut b: Dict| -> ArrayRef { Arc::new(b.finish()) };
    let int = |mut b: Int32Builder| -> ArrayRef { Arc::new(b.finish()) };
    batch(vec![
        ("line", Arc::new(line)),
        ("source_id", Arc::new(source_id.finish())),
        ("name", Arc::new(name.finish())),
        ("as_of", Arc::new(day)),
        ("status", Arc::new(status.finish())),
        ("reason", dict(r_code)),
        ("label_id", dict(r_label_id)),
        ("label_en", dict(r_label_en)),
        ("detail", dict(r_detail)),
        ("detail_id", dict(r_detail_id)),
        ("reason_codes", dict(r_codes)),
        ("identified", Arc::new(identified.finish())),
        ("latest_rat_book_year", int(latest)),
        ("rat_window_first", int(first_year)),
        ("rat_window_last", int(last_year)),
        ("rat_for_last_closed_year", Arc::new(last_closed.finish())),
    ])
}

/// A date as Arrow `date32`: days since 1970-01-01.
fn date32(d: koperasi::NaiveDate) -> i32 {
    let epoch = koperasi::NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or_default();
    i32::try_from((d - epoch).num_days()).unwrap_or(i32::MAX)
}
