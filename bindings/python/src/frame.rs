//! DataFrames and Arrow tables in: anything with `__arrow_c_stream__` (a polars or pandas
//! DataFrame, a pyarrow Table) read through `pyo3-arrow` and handed to the core's register
//! and panel readers as cells ([`koperasi::io::read_cells`]), without CSV text in between.
//! Text columns are used as they are; other columns are cast to text by Arrow (`arrow-cast`:
//! dates as ISO, numbers as their digits); a null cell is an empty cell.

use arrow_array::{Array, LargeStringArray, RecordBatch, StringArray, StringViewArray};
use arrow_schema::DataType;
use koperasi::io::{Layout, ReadOptions, Table};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3_arrow::input::AnyRecordBatch;

/// One column of one batch as text.
enum Text {
    Utf8(StringArray),
    Large(LargeStringArray),
    View(StringViewArray),
}

impl Text {
    fn of(col: &dyn Array) -> Result<Text, arrow_schema::ArrowError> {
        let any = col.as_any();
        if let Some(a) = any.downcast_ref::<StringViewArray>() {
            return Ok(Text::View(a.clone()));
        }
        if let Some(a) = any.downcast_ref::<LargeStringArray>() {
            return Ok(Text::Large(a.clone()));
        }
        if let Some(a) = any.downcast_ref::<StringArray>() {
            return Ok(Text::Utf8(a.clone()));
        }
        let text = arrow_cast::cast(col, &DataType::Utf8)?;
        Text::of(text.as_ref())
    }

    /// The cell at `i`: `""` when null.
    fn get(&self, i: usize) -> &str {
        match self {
            Text::Utf8(a) if a.is_valid(i) => a.value(i),
            Text::Large(a) if a.is_valid(i) => a.value(i),
            Text::View(a) if a.is_valid(i) => a.value(i),
            _ => "",
        }
    }
}

/// A table as text cells: each batch's columns, and the first row of each batch.
struct Cells {
    headers: Vec<String>,
    batches: Vec<Vec<Text>>,
    starts: Vec<usize>,
    rows: usize,
}

impl Cells {
    fn of(table: AnyRecordBatch) -> PyResult<Cells> {
        let reader = table.into_reader()?;
        let schema = reader.schema();
        let headers = schema.fields().iter().map(|f| f.name().clone()).collect();
        let (mut batches, mut starts, mut rows) = (Vec::new(), Vec::new(), 0);
        for batch in reader {
            let batch: RecordBatch = batch.map_err(arrow_err)?;
            let cols = batch
                .columns()
                .iter()
                .map(|c| Text::of(c.as_ref()))
                .collect::<Result<Vec<_>, _>>()
                .map_err(arrow_err)?;
            starts.push(rows);
            rows += batch.num_rows();
            batches.push(cols);
        }
        Ok(Cells {
            headers,
            batches,
            starts,
            rows,
        })
    }

    fn cell(&self, row: usize, col: usize) -> &str {
        let b = self.starts.partition_point(|s| *s <= row).saturating_sub(1);
        let start = self.starts.get(b).copied().unwrap_or(0);
        self.batches
            .get(b)
            .and_then(|cols| cols.get(col))
            .map_or("", |t| t.get(row - start))
    }
}

fn arrow_err(e: arrow_schema::ArrowError) -> PyErr {
    PyValueError::new_err(format!("cannot read the table through Arrow: {e}"))
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
    let cells = Cells::of(table)?;
    Ok(py.detach(|| {
        koperasi::io::read_cells(
            &cells.headers,
            cells.rows,
            |r, c| cells.cell(r, c),
            layout,
            options,
        )
    }))
}
