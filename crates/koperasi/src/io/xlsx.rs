//! Reading XLSX and ODS workbooks (feature `xlsx`, with `calamine`; XLS and XLSB open too).
//!
//! Office spreadsheets are not tidy tables. The reader:
//! - chooses the sheet: the one named (or its 1-based number), else the first sheet in which a
//!   header is found;
//! - finds the header row below a title block: the first of the top 50 non-blank rows that
//!   names the columns of a register or a panel ([`super::detect_layout`]); the rows above it
//!   are skipped and the report says so;
//! - fills merged cells with their top-left value (a kecamatan merged over several rows
//!   belongs to each of them); a header merged over two rows with sub-headers below
//!   (`Jumlah Anggota` over `Pria | Wanita`) gives `Jumlah Anggota Pria`, `Jumlah Anggota Wanita`;
//! - reads numbers stored as text as text (the Indonesian number rules then apply: `1.500` =
//!   1500), number cells as `1500` or `9,7`, date cells as ISO dates (`2019-11-06`), and plain
//!   numbers in date columns as Excel date serials (43775 = 2019-11-06), saying so in the
//!   report; formulas give their cached value, never run;
//! - then reads the rows exactly as the CSV readers do ([`super::read_register`],
//!   [`super::read_panel`]): total rows and blank rows skipped and reported, the same
//!   [`ReadReport`], with each rejection's `line` the sheet row and `cell` the cell reference
//!   (`B7`). `accepted + rejected = rows_read` holds as for CSV.
//!
//! Hostile files: before calamine opens a zip workbook, [`super::xlsx_scan`] inflates its
//! parts through a counting reader and refuses more than `max_decompressed_bytes`, a cell
//! larger than `max_field_bytes`, an ODS table whose used range (repeats counted) exceeds
//! `max_cells` or `max_rows`. An XLSX sheet is then read cell by cell (calamine's streaming
//! cell reader, not its dense range): the used range is checked against `max_cells` and
//! `max_rows` at each cell, so a single cell at `XFD1048576` is refused before anything the
//! size of the range is built, and each row is kept only as long as its last value. Every
//! limit error names the sheet and the cell or row. Memory is bounded by about 32 bytes x
//! `max_cells` plus the text (ODS, XLS and XLSB sheets come as calamine's dense range, within
//! the same `max_cells`). Formula cells without a saved value are read as empty, and the report
//! says how many.

use super::export::{RawTable, number_text};
use super::xlsx_scan::{WorkbookScan, scan_workbook};
use super::{Layout, ReadNote, ReadOptions, ReadReport, Table, detect_layout, limits};
use crate::error::ReadError;
use calamine::{Data, DataRef, Dimensions, Reader, Sheets, Xlsx, open_workbook_auto_from_rs};
use std::collections::HashMap;
use std::io::Cursor;

/// How many non-blank rows from the top are tried as the header row.
const HEADER_SEARCH_ROWS: usize = 50;

/// Excel's serial numbers of 1900-01-01 and 2100-12-31 (1900 date system): the range in which
/// a plain number in a date column is taken as a date.
const SERIAL_RANGE: std::ops::RangeInclusive<f64> = 1.0..=73_415.0;

/// The column letters of a 0-based column: 0 = `A`, 25 = `Z`, 26 = `AA`.
pub(crate) fn column_letters(col: u32) -> String {
    let mut n = u64::from(col) + 1;
    let mut out = Vec::new();
    while n > 0 {
        let rem = ((n - 1) % 26) as u8;
        out.push(char::from(b'A' + rem));
        n = (n - 1) / 26;
    }
    out.iter().rev().collect()
}

/// A cell reference such as `B7` from a 0-based column and a 1-based row.
pub(crate) fn cell_reference(col: u32, row: u64) -> String {
    format!("{}{row}", column_letters(col))
}

/// The names of the workbook's sheets, in order.
///
/// Errors: [`ReadError::Workbook`] when the bytes are not a workbook calamine reads
/// (XLSX, XLSM, XLSB, XLS, ODS); [`ReadError::LimitExceeded`] above `max_input_bytes`.
pub fn sheet_names(bytes: &[u8], options: &ReadOptions) -> Result<Vec<String>, ReadError> {
    Ok(open(bytes, options)?.0.sheet_names())
}

/// An open workbook, with what [`scan_workbook`] found in it (nothing for an XLS).
type Opened<'a> = (Sheets<Cursor<&'a [u8]>>, WorkbookScan);

fn open<'a>(bytes: &'a [u8], options: &ReadOptions) -> Result<Opened<'a>, ReadError> {
    let max = options.limits.max_input_bytes;
    if bytes.len() as u64 > max {
        return Err(limits::exceeded(
            "max_input_bytes",
            bytes.len() as u64,
            max,
            0,
        ));
    }
    if bytes.is_empty() {
        return Err(ReadError::Workbook {
            why: "the file is empty (0 bytes)".into(),
        });
    }
    // XLSX/XLSM/XLSB/ODS are zip archives (`PK`); XLS is an OLE2 compound file.
    let zip = bytes.starts_with(b"PK");
    let ole = bytes.starts_with(&[0xd0, 0xcf, 0x11, 0xe0]);
    if !zip && !ole {
        let text = std::str::from_utf8(bytes.get(..bytes.len().min(4096)).unwrap_or_default())
            .is_ok_and(|t| t.contains([',', ';', '\t', '\n']));
        return Err(ReadError::Workbook {
            why: if text {
                "this is not a workbook but text (a CSV?); give it a .csv name".into()
            } else {
                "this is not a workbook: it does not start like an XLSX, XLS or ODS file".into()
            },
        });
    }
    let scan = if zip {
        scan_workbook(bytes, &options.limits)?
    } else {
        WorkbookScan::default()
    };
    let wb = open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(|e| ReadError::Workbook {
        why: format!("{e} (the file may be damaged or cut short)"),
    })?;
    Ok((wb, scan))
}

/// One sheet as text cells, with where each came from.
struct Grid {
    sheet: String,
    /// 0-based sheet row and column of `cells[0][0]`.
    origin: (u32, u32),
    cells: Vec<Vec<Data>>,
    /// For a cell filled from a merged region: the 0-based sheet row of the region's top.
    merged_from: HashMap<(usize, usize), u32>,
    merged_regions: usize,
    /// Formula cells without a saved value in the sheet: how many, and the first's reference.
    formulas_without_value: Option<(u64, String)>,
}

impl Grid {
    fn text(&self, r: usize, c: usize) -> String {
        self.cells
            .get(r)
            .and_then(|row| row.get(c))
            .map_or_else(String::new, cell_text)
    }

    fn row_text(&self, r: usize) -> Vec<String> {
        let width = self.cells.get(r).map_or(0, Vec::len);
        (0..width).map(|c| self.text(r, c)).collect()
    }

    fn is_blank(&self, r: usize) -> bool {
        self.row_text(r).iter().all(|c| c.trim().is_empty())
    }

    /// 1-based sheet row of grid row `r`.
    fn sheet_row(&self, r: usize) -> u64 {
        u64::from(self.origin.0) + r as u64 + 1
    }
}

/// A cell as text: text as is, whole numbers without decimals (`1500`), other numbers with a
/// decimal comma ([`number_text`]), dates as ISO `YYYY-MM-DD` (with ` HH:MM:SS` when there is
/// a time), booleans `TRUE`/`FALSE`, errors as Excel shows them (`#N/A`).
pub fn cell_text(d: &Data) -> String {
    match d {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) if f.is_finite() => number_text(*f),
        Data::Float(f) => f.to_string(),
        Data::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
        Data::DateTime(dt) if dt.is_datetime() && (0.0..2_958_466.0).contains(&dt.as_f64()) => {
            let (y, mo, d, h, mi, s, _) = dt.to_ymd_hms_milli();
            if (h, mi, s) == (0, 0, 0) {
                format!("{y:04}-{mo:02}-{d:02}")
            } else {
                format!("{y:04}-{mo:02}-{d:02} {h:02}:{mi:02}:{s:02}")
            }
        }
        Data::DateTime(dt) => number_text(dt.as_f64()),
        Data::DateTimeIso(s) => s.strip_suffix("T00:00:00").unwrap_or(s).to_string(),
        Data::DurationIso(s) => s.clone(),
        Data::Error(e) => e.to_string(),
    }
}

/// An Excel serial day number (1900 date system, with its phantom 29 February 1900) as an ISO
/// date, when it is a whole number between 1 (1900-01-01) and 73415 (2100-12-31).
pub fn serial_to_date(serial: f64) -> Option<chrono::NaiveDate> {
    if !SERIAL_RANGE.contains(&serial) || serial.fract() != 0.0 {
        return None;
    }
    let days = serial as i64;
    // Serials from 61 on count the non-existent 1900-02-29; base 1899-12-30 accounts for it.
    let base = if days >= 61 {
        chrono::NaiveDate::from_ymd_opt(1899, 12, 30)
    } else {
        chrono::NaiveDate::from_ymd_opt(1899, 12, 31)
    }?;
    base.checked_add_days(chrono::Days::new(u64::try_from(days).ok()?))
}

/// The cells of a sheet: the 0-based sheet row and column of `rows[0][0]`, and the rows from
/// the first to the last holding a value, each as long as its last value.
type Cells = ((u32, u32), Vec<Vec<Data>>);

/// The cells of sheet `name` (see [`Cells`]), refused above `options.limits.max_cells` (rows x
/// columns of the used range), `max_rows` (plus a title block) and `max_field_bytes`.
fn sheet_cells(
    wb: &mut Sheets<Cursor<&[u8]>>,
    name: &str,
    options: &ReadOptions,
) -> Result<Cells, ReadError> {
    if let Sheets::Xlsx(x) = wb {
        return xlsx_cells(x, name, options);
    }
    let range = wb
        .worksheet_range(name)
        .map_err(|e| ReadError::Workbook { why: e.to_string() })?;
    let (h, w) = range.get_size();
    let origin = range.start().unwrap_or((0, 0));
    let mut used = UsedRange::new(name, &options.limits);
    if h > 0 && w > 0 {
        used.add(origin.0, origin.1)?;
        used.add(
            origin.0.saturating_add(h as u32 - 1),
            origin.1.saturating_add(w as u32 - 1),
        )?;
    }
    let rows: Vec<Vec<Data>> = range.rows().map(<[Data]>::to_vec).collect();
    for (r, row) in rows.iter().enumerate() {
        for (c, d) in row.iter().enumerate() {
            used.check_field(d, origin.0 + r as u32, origin.1 + c as u32)?;
        }
    }
    Ok((origin, rows))
}

/// The used range of a sheet as its cells are read, checked against the limits at each cell.
struct UsedRange<'a> {
    sheet: &'a str,
    limits: &'a super::ReadLimits,
    /// First and last row, first and last column (0-based) holding a value.
    bounds: Option<(u32, u32, u32, u32)>,
}

impl<'a> UsedRange<'a> {
    fn new(sheet: &'a str, limits: &'a super::ReadLimits) -> Self {
        UsedRange {
            sheet,
            limits,
            bounds: None,
        }
    }

    /// Widen the range by the cell at 0-based `(row, col)`; refuse it when the range then holds
    /// more than `max_cells` cells or `max_rows` (plus a title block) rows.
    fn add(&mut self, row: u32, col: u32) -> Result<(), ReadError> {
        let (r0, r1, c0, c1) = self.bounds.unwrap_or((row, row, col, col));
        let b = (r0.min(row), r1.max(row), c0.min(col), c1.max(col));
        self.bounds = Some(b);
        let height = u64::from(b.1 - b.0) + 1;
        let cells = height.saturating_mul(u64::from(b.3 - b.2) + 1);
        let at = || Some(cell_reference(col, u64::from(row) + 1));
        let max = self.limits.max_cells;
        if cells > max {
            return Err(limits::exceeded_in_sheet(
                "max_cells",
                cells,
                max,
                self.sheet,
                u64::from(row) + 1,
                at(),
            ));
        }
        let max_rows = self.limits.max_rows;
        if height > max_rows.saturating_add(HEADER_SEARCH_ROWS as u64) {
            return Err(limits::exceeded_in_sheet(
                "max_rows",
                height,
                max_rows,
                self.sheet,
                u64::from(row) + 1,
                None,
            ));
        }
        Ok(())
    }

    /// Refuse a text larger than `max_field_bytes` at 0-based `(row, col)`.
    fn check_field(&self, d: &Data, row: u32, col: u32) -> Result<(), ReadError> {
        let len = match d {
            Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.len(),
            _ => 0,
        };
        let max = self.limits.max_field_bytes;
        if len <= max {
            return Ok(());
        }
        Err(limits::exceeded_in_sheet(
            "max_field_bytes",
            len as u64,
            max as u64,
            self.sheet,
            u64::from(row) + 1,
            Some(cell_reference(col, u64::from(row) + 1)),
        ))
    }
}

/// The cells of an XLSX sheet, read one by one with calamine's streaming cell reader (see
/// [`sheet_cells`]): nothing the size of the used range is built before it is checked.
fn xlsx_cells(
    x: &mut Xlsx<Cursor<&[u8]>>,
    name: &str,
    options: &ReadOptions,
) -> Result<Cells, ReadError> {
    let why = |e: calamine::XlsxError| ReadError::Workbook {
        why: format!("sheet `{name}`: {e}"),
    };
    let mut reader = match x.worksheet_cells_reader(name) {
        Ok(r) => r,
        // A chart sheet has no cells.
        Err(calamine::XlsxError::NotAWorksheet(_)) => return Ok(((0, 0), Vec::new())),
        Err(e) => return Err(why(e)),
    };
    let mut used = UsedRange::new(name, &options.limits);
    let mut cells: Vec<(u32, u32, Data)> = Vec::new();
    while let Some(cell) = reader.next_cell().map_err(why)? {
        if *cell.get_value() == DataRef::Empty {
            continue;
        }
        let (r, c) = cell.get_position();
        used.add(r, c)?;
        let d = Data::from(cell.get_value().clone());
        used.check_field(&d, r, c)?;
        cells.push((r, c, d));
    }
    let Some((r0, r1, c0, _)) = used.bounds else {
        return Ok(((0, 0), Vec::new()));
    };
    let mut rows = vec![Vec::new(); (r1 - r0) as usize + 1];
    for (r, c, d) in cells {
        let i = (c - c0) as usize;
        if let Some(row) = rows.get_mut((r - r0) as usize) {
            if row.len() <= i {
                row.resize(i + 1, Data::Empty);
            }
            if let Some(slot) = row.get_mut(i) {
                *slot = d;
            }
        }
    }
    Ok(((r0, c0), rows))
}

/// The merged regions of a sheet (XLSX and XLS; none for the others).
fn merged_regions(wb: &mut Sheets<Cursor<&[u8]>>, name: &str) -> Vec<Dimensions> {
    match wb {
        Sheets::Xlsx(x) => x
            .worksheet_merge_cells(name)
            .and_then(Result::ok)
            .unwrap_or_default(),
        Sheets::Xls(x) => x.worksheet_merge_cells(name).unwrap_or_default(),
        _ => Vec::new(),
    }
}

/// Load a sheet (by name, or by 1-based number when no sheet has that name) as a grid with
/// merged regions filled.
fn load_grid(
    wb: &mut Sheets<Cursor<&[u8]>>,
    scan: &WorkbookScan,
    name: &str,
    options: &ReadOptions,
) -> Result<Grid, ReadError> {
    let (origin, cells) = sheet_cells(wb, name, options)?;
    let merges = merged_regions(wb, name);
    let mut grid = Grid {
        sheet: name.to_string(),
        origin,
        cells,
        merged_from: HashMap::new(),
        merged_regions: 0,
        formulas_without_value: scan.formulas_without_value.get(name).cloned(),
    };
    fill_merges(&mut grid, &merges, options)?;
    Ok(grid)
}

/// Fill each merged region of `grid` with its top-left value (regions clipped to the grid).
/// Refused when the regions cover more than `max_cells` cells, or the copies more than
/// `max_decompressed_bytes` of text (a file cannot make a small cell fill a huge region).
fn fill_merges(
    grid: &mut Grid,
    merges: &[Dimensions],
    options: &ReadOptions,
) -> Result<(), ReadError> {
    let h = grid.cells.len();
    let w = grid.cells.iter().map(Vec::len).max().unwrap_or(0);
    let origin = grid.origin;
    let (mut covered, mut copied) = (0u64, 0u64);
    for m in merges {
        // Relative to the grid, clipped to it.
        let rel = |v: u32, o: u32| v.checked_sub(o).map(|x| x as usize);
        let (Some(r0), Some(c0)) = (rel(m.start.0, origin.0), rel(m.start.1, origin.1)) else {
            continue;
        };
        let (Some(r1), Some(c1)) = (rel(m.end.0, origin.0), rel(m.end.1, origin.1)) else {
            continue;
        };
        let Some(top) = grid.cells.get(r0).and_then(|r| r.get(c0)).cloned() else {
            continue;
        };
        if top == Data::Empty {
            continue;
        }
        let (r1, c1) = (r1.min(h.saturating_sub(1)), c1.min(w.saturating_sub(1)));
        let area = (r1.saturating_sub(r0) as u64 + 1) * (c1.saturating_sub(c0) as u64 + 1);
        covered = covered.saturating_add(area);
        copied = copied.saturating_add(area.saturating_mul(cell_text(&top).len() as u64));
        let at = || Some(cell_reference(m.start.1, u64::from(m.start.0) + 1));
        let row = u64::from(m.start.0) + 1;
        let (max_cells, max_bytes) = (
            options.limits.max_cells,
            options.limits.max_decompressed_bytes,
        );
        if covered > max_cells {
            let name = &grid.sheet;
            return Err(limits::exceeded_in_sheet(
                "max_cells",
                covered,
                max_cells,
                name,
                row,
                at(),
            ));
        }
        if copied > max_bytes {
            let name = &grid.sheet;
            return Err(limits::exceeded_in_sheet(
                "max_decompressed_bytes",
                copied,
                max_bytes,
                name,
                row,
                at(),
            ));
        }
        grid.merged_regions += 1;
        for r in r0..=r1 {
            let Some(cells) = grid.cells.get_mut(r) else {
                continue;
            };
            if cells.len() <= c1 {
                cells.resize(c1 + 1, Data::Empty);
            }
            for c in c0..=c1 {
                if (r, c) == (r0, c0) {
                    continue;
                }
                if let Some(cell) = cells.get_mut(c) {
                    if *cell == Data::Empty {
                        *cell = top.clone();
                        grid.merged_from.insert((r, c), m.start.0);
                    }
                }
            }
        }
    }
    Ok(())
}

/// Resolve the sheet the caller asked for, or all sheets in order when none was named.
fn candidate_sheets(
    wb: &Sheets<Cursor<&[u8]>>,
    sheet: Option<&str>,
) -> Result<Vec<String>, ReadError> {
    let names = wb.sheet_names();
    let Some(want) = sheet else {
        if names.is_empty() {
            return Err(ReadError::Workbook {
                why: "the workbook has no sheet".into(),
            });
        }
        return Ok(names);
    };
    if let Some(n) = names.iter().find(|n| n.as_str() == want) {
        return Ok(vec![n.clone()]);
    }
    if let Some(n) = names
        .iter()
        .find(|n| n.trim().eq_ignore_ascii_case(want.trim()))
    {
        return Ok(vec![n.clone()]);
    }
    if let Some(n) = want
        .trim()
        .parse::<usize>()
        .ok()
        .and_then(|i| i.checked_sub(1))
        .and_then(|i| names.get(i))
    {
        return Ok(vec![n.clone()]);
    }
    Err(ReadError::NoSuchSheet {
        sheet: want.to_string(),
        available: names.join(", "),
    })
}

/// The header found in a grid: its grid row, its cells (with sub-headers merged in), whether a
/// sub-header row follows, and the layout.
struct Header {
    row: usize,
    cells: Vec<String>,
    sub_header: bool,
    layout: Layout,
}

fn find_header(grid: &Grid, options: &ReadOptions) -> Result<Header, ReadError> {
    let mut first_err: Option<ReadError> = None;
    let candidates = (0..grid.cells.len())
        .filter(|&r| !grid.is_blank(r))
        .take(HEADER_SEARCH_ROWS);
    for r in candidates {
        let mut cells = grid.row_text(r);
        // A sub-header row: the row below holds cells filled from regions merged down from
        // this row (a two-row header), and its other cells name sub-columns.
        let below = r + 1;
        let sub_header = grid
            .merged_from
            .iter()
            .any(|((rr, _), top)| *rr == below && u64::from(*top) + 1 == grid.sheet_row(r));
        if sub_header {
            let subs = grid.row_text(below);
            for (c, h) in cells.iter_mut().enumerate() {
                let from_merge = grid.merged_from.contains_key(&(below, c));
                match subs.get(c) {
                    Some(s) if !from_merge && !s.trim().is_empty() && s.trim() != h.trim() => {
                        *h = if h.trim().is_empty() {
                            s.trim().to_string()
                        } else {
                            format!("{} {}", h.trim(), s.trim())
                        };
                    }
                    _ => {}
                }
            }
        }
        let headers: Vec<String> = cells.iter().map(|c| c.trim().to_string()).collect();
        match detect_layout(&headers, options) {
            Ok(layout) => {
                return Ok(Header {
                    row: r,
                    cells: headers,
                    sub_header,
                    layout,
                });
            }
            Err(e) => {
                let wide = headers.iter().filter(|h| !h.is_empty()).count() >= 2;
                if first_err.is_none() && wide {
                    first_err = Some(e);
                }
            }
        }
    }
    Err(first_err.unwrap_or(ReadError::Empty))
}

/// True for a header that holds dates (`Tanggal Badan Hukum`, `Tgl RAT`, `RAT 2023`).
fn is_date_header(h: &str) -> bool {
    let n = super::headers::normalize_header(h);
    n.starts_with("tanggal")
        || n.starts_with("tgl")
        || n.contains("_tanggal")
        || n.starts_with("rat_")
}

/// Read a register or a panel from an XLSX/ODS workbook, deciding by its header like
/// [`super::read_any`]. `sheet` names the sheet (or gives its 1-based number); `None` takes
/// the first sheet in which a header is found. See the module documentation for what is
/// done to the cells.
///
/// Errors: [`ReadError::Workbook`] (not a workbook, or a sheet that cannot be read),
/// [`ReadError::NoSuchSheet`], [`ReadError::LimitExceeded`], [`ReadError::Empty`] (no
/// non-blank row), and those of [`super::detect_layout`] when no row looks like a header
/// (the error for the first row with two or more cells is given).
pub fn read_xlsx(
    bytes: &[u8],
    sheet: Option<&str>,
    options: &ReadOptions,
) -> Result<Table, ReadError> {
    let (mut wb, scan) = open(bytes, options)?;
    let names = candidate_sheets(&wb, sheet)?;
    let mut first_err = None;
    for name in &names {
        let grid = load_grid(&mut wb, &scan, name, options)?;
        match find_header(&grid, options) {
            Ok(h) => return read_grid(&grid, &h, options),
            Err(e) => {
                if first_err.is_none() {
                    first_err = Some(e);
                }
            }
        }
    }
    match (sheet, first_err) {
        // The sheet asked for has no header: say which sheet, and which others exist.
        (Some(_), Some(ReadError::Empty)) | (Some(_), None) => Err(ReadError::Workbook {
            why: format!(
                "sheet `{}` has no header row of a register or panel; sheets: {}",
                names.first().map(String::as_str).unwrap_or_default(),
                wb.sheet_names().join(", ")
            ),
        }),
        (_, e) => Err(e.unwrap_or(ReadError::Empty)),
    }
}

/// Read a sheet as a [`RawTable`] of text: the header is the first non-blank row, nothing is
/// interpreted (no title block detection, no merged-cell filling, no date serials), cells as
/// [`cell_text`] gives them. The inverse of [`super::export::export_xlsx`].
///
/// Errors: as [`read_xlsx`] ([`ReadError::Empty`] for a sheet without a non-blank row).
pub fn read_xlsx_table(
    bytes: &[u8],
    sheet: Option<&str>,
    options: &ReadOptions,
) -> Result<RawTable, ReadError> {
    let (mut wb, _) = open(bytes, options)?;
    let names = candidate_sheets(&wb, sheet)?;
    let name = names.first().ok_or(ReadError::Empty)?;
    let ((_, c0), cells) = sheet_cells(&mut wb, name, options)?;
    // Columns left of the used range are empty columns of the table.
    let mut rows = cells.iter().map(|r| {
        std::iter::repeat_n(String::new(), c0 as usize)
            .chain(r.iter().map(cell_text))
            .collect::<Vec<String>>()
    });
    let headers = rows
        .by_ref()
        .find(|r| r.iter().any(|c| !c.is_empty()))
        .ok_or(ReadError::Empty)?;
    let rows: Vec<Vec<String>> = rows.collect();
    if rows.len() as u64 > options.limits.max_rows {
        return Err(limits::exceeded(
            "max_rows",
            rows.len() as u64,
            options.limits.max_rows,
            0,
        ));
    }
    Ok(RawTable { headers, rows }.normalized())
}

/// Lines of CSV text, counted as [`super::LineIndex`] does: `\n`, `\r\n` and a lone `\r`.
fn count_lines(bytes: &[u8]) -> u64 {
    let mut n = 0u64;
    let mut after_cr = false;
    for &b in bytes {
        match b {
            b'\n' if after_cr => after_cr = false,
            b'\n' => n += 1,
            b'\r' => {
                n += 1;
                after_cr = true;
            }
            _ => after_cr = false,
        }
    }
    n
}

fn read_grid(grid: &Grid, header: &Header, options: &ReadOptions) -> Result<Table, ReadError> {
    let mut notes = Vec::new();
    let header_row = grid.sheet_row(header.row);
    let title_rows = (0..header.row).filter(|&r| !grid.is_blank(r)).count();
    if title_rows > 0 {
        notes.push(ReadNote::SheetHeaderBelowTitle { row: header_row });
    } else if header_row > 1 {
        notes.push(ReadNote::SheetHeaderBelowBlank { row: header_row });
    }
    if let Some((n, first)) = &grid.formulas_without_value {
        notes.push(ReadNote::FormulasWithoutValue {
            count: *n,
            first: first.clone(),
        });
    }
    if header.sub_header {
        notes.push(ReadNote::TwoRowHeader { row: header_row });
    }
    if grid.merged_regions > 0 {
        notes.push(ReadNote::MergedCells {
            count: grid.merged_regions as u64,
        });
    }
    let date_cols: Vec<bool> = header.cells.iter().map(|h| is_date_header(h)).collect();
    let first_data = header.row + 1 + usize::from(header.sub_header);

    // The rows as CSV, remembering the sheet row of each CSV line.
    let mut csv_out: Vec<u8> = Vec::new();
    let mut line_map: Vec<(u64, u64)> = Vec::new();
    let mut serials = 0usize;
    {
        let mut w = csv::WriterBuilder::new()
            .flexible(true)
            .terminator(csv::Terminator::Any(b'\n'))
            .from_writer(&mut csv_out);
        let werr = |e: csv::Error| ReadError::Io { why: e.to_string() };
        w.write_record(&header.cells).map_err(werr)?;
        w.flush()
            .map_err(|e| ReadError::Io { why: e.to_string() })?;
        let mut line = 1 + count_lines(w.get_ref());
        let mut written = w.get_ref().len();
        for r in first_data..grid.cells.len() {
            let row = grid.cells.get(r).map_or(&[][..], Vec::as_slice);
            let cells: Vec<String> = row
                .iter()
                .enumerate()
                .map(|(c, d)| {
                    let as_date = match d {
                        Data::Float(f) if date_cols.get(c) == Some(&true) => serial_to_date(*f),
                        Data::Int(i) if date_cols.get(c) == Some(&true) => {
                            serial_to_date(*i as f64)
                        }
                        _ => None,
                    };
                    match as_date {
                        Some(date) => {
                            serials += 1;
                            date.format("%Y-%m-%d").to_string()
                        }
                        // The CSV readers restore neutralised cells ([`super::decode`]):
                        // neutralising here keeps every text exactly as in the sheet.
                        None => super::export::neutralise(&cell_text(d)).into_owned(),
                    }
                })
                .collect();
            // An empty record would be an empty line: the CSV reader would not count it.
            if cells.len() <= 1 && cells.first().is_none_or(String::is_empty) {
                w.write_record([""]).map_err(werr)?;
            } else {
                w.write_record(&cells).map_err(werr)?;
            }
            w.flush()
                .map_err(|e| ReadError::Io { why: e.to_string() })?;
            line_map.push((line, grid.sheet_row(r)));
            let bytes = w.get_ref().get(written..).unwrap_or_default();
            line += count_lines(bytes);
            written = w.get_ref().len();
        }
    }
    if serials > 0 {
        notes.push(ReadNote::DateSerials {
            count: serials as u64,
        });
    }
    let title_date = super::data_date::data_date_in_lines(
        (0..header.row)
            .map(|r| {
                grid.cells.get(r).map_or_else(String::new, |row| {
                    row.iter().map(cell_text).collect::<Vec<_>>().join(" ")
                })
            })
            .collect::<Vec<_>>()
            .iter()
            .map(String::as_str),
    );
    let mut csv_options = options.clone();
    csv_options.data_as_of = options.data_as_of.or(title_date.as_ref().map(|(d, _)| *d));
    csv_options.delimiter = Some(b',');
    csv_options.limits.max_input_bytes = u64::MAX;
    let to_sheet_row = |line: u64| -> u64 {
        line_map
            .binary_search_by_key(&line, |(l, _)| *l)
            .ok()
            .and_then(|i| line_map.get(i))
            .map_or(line, |(_, r)| *r)
    };
    let col_of = |h: &str| -> Option<u32> {
        header
            .cells
            .iter()
            .position(|x| x == h)
            .and_then(|i| u32::try_from(i).ok())
            .map(|i| i + grid.origin.1)
    };
    let fix_report = |rep: &mut ReadReport| {
        for x in rep
            .rejected
            .iter_mut()
            .chain(rep.cell_errors.iter_mut())
            .chain(rep.skipped.iter_mut())
        {
            x.line = to_sheet_row(x.line);
            x.cell = x
                .column
                .as_deref()
                .and_then(col_of)
                .map(|c| cell_reference(c, x.line));
        }
        rep.sheet = Some(grid.sheet.clone());
        for n in &notes {
            rep.add_note(n.clone());
        }
    };
    match header.layout {
        Layout::Register => {
            let (mut reg, mut rep) = super::read_register(csv_out.as_slice(), &csv_options)?;
            for k in &mut reg.records {
                k.source_line = k.source_line.map(to_sheet_row);
            }
            fix_report(&mut rep);
            super::title_data_date(&mut rep, options.data_as_of, title_date);
            Ok(Table::Register(reg, rep))
        }
        Layout::Panel => {
            let (mut panel, mut rep) = super::read_panel(csv_out.as_slice(), &csv_options)?;
            for r in &mut panel.rows {
                r.line = to_sheet_row(r.line);
            }
            fix_report(&mut rep);
            Ok(Table::Panel(panel, rep))
        }
    }
}
