/// A file could not be read at all (as opposed to single rows, which are rejected and reported
/// in a [`crate::io::ReadReport`]).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ReadError {
    /// The CSV structure is broken (e.g. unterminated quote); `line` is 1-based.
    #[error("CSV error at line {line}: {why}")]
    Csv {
        /// 1-based line number where the problem was found (0 when unknown).
        line: u64,
        /// The CSV parser's message.
        why: String,
    },
    /// The file has no header row.
    #[error("the file is empty: no header row")]
    Empty,
    /// The header lacks a column the chosen layout needs.
    #[error(
        "no column for `{field}` in the header (looked for: {looked_for}); columns found: {found}"
    )]
    MissingColumn {
        /// The field that is needed.
        field: String,
        /// The header names that would have been recognised, comma separated.
        looked_for: String,
        /// The header as found, comma separated.
        found: String,
    },
    /// The header fits neither a register (one row per coop) nor a panel (counts per region and period).
    #[error("cannot tell what this file is: {why}")]
    UnknownLayout {
        /// What was looked for.
        why: String,
    },
    /// An explicit column mapping names a column that does not exist.
    #[error("column mapping: no column `{column}` in the header (for field `{field}`)")]
    BadMapping {
        /// The field being mapped.
        field: String,
        /// The column named by the mapping.
        column: String,
    },
    /// An explicit column mapping names a field the reader does not have.
    #[error("column mapping: no field `{field}` (fields: {known})")]
    UnknownField {
        /// The field named by the mapping.
        field: String,
        /// The fields of the reader, comma separated.
        known: String,
    },
    /// An explicit column mapping contradicts itself.
    #[error("column mapping: {why}")]
    ConflictingMapping {
        /// What conflicts.
        why: String,
    },
    /// I/O failure from the underlying reader.
    #[error("read failed: {why}")]
    Io {
        /// The operating system's message.
        why: String,
    },
    /// A cap of [`crate::io::ReadLimits`] was exceeded: the file is refused rather than read
    /// in part.
    #[error(
        "the file exceeds the limit `{limit}`: found {found}, at most {max} allowed{}; \
         raise the limit in the read options if the file is genuine",
        limit_place(.line, .sheet, .cell)
    )]
    LimitExceeded {
        /// Which limit: `max_field_bytes`, `max_rows`, `max_input_bytes`,
        /// `max_decompressed_bytes`, `max_cells` or `max_nesting`.
        limit: String,
        /// The value found (bytes, rows, cells or depth).
        found: u64,
        /// The cap in force.
        max: u64,
        /// 1-based line (or sheet row) where it was exceeded; 0 when the limit is about the
        /// whole file (`max_input_bytes`), which the message then says.
        line: u64,
        /// In a workbook: the sheet's name; for a part of the workbook that is no sheet, its
        /// path inside the file (`xl/sharedStrings.xml`). `None` for a CSV or JSON input.
        sheet: Option<String>,
        /// In a workbook: the reference of the cell where it was exceeded (`XFD1048576`), when
        /// tied to a cell.
        cell: Option<String>,
    },
    /// The workbook (XLSX/ODS) could not be opened or its sheet could not be read.
    #[error("cannot read the workbook: {why}")]
    Workbook {
        /// The spreadsheet reader's message.
        why: String,
    },
    /// The workbook has no sheet of that name.
    #[error("no sheet `{sheet}` in the workbook; sheets: {available}")]
    NoSuchSheet {
        /// The sheet asked for.
        sheet: String,
        /// The workbook's sheet names, comma separated.
        available: String,
    },
}

impl ReadError {
    /// Stable code: `read_csv`, `read_empty`, `read_missing_column`, `read_unknown_layout`,
    /// `read_bad_mapping`, `read_unknown_field`, `read_conflicting_mapping`, `read_io`,
    /// `read_limit_exceeded`, `read_workbook`, `read_no_such_sheet`.
    pub fn code(&self) -> &'static str {
        match self {
            ReadError::Csv { .. } => "read_csv",
            ReadError::Empty => "read_empty",
            ReadError::MissingColumn { .. } => "read_missing_column",
            ReadError::UnknownLayout { .. } => "read_unknown_layout",
            ReadError::BadMapping { .. } => "read_bad_mapping",
            ReadError::UnknownField { .. } => "read_unknown_field",
            ReadError::ConflictingMapping { .. } => "read_conflicting_mapping",
            ReadError::Io { .. } => "read_io",
            ReadError::LimitExceeded { .. } => "read_limit_exceeded",
            ReadError::Workbook { .. } => "read_workbook",
            ReadError::NoSuchSheet { .. } => "read_no_such_sheet",
        }
    }
}

/// An export (CSV or XLSX) could not be written.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ExportError {
    /// A cell is longer than the format allows (XLSX: 32,767 characters per cell).
    #[error(
        "row {row}, column `{column}`: {chars} characters, more than the {max} an XLSX cell holds"
    )]
    CellTooLong {
        /// 1-based row of the table (the header is row 1).
        row: u64,
        /// The column header.
        column: String,
        /// Length of the cell in characters.
        chars: usize,
        /// The format's maximum.
        max: usize,
    },
    /// The table is larger than the format allows (XLSX: 1,048,576 rows, 16,384 columns).
    #[error("{why}")]
    TooLarge {
        /// Which dimension and its limit.
        why: String,
    },
    /// The writer failed (I/O or the spreadsheet writer's own error).
    #[error("export failed: {why}")]
    Write {
        /// The underlying message.
        why: String,
    },
}

impl ExportError {
    /// Stable code: `export_cell_too_long`, `export_too_large`, `export_write`.
    pub fn code(&self) -> &'static str {
        match self {
            ExportError::CellTooLong { .. } => "export_cell_too_long",
            ExportError::TooLarge { .. } => "export_too_large",
            ExportError::Write { .. } => "export_write",
        }
    }
}

/// Where a limit was exceeded, as the end of [`ReadError::LimitExceeded`]'s message:
/// ` (sheet `Data`, cell XFD1048576)`, ` (sheet `Data`, row 7)`, ` (in xl/sharedStrings.xml)`,
/// ` (line 7)`, or ` (the whole file)` when the limit is not tied to a place.
fn limit_place(line: &u64, sheet: &Option<String>, cell: &Option<String>) -> String {
    // Sheet names cannot hold `/`; a workbook part's path always does.
    let part = |s: &str| s.contains('/');
    match (sheet.as_deref(), cell.as_deref(), *line) {
        (Some(s), _, _) if part(s) => format!(" (in {s})"),
        (Some(s), Some(c), _) => format!(" (sheet `{s}`, cell {c})"),
        (Some(s), None, 0) => format!(" (sheet `{s}`)"),
        (Some(s), None, l) => format!(" (sheet `{s}`, row {l})"),
        (None, _, 0) => " (the whole file)".to_string(),
        (None, _, l) => format!(" (line {l})"),
    }
}
