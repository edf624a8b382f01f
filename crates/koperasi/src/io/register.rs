//! Reading a register (one row per cooperative) from CSV.
//!
//! Recognised columns are listed by [`register_fields`]: the headers of the Kota Bogor register
//! (`id_koperasi, nama_koperasi, nomor_bh, alamat, kecamatan`), the ODS record layout
//! (`Nomor Badan Hukum Pendirian`, `Tanggal Badan Hukum Pendirian`, `Jenis Koperasi`, ...),
//! their snake_case and upper-case forms, and common Indonesian synonyms.
//!
//! RAT history may come in wide form: a column per book year (`rat_2023`, `RAT 2023`) holding
//! the meeting date or a yes/no mark, and/or a column with the last book year for which an RAT
//! was held (`tahun_rat_terakhir`, which may also hold the date) with its date
//! (`tanggal_rat_terakhir`, alone: the RAT closed the book year before it). When any RAT column
//! is present, [`Koperasi::rat_known`] says which book years the file covers: for those years an
//! empty cell or `tidak` means "no RAT held"; other years stay unknown (see
//! [`crate::cooperative::RatKnowledge`]). A last-RAT column covers the later book years due
//! before the register's data date ([`ReadOptions::data_as_of`], or its title block):
//! [`RatKnowledge::LastRat`]; without a data date it is taken as current on the assessment
//! date ([`RatKnowledge::After`]), and the read report says so once ([`ReadNote::NoDataDate`](super::ReadNote::NoDataDate)).
//!
//! A row without a name is rejected. A cell that cannot be read (a date `31/02/2024`, a count
//! `nan`) does not reject the row: the field stays unknown, the cell is listed in
//! [`ReadReport::cell_errors`], and its raw text is kept in the record's `extra`.

use super::footer::{Offer, Tail};
use super::headers::{match_headers, normalize_header};
use super::{
    LineIndex, ReadOptions, ReadReport, Rejection, csv_error, decode, decode_cow, read_header,
};
use crate::cooperative::{Koperasi, RatKnowledge};
use crate::error::ReadError;
use crate::kopdes::{Stage, StageCell, stage_column};
use crate::locale::{Accept, ColumnMark, is_missing, parse_date, trim};
use crate::register::Register;
use crate::wilayah::{KodeWilayah, table};
use chrono::NaiveDate;
use row::{Row, convert_row};

mod cells;
mod row;

pub use cells::read_register_cells;

/// The register fields this reader recognises, each with the normalised header names
/// (see [`normalize_header`]) that map to it. An explicit [`ReadOptions::mapping`] wins.
pub fn register_fields() -> &'static [(&'static str, &'static [&'static str])] {
    &[
        (
            "source_id",
            &[
                "id_koperasi",
                "id",
                "no",
                "no_urut",
                "nomor_urut",
                "kode_koperasi",
                "cooperative_id",
            ],
        ),
        (
            "name",
            &[
                "nama_koperasi",
                "nama",
                "koperasi",
                "nama_kop",
                "name",
                "nama_lembaga",
                "cooperative_name",
                "cooperative",
            ],
        ),
        (
            "nik",
            &[
                "nik",
                "nomor_induk_koperasi",
                "nik_koperasi",
                "no_nik",
                "nomor_nik",
            ],
        ),
        (
            "nomor_badan_hukum",
            &[
                "nomor_bh",
                "no_bh",
                "nomor_badan_hukum",
                "nomor_badan_hukum_pendirian",
                "no_badan_hukum",
                "badan_hukum",
                "no_bh_pendirian",
                "nomor_akta_pendirian",
                "legal_entity_number",
                "sk_number",
            ],
        ),
        (
            "tanggal_badan_hukum",
            &[
                "tanggal_bh",
                "tgl_bh",
                "tanggal_badan_hukum",
                "tanggal_badan_hukum_pendirian",
                "tgl_badan_hukum",
                "tgl_badan_hukum_pendirian",
                "tanggal_pendirian",
                "tgl_pendirian",
                "legal_entity_date",
                "establishment_date",
                "established",
                "date_established",
                "founded",
                "founding_date",
            ],
        ),
        (
            "address",
            &["alamat", "alamat_koperasi", "alamat_lengkap", "address"],
        ),
        (
            "desa",
            &[
                "desa_kelurahan",
                "desa",
                "kelurahan",
                "kel_desa",
                "village",
                "village_name",
            ],
        ),
        // `district` is a kecamatan in BPS English ("regency" is the kabupaten) but a kab/kota
        // in SIMKOPDES exports (`province, district, subdistrict`). Fields are matched in this
        // order, each by its first synonym present: with a `subdistrict` column the kecamatan
        // takes it and `district` is left to the kab/kota; without one, `district` is the
        // kecamatan and `regency`/`city` the kab/kota.
        (
            "kecamatan",
            &[
                "kecamatan",
                "kec",
                "nama_kecamatan",
                "subdistrict",
                "sub_district",
                "subdistrict_name",
                "district",
            ],
        ),
        (
            "kab_kota",
            &[
                "kabupaten_kota",
                "kab_kota",
                "kabupaten",
                "kota",
                "kabkota",
                "nama_kabupaten_kota",
                "regency_city",
                "regency",
                "city",
                "district",
                "district_name",
            ],
        ),
        (
            "provinsi",
            &[
                "provinsi",
                "propinsi",
                "prov",
                "nama_provinsi",
                "province",
                "province_name",
            ],
        ),
        (
            "kode_wilayah",
            &["kode_wilayah", "kode_kemendagri", "kode_wil"],
        ),
        ("bentuk", &["bentuk_koperasi", "bentuk"]),
        (
            "jenis",
            &["jenis_koperasi", "jenis", "cooperative_type", "type"],
        ),
        ("kelompok", &["kelompok_koperasi", "kelompok"]),
        ("pola", &["pola_pengelolaan", "pola", "management_pattern"]),
        (
            "members_male",
            &[
                "jumlah_anggota_pria",
                "anggota_pria",
                "anggota_laki_laki",
                "jumlah_anggota_laki_laki",
            ],
        ),
        (
            "members_female",
            &[
                "jumlah_anggota_wanita",
                "anggota_wanita",
                "anggota_perempuan",
                "jumlah_anggota_perempuan",
            ],
        ),
        (
            "members_total",
            &[
                "total_anggota",
                "jumlah_anggota",
                "anggota",
                "members",
                "member_count",
                "total_members",
            ],
        ),
        (
            "employees",
            &["total_karyawan", "jumlah_karyawan", "karyawan"],
        ),
        (
            "managers",
            &[
                "total_manajer",
                "jumlah_manajer",
                "manajer",
                "manager",
                "jumlah_manager",
            ],
        ),
        (
            "last_rat_year",
            &[
                "tahun_rat_terakhir",
                "rat_terakhir",
                "tahun_buku_rat_terakhir",
                "rat_tahun_buku_terakhir",
            ],
        ),
        (
            "last_rat_date",
            &["tanggal_rat_terakhir", "tgl_rat_terakhir"],
        ),
        (
            "field_check_date",
            &[
                "tanggal_verifikasi",
                "tgl_verifikasi",
                "tanggal_cek_lapangan",
                "tanggal_survei",
            ],
        ),
        (
            "found_at_address",
            &[
                "ditemukan",
                "ditemukan_di_alamat",
                "alamat_ditemukan",
                "ada_di_alamat",
            ],
        ),
        (
            "board_known",
            &["pengurus_jelas", "pengurus_diketahui", "pengurus_ada"],
        ),
        (
            "business_active",
            &["usaha_berjalan", "usaha_aktif", "menjalankan_usaha"],
        ),
        (
            "dissolution_date",
            &[
                "tanggal_pembubaran",
                "tanggal_bubar",
                "tgl_pembubaran",
                "tanggal_dibubarkan",
            ],
        ),
        (
            "dissolved_by",
            &["dibubarkan_oleh", "pembubaran_oleh", "jenis_pembubaran"],
        ),
        (
            "office_status",
            &[
                "status_koperasi",
                "status_keaktifan",
                "keaktifan",
                "status_aktif",
                "status",
            ],
        ),
        ("office_active", &["aktif", "koperasi_aktif", "active"]),
        (
            "office_inactive",
            &[
                "tdkaktif",
                "tdk_aktif",
                "tidak_aktif",
                "non_aktif",
                "nonaktif",
                "pasif",
                "inactive",
            ],
        ),
        ("latitude", &["latitude", "lat", "lintang"]),
        ("longitude", &["longitude", "lng", "lon", "long", "bujur"]),
    ]
}

/// A register field, resolved once per column (the row loop matches on this, not on names).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Fld {
    SourceId,
    Name,
    Nik,
    NomorBadanHukum,
    TanggalBadanHukum,
    Address,
    Desa,
    Kecamatan,
    KabKota,
    Provinsi,
    KodeWilayah,
    Bentuk,
    Jenis,
    Kelompok,
    Pola,
    MembersMale,
    MembersFemale,
    MembersTotal,
    Employees,
    Managers,
    LastRatYear,
    LastRatDate,
    FieldCheckDate,
    FoundAtAddress,
    BoardKnown,
    BusinessActive,
    DissolutionDate,
    DissolvedBy,
    OfficeStatus,
    OfficeActive,
    OfficeInactive,
    Latitude,
    Longitude,
    /// A field name this reader does not use (kept as an extra column).
    Other,
}

impl Fld {
    fn from_name(name: &str) -> Fld {
        match name {
            "source_id" => Fld::SourceId,
            "name" => Fld::Name,
            "nik" => Fld::Nik,
            "nomor_badan_hukum" => Fld::NomorBadanHukum,
            "tanggal_badan_hukum" => Fld::TanggalBadanHukum,
            "address" => Fld::Address,
            "desa" => Fld::Desa,
            "kecamatan" => Fld::Kecamatan,
            "kab_kota" => Fld::KabKota,
            "provinsi" => Fld::Provinsi,
            "kode_wilayah" => Fld::KodeWilayah,
            "bentuk" => Fld::Bentuk,
            "jenis" => Fld::Jenis,
            "kelompok" => Fld::Kelompok,
            "pola" => Fld::Pola,
            "members_male" => Fld::MembersMale,
            "members_female" => Fld::MembersFemale,
            "members_total" => Fld::MembersTotal,
            "employees" => Fld::Employees,
            "managers" => Fld::Managers,
            "last_rat_year" => Fld::LastRatYear,
            "last_rat_date" => Fld::LastRatDate,
            "field_check_date" => Fld::FieldCheckDate,
            "found_at_address" => Fld::FoundAtAddress,
            "board_known" => Fld::BoardKnown,
            "business_active" => Fld::BusinessActive,
            "dissolution_date" => Fld::DissolutionDate,
            "dissolved_by" => Fld::DissolvedBy,
            "office_status" => Fld::OfficeStatus,
            "office_active" => Fld::OfficeActive,
            "office_inactive" => Fld::OfficeInactive,
            "latitude" => Fld::Latitude,
            "longitude" => Fld::Longitude,
            _ => Fld::Other,
        }
    }
}

/// The bentuk word of a cell, lower case: `Koperasi Primer`, `Primer Kabupaten/Kota` and
/// `PRIMER` give `primer`; a cell with anything but a level of the membership area after it
/// (`Primer Koperasi Desa`) gives the whole cell, which is then no bentuk.
fn bentuk_word(v: &str) -> String {
    let lower = v.to_lowercase();
    let rest = lower.strip_prefix("koperasi ").unwrap_or(&lower).trim();
    let (word, level) = rest.split_once(' ').unwrap_or((rest, ""));
    let level = level.trim();
    let is_level = level.is_empty()
        || matches!(
            level,
            "kabupaten/kota"
                | "kabupaten / kota"
                | "kab/kota"
                | "kabupaten"
                | "kota"
                | "provinsi"
                | "nasional"
        );
    if is_level { word.to_string() } else { lower }
}

/// True for the fields read as counts (members, employees, managers).
fn is_count_field(name: &str) -> bool {
    matches!(
        Fld::from_name(name),
        Fld::MembersMale | Fld::MembersFemale | Fld::MembersTotal | Fld::Employees | Fld::Managers
    )
}

/// `rat_2023`, `rat_tahun_buku_2023`, `rat_tb_2023` -> Some(2023) (normalised header).
fn rat_year_column(norm: &str) -> Option<i32> {
    let rest = norm.strip_prefix("rat_")?;
    let digits = rest.rsplit('_').next()?;
    if digits.len() == 4 && digits.bytes().all(|b| b.is_ascii_digit()) {
        let prefix = &rest[..rest.len() - 4];
        if matches!(prefix, "" | "tahun_buku_" | "tb_" | "tahun_") {
            // Only real book years; `RAT 2200` is kept as an unknown column.
            return digits
                .parse()
                .ok()
                .filter(|y| (crate::locale::MIN_YEAR..=crate::locale::MAX_YEAR).contains(y));
        }
    }
    None
}

/// Indonesian yes/no marks, case and a trailing `.` ignored: `ya`, `y`, `yes`, `sudah`, `sdh`,
/// `ada`, `1`, `v`, `✓`, `true`, `benar` and `tidak`, `tdk`, `t`, `no`, `n`, `belum`, `blm`,
/// `tidak ada`, `belum ada`, `0`, `false`, `salah`. `x` is neither: offices use it for "yes"
/// and for "no".
pub fn parse_yes_no(s: &str) -> Option<bool> {
    let t = trim(s).trim_end_matches('.');
    // Fast path (no allocation): ASCII with single spaces only, compared case-insensitively.
    let b = t.as_bytes();
    if b.iter().all(|c| c.is_ascii_graphic() || *c == b' ')
        && !t.ends_with(' ')
        && !b.windows(2).any(|w| w == b"  ")
    {
        const YES: [&str; 10] = [
            "ya", "y", "yes", "sudah", "sdh", "ada", "1", "v", "true", "benar",
        ];
        const NO: [&str; 12] = [
            "tidak",
            "tdk",
            "t",
            "no",
            "n",
            "belum",
            "blm",
            "tidak ada",
            "belum ada",
            "0",
            "false",
            "salah",
        ];
        if YES.iter().any(|w| w.eq_ignore_ascii_case(t)) {
            return Some(true);
        }
        if NO.iter().any(|w| w.eq_ignore_ascii_case(t)) {
            return Some(false);
        }
        return None;
    }
    let t = t.to_lowercase();
    match t.split_whitespace().collect::<Vec<_>>().join(" ").as_str() {
        "ya" | "y" | "yes" | "sudah" | "sdh" | "ada" | "1" | "v" | "✓" | "true" | "benar" => {
            Some(true)
        }
        "tidak" | "tdk" | "t" | "no" | "n" | "belum" | "blm" | "tidak ada" | "belum ada" | "0"
        | "false" | "salah" => Some(false),
        _ => None,
    }
}

/// [`parse_yes_no`] for the "business running" column, which offices also fill with
/// `aktif`/`berjalan` and `tidak aktif`/`tidak berjalan`/`mati`/`berhenti`.
fn parse_business_active(s: &str) -> Option<bool> {
    parse_yes_no(s).or_else(|| {
        match s
            .trim()
            .to_lowercase()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .as_str()
        {
            "aktif" | "berjalan" | "jalan" | "beroperasi" => Some(true),
            "tidak aktif" | "tidak berjalan" | "tdk berjalan" | "tidak jalan" | "mati"
            | "berhenti" | "tidak beroperasi" => Some(false),
            _ => None,
        }
    })
}

/// Marks that say "not known" rather than "no": `?`, `n/a`, `#N/A`, `tidak diketahui`, ...
fn is_unknown_mark(v: &str) -> bool {
    const MARKS: [&str; 14] = [
        "?",
        "??",
        "none",
        "nil",
        "nan",
        "n/a",
        "na",
        "n.a.",
        "n.a",
        "#n/a",
        "tidak diketahui",
        "tdk diketahui",
        "unknown",
        "null",
    ];
    let t = trim(v);
    if t.is_ascii() {
        // ASCII lower-casing is the whole of Unicode lower-casing for ASCII text.
        return MARKS.iter().any(|m| m.eq_ignore_ascii_case(t));
    }
    let t = t.to_lowercase();
    MARKS.contains(&t.as_str())
}

/// Read one cell of a per-book-year RAT column (`RAT 2023`).
///
/// Returns `Ok(None)` for "no RAT held" (empty, `-`, `tidak`, `belum`, `0`), `Ok(Some(date))`
/// for "held" (`ya`, `sudah`, `v`: date unknown; the meeting date; `Sudah (12/05/2025)`), and
/// an error (code, reason) for anything else: a mark that says "not known" (`?`, `n/a`,
/// `#N/A`: the year stays unknown), `x`, and a date on or before 31 December of the book year: an
/// RAT closes its book year, so such a date is more likely the year the RAT was held than the
/// book year, and is not guessed.
fn read_rat_cell(
    v: &str,
    book_year: i32,
) -> Result<Option<Option<NaiveDate>>, (&'static str, String)> {
    if v.is_empty() {
        return Ok(None); // the commonest cell of all: no RAT held
    }
    // Fast path: a cell that starts with two digits is none of the marks (`1`/`0` are the only
    // marks with a digit, every other starts with a letter or a sign), so it can only be a date.
    if v.as_bytes()
        .get(..2)
        .is_some_and(|p| p.iter().all(u8::is_ascii_digit))
    {
        return match parse_date(v) {
            Ok(d) => check_rat_date(d, book_year).map(|d| Some(Some(d))),
            Err(e) => Err((
                e.code(),
                format!("{e}; an RAT cell holds the meeting date, `ya`/`sudah` or `tidak`/`belum`"),
            )),
        };
    }
    if is_unknown_mark(v) {
        return Err((
            "rat_unknown",
            format!(
                "`{v}` says it is not known whether an RAT was held for book year {book_year}; the year stays unknown"
            ),
        ));
    }
    if is_missing(v) {
        return Ok(None);
    }
    if let Some(yes) = parse_yes_no(v) {
        return Ok(yes.then_some(None));
    }
    // "Sudah (12/05/2025)", "Ya, 12 Mei 2024": held, with its date.
    let starts_with_word = |w: &str| {
        v.as_bytes()
            .get(..w.len())
            .is_some_and(|p| p.eq_ignore_ascii_case(w.as_bytes()))
    };
    let maybe_prefixed = !v.is_ascii() || ["sudah", "sdh", "ya"].into_iter().any(starts_with_word);
    let lower = if maybe_prefixed {
        v.to_lowercase()
    } else {
        String::new()
    };
    if let Some(rest) = ["sudah", "sdh", "ya"]
        .iter()
        .find_map(|w| lower.strip_prefix(w))
    {
        let rest = rest.trim_start_matches([' ', ',', ':', '-']);
        let inner = rest.trim().trim_start_matches('(').trim_end_matches(')');
        if !inner.is_empty() {
            if let Ok(d) = parse_date(inner) {
                return check_rat_date(d, book_year).map(|d| Some(Some(d)));
            }
        }
    }
    if v.eq_ignore_ascii_case("x") {
        return Err((
            "yes_no_ambiguous",
            "`x` marks both \"held\" and \"not held\" in office spreadsheets; write `ya`/`tidak` or the meeting date".into(),
        ));
    }
    match parse_date(v) {
        Ok(d) => check_rat_date(d, book_year).map(|d| Some(Some(d))),
        Err(e) => Err((
            e.code(),
            format!("{e}; an RAT cell holds the meeting date, `ya`/`sudah` or `tidak`/`belum`"),
        )),
    }
}

/// How many years after its book year an RAT may plausibly be dated (late meetings happen;
/// later than this is taken as a typing error, e.g. 2099 for 2024).
const RAT_MAX_YEARS_LATE: i32 = 3;

/// An RAT date must fall after its book year ends (an RAT closes the book year), and not
/// implausibly long after it.
fn check_rat_date(d: NaiveDate, book_year: i32) -> Result<NaiveDate, (&'static str, String)> {
    use chrono::Datelike;
    if d.year() > book_year.saturating_add(RAT_MAX_YEARS_LATE) {
        return Err((
            "rat_date_implausible",
            format!(
                "an RAT for book year {book_year} dated {d} is more than {RAT_MAX_YEARS_LATE} years late; \
                 check the date (the year stays unknown)"
            ),
        ));
    }
    if d.year() <= book_year {
        Err((
            "rat_date_before_book_year_end",
            format!(
                "an RAT for book year {book_year} is held after the book year closes, not on {d}; \
                 if the column gives the year the RAT was held, name it `RAT {}` or give book years",
                d.year().saturating_sub(1)
            ),
        ))
    } else {
        Ok(d)
    }
}

/// What the reader knows of the columns, worked out once from the header line.
struct Schema {
    headers: Vec<String>,
    kinds: Vec<Option<Fld>>,
    rat_cols: Vec<Option<i32>>,
    n_rat_cols: usize,
    /// The KDMP/KKMP stage each column holds ([`crate::kopdes::stage_column`]).
    stage_cols: Vec<Option<(Stage, StageCell)>>,
    has_year_columns: bool,
    /// The header of the name column (named in `missing_name` rejections).
    name_col: Option<String>,
    /// How each column's numbers are read ([`ReadOptions::decimal`]).
    marks: Vec<ColumnMark>,
    /// The register's data date ([`ReadOptions::data_as_of`], or read from its title).
    data_as_of: Option<NaiveDate>,
    /// [`ReadOptions::keep_template_example`].
    keep_example: bool,
}

/// Read a register CSV: one row per cooperative.
///
/// Returns the records that could be read, in file order, and a [`ReadReport`]:
/// `report.accepted + report.rejected.len() == report.rows_read`.
///
/// Errors: [`ReadError::Empty`] without a header, [`ReadError::MissingColumn`] when no column
/// names the cooperative, [`ReadError::BadMapping`] for a mapping to a missing header,
/// [`ReadError::Csv`]/[`ReadError::Io`] when the file itself cannot be read.
pub fn read_register<R: std::io::Read>(
    input: R,
    options: &ReadOptions,
) -> Result<(Register, ReadReport), ReadError> {
    let mut records = InOrder::default();
    let report = for_each_register_record(input, options, |i, k| records.push(i, k))?;
    Ok((
        Register {
            records: records.finish(),
        },
        report,
    ))
}

/// Records as [`for_each_register_record`] passes them on, put back in register order.
#[derive(Default)]
pub(crate) struct InOrder {
    order: Vec<usize>,
    records: Vec<Koperasi>,
}

impl InOrder {
    pub(crate) fn push(&mut self, index: usize, k: Koperasi) {
        self.order.push(index);
        self.records.push(k);
    }

    /// The records by index. Records whose kecamatan needed the whole file came last: put
    /// them back in place.
    pub(crate) fn finish(self) -> Vec<Koperasi> {
        if self.order.is_sorted() {
            return self.records;
        }
        let mut paired: Vec<(usize, Koperasi)> = self.order.into_iter().zip(self.records).collect();
        paired.sort_by_key(|(i, _)| *i);
        paired.into_iter().map(|(_, k)| k).collect()
    }
}

/// Read a register CSV one record at a time, without holding the register: `f(index, record)`
/// is called for every record [`read_register`] would return, `index` being its position in
/// that register's `records`. Returns the same [`ReadReport`] as [`read_register`].
///
/// Records come in file order, except one whose kecamatan name is ambiguous across Indonesia
/// and could not be placed from its own row: it is placed within the kabupaten/kota that most
/// of the file's kecamatan belong to (as [`resolve_locations`] does), which is known only at
/// the end of the file, so it comes after the last row (with its own `index`). Memory does not
/// grow with the file: rows are read in batches of 64 and converted on up to
/// [`ReadOptions::threads`] threads (at most 4 workers and the calling thread), with two batches
/// in flight per worker, plus the waiting records and the read report (which lists every
/// rejected row and cell).
///
/// A column mapped to a stage: (column index, (stage, what its cells hold)).
type MappedStage = (usize, (Stage, StageCell));

/// The columns named by the stage entries of `--map` (`tgl_sk_ahu=Tanggal SK`): (column index,
/// the stage FIELD's kind). The explicit mapping wins over any register field the header
/// matched by itself.
///
/// # Errors
/// [`ReadError::BadMapping`] when the HEADER is not a column of the file;
/// [`ReadError::ConflictingMapping`] when one column is mapped to two stage fields.
fn mapped_stage_columns(
    stage_map: &[(String, String)],
    norm: &[String],
) -> Result<Vec<MappedStage>, ReadError> {
    let mut out: Vec<MappedStage> = Vec::new();
    for (field, column) in stage_map {
        let want = normalize_header(column);
        let Some(i) = norm.iter().position(|h| *h == want && !want.is_empty()) else {
            return Err(ReadError::BadMapping {
                field: field.clone(),
                column: column.clone(),
            });
        };
        if out.iter().any(|(c, _)| *c == i) {
            return Err(ReadError::ConflictingMapping {
                why: format!("column `{column}` is mapped to two stage fields"),
            });
        }
        if let Some(kind) = stage_column(&normalize_header(field)) {
            out.push((i, kind));
        }
    }
    Ok(out)
}

/// Errors: those of [`read_register`]. On an error, `f` may already have been called for some
/// of the records before it (how many depends on the threads: none, or all but the last few
/// batches); the error itself does not.
pub fn for_each_register_record<R: std::io::Read, F: FnMut(usize, Koperasi)>(
    input: R,
    options: &ReadOptions,
    f: F,
) -> Result<ReadReport, ReadError> {
    let (input, encoding) = super::utf8_input(input, options)?;
    let input = super::decimal::hold(
        super::limits::CappedReader::new(input, options.limits.max_input_bytes),
        options,
    )?;
    let whole = input.whole();
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(options.delimiter.unwrap_or(b','))
        .from_reader(LineIndex::new(input));
    let mut byte_rec = csv::ByteRecord::new();
    let headers = read_header(&mut rdr, &mut byte_rec)?;
    let header_line = rdr
        .get_mut()
        .line_at(byte_rec.position().map_or(0, csv::Position::byte));
    options.limits.check_record(&byte_rec, 0, header_line)?;
    let delimiter = options.delimiter.unwrap_or(b',');
    let (schema, report) = prepare(headers, options, |tallies| {
        super::decimal::feed_csv(tallies, whole.as_ref().map(AsRef::as_ref), delimiter);
    })?;
    drop(whole);
    let mut report = drive(&schema, report, options, f, &mut rdr)?;
    super::note_encoding(&mut report, encoding);
    Ok(report)
}

/// Where the data rows of a register come from: a CSV reader, or cells ([`cells`]).
trait DataRows {
    /// The next data row into `rec`, with its line; `None` at the end.
    fn next_row(&mut self, rec: &mut csv::ByteRecord) -> Result<Option<u64>, ReadError>;
    /// Whether every quote opened was closed, and the last line of the source.
    fn end(&self) -> (bool, u64);
}

impl<R: std::io::Read> DataRows for csv::Reader<LineIndex<R>> {
    fn next_row(&mut self, rec: &mut csv::ByteRecord) -> Result<Option<u64>, ReadError> {
        match self.read_byte_record(rec) {
            Ok(false) => Ok(None),
            Err(e) => Err(csv_error(&e)),
            Ok(true) => {
                let start = rec.position().map_or(0, csv::Position::byte);
                Ok(Some(self.get_mut().line_at(start)))
            }
        }
    }
    fn end(&self) -> (bool, u64) {
        (self.get_ref().quotes_balanced(), self.get_ref().last_line())
    }
}

/// The schema of a register's columns and the start of its read report, from its `headers`:
/// the fields they map to (one rule for CSV and cells, [`match_headers`]), RAT-year and
/// Kopdes stage columns, and how each column's numbers are read (`feed` passes the data rows
/// to the tallies when [`ReadOptions::decimal`] is `auto`).
fn prepare(
    headers: Vec<String>,
    options: &ReadOptions,
    feed: impl FnOnce(&mut super::decimal::Tallies),
) -> Result<(Schema, ReadReport), ReadError> {
    let (stage_map, mapping) =
        crate::kopdes::split_stage_mapping(&options.mapping, register_fields());
    let mut fields = match_headers(&headers, register_fields(), &mapping)?;
    let norm: Vec<String> = headers.iter().map(|h| normalize_header(h)).collect();
    let mapped = mapped_stage_columns(&stage_map, &norm)?;
    for (i, _) in &mapped {
        if let Some(f) = fields.get_mut(*i) {
            *f = None;
        }
    }
    let rat_cols: Vec<Option<i32>> = norm
        .iter()
        .zip(&fields)
        .map(|(n, f)| {
            if f.is_none() {
                rat_year_column(n)
            } else {
                None
            }
        })
        .collect();
    let stage_cols: Vec<Option<(Stage, StageCell)>> = norm
        .iter()
        .zip(fields.iter().zip(&rat_cols))
        .enumerate()
        .map(|(i, (n, (f, r)))| {
            if let Some((_, s)) = mapped.iter().find(|(c, _)| *c == i) {
                return Some(*s);
            }
            match (f, r) {
                (None, None) => stage_column(n),
                _ => None,
            }
        })
        .collect();
    if !fields.iter().any(|f| f.as_deref() == Some("name")) {
        return Err(ReadError::MissingColumn {
            field: "name".into(),
            looked_for: register_fields()
                .iter()
                .find(|(f, _)| *f == "name")
                .map(|(_, s)| s.join(", "))
                .unwrap_or_default(),
            found: headers.join(", "),
        });
    }
    let counts: Vec<(usize, Accept)> = fields
        .iter()
        .enumerate()
        .filter(|(_, f)| f.as_deref().is_some_and(is_count_field))
        .map(|(i, _)| (i, Accept::COUNT))
        .collect();
    let mut notes = Vec::new();
    let marks = super::decimal::column_marks_with(options, &headers, &counts, &mut notes, feed);
    let has_last_rat = fields
        .iter()
        .any(|f| matches!(f.as_deref(), Some("last_rat_year" | "last_rat_date")));
    if has_last_rat && options.data_as_of.is_none() {
        notes.push(super::ReadNote::NoDataDate);
    }
    let mut report = ReadReport {
        data_as_of: options.data_as_of.map(|date| super::DataAsOf {
            date,
            source: super::DataAsOfSource::Option,
            text: None,
        }),
        columns: headers
            .iter()
            .zip(&fields)
            .zip(&rat_cols)
            .zip(&stage_cols)
            .map(|(((h, f), r), st)| {
                let f = f
                    .clone()
                    .or_else(|| r.map(|y| format!("rat_{y}")))
                    .or_else(|| st.map(|(s, _)| format!("stage_{}", s.code())));
                (h.clone(), f)
            })
            .collect(),
        ..ReadReport::default()
    };
    for n in notes {
        report.add_note(n);
    }
    let schema = Schema {
        stage_cols,
        has_year_columns: rat_cols.iter().any(Option::is_some),
        kinds: fields
            .iter()
            .map(|f| f.as_deref().map(Fld::from_name))
            .collect(),
        n_rat_cols: rat_cols.iter().filter(|c| c.is_some()).count(),
        rat_cols,
        name_col: fields
            .iter()
            .position(|f| f.as_deref() == Some("name"))
            .and_then(|i| headers.get(i).cloned()),
        headers,
        marks,
        data_as_of: options.data_as_of,
        keep_example: options.keep_template_example,
    };
    Ok((schema, report))
}

/// Read the data rows of `rows` into records passed to `f`, on up to
/// [`ReadOptions::threads`] threads (the one row rule for CSV and cells: blank rows, limits,
/// footers, an unclosed quote, kecamatan placed from the whole file).
fn drive<F: FnMut(usize, Koperasi)>(
    schema: &Schema,
    report: ReadReport,
    options: &ReadOptions,
    f: F,
    rows: &mut impl DataRows,
) -> Result<ReadReport, ReadError> {
    // Default: a worker per core, and the calling thread (which reads, and converts a batch
    // itself when the workers are full).
    let threads = options
        .threads
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get() + 1))
        .min(MAX_THREADS);
    std::thread::scope(|scope| {
        let mut pipe = Pipeline::new(scope, schema, threads);
        let mut sink = Sink::new(options.region.as_ref(), report, f, schema.headers.len());
        let mut batch = Batch::default();
        let mut byte_rec = csv::ByteRecord::new();
        while let Some(line) = rows.next_row(&mut byte_rec)? {
            if byte_rec.iter().all(|c| c.trim_ascii().is_empty()) {
                sink.report.blank_rows += 1; // a row of empty cells: not a cooperative
                continue;
            }
            sink.report.rows_read += 1;
            options
                .limits
                .check_record(&byte_rec, sink.report.rows_read, line)?;
            batch.commit(&mut byte_rec, line);
            if batch.len == BATCH_ROWS {
                let next = pipe.spare().unwrap_or_default();
                for done in pipe.submit(std::mem::replace(&mut batch, next))? {
                    sink.apply(done, &mut pipe);
                }
            }
        }
        for done in pipe.finish(batch)? {
            sink.apply(done, &mut pipe);
        }
        let (quotes_balanced, last_line) = rows.end();
        Ok(sink.finish(quotes_balanced, last_line))
    })
}

/// What a register's last-RAT column says of the book years after `year`: none held up to the
/// data date `as_of` ([`RatKnowledge::LastRat`]), or, without a data date, none up to the
/// assessment date ([`RatKnowledge::After`], said once in the read report).
fn last_rat_knowledge(year: i32, as_of: Option<NaiveDate>) -> RatKnowledge {
    match as_of {
        Some(as_of) => RatKnowledge::LastRat { year, as_of },
        None => RatKnowledge::After { year },
    }
}

/// Rows per batch handed to a converting thread. Small batches keep a batch's records in the
/// caches of the two cores that make and use them (1,024-row batches took 20 % more time).
const BATCH_ROWS: usize = 64;

/// Rows read before worker threads start: a small file is converted on the calling thread.
const ROWS_BEFORE_THREADS: usize = 1024;

/// Most threads converting rows, the calling thread included, whatever
/// [`ReadOptions::threads`] asks (more do not help: the reading thread becomes the limit; each
/// worker holds up to two batches).
const MAX_THREADS: usize = 5;

/// Rows read (with their lines) and, once converted, what each gave. The buffers go round
/// between the reading thread and the converting threads, so that records and vectors are
/// allocated once, not per batch.
#[derive(Default)]
struct Batch {
    /// `raws[..len]` are this batch's rows; records past `len` are spare buffers.
    raws: Vec<(csv::ByteRecord, u64)>,
    len: usize,
    rows: Vec<Row>,
}

impl Batch {
    /// Keep the row just read into `rec`, at `line`; `rec` gets a spare buffer back.
    fn commit(&mut self, rec: &mut csv::ByteRecord, line: u64) {
        match self.raws.get_mut(self.len) {
            Some(slot) => {
                std::mem::swap(&mut slot.0, rec);
                slot.1 = line;
            }
            None => self.raws.push((std::mem::take(rec), line)),
        }
        self.len += 1;
    }

    fn convert(mut self, schema: &Schema) -> Batch {
        self.rows.clear();
        let raws = self.raws.get(..self.len).unwrap_or_default();
        self.rows.extend(
            raws.iter()
                .map(|(raw, line)| convert_row(schema, raw, *line)),
        );
        self
    }
}

/// Converts batches of rows, on worker threads when there are any, in the order submitted.
///
/// With `threads <= 1`, or when no thread can be started (WebAssembly), batches are converted
/// on the calling thread. Threads start once [`ROWS_BEFORE_THREADS`] rows have been read, so a
/// small file never starts one. Each worker holds at most two batches; when all are busy the calling thread
/// converts the batch itself rather than wait. Batches are handed back in submission order,
/// and at most `2 x workers + 1` are held, which bounds memory.
struct Pipeline<'scope, 'env> {
    scope: &'scope std::thread::Scope<'scope, 'env>,
    schema: &'env Schema,
    threads: usize,
    started: bool,
    to: Vec<std::sync::mpsc::Sender<Batch>>,
    from: Vec<std::sync::mpsc::Receiver<Batch>>,
    /// Submitted batches in order: converted here (`Ok`), or at a worker (`Err(worker)`).
    queue: std::collections::VecDeque<Result<Batch, usize>>,
    /// Batches at each worker.
    busy: Vec<usize>,
    /// Batches submitted so far.
    submitted: usize,
    /// Batches applied, their buffers kept for reading.
    spare: Vec<Batch>,
}

impl<'scope, 'env> Pipeline<'scope, 'env> {
    fn new(
        scope: &'scope std::thread::Scope<'scope, 'env>,
        schema: &'env Schema,
        threads: usize,
    ) -> Self {
        Pipeline {
            scope,
            schema,
            threads,
            started: false,
            to: Vec::new(),
            from: Vec::new(),
            queue: std::collections::VecDeque::new(),
            busy: Vec::new(),
            submitted: 0,
            spare: Vec::new(),
        }
    }

    /// An applied batch to read into (its buffers kept, its rows gone).
    fn spare(&mut self) -> Option<Batch> {
        self.spare.pop().map(|mut b| {
            b.len = 0;
            b
        })
    }

    fn start(&mut self) {
        self.started = true;
        if self.threads <= 1 {
            return;
        }
        // The calling thread converts too (when the workers are full).
        for _ in 1..self.threads {
            let (to_tx, to_rx) = std::sync::mpsc::channel::<Batch>();
            let (from_tx, from_rx) = std::sync::mpsc::channel::<Batch>();
            let schema = self.schema;
            let spawned = std::thread::Builder::new()
                .name("koperasi-read".into())
                .spawn_scoped(self.scope, move || {
                    for batch in to_rx {
                        if from_tx.send(batch.convert(schema)).is_err() {
                            break;
                        }
                    }
                });
            if spawned.is_err() {
                break; // no threads here (WebAssembly): the workers started so far suffice
            }
            self.to.push(to_tx);
            self.from.push(from_rx);
            self.busy.push(0);
        }
    }

    fn stopped() -> ReadError {
        ReadError::Io {
            why: "a thread converting rows stopped".into(),
        }
    }

    /// The oldest submitted batch, converted (waiting for its worker if need be).
    fn pop(&mut self) -> Result<Option<Batch>, ReadError> {
        match self.queue.pop_front() {
            None => Ok(None),
            Some(Ok(batch)) => Ok(Some(batch)),
            Some(Err(w)) => {
                if let Some(n) = self.busy.get_mut(w) {
                    *n = n.saturating_sub(1);
                }
                let rx = self.from.get(w).ok_or_else(Self::stopped)?;
                rx.recv().map(Some).map_err(|_| Self::stopped())
            }
        }
    }

    /// Hand over a full batch; returns the batches converted so far, in order.
    fn submit(&mut self, batch: Batch) -> Result<Vec<Batch>, ReadError> {
        self.submitted += 1;
        if !self.started && self.submitted * BATCH_ROWS > ROWS_BEFORE_THREADS {
            self.start();
        }
        // The least busy worker with room for one more batch; else convert here.
        let free = (0..self.to.len())
            .filter(|w| self.busy.get(*w).is_some_and(|n| *n < 2))
            .min_by_key(|w| self.busy.get(*w).copied().unwrap_or(usize::MAX));
        match (free, free.and_then(|w| self.to.get(w))) {
            (Some(w), Some(tx)) => {
                tx.send(batch).map_err(|_| Self::stopped())?;
                if let Some(n) = self.busy.get_mut(w) {
                    *n += 1;
                }
                self.queue.push_back(Err(w));
            }
            _ => self.queue.push_back(Ok(batch.convert(self.schema))),
        }
        // Hand back what is ready at the front, and more while too many are held.
        let mut done = Vec::new();
        loop {
            let ready = match self.queue.front() {
                Some(Ok(_)) => true,
                Some(Err(_)) => self.queue.len() > 2 * self.to.len() + 1,
                None => false,
            };
            if !ready {
                break;
            }
            done.extend(self.pop()?);
        }
        Ok(done)
    }

    /// Convert the last (partial) batch and return every batch still held, in order.
    fn finish(&mut self, last: Batch) -> Result<Vec<Batch>, ReadError> {
        self.queue.push_back(Ok(last.convert(self.schema)));
        let mut done = Vec::new();
        while let Some(b) = self.pop()? {
            done.push(b);
        }
        Ok(done)
    }
}

/// Takes converted rows in file order: fills the report, holds back the last accepted record
/// until the next row shows it is not swallowed by a quote never closed, places records
/// (resolves their region) and passes them on.
struct Sink<'a, F> {
    report: ReadReport,
    /// Rows held back as a possible footer (signature block, notes) until a data row or the
    /// end of the file shows what they are ([`super::footer`]).
    tail: Tail<(Row, u64)>,
    /// Date cells of accepted rows that held a spreadsheet's empty date.
    placeholders: u64,
    places: Placer<'a>,
    pending: Option<Koperasi>,
    accepted_count: usize,
    /// The last row that was not blank, its line, and whether it was accepted (for the
    /// unclosed-quote check at the end).
    last_raw: csv::ByteRecord,
    last_line: u64,
    last_accepted: bool,
    f: F,
}

impl<'a, F: FnMut(usize, Koperasi)> Sink<'a, F> {
    fn new(within: Option<&'a KodeWilayah>, report: ReadReport, f: F, width: usize) -> Self {
        Sink {
            report,
            tail: Tail::new(width),
            placeholders: 0,
            places: Placer::new(within),
            pending: None,
            accepted_count: 0,
            last_raw: csv::ByteRecord::new(),
            last_line: 0,
            last_accepted: false,
            f,
        }
    }

    fn apply(&mut self, mut batch: Batch, pipe: &mut Pipeline<'_, '_>) {
        for (row, (raw, line)) in batch.rows.drain(..).zip(&batch.raws) {
            match self.tail.offer((row, *line), raw, *line) {
                Offer::Pass(row) => self.take(row),
                Offer::Held => {}
                Offer::Release(held, row) => {
                    for r in held {
                        self.take(r);
                    }
                    self.take(row);
                }
            }
        }
        if let Some((raw, _)) = batch.len.checked_sub(1).and_then(|i| batch.raws.get(i)) {
            self.last_raw.clone_from(raw);
        }
        pipe.spare.push(batch);
    }

    /// Read one row (with its line) that is not a footer line.
    fn take(&mut self, (row, line): (Row, u64)) {
        self.last_line = line;
        match row {
            Row::Rejected(r) => {
                self.report.rejected.push(r);
                self.last_accepted = false;
            }
            Row::Accepted {
                k,
                cell_errors,
                placeholders,
            } => {
                self.report.cell_errors.extend(cell_errors);
                self.report.accepted += 1;
                self.placeholders += u64::from(placeholders);
                self.last_accepted = true;
                if let Some(prev) = self.pending.replace(k) {
                    self.places.place(self.accepted_count, prev, &mut self.f);
                    self.accepted_count += 1;
                }
            }
        }
    }

    /// The report, after the unclosed-quote check and the last records are passed on.
    fn finish(mut self, quotes_balanced: bool, file_last_line: u64) -> ReadReport {
        if !quotes_balanced {
            // A quote never closed: the rows held are read as data, for the check below.
            for r in self.tail.release_all() {
                self.take(r);
            }
        }
        let footer = std::mem::replace(&mut self.tail, Tail::new(0)).finish();
        super::footer::skip(&mut self.report, footer, |(row, _)| match row {
            Row::Rejected(r) => Some(r),
            Row::Accepted { .. } => None,
        });
        if let Some(note) = super::footer::placeholder_note(self.placeholders) {
            self.report.add_note(note);
        }
        let report = &mut self.report;
        // An odd number of quotes alone may be an inch mark (`5" Jaya`); a quote that was never
        // closed shows as a last row whose cell swallowed line breaks.
        let rec: Vec<String> = self.last_raw.iter().map(decode).collect();
        let swallowed = rec.iter().any(|c| c.contains(['\n', '\r']));
        let last_line = self.last_line;
        if !quotes_balanced && swallowed && last_line > 0 {
            let reason = format!(
                "a quote opened in this row is never closed, so lines {last_line}-{file_last_line} were read as one row; close the quote",
            );
            if self.last_accepted {
                self.pending = None;
                report.accepted = report.accepted.saturating_sub(1);
                report.cell_errors.retain(|e| e.line != last_line);
                report.rejected.push(Rejection {
                    line: last_line,
                    column: None,
                    value: None,
                    code: "unterminated_quote".into(),
                    reason,
                    fields: rec,
                    cell: None,
                });
            } else if let Some(r) = report.rejected.last_mut() {
                r.reason = format!("{}; also {reason}", r.reason);
            }
        }
        if let Some(last) = self.pending.take() {
            self.places.place(self.accepted_count, last, &mut self.f);
        }
        self.places.finish(&mut self.f);
        self.report
    }
}

/// `needle` (lower-case ASCII) occurs in `hay` lower-cased; without allocating when `hay` is
/// ASCII.
fn contains_ignore_case(hay: &str, needle: &str) -> bool {
    if hay.is_ascii() {
        hay.as_bytes()
            .windows(needle.len())
            .any(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
    } else {
        hay.to_lowercase().contains(needle)
    }
}

/// The cells of a record as text: borrowed when the whole record is UTF-8 (validated once,
/// not cell by cell), else each cell as [`decode_cow`] reads it.
fn decode_record(rec: &csv::ByteRecord) -> Vec<std::borrow::Cow<'_, str>> {
    let whole = std::str::from_utf8(rec.as_slice()).ok();
    (0..rec.len())
        .map(|i| {
            let borrowed = whole
                .zip(rec.range(i))
                .and_then(|(w, r)| w.get(r))
                .filter(|c| !c.starts_with('\''));
            match borrowed {
                Some(c) => std::borrow::Cow::Borrowed(c),
                None => decode_cow(rec.get(i).unwrap_or_default()),
            }
        })
        .collect()
}

/// [`resolve_locations`] one record at a time: records are resolved as they come; those whose
/// kecamatan stays ambiguous wait for the file-wide vote ([`Placer::finish`]).
struct Placer<'a> {
    within: Option<&'a KodeWilayah>,
    names: NameCache,
    waiting: Vec<(usize, Koperasi)>,
}

impl<'a> Placer<'a> {
    fn new(within: Option<&'a KodeWilayah>) -> Self {
        Placer {
            within,
            names: NameCache::default(),
            waiting: Vec::new(),
        }
    }

    /// Resolve a record and pass it on, or keep it for [`Placer::finish`].
    fn place<F: FnMut(usize, Koperasi)>(&mut self, index: usize, mut k: Koperasi, f: &mut F) {
        if self.names.resolve_one(&mut k, self.within) {
            f(index, k);
        } else {
            self.waiting.push((index, k));
        }
    }

    /// Place the waiting records within the kab/kota most voted for, and pass them on.
    fn finish<F: FnMut(usize, Koperasi)>(self, f: &mut F) {
        let best = self
            .names
            .kab_votes
            .iter()
            .max_by_key(|(_, n)| **n)
            .map(|(c, _)| *c);
        for (index, mut k) in self.waiting {
            if let Some(best) = &best {
                retry_within(&mut k, best);
            }
            f(index, k);
        }
    }
}

/// The region names of a record (provinsi, kab/kota, kecamatan), the key of [`NameCache`].
type NamesKey = (Option<String>, Option<String>, Option<String>);

/// What one record's names resolve to: the most precise code found, and the kab/kota its
/// kecamatan votes for (`Err(())` when the kecamatan name did not resolve).
type NamesFound = (Option<KodeWilayah>, Result<Option<KodeWilayah>, ()>);

/// Region names resolved once per distinct (provinsi, kab/kota, kecamatan) of a file (a
/// register repeats a few hundred names over its rows; an unknown name costs a did-you-mean
/// search each time), and the kab/kota votes of the resolved kecamatan.
#[derive(Default)]
struct NameCache {
    found: std::collections::HashMap<NamesKey, NamesFound>,
    kab_votes: std::collections::BTreeMap<KodeWilayah, usize>,
}

impl NameCache {
    /// Resolve one record's region names (see [`resolve_locations`]), voting for the kab/kota
    /// of a resolved kecamatan. False when its kecamatan name could not be resolved (it is to
    /// be retried within the file's most voted kab/kota).
    fn resolve_one(&mut self, k: &mut Koperasi, within: Option<&KodeWilayah>) -> bool {
        if k.location.code.is_some() {
            return true;
        }
        let l = &k.location;
        let key = (l.provinsi.clone(), l.kab_kota.clone(), l.kecamatan.clone());
        let (code, vote) = *self.found.entry(key).or_insert_with_key(|(p, kk, kec)| {
            resolve_names(p.as_deref(), kk.as_deref(), kec.as_deref(), within)
        });
        k.location.code = code;
        match vote {
            Ok(Some(parent)) => *self.kab_votes.entry(parent).or_default() += 1,
            Ok(None) => {}
            Err(()) => return false,
        }
        true
    }
}

/// The code of a record's names, each level only narrowing the scope (`within` first): a name
/// that resolves outside it (a province column that contradicts `within`) is left unresolved
/// rather than widening it. See [`NamesFound`].
fn resolve_names(
    provinsi: Option<&str>,
    kab_kota: Option<&str>,
    kecamatan: Option<&str>,
    within: Option<&KodeWilayah>,
) -> NamesFound {
    let t = table();
    let mut scope: Option<KodeWilayah> = within.cloned();
    let narrows = |scope: &Option<KodeWilayah>, code: &KodeWilayah| {
        scope.as_ref().is_none_or(|s| s.contains(code))
    };
    if let Some(p) = provinsi {
        match t.find_provinsi(p) {
            Ok(w) if narrows(&scope, &w.code) => scope = Some(w.code),
            _ => {}
        }
    }
    if let Some(kk) = kab_kota {
        match t.find_kab_kota(kk, scope.as_ref()) {
            Ok(w) if narrows(&scope, &w.code) => scope = Some(w.code),
            _ => {}
        }
    }
    let mut vote = Ok(None);
    if let Some(kec) = kecamatan {
        match t.find_kecamatan(kec, scope.as_ref()) {
            Ok(w) => {
                vote = Ok(w.code.kab_kota());
                scope = Some(w.code);
            }
            Err(_) => vote = Err(()),
        }
    }
    (scope, vote)
}

/// Retry an unresolved kecamatan name within `best` (the file's most voted kab/kota), only
/// within what is already known of the record (its province, say).
fn retry_within(k: &mut Koperasi, best: &KodeWilayah) {
    let Some(kec) = k.location.kecamatan.as_deref() else {
        return;
    };
    if k.location
        .code
        .as_ref()
        .is_some_and(|c| !best.contains(c) && !c.contains(best))
    {
        return;
    }
    if let Ok(w) = table().find_kecamatan(kec, Some(best)) {
        k.location.code = Some(w.code);
    }
}

/// Resolve each record's region names to a Kemendagri code (the most precise level found),
/// leaving codes already set alone.
///
/// `within` restricts the search (e.g. `32.71` for a Kota Bogor register). Without it, names
/// are resolved in the order provinsi, kab/kota, kecamatan, each within the level above when
/// that is known. A kecamatan name that is ambiguous across Indonesia is retried within the
/// kab/kota that most of the file's unambiguous kecamatan belong to; if it is still ambiguous
/// its code stays unknown (only the province or kab/kota code is kept).
pub fn resolve_locations(register: &mut Register, within: Option<&KodeWilayah>) {
    let mut unresolved: Vec<usize> = Vec::new();
    let mut names = NameCache::default();
    for (i, k) in register.records.iter_mut().enumerate() {
        if !names.resolve_one(k, within) {
            unresolved.push(i);
        }
    }
    if let Some((best, _)) = names.kab_votes.iter().max_by_key(|(_, n)| **n) {
        for i in unresolved {
            if let Some(k) = register.records.get_mut(i) {
                retry_within(k, best);
            }
        }
    }
}
