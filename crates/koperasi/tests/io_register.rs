//! Reading registers: the real Kota Bogor file and small hand-made files with bad rows.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use koperasi::io::{ReadOptions, read_register};
use koperasi::wilayah::KodeWilayah;
use proptest::prelude::*;

const BOGOR: &str =
    include_str!("../data/samples/kota-bogor-koperasi-register/koperasi_kota_bogor_2022.csv");

fn read(csv: &str) -> (koperasi::register::Register, koperasi::io::ReadReport) {
    read_register(csv.as_bytes(), &ReadOptions::default()).unwrap()
}

#[test]
fn bogor_reads_every_row() {
    let (reg, rep) = read(BOGOR);
    // 398 data rows (ids 1..399 with one missing), checked with python's csv module.
    assert_eq!(rep.rows_read, 398);
    assert_eq!(rep.accepted, 398);
    assert!(rep.rejected.is_empty());
    assert!(rep.cell_errors.is_empty());
    assert!(rep.unknown_columns().is_empty(), "{:?}", rep.columns);
    assert_eq!(reg.records.len(), 398);
    // Row id 3 has a name with an embedded line break: it starts on line 4 and spans two lines,
    // so row id 4 starts on line 6.
    let r3 = &reg.records[2];
    assert_eq!(r3.source_id.as_deref(), Some("3"));
    assert_eq!(r3.source_line, Some(4));
    assert_eq!(
        r3.name,
        "Koperasi Pegawai Republik Indonesia Madrasah Tsanawiah Negeri Bogor AL AMANAH"
    );
    assert_eq!(reg.records[3].source_line, Some(6));
    assert_eq!(
        reg.records[0].badan_hukum.as_ref().unwrap().raw,
        "8091/BH/KWK-10/22"
    );
    assert_eq!(
        reg.records[0].rat_known,
        koperasi::cooperative::RatKnowledge::Unknown
    );
}

#[test]
fn bogor_kecamatan_resolve_to_kota_bogor_codes() {
    let (reg, _) = read(BOGOR);
    let mut counts = std::collections::BTreeMap::<String, usize>::new();
    for k in &reg.records {
        let code = k.location.code.as_ref().expect("every kecamatan resolves");
        *counts.entry(code.to_string()).or_default() += 1;
    }
    // Counts per kecamatan name computed independently with python's csv module:
    // Bogor Tengah 127, Tanah Sareal 101, Bogor Barat 98, Bogor Utara 39, Bogor Timur 21,
    // Bogor Selatan 12; codes from the Kemendagri 2025 table.
    let expected: Vec<(&str, usize)> = vec![
        ("32.71.01", 12),
        ("32.71.02", 21),
        ("32.71.03", 127),
        ("32.71.04", 98),
        ("32.71.05", 39),
        ("32.71.06", 101),
    ];
    let got: Vec<(&str, usize)> = counts.iter().map(|(k, v)| (k.as_str(), *v)).collect();
    assert_eq!(got, expected);
}

#[test]
fn bad_cells_keep_the_row_and_the_raw_text() {
    let csv = "nama_koperasi,tanggal_badan_hukum,jumlah_anggota,catatan\n\
               KSP Maju,31/02/2024,1.500,ok\n\
               KSP Jaya,1 Februari 2025,nan,\n";
    let (reg, rep) = read(csv);
    assert_eq!((rep.rows_read, rep.accepted), (2, 2));
    assert_eq!(rep.cell_errors.len(), 2);
    let e = &rep.cell_errors[0];
    assert_eq!(
        (e.line, e.column.as_deref(), e.value.as_deref()),
        (2, Some("tanggal_badan_hukum"), Some("31/02/2024"))
    );
    assert_eq!(e.code, "date_invalid");
    assert_eq!(rep.cell_errors[1].line, 3);
    assert_eq!(rep.cell_errors[1].code, "number_not_a_number");
    let maju = &reg.records[0];
    assert_eq!(maju.tanggal_badan_hukum, None);
    assert!(
        maju.extra
            .contains(&("tanggal_badan_hukum".to_string(), "31/02/2024".to_string()))
    );
    assert!(
        maju.extra
            .contains(&("catatan".to_string(), "ok".to_string()))
    );
    assert_eq!(maju.members.unwrap().total, Some(1500));
    assert_eq!(
        reg.records[1].tanggal_badan_hukum,
        koperasi::NaiveDate::from_ymd_opt(2025, 2, 1)
    );
    assert_eq!(rep.unknown_columns(), vec!["catatan"]);
}

#[test]
fn rows_without_a_name_or_with_extra_fields_are_rejected_whole() {
    let csv = "nama_koperasi;kecamatan\nKSP Maju;Bogor Barat\n-;Bogor Barat\n\nKSP Jaya;Bogor Timur;extra\n";
    let opts = ReadOptions {
        delimiter: Some(b';'),
        ..ReadOptions::default()
    };
    let (reg, rep) = read_register(csv.as_bytes(), &opts).unwrap();
    assert_eq!(rep.rows_read, 3, "the blank line is not a row");
    assert_eq!(rep.accepted, 1);
    assert_eq!(reg.records[0].name, "KSP Maju");
    let codes: Vec<(&str, u64)> = rep
        .rejected
        .iter()
        .map(|r| (r.code.as_str(), r.line))
        .collect();
    assert_eq!(codes, vec![("missing_name", 3), ("too_many_fields", 5)]);
    assert_eq!(
        rep.rejected[1].fields,
        vec!["KSP Jaya", "Bogor Timur", "extra"]
    );
}

#[test]
fn rat_columns_make_history_known() {
    let csv = "nama,rat_2022,RAT 2023,tahun_rat_terakhir,tanggal_rat_terakhir\n\
               A,ya,15/03/2024,,\n\
               B,tidak,-,2021,20 Maret 2022\n\
               C,,,,\n";
    let (reg, rep) = read(csv);
    assert!(rep.cell_errors.is_empty(), "{:?}", rep.cell_errors);
    let years = |i: usize| {
        reg.records[i]
            .rat
            .iter()
            .map(|r| r.book_year)
            .collect::<Vec<_>>()
    };
    assert_eq!(years(0), vec![2022, 2023]);
    assert_eq!(
        reg.records[0].rat[1].date,
        koperasi::NaiveDate::from_ymd_opt(2024, 3, 15)
    );
    assert_eq!(years(1), vec![2021]);
    assert_eq!(
        reg.records[1].rat[0].date,
        koperasi::NaiveDate::from_ymd_opt(2022, 3, 20)
    );
    assert!(years(2).is_empty());
    use koperasi::cooperative::RatKnowledge;
    // A and C: the columns cover 2022 and 2023; B's `-` for 2023 is "not held".
    assert_eq!(reg.records[0].rat_known, RatKnowledge::years([2022, 2023]));
    assert_eq!(reg.records[2].rat_known, RatKnowledge::years([2022, 2023]));
}

#[test]
fn structural_errors() {
    assert_eq!(
        read_register("".as_bytes(), &ReadOptions::default())
            .unwrap_err()
            .code(),
        "read_empty"
    );
    let e = read_register("foo,bar\n1,2\n".as_bytes(), &ReadOptions::default()).unwrap_err();
    assert_eq!(e.code(), "read_missing_column");
    assert!(e.to_string().contains("nama_koperasi"));
    let opts = ReadOptions {
        mapping: vec![("name".into(), "foo".into())],
        ..Default::default()
    };
    let (reg, _) = read_register("foo,bar\nKSP A,2\n".as_bytes(), &opts).unwrap();
    assert_eq!(reg.records[0].name, "KSP A");
    assert_eq!(
        reg.records[0].extra,
        vec![("bar".to_string(), "2".to_string())]
    );
}

#[test]
fn region_option_resolves_ambiguous_kecamatan() {
    let opts = ReadOptions {
        region: Some(KodeWilayah::parse("32.71").unwrap()),
        ..ReadOptions::default()
    };
    let (reg, _) = read_register(
        "nama,kecamatan\nA,Bogor Barat\nB,Kecamatan Entah\n".as_bytes(),
        &opts,
    )
    .unwrap();
    assert_eq!(
        reg.records[0].location.code.as_ref().unwrap().to_string(),
        "32.71.04"
    );
    // Not a kecamatan of Kota Bogor: only the file's region is known.
    assert_eq!(
        reg.records[1].location.code.as_ref().unwrap().to_string(),
        "32.71"
    );
}

proptest! {
    #[test]
    fn accepted_plus_rejected_is_rows_read(rows in proptest::collection::vec(
        prop_oneof![
            "[A-Za-z ]{1,12}".prop_map(|n| format!("{n},2020-01-01")),
            Just(",2020-01-01".to_string()),
            Just("-,x".to_string()),
            "[A-Za-z]{1,8}".prop_map(|n| format!("{n},31/02/2024")),
            "[A-Za-z]{1,8}".prop_map(|n| format!("{n},x,y")),
            "[^\n\"]{0,20}",
        ], 0..40)) {
        let csv = format!("nama,tanggal_bh\n{}\n", rows.join("\n"));
        let (reg, rep) = read_register(csv.as_bytes(), &ReadOptions::default()).unwrap();
        prop_assert_eq!(rep.accepted + rep.rejected.len() as u64, rep.rows_read);
        prop_assert_eq!(reg.records.len() as u64, rep.accepted);
    }
}

#[test]
fn rat_cells_that_cannot_be_read_leave_the_year_unknown() {
    use koperasi::cooperative::RatKnowledge;
    use koperasi::status::{Status, StatusPolicy, assess};
    let csv = "Nama Koperasi;Tanggal Badan Hukum;RAT 2022;RAT 2023;RAT 2024\n\
               Kop E;1 Januari 2010;ya;15 Maret 2023;x\n\
               Kop F;1 Januari 2010;tidak;;belum\n\
               Kop G;1 Januari 2010;;20/04/2024;\n";
    let opts = ReadOptions {
        delimiter: Some(b';'),
        ..ReadOptions::default()
    };
    let (reg, rep) = read_register(csv.as_bytes(), &opts).unwrap();
    let errs: Vec<(u64, &str, &str)> = rep
        .cell_errors
        .iter()
        .map(|e| (e.line, e.column.as_deref().unwrap(), e.code.as_str()))
        .collect();
    assert_eq!(
        errs,
        vec![
            (2, "RAT 2023", "rat_date_before_book_year_end"),
            (2, "RAT 2024", "yes_no_ambiguous")
        ]
    );
    // Kop E: 2022 held; 2023 and 2024 unknown (unreadable cells), not "not held".
    assert_eq!(reg.records[0].rat_known, RatKnowledge::years([2022]));
    let as_of = koperasi::NaiveDate::from_ymd_opt(2025, 7, 1).unwrap();
    let office = StatusPolicy::office();
    let a = assess(&reg.records[0], as_of, &office);
    assert_eq!(a.status, Status::NotAssessable);
    assert_eq!(a.reasons[0].code, "rat_history_incomplete");
    // Kop F: every year known, none held: inactive under both presets.
    assert_eq!(
        assess(&reg.records[1], as_of, &office).status,
        Status::Inactive
    );
    assert_eq!(
        assess(&reg.records[1], as_of, &StatusPolicy::national()).status,
        Status::Inactive
    );
    // Kop G: RAT for 2023 held on 2024-04-20; 2024 known not held: office needs both.
    assert_eq!(
        assess(&reg.records[2], as_of, &StatusPolicy::national()).status,
        Status::Active
    );
    assert_eq!(
        assess(&reg.records[2], as_of, &office).status,
        Status::Inactive
    );
}

#[test]
fn a_file_that_covers_only_old_years_cannot_make_a_coop_inactive() {
    use koperasi::status::{Status, StatusPolicy, assess};
    let csv = "Nama Koperasi,Tanggal Badan Hukum,RAT 2019\nKop Q,1 Januari 2010,tidak\n";
    let (reg, _) = read(csv);
    let as_of = koperasi::NaiveDate::from_ymd_opt(2025, 6, 30).unwrap();
    let a = assess(&reg.records[0], as_of, &StatusPolicy::national());
    assert_eq!(a.status, Status::NotAssessable);
    assert_eq!(a.reasons[0].code, "rat_history_incomplete");
    assert!(
        a.reasons[0].detail.contains("2021, 2022, 2023"),
        "{}",
        a.reasons[0].detail
    );
}

#[test]
fn last_rat_year_column_says_nothing_about_earlier_years() {
    use koperasi::cooperative::RatKnowledge;
    use koperasi::status::{Status, StatusPolicy, assess};
    let csv = "nama,tanggal_bh,tahun_rat_terakhir\nA,2010-01-01,2023\nB,2010-01-01,2019\n";
    let (reg, _) = read(csv);
    assert_eq!(reg.records[0].rat_known, RatKnowledge::After { year: 2023 });
    let as_of = koperasi::NaiveDate::from_ymd_opt(2025, 7, 1).unwrap();
    // National: one RAT in 2022..=2024 is enough.
    assert_eq!(
        assess(&reg.records[0], as_of, &StatusPolicy::national()).status,
        Status::Active
    );
    // B: nothing after 2019, so none in 2022..=2024.
    assert_eq!(
        assess(&reg.records[1], as_of, &StatusPolicy::national()).status,
        Status::Inactive
    );
    // Office needs 2023 and 2024: 2024 is known not held (after 2023).
    let a = assess(&reg.records[0], as_of, &StatusPolicy::office());
    assert_eq!(a.status, Status::Inactive);
}

#[test]
fn resolution_never_leaves_what_the_row_says() {
    // C says Jawa Timur: the Bogor kecamatan voted by A and B must not place it in Jawa Barat.
    let csv = "nama,provinsi,kecamatan\nA,Jawa Barat,Bogor Tengah\nB,Jawa Barat,Bogor Barat\nC,Jawa Timur,Bogor Tengah\n";
    let (reg, _) = read(csv);
    let codes: Vec<String> = reg
        .records
        .iter()
        .map(|k| k.location.code.unwrap().to_string())
        .collect();
    assert_eq!(codes, vec!["32.71.03", "32.71.04", "35"]);
    // A province column never widens the region the caller gave.
    let opts = ReadOptions {
        region: Some(KodeWilayah::parse("32.78").unwrap()),
        ..ReadOptions::default()
    };
    let (reg, _) = read_register(
        "nama,provinsi,kecamatan\nA,Jawa Barat,Cibeureum\n".as_bytes(),
        &opts,
    )
    .unwrap();
    assert_eq!(
        reg.records[0].location.code.unwrap().to_string(),
        "32.78.06"
    );
}

#[test]
fn last_rat_date_is_checked_and_completes_a_year_column() {
    let csv = "nama,rat_2023,tahun_rat_terakhir,tanggal_rat_terakhir\nA,,2023,2023-03-01\nB,ya,2023,2024-05-02\n";
    let (reg, rep) = read(csv);
    assert_eq!(rep.cell_errors.len(), 1);
    assert_eq!(
        (rep.cell_errors[0].line, rep.cell_errors[0].code.as_str()),
        (2, "rat_date_before_book_year_end")
    );
    // The RAT for 2023 stays unknown, as with a `RAT 2023` cell holding that date.
    assert!(reg.records[0].rat.is_empty());
    assert_eq!(
        reg.records[1].rat[0].date,
        koperasi::NaiveDate::from_ymd_opt(2024, 5, 2)
    );
}

#[test]
fn office_marks_in_rat_and_field_check_columns() {
    use koperasi::cooperative::RatKnowledge;
    let csv = "nama;RAT 2023;RAT 2024;Tanggal Verifikasi;Ditemukan;Pengurus Jelas;Usaha Berjalan\n\
               A;?;#N/A;1 Maret 2025;Tidak Ada;tdk;Tidak Aktif\n\
               B;Sudah (12/05/2024);Ya, 20 Mei 2025;01/03/2025;ya;Sdh;berjalan\n\
               C;Blm;-;;;;\n";
    let opts = ReadOptions {
        delimiter: Some(b';'),
        ..ReadOptions::default()
    };
    let (reg, rep) = read_register(csv.as_bytes(), &opts).unwrap();
    let errs: Vec<(u64, &str)> = rep
        .cell_errors
        .iter()
        .map(|e| (e.line, e.code.as_str()))
        .collect();
    assert_eq!(errs, vec![(2, "rat_unknown"), (2, "rat_unknown")]);
    // A: both RAT years unknown; found: no, board: no, business: no.
    assert_eq!(reg.records[0].rat_known, RatKnowledge::years([]));
    let c = reg.records[0].field_checks[0];
    assert_eq!(
        (c.found_at_address, c.board_known, c.business_active),
        (Some(false), Some(false), Some(false))
    );
    // B: held with dates; C: not held either year.
    let dates: Vec<_> = reg.records[1]
        .rat
        .iter()
        .map(|r| r.date.unwrap().to_string())
        .collect();
    assert_eq!(dates, vec!["2024-05-12", "2025-05-20"]);
    let c = reg.records[1].field_checks[0];
    assert_eq!(
        (c.found_at_address, c.board_known, c.business_active),
        (Some(true), Some(true), Some(true))
    );
    assert!(reg.records[2].rat.is_empty());
    assert_eq!(reg.records[2].rat_known, RatKnowledge::years([2023, 2024]));
}
