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
use super::shapes::{LongRecord, LongTable, MeasureShape, ShapeKind, is_rate_unit};
use super::{LineIndex, decode};
use super::{ReadOptions, ReadReport, Rejection};
use crate::error::ReadError;
use crate::locale::{Accept, ColumnMark, Decimal};
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
            "desa",
            "desa_kelurahan",
            "kelurahan",
            "village",
            "kecamatan",
            "nama_kecamatan",
            "subdistrict",
            "sub_district",
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
            "district",
            "regency",
            "city",
            "regency_city",
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
            "active_cooperatives",
            "cooperatives_active",
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
            "inactive_cooperatives",
            "cooperatives_inactive",
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
            "cooperatives",
            "total_cooperatives",
            "number_of_cooperatives",
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
    (
        "anggota",
        &["jumlah_anggota", "anggota", "total_anggota", "members"],
    ),
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
pub(crate) fn recognise(
    headers: &[String],
    mapping: &[(String, String)],
) -> Result<Vec<Option<String>>, ReadError> {
    match_headers(headers, FIELDS, mapping)
}

/// [`recognise`], with no field recognised when the mapping does not fit.
pub(crate) fn recognise_lenient(
    headers: &[String],
    mapping: &[(String, String)],
) -> Vec<Option<String>> {
    recognise(headers, mapping).unwrap_or_else(|_| vec![None; headers.len()])
}

/// True for a field of [`panel_fields`] that is a measure (a count), not a region, period,
/// code or row number.
pub(crate) fn is_measure_field(f: &str) -> bool {
    !STRUCTURAL.contains(&f)
}

/// The headers recognised as a period or a year, comma separated (for messages).
pub(crate) fn period_synonyms() -> String {
    format!("{}, {}", synonyms_of(PERIOD), synonyms_of(YEAR))
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

/// Read a panel CSV (see the module documentation for columns, synonyms and rejections), in
/// any of the shapes of [`super::shapes`]: long, one-date snapshot (with
/// [`ReadOptions::period`]), Satu Data, wide (periods as columns), hierarchical (SIPD),
/// key/value. How the file was read is in [`ReadReport::shape`].
///
/// Returns the panel of accepted rows (in file order) and the report; the invariant
/// `report.accepted + report.rejected.len() == report.rows_read` holds (for a wide or
/// hierarchical table a row is one figure: one source row under one period column).
///
/// Errors (the whole file): [`ReadError::Empty`] without a header row;
/// [`ReadError::MissingColumn`] without a region column or without a period/year column
/// (the message names `--period`); [`ReadError::UnknownLayout`] when the shape cannot be
/// told; [`ReadError::BadMapping`] when the mapping names a column that does not exist;
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
    let mut rec = csv::ByteRecord::new();
    let headers = super::read_header(&mut rdr, &mut rec)?;
    let header_line = rdr
        .get_mut()
        .line_at(rec.position().map_or(0, csv::Position::byte));
    let raw = read_records(&mut rdr, options)?;
    let table = super::shapes::to_long(&headers, header_line.max(1), raw.records, options)?;
    let (panel, mut report) = read_long(table, options, raw.blank_rows, raw.unterminated)?;
    super::note_encoding(&mut report, encoding);
    Ok((panel, report))
}

/// Read a panel from `headers` and `rows` data rows whose cells `cell(row, column)` gives
/// (0-based; `""` for an empty cell): a DataFrame or an Arrow table handed over by a binding,
/// without CSV text. Row `r` is line `r + 2`, as in a CSV of the table written with its header
/// on line 1: the same table read as such a CSV ([`read_panel`]) gives the same panel, shape
/// and rejections at the same lines. Cells are trimmed and all-empty rows skipped, as there.
///
/// Errors: [`ReadError::Empty`] when every header is blank, and those of [`read_panel`] for
/// the headers, shape and limits (none of CSV's own).
pub fn read_panel_cells<'a>(
    headers: &[String],
    rows: usize,
    cell: impl Fn(usize, usize) -> &'a str,
    options: &ReadOptions,
) -> Result<(Panel, ReadReport), ReadError> {
    let headers = crate::io::headers::cell_headers(headers)?;
    let mut records: Vec<super::shapes::SourceRow> = Vec::new();
    let mut blank_rows = 0u64;
    for r in 0..rows {
        let cells: Vec<String> = (0..headers.len())
            .map(|c| cell(r, c).trim().to_string())
            .collect();
        if cells.iter().all(String::is_empty) {
            blank_rows += 1;
            continue;
        }
        let line = r as u64 + 2;
        let rec = csv::ByteRecord::from(cells.iter().map(String::as_str).collect::<Vec<_>>());
        options
            .limits
            .check_record(&rec, records.len() as u64 + 1, line)?;
        records.push((line, cells));
    }
    let table = super::shapes::to_long(&headers, 1, records, options)?;
    read_long(table, options, blank_rows, None)
}

/// The data rows of a panel CSV, read whole (panels are small: regions x periods).
struct RawRows {
    /// (line, trimmed cells) of every row that is not blank.
    records: Vec<super::shapes::SourceRow>,
    /// Rows whose cells are all empty.
    blank_rows: u64,
    /// (first, last) line of a last row that swallowed the rest of the file in a quote.
    unterminated: Option<(u64, u64)>,
}

fn read_records<R: std::io::Read>(
    rdr: &mut csv::Reader<LineIndex<R>>,
    options: &ReadOptions,
) -> Result<RawRows, ReadError> {
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
    // A quote never closed: the last record swallowed the rest of the file.
    let unterminated = if rdr.get_ref().quotes_balanced() {
        None
    } else {
        records
            .last()
            .map(|(line, _)| (*line, rdr.get_ref().last_line()))
    };
    Ok(RawRows {
        records,
        blank_rows,
        unterminated,
    })
}

/// How each column's numbers are read ([`ReadOptions::decimal`]): every column that is not
/// structural may hold counts (notes of an `auto` decision to `notes`).
fn column_marks(
    t: &LongTable,
    options: &ReadOptions,
    notes: &mut Vec<super::ReadNote>,
) -> Vec<ColumnMark> {
    let numbers: Vec<(usize, Accept)> = (0..t.headers.len())
        .filter(|i| {
            !t.fields
                .get(*i)
                .and_then(Option::as_deref)
                .is_some_and(|f| STRUCTURAL.contains(&f))
        })
        .map(|i| (i, Accept::COUNT))
        .collect();
    super::decimal::column_marks_with(options, &t.headers, &numbers, notes, |tallies| {
        for r in &t.records {
            tallies.add_row(|i| r.cells.get(i));
        }
    })
}

/// Turn the unknown columns of a long table into measures when at least one cell is a
/// count (or, for a column whose header or unit says percentage, a number): the name of
/// each inferred column, by index.
fn infer_measures(t: &mut LongTable, marks: &[ColumnMark]) -> BTreeSet<usize> {
    let mut used: BTreeSet<String> = t.fields.iter().flatten().cloned().collect();
    let mut inferred: BTreeSet<usize> = BTreeSet::new();
    for (i, h) in t.headers.iter().enumerate() {
        if t.fields.get(i).is_some_and(Option::is_some) {
            continue;
        }
        let rate = is_rate_unit(h);
        let any = t.records.iter().any(|r| {
            let c = r.cells.get(i).map_or("", String::as_str);
            let mark = marks.get(i).copied().unwrap_or_default();
            matches!(read_count(c, mark), Ok(Some(_)))
                || rate && crate::locale::parse_decimal(c).is_ok()
        });
        if !any || super::shapes::UNIT_HEADERS.contains(&normalize_header(h).as_str()) {
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
        if let Some(slot) = t.fields.get_mut(i) {
            *slot = Some(name);
        }
    }
    inferred
}

/// Measure columns that hold rates (percentages, ratios): by header, by unit, or because a
/// cell ends with `%`.
fn rate_columns(t: &LongTable, measure_cols: &[(usize, String)]) -> BTreeSet<usize> {
    measure_cols
        .iter()
        .filter(|(i, name)| {
            let header = t.headers.get(*i).map_or("", String::as_str);
            is_rate_unit(header)
                || t.units.get(name).is_some_and(|u| is_rate_unit(u))
                || t.records
                    .iter()
                    .any(|r| r.cells.get(*i).is_some_and(|c| c.ends_with('%')))
        })
        .map(|(i, _)| *i)
        .collect()
}

/// Read the rows of a table brought to the long form (see [`read_panel`]).
fn read_long(
    mut t: LongTable,
    options: &ReadOptions,
    blank_rows: u64,
    unterminated: Option<(u64, u64)>,
) -> Result<(Panel, ReadReport), ReadError> {
    let col =
        |fields: &[Option<String>], f: &str| fields.iter().position(|x| x.as_deref() == Some(f));
    let found = || t.headers.join(", ");
    let region_col = col(&t.fields, REGION).ok_or_else(|| ReadError::MissingColumn {
        field: REGION.into(),
        looked_for: format!(
            "{}; or give the region of the whole file with --region",
            synonyms_of(REGION)
        ),
        found: found(),
    })?;
    let period_col = col(&t.fields, PERIOD);
    let year_col = col(&t.fields, YEAR);
    if period_col.is_none() && year_col.is_none() {
        return Err(ReadError::MissingColumn {
            field: PERIOD.into(),
            looked_for: format!(
                "{}; or, for a one-date snapshot, give the date of the figures with --period \
                 (e.g. --period 2026-08-05; period= in Python and JavaScript)",
                period_synonyms()
            ),
            found: found(),
        });
    }
    let quarter_col = col(&t.fields, QUARTER);
    let month_col = col(&t.fields, MONTH);
    let code_col = col(&t.fields, REGION_CODE);
    let mut notes = Vec::new();
    let marks = column_marks(&t, options, &mut notes);
    let inferred = infer_measures(&mut t, &marks);
    let extra_cols: Vec<usize> = (0..t.headers.len())
        .filter(|i| t.fields.get(*i).is_some_and(Option::is_none))
        .collect();
    let measure_cols: Vec<(usize, String)> = t
        .fields
        .iter()
        .enumerate()
        .filter_map(|(i, f)| {
            f.as_ref()
                .filter(|f| !STRUCTURAL.contains(&f.as_str()))
                .map(|f| (i, f.clone()))
        })
        .collect();
    let rates = rate_columns(&t, &measure_cols);
    let mut report = ReadReport {
        blank_rows,
        columns: t
            .headers
            .iter()
            .cloned()
            .zip(t.fields.iter().cloned())
            .collect(),
        ..ReadReport::default()
    };
    for n in notes {
        report.add_note(n);
    }
    let cols = RowCols {
        region: region_col,
        period: period_col,
        year: year_col,
        quarter: quarter_col,
        month: month_col,
        code: code_col,
        measures: &measure_cols,
        inferred: &inferred,
        rates: &rates,
        marks: &marks,
        extra: &extra_cols,
    };
    let mut rows: Vec<PanelRow> = Vec::new();
    for r in &t.records {
        report.rows_read += 1;
        match read_row(r, &t.headers, &cols, unterminated) {
            Ok((row, soft)) => {
                report.cell_errors.extend(soft);
                rows.push(row);
                report.accepted += 1;
            }
            Err(rejection) => report.rejected.push(*rejection),
        }
    }
    // Codes at every level (provinsi, kab/kota, kecamatan within the file's region); a total
    // row (national, province, `JUMLAH`) is kept and not summed (`crate::stats::levels`).
    let melted = t.records.iter().any(|r| r.labels.is_some());
    if !melted || t.shape.kind == ShapeKind::SatuData {
        crate::stats::levels::resolve_codes(&mut rows, options.region.as_ref());
    }
    report.rejected.append(&mut t.rejected);
    report.rejected.sort_by_key(|x| x.line);
    for n in std::mem::take(&mut t.notes) {
        report.add_note(n);
    }
    if t.shape.measures.is_empty() {
        t.shape.measures = measure_cols
            .iter()
            .map(|(i, name)| MeasureShape {
                name: name.clone(),
                source: t.headers.get(*i).cloned().unwrap_or_default(),
                unit: t.units.get(name).cloned(),
                count: !rates.contains(i),
            })
            .collect();
    }
    report.shape = Some(t.shape);
    Ok((
        Panel {
            rows,
            units: t.units,
        },
        report,
    ))
}

/// The columns of a long table, as [`read_row`] reads them.
struct RowCols<'a> {
    region: usize,
    period: Option<usize>,
    year: Option<usize>,
    quarter: Option<usize>,
    month: Option<usize>,
    code: Option<usize>,
    measures: &'a [(usize, String)],
    inferred: &'a BTreeSet<usize>,
    rates: &'a BTreeSet<usize>,
    /// How each column's numbers are read ([`ReadOptions::decimal`]).
    marks: &'a [ColumnMark],
    extra: &'a [usize],
}

/// One row of a long table: the panel row and the cell errors of a row kept, or the
/// rejection of the whole row.
fn read_row(
    r: &LongRecord,
    headers: &[String],
    c: &RowCols<'_>,
    unterminated: Option<(u64, u64)>,
) -> Result<(PanelRow, Vec<Rejection>), Box<Rejection>> {
    let x = RowReader { r, headers, c };
    let mut problems = x.shape_problems(unterminated);
    let region = x.cell(Some(c.region));
    if crate::locale::is_missing(region) {
        problems.push(Problem {
            column: x.header_of(c.region),
            value: region.to_string(),
            code: "missing_region",
            reason: "the region name is missing".into(),
        });
    }
    let period = x.period(&mut problems);
    let mut soft: Vec<Rejection> = Vec::new();
    let (values, rates) = x.measures(&mut problems, &mut soft);
    if r.labels.is_some() && problems.is_empty() && values.is_empty() && rates.is_empty() {
        problems.push(Problem {
            column: String::new(),
            value: String::new(),
            code: "missing_value",
            reason: "the row holds no figure".into(),
        });
    }
    if let Some(rejection) = x.rejection(&problems) {
        return Err(Box::new(rejection));
    }
    let Some(period) = period else {
        return Err(Box::new(Rejection {
            line: r.line,
            column: None,
            value: None,
            code: "missing_period".into(),
            reason: "the period is missing".into(),
            fields: r.cells.clone(),
            cell: None,
        }));
    };
    let extra: Vec<(String, String)> = c
        .extra
        .iter()
        .filter_map(|i| {
            let v = x.cell(Some(*i));
            (!v.is_empty()).then(|| (x.header_of(*i), v.to_string()))
        })
        .collect();
    let mut row = PanelRow::new(r.line, region, period, values);
    row.region_code = x.region_code(&mut soft);
    row.extra = extra;
    row.breakdown = r.breakdown.clone();
    row.is_parent = r.is_parent;
    row.rates = rates;
    Ok((row, soft))
}

/// A row of a long table with its columns, for [`read_row`].
struct RowReader<'a> {
    r: &'a LongRecord,
    headers: &'a [String],
    c: &'a RowCols<'a>,
}

impl RowReader<'_> {
    /// The header of column `i` (the row's own labels first, for hierarchical tables).
    fn header_of(&self, i: usize) -> String {
        self.r
            .labels
            .as_ref()
            .and_then(|l| l.get(i))
            .or_else(|| self.headers.get(i))
            .cloned()
            .unwrap_or_default()
    }

    /// The text of column `i` ("" when absent).
    fn cell(&self, i: Option<usize>) -> &str {
        i.and_then(|i| self.r.cells.get(i))
            .map_or("", String::as_str)
    }

    /// A quote never closed, and more fields than the header.
    fn shape_problems(&self, unterminated: Option<(u64, u64)>) -> Vec<Problem> {
        let (cells, n) = (&self.r.cells, self.headers.len());
        let mut problems = Vec::new();
        if let Some((from, to)) = unterminated.filter(|(l, _)| *l == self.r.line) {
            problems.push(Problem {
                column: String::new(),
                value: String::new(),
                code: "unterminated_quote",
                reason: format!(
                    "a quote opened in this row is never closed, so lines {from}-{to} were read as one row; close the quote"
                ),
            });
        }
        if cells.len() > n && cells.iter().skip(n).any(|c| !c.is_empty()) {
            problems.push(Problem {
                column: String::new(),
                value: String::new(),
                code: "too_many_fields",
                reason: format!("the row has {} fields but the header has {n}", cells.len()),
            });
        }
        problems
    }

    /// The row's period, from a period column or year/quarter/month columns.
    fn period(&self, problems: &mut Vec<Problem>) -> Option<Period> {
        let c = self.c;
        let read = read_period(
            self.cell(c.period),
            self.cell(c.year),
            self.cell(c.quarter),
            self.cell(c.month),
        );
        let problem = match read {
            Ok(p) => return Some(p),
            Err(PeriodProblem::Missing) => Problem {
                column: self.header_of(c.period.or(c.year).unwrap_or(0)),
                value: String::new(),
                code: "missing_period",
                reason: "the period is missing".into(),
            },
            Err(PeriodProblem::Bad { column, value, why }) => {
                let col = match column {
                    PeriodCol::Period => c.period,
                    PeriodCol::Year => c.year,
                    PeriodCol::Quarter => c.quarter,
                    PeriodCol::Month => c.month,
                };
                Problem {
                    column: self.header_of(col.unwrap_or(0)),
                    value,
                    code: "bad_period",
                    reason: why,
                }
            }
        };
        problems.push(problem);
        None
    }

    /// The counts and rates of the row's measure columns. A count that cannot be read in a
    /// column only inferred to be a measure is a soft error (the measure left absent).
    fn measures(
        &self,
        problems: &mut Vec<Problem>,
        soft: &mut Vec<Rejection>,
    ) -> (BTreeMap<String, i64>, BTreeMap<String, Decimal>) {
        let c = self.c;
        let mut values = BTreeMap::new();
        let mut rates = BTreeMap::new();
        for (i, name) in c.measures {
            let v = self.cell(Some(*i));
            if c.rates.contains(i) {
                if crate::locale::is_missing(v) {
                    continue;
                }
                match crate::locale::parse_decimal(v) {
                    Ok(d) => {
                        rates.insert(name.clone(), d);
                    }
                    Err(e) => problems.push(Problem {
                        column: self.header_of(*i),
                        value: v.to_string(),
                        code: "bad_rate",
                        reason: format!("not a percentage or ratio: {e}"),
                    }),
                }
                continue;
            }
            let mark = c.marks.get(*i).copied().unwrap_or_default();
            match read_count(v, mark) {
                Ok(Some(n)) => {
                    values.insert(name.clone(), n);
                }
                Ok(None) => {}
                Err((code, why)) if c.inferred.contains(i) => soft.push(Rejection {
                    line: self.r.line,
                    column: Some(self.header_of(*i)),
                    value: Some(v.to_string()),
                    code: code.into(),
                    reason: format!(
                        "not a count: {why}; the measure `{name}` is left absent in this row"
                    ),
                    fields: Vec::new(),
                    cell: None,
                }),
                Err((code, why)) => problems.push(Problem {
                    column: self.header_of(*i),
                    value: v.to_string(),
                    code,
                    reason: format!("not a count: {why}"),
                }),
            }
        }
        (values, rates)
    }

    /// The rejection of the row for its problems (the first names the code; the others are
    /// listed in the reason), or `None` without any.
    fn rejection(&self, problems: &[Problem]) -> Option<Rejection> {
        let first = problems.first()?;
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
        Some(Rejection {
            line: self.r.line,
            column: (!first.column.is_empty()).then(|| first.column.clone()),
            value: (!first.column.is_empty()).then(|| first.value.clone()),
            code: first.code.to_string(),
            reason,
            fields: self
                .r
                .source
                .clone()
                .unwrap_or_else(|| self.r.cells.clone()),
            cell: None,
        })
    }

    /// The row's region code, if its code cell holds one (else a soft error: the name decides).
    fn region_code(&self, soft: &mut Vec<Rejection>) -> Option<KodeWilayah> {
        let code_cell = self.cell(self.c.code);
        if crate::locale::is_missing(code_cell) {
            return None;
        }
        match KodeWilayah::parse(code_cell) {
            Ok(k) => Some(k),
            Err(e) => {
                soft.push(Rejection {
                    line: self.r.line,
                    column: self.c.code.map(|i| self.header_of(i)),
                    value: Some(code_cell.to_string()),
                    code: e.code().to_string(),
                    reason: format!("{e}; the code is resolved from the name instead"),
                    fields: Vec::new(),
                    cell: None,
                });
                None
            }
        }
    }
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
