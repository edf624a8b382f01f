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
}

impl ReadError {
    /// Stable code: `read_csv`, `read_empty`, `read_missing_column`, `read_unknown_layout`,
    /// `read_bad_mapping`, `read_unknown_field`, `read_conflicting_mapping`, `read_io`.
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
        }
    }
}
