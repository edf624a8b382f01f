#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! Exports are safe (formula injection neutralised) and lossless (read(export(x)) == x).

use koperasi::io::export::{
    RawTable, export_csv, export_excel_csv, is_dangerous, neutralise, read_table,
};
use koperasi::io::{ReadOptions, Table, read_any, read_register};
use proptest::prelude::*;

fn csv_round_trip(t: &RawTable) -> RawTable {
    let mut out = Vec::new();
    export_csv(t, &mut out).unwrap();
    read_table(out.as_slice(), &ReadOptions::default()).unwrap()
}

#[test]
fn dangerous_cells_are_neutralised_and_numbers_stay() {
    for s in [
        "=HYPERLINK(\"http://x\",\"klik\")",
        "+62812",
        "-2+3",
        "@SUM(A1)",
        "\tx",
        "\r=1",
        "-",
        "-Rp 5",
    ] {
        assert!(is_dangerous(s), "{s}");
        assert_eq!(neutralise(s), format!("'{s}"));
    }
    for s in ["-5", "-1.500", "-9,7", "-0.25", "KSP Maju", "", "1.500"] {
        assert!(!is_dangerous(s), "{s}");
        assert_eq!(neutralise(s), s);
    }
    // An apostrophe before a trigger is escaped too, so the reader's undo is exact.
    assert_eq!(neutralise("'=x"), "''=x");
    assert_eq!(neutralise("'Koperasi"), "'Koperasi");
}

#[test]
fn csv_export_of_the_hyperlink_file_is_inert_and_reads_back() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/data/bad/hyperlink.csv"
    );
    let t = read_table(std::fs::File::open(path).unwrap(), &ReadOptions::default()).unwrap();
    let mut out = Vec::new();
    export_csv(&t, &mut out).unwrap();
    let text = String::from_utf8(out.clone()).unwrap();
    // Every line's cells start with a harmless character.
    assert_eq!(
        text,
        "nama_koperasi,keterangan\n\"'=HYPERLINK(\"\"http://example.invalid/x\"\",\"\"klik\"\")\",'@SUM(1+1)\nKSP Maju,-5\n"
    );
    assert_eq!(
        read_table(out.as_slice(), &ReadOptions::default()).unwrap(),
        t
    );
    // The register reader gives back the same names as from the original.
    let (a, _) =
        read_register(std::fs::File::open(path).unwrap(), &ReadOptions::default()).unwrap();
    let (b, _) = read_register(out.as_slice(), &ReadOptions::default()).unwrap();
    assert_eq!(a, b);
}

/// A real register (Kota Bogor sample) exported and read again gives the same records, every
/// field and unknown column included.
#[test]
fn real_register_round_trips_through_csv() {
    let file = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/data/samples/kota-bogor-koperasi-register/koperasi_kota_bogor_2022.csv"
    );
    let raw = std::fs::read(file).unwrap();
    let t = read_table(raw.as_slice(), &ReadOptions::default()).unwrap();
    // 398 data rows (python3 csv module, independently).
    assert_eq!(t.rows.len(), 398);
    assert_eq!(csv_round_trip(&t), t);
    let Table::Register(a, ra) = read_any(raw.as_slice(), &ReadOptions::default()).unwrap() else {
        panic!()
    };
    let mut out = Vec::new();
    export_csv(&t, &mut out).unwrap();
    let Table::Register(b, rb) = read_any(out.as_slice(), &ReadOptions::default()).unwrap() else {
        panic!()
    };
    let strip = |r: &koperasi::register::Register| {
        r.records
            .iter()
            .map(|k| {
                let mut k = k.clone();
                k.source_line = None;
                k
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(strip(&a), strip(&b));
    assert_eq!(
        (ra.accepted, ra.rejected.len()),
        (rb.accepted, rb.rejected.len())
    );
}

fn excel_csv_round_trip(t: &RawTable) -> RawTable {
    let mut out = Vec::new();
    export_excel_csv(t, &mut out).unwrap();
    let options = ReadOptions {
        delimiter: Some(b';'),
        ..ReadOptions::default()
    };
    read_table(out.as_slice(), &options).unwrap()
}

/// The Excel CSV of the Kota Bogor sample: a byte-order mark, then `;` between fields; it reads
/// back (delimiter guessed) to the same table.
#[test]
fn excel_csv_has_a_bom_and_semicolons_and_reads_back() {
    let file = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/data/samples/kota-bogor-koperasi-register/koperasi_kota_bogor_2022.csv"
    );
    let raw = std::fs::read(file).unwrap();
    let t = read_table(raw.as_slice(), &ReadOptions::default()).unwrap();
    let mut out = Vec::new();
    export_excel_csv(&t, &mut out).unwrap();
    assert_eq!(&out[..3], b"\xEF\xBB\xBF");
    let text = std::str::from_utf8(&out[3..]).unwrap();
    assert!(text.starts_with("id_koperasi;nama_koperasi;nomor_bh;alamat;kecamatan\n"));
    // 398 data rows of 5 fields, 38 of them with a line break inside a quoted field (40 such
    // fields; python3 csv module).
    let mut r = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(text.as_bytes());
    let recs: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    assert_eq!(recs.len(), 398);
    assert!(recs.iter().all(|x| x.len() == 5));
    let broken = recs.iter().filter(|x| x.iter().any(|c| c.contains('\n')));
    assert_eq!(broken.count(), 38);
    assert_eq!(
        read_table(out.as_slice(), &ReadOptions::default()).unwrap(),
        t
    );
    assert_eq!(excel_csv_round_trip(&t), t);
}

#[cfg(all(feature = "xlsx", feature = "xlsx-write"))]
mod xlsx {
    use super::*;
    use koperasi::io::export::export_xlsx;
    use koperasi::io::xlsx::read_xlsx_table;

    pub fn round_trip(t: &RawTable) -> RawTable {
        let bytes = export_xlsx(t, "Data").unwrap();
        read_xlsx_table(&bytes, None, &ReadOptions::default()).unwrap()
    }

    #[test]
    fn xlsx_export_keeps_text_and_numbers() {
        let t = RawTable {
            headers: vec!["nama".into(), "anggota".into(), "catatan".into()],
            rows: vec![
                vec![
                    "=HYPERLINK(\"http://x\",\"klik\")".into(),
                    "-5".into(),
                    "1.500".into(),
                ],
                vec!["KSP Maju".into(), "9,7".into(), "007".into()],
                vec!["@x".into(), "1500".into(), "'=y".into()],
            ],
        };
        assert_eq!(round_trip(&t), t);
        let e = export_xlsx(
            &RawTable {
                headers: vec!["a".into()],
                rows: vec![vec!["x".repeat(40_000)]],
            },
            "S",
        )
        .unwrap_err();
        assert_eq!(e.code(), "export_cell_too_long");
    }

    #[test]
    fn xlsx_export_is_deterministic() {
        let t = RawTable {
            headers: vec!["nama".into()],
            rows: vec![vec!["KSP".into()]],
        };
        assert_eq!(export_xlsx(&t, "S").unwrap(), export_xlsx(&t, "S").unwrap());
    }
}

/// Cell text: printable text with the troublesome characters over-represented.
fn cell() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Z0-9 ]{0,12}",
        "[=+@'\\-\t\r\n\",;é ]{0,3}[a-z0-9.,]{0,6}",
        "-?[0-9]{1,6}([.,][0-9]{1,3})?",
        "\\PC{0,10}",
    ]
}

fn table() -> impl Strategy<Value = RawTable> {
    (1usize..6).prop_flat_map(|w| {
        (
            proptest::collection::vec("[A-Za-z][A-Za-z0-9 _]{0,10}", w),
            proptest::collection::vec(proptest::collection::vec(cell(), w), 0..8),
        )
            .prop_map(|(headers, rows)| RawTable { headers, rows }.normalized())
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn csv_export_then_read_is_lossless(t in table()) {
        prop_assert_eq!(csv_round_trip(&t), t);
    }

    #[test]
    fn excel_csv_export_then_read_is_lossless(t in table()) {
        prop_assert_eq!(excel_csv_round_trip(&t), t);
    }

    #[test]
    fn csv_export_has_no_live_formula(t in table()) {
        let mut out = Vec::new();
        export_csv(&t, &mut out).unwrap();
        let mut r = csv::ReaderBuilder::new().has_headers(false).from_reader(out.as_slice());
        for rec in r.records() {
            for c in rec.unwrap().iter() {
                prop_assert!(!is_dangerous(c), "{:?}", c);
            }
        }
    }

    /// Any mix of good rows, nameless rows, total rows and bad cells: every row is accepted or
    /// rejected, never both, never lost.
    #[test]
    fn row_accounting_holds(kinds in proptest::collection::vec(0u8..5, 0..30)) {
        let mut csv = String::from("nama_koperasi;jumlah_anggota;tanggal_badan_hukum\n");
        let (mut good, mut bad) = (0u64, 0u64);
        for (i, k) in kinds.iter().enumerate() {
            let line = match k {
                0 => { good += 1; format!("KSP {i};1.500;6 Nop 2019\n") }
                1 => { good += 1; format!("KSP {i};nan;1/2/20245\n") }
                2 => { bad += 1; ";12;\n".to_string() }
                3 => { bad += 1; "JUMLAH;100;\n".to_string() }
                _ => ";;\n".to_string(),
            };
            csv.push_str(&line);
        }
        let (reg, rep) = read_register(csv.as_bytes(), &ReadOptions { delimiter: Some(b';'), ..ReadOptions::default() }).unwrap();
        prop_assert_eq!(rep.accepted + rep.rejected.len() as u64, rep.rows_read);
        prop_assert_eq!(rep.accepted, good);
        prop_assert_eq!(rep.rejected.len() as u64, bad);
        prop_assert_eq!(reg.records.len() as u64, good);
    }
}

#[cfg(all(feature = "xlsx", feature = "xlsx-write"))]
proptest! {
    #![proptest_config(ProptestConfig { cases: 100, ..ProptestConfig::default() })]

    #[test]
    fn xlsx_export_then_read_is_lossless(t in table()) {
        prop_assert_eq!(xlsx::round_trip(&t), t);
    }
}
