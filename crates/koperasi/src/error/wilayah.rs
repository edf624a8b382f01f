/// A Kemendagri region code or name could not be resolved.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum WilayahError {
    /// The text is not a region code of the form `PP`, `PP.KK`, `PP.KK.CC` or `PP.KK.CC.DDDD`.
    #[error("`{value}` is not a Kemendagri region code (expected e.g. `64.71.01`)")]
    BadCode {
        /// The text as given.
        value: String,
    },
    /// No region of that name was found.
    #[error("no region named `{name}`")]
    NotFound {
        /// The name as given.
        name: String,
    },
    /// More than one region matches the name.
    #[error("`{name}` is ambiguous: {candidates:?}")]
    Ambiguous {
        /// The name as given.
        name: String,
        /// The matching regions, as `code name`.
        candidates: Vec<String>,
    },
    /// A region table (CSV `kode,nama,level`) is malformed.
    #[error("region table line {line}: {why}")]
    BadTable {
        /// 1-based line of the CSV text (0 when not known).
        line: u64,
        /// What is wrong with it.
        why: String,
    },
}

impl WilayahError {
    /// Stable code: `wilayah_bad_code`, `wilayah_not_found`, `wilayah_ambiguous`,
    /// `wilayah_bad_table`.
    pub fn code(&self) -> &'static str {
        match self {
            WilayahError::BadCode { .. } => "wilayah_bad_code",
            WilayahError::NotFound { .. } => "wilayah_not_found",
            WilayahError::Ambiguous { .. } => "wilayah_ambiguous",
            WilayahError::BadTable { .. } => "wilayah_bad_table",
        }
    }
}
