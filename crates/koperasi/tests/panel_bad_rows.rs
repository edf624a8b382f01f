//! Reading panels with bad rows: every row is either accepted or rejected with its line.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use koperasi::io::panel::{looks_like_panel, panel_fields};
use koperasi::io::{ReadOptions, read_panel};
use koperasi::stats::{Period, TOTAL};
use proptest::prelude::*;

fn read(s: &str) -> (koperasi::stats::Panel, koperasi::io::ReadReport) {
    read_panel(s.as_bytes(), &ReadOptions::default()).unwrap()
}

const HEAD: &str = "KABUPATEN / KOTA,PERIODE UPDATE,JUMLAH KOPERASI AKTIF,JUMLAH KOPERASI TIDAK AKTIF,JUMLAH KOPERASI TOTAL\n";

#[test]
fn nan_count() {
    let csv = format!("{HEAD}Kota Batu,2021-Q1,10,5,15\nKota Blitar,2021-Q1,nan,5,15\n");
    let (panel, report) = read(&csv);
    assert_eq!(report.rows_read, 2);
    // `nan` is not a placeholder: a count that says nan is rejected with where and why, not 0.
    assert!(!koperasi::locale::is_missing("nan"));
    assert_eq!(report.accepted, 1);
    assert_eq!(panel.rows.len(), 1);
    let r = &report.rejected[0];
    assert_eq!(r.line, 3);
    assert_eq!(r.code, "bad_count");
    assert_eq!(r.column.as_deref(), Some("JUMLAH KOPERASI AKTIF"));
    assert_eq!(r.value.as_deref(), Some("nan"));
}

#[test]
fn not_a_number_count_is_rejected_and_placeholder_is_absent() {
    let csv = format!("{HEAD}Kota Batu,2021-Q1,10,-,15\nKota Blitar,2021-Q1,sepuluh,5,15\n");
    let (panel, report) = read(&csv);
    assert_eq!(report.accepted, 1);
    assert_eq!(panel.rows[0].get("tidak_aktif"), None);
    assert_eq!(panel.rows[0].get("aktif"), Some(10));
    assert_eq!(report.rejected.len(), 1);
    assert_eq!(report.rejected[0].line, 3);
    assert_eq!(report.rejected[0].code, "bad_count");
    assert_eq!(report.rejected[0].value.as_deref(), Some("sepuluh"));
}

#[test]
fn missing_region_and_bad_period() {
    let csv = format!(
        "{HEAD}Kota Batu,2021-Q1,10,5,15\n,2021-Q1,1,1,2\nKota Kediri,2021-Q5,1,1,2\nKota Malang,kemarin,x,1,2\n"
    );
    let (panel, report) = read(&csv);
    assert_eq!(report.rows_read, 4);
    assert_eq!(report.accepted, 1);
    assert_eq!(panel.rows.len(), 1);
    let codes: Vec<(u64, &str, Option<&str>)> = report
        .rejected
        .iter()
        .map(|r| (r.line, r.code.as_str(), r.value.as_deref()))
        .collect();
    assert_eq!(
        codes,
        vec![
            (3, "missing_region", Some("")),
            (4, "bad_period", Some("2021-Q5")),
            (5, "bad_period", Some("kemarin")),
        ]
    );
    // the reason names every problem of the row
    assert!(
        report.rejected[2].reason.contains("JUMLAH KOPERASI AKTIF"),
        "{}",
        report.rejected[2].reason
    );
}

#[test]
fn quoted_newline_in_a_name_keeps_line_numbers() {
    // line 1 header; line 2 Kota Batu; lines 3-4 one record; line 5 blank; line 6 Kota Malang
    let csv = format!(
        "{HEAD}Kota Batu,2021-Q1,10,5,15\n\"Kabupaten\nMalang\",2021-Q1,1,1,2\n\nKota Malang,2021-Q1,x,1,2\r\nKota Kediri,2021-Q1,3,1,4"
    );
    let (panel, report) = read(&csv);
    assert_eq!(report.rows_read, 4);
    let lines: Vec<u64> = panel.rows.iter().map(|r| r.line).collect();
    assert_eq!(lines, vec![2, 3, 7]);
    assert_eq!(panel.rows[1].region, "Kabupaten\nMalang");
    assert_eq!(report.rejected.len(), 1);
    assert_eq!(report.rejected[0].line, 6);
}

#[test]
fn missing_columns_are_errors() {
    let e = read_panel(
        "periode,total\n2021,3\n".as_bytes(),
        &ReadOptions::default(),
    )
    .unwrap_err();
    assert_eq!(e.code(), "read_missing_column");
    assert!(e.to_string().contains("`region`"), "{e}");
    let e = read_panel(
        "wilayah,total\nKota Batu,3\n".as_bytes(),
        &ReadOptions::default(),
    )
    .unwrap_err();
    assert_eq!(e.code(), "read_missing_column");
    assert!(e.to_string().contains("`period`"), "{e}");
    let e = read_panel("".as_bytes(), &ReadOptions::default()).unwrap_err();
    assert_eq!(e.code(), "read_empty");
}

#[test]
fn synonyms_split_periods_and_unknown_columns() {
    let csv = "No,Provinsi,Kab/Kota,Tahun,Triwulan,Koperasi Aktif,Tidak Aktif,Jumlah Koperasi,Anggota Baru,Keterangan\n\
               1,Jawa Timur,Kota Batu,2021,III,10,5,15,7,ok\n\
               2,Jawa Timur,Kota Blitar,2022,,11,5,16,,baru\n";
    let (panel, report) = read(csv);
    assert_eq!(report.accepted, 2);
    let cols: Vec<(&str, Option<&str>)> = report
        .columns
        .iter()
        .map(|(h, f)| (h.as_str(), f.as_deref()))
        .collect();
    assert_eq!(
        cols,
        vec![
            ("No", Some("row_number")),
            ("Provinsi", None),
            ("Kab/Kota", Some("region")),
            ("Tahun", Some("year")),
            ("Triwulan", Some("quarter")),
            ("Koperasi Aktif", Some("aktif")),
            ("Tidak Aktif", Some("tidak_aktif")),
            ("Jumlah Koperasi", Some("total")),
            ("Anggota Baru", Some("anggota_baru")),
            ("Keterangan", None),
        ]
    );
    assert_eq!(report.unknown_columns(), vec!["Provinsi", "Keterangan"]);
    assert_eq!(panel.rows[0].region, "Kota Batu");
    assert_eq!(panel.rows[0].period, Period::Quarter(2021, 3));
    assert_eq!(panel.rows[1].period, Period::Year(2022));
    assert_eq!(panel.rows[0].get("anggota_baru"), Some(7));
    assert_eq!(panel.rows[1].get("anggota_baru"), None);
    assert_eq!(panel.rows[0].get(TOTAL), Some(15));
}

#[test]
fn explicit_mapping_wins() {
    let csv = "daerah;waktu;angka\nKota Batu;2021-03;9\n";
    let opts = ReadOptions {
        mapping: vec![
            ("total".into(), "angka".into()),
            ("region".into(), "daerah".into()),
        ],
        delimiter: Some(b';'),
        ..ReadOptions::default()
    };
    let (panel, report) = read_panel(csv.as_bytes(), &opts).unwrap();
    assert_eq!(report.accepted, 1);
    assert_eq!(panel.rows[0].period, Period::Month(2021, 3));
    assert_eq!(panel.rows[0].get(TOTAL), Some(9));
    let bad = ReadOptions {
        mapping: vec![("total".into(), "nope".into())],
        delimiter: Some(b';'),
        ..ReadOptions::default()
    };
    assert_eq!(
        read_panel(csv.as_bytes(), &bad).unwrap_err().code(),
        "read_bad_mapping"
    );
}

#[test]
fn layout_detection_helpers() {
    let h = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    assert!(looks_like_panel(&h(&[
        "KABUPATEN / KOTA",
        "PERIODE UPDATE",
        "JUMLAH KOPERASI AKTIF"
    ])));
    assert!(looks_like_panel(&h(&[
        "wilayah",
        "tahun",
        "jumlah_koperasi"
    ])));
    assert!(!looks_like_panel(&h(&[
        "nama_koperasi",
        "nomor_badan_hukum",
        "kecamatan"
    ])));
    assert!(!looks_like_panel(&h(&["kabupaten_kota", "periode"])));
    assert!(
        panel_fields()
            .iter()
            .any(|(f, s)| *f == "region" && s.contains(&"kabupaten_kota"))
    );
}

#[test]
fn latin1_bytes_are_kept() {
    let mut bytes = b"wilayah,periode,total\nKota Bat".to_vec();
    bytes.push(0xFC); // u-umlaut in Latin-1, invalid UTF-8
    bytes.extend_from_slice(b",2021,3\n");
    let (panel, report) = read_panel(&bytes[..], &ReadOptions::default()).unwrap();
    assert_eq!(report.accepted, 1);
    assert_eq!(panel.rows[0].region, "Kota Bat\u{fc}");
}

#[derive(Debug, Clone)]
enum Cell {
    Good,
    BadCount,
    NoRegion,
    BadPeriod,
    Placeholder,
    QuotedNewline,
}

fn cell() -> impl Strategy<Value = Cell> {
    prop_oneof![
        Just(Cell::Good),
        Just(Cell::BadCount),
        Just(Cell::NoRegion),
        Just(Cell::BadPeriod),
        Just(Cell::Placeholder),
        Just(Cell::QuotedNewline),
    ]
}

proptest! {
    #[test]
    fn accepted_plus_rejected_is_rows_read(rows in proptest::collection::vec(cell(), 0..40)) {
        let mut s = String::from(HEAD);
        let mut expect_bad = 0u64;
        let mut line = 2u64;
        let mut expect_lines = Vec::new();
        for (i, c) in rows.iter().enumerate() {
            let row = match c {
                Cell::Good => format!("Kota {i},2021-Q1,1,2,3\n"),
                Cell::BadCount => { expect_bad += 1; format!("Kota {i},2021-Q1,1,dua,3\n") }
                Cell::NoRegion => { expect_bad += 1; ",2021-Q1,1,2,3\n".to_string() }
                Cell::BadPeriod => { expect_bad += 1; format!("Kota {i},2021-Q9,1,2,3\n") }
                Cell::Placeholder => format!("Kota {i},2021-Q1,-,n/a,3\n"),
                Cell::QuotedNewline => format!("\"Kota\n{i}\",2021-Q1,1,2,3\n"),
            };
            expect_lines.push(line);
            line += row.matches('\n').count() as u64;
            s.push_str(&row);
        }
        let (panel, report) = read_panel(s.as_bytes(), &ReadOptions::default()).unwrap();
        prop_assert_eq!(report.rows_read, rows.len() as u64);
        prop_assert_eq!(report.accepted + report.rejected.len() as u64, report.rows_read);
        prop_assert_eq!(report.rejected.len() as u64, expect_bad);
        prop_assert_eq!(panel.rows.len() as u64, report.accepted);
        let mut got: Vec<u64> = panel.rows.iter().map(|r| r.line).chain(report.rejected.iter().map(|r| r.line)).collect();
        got.sort_unstable();
        prop_assert_eq!(got, expect_lines);
    }

    #[test]
    fn arbitrary_text_never_panics(s in "[a-zA-Z0-9,;\"\n -]{0,200}") {
        if let Ok((_, report)) = read_panel(format!("wilayah,periode,total\n{s}").as_bytes(), &ReadOptions::default()) {
            prop_assert_eq!(report.accepted + report.rejected.len() as u64, report.rows_read);
        }
    }
}

#[test]
fn byte_order_mark_is_not_part_of_the_header() {
    let (panel, report) = read("\u{feff}wilayah,periode,total\nKota Batu,2021,3\n");
    assert_eq!(
        report.columns[0],
        ("wilayah".to_string(), Some("region".to_string()))
    );
    assert_eq!(panel.rows[0].line, 2);
}
