//! Reading the files people really have, and reporting every row that could not be read.
//!
//! Readers take any [`std::io::Read`] and return the records they could read together with a
//! [`ReadReport`]: every rejected row with its 1-based line, the column, the value and why.
//! The invariant `accepted + rejected = rows_read` always holds. Columns the reader does not
//! know are kept (in each record's `extra`) and listed in the report.

pub mod headers;
pub mod panel;
pub mod register;

use serde::{Deserialize, Serialize};

pub use panel::read_panel;
pub use register::read_register;

/// A row (or a cell) that could not be read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rejection {
    /// 1-based line of the file where the row starts (the header is line 1).
    pub line: u64,
    /// The column header, when the problem is in one cell.
    pub column: Option<String>,
    /// The cell's text as found, when the problem is in one cell.
    pub value: Option<String>,
    /// Stable snake_case code of the problem, e.g. `date_invalid`, `missing_name`.
    pub code: String,
    /// Why, in words.
    pub reason: String,
}

/// What a reader did with a file.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReadReport {
    /// Data rows read (header excluded, blank lines excluded).
    pub rows_read: u64,
    /// Rows turned into records.
    pub accepted: u64,
    /// Rows not turned into records, each with where and why. `accepted + rejected.len() == rows_read`.
    pub rejected: Vec<Rejection>,
    /// Cells of accepted rows that could not be read: the row was kept, the field left unknown,
    /// and the raw text kept in the record's `extra` under its header.
    pub cell_errors: Vec<Rejection>,
    /// How each header column was understood: (header as found, field name or `None` when kept
    /// as an unknown column).
    pub columns: Vec<(String, Option<String>)>,
}

impl ReadReport {
    /// Headers that no field recognised (kept as extra columns).
    pub fn unknown_columns(&self) -> Vec<&str> {
        self.columns
            .iter()
            .filter(|(_, f)| f.is_none())
            .map(|(h, _)| h.as_str())
            .collect()
    }
}

/// Options shared by readers.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReadOptions {
    /// Explicit column mapping: (field name, header as in the file). Overrides recognition.
    /// Field names are those listed by the reader (e.g. `name`, `nomor_badan_hukum`,
    /// `kecamatan`; `region`, `period`, `aktif`, `tidak_aktif`, `total`).
    pub mapping: Vec<(String, String)>,
    /// Field delimiter; `None` means `,`.
    pub delimiter: Option<u8>,
}

/// What kind of table a file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Layout {
    /// One row per cooperative.
    Register,
    /// Published counts per region and period.
    Panel,
}
