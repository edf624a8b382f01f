//! Reading the files people really have, and reporting every row that could not be read.
//!
//! Readers take any [`std::io::Read`] and return the records they could read together with a
//! [`ReadReport`]: every rejected row with its 1-based line, the column, the value and why.
//! The invariant `accepted + rejected = rows_read` always holds. Columns the reader does not
//! know are kept (in each record's `extra`) and listed in the report.

pub mod args;
pub mod bytes;
pub mod data_date;
pub(crate) mod decimal;
pub mod encoding;
pub mod export;
pub(crate) mod footer;
pub mod headers;
pub mod input;
pub mod limits;
pub mod note;
pub mod panel;
pub mod register;
pub mod safe;
pub mod shapes;
pub mod template;
pub mod template_kopdes;
#[cfg(feature = "xlsx-write")]
pub mod template_xlsx;
#[cfg(feature = "xlsx")]
pub mod xlsx;
#[cfg(feature = "xlsx")]
pub mod xlsx_scan;

use crate::error::ReadError;
use serde::{Deserialize, Serialize};

pub use args::{ReadArgs, ReadArgsError};
pub use data_date::{DataAsOf, DataAsOfSource};
pub use input::{Opened, open_input, read_cells, read_input, read_input_as};
pub use limits::ReadLimits;
pub use note::ReadNote;
pub use panel::{read_panel, read_panel_cells};
pub use register::{read_register, read_register_cells};

/// A row (or a cell) that could not be read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Rejection {
    /// 1-based line of the file where the row starts (the header is line 1).
    pub line: u64,
    /// The column header, when the problem is in one cell.
    pub column: Option<String>,
    /// The cell's text as found, when the problem is in one cell.
    pub value: Option<String>,
    /// Stable snake_case code of the problem, e.g. `date_invalid`, `missing_name`.
    pub code: String,
    /// Why, in words.
    pub reason: String,
    /// For a rejected row: all its cells as found, so that nothing is lost. Empty for a cell error.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<String>,
    /// The spreadsheet cell reference (`B7`) when the row came from an XLSX/ODS sheet and the
    /// problem is in one cell; `line` is then the sheet's row number. `None` for CSV.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cell: Option<String>,
}

/// Short labels, in English and Indonesian, of the codes a reader gives to a rejected row or
/// an unreadable cell ([`Rejection::code`]): `(code, English, Indonesian)`. The Rejection's
/// `reason` gives the particulars (in English); these labels let a report in Indonesian say
/// what kind of problem each is.
pub const REJECTION_LABELS: &[(&str, &str, &str)] = &[
    (
        "missing_name",
        "no cooperative name",
        "nama koperasi kosong",
    ),
    (
        "too_many_fields",
        "more cells than the header",
        "jumlah isian melebihi judul kolom",
    ),
    (
        "template_example",
        "the example row of the blank template, not a cooperative",
        "baris contoh templat kosong, bukan data koperasi",
    ),
    (
        "total_row",
        "a total row, not a cooperative or region",
        "baris jumlah, bukan data koperasi/wilayah",
    ),
    // Lines under a register table, skipped (`ReadReport::skipped`, see `footer`).
    (
        "footer_place_date",
        "a place and date under the table (`Sleman, 10 Januari 2025`), not a cooperative",
        "tempat dan tanggal di bawah tabel (`Sleman, 10 Januari 2025`), bukan koperasi",
    ),
    (
        "footer_title",
        "a signer's title under the table (`Mengetahui`, `Kepala Dinas ...`), not a cooperative",
        "jabatan penanda tangan di bawah tabel (`Mengetahui`, `Kepala Dinas ...`), bukan koperasi",
    ),
    (
        "footer_nip",
        "a signer's NIP under the table, not a cooperative",
        "NIP penanda tangan di bawah tabel, bukan koperasi",
    ),
    (
        "footer_note",
        "a note under the table (`Keterangan:`, `Catatan:`, `Sumber:`), not a cooperative",
        "catatan di bawah tabel (`Keterangan:`, `Catatan:`, `Sumber:`), bukan koperasi",
    ),
    (
        "footer_line",
        "a line of the block under the table (a signer's name, an office), not a cooperative",
        "baris blok penutup di bawah tabel (nama penanda tangan, instansi), bukan koperasi",
    ),
    (
        "unterminated_quote",
        "a quote never closed",
        "tanda kutip tidak ditutup",
    ),
    ("missing_region", "no region name", "nama wilayah kosong"),
    ("missing_period", "no period", "periode kosong"),
    ("missing_value", "no figure in the row", "baris tanpa angka"),
    (
        "bad_rate",
        "not a percentage or ratio",
        "bukan persentase atau rasio",
    ),
    ("bad_period", "not a period", "periode tidak terbaca"),
    ("bad_count", "not a count", "jumlah tidak terbaca"),
    (
        "date_invalid",
        "an impossible date",
        "tanggal tidak mungkin",
    ),
    ("date_unrecognised", "not a date", "bukan tanggal"),
    ("number_not_a_number", "not a number", "bukan angka"),
    (
        "number_ambiguous",
        "a number in an unclear convention (`1,500` is 1.5 or 1500: set the decimal option)",
        "penulisan angka tidak jelas (`1,500` bisa 1,5 atau 1.500: tentukan opsi desimal)",
    ),
    (
        "number_inexact",
        "not a whole number",
        "bukan bilangan bulat",
    ),
    (
        "number_out_of_range",
        "a number out of range",
        "angka di luar batas",
    ),
    (
        "identity_bad_nik",
        "not a Nomor Induk Koperasi",
        "bukan Nomor Induk Koperasi",
    ),
    (
        "wilayah_bad_code",
        "not a Kemendagri region code",
        "bukan kode wilayah Kemendagri",
    ),
    (
        "bentuk_unrecognised",
        "not a bentuk (primer/sekunder)",
        "bukan bentuk koperasi (primer/sekunder)",
    ),
    (
        "pola_unrecognised",
        "not a pola (konvensional/syariah)",
        "bukan pola pengelolaan (konvensional/syariah)",
    ),
    (
        "yes_no_unrecognised",
        "not a yes/no mark",
        "bukan isian ya/tidak",
    ),
    (
        "yes_no_ambiguous",
        "`x` means yes or no",
        "`x` dapat berarti ya atau tidak",
    ),
    (
        "rat_unknown",
        "RAT not known for that book year",
        "RAT tahun buku itu tidak diketahui",
    ),
    (
        "rat_date_before_book_year_end",
        "RAT dated before its book year ended",
        "tanggal RAT sebelum tahun buku berakhir",
    ),
    (
        "rat_date_implausible",
        "RAT date implausibly late",
        "tanggal RAT terlalu jauh dari tahun bukunya",
    ),
    (
        "rat_conflict",
        "two columns disagree on one book year",
        "dua kolom RAT tahun buku yang sama berbeda isi",
    ),
    ("rat_year_invalid", "not a book year", "bukan tahun buku"),
    (
        "leave_before_join",
        "left before joining",
        "tanggal keluar sebelum tanggal masuk",
    ),
    (
        "field_check_without_date",
        "field-check fact without the date of the check",
        "hasil verifikasi lapangan tanpa tanggal verifikasi",
    ),
];

/// The (English, Indonesian) label of a rejection code from [`REJECTION_LABELS`], if known.
pub fn rejection_label(code: &str) -> Option<(&'static str, &'static str)> {
    REJECTION_LABELS
        .iter()
        .find(|(c, _, _)| *c == code)
        .map(|(_, en, id)| (*en, *id))
}

/// What a reader did with a file.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ReadReport {
    /// Data rows read (header excluded; blank lines and skipped footer lines excluded).
    pub rows_read: u64,
    /// Rows turned into records.
    pub accepted: u64,
    /// Rows with no content in any cell (e.g. `;;;;` left by a spreadsheet), skipped and not
    /// counted in `rows_read`. Empty lines are skipped too and not counted at all.
    #[serde(default)]
    pub blank_rows: u64,
    /// Rows not turned into records, each with where and why. `accepted + rejected.len() == rows_read`.
    pub rejected: Vec<Rejection>,
    /// Lines under a register table that describe no cooperative, skipped and not counted in
    /// `rows_read`: a place and date (`Sleman, 10 Januari 2025`), a signature block
    /// (`Mengetahui`, `Kepala Dinas ...`, the signer's name, `NIP. ...`), notes
    /// (`Keterangan:`, `Catatan:`, `Sumber:`), a block apart from the data by a blank row. Each
    /// with its line, its first filled cell (`value`), all its cells (`fields`) and a code
    /// (`footer_place_date`, `footer_title`, `footer_nip`, `footer_note`, `footer_line`; labels
    /// in [`REJECTION_LABELS`]). Only lines after the last cooperative are skipped, and only
    /// when they leave most cells empty: a row followed by data is read as data. Empty for a
    /// table of counts.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub skipped: Vec<Rejection>,
    /// Cells of accepted rows that could not be read: the row was kept, the field left unknown,
    /// and the raw text kept in the record's `extra` under its header.
    pub cell_errors: Vec<Rejection>,
    /// How each header column was understood: (header as found, field name or `None` when kept
    /// as an unknown column).
    pub columns: Vec<(String, Option<String>)>,
    /// The encoding the text was converted from, when it was not UTF-8 (`windows-1252`);
    /// `None` for UTF-8 (with or without a byte-order mark).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub encoding: Option<String>,
    /// The sheet read, for an XLSX/ODS workbook.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sheet: Option<String>,
    /// What the reader did to the file as a whole, in words: the encoding converted, a title
    /// block skipped above the header, merged cells filled, Excel date serials converted.
    /// In English; codes and Indonesian texts in [`ReadNote`]. Add with [`ReadReport::add_note`].
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    /// The same notes in Indonesian, in the same order as `notes`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes_id: Vec<String>,
    /// How a table of counts was read ([`shapes::Shape`]): its shape (long, snapshot,
    /// Satu Data, wide, hierarchy, key/value), header line, region and period columns (or
    /// the period given), measures with their units, rows taken as totals of others. `None`
    /// for a register.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shape: Option<shapes::Shape>,
    /// A register's data date (the date its facts describe), with where it came from: given
    /// ([`ReadOptions::data_as_of`]) or read from the title block above the header (see
    /// [`data_date`]). `None` when neither says it; then a last-RAT column is taken as current
    /// on the assessment date, and a note says so.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data_as_of: Option<DataAsOf>,
}

impl ReadReport {
    /// Add a note: its English text to `notes`, its Indonesian text to `notes_id`.
    pub fn add_note(&mut self, note: ReadNote) {
        self.notes.push(note.to_string());
        self.notes_id.push(note.message_id());
    }

    /// The notes in Indonesian when `indonesian` (`notes_id`), else in English (`notes`).
    pub fn notes_in(&self, indonesian: bool) -> &[String] {
        if indonesian {
            &self.notes_id
        } else {
            &self.notes
        }
    }

    /// Headers that no field recognised (kept as extra columns).
    pub fn unknown_columns(&self) -> Vec<&str> {
        self.columns
            .iter()
            .filter(|(_, f)| f.is_none())
            .map(|(h, _)| h.as_str())
            .collect()
    }
}

/// Options shared by readers.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ReadOptions {
    /// Explicit column mapping: (field name, header as in the file). Overrides recognition.
    /// Field names are those listed by the reader (e.g. `name`, `nomor_badan_hukum`,
    /// `kecamatan`; `region`, `period`, `aktif`, `tidak_aktif`, `total`).
    #[serde(default)]
    pub mapping: Vec<(String, String)>,
    /// Field delimiter. `None` means: guessed from the header line by [`read_any`]
    /// (see [`sniff_delimiter`]), `,` for the other readers.
    pub delimiter: Option<u8>,
    /// The region the whole file belongs to (e.g. `32.71` for a Kota Bogor register), used to
    /// resolve kecamatan and desa names that are not unique in Indonesia.
    pub region: Option<crate::wilayah::KodeWilayah>,
    /// Caps against hostile files (field size, rows, input size, cells, nesting).
    #[serde(default)]
    pub limits: ReadLimits,
    /// Threads that turn register rows into records, the calling thread included (it reads
    /// the file, and converts rows itself when the workers are busy). `None`: a worker per
    /// core and the calling thread; `Some(1)` (or `Some(0)`): the calling thread only; at most
    /// 5 (4 workers) either way. Registers of up to 1,024 rows, and WebAssembly (no threads),
    /// are read on the calling thread. The result is the same whatever the number.
    #[serde(default)]
    pub threads: Option<usize>,
    /// Which separator marks the decimals in number and money columns: `comma` (Indonesian:
    /// `1.500` = 1500, `1,500` = 1.5), `point` (English: `1,500` = 1500, `1.500` = 1.5) or
    /// `auto` (decided per column from the cells that read one way only, said in a note of
    /// the read report; the file is held in memory to see them all). `None`, the default:
    /// Indonesian, but a cell whose only separator is a `,` followed by three digits
    /// (`1,500`) is a cell error (`number_ambiguous`), since it reads as 1.5 or as 1500.
    /// See [`DecimalMark`](crate::locale::DecimalMark).
    #[serde(default)]
    pub decimal: Option<crate::locale::DecimalMark>,
    /// The period of every row of a table of counts with no period column (a one-date
    /// snapshot by region, a key/value summary), e.g. `2026-08-05` or `2024`. A table with a
    /// period column ignores it. CLI `--period`, Python/JS `period`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<crate::stats::Period>,
    /// Read a table whose header has a single period label among its columns (`2024`) as a
    /// wide table (that column holds the figures of that period). Tables with two or more
    /// period columns are read as wide without it. CLI `--wide`, Python/JS `wide`.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub wide: bool,
    /// The date a register describes (its data date), when its title block does not say it
    /// or says it wrongly: a last-RAT column then means an RAT for that book year and none for
    /// the later book years whose deadline passed before this date
    /// ([`RatKnowledge::LastRat`](crate::cooperative::RatKnowledge::LastRat)). Wins over the
    /// title's date. CLI `--data-as-of`, Python `data_as_of`, JS `dataAsOf`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data_as_of: Option<chrono::NaiveDate>,
    /// Read the example row of the blank template (`koperasi template register`; its name
    /// starts with [`template::EXAMPLE_MARK`]) as a record. Default `false`: the row is
    /// rejected as `template_example`, so that an office that forgot to delete it does not
    /// count a cooperative that does not exist. For checking the template itself.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub keep_template_example: bool,
}

/// What kind of table a file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Layout {
    /// One row per cooperative.
    Register,
    /// Published counts per region and period.
    Panel,
}

/// Guess the delimiter of a CSV from its header line: the most frequent of `,`, `;`, tab and
/// `|` outside double quotes; `,` when none occurs (a one-column file). Spreadsheet programs
/// set to an Indonesian locale save CSV with `;`, because `,` is the decimal separator.
pub fn sniff_delimiter(header_line: &[u8]) -> u8 {
    let mut counts = [0usize; 4];
    let candidates = [b',', b';', b'\t', b'|'];
    let mut quoted = false;
    for &b in header_line {
        if b == b'"' {
            quoted = !quoted;
        } else if !quoted {
            if let Some(i) = candidates.iter().position(|&c| c == b) {
                if let Some(n) = counts.get_mut(i) {
                    *n += 1;
                }
            }
        }
    }
    let mut best = (0usize, b',');
    for (n, c) in counts.iter().zip(candidates) {
        if *n > best.0 {
            best = (*n, c);
        }
    }
    best.1
}

/// A file read by [`read_any`]: a register or a panel, with its read report.
#[derive(Debug, Clone, PartialEq)]
pub enum Table {
    /// One row per cooperative.
    Register(crate::register::Register, ReadReport),
    /// Published counts per region and period.
    Panel(crate::stats::Panel, ReadReport),
}

/// Tell a register from a panel by the header row alone.
///
/// An explicit mapping decides when all its fields belong to one layout only. Otherwise a
/// panel has a region, a period and count columns (see [`panel::looks_like_panel_with`]), and a
/// register has a column naming the cooperative.
///
/// Errors: [`ReadError::UnknownLayout`] when neither fits; a mapping error
/// ([`ReadError::BadMapping`], [`ReadError::UnknownField`], [`ReadError::ConflictingMapping`])
/// when the mapping is wrong for the layout it names.
pub fn detect_layout(headers: &[String], options: &ReadOptions) -> Result<Layout, ReadError> {
    let (reg_fields, pan_fields) = (register::register_fields(), panel::panel_fields());
    // KDMP/KKMP stage columns (`tgl_sk_ahu=...`) belong to registers only.
    let (stage_map, mapping) = crate::kopdes::split_stage_mapping(&options.mapping, reg_fields);
    let mapping = &mapping;
    let in_fields = |fields: &[(&str, &[&str])], f: &str| fields.iter().any(|(x, _)| *x == f);
    let all_in = |fields: &[(&str, &[&str])]| mapping.iter().all(|(f, _)| in_fields(fields, f));
    if !stage_map.is_empty() {
        headers::match_headers(headers, reg_fields, mapping)?;
        return Ok(Layout::Register);
    }
    if !mapping.is_empty() {
        match (all_in(reg_fields), all_in(pan_fields)) {
            (true, false) => {
                headers::match_headers(headers, reg_fields, mapping)?;
                return Ok(Layout::Register);
            }
            (false, true) => {
                headers::match_headers(headers, pan_fields, mapping)?;
                return Ok(Layout::Panel);
            }
            (false, false) => {
                // Report against the layout the headers look like, else the register.
                let fields = if panel::looks_like_panel(headers) {
                    pan_fields
                } else {
                    reg_fields
                };
                headers::match_headers(headers, fields, mapping)?;
            }
            (true, true) => {}
        }
    }
    if shapes::looks_like_data_row(headers) {
        return Err(ReadError::UnknownLayout {
            why: format!(
                "the first row holds numbers that are not periods, so it is a row of data, not \
                 a header; add a header row, or name the columns with --map; row: {}",
                shorten(&headers.join(", "), 300)
            ),
        });
    }
    if panel::looks_like_panel_with(headers, mapping) {
        return Ok(Layout::Panel);
    }
    let fields = headers::match_headers(headers, reg_fields, mapping)?;
    if fields.iter().any(|f| f.as_deref() == Some("name")) {
        return Ok(Layout::Register);
    }
    shapes::detect_shape(headers, &[], options).map(|_| Layout::Panel)
}

/// `s` cut to at most `max` characters, with `...` when cut (for messages quoting input).
fn shorten(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((i, _)) => format!("{}...", s.get(..i).unwrap_or_default()),
        None => s.to_string(),
    }
}

/// How much of the input [`read_any`] reads ahead to find the header row.
const HEADER_PEEK: usize = 1 << 16;

/// Read a CSV that is either a register or a panel, deciding by its header
/// ([`detect_layout`]). The input is streamed: only the first 64 KiB are read ahead to find
/// the header (which may follow blank lines, or hold a quoted line break). When
/// `options.delimiter` is `None` it is guessed from the header ([`sniff_delimiter`]).
///
/// Errors: those of [`detect_layout`], [`read_register`] and [`read_panel`].
pub fn read_any<R: std::io::Read>(input: R, options: &ReadOptions) -> Result<Table, ReadError> {
    let mut records = register::InOrder::default();
    Ok(
        match stream_any(input, options, |i, k| records.push(i, k))? {
            Streamed::Register(report) => {
                Table::Register(crate::register::Register::new(records.finish()), report)
            }
            Streamed::Panel(p, report) => Table::Panel(p, report),
        },
    )
}

/// What [`stream_any`] read: a register (its records went to the callback) or a panel.
#[derive(Debug, Clone, PartialEq)]
pub enum Streamed {
    /// One row per cooperative: the read report; the records were passed on one by one.
    Register(ReadReport),
    /// Published counts per region and period, read whole.
    Panel(crate::stats::Panel, ReadReport),
}

/// [`read_any`] without holding a register: a register's records go to `f(index, record)`
/// as [`register::for_each_register_record`] passes them on (`index` = the record's position
/// in the register [`read_any`] would return); a panel is read whole.
///
/// Errors: those of [`read_any`]. On an error, `f` may already have been called.
pub fn stream_any<R: std::io::Read, F: FnMut(usize, crate::Koperasi)>(
    input: R,
    options: &ReadOptions,
    f: F,
) -> Result<Streamed, ReadError> {
    use std::io::Read;
    let (mut head, input, encoding) = peek(input, options)?;
    let given_date = options.data_as_of;
    let (layout, options, notes, title_date) = locate_header(&mut head, options)?;
    let options = &options;
    let whole = std::io::Cursor::new(head).chain(input);
    let mut read = match layout {
        Layout::Register => {
            register::for_each_register_record(whole, options, f).map(Streamed::Register)
        }
        Layout::Panel => read_panel(whole, options).map(|(p, rep)| Streamed::Panel(p, rep)),
    }?;
    let (Streamed::Register(report) | Streamed::Panel(_, report)) = &mut read;
    note_encoding(report, encoding);
    for n in notes {
        report.add_note(n);
    }
    if let Streamed::Register(report) = &mut read {
        title_data_date(report, given_date, title_date);
    }
    Ok(read)
}

/// Put the data date read from a register's title block (`title`: date and line) into its
/// read report, unless one was given (`given`, which wins; a title saying otherwise is noted).
pub(crate) fn title_data_date(
    report: &mut ReadReport,
    given: Option<chrono::NaiveDate>,
    title: Option<(chrono::NaiveDate, String)>,
) {
    let Some((date, text)) = title else { return };
    match given {
        None => {
            report.data_as_of = Some(DataAsOf {
                date,
                source: DataAsOfSource::Title,
                text: Some(text),
            })
        }
        Some(g) if g != date => report.add_note(ReadNote::TitleDateDiffers {
            title: date,
            text,
            given: g,
        }),
        Some(_) => {}
    }
}

/// The layout of a CSV (register or panel), decided exactly as [`read_any`] decides it: from
/// the first 64 KiB only (encoding, delimiter, a title block above the header), without
/// reading the rows. For callers that hold the file as text or bytes (the Python and
/// JavaScript bindings' `detect_layout`).
///
/// Errors: [`ReadError::Empty`], [`ReadError::Csv`] (a quote in the header never closed),
/// [`ReadError::LimitExceeded`], and those of [`detect_layout`].
pub fn detect_layout_of<R: std::io::Read>(
    input: R,
    options: &ReadOptions,
) -> Result<Layout, ReadError> {
    let (mut head, _, _) = peek(input, options)?;
    locate_header(&mut head, options).map(|(layout, ..)| layout)
}

/// [`detect_layout_of`] on CSV text.
///
/// Errors: those of [`detect_layout_of`].
pub fn detect_layout_str(csv_text: &str, options: &ReadOptions) -> Result<Layout, ReadError> {
    detect_layout_of(csv_text.as_bytes(), options)
}

/// `input` as a UTF-8 stream: converted from Windows-1252 or UTF-16 when its first bytes say
/// so (see [`encoding::detect_encoding`]), with the encoding found. The readers
/// ([`read_register`], [`read_panel`]) read through it, so that every entry point converts the
/// same way and says so in the read report ([`note_encoding`]).
pub(crate) fn utf8_input<'a, R: std::io::Read + 'a>(
    input: R,
    options: &ReadOptions,
) -> Result<(Box<dyn std::io::Read + 'a>, encoding::TextEncoding), ReadError> {
    use std::io::Read;
    let (head, rest, encoding) = peek(input, options)?;
    Ok((Box::new(std::io::Cursor::new(head).chain(rest)), encoding))
}

/// Record in `report` that the input was converted from `encoding` (nothing for UTF-8).
pub(crate) fn note_encoding(report: &mut ReadReport, encoding: encoding::TextEncoding) {
    if encoding == encoding::TextEncoding::Utf8 || report.encoding.is_some() {
        return;
    }
    report.encoding = Some(encoding.name().to_string());
    match encoding {
        encoding::TextEncoding::Utf8 => {}
        encoding::TextEncoding::Windows1252 => report.add_note(ReadNote::Windows1252),
        encoding::TextEncoding::Utf16Le | encoding::TextEncoding::Utf16Be => {
            report.add_note(ReadNote::Utf16 {
                encoding: encoding.name().to_uppercase(),
            });
        }
    }
}

/// What [`peek`] returns: the first bytes, the rest, the encoding.
type Peeked<'a> = (Vec<u8>, Box<dyn std::io::Read + 'a>, encoding::TextEncoding);

/// The first [`HEADER_PEEK`] bytes of `input` as UTF-8, and the rest of the input as a UTF-8
/// stream (converted from Windows-1252 when the first bytes are not UTF-8), with the encoding.
fn peek<'a, R: std::io::Read + 'a>(
    input: R,
    options: &ReadOptions,
) -> Result<Peeked<'a>, ReadError> {
    use std::io::Read;
    let mut input = limits::CappedReader::new(input, options.limits.max_input_bytes);
    let mut head = Vec::with_capacity(4096);
    (&mut input)
        .take(HEADER_PEEK as u64)
        .read_to_end(&mut head)
        .map_err(|e| io_error(&e))?;
    if bytes::has_workbook_signature(&head) {
        return Err(bytes::workbook_not_text());
    }
    let encoding = encoding::detect_encoding(&head);
    if encoding == encoding::TextEncoding::Utf8 {
        return Ok((head, Box::new(input), encoding));
    }
    // One decoder over the whole file, so that no character is cut at the end of `head`.
    let mut decoded =
        encoding::DecodingReader::new(encoding, std::io::Cursor::new(head).chain(input));
    let mut head = Vec::with_capacity(HEADER_PEEK);
    (&mut decoded)
        .take(HEADER_PEEK as u64)
        .read_to_end(&mut head)
        .map_err(|e| io_error(&e))?;
    Ok((head, Box::new(decoded), encoding))
}

/// The first non-blank line of `text` (after a UTF-8 byte-order mark), without its line end:
/// what the delimiter is guessed from.
pub(crate) fn first_line(text: &[u8]) -> &[u8] {
    let body = text
        .strip_prefix(b"\xef\xbb\xbf".as_slice())
        .unwrap_or(text);
    let start = body
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(body.len());
    let rest = body.get(start..).unwrap_or_default();
    let end = rest
        .iter()
        .position(|b| *b == b'\n' || *b == b'\r')
        .unwrap_or(rest.len());
    rest.get(..end).unwrap_or_default()
}

/// Find the header row in `head` (UTF-8): its layout, the options with the delimiter filled in,
/// and notes for the read report. A title block above the header is blanked in `head` (its
/// line breaks kept, so that lines keep their numbers).
/// A data date stated in a title block is returned with its line (see [`data_date`]) and, unless
/// one was given, set in the options returned.
#[allow(clippy::type_complexity)]
fn locate_header(
    head: &mut [u8],
    options: &ReadOptions,
) -> Result<
    (
        Layout,
        ReadOptions,
        Vec<ReadNote>,
        Option<(chrono::NaiveDate, String)>,
    ),
    ReadError,
> {
    let first_line = first_line(head);
    let mut options = options.clone();
    let sniffed = options.delimiter.is_none();
    let delimiter = *options
        .delimiter
        .get_or_insert_with(|| sniff_delimiter(first_line));
    let headers = {
        let mut r = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(delimiter)
            .from_reader(&*head);
        let headers = read_header(&mut r, &mut csv::ByteRecord::new())?;
        // A quote opened in the header and never closed swallows the whole file into it.
        let whole_file = head.len() < HEADER_PEEK;
        let odd_quotes = head.iter().filter(|b| **b == b'"').count() % 2 == 1;
        if whole_file && odd_quotes && headers.iter().any(|h| h.contains(['\n', '\r'])) {
            return Err(ReadError::Csv {
                line: 1,
                why: "a quote (\") opened in the header row is never closed".into(),
            });
        }
        headers
    };
    let mut notes = Vec::new();
    let mut title_date = None;
    let layout = match detect_layout(&headers, &options) {
        Ok(l) => l,
        Err(first) => {
            // A title block above the header: look for the header among the next rows. The
            // delimiter sniffed from the title line may be wrong (`DAFTAR KOPERASI` has none,
            // so `,` was guessed for a `;` file): try the others too, the sniffed one first.
            let candidates: &[u8] = if sniffed { b",;\t|" } else { &[] };
            let found = std::iter::once(delimiter)
                .chain(candidates.iter().copied().filter(|d| *d != delimiter))
                .find_map(|d| {
                    find_header_below_title(head, d, &options).map(|(p, l, lay)| (p, l, lay, d))
                });
            let Some((pos, line, layout, d)) = found else {
                return Err(first);
            };
            options.delimiter = Some(d);
            title_date = data_date::data_date_in_lines(
                String::from_utf8_lossy(head.get(..pos).unwrap_or_default()).lines(),
            );
            if let Some((date, _)) = &title_date {
                options.data_as_of = options.data_as_of.or(Some(*date));
            }
            for b in head.iter_mut().take(pos) {
                if *b != b'\n' && *b != b'\r' {
                    *b = b' ';
                }
            }
            notes.push(if line > 1 {
                ReadNote::HeaderBelowTitle { line }
            } else {
                ReadNote::DelimiterDiffers {
                    found: delimiter_name(d),
                    guessed: delimiter_name(delimiter),
                }
            });
            layout
        }
    };
    if layout == Layout::Register {
        if let Some((column, value)) = constant_name(head, &options) {
            return Err(ReadError::UnknownLayout {
                why: format!(
                    "the column `{column}` holds the same value `{}` on every row, so the rows \
                     are not cooperatives: not a register; if this is a table of counts, name \
                     its columns with --map region=HEADER (and --period for a one-date table)",
                    shorten(&value, 80)
                ),
            });
        }
    }
    Ok((layout, options, notes, title_date))
}

/// A delimiter as a note names it: `;`, or TAB.
fn delimiter_name(d: u8) -> String {
    match d {
        b'\t' => "TAB".to_string(),
        _ => format!("`{}`", char::from(d)),
    }
}

/// How many rows below the header [`constant_name`] looks at.
const NAME_SAMPLE: usize = 200;

/// (header, value) of a register's name column when it holds one value on every row of the
/// first 64 KiB (at least three rows): such a column names no cooperative (e.g. `Koperasi`
/// repeated on each row of a table of counts), so the file is not a register.
fn constant_name(head: &[u8], options: &ReadOptions) -> Option<(String, String)> {
    let mut r = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(options.delimiter.unwrap_or(b','))
        .from_reader(head);
    let headers = read_header(&mut r, &mut csv::ByteRecord::new()).ok()?;
    let (_, mapping) =
        crate::kopdes::split_stage_mapping(&options.mapping, register::register_fields());
    let fields = headers::match_headers(&headers, register::register_fields(), &mapping).ok()?;
    let col = fields.iter().position(|f| f.as_deref() == Some("name"))?;
    let mut values = std::collections::BTreeSet::new();
    let mut rows = 0;
    for rec in r.byte_records().take(NAME_SAMPLE) {
        let rec = rec.ok()?;
        let cell = decode(rec.get(col).unwrap_or_default()).trim().to_string();
        if crate::locale::is_missing(&cell) {
            continue;
        }
        rows += 1;
        values.insert(cell.to_lowercase());
        if values.len() > 1 {
            return None;
        }
    }
    let value = values.into_iter().next()?;
    (rows >= 3).then(|| (headers.get(col).cloned().unwrap_or_default(), value))
}

/// How many non-blank rows below the first are tried as the header of a CSV with a title block.
const TITLE_ROWS_MAX: usize = 50;

/// The header row of a CSV below a title block, within `head`: its byte offset, its 1-based
/// line and its layout. `None` when no record of the first [`TITLE_ROWS_MAX`] is a header.
fn find_header_below_title(
    head: &[u8],
    delimiter: u8,
    options: &ReadOptions,
) -> Option<(usize, u64, Layout)> {
    let mut r = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(LineIndex::new(head));
    let mut rec = csv::ByteRecord::new();
    let mut tried = 0;
    while let Ok(true) = r.read_byte_record(&mut rec) {
        let cells: Vec<String> = rec
            .iter()
            .map(|c| decode(c).trim_start_matches('\u{feff}').trim().to_string())
            .collect();
        if cells.iter().all(String::is_empty) {
            continue;
        }
        tried += 1;
        if tried > TITLE_ROWS_MAX {
            return None;
        }
        if let Ok(layout) = detect_layout(&cells, options) {
            let pos = rec.position().map_or(0, csv::Position::byte);
            let line = r.get_mut().line_at(pos);
            let pos = usize::try_from(pos).ok()?;
            return Some((pos, line, layout));
        }
    }
    None
}

/// A reader that remembers where each non-blank line starts, to give records their 1-based
/// line. (The csv crate's record position is the end of the previous record, before any
/// blank lines it skipped, so its line number can be one or more too small.) Queries must come
/// in increasing byte order; entries before the last query are dropped, so memory stays
/// proportional to the lines buffered, not to the file.
pub(crate) struct LineIndex<R> {
    inner: R,
    offset: u64,
    line: u64,
    at_line_start: bool,
    /// The previous byte was a `\r` (so a following `\n` ends the same line).
    after_cr: bool,
    /// Number of `"` bytes read: odd at the end means a quote is never closed.
    quotes: u64,
    /// (byte offset, line number) of the first byte of each line that is not blank.
    starts: std::collections::VecDeque<(u64, u64)>,
}

impl<R> LineIndex<R> {
    pub(crate) fn new(inner: R) -> Self {
        LineIndex {
            inner,
            offset: 0,
            line: 1,
            at_line_start: true,
            after_cr: false,
            quotes: 0,
            starts: std::collections::VecDeque::new(),
        }
    }

    /// True when every quote opened so far was closed. A well-formed CSV has an even number
    /// of `"` (each quoted field opens and closes, and a quote inside one is doubled); an odd
    /// count at the end means the last record swallowed the rest of the file into one cell.
    pub(crate) fn quotes_balanced(&self) -> bool {
        self.quotes % 2 == 0
    }

    /// The current line number (the last line read so far).
    pub(crate) fn last_line(&self) -> u64 {
        self.line
    }

    /// Line of a record whose csv position is `byte`: the first non-blank line starting at or
    /// after it (0 when unknown).
    pub(crate) fn line_at(&mut self, byte: u64) -> u64 {
        let i = self.starts.partition_point(|(o, _)| *o < byte);
        self.starts.drain(..i);
        self.starts.front().map_or(0, |(_, l)| *l)
    }
}

impl<R: std::io::Read> std::io::Read for LineIndex<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        let chunk = buf.get(..n).unwrap_or_default();
        self.quotes += memchr::memchr_iter(b'"', chunk).count() as u64;
        // A line ends at `\n`, `\r\n` or a lone `\r` (old Mac files), as for the csv crate.
        let mut i = 0usize;
        while let Some(&b) = chunk.get(i) {
            match b {
                b'\n' => {
                    if !self.after_cr {
                        self.line += 1;
                    }
                    self.after_cr = false;
                    self.at_line_start = true;
                    i += 1;
                }
                b'\r' => {
                    self.line += 1;
                    self.after_cr = true;
                    self.at_line_start = true;
                    i += 1;
                }
                _ => {
                    self.after_cr = false;
                    if self.at_line_start {
                        self.starts.push_back((self.offset + i as u64, self.line));
                        self.at_line_start = false;
                    }
                    // Skip to the next line break: nothing else changes before it.
                    let rest = chunk.get(i..).unwrap_or_default();
                    i += memchr::memchr2(b'\n', b'\r', rest).unwrap_or(rest.len());
                }
            }
        }
        self.offset += n as u64;
        Ok(n)
    }
}

/// Read the header row: the first record that is not blank (lines of only spaces are skipped
/// too), decoded, with a UTF-8 byte-order mark removed. [`ReadError::Empty`] when there is none.
pub(crate) fn read_header<R: std::io::Read>(
    rdr: &mut csv::Reader<R>,
    rec: &mut csv::ByteRecord,
) -> Result<Vec<String>, ReadError> {
    loop {
        match rdr.read_byte_record(rec) {
            Ok(false) => return Err(ReadError::Empty),
            Err(e) => return Err(csv_error(&e)),
            Ok(true) => {
                let cells: Vec<String> = rec
                    .iter()
                    .map(|c| decode(c).trim_start_matches('\u{feff}').to_string())
                    .collect();
                if cells.iter().any(|c| !c.trim().is_empty()) {
                    return Ok(cells);
                }
            }
        }
    }
}

/// True when a cell labels a total row of a spreadsheet (`TOTAL`, `Jumlah`, `Grand Total`,
/// `Total Keseluruhan`, `Jumlah Total`; case, spaces and a trailing `:` ignored), which sums
/// the rows above it and describes no cooperative or region.
pub(crate) fn is_total_label(cell: &str) -> bool {
    // Every label starts with t, j, g or s (no other character lower-cases to those): most
    // cells (an id, a name) are ruled out without allocating.
    if !cell
        .trim_start()
        .chars()
        .next()
        .is_some_and(|c| matches!(c.to_ascii_lowercase(), 't' | 'j' | 'g' | 's'))
    {
        return false;
    }
    let t: String = cell
        .trim()
        .trim_end_matches(':')
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    matches!(
        t.as_str(),
        "total"
            | "jumlah"
            | "grand total"
            | "total keseluruhan"
            | "jumlah total"
            | "jumlah keseluruhan"
            | "sub total"
            | "subtotal"
    )
}

/// An I/O error as a [`ReadError`] ([`ReadError::LimitExceeded`] when it comes from the
/// input size cap).
pub(crate) fn io_error(e: &std::io::Error) -> ReadError {
    let msg = e.to_string();
    if let Some(max) = msg.strip_prefix(limits::INPUT_TOO_LARGE) {
        let max: u64 = max.trim().parse().unwrap_or(0);
        limits::exceeded("max_input_bytes", max.saturating_add(1), max, 0)
    } else {
        ReadError::Io { why: e.to_string() }
    }
}

/// A csv crate error as a [`ReadError`].
pub(crate) fn csv_error(e: &csv::Error) -> ReadError {
    let line = e.position().map_or(0, csv::Position::line);
    match e.kind() {
        csv::ErrorKind::Io(io) => io_error(io),
        _ => ReadError::Csv {
            line,
            why: e.to_string(),
        },
    }
}

/// A cell's text: UTF-8 when valid, else Windows-1252 (so a file whose first 64 KiB were
/// plain ASCII still reads, and nothing is dropped). A cell neutralised by
/// [`export::neutralise`] (`'=SUM(A1)`) gets its original text back.
pub(crate) fn decode(bytes: &[u8]) -> String {
    let s = match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(_) => encoding::decode_windows_1252(bytes),
    };
    export::unneutralise(s)
}

/// [`decode`] without a copy when the cell is UTF-8 and not neutralised (the common case).
pub(crate) fn decode_cow(bytes: &[u8]) -> std::borrow::Cow<'_, str> {
    match std::str::from_utf8(bytes) {
        Ok(s) if !s.starts_with('\'') => std::borrow::Cow::Borrowed(s),
        _ => std::borrow::Cow::Owned(decode(bytes)),
    }
}
