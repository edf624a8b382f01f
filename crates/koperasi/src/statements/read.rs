//! Reading published statements from a table (CSV, XLSX/ODS) or from TOML/JSON: one statement
//! per row or per record, with Indonesian or English column names.
//!
//! Columns (normalised headers, [`crate::io::headers::normalize_header`]; the first of each list
//! is the English name): `id`; `said_on` (`tanggal`, `tanggal_pernyataan`, `date`);
//! `describes` (`periode`, `keadaan`, `per`, `period`); `region` (`wilayah`); `definition`
//! (`definisi`); `policy` (`kebijakan`); `book_year` (`tahun_buku`); `breakdown` (`rincian`,
//! `dimension=value`) or the two columns `breakdown_dimension` (`rincian_dimensi`) and
//! `breakdown_value` (`rincian_nilai`); `value` (`nilai`, `jumlah`); `percent_of`
//! (`persen_dari`); `stated_change` (`perubahan`); `change_from` (`sejak`); `source`
//! (`sumber`); `quote` (`kutipan`). `definition` and `value` are required: they are what tells
//! a statements file from a register or a table of counts ([`looks_like_statements`]).
//!
//! Every row that cannot be read is rejected with its line, column, text and reason in the
//! [`ReadReport`] (a printed `1/2/20245` is `date_invalid`: "year 20245 is not written with 4
//! digits"), never guessed.

use super::Statement;
use super::row::{FIELDS, statement_from_row};
use crate::error::ReadError;
use crate::io::{ReadOptions, ReadReport, Rejection, headers};
use serde::{Deserialize, Serialize};

/// Statements read from a file, with the read report (rows read, accepted, every rejected
/// row with its line and reason; `accepted + rejected.len() == rows_read`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct StatementsRead {
    /// The statements read, in file order.
    pub statements: Vec<Statement>,
    /// What the reader did.
    pub report: ReadReport,
}

/// A table as text: its header and its data rows with their 1-based lines (header = line 1
/// for a CSV without blank lines above it).
struct Rows {
    headers: Vec<String>,
    rows: Vec<(u64, Vec<String>)>,
}

/// True when a header row holds a definition column and a value column (`definisi` + `nilai`,
/// `definition` + `value`): a file of published statements.
pub fn looks_like_statements(header_row: &[String]) -> bool {
    let fields = headers::match_headers(header_row, FIELDS, &[]).unwrap_or_default();
    let has = |f: &str| fields.iter().any(|x| x.as_deref() == Some(f));
    has("definition") && has("value")
}

/// True when `bytes` hold a statements table ([`looks_like_statements`] on its header): an
/// XLSX/ODS workbook (feature `xlsx`; `sheet` as in [`read_statements_bytes`]) or CSV text, of
/// which the first 64 KiB are enough. False for anything that cannot be read.
pub fn is_statements_file(bytes: &[u8], sheet: Option<&str>, options: &ReadOptions) -> bool {
    if crate::io::bytes::looks_like_workbook(bytes) {
        #[cfg(feature = "xlsx")]
        return crate::io::xlsx::read_xlsx_table(bytes, sheet, options)
            .is_ok_and(|t| looks_like_statements(&t.headers));
        #[cfg(not(feature = "xlsx"))]
        return false;
    }
    let _ = sheet;
    let head = bytes.get(..1 << 16).unwrap_or(bytes);
    let head = head
        .strip_prefix(b"\xef\xbb\xbf".as_slice())
        .unwrap_or(head);
    let delimiter = options
        .delimiter
        .unwrap_or_else(|| crate::io::sniff_delimiter(crate::io::first_line(head)));
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(head);
    let mut rec = csv::ByteRecord::new();
    crate::io::read_header(&mut rdr, &mut rec).is_ok_and(|h| looks_like_statements(&h))
}

/// Read statements from CSV text (encoding, delimiter and limits as the other readers:
/// Windows-1252 converted, delimiter guessed when `options.delimiter` is `None`).
///
/// Errors: [`ReadError::Empty`], [`ReadError::Csv`], [`ReadError::Io`],
/// [`ReadError::LimitExceeded`], [`ReadError::MissingColumn`] (no definition or value column),
/// and mapping errors of [`crate::io::headers::match_headers`].
pub fn read_statements<R: std::io::Read>(
    input: R,
    options: &ReadOptions,
) -> Result<StatementsRead, ReadError> {
    convert(csv_rows(input, options)?, options, None)
}

/// Read statements from a file's bytes: an XLSX/ODS workbook (feature `xlsx`; `sheet` by name
/// or 1-based number, else the first) or CSV text ([`read_statements`]).
///
/// Errors: those of [`read_statements`]; [`ReadError::Workbook`] for a workbook when built
/// without the `xlsx` feature, or a sheet asked of CSV text.
pub fn read_statements_bytes(
    bytes: &[u8],
    sheet: Option<&str>,
    options: &ReadOptions,
) -> Result<StatementsRead, ReadError> {
    if crate::io::bytes::looks_like_workbook(bytes) {
        #[cfg(feature = "xlsx")]
        {
            let t = crate::io::xlsx::read_xlsx_table(bytes, sheet, options)?;
            // The table's first row is the header (sheet row 1 when nothing is above it).
            let rows = (2u64..).zip(t.rows).collect();
            let name = sheet.map(str::to_string);
            return convert(
                Rows {
                    headers: t.headers,
                    rows,
                },
                options,
                name,
            );
        }
        #[cfg(not(feature = "xlsx"))]
        return Err(ReadError::Workbook {
            why: "this build reads no workbooks (feature `xlsx`); save the sheet as CSV".into(),
        });
    }
    if let Some(sheet) = sheet {
        return Err(ReadError::Workbook {
            why: format!("a sheet (`{sheet}`) was asked for, but this is CSV text, not a workbook"),
        });
    }
    read_statements(bytes, options)
}

/// Read statements from JSON: an array of objects, or an object whose `statements` (or
/// `pernyataan`) key holds one, each object keyed by the same column names as a table
/// (`{"tanggal": "1 Februari 2025", "definisi": "terdata", "nilai": 438}`). Record `n`
/// (1-based) is reported as line `n`.
///
/// Errors: [`ReadError::Csv`] (line 0) for text that is not JSON of that shape,
/// [`ReadError::LimitExceeded`] for nesting or size over the limits, and those of
/// [`read_statements`] for the columns.
pub fn statements_from_json(
    text: &str,
    options: &ReadOptions,
) -> Result<StatementsRead, ReadError> {
    check_size(text, options)?;
    crate::io::limits::check_json_nesting(text, options.limits.max_nesting)?;
    let value: serde_json::Value = serde_json::from_str(text).map_err(|e| ReadError::Csv {
        line: e.line() as u64,
        why: format!("not JSON: {e}"),
    })?;
    let records = match &value {
        serde_json::Value::Array(a) => a.clone(),
        serde_json::Value::Object(o) => match o.get("statements").or_else(|| o.get("pernyataan")) {
            Some(serde_json::Value::Array(a)) => a.clone(),
            _ => {
                return Err(not_records(
                    "JSON",
                    "an array of objects, or {\"statements\": [...]}",
                ));
            }
        },
        _ => return Err(not_records("JSON", "an array of objects")),
    };
    let mut objects = Vec::new();
    for r in records {
        let serde_json::Value::Object(o) = r else {
            return Err(not_records("JSON", "each statement an object"));
        };
        objects.push(o.into_iter().map(|(k, v)| (k, json_text(v))).collect());
    }
    convert(records_to_rows(objects), options, None)
}

/// Read statements from TOML: an array of tables `[[statements]]` (or `[[pernyataan]]`),
/// each keyed like a table's columns (`definisi = "teridentifikasi"`, `nilai = 113`). Record
/// `n` (1-based) is reported as line `n`.
///
/// Errors: as [`statements_from_json`].
pub fn statements_from_toml(
    text: &str,
    options: &ReadOptions,
) -> Result<StatementsRead, ReadError> {
    check_size(text, options)?;
    let doc: toml::Table = toml::from_str(text).map_err(|e| ReadError::Csv {
        line: 0,
        why: format!("not TOML: {e}"),
    })?;
    let Some(toml::Value::Array(records)) = doc.get("statements").or_else(|| doc.get("pernyataan"))
    else {
        return Err(not_records("TOML", "[[statements]] tables"));
    };
    let mut objects = Vec::new();
    for r in records {
        let toml::Value::Table(t) = r else {
            return Err(not_records("TOML", "each statement a table"));
        };
        objects.push(t.iter().map(|(k, v)| (k.clone(), toml_text(v))).collect());
    }
    convert(records_to_rows(objects), options, None)
}

fn check_size(text: &str, options: &ReadOptions) -> Result<(), ReadError> {
    let max = options.limits.max_input_bytes;
    if text.len() as u64 > max {
        return Err(crate::io::limits::exceeded(
            "max_input_bytes",
            text.len() as u64,
            max,
            0,
        ));
    }
    Ok(())
}

fn not_records(format: &str, want: &str) -> ReadError {
    ReadError::Csv {
        line: 0,
        why: format!("{format} statements must be {want}"),
    }
}

fn json_text(v: serde_json::Value) -> String {
    match v {
        serde_json::Value::String(s) => s,
        serde_json::Value::Null => String::new(),
        other => other.to_string(),
    }
}

fn toml_text(v: &toml::Value) -> String {
    match v {
        toml::Value::String(s) => s.clone(),
        toml::Value::Integer(i) => i.to_string(),
        toml::Value::Float(f) => f.to_string(),
        toml::Value::Boolean(b) => b.to_string(),
        toml::Value::Datetime(d) => d.to_string(),
        toml::Value::Array(_) | toml::Value::Table(_) => String::new(),
    }
}

/// Records of (key, text) as a table: the keys in order of first appearance are the header.
fn records_to_rows(records: Vec<Vec<(String, String)>>) -> Rows {
    let mut headers: Vec<String> = Vec::new();
    for r in &records {
        for (k, _) in r {
            if !headers.contains(k) {
                headers.push(k.clone());
            }
        }
    }
    let rows = (1u64..)
        .zip(records)
        .map(|(n, r)| {
            let cells = headers
                .iter()
                .map(|h| {
                    r.iter()
                        .find(|(k, _)| k == h)
                        .map(|(_, v)| v.clone())
                        .unwrap_or_default()
                })
                .collect();
            (n, cells)
        })
        .collect();
    Rows { headers, rows }
}

/// The CSV's header and rows with their lines (blank rows skipped).
fn csv_rows<R: std::io::Read>(input: R, options: &ReadOptions) -> Result<Rows, ReadError> {
    use crate::io::encoding;
    use std::io::Read;
    let mut bytes = Vec::new();
    crate::io::limits::CappedReader::new(input, options.limits.max_input_bytes)
        .read_to_end(&mut bytes)
        .map_err(|e| crate::io::io_error(&e))?;
    if encoding::detect_encoding(&bytes) == encoding::TextEncoding::Windows1252 {
        bytes = encoding::decode_windows_1252(&bytes).into_bytes();
    }
    let body = bytes
        .strip_prefix(b"\xef\xbb\xbf".as_slice())
        .unwrap_or(&bytes);
    let delimiter = options
        .delimiter
        .unwrap_or_else(|| crate::io::sniff_delimiter(crate::io::first_line(body)));
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(body);
    let mut rec = csv::ByteRecord::new();
    let headers = crate::io::read_header(&mut rdr, &mut rec)?;
    let mut rows = Vec::new();
    loop {
        match rdr.read_byte_record(&mut rec) {
            Ok(false) => break,
            Err(e) => return Err(crate::io::csv_error(&e)),
            Ok(true) => {}
        }
        let line = rec.position().map_or(0, csv::Position::line);
        options
            .limits
            .check_record(&rec, rows.len() as u64 + 1, line)?;
        let cells: Vec<String> = rec.iter().map(crate::io::decode).collect();
        if cells.iter().any(|c| !c.trim().is_empty()) {
            rows.push((line, cells));
        }
    }
    Ok(Rows { headers, rows })
}

/// Turn rows into statements, rejecting the rows that cannot be read.
fn convert(
    table: Rows,
    options: &ReadOptions,
    sheet: Option<String>,
) -> Result<StatementsRead, ReadError> {
    let fields = headers::match_headers(&table.headers, FIELDS, &options.mapping)?;
    for (need, looked_for) in [
        ("definition", "definisi, definition"),
        ("value", "nilai, value"),
    ] {
        if !fields.iter().any(|f| f.as_deref() == Some(need)) {
            return Err(ReadError::MissingColumn {
                field: need.to_string(),
                looked_for: looked_for.to_string(),
                found: table.headers.join(", "),
            });
        }
    }
    let mut report = ReadReport {
        columns: table
            .headers
            .iter()
            .cloned()
            .zip(fields.iter().cloned())
            .collect(),
        sheet,
        ..ReadReport::default()
    };
    let mut statements = Vec::new();
    for (line, cells) in &table.rows {
        report.rows_read += 1;
        match statement_from_row(&table.headers, &fields, cells, *line) {
            Ok(s) => statements.push(s),
            Err(r) => report.rejected.push(Rejection {
                fields: cells.clone(),
                ..*r
            }),
        }
    }
    report.accepted = statements.len() as u64;
    Ok(StatementsRead { statements, report })
}
