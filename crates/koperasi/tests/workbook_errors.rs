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
