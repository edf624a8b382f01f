//! The blank register template: the columns an office fills, as data.
//!
//! [`template_columns`] lists, in order, one column per register field the reader recognises
//! (headers taken from [`super::register::register_fields`]: a test checks that each header
//! reads back as its field and nothing else), with what to write in it in Indonesian and
//! English, the values a drop-down list offers, and one example value.
//! `koperasi::io::template_xlsx` (feature `xlsx-write`) writes it as a workbook for the CLI
//! (`koperasi template register`), Python and JavaScript (the dashboard's template button).
//!
//! The template holds the office's own status column (`Status Koperasi`) but not the pair of
//! mark columns (`aktif` / `tdkaktif`): one statement per row is enough.

/// How the name of the template's example row begins (`CONTOH (hapus baris ini) ...`): the
/// register reader rejects such a row as `template_example` unless
/// [`ReadOptions::keep_template_example`](super::ReadOptions::keep_template_example) is set.
pub const EXAMPLE_MARK: &str = "CONTOH (hapus baris ini)";

use crate::cooperative::{Jenis, LegacyKelompok};
use serde::Serialize;

/// What a template column holds, which decides its cell format and input check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ColumnKind {
    /// Free text (a name, an address).
    Text,
    /// An identifier written as text so that a spreadsheet keeps every digit (NIK, nomor badan
    /// hukum, kode wilayah): a 16-digit NIK typed as a number would lose its last digits.
    Identifier,
    /// A date, written as text (`15/03/2025`, `15 Maret 2025`, `2025-03-15`, day first) or as
    /// a spreadsheet date; see [`DATE_FORMATS`].
    Date,
    /// A whole number of people (0 or more).
    Count,
    /// A book year (four digits).
    Year,
    /// One value of [`TemplateColumn::choices`].
    Choice,
    /// The RAT of one book year: the meeting date, `sudah`/`ya` (held, date unknown) or
    /// `belum`/`tidak` (not held).
    Rat,
    /// Decimal degrees (`-6.5950`).
    Coordinate,
    /// A whole percentage, 0 to 100 (construction progress of a KDMP/KKMP building).
    Percent,
}

/// One column of the register template.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct TemplateColumn {
    /// The register field it fills (a name of [`super::register::register_fields`]),
    /// `rat_<year>` for the RAT column of one book year, or the normalised stage header
    /// (`tanggal_sk_ahu`) of a KDMP/KKMP stage column ([`super::template_kopdes`]).
    pub field: String,
    /// The header to write (read back as `field`).
    pub header: String,
    /// What the column holds.
    pub kind: ColumnKind,
    /// The values a drop-down list offers (empty: no list). Written as the reader reads them.
    pub choices: Vec<&'static str>,
    /// True when other values than `choices` are read too (a kelompok such as `Koptan`): the
    /// list then warns instead of refusing.
    pub open_choices: bool,
    /// True for the one column a row cannot do without (the name).
    pub required: bool,
    /// What to write, in Indonesian (at most 255 characters: it is also the cell's input hint).
    pub description_id: &'static str,
    /// What to write, in English (at most 255 characters).
    pub description_en: &'static str,
    /// The value of the example row (empty: left blank in the example).
    pub example: String,
}

/// The date forms the reader accepts, as (example, description in Indonesian, in English).
pub const DATE_FORMATS: [(&str, &str, &str); 5] = [
    (
        "15/03/2025",
        "hari/bulan/tahun (hari lebih dulu, tahun 4 angka); juga 15-03-2025, 15.03.2025",
        "day/month/year (day first, 4-digit year); also 15-03-2025, 15.03.2025",
    ),
    (
        "15 Maret 2025",
        "nama bulan Indonesia atau Inggris, lengkap atau singkat (Mrt, Agt, Nop, Des)",
        "Indonesian or English month name, full or short (Mrt, Agt, Nop, Des)",
    ),
    ("2025-03-15", "ISO: tahun-bulan-hari", "ISO: year-month-day"),
    (
        "Sabtu, 15 Maret 2025",
        "dengan nama hari (harus cocok dengan tanggalnya)",
        "with the weekday (it must match the date)",
    ),
    (
        "(sel tanggal)",
        "sel bertipe tanggal dari spreadsheet juga dibaca; 00/01/1900 dianggap kosong",
        "a spreadsheet date cell is read too; 00/01/1900 is taken as empty",
    ),
];

/// The yes/no values offered in the drop-down lists (read by
/// [`super::register::parse_yes_no`]).
pub const YES_NO: [&str; 2] = ["ya", "tidak"];

/// The office status values offered (read by [`crate::office::parse_office_status`]).
pub const OFFICE_STATUS: [&str; 2] = ["Aktif", "Tidak Aktif"];

/// The kelompok offered besides KSU and KUD: the common legacy groupings of DOMAIN.md 1.3
/// (any other text is read too).
const OTHER_KELOMPOK: [&str; 8] = [
    "Kopwan",
    "KPRI",
    "Kopkar",
    "Koptan",
    "Koppontren",
    "Kopsis",
    "Primkoppol",
    "Lainnya",
];

/// One column: the fixed parts; `choices` and `example` are set by the caller.
fn col(
    field: &str,
    header: &str,
    kind: ColumnKind,
    example: &str,
    (description_id, description_en): (&'static str, &'static str),
) -> TemplateColumn {
    TemplateColumn {
        field: field.to_string(),
        header: header.to_string(),
        kind,
        choices: Vec::new(),
        open_choices: false,
        required: false,
        description_id,
        description_en,
        example: example.to_string(),
    }
}

/// A [`ColumnKind::Choice`] column.
fn choice(
    field: &str,
    header: &str,
    choices: &[&'static str],
    example: &str,
    description: (&'static str, &'static str),
) -> TemplateColumn {
    TemplateColumn {
        choices: choices.to_vec(),
        ..col(field, header, ColumnKind::Choice, example, description)
    }
}

/// The columns of the blank register template, in order, with a per-book-year RAT column
/// (`RAT <year>`) for `rat_book_year` and the two book years before it: the three years of the
/// national policy, so that a filled row can be assessed (an office adds a column per other
/// book year it knows; an empty cell in such a column means "no RAT held", as the reader reads
/// it). The example row describes an active consumer cooperative in Kecamatan Bogor Tengah,
/// Kota Bogor (code 32.71.03) with an RAT for each of the three years, the last held on 15 March
/// of the year after `rat_book_year`.
pub fn template_columns(rat_book_year: i32) -> Vec<TemplateColumn> {
    use ColumnKind::*;
    let next = rat_book_year.saturating_add(1);
    let jenis: Vec<&'static str> = Jenis::ALL.iter().map(|j| j.label()).collect();
    let mut kelompok = vec![LegacyKelompok::Ksu.code(), LegacyKelompok::Kud.code()];
    kelompok.extend(OTHER_KELOMPOK);
    let mut cols = vec![
        col(
            "source_id",
            "ID Koperasi",
            Identifier,
            "1",
            (
                "Nomor urut atau kode koperasi di kantor Anda (boleh kosong).",
                "The office's own number or code of the cooperative (may be empty).",
            ),
        ),
        TemplateColumn {
            required: true,
            ..col(
                "name",
                "Nama Koperasi",
                Text,
                "CONTOH (hapus baris ini) Koperasi Konsumen Sejahtera Bersama",
                (
                    "Nama lengkap koperasi. Wajib: baris tanpa nama ditolak.",
                    "Full name of the cooperative. Required: a row without a name is rejected.",
                ),
            )
        },
        col(
            "nik",
            "Nomor Induk Koperasi",
            Identifier,
            "3271030020001",
            (
                "NIK koperasi dari ODS/OSS: 13 sampai 16 angka, ditulis sebagai teks.",
                "The cooperative's NIK (ODS/OSS): 13 to 16 digits, written as text.",
            ),
        ),
        col(
            "nomor_badan_hukum",
            "Nomor Badan Hukum",
            Identifier,
            "AHU-0004321.AH.01.26.TAHUN 2020",
            (
                "Nomor badan hukum PENDIRIAN (bukan perubahan anggaran dasar/PAD), mis. AHU-0004321.AH.01.26.TAHUN 2020 atau 518/12/BH/XIII/2015.",
                "The FOUNDING legal-entity number (not an amendment/PAD), e.g. AHU-0004321.AH.01.26.TAHUN 2020 or 518/12/BH/XIII/2015.",
            ),
        ),
        col(
            "tanggal_badan_hukum",
            "Tanggal Badan Hukum",
            Date,
            "12/05/2020",
            (
                "Tanggal badan hukum pendirian, mis. 12/05/2020 atau 12 Mei 2020 (hari lebih dulu).",
                "Date of the founding legal entity, e.g. 12/05/2020 or 12 Mei 2020 (day first).",
            ),
        ),
        col(
            "address",
            "Alamat",
            Text,
            "Jl. Contoh No. 1",
            (
                "Alamat koperasi (jalan, nomor, RT/RW).",
                "Address of the cooperative (street, number, RT/RW).",
            ),
        ),
        col(
            "desa",
            "Desa/Kelurahan",
            Text,
            "Paledang",
            (
                "Nama desa atau kelurahan.",
                "Name of the desa or kelurahan (village).",
            ),
        ),
        col(
            "kecamatan",
            "Kecamatan",
            Text,
            "Bogor Tengah",
            (
                "Nama kecamatan sesuai Kemendagri (dicocokkan dengan kodenya).",
                "Name of the kecamatan as in the Kemendagri table (matched to its code).",
            ),
        ),
        col(
            "kab_kota",
            "Kabupaten/Kota",
            Text,
            "Kota Bogor",
            (
                "Kabupaten atau kota, mis. Kota Bogor, Kabupaten Sleman.",
                "Kabupaten or kota, e.g. Kota Bogor, Kabupaten Sleman.",
            ),
        ),
        col(
            "provinsi",
            "Provinsi",
            Text,
            "Jawa Barat",
            ("Nama provinsi.", "Name of the province."),
        ),
        col(
            "kode_wilayah",
            "Kode Wilayah",
            Identifier,
            "32.71.03",
            (
                "Kode wilayah Kemendagri (boleh kosong), mis. 32.71.03 untuk kecamatan; ditulis sebagai teks.",
                "Kemendagri region code (may be empty), e.g. 32.71.03 for a kecamatan; written as text.",
            ),
        ),
        choice(
            "bentuk",
            "Bentuk Koperasi",
            &["Primer", "Sekunder"],
            "Primer",
            (
                "Primer (anggotanya orang) atau Sekunder (anggotanya koperasi).",
                "Primer (members are persons) or Sekunder (members are cooperatives).",
            ),
        ),
        choice(
            "jenis",
            "Jenis Koperasi",
            &jenis,
            Jenis::Konsumen.label(),
            (
                "Salah satu dari lima jenis Permenkop UKM 9/2018 Pasal 67. KSU dan KUD bukan jenis: tulis di kolom Kelompok Koperasi.",
                "One of the five jenis of Permenkop UKM 9/2018 art. 67. KSU and KUD are no jenis: write them under Kelompok Koperasi.",
            ),
        ),
        TemplateColumn {
            open_choices: true,
            ..choice(
                "kelompok",
                "Kelompok Koperasi",
                &kelompok,
                "Kopwan",
                (
                    "Kelompok lama (KSU, KUD, Kopwan, KPRI, ...); boleh nilai lain atau kosong.",
                    "Legacy grouping (KSU, KUD, Kopwan, KPRI, ...); other values or empty are accepted.",
                ),
            )
        },
        choice(
            "pola",
            "Pola Pengelolaan",
            &["Konvensional", "Syariah"],
            "Konvensional",
            (
                "Konvensional atau Syariah.",
                "Konvensional (conventional) or Syariah (sharia).",
            ),
        ),
        col(
            "members_male",
            "Jumlah Anggota Pria",
            Count,
            "12",
            (
                "Jumlah anggota laki-laki (angka bulat).",
                "Number of male members (a whole number).",
            ),
        ),
        col(
            "members_female",
            "Jumlah Anggota Wanita",
            Count,
            "18",
            (
                "Jumlah anggota perempuan (angka bulat).",
                "Number of female members (a whole number).",
            ),
        ),
        col(
            "members_total",
            "Jumlah Anggota",
            Count,
            "30",
            (
                "Jumlah seluruh anggota (angka bulat).",
                "Total number of members (a whole number).",
            ),
        ),
        col(
            "employees",
            "Jumlah Karyawan",
            Count,
            "2",
            (
                "Jumlah karyawan (angka bulat).",
                "Number of employees (a whole number).",
            ),
        ),
        col(
            "managers",
            "Jumlah Manajer",
            Count,
            "1",
            (
                "Jumlah manajer (angka bulat).",
                "Number of managers (a whole number).",
            ),
        ),
    ];
    let rat_example = format!("15/03/{next}");
    // The three book years the national policy looks at, so that a filled row can be assessed.
    let rat_years = [
        (
            rat_book_year.saturating_sub(2),
            format!("20/03/{}", rat_book_year.saturating_sub(1)),
        ),
        (rat_book_year.saturating_sub(1), "sudah".to_string()),
        (rat_book_year, rat_example.clone()),
    ];
    for (year, example) in rat_years {
        cols.push(col(&format!("rat_{year}"), &format!("RAT {year}"), Rat, &example, (
            "RAT untuk tahun buku pada judul kolom: tanggal rapat (setelah tahun buku berakhir), sudah/ya, atau belum/tidak. Sel KOSONG berarti RAT TIDAK diadakan; tulis ? bila tidak diketahui. Tahun lain: tambah kolom RAT <tahun>.",
            "RAT for the book year in the header: the meeting date (after the book year ends), sudah/ya (held) or belum/tidak. An EMPTY cell means NO RAT held; write ? when not known. Other years: add a column RAT <year>.",
        )));
    }
    cols.extend([
        col("last_rat_year", "Tahun RAT Terakhir", Year, &rat_book_year.to_string(), (
            "Tahun buku RAT terakhir yang diadakan (4 angka), mis. 2024 untuk RAT Maret 2025. Cukup ini saja bila riwayat RAT per tahun tidak ada (hapus kolom RAT <tahun>); bila keduanya diisi, harus cocok.",
            "Book year of the last RAT held (4 digits), e.g. 2024 for an RAT in March 2025. Enough alone when there is no RAT history per year (delete the RAT <year> columns); when both are filled, they must agree.",
        )),
        col("last_rat_date", "Tanggal RAT Terakhir", Date, &rat_example, (
            "Tanggal RAT terakhir, mis. 15/03/2025.",
            "Date of the last RAT, e.g. 15/03/2025.",
        )),
        col("field_check_date", "Tanggal Verifikasi", Date, &format!("20/08/{next}"), (
            "Tanggal pemeriksaan lapangan terakhir; tiga kolom berikut butuh tanggal ini.",
            "Date of the last field check; the next three columns need this date.",
        )),
        choice("found_at_address", "Ditemukan di Alamat", &YES_NO, "ya", (
            "Apakah koperasi ditemukan di alamatnya saat verifikasi: ya atau tidak.",
            "Was the cooperative found at its address at the field check: ya (yes) or tidak (no).",
        )),
        choice("board_known", "Pengurus Jelas", &YES_NO, "ya", (
            "Apakah pengurusnya jelas/diketahui saat verifikasi: ya atau tidak.",
            "Was the board known at the field check: ya (yes) or tidak (no).",
        )),
        choice("business_active", "Usaha Berjalan", &YES_NO, "ya", (
            "Apakah usahanya berjalan saat verifikasi: ya atau tidak.",
            "Was the business running at the field check: ya (yes) or tidak (no).",
        )),
        col("dissolution_date", "Tanggal Pembubaran", Date, "", (
            "Tanggal pembubaran, bila koperasi dibubarkan; kosongkan bila tidak.",
            "Date of dissolution, if the cooperative was dissolved; else leave empty.",
        )),
        TemplateColumn {
            open_choices: true,
            ..choice("dissolved_by", "Dibubarkan Oleh", &["Rapat Anggota", "Pemerintah", "Pengadilan"], "", (
                "Siapa yang membubarkan: Rapat Anggota, Pemerintah atau Pengadilan.",
                "Who dissolved it: Rapat Anggota (member meeting), Pemerintah (government) or Pengadilan (court).",
            ))
        },
        choice("office_status", "Status Koperasi", &OFFICE_STATUS, OFFICE_STATUS[0], (
            "Status menurut kantor Anda: Aktif atau Tidak Aktif. Disimpan sebagai fakta dan dibandingkan dengan status hasil penilaian RAT.",
            "Status according to your office: Aktif or Tidak Aktif. Kept as a fact and compared with the status assessed from the RATs.",
        )),
        col("latitude", "Latitude", Coordinate, "-6.595", (
            "Lintang dalam derajat desimal (negatif di selatan khatulistiwa), mis. -6.595.",
            "Latitude in decimal degrees (negative south of the equator), e.g. -6.595.",
        )),
        col("longitude", "Longitude", Coordinate, "106.797", (
            "Bujur dalam derajat desimal, mis. 106.797.",
            "Longitude in decimal degrees, e.g. 106.797.",
        )),
    ]);
    cols
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
    use super::*;
    use crate::io::headers::match_headers;
    use crate::io::register::register_fields;

    #[test]
    fn every_header_reads_back_as_its_field() {
        let cols = template_columns(2024);
        let headers: Vec<String> = cols.iter().map(|c| c.header.clone()).collect();
        let fields = match_headers(&headers, register_fields(), &[]).unwrap();
        for (c, f) in cols.iter().zip(&fields) {
            if c.kind == ColumnKind::Rat {
                assert_eq!(f, &None, "{}", c.header);
                assert!(["RAT 2022", "RAT 2023", "RAT 2024"].contains(&c.header.as_str()));
            } else {
                assert_eq!(f.as_deref(), Some(c.field.as_str()), "{}", c.header);
            }
        }
        // Every register field is in the template but the pair of office mark columns.
        let missing: Vec<&str> = register_fields()
            .iter()
            .map(|(f, _)| *f)
            .filter(|f| !cols.iter().any(|c| c.field == *f))
            .collect();
        assert_eq!(missing, ["office_active", "office_inactive"]);
    }

    #[test]
    fn hints_fit_excel_and_lists_are_the_readers() {
        for c in template_columns(2024) {
            assert!(c.description_id.chars().count() <= 255, "{}", c.header);
            assert!(c.description_en.chars().count() <= 255, "{}", c.header);
            let joined = c.choices.join(",").chars().count();
            assert!(joined <= 255, "{}", c.header);
            assert_eq!(c.kind == ColumnKind::Choice, !c.choices.is_empty());
        }
        let cols = template_columns(2024);
        let jenis = cols.iter().find(|c| c.field == "jenis").unwrap();
        assert_eq!(
            jenis.choices,
            ["Produsen", "Konsumen", "Pemasaran", "Simpan Pinjam", "Jasa"]
        );
        assert!(jenis.choices.iter().all(|v| Jenis::parse(v).is_some()));
        assert!(!jenis.open_choices);
        let kelompok = cols.iter().find(|c| c.field == "kelompok").unwrap();
        assert_eq!(kelompok.choices[..2], ["KSU", "KUD"]);
        assert!(
            YES_NO
                .iter()
                .all(|v| crate::io::register::parse_yes_no(v).is_some())
        );
        assert_eq!(
            OFFICE_STATUS.map(crate::office::parse_office_status),
            [Some(true), Some(false)]
        );
    }

    /// The template's header and example row as a CSV.
    fn example_csv(year: i32) -> String {
        let cols = template_columns(year);
        let mut w = csv::Writer::from_writer(Vec::new());
        w.write_record(cols.iter().map(|c| c.header.as_str()))
            .unwrap();
        w.write_record(cols.iter().map(|c| c.example.as_str()))
            .unwrap();
        String::from_utf8(w.into_inner().unwrap()).unwrap()
    }

    proptest::proptest! {
        /// For any book year, the example row reads back as one record with every column
        /// recognised, no unreadable cell, and the three RAT years known.
        #[test]
        fn the_example_row_reads_back_for_any_year(year in 1902i32..=2099) {
            let text = example_csv(year);
            let keep = crate::io::ReadOptions {
                keep_template_example: true,
                ..crate::io::ReadOptions::default()
            };
            let (reg, read) = crate::io::read_register(text.as_bytes(), &keep).unwrap();
            proptest::prop_assert!(read.unknown_columns().is_empty());
            proptest::prop_assert!(read.cell_errors.is_empty(), "{:?}", read.cell_errors);
            proptest::prop_assert_eq!(reg.records.len(), 1);
            let k = &reg.records[0];
            let years: Vec<i32> = k.rat.iter().map(|r| r.book_year).collect();
            proptest::prop_assert_eq!(years, vec![year - 2, year - 1, year]);
            proptest::prop_assert_eq!(
                k.rat_known,
                crate::cooperative::RatKnowledge::years(vec![year - 2, year - 1, year])
            );
            proptest::prop_assert_eq!(k.field_checks.len(), 1);
        }
    }

    #[test]
    fn dates_follow_the_rat_book_year() {
        let cols = template_columns(2030);
        let ex = |f: &str| cols.iter().find(|c| c.field == f).unwrap().example.clone();
        assert_eq!(ex("rat_2028"), "20/03/2029");
        assert_eq!(ex("rat_2029"), "sudah");
        assert_eq!(ex("rat_2030"), "15/03/2031");
        assert_eq!(ex("last_rat_year"), "2030");
        assert_eq!(ex("field_check_date"), "20/08/2031");
        for (example, _, _) in DATE_FORMATS.iter().take(4) {
            assert!(crate::locale::parse_date(example).is_ok(), "{example}");
        }
    }
}
