//! Caps against hostile or broken files: the size of one field, the number of rows, the size
//! of the input (and of a workbook once decompressed), the cells of a worksheet, and the
//! nesting depth of JSON documents.
//!
//! Every reader of this module checks them (see [`super::ReadOptions::limits`]) and stops with
//! [`ReadError::LimitExceeded`], which names the limit, the value found, the cap, and where.
//! The defaults are far above any real cooperative register (the national register has a few
//! hundred thousand rows) and are meant to stop only hostile or corrupt input.

use crate::error::ReadError;
use serde::{Deserialize, Serialize};

/// Caps a reader enforces. All are inclusive maxima; `Default` gives the values documented
/// on each field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct ReadLimits {
    /// Largest field (cell), in bytes of UTF-8 text. Default 1 MiB (1,048,576). The XLSX
    /// format itself stops at 32,767 characters per cell.
    pub max_field_bytes: usize,
    /// Most data rows (header and blank rows excluded). Default 5,000,000.
    pub max_rows: u64,
    /// Largest input, in bytes (a CSV file, or an XLSX/ODS file before decompression).
    /// Default 1 GiB (1,073,741,824).
    pub max_input_bytes: u64,
    /// Most cells in one worksheet (rows x columns of its used range: from the first to the
    /// last row and column holding a value), checked cell by cell while the sheet is read,
    /// before anything the size of the range is built. Default 16,000,000 (200,000 rows x 80
    /// columns; a real register has at most ~200,000 rows x ~60 columns). A workbook's memory
    /// is bounded by about 32 bytes x this, plus its text.
    pub max_cells: u64,
    /// Most bytes of a workbook (XLSX/ODS) once decompressed: the sum of its XML parts (sheets,
    /// shared strings, styles, ...), counted while they are inflated and before the
    /// spreadsheet reader sees them, so that a small zip that expands to gigabytes (a "zip
    /// bomb") is refused early. Default 256 MiB (268,435,456); a register of 200,000 rows x 60
    /// columns is about 150 MiB of sheet XML.
    pub max_decompressed_bytes: u64,
    /// Deepest nesting of arrays/objects in a JSON document (e.g. a status policy), checked by
    /// [`check_json_nesting`]. Default 32.
    pub max_nesting: usize,
}

impl Default for ReadLimits {
    fn default() -> Self {
        ReadLimits {
            max_field_bytes: 1 << 20,
            max_rows: 5_000_000,
            max_input_bytes: 1 << 30,
            max_cells: 16_000_000,
            max_decompressed_bytes: 256 << 20,
            max_nesting: 32,
        }
    }
}

/// The error for a limit that was exceeded.
pub(crate) fn exceeded(limit: &str, found: u64, max: u64, line: u64) -> ReadError {
    ReadError::LimitExceeded {
        limit: limit.to_string(),
        found,
        max,
        line,
        sheet: None,
        cell: None,
    }
}

/// The error for a limit exceeded in a workbook: in `sheet` (a sheet name, or the path of a
/// part that is no sheet), at the 1-based sheet `row` (0 when unknown) and `cell` reference.
#[cfg(feature = "xlsx")]
pub(crate) fn exceeded_in_sheet(
    limit: &str,
    found: u64,
    max: u64,
    sheet: &str,
    row: u64,
    cell: Option<String>,
) -> ReadError {
    ReadError::LimitExceeded {
        limit: limit.to_string(),
        found,
        max,
        line: row,
        sheet: Some(sheet.to_string()),
        cell,
    }
}

impl ReadLimits {
    /// Check one record of a CSV (its fields' sizes) and the count of rows so far.
    ///
    /// `rows` is the number of data rows including this one; `line` its 1-based line.
    pub(crate) fn check_record(
        &self,
        rec: &csv::ByteRecord,
        rows: u64,
        line: u64,
    ) -> Result<(), ReadError> {
        if rows > self.max_rows {
            return Err(exceeded("max_rows", rows, self.max_rows, line));
        }
        if rec.as_slice().len() <= self.max_field_bytes {
            return Ok(()); // no field can be larger than the whole record
        }
        self.check_fields(rec.iter().map(<[u8]>::len), line)
    }

    /// Check field sizes (in bytes).
    pub(crate) fn check_fields<I: IntoIterator<Item = usize>>(
        &self,
        sizes: I,
        line: u64,
    ) -> Result<(), ReadError> {
        match sizes.into_iter().max() {
            Some(n) if n > self.max_field_bytes => Err(exceeded(
                "max_field_bytes",
                n as u64,
                self.max_field_bytes as u64,
                line,
            )),
            _ => Ok(()),
        }
    }
}

/// Check that a JSON text nests arrays and objects at most `max` deep (brackets inside
/// strings are ignored). Run before `serde_json` on untrusted input: it caps memory and
/// work with a clear error instead of a parser's recursion limit.
///
/// Errors: [`ReadError::LimitExceeded`] with limit `max_nesting` and the 1-based line of the
/// bracket that went too deep.
pub fn check_json_nesting(text: &str, max: usize) -> Result<(), ReadError> {
    let (mut depth, mut line) = (0usize, 1u64);
    let (mut in_string, mut escaped) = (false, false);
    for b in text.bytes() {
        if b == b'\n' {
            line += 1;
        }
        if in_string {
            match (escaped, b) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                if depth > max {
                    return Err(exceeded("max_nesting", depth as u64, max as u64, line));
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    Ok(())
}

/// A reader that fails with [`ReadError::LimitExceeded`] (as an I/O error carrying it) once
/// more than `max` bytes were read.
pub(crate) struct CappedReader<R> {
    inner: R,
    read: u64,
    max: u64,
}

impl<R> CappedReader<R> {
    pub(crate) fn new(inner: R, max: u64) -> Self {
        CappedReader {
            inner,
            read: 0,
            max,
        }
    }
}

/// The start of the message of the I/O error a [`CappedReader`] gives (followed by the cap);
/// [`super::io_error`] turns it back into [`ReadError::LimitExceeded`].
pub(crate) const INPUT_TOO_LARGE: &str = "koperasi: input larger than max_input_bytes";

impl<R: std::io::Read> std::io::Read for CappedReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.read = self.read.saturating_add(n as u64);
        if self.read > self.max {
            return Err(std::io::Error::other(format!(
                "{INPUT_TOO_LARGE} {}",
                self.max
            )));
        }
        Ok(n)
    }
}
