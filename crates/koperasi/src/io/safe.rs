//! Output safety: the one rule every writer of this project applies to text that came from a
//! file (names, ids, regions, notes, unknown columns) before it reaches a spreadsheet, a
//! markdown page or a terminal. The CLI, the exports of [`super::export`] and the Python and
//! JavaScript bindings all call these functions; nothing else escapes output.
//!
//! **CSV and XLSX cells (formula injection, OWASP "CSV Injection").** A spreadsheet program
//! runs a cell that begins with `=`, `+`, `-` or `@` as a formula
//! (`=HYPERLINK("http://…","klik")`, `=cmd|' /C calc'!A0`), and a tab or carriage return in
//! front can hide such a prefix ([`FORMULA_TRIGGERS`]). Such a cell gets the prefix `'`
//! ([`CSV_ESCAPE`]), which spreadsheet programs take as "text follows":
//! - a **text** cell ([`CellKind::Text`]: ids, names, regions, reasons) gets it whenever it
//!   begins with a trigger, `-5` included ([`neutralise_text`]);
//! - a **number** cell ([`CellKind::Number`]), and a cell of unknown type (a file's own
//!   columns, kept as found), keeps a plain negative number as it is (`-5`, `-1.500`, `-9,7`:
//!   a number, not a formula) and gets the prefix for anything else that begins with a trigger
//!   ([`neutralise`]);
//! - a cell that already begins with `'` followed by a trigger or another `'` gets a second
//!   `'`, so that the readers of this crate, which remove one `'` before those characters
//!   ([`unneutralise`], applied to every cell read), give back the original text exactly:
//!   a register cell `'=1+1` is read as `=1+1` and written out again as `'=1+1`, never live.
//!
//! In XLSX every text is written as a text cell (never a formula), with the "quote prefix"
//! style on the cells [`is_dangerous`] names (`koperasi::io::export::export_xlsx`, feature `xlsx-write`).
//!
//! **Markdown cells and text** ([`markdown_cell`], [`markdown_text`]). `\`, `|` and backticks
//! are escaped with a backslash (`\\`, `\|`, `` \` ``), `<` and `>` become `&lt;` and `&gt;`
//! (no HTML from a file is ever live), and in a table cell each line break (`\r\n`, `\n`,
//! `\r`) becomes `<br>`, so a cell cannot end its row or its table. The terminal rule below is
//! applied as well (markdown is read in terminals too).
//!
//! **Terminal text** ([`terminal_text`]). Every control character (C0, DEL, C1) except the
//! line feed `\n` that the layout itself uses, and every bidirectional formatting character
//! (U+061C, U+200E, U+200F, U+202A-U+202E, U+2066-U+2069, [`is_terminal_unsafe`]), is written
//! as its visible escape `\u{..}` (ESC becomes `\u{1b}`, U+202E becomes `\u{202e}`), so a
//! value cannot move the cursor, clear the screen, set the window title or reorder what the
//! terminal shows. A tab is escaped too (`\u{9}`): it would break a table's alignment.
//!
//! **JSON** ([`json_text`]) stays exact JSON: the same characters are written as JSON escapes
//! (`\u001b`, `\u202e`), which parse back to the very same string.

use std::borrow::Cow;

/// Characters that make a spreadsheet program read a cell as a formula (or hide such a
/// prefix): `=`, `+`, `-`, `@`, tab, carriage return.
pub const FORMULA_TRIGGERS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// The prefix that makes a dangerous cell inert: an apostrophe, "text follows".
pub const CSV_ESCAPE: char = '\'';

/// What a CSV cell holds, which decides how a leading `-` is treated ([`csv_cell`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CellKind {
    /// Text (ids, names, regions, codes, reasons): any leading trigger gets the prefix, `-5`
    /// included.
    Text,
    /// A number, or a value of unknown type (a file's own column): a plain negative number
    /// (`-5`, `-1.500`, `-9,7`) stays a number; anything else with a leading trigger gets the
    /// prefix.
    Number,
}

/// True for a plain negative number in either convention (`-5`, `-1.500`, `-9,7`, `-0.25`):
/// a `-`, a digit, then only digits, `.` and `,`. Such a cell is a number, not a formula.
fn is_negative_number(s: &str) -> bool {
    let Some(rest) = s.strip_prefix('-') else {
        return false;
    };
    rest.starts_with(|c: char| c.is_ascii_digit())
        && rest
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
}

/// True when a spreadsheet program would run `s` as a formula (it begins with `=`, `+`, `-`,
/// `@`, a tab or a carriage return) and it is not a plain negative number.
pub fn is_dangerous(s: &str) -> bool {
    s.starts_with(FORMULA_TRIGGERS) && !is_negative_number(s)
}

/// `'` followed by a trigger character or another `'`: a cell the escape was put in front of.
fn is_escaped(s: &str) -> bool {
    s.strip_prefix(CSV_ESCAPE)
        .is_some_and(|r| r.starts_with(FORMULA_TRIGGERS) || r.starts_with(CSV_ESCAPE))
}

/// Make a cell inert for CSV and XLSX by the rule of `kind` (see the module documentation).
/// Cells that need nothing are borrowed, not copied.
///
/// `csv_cell("=1+1", Text)` is `'=1+1`; `csv_cell("-5", Number)` is `-5`;
/// `csv_cell("-5", Text)` is `'-5`; `csv_cell("'=1+1", _)` is `''=1+1`.
pub fn csv_cell(s: &str, kind: CellKind) -> Cow<'_, str> {
    let live = match kind {
        CellKind::Text => s.starts_with(FORMULA_TRIGGERS),
        CellKind::Number => is_dangerous(s),
    };
    if live || is_escaped(s) {
        Cow::Owned(format!("{CSV_ESCAPE}{s}"))
    } else {
        Cow::Borrowed(s)
    }
}

/// [`csv_cell`] for a number cell or a cell of unknown type ([`CellKind::Number`]):
/// `=HYPERLINK("http://x","klik")` gives `'=HYPERLINK("http://x","klik")`; `-5` stays `-5`.
pub fn neutralise(s: &str) -> Cow<'_, str> {
    csv_cell(s, CellKind::Number)
}

/// [`csv_cell`] for a text cell ([`CellKind::Text`]): `-5` gives `'-5`, `=1+1` gives `'=1+1`.
pub fn neutralise_text(s: &str) -> Cow<'_, str> {
    csv_cell(s, CellKind::Text)
}

/// Undo [`csv_cell`]: remove one leading `'` when it is followed by `=`, `+`, `-`, `@`, tab,
/// carriage return or `'`. The readers of this crate apply it to every cell.
pub fn unneutralise(s: String) -> String {
    if is_escaped(&s) {
        s.get(1..).map(str::to_string).unwrap_or(s)
    } else {
        s
    }
}

/// True for a character that must not reach a terminal raw: a control character (C0, DEL,
/// C1) other than the line feed, or a bidirectional formatting character (U+061C, U+200E,
/// U+200F, U+202A-U+202E, U+2066-U+2069).
pub fn is_terminal_unsafe(c: char) -> bool {
    (c.is_control() && c != '\n')
        || matches!(
            c,
            '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
        )
}

/// `text` with every [`is_terminal_unsafe`] character written as its visible escape `\u{..}`
/// (ESC is `\u{1b}`). Text that needs nothing is borrowed, not copied.
pub fn terminal_text(text: &str) -> Cow<'_, str> {
    if !text.contains(is_terminal_unsafe) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if is_terminal_unsafe(c) {
            out.extend(c.escape_unicode());
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// JSON text (as `serde_json` writes it) with every [`is_terminal_unsafe`] character written
/// as a JSON escape (`\u001b`, `\u202e`). Those characters occur only inside JSON strings, so
/// the result parses to exactly the same value.
pub fn json_text(json: &str) -> Cow<'_, str> {
    if !json.contains(is_terminal_unsafe) {
        return Cow::Borrowed(json);
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if is_terminal_unsafe(c) {
            // Every such character is in the Basic Multilingual Plane: one `\uXXXX`.
            out.push_str(&format!("\\u{:04x}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Markdown escapes of one character, or `None` for a character kept as it is.
fn markdown_escape(c: char) -> Option<&'static str> {
    match c {
        '\\' => Some("\\\\"),
        '|' => Some("\\|"),
        '`' => Some("\\`"),
        '<' => Some("&lt;"),
        '>' => Some("&gt;"),
        _ => None,
    }
}

/// `text` for a markdown paragraph: `\`, `|`, backticks, `<` and `>` escaped, then the
/// terminal rule ([`terminal_text`]); line breaks are kept.
pub fn markdown_text(text: &str) -> Cow<'_, str> {
    let needs = |c: char| markdown_escape(c).is_some() || is_terminal_unsafe(c);
    if !text.contains(needs) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match markdown_escape(c) {
            Some(e) => out.push_str(e),
            None => out.push(c),
        }
    }
    Cow::Owned(terminal_text(&out).into_owned())
}

/// `text` for a markdown table cell: [`markdown_text`], with each line break (`\r\n`, `\n`,
/// `\r`) written as `<br>` so that the cell stays on its row.
pub fn markdown_cell(text: &str) -> Cow<'_, str> {
    if !text.contains(['\n', '\r']) {
        return markdown_text(text);
    }
    let lines: Vec<Cow<'_, str>> = text
        .split("\r\n")
        .flat_map(|l| l.split(['\n', '\r']))
        .map(markdown_text)
        .collect();
    Cow::Owned(lines.join("<br>"))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn csv_cells_by_kind() {
        let cases = [
            ("=1+1", "'=1+1", "'=1+1"),
            ("@SUM(1+1)", "'@SUM(1+1)", "'@SUM(1+1)"),
            ("+62812", "'+62812", "'+62812"),
            ("\t=1", "'\t=1", "'\t=1"),
            ("\r=1", "'\r=1", "'\r=1"),
            ("-5", "'-5", "-5"),
            ("-1.500", "'-1.500", "-1.500"),
            ("-2+3", "'-2+3", "'-2+3"),
            ("'=1+1", "''=1+1", "''=1+1"),
            ("''", "'''", "'''"),
            ("'Koperasi", "'Koperasi", "'Koperasi"),
            ("KSP Maju", "KSP Maju", "KSP Maju"),
            ("", "", ""),
        ];
        for (s, text, number) in cases {
            assert_eq!(neutralise_text(s), text, "{s:?}");
            assert_eq!(neutralise(s), number, "{s:?}");
            assert_eq!(unneutralise(text.to_string()), s, "{s:?}");
            assert_eq!(unneutralise(number.to_string()), s, "{s:?}");
        }
    }

    #[test]
    fn terminal_text_escapes_controls_and_bidi() {
        assert_eq!(terminal_text("\u{1b}[2JKop"), "\\u{1b}[2JKop");
        assert_eq!(terminal_text("a\u{202e}b"), "a\\u{202e}b");
        assert_eq!(terminal_text("a\u{200f}\u{2066}b"), "a\\u{200f}\\u{2066}b");
        assert_eq!(terminal_text("a\tb\rc\u{9b}d"), "a\\u{9}b\\u{d}c\\u{9b}d");
        assert_eq!(terminal_text("line\nnext é"), "line\nnext é");
        assert!(matches!(terminal_text("KSP Maju"), Cow::Borrowed(_)));
    }

    #[test]
    fn json_text_stays_the_same_json() {
        let v = serde_json::json!({ "name": "a\u{1b}[2J\u{202e}b\u{7f}\u{85}" });
        let raw = serde_json::to_string(&v).unwrap();
        let safe = json_text(&raw);
        assert!(!safe.contains(is_terminal_unsafe), "{safe}");
        assert_eq!(serde_json::from_str::<serde_json::Value>(&safe).unwrap(), v);
        assert_eq!(safe, r#"{"name":"a\u001b[2J\u202eb\u007f\u0085"}"#);
    }

    #[test]
    fn markdown_cells_cannot_break_the_table() {
        assert_eq!(markdown_cell("a|b"), "a\\|b");
        assert_eq!(markdown_cell("a\\|b"), "a\\\\\\|b");
        assert_eq!(
            markdown_cell("<script>x</script>"),
            "&lt;script&gt;x&lt;/script&gt;"
        );
        assert_eq!(markdown_cell("`code`"), "\\`code\\`");
        assert_eq!(markdown_cell("a\r\nb\nc\rd"), "a<br>b<br>c<br>d");
        assert_eq!(markdown_cell("\u{1b}[2J"), "\\u{1b}[2J");
        assert_eq!(markdown_text("a\nb|c"), "a\nb\\|c");
        assert!(matches!(
            markdown_cell("KSP Maju 1.500,5"),
            Cow::Borrowed(_)
        ));
    }
}
