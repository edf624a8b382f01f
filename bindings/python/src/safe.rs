//! The core's output-safety rule ([`koperasi::io::safe`]) for Python code that writes CSV,
//! markdown or terminal text from koperasi results: the same rule the `koperasi` command uses.

use koperasi::io::safe::{self, CellKind};
use pyo3::prelude::*;

/// A cell made inert for CSV/XLSX: `'` before a leading `=`, `+`, `-`, `@`, tab or CR
/// (`numeric=True` keeps a plain negative number such as `-5`).
#[pyfunction]
#[pyo3(signature = (text, numeric=false))]
pub fn safe_csv_cell(text: &str, numeric: bool) -> String {
    let kind = if numeric {
        CellKind::Number
    } else {
        CellKind::Text
    };
    safe::csv_cell(text, kind).into_owned()
}

/// A markdown table cell: `\`, `|`, backticks escaped, `<` `>` as entities, line breaks as
/// `<br>`, control and bidi characters as visible escapes.
#[pyfunction]
pub fn safe_markdown_cell(text: &str) -> String {
    safe::markdown_cell(text).into_owned()
}

/// Terminal text: control characters (but the line feed) and bidi characters as visible
/// `\u{..}` escapes.
#[pyfunction]
pub fn safe_terminal_text(text: &str) -> String {
    safe::terminal_text(text).into_owned()
}
