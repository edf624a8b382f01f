//! Where a command's output goes: standard output, or the file of `-o FILE`. Text is made safe
//! the same way in both ([`crate::render::safe_output`]); binary output (XLSX) is never written
//! to a terminal: it needs `-o`.

use crate::Failure;
use std::path::Path;

/// Write `bytes` to `path`, saying which file could not be written and why.
pub fn write_file(path: &Path, bytes: &[u8]) -> Result<(), Failure> {
    std::fs::write(path, bytes).map_err(|e| {
        Failure(format!(
            "cannot write {}: {e}; check the path",
            path.display()
        ))
    })
}

/// A text output (JSON when `json`) to `path`, or to standard output.
pub fn text(out: &str, json: bool, path: Option<&Path>) -> Result<(), Failure> {
    match path {
        Some(p) => write_file(p, crate::render::safe_output(out, json).as_bytes()),
        None => {
            crate::render::print_safe(out, json);
            Ok(())
        }
    }
}

/// A binary output (a workbook) to `path`; without `-o` it is refused.
pub fn binary(bytes: &[u8], path: Option<&Path>) -> Result<(), Failure> {
    match path {
        Some(p) => write_file(p, bytes),
        None => Err(Failure(
            "--format xlsx writes a workbook, not text: give the file with -o, e.g. -o laporan.xlsx"
                .into(),
        )),
    }
}
