#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! The one output-safety rule (`koperasi::io::safe`): for any text, the CSV form never starts
//! a formula and reads back exactly, the terminal form has no control or bidi character, the
//! markdown form cannot break a table or open an HTML tag, and JSON stays the same value.

use koperasi::io::safe::{
    CellKind, FORMULA_TRIGGERS, csv_cell, is_dangerous, is_terminal_unsafe, json_text,
    markdown_cell, neutralise, neutralise_text, terminal_text, unneutralise,
};
use proptest::prelude::*;

/// Text with the troublesome characters over-represented.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[=+@'\\-\t\r\n|<>`\\\\ a-z0-9.,]{0,8}",
        "['=+\\-@\t\r]{0,3}-?[0-9]{0,4}([.,][0-9]{1,3})?",
        "[\u{0}-\u{1f}\u{7f}-\u{9f}\u{200e}\u{200f}\u{202a}-\u{202e}\u{2066}-\u{2069}\u{61c} a=]{0,8}",
        "\\PC{0,10}",
        any::<String>(),
    ]
}

#[test]
fn the_documented_examples() {
    assert_eq!(
        neutralise_text("=HYPERLINK(\"http://x\",\"klik\")"),
        "'=HYPERLINK(\"http://x\",\"klik\")"
    );
    assert_eq!(neutralise_text("@SUM(1+1)"), "'@SUM(1+1)");
    assert_eq!(neutralise_text("\t=1"), "'\t=1");
    assert_eq!(neutralise_text("\r=1"), "'\r=1");
    // A plain negative number: a number in a number column, escaped in a text column.
    assert_eq!(csv_cell("-5", CellKind::Number), "-5");
    assert_eq!(csv_cell("-5", CellKind::Text), "'-5");
    // A cell the reader un-escaped (`'=1+1` in the file) is escaped again.
    assert_eq!(unneutralise("'=1+1".to_string()), "=1+1");
    assert_eq!(neutralise("=1+1"), "'=1+1");
    assert_eq!(
        terminal_text("\u{1b}[2J\u{202e}KSP"),
        "\\u{1b}[2J\\u{202e}KSP"
    );
    assert_eq!(markdown_cell("a|<b>`\nc"), "a\\|&lt;b&gt;\\`<br>c");
}

/// XLSX: hostile texts are text cells, never formulas (no formula in the written sheet).
#[cfg(all(feature = "xlsx", feature = "xlsx-write"))]
#[test]
fn xlsx_export_writes_no_formula() {
    use calamine::{Reader, Xlsx};
    use koperasi::io::export::{RawTable, export_xlsx};
    let hostile = [
        "=HYPERLINK(\"http://x\",\"klik\")",
        "=1+1",
        "@SUM(1+1)",
        "+1",
        "-1+1",
        "\t=1",
        "'=1+1",
    ];
    let t = RawTable {
        headers: vec!["=h".into(), "b".into()],
        rows: hostile
            .iter()
            .map(|h| vec![h.to_string(), "-5".into()])
            .collect(),
    };
    let bytes = export_xlsx(&t, "Data").unwrap();
    let mut wb: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
    let formulas = wb.worksheet_formula("Data").unwrap();
    assert!(formulas.used_cells().all(|(_, _, f)| f.is_empty()));
    let values = wb.worksheet_range("Data").unwrap();
    let texts: Vec<String> = values.rows().skip(1).map(|r| r[0].to_string()).collect();
    assert_eq!(texts, hostile);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn csv_form_never_starts_a_formula_and_reads_back(s in text()) {
        let t = neutralise_text(&s);
        prop_assert!(!t.starts_with(FORMULA_TRIGGERS), "{:?}", t);
        prop_assert!(!is_dangerous(&t), "{:?}", t);
        prop_assert!(!is_dangerous(&neutralise(&s)), "{:?}", s);
        prop_assert_eq!(unneutralise(t.into_owned()), s.clone());
        prop_assert_eq!(unneutralise(neutralise(&s).into_owned()), s);
    }

    #[test]
    fn terminal_form_has_no_control_or_bidi_character(s in text()) {
        let t = terminal_text(&s);
        prop_assert!(!t.chars().any(is_terminal_unsafe), "{:?}", t);
        prop_assert!(!t.chars().any(|c| c.is_control() && c != '\n'), "{:?}", t);
        // Nothing is dropped: every safe character is still there, in order.
        let mut shown = t.chars();
        for c in s.chars().filter(|c| !is_terminal_unsafe(*c)) {
            prop_assert!(shown.any(|x| x == c), "{:?} {:?}", s, t);
        }
    }

    #[test]
    fn markdown_cell_keeps_its_row(s in text()) {
        let m = markdown_cell(&s);
        prop_assert!(!m.contains(['\n', '\r']), "{:?}", m);
        prop_assert!(!m.replace("<br>", "").contains(['<', '>']), "{:?}", m);
        prop_assert!(!m.chars().any(is_terminal_unsafe), "{:?}", m);
        // Every `|` and backtick is preceded by an odd run of backslashes (escaped).
        let chars: Vec<char> = m.chars().collect();
        for (i, c) in chars.iter().enumerate() {
            if matches!(c, '|' | '`') {
                let run = chars[..i].iter().rev().take_while(|b| **b == '\\').count();
                prop_assert!(run % 2 == 1, "{:?}", m);
            }
        }
    }

    #[test]
    fn json_form_is_the_same_value(s in text()) {
        let raw = serde_json::to_string(&s).unwrap();
        let safe = json_text(&raw);
        prop_assert!(!safe.chars().any(is_terminal_unsafe), "{:?}", safe);
        prop_assert_eq!(serde_json::from_str::<String>(&safe).unwrap(), s);
    }
}
