//! Personal data stays out of member-file rejections even when a name with an unquoted comma
//! shifts the name or NIK into a date or amount column (review of issue 5, finding 4).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "../../../tests/support/member_files.rs"]
mod member_files;

use koperasi::io::ReadOptions;
use koperasi::shu::read_members;
use member_files::{leaked, member_file};
use proptest::prelude::*;

const PERSONAL: [&str; 6] = [
    "Siti",
    "Aminah",
    "3201011234560001",
    "3201011234560002",
    "Budi",
    "Wati",
];

#[test]
fn shifted_or_nik_shaped_values_are_redacted_with_a_hint() {
    let csv = "No Anggota,Nama,NIK,Tanggal Masuk,Simpanan Wajib,Pembelian\n\
               A-1,Siti, Aminah,3201011234560001,1 Maret 2020,100.000,\n\
               A-2,Budi,,3201 0112 3456 0002,100.000,1\n\
               A-3,Wati,,Wati,100.000,1\n\
               A-4,Tono,,1 Maret 2020,seratus,1\n";
    let (members, rep) = read_members(csv.as_bytes(), &ReadOptions::default()).unwrap();
    assert!(members.is_empty());
    let lines: Vec<u64> = rep.rejected.iter().map(|r| r.line).collect();
    assert_eq!(lines, [2, 3, 4, 5]);
    for r in rep.rejected.iter().take(3) {
        assert_eq!(r.column.as_deref(), Some("Tanggal Masuk"));
        assert_eq!(r.value.as_deref(), Some("<redacted>"));
        assert!(
            r.reason.contains("a name with an unquoted comma?"),
            "{}",
            r.reason
        );
    }
    // Row 2 has more fields than the header: every cell with letters (pieces of the name
    // may be anywhere, the id included) or shaped like a NIK is redacted.
    assert_eq!(
        rep.rejected[0].fields,
        [
            "<redacted>",
            "<redacted>",
            "<redacted>",
            "<redacted>",
            "<redacted>",
            "100.000",
            ""
        ]
    );
    // An unreadable amount with letters may be a name: it is not shown either.
    let last = &rep.rejected[3];
    assert_eq!(last.value.as_deref(), Some("<redacted>"));
    assert!(
        last.reason
            .starts_with("not a number (the cell is not shown"),
        "{}",
        last.reason
    );
    let dump = format!("{rep:?} {}", serde_json::to_string(&rep).unwrap());
    for p in PERSONAL {
        assert!(!dump.contains(p), "{p} in {dump}");
    }
}

#[test]
fn a_row_with_too_many_fields_suggests_an_unquoted_comma() {
    let csv = "No Anggota,Nama,Simpanan Wajib\nA-1,Siti, Aminah,100.000\n";
    let (_, rep) = read_members(csv.as_bytes(), &ReadOptions::default()).unwrap();
    let r = &rep.rejected[0];
    assert_eq!(r.code, "too_many_fields");
    assert!(
        r.reason
            .contains("the row has 4 fields but the header has 3")
    );
    assert!(r.reason.contains("unquoted comma"), "{}", r.reason);
}

#[test]
fn another_persons_name_in_a_date_column_is_not_shown() {
    // Issue 13, item 5: the name of someone else (not the row's own) in a date column, and a
    // name in a column the reader does not know.
    let csv = "No Anggota,Nama,Tanggal Masuk,Simpanan Wajib,Catatan\n\
               A-1,Siti,Budi Santoso,100.000,ahli waris Wati Lestari\n\
               A-2,Tono,31/02/2024,100.000,Wati Lestari\n";
    let (_, rep) = read_members(csv.as_bytes(), &ReadOptions::default()).unwrap();
    let r = &rep.rejected[0];
    assert_eq!(
        (
            r.line,
            r.column.as_deref(),
            r.value.as_deref(),
            r.code.as_str()
        ),
        (
            2,
            Some("Tanggal Masuk"),
            Some("<redacted>"),
            "date_unrecognised"
        )
    );
    assert!(
        r.reason.starts_with("not a date (the cell is not shown"),
        "{}",
        r.reason
    );
    assert_eq!(
        r.fields,
        ["A-1", "<redacted>", "<redacted>", "100.000", "<redacted>"]
    );
    // A value without letters is quoted: it helps to find the cell, and is no name.
    let r = &rep.rejected[1];
    assert_eq!(r.value.as_deref(), Some("31/02/2024"));
    assert!(
        r.reason.contains("day 31 does not exist in Februari 2024"),
        "{}",
        r.reason
    );
    assert_eq!(
        r.fields,
        ["A-2", "<redacted>", "31/02/2024", "100.000", "<redacted>"]
    );
    let dump = format!("{rep:?} {}", serde_json::to_string(&rep).unwrap());
    for p in [
        "Siti",
        "Budi",
        "Santoso",
        "Tono",
        "Wati",
        "Lestari",
        "ahli waris",
    ] {
        assert!(!dump.contains(p), "{p} in {dump}");
    }
}

#[test]
fn a_file_without_a_header_row_does_not_quote_its_first_member() {
    let csv = "A-1,Siti Aminah,1 Maret 2019,100.000\nA-2,Budi,,\n";
    let e = read_members(csv.as_bytes(), &ReadOptions::default()).unwrap_err();
    assert_eq!(e.code(), "read_missing_column");
    let text = format!("{e} {e:?}");
    assert!(!text.contains("Siti") && !text.contains("A-1"), "{text}");
    assert!(
        text.contains("<redacted>, <redacted>, <redacted>, <redacted> (headers that name no field are not shown"),
        "{text}"
    );
    // A real header is quoted when a field knows it.
    let e = read_members("Nama,Catatan\nSiti,x\n".as_bytes(), &ReadOptions::default()).unwrap_err();
    assert!(e.to_string().contains("found: Nama, <redacted> ("), "{e}");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// No name from a member file reaches a rejection, an error, or the `Debug` of what the
    /// reader returns, wherever it is placed (issue 13: property over random placements).
    #[test]
    fn no_name_reaches_a_rejection_an_error_or_debug(f in member_file()) {
        let text = match read_members(f.text.as_bytes(), &ReadOptions::default()) {
            Ok((members, rep)) => format!(
                "{members:?} {rep:?} {}",
                serde_json::to_string(&rep).unwrap()
            ),
            Err(e) => format!("{e} {e:?}"),
        };
        prop_assert!(
            leaked(&text, &f.names).is_none(),
            "{:?} (placed in {}) leaked in {text}\nfile:\n{}",
            leaked(&text, &f.names),
            f.placed_in,
            f.text
        );
    }
}
