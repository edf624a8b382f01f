/// An identifier is malformed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum IdentityError {
    /// The Nomor Induk Koperasi is not made of digits of an accepted length.
    #[error("`{value}` is not a Nomor Induk Koperasi: {why}")]
    BadNik {
        /// The text as given.
        value: String,
        /// Why it was refused.
        why: String,
    },
    /// The NIB (Nomor Induk Berusaha) is not 13 digits.
    #[error("`{value}` is not a NIB (13 digits expected)")]
    BadNib {
        /// The text as given.
        value: String,
    },
}

impl IdentityError {
    /// Stable code: `identity_bad_nik`, `identity_bad_nib`.
    pub fn code(&self) -> &'static str {
        match self {
            IdentityError::BadNik { .. } => "identity_bad_nik",
            IdentityError::BadNib { .. } => "identity_bad_nib",
        }
    }
}
