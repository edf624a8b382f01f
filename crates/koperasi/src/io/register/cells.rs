//! Reading a register from cells already split into rows and columns (a DataFrame or an Arrow
//! table handed over by a binding), without writing CSV text: the same header mapping, row
//! rules, rejections and read report as the CSV reader ([`super::for_each_register_record`]).

use super::{DataRows, InOrder, drive, prepare};
use crate::error::ReadError;
use crate::io::{ReadOptions, ReadReport};
use crate::register::Register;

/// Read a register from `headers` and `rows` data rows whose cells `cell(row, column)` gives
/// (0-based; `""` for an empty or missing cell). Row `r` is numbered line `r + 2` in the report,
/// as in a CSV of the table written with its header on line 1 and nothing above it: the same
/// table read as such a CSV ([`super::read_register`]) gives the same register and the same
/// rejections at the same lines.
///
/// Returns the records that could be read, in row order, and a [`ReadReport`]
/// (`report.accepted + report.rejected.len() == report.rows_read`).
///
/// Errors: [`ReadError::Empty`] when every header is blank, and those of
/// [`super::read_register`] for the headers ([`ReadError::MissingColumn`],
/// [`ReadError::BadMapping`]) and limits ([`ReadOptions::limits`]).
pub fn read_register_cells<'a>(
    headers: &[String],
    rows: usize,
    cell: impl Fn(usize, usize) -> &'a str,
    options: &ReadOptions,
) -> Result<(Register, ReadReport), ReadError> {
    let headers = crate::io::headers::cell_headers(headers)?;
    let header_rec = csv::ByteRecord::from(headers.clone());
    options.limits.check_record(&header_rec, 0, 1)?;
    let cols = headers.len();
    let (schema, report) = prepare(headers, options, |tallies| {
        for r in 0..rows {
            tallies.add_row(|i| (i < cols).then(|| cell(r, i)));
        }
    })?;
    let mut records = InOrder::default();
    let mut source = Cells {
        cell,
        rows,
        cols,
        next: 0,
    };
    let report = drive(
        &schema,
        report,
        options,
        |i, k| records.push(i, k),
        &mut source,
    )?;
    Ok((
        Register {
            records: records.finish(),
        },
        report,
    ))
}

/// The data rows of [`read_register_cells`], one record at a time.
struct Cells<F> {
    cell: F,
    rows: usize,
    cols: usize,
    next: usize,
}

impl<'a, F: Fn(usize, usize) -> &'a str> DataRows for Cells<F> {
    fn next_row(&mut self, rec: &mut csv::ByteRecord) -> Result<Option<u64>, ReadError> {
        if self.next >= self.rows {
            return Ok(None);
        }
        rec.clear();
        for c in 0..self.cols {
            rec.push_field((self.cell)(self.next, c).as_bytes());
        }
        let line = u64::try_from(self.next)
            .unwrap_or(u64::MAX)
            .saturating_add(2);
        self.next += 1;
        Ok(Some(line))
    }
    fn end(&self) -> (bool, u64) {
        let last = u64::try_from(self.rows)
            .unwrap_or(u64::MAX)
            .saturating_add(1);
        (true, last)
    }
}
