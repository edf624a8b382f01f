//! Read a file held in memory whatever it is: a workbook (XLSX, XLS, ODS: told apart by its
//! first bytes) or CSV text (see [`super::input`], the entry point of every caller).

use super::{ReadOptions, Table, read_input};
use crate::error::ReadError;

/// True when `bytes` start like a workbook: a zip archive (`PK`: XLSX, XLSM, XLSB, ODS) or an
/// OLE2 compound file (XLS).
pub(crate) fn looks_like_workbook(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK") || bytes.starts_with(&[0xd0, 0xcf, 0x11, 0xe0])
}

/// True when `bytes` start with the full signature of a zip archive (`PK\x03\x04`, or an
/// empty one) or of an OLE2 compound file: no CSV text starts so.
pub(crate) fn has_workbook_signature(bytes: &[u8]) -> bool {
    [
        &b"PK\x03\x04"[..],
        b"PK\x05\x06",
        &[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
    ]
    .iter()
    .any(|sig| bytes.starts_with(sig))
}

/// The error for a workbook given to a reader of text ([`super::read_any`] and the other CSV
/// readers), or to any reader when the crate is built without the `xlsx` feature:
/// [`ReadError::Workbook`] (code `read_workbook`) saying how to read it, never an attempt to
/// read zip bytes as CSV.
pub(crate) fn workbook_not_text() -> ReadError {
    let why = if cfg!(feature = "xlsx") {
        "this is a workbook (XLSX, XLS or ODS), not CSV text: read it with \
         koperasi::io::read_bytes or koperasi::io::xlsx::read_xlsx"
    } else {
        "this is a workbook (XLSX, XLS or ODS), and this build of koperasi reads CSV only: \
         enable the `xlsx` feature (koperasi = { version = \"0.1\", features = [\"xlsx\"] }), \
         or save the sheet as CSV"
    };
    ReadError::Workbook { why: why.into() }
}

/// Read `bytes` as a register or a panel: [`read_input`] on bytes held in memory (a workbook
/// told by its first bytes, with `sheet`, a name or a 1-based number, or the first sheet with
/// a header when `None`; feature `xlsx`; anything else as CSV through [`super::read_any`]).
///
/// Errors: those of [`read_input`]: [`ReadError::Workbook`] for a workbook when the crate is
/// built without the `xlsx` feature, and when `sheet` is given for CSV text (a CSV has no
/// sheets).
pub fn read_bytes(
    bytes: &[u8],
    sheet: Option<&str>,
    options: &ReadOptions,
) -> Result<Table, ReadError> {
    read_input(bytes, None, sheet, options)
}
