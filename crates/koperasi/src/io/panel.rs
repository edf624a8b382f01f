//! Reading a panel of published counts (region x period x measure) from CSV.
//!
//! Header recognition: each header is normalised with [`normalize_header`]
//! (`KABUPATEN / KOTA` -> `kabupaten_kota`) and compared with the synonyms of
//! [`panel_fields`]; the first synonym (in the table's order of preference) that names a
//! column wins, so a file with both `provinsi` and `kabupaten_kota` columns takes the
//! kabupaten/kota column as the region. An explicit mapping in [`ReadOptions::mapping`] wins
//! over recognition (checked with [`match_headers`]); a mapped field name that is not a field of
//! the table becomes a measure of that name.
//!
//! Columns:
//! - `region` (required): the region name as published;
//! - `period` (`PERIODE UPDATE`, `periode`, `tanggal`), read with
//!   [`crate::stats::Period::parse`]; or, when absent or empty in a row, `year` (`tahun`) with
//!   optional `quarter` (`triwulan`: `3`, `III`, `Q3`, `TW 3`) or `month` (`bulan`). A file with
//!   neither `period` nor `year` is refused with [`ReadError::MissingColumn`];
//! - `region_code` (`kode_wilayah`): a Kemendagri code; when absent or empty the code is
//!   resolved from the name at every level with [`crate::wilayah::resolve_names`] (provinsi,
//!   kab/kota, and kecamatan/desa within [`ReadOptions::region`] or within the kab/kota the
//!   other rows lie in; ambiguous names are retried within the province most rows belong to),
//!   and left `None` when not found or for the nation (`INDONESIA`);
//! - `row_number` (`no`, `no_urut`): ignored;
//! - every count field of the table (`aktif`, `tidak_aktif`, `total`, `karyawan`, ...) becomes
//!   the measure of that name, read with [`crate::locale::parse_count`];
//! - any other column with at least one cell that reads as a count becomes a measure named by
//!   its normalised header (`Jumlah Anggota Baru` -> `jumlah_anggota_baru`); its cells that are
//!   not counts (`1O` typed for `10`) become [`ReadReport::cell_errors`] (code `bad_count`, with
//!   line, column and value), the measure is left absent in that row and the row is **kept**
//!   (unlike a bad cell of a known count field, which rejects the row);
//! - any other column with no count at all (text such as `KETERANGAN`) is kept per row in
//!   [`PanelRow::extra`] as (header, cell), empty cells left out, and is listed in
//!   [`ReadReport::columns`] with `None`.
//!
//! Cells: surrounding spaces are trimmed; a placeholder ([`crate::locale::is_missing`]: empty,
//! `-`, `n/a`, ...) leaves the measure absent (not 0). A row whose region is missing, whose
//! period cannot be read, or with a count cell that cannot be read is rejected into
//! [`ReadReport::rejected`] with its 1-based line (the header is line 1; a row spanning several
//! lines because of a quoted newline is reported at the line where it starts), the first bad
//! column and value, and a reason naming all problems of the row. Rejection codes:
//! `missing_region`, `missing_period`, `bad_period`, `bad_count`, `too_many_fields`,
//! `unterminated_quote`. Total rows are kept as rows: the national row, a province row among
//! its kab/kota (`JAWA TIMUR`), a `JUMLAH`/`TOTAL` row; [`crate::stats::levels`] tells them
//! from their parts, so they are never summed with them, and
//! [`crate::stats::check_levels`] checks them against their parts.
//! Rows whose cells are all empty are skipped as blank and not counted in `rows_read`.
//! Cells that are not valid UTF-8 are read as Latin-1, so nothing is lost.

use super::headers::{match_headers, normalize_header};
use super::{LineIndex, decode};
use super::{ReadOptions, ReadReport, Rejection};
use crate::error::ReadError;
use crate::locale::{Accept, ColumnMark};
use crate::stats::panel::{AKTIF, TIDAK_AKTIF, TOTAL};
use crate::stats::period::{parse_month_label, parse_quarter_label};
use crate::stats::{Panel, PanelRow, Period};
use crate::wilayah::KodeWilayah;
use std::collections::{BTreeMap, BTreeSet};

/// Field: region name (required).
pub const REGION: &str = "region";
/// Field: period label.
pub const PERIOD: &str = "period";
/// Field: year, when the period is split into columns.
pub const YEAR: &str = "year";
/// Field: quarter (triwulan) number, with `year`.
pub const QUARTER: &str = "quarter";
/// Field: month number or name, with `year`.
pub const MONTH: &str = "month";
/// Field: Kemendagri region code.
pub const REGION_CODE: &str = "region_code";
/// Field: a running row number, ignored.
pub const ROW_NUMBER: &str = "row_number";

/// Fields that are not measures.
const STRUCTURAL: &[&str] = &[
    REGION,
    PERIOD,
    YEAR,
    QUARTER,
    MONTH,
    REGION_CODE,
    ROW_NUMBER,
];

/// (field, synonyms as normalised headers, in order of preference).
static FIELDS: &[(&str, &[&str])] = &[
    (
        REGION,
        &[
            "kabupaten_kota",
            "kab_kota",
            "kabkota",
            "kabupaten_atau_kota",
            "kota_kabupaten",
            "nama_kabupaten_kota",
            "nama_kab_kota",
            "kabupaten",
            "kota",
            "wilayah",
            "nama_wilayah",
            "daerah",
            "nama_daerah",
            "region",
            "provinsi",
            "nama_provinsi",
            "province",
        ],
    ),
    (
        PERIOD,
        &[
            "periode_update",
            "periode",
            "period",
            "periode_data",
            "tanggal_update",
            "tanggal_data",
            "tanggal",
            "per_tanggal",
            "waktu",
            "as_of",
        ],
    ),
    (YEAR, &["tahun", "year", "tahun_data", "thn"]),
    (
        QUARTER,
        &["triwulan", "kuartal", "kwartal", "quarter", "tw", "q"],
    ),
    (MONTH, &["bulan", "month"]),
    (
        REGION_CODE,
        &[
            "kode_wilayah",
            "kode_kabupaten_kota",
            "kode_kab_kota",
            "kode_kemendagri",
            "kode_daerah",
            "kode",
        ],
    ),
    (ROW_NUMBER, &["no", "no_urut", "nomor", "nomor_urut", "nmr"]),
    (
        AKTIF,
        &[
            "jumlah_koperasi_aktif",
            "koperasi_aktif",
            "jumlah_aktif",
            "aktif",
            "kop_aktif",
            "jml_koperasi_aktif",
            "active",
        ],
    ),
    (
        TIDAK_AKTIF,
        &[
            "jumlah_koperasi_tidak_aktif",
            "koperasi_tidak_aktif",
            "jumlah_tidak_aktif",
            "tidak_aktif",
            "koperasi_non_aktif",
            "non_aktif",
            "nonaktif",
            "tdk_aktif",
            "kop_tidak_aktif",
            "jml_koperasi_tidak_aktif",
            "inactive",
        ],
    ),
    (
        TOTAL,
        &[
            "jumlah_koperasi_total",
            "jumlah_koperasi",
            "total_koperasi",
            "koperasi_total",
            "jml_koperasi",
            "total",
            "jumlah",
        ],
    ),
    ("karyawan", &["jumlah_karyawan", "karyawan", "jml_karyawan"]),
    (
        "manager",
        &["jumlah_manager", "jumlah_manajer", "manager", "manajer"],
    ),
    ("usaha_besar", &["usaha_besar", "jumlah_usaha_besar"]),
    (
        "usaha_menengah",
        &["usaha_menengah", "jumlah_usaha_menengah"],
    ),
    ("usaha_kecil", &["usaha_kecil", "jumlah_usaha_kecil"]),
    ("usaha_mikro", &["usaha_mikro", "jumlah_usaha_mikro"]),
    (
        "penduduk_laki_laki",
        &[
            "jumlah_penduduk_laki_laki",
            "penduduk_laki_laki",
            "penduduk_pria",
        ],
    ),
    (
        "penduduk_perempuan",
        &[
            "jumlah_penduduk_perempuan",
            "penduduk_perempuan",
            "penduduk_wanita",
        ],
    ),
    ("anggota", &["jumlah_anggota", "anggota", "total_anggota"]),
    (
        "anggota_laki_laki",
        &[
            "jumlah_anggota_laki_laki",
            "anggota_laki_laki",
            "anggota_pria",
            "jumlah_anggota_pria",
        ],
    ),
    (
        "anggota_perempuan",
        &[
            "jumlah_anggota_perempuan",
            "anggota_perempuan",
            "anggota_wanita",
            "jumlah_anggota_wanita",
        ],
    ),
];

/// The field/synonym table of panel files: (field name, synonyms as normalised headers, most
/// preferred first). Fields: `region`, `period`, `year`, `quarter`, `month`, `region_code`,
/// `row_number`, and the count fields (measures) `aktif`, `tidak_aktif`, `total`, `karyawan`,
/// `manager`, `usaha_besar`, `usaha_menengah`, `usaha_kecil`, `usaha_mikro`,
/// `penduduk_laki_laki`, `penduduk_perempuan`, `anggota`, `anggota_laki_laki`,
/// `anggota_perempuan`.
pub fn panel_fields() -> &'static [(&'static str, &'static [&'static str])] {
    FIELDS
}

/// Match headers to fields: the explicit mapping first (via [`match_headers`], which also
/// refuses a mapping naming a missing column), then each field by its synonyms in order of
/// preference, each header used at most once.
fn recognise(
    headers: &[String],
    mapping: &[(String, String)],
) -> Result<Vec<Option<String>>, ReadError> {
    match_headers(headers, FIELDS, mapping)
}

/// True when these headers look like a panel: a region column, a period (or year) column and
/// at least one count column of [`panel_fields`] are recognised.
pub fn looks_like_panel(headers: &[String]) -> bool {
    looks_like_panel_with(headers, &[])
}

/// [`looks_like_panel`] with an explicit column mapping (fields of [`panel_fields`]); false
/// when the mapping does not fit a panel.
pub fn looks_like_panel_with(headers: &[String], mapping: &[(String, String)]) -> bool {
    let Ok(m) = recognise(headers, mapping) else {
        return false;
    };
    let has = |f: &str| m.iter().any(|x| x.as_deref() == Some(f));
    has(REGION)
        && (has(PERIOD) || has(YEAR))
        && m.iter()
            .flatten()
            .any(|f| !STRUCTURAL.contains(&f.as_str()))
}

fn synonyms_of(field: &str) -> String {
    FIELDS
        .iter()
        .find(|(f, _)| *f == field)
        .map(|(_, s)| s.join(", "))
        .unwrap_or_default()
}

/// A problem in one cell of a row.
struct Problem {
    column: String,
    value: String,
    code: &'static str,
    reason: String,
}

/// Read a count cell under its column's decimal mark: `Ok(None)` for a placeholder, `Err`
/// with the code and reason for anything else that is not a whole count fitting `i64`
/// (`number_ambiguous` for a number that reads two ways or mixes conventions, `bad_count`
/// otherwise).
fn read_count(cell: &str, mark: ColumnMark) -> Result<Option<i64>, (&'static str, String)> {
    if crate::locale::is_missing(cell) {
        return Ok(None);
    }
    let n = mark.count(cell).map_err(|e| match e.code() {
        "number_ambiguous" => ("number_ambiguous", e.to_string()),
        _ => ("bad_count", e.to_string()),
    })?;
    i64::try_from(n)
        .map(Some)
        .map_err(|_| ("bad_count", format!("`{cell}` is too large for a count")))
}

/// Read a panel CSV (see the module documentation for columns, synonyms and rejections).
///
/// Returns the panel of accepted rows (in file order) and the report; the invariant
/// `report.accepted + report.rejected.len() == report.rows_read` holds.
///
/// Errors (the whole file): [`ReadError::Empty`] without a header row;
/// [`ReadError::MissingColumn`] without a region column or without a period/year column;
/// [`ReadError::BadMapping`] when the mapping names a column that does not exist;
/// [`ReadError::Csv`] / [`ReadError::Io`] when the input cannot be read.
pub fn read_panel<R: std::io::Read>(
    input: R,
    options: &ReadOptions,
) -> Result<(Panel, ReadReport), ReadError> {
    let (input, encoding) = super::utf8_input(input, options)?;
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(options.delimiter.unwrap_or(b','))
        .from_reader(LineIndex::new(super::limits::CappedReader::new(
            input,
            options.limits.max_input_bytes,
        )));
    let headers = super::read_header(&mut rdr, &mut csv::ByteRecord::new())?;
    let mut fields = recognise(&headers, &options.mapping)?;
    let col =
        |fields: &[Option<String>], f: &str| fields.iter().position(|x| x.as_deref() == Some(f));
    let found = || headers.join(", ");
    let region_col = col(&fields, REGION).ok_or_else(|| ReadError::MissingColumn {
        field: REGION.into(),
        looked_for: synonyms_of(REGION),
        found: found(),
    })?;
    let period_col = col(&fields, PERIOD);
    let year_col = col(&fields, YEAR);
    if period_col.is_none() && year_col.is_none() {
        return Err(ReadError::MissingColumn {
            field: PERIOD.into(),
            looked_for: format!("{}, {}", synonyms_of(PERIOD), synonyms_of(YEAR)),
            found: found(),
        });
    }
    let quarter_col = col(&fields, QUARTER);
    let month_col = col(&fields, MONTH);
    let code_col = col(&fields, REGION_CODE);

    // Read every non-blank record (panels are small: regions x periods).
    let mut blank_rows = 0u64;
    let mut records: Vec<(u64, Vec<String>)> = Vec::new();
    let mut rec = csv::ByteRecord::new();
    loop {
        match rdr.read_byte_record(&mut rec) {
            Ok(false) => break,
            Ok(true) => {
                let cells: Vec<String> = rec.iter().map(|c| decode(c).trim().to_string()).collect();
                if cells.iter().all(String::is_empty) {
                    blank_rows += 1;
                    continue;
                }
                let start = rec.position().map_or(0, csv::Position::byte);
                let line = rdr.get_mut().line_at(start);
                options
                    .limits
                    .check_record(&rec, records.len() as u64 + 1, line)?;
                records.push((line, cells));
            }
            Err(e) => return Err(super::csv_error(&e)),
        }
    }

    // How each column's numbers are read: every column that is not structural may hold counts.
    let numbers: Vec<(usize, Accept)> = (0..headers.len())
        .filter(|i| {
            !fields
                .get(*i)
                .and_then(Option::as_deref)
                .is_some_and(|f| STRUCTURAL.contains(&f))
        })
        .map(|i| (i, Accept::COUNT))
        .collect();
    let mut notes = Vec::new();
    let marks = super::decimal::column_marks_with(options, &headers, &numbers, &mut notes, |t| {
        for (_, cells) in &records {
            t.add_row(|i| cells.get(i));
        }
    });
    let mark = |i: usize| marks.get(i).copied().unwrap_or_default();

    // Unknown columns: a measure when at least one cell is a count (its other non-empty cells
    // are cell errors), else text kept in `extra`.
    let mut used: BTreeSet<String> = fields.iter().flatten().cloned().collect();
    let mut inferred: BTreeSet<usize> = BTreeSet::new();
    let mut extra_cols: Vec<usize> = Vec::new();
    for (i, h) in headers.iter().enumerate() {
        if fields.get(i).is_some_and(Option::is_some) {
            continue;
        }
        let any = records.iter().any(|(_, cells)| {
            let c = cells.get(i).map_or("", String::as_str);
            matches!(read_count(c, mark(i)), Ok(Some(_)))
        });
        if !any {
            extra_cols.push(i);
            continue;
        }
        let mut name = normalize_header(h);
        if name.is_empty() {
            name = format!("column_{}", i + 1);
        }
        let base = name.clone();
        let mut n = i + 1;
        while used.contains(&name) {
            name = format!("{base}_{n}");
            n += 1;
        }
        used.insert(name.clone());
        inferred.insert(i);
        if let Some(slot) = fields.get_mut(i) {
            *slot = Some(name);
        }
    }
    let measure_cols: Vec<(usize, String)> = fields
        .iter()
        .enumerate()
        .filter_map(|(i, f)| {
            f.as_ref()
                .filter(|f| !STRUCTURAL.contains(&f.as_str()))
                .map(|f| (i, f.clone()))
        })
        .collect();

    // A quote never closed: the last record swallowed the rest of the file.
    let unterminated = if rdr.get_ref().quotes_balanced() {
        None
    } else {
        records
            .last()
            .map(|(line, _)| (*line, rdr.get_ref().last_line()))
    };
    let header_of = |i: usize| headers.get(i).cloned().unwrap_or_default();
    let mut report = ReadReport {
        blank_rows,
        notes,
        columns: headers
            .iter()
            .cloned()
            .zip(fields.iter().cloned())
            .collect(),
        ..ReadReport::default()
    };
    let mut rows: Vec<PanelRow> = Vec::new();
    for (line, cells) in &records {
        report.rows_read += 1;
        let cell = |i: Option<usize>| i.and_then(|i| cells.get(i)).map_or("", String::as_str);
        let mut problems: Vec<Problem> = Vec::new();
        if let Some((from, to)) = unterminated.filter(|(l, _)| l == line) {
            problems.push(Problem {
                column: String::new(),
                value: String::new(),
                code: "unterminated_quote",
                reason: format!(
                    "a quote opened in this row is never closed, so lines {from}-{to} were read as one row; close the quote"
                ),
            });
        }
        if cells.len() > headers.len() && cells.iter().skip(headers.len()).any(|c| !c.is_empty()) {
            problems.push(Problem {
                column: String::new(),
                value: String::new(),
                code: "too_many_fields",
                reason: format!(
                    "the row has {} fields but the header has {}",
                    cells.len(),
                    headers.len()
                ),
            });
        }

        let region = cell(Some(region_col));
        if crate::locale::is_missing(region) {
            problems.push(Problem {
                column: header_of(region_col),
                value: region.to_string(),
                code: "missing_region",
                reason: "the region name is missing".into(),
            });
        }

        let period = read_period(
            cell(period_col),
            cell(year_col),
            cell(quarter_col),
            cell(month_col),
        );
        let period = match period {
            Ok(p) => Some(p),
            Err(PeriodProblem::Missing) => {
                problems.push(Problem {
                    column: header_of(period_col.or(year_col).unwrap_or(0)),
                    value: String::new(),
                    code: "missing_period",
                    reason: "the period is missing".into(),
                });
                None
            }
            Err(PeriodProblem::Bad { column, value, why }) => {
                let c = match column {
                    PeriodCol::Period => period_col,
                    PeriodCol::Year => year_col,
                    PeriodCol::Quarter => quarter_col,
                    PeriodCol::Month => month_col,
                };
                problems.push(Problem {
                    column: header_of(c.unwrap_or(0)),
                    value,
                    code: "bad_period",
                    reason: why,
                });
                None
            }
        };

        let mut values = BTreeMap::new();
        let mut soft: Vec<Rejection> = Vec::new();
        for (i, name) in &measure_cols {
            let c = cell(Some(*i));
            match read_count(c, mark(*i)) {
                Ok(Some(v)) => {
                    values.insert(name.clone(), v);
                }
                Ok(None) => {}
                Err((code, why)) if inferred.contains(i) => soft.push(Rejection {
                    line: *line,
                    column: Some(header_of(*i)),
                    value: Some(c.to_string()),
                    code: code.into(),
                    reason: format!(
                        "not a count: {why}; the measure `{name}` is left absent in this row"
                    ),
                    fields: Vec::new(),
                    cell: None,
                }),
                Err((code, why)) => problems.push(Problem {
                    column: header_of(*i),
                    value: c.to_string(),
                    code,
                    reason: format!("not a count: {why}"),
                }),
            }
        }

        if let Some(first) = problems.first() {
            let mut reason = first.reason.clone();
            if problems.len() > 1 {
                let others = problems
                    .iter()
                    .skip(1)
                    .map(|p| format!("{} `{}`: {}", p.column, p.value, p.reason))
                    .collect::<Vec<_>>()
                    .join("; ");
                reason = format!("{reason}; also {others}");
            }
            report.rejected.push(Rejection {
                line: *line,
                column: (!first.column.is_empty()).then(|| first.column.clone()),
                value: (!first.column.is_empty()).then(|| first.value.clone()),
                code: first.code.to_string(),
                reason,
                fields: cells.clone(),
                cell: None,
            });
            continue;
        }
        let Some(period) = period else { continue };
        report.cell_errors.extend(soft);
        let extra: Vec<(String, String)> = extra_cols
            .iter()
            .filter_map(|i| {
                let c = cell(Some(*i));
                (!c.is_empty()).then(|| (header_of(*i), c.to_string()))
            })
            .collect();

        let mut region_code = None;
        let code_cell = cell(code_col);
        if !crate::locale::is_missing(code_cell) {
            match KodeWilayah::parse(code_cell) {
                Ok(k) => region_code = Some(k),
                Err(e) => report.cell_errors.push(Rejection {
                    line: *line,
                    column: code_col.map(header_of),
                    value: Some(code_cell.to_string()),
                    code: e.code().to_string(),
                    reason: format!("{e}; the code is resolved from the name instead"),
                    fields: Vec::new(),
                    cell: None,
                }),
            }
        }
        rows.push(PanelRow {
            line: *line,
            region: region.to_string(),
            region_code,
            period,
            values,
            extra,
        });
        report.accepted += 1;
    }
    // Codes at every level (provinsi, kab/kota, kecamatan within the file's region); a total
    // row (national, province, `JUMLAH`) is kept and not summed (`crate::stats::levels`).
    crate::stats::levels::resolve_codes(&mut rows, options.region.as_ref());
    report.rejected.sort_by_key(|x| x.line);
    super::note_encoding(&mut report, encoding);
    Ok((Panel { rows }, report))
}

enum PeriodCol {
    Period,
    Year,
    Quarter,
    Month,
}

enum PeriodProblem {
    Missing,
    Bad {
        column: PeriodCol,
        value: String,
        why: String,
    },
}

/// The period of a row: the period cell when present, else year (+ quarter or month).
fn read_period(
    period: &str,
    year: &str,
    quarter: &str,
    month: &str,
) -> Result<Period, PeriodProblem> {
    let missing = crate::locale::is_missing;
    if !missing(period) {
        return Period::parse(period).map_err(|e| PeriodProblem::Bad {
            column: PeriodCol::Period,
            value: period.to_string(),
            why: e.to_string(),
        });
    }
    if missing(year) {
        return Err(PeriodProblem::Missing);
    }
    let y = match Period::parse(year) {
        Ok(Period::Year(y)) => y,
        _ => {
            return Err(PeriodProblem::Bad {
                column: PeriodCol::Year,
                value: year.to_string(),
                why: format!("`{year}` is not a four-digit year"),
            });
        }
    };
    if !missing(quarter) {
        return parse_quarter_label(quarter)
            .map(|q| Period::Quarter(y, q))
            .ok_or_else(|| PeriodProblem::Bad {
                column: PeriodCol::Quarter,
                value: quarter.to_string(),
                why: format!("`{quarter}` is not a quarter (expected 1-4, I-IV, Q3, TW 3)"),
            });
    }
    if !missing(month) {
        return parse_month_label(month)
            .map(|m| Period::Month(y, m))
            .ok_or_else(|| PeriodProblem::Bad {
                column: PeriodCol::Month,
                value: month.to_string(),
                why: format!("`{month}` is not a month (expected 1-12 or a month name)"),
            });
    }
    Ok(Period::Year(y))
}
