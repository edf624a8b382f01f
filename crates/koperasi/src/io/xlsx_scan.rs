//! A pass over a workbook's zip before the spreadsheet reader opens it (feature `xlsx`), so
//! that memory stays bounded by [`ReadLimits`] whatever the file.
//!
//! Calamine reads the shared strings of an XLSX, and the whole `content.xml` of an ODS, when
//! the workbook is opened, and builds each sheet as a dense range of its used area. A zip of a
//! few megabytes can inflate to gigabytes (one 4 GB cell, or 4 GB of whitespace), and an ODS
//! row can say it is repeated a billion times. This pass inflates every part the reader will
//! read (`.xml`, `.rels`, and the `.bin` parts of an XLSB; pictures are skipped) through a
//! counting reader and parses the XML with quick-xml, without keeping it, and refuses:
//! - more than `max_decompressed_bytes` of parts in all (`max_decompressed_bytes`);
//! - a run of more than 8 x `max_field_bytes` bytes without markup (a text, or whitespace
//!   between elements), or a cell or shared string whose text is longer (`max_field_bytes`:
//!   the XML is escaped text, so the exact check on the cell's text follows when it is read);
//! - in an ODS table, a used range (first to last row and column holding a value, repeats
//!   counted) of more than `max_cells`, or of more rows than `max_rows` (plus the rows a title
//!   block may take), or one reaching past the 1,048,576 rows or 16,384 columns a sheet holds
//!   (the reader would drop what lies beyond);
//! - a shared-strings part that declares more strings than it holds and than `max_cells`
//!   (the reader reserves memory for the declared count).
//!
//! Each error names the sheet (or the part) and the cell or row. The pass also counts the
//! formula cells that have no saved value (a file written by a program that does not compute
//! formulas): the reader reads them as empty, and the read report says so.
//!
//! Cost: the sheets of an XLSX (the bulk of a workbook) are only inflated and counted; one is
//! parsed only when it holds formula elements (to count those without a value) or when a
//! limit stopped it (to name the cell). The other parts are small, except an ODS's
//! `content.xml`, which is parsed. Memory: a few buffers. Measured on a 100,000-row x 10-column
//! XLSX (60 MB of sheet XML, 4.8 MB zipped), `koperasi report` takes the same CPU time with
//! the pass as without it (1.6-2.6 s user either way, runs on a shared machine; parsing every
//! sheet in the pass cost ~0.6 s more), peak RSS ~240 MB either way. The hostile workbooks of
//! `tests/data/bad/hostile_workbooks.py` stop in under 0.2 s with a peak RSS under 40 MB (a
//! 256 MiB run of tiny elements: 3.7 s, 7 MB).

use super::limits::{ReadLimits, exceeded_in_sheet};
use super::xlsx::cell_reference;
use crate::error::ReadError;
use quick_xml::events::{BytesStart, Event};
use std::collections::HashMap;
use std::io::{BufRead, BufReader, Cursor, Read};

/// The longest run of XML without markup, as a multiple of `max_field_bytes` (escaped text
/// such as `&amp;` is longer than the text it stands for).
const RUN_FACTOR: usize = 8;

/// The longest run of XML without markup is never capped below this (64 KiB).
const RUN_MIN: usize = 64 * 1024;

/// Rows and columns of a sheet: the reader drops ODS rows and columns past them.
const SHEET_ROWS: u64 = 1_048_576;
const SHEET_COLS: u64 = 16_384;

/// Rows a title block may take above the header (as the workbook reader allows).
const TITLE_ROWS: u64 = 50;

/// What the pass found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WorkbookScan {
    /// Per sheet name: the formula cells with no saved value (read as empty), and the
    /// reference of the first (`B7`).
    pub formulas_without_value: HashMap<String, (u64, String)>,
    /// Bytes of the parts once decompressed.
    pub decompressed_bytes: u64,
}

/// Inflate and check every part of the workbook in `bytes` (a zip: XLSX, XLSM, XLSB, ODS) that
/// the spreadsheet reader will read. See the module documentation for what is refused.
///
/// Errors: [`ReadError::LimitExceeded`] naming the limit, the sheet (or part) and the cell or
/// row; [`ReadError::Workbook`] for a zip or XML that cannot be read, or a shared-strings
/// part that lies about its size.
pub fn scan_workbook(bytes: &[u8], limits: &ReadLimits) -> Result<WorkbookScan, ReadError> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| ReadError::Workbook {
        why: format!("{e} (the file may be damaged or cut short)"),
    })?;
    let mut scan = Scan {
        limits,
        used: 0,
        out: WorkbookScan::default(),
    };
    let sheets = scan.xlsx_sheet_parts(&mut zip)?;
    for i in 0..zip.len() {
        let entry = zip.by_index(i).map_err(|e| zip_error(&e))?;
        let name = entry.name().to_string();
        if entry.is_dir() || WORKBOOK_PARTS.contains(&name.as_str()) || !is_read_part(&name) {
            continue;
        }
        if let Some(sheet) = sheets.get(&name) {
            drop(entry);
            scan.sheet_part(&mut zip, &name, sheet)?;
            continue;
        }
        let xml = !name.ends_with(".bin");
        let reader = scan.reader(entry, xml);
        match name.as_str() {
            "xl/sharedStrings.xml" => scan.run(reader, &name, shared_strings)?,
            "content.xml" => {
                let tables = scan.run(reader, &name, ods_content)?;
                scan.out.formulas_without_value.extend(tables);
            }
            _ if xml => scan.run(reader, &name, drain_xml)?,
            _ => scan.run_bytes(reader, &name)?,
        }
    }
    scan.out.decompressed_bytes = scan.used;
    Ok(scan.out)
}

/// The parts that map sheet names to sheet parts, read first.
const WORKBOOK_PARTS: [&str; 2] = ["xl/workbook.xml", "xl/_rels/workbook.xml.rels"];

/// True for a part the spreadsheet reader reads (XML parts, XLSB records), false for
/// pictures, thumbnails, printer settings and macros.
fn is_read_part(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    lower.ends_with(".xml")
        || lower.ends_with(".rels")
        || (lower.starts_with("xl/") && lower.ends_with(".bin") && !lower.contains("vbaproject"))
}

/// The part `name` of the zip.
fn part<'z, 'd>(
    zip: &'z mut zip::ZipArchive<Cursor<&'d [u8]>>,
    name: &str,
) -> Result<zip::read::ZipFile<'z, Cursor<&'d [u8]>>, ReadError> {
    zip.by_name(name).map_err(|e| zip_error(&e))
}

fn zip_error(e: &zip::result::ZipError) -> ReadError {
    ReadError::Workbook {
        why: format!("{e} (the file may be damaged or cut short)"),
    }
}

/// A decompressed part, counted: it stops with an error (and says why in `trip`) past the
/// remaining budget of decompressed bytes, or past the longest run without `<` or `>`.
struct Counted<R> {
    inner: R,
    read: u64,
    budget: u64,
    run: usize,
    max_run: usize,
    trip: Option<Trip>,
    /// For a sheet part: the last two bytes read, and whether a formula element (`<f>`,
    /// `<f t=..>`, `<x:f/>`) was seen.
    formula: Option<([u8; 2], bool)>,
}

/// True when `bytes` hold the start of a formula element: `<f` or `:f` followed by `>`, `/` or
/// whitespace. (Other sheet elements never match, so a sheet without formulas is not parsed.)
fn has_formula_tag(bytes: &[u8]) -> bool {
    let at = |pat: &[u8]| {
        memchr::memmem::find_iter(bytes, pat).any(|i| {
            matches!(
                bytes.get(i + 2),
                Some(b'>' | b'/' | b' ' | b'\t' | b'\r' | b'\n')
            )
        })
    };
    at(b"<f") || at(b":f")
}

/// Why a [`Counted`] reader stopped.
#[derive(Debug, Clone, Copy)]
enum Trip {
    /// More decompressed bytes than the budget.
    Bytes,
    /// A run of this many bytes without markup.
    Run(usize),
}

impl<R: Read> Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.trip.is_some() {
            return Err(std::io::Error::other("koperasi: workbook limit"));
        }
        let n = self.inner.read(buf)?;
        self.read = self.read.saturating_add(n as u64);
        let chunk = buf.get(..n).unwrap_or_default();
        match (
            memchr::memchr2(b'<', b'>', chunk),
            memchr::memrchr2(b'<', b'>', chunk),
        ) {
            (Some(first), Some(last)) => {
                let before = self.run.saturating_add(first);
                self.run = n - last - 1;
                if before > self.max_run {
                    self.trip = Some(Trip::Run(before));
                }
            }
            _ => {
                self.run = self.run.saturating_add(n);
                if self.run > self.max_run {
                    self.trip = Some(Trip::Run(self.run));
                }
            }
        }
        if self.read > self.budget {
            self.trip = Some(Trip::Bytes);
        }
        if let Some((tail, seen)) = self.formula.as_mut() {
            if !*seen {
                let edge = [
                    tail[0],
                    tail[1],
                    chunk.first().copied().unwrap_or(0),
                    chunk.get(1).copied().unwrap_or(0),
                ];
                *seen = has_formula_tag(&edge) || has_formula_tag(chunk);
            }
            match chunk {
                [.., a, b] => *tail = [*a, *b],
                [b] => *tail = [tail[1], *b],
                [] => {}
            }
        }
        match self.trip {
            Some(_) => Err(std::io::Error::other("koperasi: workbook limit")),
            None => Ok(n),
        }
    }
}

/// Where a parse is, for an error: the sheet (or part), the 1-based row (0 when unknown) and
/// the cell reference.
#[derive(Debug, Clone, Default)]
struct Place {
    sheet: Option<String>,
    row: u64,
    cell: Option<String>,
}

/// A part being parsed, through its counting reader.
type Xml<Z> = quick_xml::Reader<BufReader<Counted<Z>>>;

/// The state of the pass: the limits and the bytes decompressed so far.
struct Scan<'l> {
    limits: &'l ReadLimits,
    used: u64,
    out: WorkbookScan,
}

impl Scan<'_> {
    fn max_text(&self) -> usize {
        self.limits
            .max_field_bytes
            .saturating_mul(RUN_FACTOR)
            .max(RUN_MIN)
    }

    fn reader<Z: Read>(&self, entry: Z, xml: bool) -> Xml<Z> {
        let counted = Counted {
            inner: entry,
            read: 0,
            budget: self.limits.max_decompressed_bytes.saturating_sub(self.used),
            run: 0,
            max_run: if xml { self.max_text() } else { usize::MAX },
            trip: None,
            formula: None,
        };
        let mut r = quick_xml::Reader::from_reader(BufReader::new(counted));
        r.config_mut().check_end_names = false;
        r
    }

    /// Run `parse` over a part, then count its bytes; a stop of the counting reader becomes
    /// the limit it stands for, at the place the parse had reached.
    fn run<Z: Read, T>(
        &mut self,
        mut xml: Xml<Z>,
        label: &str,
        parse: impl FnOnce(&mut Xml<Z>, &Self, &mut Place) -> Result<T, PartError>,
    ) -> Result<T, ReadError> {
        let mut place = Place::default();
        let result = parse(&mut xml, self, &mut place);
        let counted = xml.get_ref().get_ref();
        self.used = self.used.saturating_add(counted.read);
        let sheet = place.sheet.take().unwrap_or_else(|| label.to_string());
        let limit = |name: &str, found: u64, max: u64, place: Place| {
            exceeded_in_sheet(name, found, max, &sheet, place.row, place.cell)
        };
        match (counted.trip, result) {
            (Some(Trip::Bytes), _) => Err(limit(
                "max_decompressed_bytes",
                self.used,
                self.limits.max_decompressed_bytes,
                place,
            )),
            (Some(Trip::Run(n)), _) => Err(limit(
                "max_field_bytes",
                n as u64,
                self.limits.max_field_bytes as u64,
                place,
            )),
            (None, Ok(t)) => Ok(t),
            (None, Err(PartError::Xml(e))) => Err(ReadError::Workbook {
                why: format!("{label}: {e} (the file may be damaged)"),
            }),
            (
                None,
                Err(PartError::Limit {
                    limit: l,
                    found,
                    max,
                }),
            ) => Err(limit(l, found, max, place)),
            (None, Err(PartError::Read(e))) => Err(e),
        }
    }

    /// Count the bytes of a binary part (XLSB records).
    fn run_bytes<Z: Read>(&mut self, xml: Xml<Z>, label: &str) -> Result<(), ReadError> {
        self.run(xml, label, |x, _, _| {
            std::io::copy(x.get_mut(), &mut std::io::sink())
                .map(|_| ())
                .map_err(|e| PartError::Xml(e.into()))
        })
    }

    /// A sheet part of an XLSX: inflated and counted without parsing; parsed (for the place of
    /// an error, or for its formula cells without a value) only when a limit stopped it or it
    /// holds formulas, so that reading a plain sheet costs one inflate more, not a parse.
    fn sheet_part(
        &mut self,
        zip: &mut zip::ZipArchive<Cursor<&[u8]>>,
        name: &str,
        sheet: &str,
    ) -> Result<(), ReadError> {
        let before = self.used;
        let mut xml = self.reader(part(zip, name)?, true);
        xml.get_mut().get_mut().formula = Some(([0, 0], false));
        let counted = self.run(xml, sheet, |x, _, _| {
            std::io::copy(x.get_mut(), &mut std::io::sink())
                .map_err(|e| PartError::Xml(e.into()))?;
            Ok(x.get_ref().get_ref().formula.is_some_and(|(_, seen)| seen))
        });
        let after = self.used;
        // Parse again from the part's start: within the same budget, the parse stops where
        // the count stopped, and says at which cell.
        self.used = before;
        let parsed = match counted {
            Err(e @ ReadError::LimitExceeded { .. }) => {
                let xml = self.reader(part(zip, name)?, true);
                self.run(xml, sheet, xlsx_sheet)?;
                return Err(e);
            }
            Err(e) => return Err(e),
            Ok(false) => None,
            Ok(true) => {
                let xml = self.reader(part(zip, name)?, true);
                self.run(xml, sheet, xlsx_sheet)?
            }
        };
        self.used = after;
        if let Some(f) = parsed {
            self.out.formulas_without_value.insert(sheet.to_string(), f);
        }
        Ok(())
    }

    /// The sheet parts of an XLSX (`xl/worksheets/sheet1.xml`) with their sheet names, from
    /// `xl/workbook.xml` and its relationships; empty for an ODS.
    fn xlsx_sheet_parts(
        &mut self,
        zip: &mut zip::ZipArchive<Cursor<&[u8]>>,
    ) -> Result<HashMap<String, String>, ReadError> {
        let mut read = |path: &str, element: &[u8], keys: [&[u8]; 2]| {
            let Ok(entry) = zip.by_name(path) else {
                return Ok(Vec::new());
            };
            let xml = self.reader(entry, true);
            self.run(xml, path, |x, _, _| pairs(x, element, keys))
        };
        let sheets = read("xl/workbook.xml", b"sheet", [b"name", b"id"])?;
        let rels: HashMap<String, String> = read(
            "xl/_rels/workbook.xml.rels",
            b"Relationship",
            [b"Id", b"Target"],
        )?
        .into_iter()
        .collect();
        Ok(sheets
            .into_iter()
            .filter_map(|(name, id)| {
                let target = rels.get(&id)?;
                let path = match target.strip_prefix('/') {
                    Some(abs) => abs.to_string(),
                    None => format!("xl/{target}"),
                };
                Some((path, name))
            })
            .collect())
    }
}

/// Why a part's parse stopped, before it is placed.
enum PartError {
    Xml(quick_xml::Error),
    Limit {
        limit: &'static str,
        found: u64,
        max: u64,
    },
    Read(ReadError),
}

impl From<quick_xml::Error> for PartError {
    fn from(e: quick_xml::Error) -> Self {
        PartError::Xml(e)
    }
}

/// The value of the attribute with local name `key` (unescaped), if any.
fn attr(e: &BytesStart<'_>, key: &[u8]) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == key)
        .and_then(|a| {
            let raw = std::str::from_utf8(&a.value).ok()?;
            quick_xml::escape::unescape(raw)
                .ok()
                .map(|v| v.into_owned())
        })
}

/// True when the element has an attribute with this qualified name (`table:formula`).
fn has_attr(e: &BytesStart<'_>, qname: &[u8]) -> bool {
    e.attributes().flatten().any(|a| a.key.as_ref() == qname)
}

/// The pairs of attributes `keys` of every `element` (by local name).
fn pairs<B: BufRead>(
    xml: &mut quick_xml::Reader<B>,
    element: &[u8],
    keys: [&[u8]; 2],
) -> Result<Vec<(String, String)>, PartError> {
    let mut out = Vec::new();
    let mut buf = Vec::new();
    loop {
        match xml.read_event_into(&mut buf)? {
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == element => {
                let [a, b] = keys;
                if let (Some(x), Some(y)) = (attr(&e, a), attr(&e, b)) {
                    out.push((x, y));
                }
            }
            Event::Eof => return Ok(out),
            _ => {}
        }
        buf.clear();
    }
}

/// Any XML part: parsed to its end (so that the counting reader sees all of it).
fn drain_xml<B: BufRead>(
    xml: &mut quick_xml::Reader<B>,
    _: &Scan<'_>,
    _: &mut Place,
) -> Result<(), PartError> {
    let mut buf = Vec::new();
    while !matches!(xml.read_event_into(&mut buf)?, Event::Eof) {
        buf.clear();
    }
    Ok(())
}

/// `xl/sharedStrings.xml`: each string's text within the cap, and no more strings declared
/// than held (when the declared count is above `max_cells`).
fn shared_strings<B: BufRead>(
    xml: &mut quick_xml::Reader<B>,
    scan: &Scan<'_>,
    place: &mut Place,
) -> Result<(), PartError> {
    let (mut declared, mut held, mut text) = (0u64, 0u64, 0usize);
    let mut buf = Vec::new();
    loop {
        match xml.read_event_into(&mut buf)? {
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == b"sst" => {
                declared = attr(&e, b"uniqueCount")
                    .and_then(|n| n.trim().parse().ok())
                    .unwrap_or(0);
            }
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == b"si" => {
                held += 1;
                text = 0;
                place.cell = Some(format!("string {held}"));
            }
            Event::Text(t) => {
                text = text.saturating_add(t.len());
                check_text(text, scan)?;
            }
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    if declared > held && declared > scan.limits.max_cells {
        return Err(PartError::Read(ReadError::Workbook {
            why: format!(
                "xl/sharedStrings.xml declares {declared} strings (uniqueCount) but holds {held}"
            ),
        }));
    }
    Ok(())
}

/// The text of one cell (`len` bytes of XML so far) within 8 x `max_field_bytes`.
fn check_text(len: usize, scan: &Scan<'_>) -> Result<(), PartError> {
    if len > scan.max_text() {
        return Err(PartError::Limit {
            limit: "max_field_bytes",
            found: len as u64,
            max: scan.limits.max_field_bytes as u64,
        });
    }
    Ok(())
}

/// A sheet part of an XLSX: the text of each cell within the cap; the formula cells without
/// a saved value (`<c><f>..</f></c>` with no `<v>`), counted with the first's reference.
fn xlsx_sheet<B: BufRead>(
    xml: &mut quick_xml::Reader<B>,
    scan: &Scan<'_>,
    place: &mut Place,
) -> Result<Option<(u64, String)>, PartError> {
    let mut found: Option<(u64, String)> = None;
    let (mut in_cell, mut formula, mut value, mut text) = (false, false, false, 0usize);
    let mut buf = Vec::new();
    loop {
        match xml.read_event_into(&mut buf)? {
            Event::Start(e) if e.local_name().as_ref() == b"c" => {
                (in_cell, formula, value, text) = (true, false, false, 0);
                place.cell = attr(&e, b"r");
            }
            Event::Start(e) | Event::Empty(e) if in_cell => match e.local_name().as_ref() {
                b"f" => formula = true,
                b"v" | b"is" => value = true,
                _ => {}
            },
            Event::Text(t) if in_cell => {
                text = text.saturating_add(t.len());
                check_text(text, scan)?;
            }
            Event::End(e) if e.local_name().as_ref() == b"c" => {
                if in_cell && formula && !value {
                    let cell = place.cell.clone().unwrap_or_default();
                    let f = found.get_or_insert((0, cell));
                    f.0 += 1;
                }
                in_cell = false;
            }
            Event::Eof => return Ok(found),
            _ => {}
        }
        buf.clear();
    }
}

/// The used range of an ODS table so far, and its formula cells without a value.
#[derive(Default)]
struct OdsTable {
    name: String,
    /// 0-based index of the next row.
    row: u64,
    /// 0-based index of the next cell in the row.
    col: u64,
    /// Repeats of the current row.
    row_repeats: u64,
    /// First and last column holding a value in the current row.
    row_cols: Option<(u64, u64)>,
    /// First and last row, first and last column holding a value.
    rows: Option<(u64, u64)>,
    cols: Option<(u64, u64)>,
    /// The current cell: its repeats, whether it holds a value or a formula, its text.
    cell: Option<OdsCell>,
    formulas: Option<(u64, String)>,
}

#[derive(Default)]
struct OdsCell {
    repeats: u64,
    value: bool,
    formula: bool,
    text: usize,
}

/// A repeat count attribute (`table:number-rows-repeated`), 1 when absent or unreadable (the
/// reader then reports the file as damaged).
fn repeats(e: &BytesStart<'_>, key: &[u8]) -> u64 {
    attr(e, key)
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or(1)
        .max(1)
}

fn span(a: Option<(u64, u64)>, lo: u64, hi: u64) -> Option<(u64, u64)> {
    Some(a.map_or((lo, hi), |(x, y)| (x.min(lo), y.max(hi))))
}

impl OdsTable {
    fn start_cell(&mut self, e: &BytesStart<'_>, place: &mut Place) {
        place.cell = Some(cell_ref(self.col, self.row));
        self.cell = Some(OdsCell {
            repeats: repeats(e, b"number-columns-repeated"),
            value: has_attr(e, b"office:value-type"),
            formula: has_attr(e, b"table:formula"),
            text: 0,
        });
    }

    fn end_cell(&mut self) {
        let Some(c) = self.cell.take() else {
            return;
        };
        let last = self.col.saturating_add(c.repeats.saturating_sub(1));
        if c.value {
            self.row_cols = span(self.row_cols, self.col, last);
        } else if c.formula {
            let at = cell_ref(self.col, self.row);
            self.formulas.get_or_insert((0, at)).0 += c.repeats;
        }
        self.col = last.saturating_add(1);
    }

    /// Close a row: widen the used range by it, and check the range against the limits.
    fn end_row(&mut self, limits: &ReadLimits, place: &mut Place) -> Result<(), PartError> {
        let last_row = self.row.saturating_add(self.row_repeats.saturating_sub(1));
        if let Some((c0, c1)) = self.row_cols.take() {
            self.rows = span(self.rows, self.row, last_row);
            self.cols = span(self.cols, c0, c1);
        }
        self.row = last_row.saturating_add(1);
        self.col = 0;
        let (Some((r0, r1)), Some((c0, c1))) = (self.rows, self.cols) else {
            return Ok(());
        };
        let height = r1.saturating_sub(r0).saturating_add(1);
        let width = c1.saturating_sub(c0).saturating_add(1);
        place.row = r1.saturating_add(1);
        place.cell = Some(cell_ref(c1, r1));
        let limit = |limit, found, max| Err(PartError::Limit { limit, found, max });
        if height.saturating_mul(width) > limits.max_cells {
            return limit("max_cells", height.saturating_mul(width), limits.max_cells);
        }
        if height > limits.max_rows.saturating_add(TITLE_ROWS) {
            place.cell = None;
            return limit("max_rows", height, limits.max_rows);
        }
        if r1 >= SHEET_ROWS || c1 >= SHEET_COLS {
            return Err(PartError::Read(ReadError::Workbook {
                why: format!(
                    "sheet `{}`: cells repeated up to {} lie past the {SHEET_ROWS} rows and \
                     {SHEET_COLS} columns a sheet holds; they would be lost",
                    self.name,
                    cell_ref(c1, r1)
                ),
            }));
        }
        Ok(())
    }
}

/// The reference of a 0-based column and row (`XFD1048576`), for counts past a sheet's end.
fn cell_ref(col: u64, row: u64) -> String {
    cell_reference(
        u32::try_from(col).unwrap_or(u32::MAX),
        row.saturating_add(1),
    )
}

/// `content.xml` of an ODS: each table's used range (repeats counted) within the limits and
/// the sheet's bounds, each cell's text within the cap, and per table the formula cells
/// without a value.
fn ods_content<B: BufRead>(
    xml: &mut quick_xml::Reader<B>,
    scan: &Scan<'_>,
    place: &mut Place,
) -> Result<HashMap<String, (u64, String)>, PartError> {
    let mut out = HashMap::new();
    let mut t = OdsTable::default();
    let mut buf = Vec::new();
    loop {
        let ev = xml.read_event_into(&mut buf)?;
        let empty = matches!(ev, Event::Empty(_));
        match ev {
            Event::Start(e) | Event::Empty(e) => match e.name().as_ref() {
                b"table:table" => {
                    t = OdsTable {
                        name: attr(&e, b"name").unwrap_or_default(),
                        ..OdsTable::default()
                    };
                    *place = Place {
                        sheet: Some(t.name.clone()),
                        ..Place::default()
                    };
                }
                b"table:table-row" => {
                    t.row_repeats = repeats(&e, b"number-rows-repeated");
                    place.row = t.row.saturating_add(1);
                    if empty {
                        t.end_row(scan.limits, place)?;
                    }
                }
                b"table:table-cell" | b"table:covered-table-cell" => {
                    t.start_cell(&e, place);
                    if empty {
                        t.end_cell();
                    }
                }
                b"text:p" => {
                    if let Some(c) = t.cell.as_mut() {
                        c.value = true;
                    }
                }
                _ => {}
            },
            Event::Text(x) => {
                if let Some(c) = t.cell.as_mut() {
                    c.text = c.text.saturating_add(x.len());
                    check_text(c.text, scan)?;
                }
            }
            Event::End(e) => match e.name().as_ref() {
                b"table:table-cell" | b"table:covered-table-cell" => t.end_cell(),
                b"table:table-row" => t.end_row(scan.limits, place)?,
                b"table:table" => {
                    if let Some(f) = t.formulas.take() {
                        out.insert(t.name.clone(), f);
                    }
                }
                _ => {}
            },
            Event::Eof => return Ok(out),
            _ => {}
        }
        buf.clear();
    }
}
