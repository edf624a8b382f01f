//! Tables out: CSV and XLSX files that open safely in a spreadsheet program and read back
//! to exactly what was written.
//!
//! **Formula injection.** A spreadsheet program runs a cell that begins with `=`, `+`, `-` or
//! `@` as a formula (`=HYPERLINK("http://…","klik")`, `=cmd|' /C calc'!A0`), and one that
//! begins with a tab or carriage return can hide such a prefix. Exports make such cells inert
//! by the rule of [`super::safe`] (OWASP "CSV Injection"), every cell being of unknown type
//! ([`super::safe::CellKind::Number`]):
//! - in CSV, by a leading apostrophe `'`, which spreadsheet programs take as "text follows"
//!   ([`neutralise`]); a cell that already begins with `'` gets a second one, so that the
//!   readers of this crate, which remove one apostrophe before those characters
//!   ([`unneutralise`]), give back the original text exactly;
//! - in XLSX, by writing every text as a text cell (never a formula) with the "quote prefix"
//!   style on the dangerous ones, which keeps it text even when edited; the cell's value is the
//!   original text.
//!
//! Real negative numbers (`-5`, `-1.500`, `-9,7`) are numbers, not formulas, and are left as
//! they are (in XLSX they become number cells when they read back to the same text).
//!
//! Control characters and bidirectional marks are kept as they are: these are files, read back
//! exactly; a program that prints a table to a terminal applies [`super::safe::terminal_text`].
//!
//! **Round trip.** [`read_table`] of an export gives back the [`RawTable`] exported, every
//! field including unknown columns (rows with no content are not rows, and every row has the
//! header's width: see [`RawTable::normalized`]).

use super::{ReadOptions, decode, encoding};
use crate::error::{ExportError, ReadError};
use serde::{Deserialize, Serialize};

pub use super::safe::{is_dangerous, neutralise, unneutralise};

/// A table of text as found in a file: a header row and data rows. Nothing is interpreted.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RawTable {
    /// The header row's cells.
    pub headers: Vec<String>,
    /// The data rows' cells, in file order.
    pub rows: Vec<Vec<String>>,
}

impl RawTable {
    /// The form in which a table reads back: every row cut or padded with empty cells to the
    /// header's width (cells beyond it must be empty, else they are kept and the header is
    /// widened with empty names), and rows whose cells are all empty removed.
    pub fn normalized(&self) -> RawTable {
        let width = self
            .rows
            .iter()
            .map(|r| r.iter().rposition(|c| !c.is_empty()).map_or(0, |i| i + 1))
            .chain(std::iter::once(self.headers.len()))
            .max()
            .unwrap_or(0);
        let mut headers = self.headers.clone();
        headers.resize(width, String::new());
        let rows = self
            .rows
            .iter()
            .filter(|r| r.iter().any(|c| !c.is_empty()))
            .map(|r| {
                let mut r: Vec<String> = r.iter().take(width).cloned().collect();
                r.resize(width, String::new());
                r
            })
            .collect();
        RawTable { headers, rows }
    }
}

/// Write a table as CSV (`,` delimiter, `\n` line ends, quotes where needed, UTF-8 without
/// byte-order mark), every cell neutralised ([`neutralise`]).
///
/// Errors: [`ExportError::Write`] when the writer fails.
pub fn export_csv<W: std::io::Write>(table: &RawTable, out: W) -> Result<(), ExportError> {
    write_csv(table, out, b',')
}

/// Write a table as CSV for a spreadsheet program set to Indonesian: a UTF-8 byte-order mark
/// first (so Excel reads the text as UTF-8), `;` between fields (Excel under an Indonesian
/// locale splits such a file into columns on a double-click), otherwise as [`export_csv`]
/// (`\n` line ends, every cell neutralised). The cells are written as given: headers and
/// values in the reader's language are the caller's. [`read_table`] reads it back.
///
/// Errors: [`ExportError::Write`] when the writer fails.
pub fn export_excel_csv<W: std::io::Write>(
    table: &RawTable,
    mut out: W,
) -> Result<(), ExportError> {
    out.write_all("\u{feff}".as_bytes())
        .map_err(|e| ExportError::Write { why: e.to_string() })?;
    write_csv(table, out, b';')
}

/// [`export_csv`] with the given delimiter.
fn write_csv<W: std::io::Write>(
    table: &RawTable,
    out: W,
    delimiter: u8,
) -> Result<(), ExportError> {
    let mut w = csv::WriterBuilder::new()
        .flexible(true)
        .delimiter(delimiter)
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(out);
    let werr = |e: csv::Error| ExportError::Write { why: e.to_string() };
    // A header or row of one empty cell would be written as an empty line, which readers
    // skip: quote it.
    let write = |w: &mut csv::Writer<W>, cells: &[String]| -> Result<(), ExportError> {
        if let [only] = cells {
            if only.is_empty() {
                return w.write_record([r#""""#]).map_err(werr).and(Ok(()));
            }
        }
        w.write_record(cells.iter().map(|c| neutralise(c).into_owned()))
            .map_err(werr)
    };
    write(&mut w, &table.headers)?;
    for r in &table.rows {
        write(&mut w, r)?;
    }
    w.flush()
        .map_err(|e| ExportError::Write { why: e.to_string() })
}

/// Read a CSV into a [`RawTable`]: the first non-blank row is the header, rows whose cells
/// are all empty are skipped, a UTF-8 byte-order mark is removed, Windows-1252 is converted,
/// neutralised cells are restored ([`unneutralise`]), and the delimiter is guessed when
/// `options.delimiter` is `None` ([`super::sniff_delimiter`]). Rows are normalised to the
/// header's width ([`RawTable::normalized`]).
///
/// Errors: [`ReadError::Empty`] without a header, [`ReadError::Csv`], [`ReadError::Io`],
/// [`ReadError::LimitExceeded`].
pub fn read_table<R: std::io::Read>(
    input: R,
    options: &ReadOptions,
) -> Result<RawTable, ReadError> {
    use std::io::Read;
    let mut bytes = Vec::new();
    super::limits::CappedReader::new(input, options.limits.max_input_bytes)
        .read_to_end(&mut bytes)
        .map_err(|e| super::io_error(&e))?;
    if encoding::detect_encoding(&bytes) == encoding::TextEncoding::Windows1252 {
        bytes = encoding::decode_windows_1252(&bytes).into_bytes();
    }
    let body = bytes
        .strip_prefix(b"\xef\xbb\xbf".as_slice())
        .unwrap_or(&bytes);
    let delimiter = options
        .delimiter
        .unwrap_or_else(|| super::sniff_delimiter(super::first_line(body)));
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(body);
    let mut rec = csv::ByteRecord::new();
    let headers = super::read_header(&mut rdr, &mut rec)?;
    let mut rows = Vec::new();
    loop {
        match rdr.read_byte_record(&mut rec) {
            Ok(false) => break,
            Err(e) => return Err(super::csv_error(&e)),
            Ok(true) => {}
        }
        let line = rec.position().map_or(0, csv::Position::line);
        options
            .limits
            .check_record(&rec, rows.len() as u64 + 1, line)?;
        rows.push(rec.iter().map(decode).collect());
    }
    Ok(RawTable { headers, rows }.normalized())
}

/// The largest number of characters Excel keeps in one cell.
pub const XLSX_MAX_CELL_CHARS: usize = 32_767;

/// Text as a number cell, when it reads back to exactly the same text (see
/// [`super::xlsx`]'s cell conversion): `1500`, `-5`, `9,7` (Indonesian decimal comma). `1.500`,
/// `007`, `1e5` stay text.
#[cfg(feature = "xlsx-write")]
fn as_number(s: &str) -> Option<f64> {
    if s.is_empty() || s.len() > 17 {
        return None;
    }
    let plain = s.replacen(',', ".", 1);
    if !plain
        .chars()
        .all(|c| c.is_ascii_digit() || c == '.' || c == '-')
    {
        return None;
    }
    let v: f64 = plain.parse().ok()?;
    (number_text(v) == s).then_some(v)
}

/// How a number cell reads as text: a whole number without decimals (`1500`, `-5`), else the
/// shortest decimal that gives back the same `f64`, with `,` as the decimal separator (`9,7`),
/// as the Indonesian number readers of this crate expect.
pub fn number_text(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 9.007_199_254_740_992e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}").replacen('.', ",", 1)
    }
}

/// Write a table as an XLSX workbook with one sheet named `sheet` (at most 31 characters):
/// the header in row 1 (bold), data from row 2. Text cells are always text, never formulas;
/// dangerous ones ([`is_dangerous`]) also get the quote-prefix style. Text that reads back
/// as the same number ([`number_text`]) is written as a number cell.
///
/// The workbook's creation date is fixed to 2000-01-01 (no clock is read by this crate;
/// identical tables give identical files).
///
/// Errors: [`ExportError::CellTooLong`] for a cell above 32,767 characters,
/// [`ExportError::TooLarge`] beyond 1,048,576 rows or 16,384 columns, [`ExportError::Write`].
#[cfg(feature = "xlsx-write")]
pub fn export_xlsx(table: &RawTable, sheet: &str) -> Result<Vec<u8>, ExportError> {
    use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook};
    let werr = |e: rust_xlsxwriter::XlsxError| ExportError::Write { why: e.to_string() };
    let width = table
        .rows
        .iter()
        .map(Vec::len)
        .chain(std::iter::once(table.headers.len()))
        .max()
        .unwrap_or(0);
    if width > 16_384 || table.rows.len() >= 1_048_576 {
        return Err(ExportError::TooLarge {
            why: format!(
                "{} rows and {width} columns; an XLSX sheet holds 1,048,575 data rows and 16,384 columns",
                table.rows.len()
            ),
        });
    }
    let mut wb = Workbook::new();
    let created = ExcelDateTime::from_ymd(2000, 1, 1).map_err(werr)?;
    wb.set_properties(&DocProperties::new().set_creation_datetime(&created));
    let ws = wb.add_worksheet();
    ws.set_name(sheet).map_err(werr)?;
    let bold = Format::new().set_bold();
    let quoted = Format::new().set_quote_prefix();
    let bold_quoted = Format::new().set_bold().set_quote_prefix();
    let rows = std::iter::once(&table.headers).chain(&table.rows);
    for (r, cells) in rows.enumerate() {
        let row = u32::try_from(r).map_err(|_| ExportError::TooLarge {
            why: "too many rows".into(),
        })?;
        for (c, text) in cells.iter().enumerate() {
            let col = u16::try_from(c).map_err(|_| ExportError::TooLarge {
                why: "too many columns".into(),
            })?;
            if text.is_empty() {
                continue;
            }
            let chars = text.chars().count();
            if chars > XLSX_MAX_CELL_CHARS {
                return Err(ExportError::CellTooLong {
                    row: r as u64 + 1,
                    column: table.headers.get(c).cloned().unwrap_or_default(),
                    chars,
                    max: XLSX_MAX_CELL_CHARS,
                });
            }
            let header = r == 0;
            match (header, as_number(text)) {
                (false, Some(v)) => ws.write_number(row, col, v).map(|_| ()),
                _ => {
                    let fmt = match (header, is_dangerous(text)) {
                        (true, true) => Some(&bold_quoted),
                        (true, false) => Some(&bold),
                        (false, true) => Some(&quoted),
                        (false, false) => None,
                    };
                    match fmt {
                        Some(f) => ws.write_string_with_format(row, col, text, f).map(|_| ()),
                        None => ws.write_string(row, col, text).map(|_| ()),
                    }
                }
            }
            .map_err(werr)?;
        }
    }
    wb.save_to_buffer().map_err(werr)
}
