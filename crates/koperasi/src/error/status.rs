/// A status policy is invalid or unknown.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum PolicyError {
    /// No preset of that name.
    #[error("no status policy preset named `{name}` (known: {known})")]
    UnknownPreset {
        /// The name as given.
        name: String,
        /// The known preset names, comma separated.
        known: String,
    },
    /// The policy text could not be parsed.
    #[error("status policy could not be read: {why}")]
    Parse {
        /// The parser's message, with line and column when known.
        why: String,
    },
    /// A parameter has an impossible value.
    #[error("status policy field `{field}` is invalid: {why}")]
    Invalid {
        /// The field name.
        field: String,
        /// Why it is invalid.
        why: String,
    },
}

impl PolicyError {
    /// Stable code: `policy_unknown_preset`, `policy_parse`, `policy_invalid`.
    pub fn code(&self) -> &'static str {
        match self {
            PolicyError::UnknownPreset { .. } => "policy_unknown_preset",
            PolicyError::Parse { .. } => "policy_parse",
            PolicyError::Invalid { .. } => "policy_invalid",
        }
    }
}
