//! Personal data stays out of member-file rejections even when a name with an unquoted comma
//! shifts the name or NIK into a date or amount column (review of issue 5, finding 4).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use koperasi::io::ReadOptions;
use koperasi::shu::read_members;

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
    // Every cell of row 2 that holds a piece of the name or the NIK is redacted.
    assert_eq!(
        rep.rejected[0].fields,
        [
            "A-1",
            "<redacted>",
            "<redacted>",
            "<redacted>",
            "1 Maret 2020",
            "100.000",
            ""
        ]
    );
    // A value that is not personal stays, without the hint (it helps to fix the file).
    let last = &rep.rejected[3];
    assert_eq!(last.value.as_deref(), Some("seratus"));
    assert!(!last.reason.contains("unquoted comma"), "{}", last.reason);
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
