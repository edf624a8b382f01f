//! DataFrames and Arrow tables in: anything with `__arrow_c_stream__` (a polars or pandas
//! DataFrame, a pyarrow Table) read through `pyo3-arrow` and handed to the core's register
//! and panel readers as cells ([`koperasi::io::read_cells`]), without CSV text in between.
//! Each column is made one string-view array (`arrow-cast`: text as it is, dates as ISO,
//! numbers as their digits; `arrow-select` joins the batches), so a cell is one look-up; a
//! null cell is an empty cell.

use arrow_array::{Array, ArrayRef, RecordBatch, StringViewArray};
use arrow_schema::{ArrowError, DataType, Schema};
use koperasi::io::{Layout, ReadOptions, Table};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3_arrow::input::AnyRecordBatch;

/// A table as text cells: its column names and one string-view array per column.
struct Cells {
    headers: Vec<String>,
    columns: Vec<StringViewArray>,
    rows: usize,
}

impl Cells {
    /// The cells of `batches` (read from the stream while the GIL is held: the producer may
    /// need it), cast and joined without it.
    fn of(py: Python<'_>, table: AnyRecordBatch) -> PyResult<Result<Cells, ArrowError>> {
        let reader = table.into_reader()?;
        let schema = reader.schema();
        let batches = reader.collect::<Result<Vec<RecordBatch>, _>>();
        Ok(py.detach(|| Cells::cast(&schema, batches?)))
    }

    fn cast(schema: &Schema, batches: Vec<RecordBatch>) -> Result<Cells, ArrowError> {
        let mut columns = Vec::new();
        for i in 0..schema.fields().len() {
            let parts = batches
                .iter()
                .map(|b| arrow_cast::cast(b.column(i), &DataType::Utf8View))
                .collect::<Result<Vec<ArrayRef>, _>>()?;
            let parts: Vec<&dyn Array> = parts.iter().map(|a| a.as_ref()).collect();
            let joined = match parts.as_slice() {
                [one] => one.to_data(),
                _ => arrow_select::concat::concat(&parts)?.to_data(),
            };
            columns.push(StringViewArray::from(joined));
        }
        let rows = columns.first().map_or(0, |c| c.len());
        let headers = schema.fields().iter().map(|f| f.name().clone()).collect();
        Ok(Cells {
            headers,
            columns,
            rows,
        })
    }

    /// The cell at (`row`, `col`): `""` when null.
    fn cell(&self, row: usize, col: usize) -> &str {
        match self.columns.get(col) {
            Some(c) if c.is_valid(row) => c.value(row),
            _ => "",
        }
    }
}

/// `table` read from its cells as `layout` (`None`: as its column names tell,
/// [`koperasi::io::read_cells`]), the GIL released while the core reads; the outer error is
/// Arrow's (the stream cannot be read), the inner one the reader's.
pub fn read(
    py: Python<'_>,
    table: AnyRecordBatch,
    layout: Option<Layout>,
    options: &ReadOptions,
) -> PyResult<Result<Table, koperasi::error::ReadError>> {
    let cells = Cells::of(py, table)?
        .map_err(|e| PyValueError::new_err(format!("cannot read the table through Arrow: {e}")))?;
    let cell = |r, c| cells.cell(r, c);
    Ok(py.detach(|| koperasi::io::read_cells(&cells.headers, cells.rows, cell, layout, options)))
}
