//! Registers as offices keep them: a signature block, notes and a total row under the table are
//! skipped (never cooperatives), and spreadsheet placeholder dates (`00/01/1900`, serial 0) read
//! as empty with one note. Counts below are by hand from the files written here.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use koperasi::io::{ReadOptions, ReadReport, Table, read_any};
use koperasi::register::Register;
use proptest::prelude::*;

fn read(text: &str) -> (Register, ReadReport) {
    match read_any(text.as_bytes(), &ReadOptions::default()).unwrap() {
        Table::Register(r, rep) => {
            assert_eq!(rep.accepted + rep.rejected.len() as u64, rep.rows_read);
            assert_eq!(r.records.len() as u64, rep.accepted);
            (r, rep)
        }
        Table::Panel(..) => panic!("read as a panel"),
    }
}

fn names(r: &Register) -> Vec<&str> {
    r.records.iter().map(|k| k.name.as_str()).collect()
}

fn skipped(rep: &ReadReport) -> Vec<(u64, &str)> {
    rep.skipped
        .iter()
        .map(|s| (s.line, s.code.as_str()))
        .collect()
}

/// A kabupaten register exported from its web system: `;`-separated, a title block, 11 coops
/// (the last one named "Koperasi Karyawan Dinas ..." with most cells empty), then the
/// signature block as the export leaves it, in the right-hand columns.
const KABUPATEN_EXPORT: &str = "\
DAFTAR KOPERASI KABUPATEN SLEMAN;;;;;;
Keadaan s/d 31 Desember 2024;;;;;;
;;;;;;
No;Nama Koperasi;Nomor Badan Hukum;Tanggal Badan Hukum;Alamat;Kecamatan;Jenis Koperasi
1;KSP Sejahtera Bersama;12/BH/XV/1998;12 Mrt 1998;Jl. Magelang Km 5;Mlati;Simpan Pinjam
2;KUD Tani Makmur;88/BH/KWK.12/1980;5 Djan. 1980;Jl. Kaliurang Km 12;Ngaglik;Produsen
3;KPRI Guru Sejahtera;101/BH/XV/2001;1 Agt 2001;Jl. Pendidikan 3;Sleman;Konsumen
4;Kopwan Melati;AHU-0001234.AH.01.26.TAHUN 2019;00/01/1900;Dusun Jetis;Godean;Simpan Pinjam
5;KSU Sumber Rejeki;55/BH/XV/1996;0/0/0000;Jl. Godean Km 8;Godean;Serba Usaha
6;Koperasi Produsen Salak Pondoh;77/BH/XV/2005;20 Sept. 2005;Turi;Turi;Produsen
7;KSP Artha Mandiri;AHU-0004321.AH.01.26.TAHUN 2021;3 Nop. 2021;Jl. Solo Km 10;Kalasan;Simpan Pinjam
8;Koperasi Jasa Wisata Merapi;AHU-0007777.AH.01.26.TAHUN 2020;1 Des. 2020;Kaliurang;Pakem;Jasa
9;KPRI Bhakti Husada;23/BH/XV/1992;2 Pebr. 1992;Jl. Kesehatan 1;Depok;Konsumen
10;Koperasi Konsumen Santri;AHU-0002222.AH.01.26.TAHUN 2022;0000-00-00;Pondok Al Huda;Seyegan;Konsumen
;Koperasi Karyawan Dinas Pendidikan Kabupaten Sleman;;;;Sleman;
;;;;;;
;;;;Sleman, 10 Januari 2025;;
;;;;Kepala Dinas Koperasi dan UKM;;
;;;;Kabupaten Sleman;;
;;;;;;
;;;;;;
;;;;Drs. BUDI SANTOSO, M.Si;;
;;;;NIP. 19650101 199003 1 005;;
";

#[test]
fn kabupaten_export_with_a_signature_block() {
    let (r, rep) = read(KABUPATEN_EXPORT);
    // 11 cooperatives (lines 5-15), by hand; the signature block (lines 17-19, 22-23) is none.
    assert_eq!(r.records.len(), 11, "{:?}", names(&r));
    assert_eq!(rep.rows_read, 11);
    assert!(rep.rejected.is_empty(), "{:?}", rep.rejected);
    assert_eq!(
        names(&r)[10],
        "Koperasi Karyawan Dinas Pendidikan Kabupaten Sleman"
    );
    assert_eq!(
        skipped(&rep),
        [
            (17, "footer_place_date"),
            (18, "footer_title"),
            (19, "footer_line"),
            (22, "footer_line"),
            (23, "footer_nip"),
        ]
    );
    assert_eq!(
        rep.skipped[0].value.as_deref(),
        Some("Sleman, 10 Januari 2025")
    );
    assert_eq!(rep.skipped[0].fields.len(), 7);
    // Old month spellings read; the three empty dates are no cell errors but one note.
    let date = |i: usize| r.records[i].tanggal_badan_hukum.map(|d| d.to_string());
    assert_eq!(date(0).as_deref(), Some("1998-03-12"));
    assert_eq!(date(1).as_deref(), Some("1980-01-05"));
    assert_eq!(date(2).as_deref(), Some("2001-08-01"));
    assert_eq!(date(5).as_deref(), Some("2005-09-20"));
    assert_eq!(date(6).as_deref(), Some("2021-11-03"));
    assert_eq!(date(7).as_deref(), Some("2020-12-01"));
    assert_eq!(date(8).as_deref(), Some("1992-02-02"));
    assert_eq!((date(3), date(4), date(9)), (None, None, None));
    assert!(rep.cell_errors.is_empty(), "{:?}", rep.cell_errors);
    let notes: Vec<&String> = rep
        .notes
        .iter()
        .filter(|n| n.contains("empty date"))
        .collect();
    assert_eq!(notes.len(), 1, "{:?}", rep.notes);
    assert!(notes[0].starts_with("3 date cell(s)"), "{}", notes[0]);
    // The Indonesian text, in the same place of `notes_id`.
    let i = rep.notes.iter().position(|n| n == notes[0]).unwrap();
    assert!(
        rep.notes_id[i].starts_with("3 sel tanggal berisi tanggal kosong"),
        "{}",
        rep.notes_id[i]
    );
}

#[test]
fn notes_a_total_and_the_signature_in_the_name_column() {
    let text = "\
nama_koperasi,kecamatan,jumlah_anggota,tanggal_badan_hukum,jenis
KSP Maju,Bogor Barat,120,1 Maret 2010,Simpan Pinjam
Kop Melati,Bogor Timur,45,2 April 2011,Konsumen
Jumlah Koperasi,,165,,
Keterangan:,,,,
*) data sementara,,,,
Sumber: Dinas Koperasi dan UKM Kota Bogor,,,,
\"Bogor,   Desember 2024\",,,,
Mengetahui,,,,
a.n. Kepala Dinas,,,,
Kabid Koperasi,,,,
H. ACHMAD RIDWAN,,,,
NIP 19700202 199503 1 002,,,,
";
    let (r, rep) = read(text);
    assert_eq!(names(&r), ["KSP Maju", "Kop Melati"]);
    assert_eq!(rep.rows_read, 3);
    assert_eq!(rep.rejected.len(), 1);
    assert_eq!(
        (rep.rejected[0].line, rep.rejected[0].code.as_str()),
        (4, "total_row")
    );
    assert_eq!(
        skipped(&rep),
        [
            (5, "footer_note"),
            (6, "footer_note"),
            (7, "footer_note"),
            (8, "footer_place_date"),
            (9, "footer_title"),
            (10, "footer_title"),
            (11, "footer_title"),
            (12, "footer_line"),
            (13, "footer_nip"),
        ]
    );
}

#[test]
fn a_note_between_rows_of_data_is_data() {
    // Not at the end: the rows are read as before (the note row has a name, so it is a record).
    let text = "\
nama_koperasi,kecamatan,jumlah_anggota,tanggal_badan_hukum,jenis
KSP Maju,Bogor Barat,120,1 Maret 2010,Simpan Pinjam
Keterangan: pindahan,,,,
Kop Melati,Bogor Timur,45,2 April 2011,Konsumen
";
    let (r, rep) = read(text);
    assert_eq!(
        names(&r),
        ["KSP Maju", "Keterangan: pindahan", "Kop Melati"]
    );
    assert!(rep.skipped.is_empty());
}

#[test]
fn a_last_coop_alone_after_a_blank_row_is_a_coop() {
    let text = "\
no,nama_koperasi,alamat,kecamatan,jenis
1,KSP Maju,Jl. A,Bogor Barat,Simpan Pinjam

,Koperasi Karyawan Dinas Sosial,,,
";
    let (r, rep) = read(text);
    assert_eq!(names(&r), ["KSP Maju", "Koperasi Karyawan Dinas Sosial"]);
    assert!(rep.skipped.is_empty());
    // ... while a lone line that names no coop is the block under the table.
    let text = "\
no,nama_koperasi,alamat,kecamatan,jenis
1,KSP Maju,Jl. A,Bogor Barat,Simpan Pinjam

,Drs. BUDI SANTOSO,,,
";
    let (r, rep) = read(text);
    assert_eq!(names(&r), ["KSP Maju"]);
    assert_eq!(skipped(&rep), [(4, "footer_line")]);
}

#[test]
fn placeholder_dates_in_rat_and_date_columns() {
    let text = "\
nama_koperasi,tanggal_badan_hukum,RAT 2023,tanggal_rat_terakhir
KSP A,00-00-0000,00/01/1900,0000-00-00 00:00:00
KSP B,1899-12-30,12/03/2024,
KSP C,31/02/2024,0,
";
    let (r, rep) = read(text);
    assert_eq!(r.records.len(), 3);
    // A: three empty dates; B: one; C: `0` in an RAT column is "no", not a date, and
    // 31/02/2024 stays an unreadable cell.
    let note = rep.notes.iter().find(|n| n.contains("empty date")).unwrap();
    assert!(note.starts_with("4 date cell(s)"), "{note}");
    assert_eq!(rep.cell_errors.len(), 1, "{:?}", rep.cell_errors);
    assert_eq!(rep.cell_errors[0].value.as_deref(), Some("31/02/2024"));
    assert!(r.records[0].rat.is_empty(), "an empty RAT cell: not held");
    assert_eq!(r.records[1].rat.len(), 1);
}

#[cfg(all(feature = "xlsx", feature = "xlsx-write"))]
mod workbook {
    use super::*;
    use koperasi::io::xlsx::read_xlsx;
    use rust_xlsxwriter::{ExcelDateTime, Format, Formula, Workbook};

    /// An office's workbook: a merged title block, the register, a date cell holding serial 0
    /// (Excel shows `00/01/1900`), a JUMLAH row with a formula, a blank row, the signature.
    fn office_register() -> Vec<u8> {
        let mut wb = Workbook::new();
        let ws = wb.add_worksheet();
        ws.set_name("Koperasi").unwrap();
        let bold = Format::new().set_bold();
        let dmy = Format::new().set_num_format("dd/mm/yyyy");
        ws.merge_range(0, 0, 0, 5, "DAFTAR KOPERASI AKTIF KABUPATEN SLEMAN", &bold)
            .unwrap();
        ws.write_string(1, 0, "Keadaan s/d 31 Desember 2024")
            .unwrap();
        let header = [
            "No",
            "Nama Koperasi",
            "Kecamatan",
            "Jumlah Anggota",
            "Tanggal Badan Hukum",
            "Jenis Koperasi",
        ];
        for (c, h) in header.iter().enumerate() {
            ws.write_string(3, c as u16, *h).unwrap();
        }
        let coops = [
            ("KSP Sejahtera", "Mlati", 120, Some((1998, 3, 12))),
            ("KUD Tani Makmur", "Ngaglik", 800, Some((1980, 1, 5))),
            ("Kopwan Melati", "Godean", 45, None), // serial 0
            ("KPRI Guru", "Sleman", 300, Some((2001, 8, 1))),
            (
                "Koperasi Karyawan Dinas Pendidikan",
                "Sleman",
                60,
                Some((2010, 6, 30)),
            ),
        ];
        for (i, (name, kec, members, date)) in coops.iter().enumerate() {
            let r = 4 + i as u32;
            ws.write_number(r, 0, (i + 1) as f64).unwrap();
            ws.write_string(r, 1, *name).unwrap();
            ws.write_string(r, 2, *kec).unwrap();
            ws.write_number(r, 3, *members as f64).unwrap();
            match date {
                Some((y, m, d)) => {
                    let dt = ExcelDateTime::from_ymd(*y, *m, *d).unwrap();
                    ws.write_datetime_with_format(r, 4, &dt, &dmy).unwrap();
                }
                None => {
                    ws.write_number_with_format(r, 4, 0.0, &dmy).unwrap();
                }
            }
            ws.write_string(r, 5, "Simpan Pinjam").unwrap();
        }
        // Row 10: the total; row 11 blank; rows 12-17 the signature block in column E.
        ws.write_string(9, 1, "JUMLAH").unwrap();
        ws.write_formula(9, 3, Formula::new("=SUM(D5:D9)").set_result("1325"))
            .unwrap();
        for (r, text) in [
            (11, "Sleman, 10 Januari 2025"),
            (12, "Kepala Dinas Koperasi dan UKM"),
            (13, "Kabupaten Sleman"),
            (16, "Drs. BUDI SANTOSO, M.Si"),
            (17, "NIP. 19650101 199003 1 005"),
        ] {
            ws.write_string(r, 4, text).unwrap();
        }
        wb.save_to_buffer().unwrap()
    }

    #[test]
    fn title_block_total_row_and_signature() {
        let bytes = office_register();
        let (r, rep) = match read_xlsx(&bytes, None, &ReadOptions::default()).unwrap() {
            Table::Register(r, rep) => (r, rep),
            Table::Panel(..) => panic!("panel"),
        };
        // 5 coops (sheet rows 5-9), by hand.
        assert_eq!(r.records.len(), 5, "{:?}", names(&r));
        assert_eq!(rep.rows_read, 6);
        assert_eq!(rep.accepted + rep.rejected.len() as u64, rep.rows_read);
        assert_eq!(names(&r)[4], "Koperasi Karyawan Dinas Pendidikan");
        assert_eq!(rep.rejected.len(), 1);
        assert_eq!(
            (rep.rejected[0].line, rep.rejected[0].code.as_str()),
            (10, "total_row")
        );
        // Sheet rows (1-based): 12, 13, 14, 17, 18.
        assert_eq!(
            skipped(&rep),
            [
                (12, "footer_place_date"),
                (13, "footer_title"),
                (14, "footer_line"),
                (17, "footer_line"),
                (18, "footer_nip"),
            ]
        );
        // Serial 0 in a date column: empty, one note, no cell error.
        assert_eq!(r.records[2].tanggal_badan_hukum, None);
        assert_eq!(
            r.records[0]
                .tanggal_badan_hukum
                .map(|d| d.to_string())
                .as_deref(),
            Some("1998-03-12")
        );
        assert!(rep.cell_errors.is_empty(), "{:?}", rep.cell_errors);
        let note = rep.notes.iter().find(|n| n.contains("empty date"));
        assert!(
            note.is_some_and(|n| n.starts_with("1 date cell(s)")),
            "{:?}",
            rep.notes
        );
    }
}

/// Footer lines an office may leave under its register (each a row of a 6-column table).
const FOOTERS: [&str; 8] = [
    ";;;;Sleman, 10 Januari 2025;",
    ";Mengetahui,;;;;",
    ";;;;Kepala Dinas Koperasi dan UKM;",
    ";;;;Drs. BUDI SANTOSO, M.Si;",
    ";;;;NIP. 19650101 199003 1 005;",
    ";Keterangan:;;;;",
    ";Sumber: Dinas Koperasi;;;;",
    ";;;;;",
];

proptest! {
    /// Whatever signature block follows the data (after a blank row or not), every data row is
    /// a record, every footer line with content is skipped, and nothing else changes.
    #[test]
    fn data_rows_are_kept_and_footer_lines_skipped(
        n in 1usize..30,
        footer in proptest::collection::vec(0..FOOTERS.len(), 1..8),
        blank in any::<bool>(),
    ) {
        let mut text = String::from("no;nama_koperasi;alamat;kecamatan;jenis;jumlah_anggota\n");
        for i in 0..n {
            text.push_str(&format!("{};KSP Nomor {i};Jl. {i};Mlati;Simpan Pinjam;{}\n", i + 1, 20 + i));
        }
        if blank {
            text.push('\n');
        }
        // Start the block with a line that has a pattern, as every signature block does.
        text.push_str(FOOTERS[0]);
        text.push('\n');
        for f in &footer {
            text.push_str(FOOTERS[*f]);
            text.push('\n');
        }
        let with_content = 1 + footer.iter().filter(|f| **f != FOOTERS.len() - 1).count();
        let (r, rep) = read(&text);
        prop_assert_eq!(r.records.len(), n);
        prop_assert_eq!(rep.rows_read, n as u64);
        prop_assert!(rep.rejected.is_empty());
        prop_assert_eq!(rep.skipped.len(), with_content);
    }
}

#[test]
fn a_signature_right_of_the_last_column() {
    // The block sits in columns the header does not have: skipped, not `too_many_fields`.
    let text = "\
no,nama_koperasi,kecamatan
1,KSP Maju,Mlati
2,Kop Melati,Depok
,,,,\"Sleman, 10 Januari 2025\"
,,,,Kepala Dinas
";
    let (r, rep) = read(text);
    assert_eq!(names(&r), ["KSP Maju", "Kop Melati"]);
    assert!(rep.rejected.is_empty(), "{:?}", rep.rejected);
    assert_eq!(
        skipped(&rep),
        [(4, "footer_place_date"), (5, "footer_title")]
    );
}
