//! The readers' `decimal` option (issue 13, item 4): `1,500` and `1.500` are read only when
//! the file's decimal mark settles them; otherwise they are cell errors, never a value.
//!
//! The real Jawa Timur panel (data/samples/jatim-koperasi-kabkota-quarterly, see its
//! PROVENANCE.md) holds plain counts (`1371`); here its counts are written back with thousands
//! separators, the Indonesian way (`1.371`) and the English way (`1,371`), and read under each
//! setting. Figures were computed independently with python3's csv module: no count reaches
//! 1,000,000; 302 of the 798 `JUMLAH KOPERASI TOTAL` cells are 1000 or more (so they get a
//! separator), and every cell of the two population columns does.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use koperasi::io::{ReadOptions, ReadReport, read_panel, read_register};
use koperasi::locale::{DecimalMark, format_int};
use koperasi::stats::{Panel, TOTAL};

const FILE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/data/samples/jatim-koperasi-kabkota-quarterly/koperasi_jatim_kabkota_2018Q4_2025Q2.csv"
);

/// The real file with its counts (columns 3 onwards) written with `sep` between thousands.
fn jatim_with(sep: char) -> String {
    let mut r = csv::Reader::from_path(FILE).unwrap();
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(r.headers().unwrap()).unwrap();
    for rec in r.records() {
        let rec = rec.unwrap();
        let cells: Vec<String> = rec
            .iter()
            .enumerate()
            .map(|(i, c)| match c.parse::<i64>() {
                Ok(n) if i >= 2 => format_int(n).replace('.', &sep.to_string()),
                _ => c.to_string(),
            })
            .collect();
        w.write_record(&cells).unwrap();
    }
    String::from_utf8(w.into_inner().unwrap()).unwrap()
}

fn read(text: &str, decimal: Option<DecimalMark>) -> (Panel, ReadReport) {
    let o = ReadOptions {
        decimal,
        ..ReadOptions::default()
    };
    read_panel(text.as_bytes(), &o).unwrap()
}

fn original() -> Panel {
    read_panel(std::fs::File::open(FILE).unwrap(), &ReadOptions::default())
        .unwrap()
        .0
}

/// Every rejection and cell error of `report`, by code.
fn codes(report: &ReadReport) -> std::collections::BTreeMap<String, usize> {
    let mut m = std::collections::BTreeMap::new();
    for r in report.rejected.iter().chain(&report.cell_errors) {
        *m.entry(r.code.clone()).or_default() += 1;
    }
    m
}

#[test]
fn indonesian_thousands_read_as_before_with_the_default_and_comma() {
    let text = jatim_with('.');
    assert!(text.contains("Kabupaten Tulungagung,2018-Q4,699,672,672,59,1.371,"));
    let want = original();
    for decimal in [None, Some(DecimalMark::Comma)] {
        let (panel, report) = read(&text, decimal);
        assert_eq!(report.accepted, 798, "{decimal:?}");
        assert!(
            codes(&report).is_empty(),
            "{decimal:?}: {:?}",
            codes(&report)
        );
        assert_eq!(panel.rows, want.rows, "{decimal:?}");
    }
}

#[test]
fn english_thousands_read_with_point_and_never_silently_otherwise() {
    let text = jatim_with(',');
    assert!(text.contains("Kabupaten Tulungagung,2018-Q4,699,672,672,59,\"1,371\","));
    let (panel, report) = read(&text, Some(DecimalMark::Point));
    assert_eq!(report.accepted, 798);
    assert!(codes(&report).is_empty(), "{:?}", codes(&report));
    assert_eq!(panel.rows, original().rows);

    // Without the option, `1,371` is 1.371 or 1371: refused, never read as either.
    let (panel, report) = read(&text, None);
    assert!(
        panel
            .rows
            .iter()
            .all(|r| r.values.values().all(|v| *v < 1000))
    );
    let ambiguous: Vec<_> = report
        .rejected
        .iter()
        .chain(&report.cell_errors)
        .filter(|r| r.code == "number_ambiguous")
        .collect();
    assert!(!ambiguous.is_empty());
    let first = ambiguous.first().unwrap();
    assert!(first.reason.contains("decimal"), "{}", first.reason);
    // Every row has population counts above 1000: each is refused in every row.
    let pop = ambiguous
        .iter()
        .filter(|r| r.column.as_deref() == Some("JUMLAH PENDUDUK LAKI LAKI"))
        .count();
    assert!(pop > 0);
}

#[test]
fn auto_cannot_settle_a_column_without_unambiguous_cells() {
    // No count reaches 1.000.000: nothing tells `1.371` (1371) from 1.371. Every cell with a
    // separator is refused, and the notes say why, column by column.
    let (panel, report) = read(&jatim_with('.'), Some(DecimalMark::Auto));
    assert!(
        panel
            .rows
            .iter()
            .all(|r| r.values.values().all(|v| *v < 1000))
    );
    let note = report
        .notes
        .iter()
        .find(|n| n.starts_with("column `JUMLAH KOPERASI TOTAL`"))
        .unwrap();
    assert!(note.contains("decimal mark not settled"), "{note}");
    assert!(note.contains("; 302 cells that read both ways"), "{note}");
    assert!(codes(&report).contains_key("number_ambiguous"));
    assert!(!report.notes.iter().any(|n| n.contains("USAHA BESAR")));
}

#[test]
fn auto_settles_each_column_from_its_own_cells() {
    // The real rows, plus one row whose counts pass a million: that row settles each column.
    let mut text = jatim_with(',');
    text.push_str(
        "Kota Contoh,2025-Q2,\"1,000,000\",\"1,000,000\",\"1,000,000\",\"1,000,000\",\
         \"2,000,000\",\"1,000,000\",\"1,000,000\",\"1,000,000\",\"1,000,000\",\
         \"1,000,000\",\"1,000,000\"\n",
    );
    let (panel, report) = read(&text, Some(DecimalMark::Auto));
    assert_eq!(report.accepted, 799, "{:?}", codes(&report));
    assert!(codes(&report).is_empty(), "{:?}", codes(&report));
    assert_eq!(panel.rows[..798], original().rows[..]);
    assert_eq!(panel.rows[798].get(TOTAL), Some(2_000_000));
    assert!(report.notes.contains(
        &"column `JUMLAH KOPERASI TOTAL`: decimal point (from 1 unambiguous cell)".to_string()
    ));
}

#[test]
fn register_counts_follow_the_option() {
    let csv = "nama_koperasi,jumlah_anggota\nKSP Satu,\"1,500\"\nKSP Dua,1.500\nKSP Tiga,\"2,5\"\n";
    let members = |decimal: Option<DecimalMark>| {
        let o = ReadOptions {
            decimal,
            threads: Some(1),
            ..ReadOptions::default()
        };
        let (reg, report) = read_register(csv.as_bytes(), &o).unwrap();
        let totals: Vec<Option<u64>> = reg
            .records
            .iter()
            .map(|k| k.members.as_ref().and_then(|m| m.total))
            .collect();
        let errors: Vec<(u64, String)> = report
            .cell_errors
            .iter()
            .map(|e| (e.line, e.code.clone()))
            .collect();
        (totals, errors, report.notes)
    };
    let (t, e, _) = members(None);
    assert_eq!(t, [None, Some(1500), None]);
    assert_eq!(
        e,
        [(2, "number_ambiguous".into()), (4, "number_inexact".into())]
    );
    let (t, e, _) = members(Some(DecimalMark::Point));
    assert_eq!(t, [Some(1500), None, None]);
    assert_eq!(
        e,
        [(3, "number_inexact".into()), (4, "number_ambiguous".into())]
    );
    // `2,5` reads only with a decimal comma: it settles the column, so `1.500` is 1500 and
    // `1,500` is 1,5 (not a whole count).
    let (t, e, notes) = members(Some(DecimalMark::Auto));
    assert_eq!(t, [None, Some(1500), None]);
    assert_eq!(
        e,
        [(2, "number_inexact".into()), (4, "number_inexact".into())]
    );
    assert_eq!(
        notes,
        ["column `jumlah_anggota`: decimal comma (from 1 unambiguous cell)"]
    );
}

#[test]
fn read_options_take_decimal_from_json() {
    let o: ReadOptions = serde_json::from_str(
        r#"{"mapping": [], "delimiter": null, "region": null, "decimal": "auto"}"#,
    )
    .unwrap();
    assert_eq!(o.decimal, Some(DecimalMark::Auto));
}
