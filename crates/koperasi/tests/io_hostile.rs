//! Hostile and broken files: every row is accounted for, lines are right, errors say where.
//! (Reproducers from an adversarial review; each failed before its fix.)
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use koperasi::io::{ReadOptions, Table, read_any, read_panel, read_register};

fn opts() -> ReadOptions {
    ReadOptions::default()
}

fn map(pairs: &[(&str, &str)]) -> ReadOptions {
    ReadOptions {
        mapping: pairs
            .iter()
            .map(|(f, c)| (f.to_string(), c.to_string()))
            .collect(),
        ..ReadOptions::default()
    }
}

#[test]
fn an_unterminated_quote_rejects_the_row_that_swallowed_the_rest() {
    let csv = "nama_koperasi,kecamatan\nA,x\n\"unterminated,x\nB,y\nC,z\n";
    let (reg, rep) = read_register(csv.as_bytes(), &opts()).unwrap();
    assert_eq!((rep.rows_read, rep.accepted), (2, 1));
    assert_eq!(reg.records[0].name, "A");
    let r = &rep.rejected[0];
    assert_eq!((r.line, r.code.as_str()), (3, "unterminated_quote"));
    assert!(r.reason.contains("lines 3-6"), "{}", r.reason);
    assert!(
        r.fields[0].contains("B,y"),
        "nothing is lost: {:?}",
        r.fields
    );
    let panel = "kabupaten_kota,periode,total\nKota Batu,2021,5\n\"Kota Malang,2021,6\n";
    let (p, rep) = read_panel(panel.as_bytes(), &opts()).unwrap();
    assert_eq!((rep.rows_read, rep.accepted, p.rows.len()), (2, 1, 1));
    assert_eq!(rep.rejected[0].code, "unterminated_quote");
}

#[test]
fn field_check_facts_without_a_date_are_reported_not_dropped() {
    let csv = "nama_koperasi,ditemukan,usaha_berjalan\nA,tidak,tidak\n";
    let (reg, rep) = read_register(csv.as_bytes(), &opts()).unwrap();
    assert!(reg.records[0].field_checks.is_empty());
    let codes: Vec<&str> = rep.cell_errors.iter().map(|e| e.code.as_str()).collect();
    assert_eq!(
        codes,
        vec!["field_check_without_date", "field_check_without_date"]
    );
    assert!(
        reg.records[0]
            .extra
            .contains(&("ditemukan".to_string(), "tidak".to_string()))
    );
}

#[test]
fn panel_rows_with_extra_fields_are_rejected() {
    let csv = "kabupaten_kota,periode,total\nKota Malang,2021,5,99,100\nKota Batu,2021,5\n";
    let (_, rep) = read_panel(csv.as_bytes(), &opts()).unwrap();
    assert_eq!((rep.rows_read, rep.accepted), (2, 1));
    assert_eq!(
        (rep.rejected[0].line, rep.rejected[0].code.as_str()),
        (2, "too_many_fields")
    );
}

#[test]
fn panel_measure_names_never_collide() {
    let csv = "kabupaten_kota,periode,total,x_6,x,X\nKota Malang,2021,5,1,2,3\n";
    let (p, _) = read_panel(csv.as_bytes(), &opts()).unwrap();
    let mut values: Vec<i64> = p.rows[0].values.values().copied().collect();
    values.sort_unstable();
    assert_eq!(values, vec![1, 2, 3, 5], "{:?}", p.rows[0].values);
}

#[test]
fn lone_carriage_returns_end_lines() {
    let csv = "nama_koperasi,kecamatan\rA,x\r,y\rC,z,extra\r";
    let (_, rep) = read_register(csv.as_bytes(), &opts()).unwrap();
    let lines: Vec<(u64, &str)> = rep
        .rejected
        .iter()
        .map(|r| (r.line, r.code.as_str()))
        .collect();
    assert_eq!(lines, vec![(3, "missing_name"), (4, "too_many_fields")]);
    let mixed = "nama_koperasi,kecamatan\r\n,L2\r,L3\n\n  \n,L6\r\n";
    let (_, rep) = read_register(mixed.as_bytes(), &opts()).unwrap();
    let lines: Vec<u64> = rep.rejected.iter().map(|r| r.line).collect();
    assert_eq!(lines, vec![2, 3, 6]);
}

#[test]
fn read_any_copes_with_odd_headers() {
    // A Windows-1252 byte in the header.
    let t = read_any(&b"nama_koperasi,ket\xe9rangan\nA,b\n"[..], &opts()).unwrap();
    let Table::Register(reg, rep) = t else {
        panic!()
    };
    assert_eq!(rep.unknown_columns(), vec!["ket\u{e9}rangan"]);
    assert_eq!(reg.records[0].extra[0].1, "b");
    // Blank and whitespace-only lines before the header.
    for csv in [
        "\nnama_koperasi\nA\n",
        "\r\n\r\nnama_koperasi\nA\n",
        " \nnama_koperasi\nA\n",
    ] {
        let Table::Register(reg, _) = read_any(csv.as_bytes(), &opts()).unwrap() else {
            panic!("{csv:?}")
        };
        assert_eq!(reg.records[0].name, "A", "{csv:?}");
    }
    // A quoted line break inside a header cell.
    let csv = "kabupaten_kota,\"peri\node\",total\nKota Batu,2021,5\n";
    let Table::Panel(p, _) = read_any(csv.as_bytes(), &map(&[("period", "peri\node")])).unwrap()
    else {
        panic!()
    };
    assert_eq!(p.rows.len(), 1);
}

#[test]
fn mapping_decides_the_layout_and_is_checked() {
    let csv = "Nama Kab,periode,total\nKota Batu,2021,5\n";
    assert!(matches!(
        read_any(csv.as_bytes(), &map(&[("region", "Nama Kab")])).unwrap(),
        Table::Panel(..)
    ));
    let csv = "kabupaten_kota,Per,total\nKota Batu,2021,5\n";
    assert!(matches!(
        read_any(csv.as_bytes(), &map(&[("period", "Per")])).unwrap(),
        Table::Panel(..)
    ));
    let reg = "nama_koperasi,kec\nA,x\n";
    let code = |m: &[(&str, &str)]| read_any(reg.as_bytes(), &map(m)).unwrap_err().code();
    assert_eq!(code(&[("name", "Nonexistent")]), "read_bad_mapping");
    assert_eq!(code(&[("name", "")]), "read_bad_mapping");
    assert_eq!(code(&[("kecamatn", "kec")]), "read_unknown_field");
    assert_eq!(
        code(&[("name", "nama_koperasi"), ("kecamatan", "nama_koperasi")]),
        "read_conflicting_mapping"
    );
    assert_eq!(
        code(&[("kecamatan", "kec"), ("kecamatan", "nama_koperasi")]),
        "read_conflicting_mapping"
    );
}

#[test]
fn cell_errors_are_only_for_rows_kept() {
    let csv = "nama_koperasi,jumlah_anggota\n,nan\nB,nan\n";
    let (_, rep) = read_register(csv.as_bytes(), &opts()).unwrap();
    assert_eq!(rep.rejected.len(), 1);
    let lines: Vec<u64> = rep.cell_errors.iter().map(|e| e.line).collect();
    assert_eq!(lines, vec![3]);
}

#[test]
fn total_rows_are_reported_not_read_as_data() {
    let csv = "No;Nama Koperasi;Jumlah Anggota\n1;KSP A;20\n2;KSP B;30\nTOTAL;;50\n";
    let o = ReadOptions {
        delimiter: Some(b';'),
        ..opts()
    };
    let (reg, rep) = read_register(csv.as_bytes(), &o).unwrap();
    assert_eq!((rep.rows_read, rep.accepted, reg.records.len()), (3, 2, 2));
    assert_eq!(
        (rep.rejected[0].line, rep.rejected[0].code.as_str()),
        (4, "total_row")
    );
    // In a panel a total row is kept as a total of the rows above it: never summed with them.
    let panel = "kabupaten_kota,periode,total\nKota Batu,2021,5\nJumlah,2021,5\n";
    let (p, rep) = read_panel(panel.as_bytes(), &opts()).unwrap();
    assert_eq!((p.rows.len(), rep.rejected.len()), (2, 0));
    assert_eq!(p.totals_by_period(&["total"])[0].1.get("total"), Some(&5));
    // A cooperative whose name merely contains the word is kept.
    let csv = "nama_koperasi\nKoperasi Total Sejahtera\n";
    assert_eq!(
        read_register(csv.as_bytes(), &opts())
            .unwrap()
            .0
            .records
            .len(),
        1
    );
}

#[test]
fn rows_of_empty_cells_are_counted_as_blank() {
    let csv = "nama_koperasi;kecamatan\nKSP A;x\n;\n\n ; \nKSP B;y\n";
    let o = ReadOptions {
        delimiter: Some(b';'),
        ..opts()
    };
    let (_, rep) = read_register(csv.as_bytes(), &o).unwrap();
    assert_eq!((rep.rows_read, rep.accepted, rep.blank_rows), (2, 2, 2));
    let panel = "kabupaten_kota,periode,total\nKota Batu,2021,5\n,,\n";
    assert_eq!(
        read_panel(panel.as_bytes(), &opts()).unwrap().1.blank_rows,
        1
    );
}

#[test]
fn an_inch_mark_is_not_an_unterminated_quote() {
    let csv = "no,nama_koperasi,kecamatan\n1,KSU 5\" Jaya,Bogor Tengah\n2,KSP B,Bogor Barat\n3,KSP C,Bogor Timur\n";
    let (reg, rep) = read_register(csv.as_bytes(), &opts()).unwrap();
    assert_eq!((rep.rows_read, rep.accepted), (3, 3), "{:?}", rep.rejected);
    assert_eq!(reg.records[0].name, "KSU 5\" Jaya");
}

#[test]
fn a_province_total_row_in_a_kab_kota_panel_is_not_summed() {
    let csv = "kabupaten_kota,periode,aktif,tidak_aktif,total\n\
               KAB. MOJOKERTO,2021,100,20,120\nJAWA TIMUR,2022,1000,200,1200\nKAB. MOJOKERTO,2022,100,20,120\n";
    let (p, rep) = read_panel(csv.as_bytes(), &opts()).unwrap();
    assert_eq!((rep.rows_read, rep.accepted, p.rows.len()), (3, 3, 3));
    // JAWA TIMUR resolves to its province code and totals its kab/kota: 2022 is 1,200, not 1,320.
    assert_eq!(
        p.rows[1].region_code.map(|c| c.to_string()).as_deref(),
        Some("35")
    );
    let t = p.totals_by_period(&["total"]);
    assert_eq!(t[1].1.get("total"), Some(&1200));
}

#[test]
fn rat_cells_none_and_far_future_dates_leave_the_year_unknown() {
    use koperasi::cooperative::RatKnowledge;
    let csv = "nama_koperasi,RAT 2022,RAT 2023,RAT 2024,RAT 2200\nA,-,None,01/01/2099,\n";
    let (reg, rep) = read_register(csv.as_bytes(), &opts()).unwrap();
    let codes: Vec<&str> = rep.cell_errors.iter().map(|e| e.code.as_str()).collect();
    assert_eq!(codes, vec!["rat_unknown", "rat_date_implausible"]);
    // Only 2022 is known (not held); `RAT 2200` is no book year: kept as an unknown column.
    assert_eq!(reg.records[0].rat_known, RatKnowledge::years([2022]));
    assert_eq!(rep.unknown_columns(), vec!["RAT 2200"]);
}

#[test]
fn two_columns_for_one_book_year_must_agree() {
    use koperasi::cooperative::RatKnowledge;
    let csv = "nama_koperasi,RAT 2023,rat_2023\nA,tidak,ya\nB,15/03/2024,15/03/2024\nC,15/03/2024,20/04/2024\n";
    let (reg, rep) = read_register(csv.as_bytes(), &opts()).unwrap();
    let errs: Vec<(u64, &str)> = rep
        .cell_errors
        .iter()
        .map(|e| (e.line, e.code.as_str()))
        .collect();
    assert_eq!(errs, vec![(2, "rat_conflict"), (4, "rat_conflict")]);
    assert_eq!(reg.records[0].rat_known, RatKnowledge::years([]));
    assert!(reg.records[0].rat.is_empty() && reg.records[2].rat.is_empty());
    assert_eq!(reg.records[1].rat.len(), 1);
}

#[test]
fn bom_then_blank_line_then_a_semicolon_header() {
    let Table::Register(reg, _) = read_any(
        &b"\xef\xbb\xbf\r\nnama_koperasi;kecamatan;no\nKSP B;Bogor Barat;2\n"[..],
        &opts(),
    )
    .unwrap() else {
        panic!()
    };
    assert_eq!(reg.records[0].name, "KSP B");
}

#[test]
fn an_unclosed_quote_in_the_header_is_named() {
    let e = read_any(
        "no,\"nama_koperasi,kecamatan\n1,KSP A,x\n2,KSP B,y\n".as_bytes(),
        &opts(),
    )
    .unwrap_err();
    assert_eq!(e.code(), "read_csv");
    assert!(e.to_string().contains("header row is never closed"), "{e}");
}

#[test]
fn suggestions_for_absurd_names_are_empty() {
    use koperasi::wilayah::{Level, table};
    assert!(
        table()
            .suggest(&"abcdefgh ".repeat(10_000), Level::Kecamatan, None)
            .is_empty()
    );
    assert!(table().suggest("", Level::Kecamatan, None).is_empty());
}

#[test]
fn every_rejection_code_has_labels_in_both_languages() {
    let files: &[&str] = &[
        "nama_koperasi;RAT 2023;RAT 2024;tanggal_bh;jumlah_anggota;bentuk;pola;nik;kode_wilayah\n\
         A;?;x;31/02/2024;nan;x;x;12ab;99.99.99.99.9\n;;;;;;;;\nTOTAL;;;;;;;;\nB;1/1/2023;;;;;;;\n",
        "nama_koperasi,ditemukan,rat_2023,RAT 2023,tahun_rat_terakhir\nA,mungkin,ya,tidak,1800\nB,,,,\n\"C,x\n",
    ];
    let mut codes = std::collections::BTreeSet::new();
    for f in files {
        let o = ReadOptions {
            delimiter: Some(if f.contains(';') { b';' } else { b',' }),
            ..opts()
        };
        let (_, rep) = read_register(f.as_bytes(), &o).unwrap();
        codes.extend(
            rep.rejected
                .iter()
                .chain(&rep.cell_errors)
                .map(|r| r.code.clone()),
        );
    }
    assert!(codes.len() >= 10, "{codes:?}");
    for c in &codes {
        let (en, id) =
            koperasi::io::rejection_label(c).unwrap_or_else(|| panic!("no label for {c}"));
        assert!(!en.is_empty() && !id.is_empty());
    }
}

#[test]
fn a_delimiter_retry_on_the_first_line_names_the_delimiter() {
    // Two `,` and two `;` in the header: `,` is guessed, the header is found with `;` on line
    // 1. The note said "lines 1-0 above it (a title block) were skipped".
    let csv =
        "nama_koperasi;alamat (jalan, rt, rw);kecamatan\nKop A;Jl. Merdeka, 1, 2;Bogor Barat\n";
    let Table::Register(r, rep) = read_any(csv.as_bytes(), &opts()).unwrap() else {
        panic!("not a register")
    };
    assert_eq!(r.records[0].name, "Kop A");
    assert!(
        rep.notes.iter().any(
            |n| n == "the columns are separated by `;`, not by the `,` guessed from the header"
        ),
        "{:?}",
        rep.notes
    );
    assert!(
        !rep.notes.iter().any(|n| n.contains("1-0")),
        "{:?}",
        rep.notes
    );
}
