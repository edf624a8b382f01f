//! Columns the reader does not know: a mostly numeric column is a measure whose bad cells are
//! cell errors (the row is kept); a text column is kept per row in `PanelRow::extra`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use koperasi::io::{ReadOptions, read_panel};
use koperasi::stats::TOTAL;

const CSV: &str =
    "KABUPATEN / KOTA,PERIODE UPDATE,JUMLAH KOPERASI TOTAL,JUMLAH KOPERASI RAT,KETERANGAN
Kota Batu,2021-Q1,15,50,
Kota Blitar,2021-Q1,20,1O,data baru
Kota Kediri,2021-Q1,30,-,
";

#[test]
fn a_bad_cell_in_an_unknown_numeric_column_is_a_cell_error() {
    let (panel, report) = read_panel(CSV.as_bytes(), &ReadOptions::default()).unwrap();
    assert_eq!(report.rows_read, 3);
    assert_eq!(report.accepted, 3);
    assert!(report.rejected.is_empty());
    let rat = "jumlah_koperasi_rat";
    assert_eq!(panel.rows[0].get(rat), Some(50));
    assert_eq!(panel.rows[1].get(rat), None);
    assert_eq!(panel.rows[1].get(TOTAL), Some(20));
    assert_eq!(panel.rows[2].get(rat), None); // placeholder: absent, no error
    assert_eq!(report.cell_errors.len(), 1);
    let e = &report.cell_errors[0];
    assert_eq!(e.line, 3);
    assert_eq!(e.column.as_deref(), Some("JUMLAH KOPERASI RAT"));
    assert_eq!(e.value.as_deref(), Some("1O"));
    assert_eq!(e.code, "bad_count");
    assert!(e.reason.contains("not a count"), "{}", e.reason);
    let fields: Vec<Option<&str>> = report.columns.iter().map(|(_, f)| f.as_deref()).collect();
    assert_eq!(
        fields,
        vec![Some("region"), Some("period"), Some(TOTAL), Some(rat), None]
    );
}

#[test]
fn a_text_column_is_kept_in_extra() {
    let (panel, _) = read_panel(CSV.as_bytes(), &ReadOptions::default()).unwrap();
    assert!(panel.rows[0].extra.is_empty());
    assert_eq!(
        panel.rows[1].extra,
        vec![("KETERANGAN".to_string(), "data baru".to_string())]
    );
    let json = serde_json::to_value(&panel.rows[1]).unwrap();
    assert_eq!(json["extra"][0][0], "KETERANGAN");
    assert_eq!(json["extra"][0][1], "data baru");
    // left out of JSON when empty, and read back as empty
    let json0 = serde_json::to_value(&panel.rows[0]).unwrap();
    assert!(json0.get("extra").is_none());
    let back: koperasi::stats::PanelRow = serde_json::from_value(json0).unwrap();
    assert_eq!(back, panel.rows[0]);
}
