//! What a user is told when a "workbook" is not one, or the sheet they chose has no header.
#![cfg(feature = "xlsx")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use koperasi::error::ReadError;
use koperasi::io::{ReadOptions, xlsx::read_xlsx};

const OFFICE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../tests/data/bad/office.xlsx"
);

fn why(bytes: &[u8], sheet: Option<&str>) -> String {
    match read_xlsx(bytes, sheet, &ReadOptions::default()) {
        Err(ReadError::Workbook { why }) => why,
        other => panic!("expected a workbook error, got {other:?}"),
    }
}

#[test]
fn empty_text_and_cut_files_are_named_as_such() {
    assert_eq!(why(b"", None), "the file is empty (0 bytes)");
    assert!(why(b"nama_koperasi,kecamatan\nKop A,Bogor Barat\n", None).contains("a CSV?"));
    assert!(why(&[0u8, 1, 2, 3, 4, 5], None).contains("does not start like an XLSX"));
    let office = std::fs::read(OFFICE).unwrap();
    assert!(why(&office[..3000], None).contains("damaged or cut short"));
}

#[test]
fn a_chosen_sheet_without_header_names_the_sheets() {
    let office = std::fs::read(OFFICE).unwrap();
    let w = why(&office, Some("1"));
    assert!(
        w.contains("sheet `Catatan` has no header row") && w.contains("sheets: Catatan, Data"),
        "{w}"
    );
    // The sheet with the register still reads.
    assert!(read_xlsx(&office, Some("Data"), &ReadOptions::default()).is_ok());
}

#[test]
fn read_bytes_tells_workbooks_from_csv() {
    use koperasi::io::{Table, bytes::read_bytes};
    let office = std::fs::read(OFFICE).unwrap();
    let Table::Register(r, report) = read_bytes(&office, None, &ReadOptions::default()).unwrap()
    else {
        panic!("not a register")
    };
    // The Data sheet: 5 coops accepted (rows 5, 6, 7, 9, 10; see tests/data/bad/README.md).
    assert_eq!((r.records.len(), report.accepted), (5, 5));
    let csv = b"nama_koperasi,kecamatan\nKop A,Bogor Barat\n";
    let Table::Register(r, _) = read_bytes(csv, None, &ReadOptions::default()).unwrap() else {
        panic!("not a register")
    };
    assert_eq!(r.records[0].name, "Kop A");
    assert!(matches!(
        read_bytes(csv, Some("Data"), &ReadOptions::default()),
        Err(ReadError::Workbook { .. })
    ));
}

/// Issue 16: one dispatch in the core. A workbook read from a stream (a file, as the CLI and
/// Python open it) gives what `read_xlsx` gives on its bytes, and its report is the register
/// report of the Data sheet; a CSV whose first cell starts with `PK` stays CSV.
#[test]
fn read_input_and_build_report_from_take_any_stream() {
    use koperasi::io::read_input;
    use koperasi::report::{Report, ReportOptions, build_report_from};
    let o = ReadOptions::default();
    let from_file = read_input(std::fs::File::open(OFFICE).unwrap(), None, None, &o).unwrap();
    let bytes = std::fs::read(OFFICE).unwrap();
    assert_eq!(from_file, read_xlsx(&bytes, None, &o).unwrap());
    let as_of = chrono::NaiveDate::from_ymd_opt(2025, 6, 30).unwrap();
    let file = std::fs::File::open(OFFICE).unwrap();
    let Report::Register(r) = build_report_from(
        file,
        Some(OFFICE),
        Some("2"),
        "office",
        &ReportOptions::new(as_of),
    )
    .unwrap() else {
        panic!("not a register report")
    };
    // tests/data/bad/README.md: sheet Data, 5 accepted of 6 rows, 1 blank, D9 a cell error.
    assert_eq!(r.read.sheet.as_deref(), Some("Data"));
    assert_eq!(
        (r.read.rows_read, r.read.accepted, r.read.blank_rows),
        (6, 5, 1)
    );
    assert_eq!(r.records, 5);
    assert_eq!(r.read.cell_errors[0].cell.as_deref(), Some("D9"));
    // Text named like a workbook goes to the workbook reader, which says what it is.
    let csv = b"nama_koperasi,kecamatan\nKop A,Bogor Barat\n";
    let e = read_input(csv.as_slice(), Some("register.XLSX"), None, &o).unwrap_err();
    assert!(e.to_string().contains("a CSV?"), "{e}");
    // `PK` without the zip signature is a header cell, not a workbook.
    let pk = b"PKK,tahun,total\nKota Batu,2021,5\n";
    let t = read_input(pk.as_slice(), None, None, &o);
    assert!(!matches!(t, Err(ReadError::Workbook { .. })), "{t:?}");
}

proptest::proptest! {
    /// Text that does not start with a workbook signature comes back from `open_input`
    /// byte for byte, whatever its length (the signature peek gives back what it read).
    #[test]
    fn open_input_gives_text_back_whole(text in proptest::collection::vec(proptest::num::u8::ANY, 0..64)) {
        use std::io::Read;
        proptest::prop_assume!(!text.starts_with(b"PK\x03\x04") && !text.starts_with(b"PK\x05\x06")
            && !text.starts_with(&[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
        let o = ReadOptions::default();
        match koperasi::io::open_input(text.as_slice(), Some("x.csv"), None, &o).unwrap() {
            koperasi::io::Opened::Text(mut r) => {
                let mut back = Vec::new();
                r.read_to_end(&mut back).unwrap();
                proptest::prop_assert_eq!(back, text);
            }
            koperasi::io::Opened::Table(_) => proptest::prop_assert!(false, "text read as a workbook"),
        }
    }
}
