//! Tables out as Arrow: a [`PyTable`] holds one Arrow record batch and hands it on through the
//! Arrow PyCapsule interface (`__arrow_c_stream__`, `__arrow_c_schema__`), so that
//! `pyarrow.table(t)`, `polars.from_arrow(t)` and DuckDB take it without a decoder of ours.
//! Dates are `date32`, amounts in sen `int64`, codes dictionary-encoded strings. Built from
//! the core's results by `serde_arrow` ([`crate::rows`]) or from their columns
//! ([`crate::tables`]); `to_pydict` gives the columns without pyarrow.

pub use crate::rows::{columns, rows, widen};
pub use crate::tables::{assessments, count_table, panel, period_totals, status_series};
use arrow_array::{
    Array, ArrayRef, BooleanArray, Date32Array, Float64Array, Int32Array, Int64Array, ListArray,
    RecordBatch, StringArray, StructArray, UInt64Array,
};
use arrow_schema::{DataType, Field};
use pyo3::IntoPyObjectExt;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyCapsule, PyDict, PyList};
use pyo3_arrow::ffi::{ArrayIterator, to_schema_pycapsule, to_stream_pycapsule};
use std::sync::Arc;

/// A table of results as one Arrow record batch (see the module's doc).
#[pyclass(frozen, name = "Table", module = "koperasi._koperasi")]
pub struct PyTable(pub RecordBatch);

/// An Arrow or serde_arrow error as a `ValueError`.
pub fn arrow_err(e: impl std::fmt::Display) -> PyErr {
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
