//! `koperasi template register`: the blank register reads back with every column recognised and
//! its example row as exactly one cooperative; the workbook holds the drop-down lists, the
//! frozen header and the instructions; `--format csv` gives the header line.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use assert_cmd::Command;
use calamine::{Data, Reader};
use koperasi::cooperative::{Bentuk, Jenis, Pola, Rat, RatKnowledge};
use koperasi::io::template::template_columns;
use koperasi::io::{ReadOptions, Table};
use koperasi::{NaiveDate, io::xlsx::read_xlsx};
use serde_json::Value;
use std::io::Read;

/// A fresh directory for the test `name`.
fn dir(name: &str) -> std::path::PathBuf {
    let d = std::env::temp_dir().join(format!("koperasi-template-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn run(args: &[&str]) -> Vec<u8> {
    let out = Command::cargo_bin("koperasi")
        .unwrap()
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

/// The template workbook's bytes, written by the command for `--rat-year 2024`.
fn template(name: &str, locale: &str) -> (std::path::PathBuf, Vec<u8>) {
    let path = dir(name).join("template.xlsx");
    let p = path.to_str().unwrap();
    run(&[
        "template",
        "register",
        "-o",
        p,
        "--rat-year",
        "2024",
        "--locale",
        locale,
    ]);
    let bytes = std::fs::read(&path).unwrap();
    (path, bytes)
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

#[test]
fn every_column_is_recognised_and_the_example_is_one_coop() {
    let (_, bytes) = template("read", "id");
    // By default the example row is rejected (an office that forgot to delete it must not
    // count a cooperative that does not exist).
    let Table::Register(none, read) = read_xlsx(&bytes, None, &ReadOptions::default()).unwrap()
    else {
        panic!("the template is not read as a register")
    };
    assert!(none.records.is_empty());
    assert_eq!((read.rows_read, read.accepted), (1, 0));
    assert_eq!(read.rejected[0].code, "template_example");
    assert_eq!(read.rejected[0].line, 2);
    // Kept on request, every example value reads as its field.
    let keep = ReadOptions {
        keep_template_example: true,
        ..ReadOptions::default()
    };
    let Table::Register(reg, read) = read_xlsx(&bytes, None, &keep).unwrap() else {
        panic!("the template is not read as a register")
    };
    assert_eq!(read.sheet.as_deref(), Some("Daftar Koperasi"));
    assert!(read.unknown_columns().is_empty(), "{:?}", read.columns);
    let expected: Vec<(String, Option<String>)> = template_columns(2024)
        .into_iter()
        .map(|c| (c.header, Some(c.field)))
        .collect();
    assert_eq!(read.columns, expected);
    assert_eq!(read.columns.len(), 34);
    assert_eq!((read.rows_read, read.accepted), (1, 1));
    assert!(read.rejected.is_empty() && read.cell_errors.is_empty() && read.skipped.is_empty());

    let [k] = reg.records.as_slice() else {
        panic!("{} records", reg.records.len())
    };
    assert!(k.name.starts_with("CONTOH (hapus baris ini)"), "{}", k.name);
    assert_eq!(k.source_id.as_deref(), Some("1"));
    assert_eq!(k.nik.as_ref().map(|n| n.as_str()), Some("3271030020001"));
    let bh = k.badan_hukum.as_ref().unwrap();
    assert_eq!(bh.year, Some(2020));
    assert_eq!(k.tanggal_badan_hukum, Some(date(2020, 5, 12)));
    let loc = &k.location;
    assert_eq!(loc.address.as_deref(), Some("Jl. Contoh No. 1"));
    assert_eq!(loc.desa.as_deref(), Some("Paledang"));
    assert_eq!(loc.kecamatan.as_deref(), Some("Bogor Tengah"));
    assert_eq!(loc.kab_kota.as_deref(), Some("Kota Bogor"));
    assert_eq!(loc.provinsi.as_deref(), Some("Jawa Barat"));
    assert_eq!(
        loc.code.as_ref().map(|c| c.to_string()).as_deref(),
        Some("32.71.03")
    );
    let c = loc.coordinates.unwrap();
    assert_eq!((c.latitude(), c.longitude()), (-6.595, 106.797));
    assert_eq!(k.bentuk, Some(Bentuk::Primer));
    assert_eq!(k.jenis, Some(Jenis::Konsumen));
    assert_eq!(k.kelompok.as_deref(), Some("Kopwan"));
    assert_eq!(k.pola, Some(Pola::Konvensional));
    let m = k.members.unwrap();
    assert_eq!((m.male, m.female, m.total), (Some(12), Some(18), Some(30)));
    assert_eq!((k.employees, k.managers), (Some(2), Some(1)));
    let rat = |book_year, date| Rat { book_year, date };
    assert_eq!(
        k.rat,
        [
            rat(2022, Some(date(2023, 3, 20))),
            rat(2023, None),
            rat(2024, Some(date(2025, 3, 15)))
        ]
    );
    assert_eq!(k.rat_known, RatKnowledge::years(vec![2022, 2023, 2024]));
    let [check] = k.field_checks.as_slice() else {
        panic!("{:?}", k.field_checks)
    };
    assert_eq!(check.date, date(2025, 8, 20));
    assert_eq!(
        (
            check.found_at_address,
            check.board_known,
            check.business_active
        ),
        (Some(true), Some(true), Some(true))
    );
    let office = k.office_status.as_ref().unwrap();
    assert!(office.active);
    assert_eq!(
        (office.column.as_str(), office.value.as_str()),
        ("Status Koperasi", "Aktif")
    );
    assert_eq!(k.dissolution, None);
}

#[test]
fn report_of_the_blank_template_counts_no_coop() {
    let (path, _) = template("report", "en");
    let out = run(&[
        "report",
        path.to_str().unwrap(),
        "--as-of",
        "2025-09-30",
        "--format",
        "json",
    ]);
    let v: Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(v["kind"], "register");
    assert_eq!(v["read"]["sheet"], "Register");
    assert_eq!(v["read"]["accepted"], 0);
    assert_eq!(v["read"]["rejected"][0]["code"], "template_example");
    let columns = v["read"]["columns"].as_array().unwrap();
    assert_eq!(columns.len(), 34);
    assert!(columns.iter().all(|c| c[1].is_string()), "{columns:?}");
}

/// The XML of the part `name` of the workbook.
fn part(bytes: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut s = String::new();
    zip.by_name(name).unwrap().read_to_string(&mut s).unwrap();
    s
}

#[test]
fn the_sheet_carries_the_lists_checks_and_frozen_header() {
    let (_, bytes) = template("xml", "id");
    let sheet = part(&bytes, "xl/worksheets/sheet1.xml");
    // Jenis is column M (13th): the five jenis of Permenkop UKM 9/2018 art. 67, strict.
    let jenis = r#"<dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1" errorTitle="Jenis Koperasi""#;
    assert!(sheet.contains(jenis), "{sheet}");
    assert!(sheet.contains(
        r#"sqref="M2:M10001"><formula1>"Produsen,Konsumen,Pemasaran,Simpan Pinjam,Jasa"</formula1>"#
    ));
    // Kelompok (N): KSU and KUD first; other values only warn.
    assert!(sheet.contains(r#"<dataValidation type="list" errorStyle="warning""#));
    assert!(sheet.contains(r#"sqref="N2:N10001"><formula1>"KSU,KUD,Kopwan,"#));
    for (col, list) in [
        ("L", "Primer,Sekunder"),
        ("O", "Konvensional,Syariah"),
        ("AA", "ya,tidak"),
        ("AB", "ya,tidak"),
        ("AC", "ya,tidak"),
        ("AE", "Rapat Anggota,Pemerintah,Pengadilan"),
        ("AF", "Aktif,Tidak Aktif"),
    ] {
        let want = format!(r#"sqref="{col}2:{col}10001"><formula1>"{list}"</formula1>"#);
        assert!(sheet.contains(&want), "{want}");
    }
    // Counts: whole numbers >= 0 (P..T); the last-RAT year: 1900..2100 (X).
    assert_eq!(
        sheet
            .matches(r#"<dataValidation type="whole" operator="greaterThanOrEqual""#)
            .count(),
        5
    );
    assert!(
        sheet.contains(r#"sqref="X2:X10001"><formula1>1900</formula1><formula2>2100</formula2>"#)
    );
    // Header row frozen with the ID and name columns.
    assert!(sheet.contains(
        r#"<pane xSplit="2" ySplit="1" topLeftCell="C2" activePane="bottomRight" state="frozen"/>"#
    ));
    let book = part(&bytes, "xl/workbook.xml");
    assert!(book.contains(r#"<sheet name="Daftar Koperasi" sheetId="1""#));
    assert!(book.contains(r#"<sheet name="Petunjuk" sheetId="2""#));
}

#[test]
fn the_instructions_explain_every_column_in_the_locale() {
    for (locale, sheet, what) in [
        ("id", "Petunjuk", "Isi"),
        ("en", "Instructions", "What to write"),
    ] {
        let (path, _) = template(&format!("help-{locale}"), locale);
        let mut wb = calamine::open_workbook_auto(&path).unwrap();
        let range = wb.worksheet_range(sheet).unwrap();
        let rows: Vec<Vec<String>> = range
            .rows()
            .map(|r| r.iter().map(|d: &Data| d.to_string()).collect())
            .collect();
        assert_eq!(rows[0][2], what);
        for (i, c) in template_columns(2024).iter().enumerate() {
            let row = &rows[i + 1];
            assert_eq!(row[0], c.header);
            let desc = if locale == "id" {
                c.description_id
            } else {
                c.description_en
            };
            assert_eq!(row[2], desc);
        }
        let text: String = rows
            .iter()
            .flatten()
            .cloned()
            .collect::<Vec<_>>()
            .join("\n");
        assert!(text.contains("15 Maret 2025") && text.contains("2025-03-15"));
        let jenis = rows.iter().find(|r| r[0] == "Jenis Koperasi").unwrap();
        assert_eq!(
            jenis[3],
            "Produsen, Konsumen, Pemasaran, Simpan Pinjam, Jasa"
        );
    }
}

#[test]
fn csv_is_the_header_line_the_reader_recognises() {
    let en = String::from_utf8(run(&[
        "template",
        "register",
        "--format",
        "csv",
        "--rat-year",
        "2024",
    ]))
    .unwrap();
    let headers: Vec<String> = template_columns(2024)
        .into_iter()
        .map(|c| c.header)
        .collect();
    assert_eq!(en, format!("{}\n", headers.join(",")));
    assert!(en.starts_with("ID Koperasi,Nama Koperasi,Nomor Induk Koperasi,"));
    let Table::Register(reg, read) =
        koperasi::io::read_any(en.as_bytes(), &ReadOptions::default()).unwrap()
    else {
        panic!("not a register")
    };
    assert!(reg.records.is_empty());
    assert!(read.unknown_columns().is_empty(), "{:?}", read.columns);
    let id = run(&[
        "template",
        "register",
        "--format",
        "csv",
        "--locale",
        "id",
        "--rat-year",
        "2024",
    ]);
    assert!(id.starts_with("\u{feff}ID Koperasi;Nama Koperasi;".as_bytes()));
    assert!(id.ends_with(b";RAT 2022;RAT 2023;RAT 2024;Tahun RAT Terakhir;Tanggal RAT Terakhir;Tanggal Verifikasi;Ditemukan di Alamat;Pengurus Jelas;Usaha Berjalan;Tanggal Pembubaran;Dibubarkan Oleh;Status Koperasi;Latitude;Longitude\n"));
}

#[test]
fn xlsx_needs_a_file_and_a_real_book_year() {
    let out = Command::cargo_bin("koperasi")
        .unwrap()
        .args(["template", "register"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("-o"));
    let out = Command::cargo_bin("koperasi")
        .unwrap()
        .args([
            "template",
            "register",
            "--format",
            "csv",
            "--rat-year",
            "3000",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--rat-year 3000"));
}

/// The real Kota Bogor register (398 coops, embedded sample; provenance in
/// `crates/koperasi/data/samples/kota-bogor-koperasi-register/`) copied into the template's
/// columns, as an office would: every value under the template header of its field, the other
/// template columns left empty. It reads as the original does, with no unknown column; the
/// counts by kecamatan are those of the file (Python `csv` + `Counter`: Bogor Tengah 127, Tanah
/// Sareal 101, Bogor Barat 98, Bogor Utara 39, Bogor Timur 21, Bogor Selatan 12).
#[test]
fn a_real_register_copied_into_the_template_reads_the_same() {
    let original = koperasi::samples::BOGOR_REGISTER_CSV;
    let cols = template_columns(2024);
    let mut r = csv::Reader::from_reader(original.as_bytes());
    // Each original column's template position, by the field the reader gives it.
    let read = |text: &str| match koperasi::io::read_any(text.as_bytes(), &ReadOptions::default())
        .unwrap()
    {
        Table::Register(reg, read) => (reg, read),
        Table::Panel(..) => panic!("not a register"),
    };
    let (orig_reg, orig_read) = read(original);
    let at: Vec<usize> = orig_read
        .columns
        .iter()
        .map(|(_, f)| {
            cols.iter()
                .position(|c| Some(&c.field) == f.as_ref())
                .unwrap()
        })
        .collect();
    assert_eq!(at, [0, 1, 3, 5, 7]);
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(cols.iter().map(|c| c.header.as_str()))
        .unwrap();
    for rec in r.records() {
        let rec = rec.unwrap();
        let mut row = vec![String::new(); cols.len()];
        for (i, v) in rec.iter().enumerate() {
            row[at[i]] = v.to_string();
        }
        w.write_record(&row).unwrap();
    }
    let filled = String::from_utf8(w.into_inner().unwrap()).unwrap();
    let (reg, read) = read(&filled);
    assert!(read.unknown_columns().is_empty());
    assert_eq!((read.rows_read, read.accepted), (398, 398));
    assert_eq!(read.cell_errors.len(), orig_read.cell_errors.len());
    for (a, b) in reg.records.iter().zip(&orig_reg.records) {
        assert_eq!(
            (&a.name, &a.badan_hukum, &a.location),
            (&b.name, &b.badan_hukum, &b.location)
        );
    }
    let dir = dir("bogor");
    let path = dir.join("bogor_in_template.csv");
    std::fs::write(&path, &filled).unwrap();
    let out = run(&[
        "report",
        path.to_str().unwrap(),
        "--as-of",
        "2022-08-15",
        "--format",
        "json",
    ]);
    let v: Value = serde_json::from_slice(&out).unwrap();
    let counts: Vec<(String, u64)> = v["counts"]["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r[0][0].as_str().unwrap().to_string(),
                r[1].as_u64().unwrap(),
            )
        })
        .collect();
    let want = [
        ("32.71.03 Bogor Tengah", 127),
        ("32.71.06 Tanah Sareal", 101),
        ("32.71.04 Bogor Barat", 98),
        ("32.71.05 Bogor Utara", 39),
        ("32.71.02 Bogor Timur", 21),
        ("32.71.01 Bogor Selatan", 12),
    ];
    for (k, n) in want {
        assert!(counts.contains(&(k.to_string(), n)), "{k} {n}: {counts:?}");
    }
}

#[test]
fn json_gives_the_columns_as_data() {
    let out = run(&[
        "template",
        "register",
        "--format",
        "json",
        "--rat-year",
        "2024",
    ]);
    let v: Value = serde_json::from_slice(&out).unwrap();
    let cols = v.as_array().unwrap();
    assert_eq!(cols.len(), 34);
    let jenis = &cols[12];
    assert_eq!(jenis["header"], "Jenis Koperasi");
    assert_eq!(jenis["field"], "jenis");
    assert_eq!(jenis["kind"], "choice");
    assert_eq!(
        jenis["choices"],
        serde_json::json!(["Produsen", "Konsumen", "Pemasaran", "Simpan Pinjam", "Jasa"])
    );
    assert_eq!(cols[20]["header"], "RAT 2022");
    assert_eq!(cols[22]["header"], "RAT 2024");
    assert_eq!(cols[22]["kind"], "rat");
    assert_eq!(cols[22]["example"], "15/03/2025");
    assert_eq!(cols[1]["required"], true);
}

/// `koperasi template kopdes`: its header line, filled with two coops by hand (one with every
/// stage of the PMK 49/2025 checklist dated, one with only its musdesus), reads back with every
/// column known: 1 of 2 ready, the other missing all 7 items; SK AHU reached by 1.
#[test]
fn the_kopdes_template_filled_by_hand_gives_stages_and_readiness() {
    let header = String::from_utf8(run(&["template", "kopdes", "--format", "csv"])).unwrap();
    assert!(header.starts_with("ID Koperasi,Nama Koperasi,Nomor Induk Koperasi,Desa/Kelurahan,"));
    assert!(header.ends_with(",Tanggal Proposal Bisnis,Tanggal Persetujuan\n"));
    let n = header.trim_end().split(',').count();
    assert_eq!(n, 27);
    // Columns 9..=27 are the stages: all dated for the first coop (progress 100, 2 outlets),
    // only the musdesus for the second.
    let mut ready = vec![
        "1",
        "Koperasi Kelurahan Merah Putih Paledang",
        "",
        "Paledang",
        "Bogor Tengah",
        "Kota Bogor",
        "Jawa Barat",
        "32.71.03.1002",
    ];
    let dates = ["10/05/2025"; 19];
    ready.extend(dates);
    ready[18] = "Aset Pemda";
    ready[20] = "100";
    ready[22] = "2";
    let mut late = vec![
        "2",
        "Koperasi Kelurahan Merah Putih Babakan",
        "",
        "Babakan",
        "Bogor Tengah",
        "Kota Bogor",
        "Jawa Barat",
        "",
        "12/06/2025",
    ];
    late.extend([""; 18]);
    let csv = format!("{header}{}\n{}\n", ready.join(","), late.join(","));
    let f = dir("kopdes").join("kdmp.csv");
    std::fs::write(&f, csv).unwrap();
    let f = f.to_str().unwrap();
    let out = |args: &[&str]| -> Value { serde_json::from_slice(&run(args)).unwrap() };
    let r = out(&["kopdes", "readiness", f, "--format", "json"]);
    assert_eq!(r["overall"]["coops"], 2);
    assert_eq!(r["overall"]["ready"], 1);
    assert_eq!(r["coops"][1]["missing"].as_array().unwrap().len(), 7);
    let s = out(&[
        "kopdes",
        "stages",
        f,
        "--as-of",
        "2026-01-31",
        "--format",
        "json",
    ]);
    let reached = |code: &str| {
        s["funnel"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["stage"] == code)
            .map(|c| c["reached"].clone())
            .unwrap()
    };
    assert_eq!(reached("musdesus"), 2);
    assert_eq!(reached("sk_ahu"), 1);
    assert_eq!(reached("building"), 1);
    assert_eq!(s["without_facts"], 0);
}
