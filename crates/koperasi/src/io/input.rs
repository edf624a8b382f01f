//! One entry point for every caller (the CLI, Python, JavaScript): read an input whatever it
//! is. A workbook (XLSX, XLSM, XLSB, XLS, ODS) is told from CSV text by its first bytes, or by
//! a workbook extension of its name; a workbook is read whole with `koperasi::io::xlsx` (feature
//! `xlsx`), CSV text is streamed through [`read_any`] (or the caller's CSV reader, see
//! [`open_input`]).

use super::bytes::has_workbook_signature;
use super::{Layout, ReadOptions, Table, io_error, read_any};
use crate::error::ReadError;
use std::io::{Chain, Cursor, Read};

/// File-name extensions of workbooks (case ignored): `xlsx`, `xlsm`, `xlsb`, `xls`, `ods`.
pub const WORKBOOK_EXTENSIONS: &[&str] = &["xlsx", "xlsm", "xlsb", "xls", "ods"];

/// How many bytes [`open_input`] looks at to tell a workbook: the 8 bytes of the OLE2 (XLS)
/// signature, which hold the 4 of a zip archive (`PK\x03\x04`).
const SIGNATURE_BYTES: u64 = 8;

/// True when `name` (a path or a file name) ends with one of [`WORKBOOK_EXTENSIONS`].
pub fn is_workbook_name(name: &str) -> bool {
    std::path::Path::new(name)
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| {
            WORKBOOK_EXTENSIONS
                .iter()
                .any(|w| w.eq_ignore_ascii_case(e))
        })
}

/// An input as [`open_input`] found it.
// One per input, matched at once by the caller: boxing the table would only cost the callers
// a `*` in each pattern.
#[allow(clippy::large_enum_variant)]
#[derive(Debug)]
pub enum Opened<R> {
    /// A workbook, read whole: a register or a panel with its read report.
    Table(Table),
    /// CSV text, not read yet: the bytes looked at, then the rest of the input.
    Text(Chain<Cursor<Vec<u8>>, R>),
}

/// Tell a workbook from CSV text and read the workbook. `name` (a path or file name, `None`
/// when unknown) says a workbook by its extension even when its bytes do not look like one
/// (the workbook reader then says what it found, e.g. text saved under an `.xlsx` name);
/// otherwise the first bytes decide (a zip archive or an OLE2 compound file). `sheet` (a name
/// or a 1-based number) is for workbooks; `None` takes the first sheet with a header. CSV text
/// is handed back unread, to be streamed by [`read_any`] or another CSV reader.
///
/// Errors: [`ReadError::Io`] when the input cannot be read; [`ReadError::Workbook`] when
/// `sheet` is given for CSV text, or for a workbook when the crate is built without the `xlsx`
/// feature; [`ReadError::LimitExceeded`] (`max_input_bytes`) for a workbook larger than
/// `options.limits`; those of `koperasi::io::xlsx::read_xlsx` for a workbook.
pub fn open_input<R: Read>(
    mut input: R,
    name: Option<&str>,
    sheet: Option<&str>,
    options: &ReadOptions,
) -> Result<Opened<R>, ReadError> {
    let mut head = Vec::new();
    (&mut input)
        .take(SIGNATURE_BYTES)
        .read_to_end(&mut head)
        .map_err(|e| io_error(&e))?;
    if has_workbook_signature(&head) || name.is_some_and(is_workbook_name) {
        // One byte past the cap, so that the workbook reader sees the input is too large.
        let cap = options.limits.max_input_bytes.saturating_add(1);
        input
            .take(cap.saturating_sub(head.len() as u64))
            .read_to_end(&mut head)
            .map_err(|e| io_error(&e))?;
        return read_workbook(&head, sheet, options).map(Opened::Table);
    }
    if let Some(sheet) = sheet {
        return Err(ReadError::Workbook {
            why: format!("a sheet (`{sheet}`) was asked for, but this is CSV text, not a workbook"),
        });
    }
    Ok(Opened::Text(Cursor::new(head).chain(input)))
}

/// Read a register or a panel from any input: a workbook or CSV text as [`open_input`] tells
/// them apart, CSV through [`read_any`] (the delimiter guessed when not given).
///
/// Errors: those of [`open_input`] and [`read_any`].
pub fn read_input<R: Read>(
    input: R,
    name: Option<&str>,
    sheet: Option<&str>,
    options: &ReadOptions,
) -> Result<Table, ReadError> {
    match open_input(input, name, sheet, options)? {
        Opened::Table(t) => Ok(t),
        Opened::Text(text) => read_any(text, options),
    }
}

/// [`read_input`] as one `layout` (`None`: told apart, as [`read_input`] does): CSV text is
/// read as that layout whatever its header ([`super::read_register`], [`super::read_panel`]).
///
/// Errors: those of [`read_input`]; [`ReadError::UnknownLayout`] for a workbook whose sheet
/// has the other layout, naming the reader to use.
pub fn read_input_as<R: Read>(
    input: R,
    name: Option<&str>,
    sheet: Option<&str>,
    layout: Option<Layout>,
    options: &ReadOptions,
) -> Result<Table, ReadError> {
    let Some(layout) = layout else {
        return read_input(input, name, sheet, options);
    };
    let other = |wanted: &str, found: &str| ReadError::UnknownLayout {
        why: format!(
            "the sheet is a {found}, not a {wanted}; read it as a {found} (read_{found}), or with the reader that tells registers and panels apart (read_any, readAny)"
        ),
    };
    match (open_input(input, name, sheet, options)?, layout) {
        (Opened::Table(Table::Panel(..)), Layout::Register) => Err(other("register", "panel")),
        (Opened::Table(Table::Register(..)), Layout::Panel) => Err(other("panel", "register")),
        (Opened::Table(t), _) => Ok(t),
        (Opened::Text(text), Layout::Register) => {
            super::read_register(text, options).map(|(r, report)| Table::Register(r, report))
        }
        (Opened::Text(text), Layout::Panel) => {
            super::read_panel(text, options).map(|(p, report)| Table::Panel(p, report))
        }
    }
}

/// A workbook's bytes read as a register or a panel (`koperasi::io::xlsx::read_xlsx`), or the
/// error saying this build reads CSV only.
fn read_workbook(
    bytes: &[u8],
    sheet: Option<&str>,
    options: &ReadOptions,
) -> Result<Table, ReadError> {
    #[cfg(feature = "xlsx")]
    {
        super::xlsx::read_xlsx(bytes, sheet, options)
    }
    #[cfg(not(feature = "xlsx"))]
    {
        let _ = (bytes, sheet, options);
        Err(super::bytes::workbook_not_text())
    }
}

/// Read a table already split into cells (a DataFrame or an Arrow table handed over by a
/// binding: `headers`, `rows` data rows, `cell(row, column)`) as `layout`, or, when `None`, as
/// [`super::detect_layout`] tells from `headers`: by [`super::read_register_cells`] or
/// [`super::read_panel_cells`] (row `r` is line `r + 2`).
///
/// Errors: those of [`super::detect_layout`] ([`ReadError::UnknownLayout`]) and of the reader.
pub fn read_cells<'a>(
    headers: &[String],
    rows: usize,
    cell: impl Fn(usize, usize) -> &'a str,
    layout: Option<Layout>,
    options: &ReadOptions,
) -> Result<Table, ReadError> {
    let layout = match layout {
        Some(l) => l,
        None => super::detect_layout(headers, options)?,
    };
    Ok(match layout {
        Layout::Register => {
            let (r, report) = super::read_register_cells(headers, rows, cell, options)?;
            Table::Register(r, report)
        }
        Layout::Panel => {
            let (p, report) = super::read_panel_cells(headers, rows, cell, options)?;
            Table::Panel(p, report)
        }
    })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::panic)]
    use super::*;

    #[test]
    fn workbook_names_are_told_by_extension_whatever_the_case() {
        assert!(is_workbook_name("data/Koperasi 2024.XLSX"));
        assert!(is_workbook_name("a.ods"));
        assert!(!is_workbook_name("a.csv"));
        assert!(!is_workbook_name("xlsx"));
    }

    #[test]
    fn csv_text_comes_back_whole_and_unread() {
        let csv = "nama_koperasi,kecamatan\nKSP Maju,Bogor Tengah\n";
        let Opened::Text(mut r) =
            open_input(csv.as_bytes(), None, None, &ReadOptions::default()).unwrap()
        else {
            panic!("CSV read as a workbook")
        };
        let mut back = String::new();
        r.read_to_string(&mut back).unwrap();
        assert_eq!(back, csv);
    }

    #[test]
    fn a_sheet_of_csv_text_is_an_error() {
        let e = read_input(
            b"a,b\n1,2\n".as_slice(),
            Some("x.csv"),
            Some("Data"),
            &ReadOptions::default(),
        )
        .unwrap_err();
        assert_eq!(e.code(), "read_workbook");
        assert!(e.to_string().contains("`Data`"), "{e}");
    }
}
