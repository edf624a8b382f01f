/// A date string could not be read as an Indonesian or ISO date.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum DateError {
    /// Nothing that looks like a date was found in the text.
    #[error(
        "`{value}` is not a date (expected e.g. `1 Februari 2025`, `01/02/2025` or `2025-02-01`)"
    )]
    Unrecognised {
        /// The text as given.
        value: String,
    },
    /// The text has the shape of a date but names a day that does not exist, a year outside
    /// 1900..=2100 or not written with 4 digits, a missing year or day, or a weekday that
    /// does not match the date.
    #[error("`{value}` is not a real date: {why}")]
    Invalid {
        /// The text as given.
        value: String,
        /// What is impossible about it (e.g. "day 31 does not exist in February 2024").
        why: String,
    },
}

impl DateError {
    /// Stable code: `date_unrecognised` or `date_invalid`.
    pub fn code(&self) -> &'static str {
        match self {
            DateError::Unrecognised { .. } => "date_unrecognised",
            DateError::Invalid { .. } => "date_invalid",
        }
    }
}

/// A number or money string could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum NumberError {
    /// Not a number at all (including `nan`, `inf`, `-`, an empty string, letters, or an
    /// unknown word after the digits such as `1.500 unit`).
    #[error(
        "`{value}` is not a number (expected the Indonesian convention, `.` for thousands and `,` for decimals, e.g. `1.234.567,89`, `15 jt`, `Rp 5.000.000,-`)"
    )]
    NotANumber {
        /// The text as given.
        value: String,
    },
    /// The separators mix conventions so that the value cannot be decided, or the text reads
    /// as two numbers (`1,500`: 1.5 with a decimal comma, 1500 with a decimal point) and the
    /// file's decimal mark does not settle it ([`crate::locale::DecimalMark`]).
    #[error("`{value}` is ambiguous: {why}")]
    Ambiguous {
        /// The text as given.
        value: String,
        /// Why it cannot be decided.
        why: String,
    },
    /// The value does not fit the target type (too many digits, above `i64::MAX` sen, a
    /// negative count, a scale factor that overflows).
    #[error("`{value}` is out of range: {why}")]
    OutOfRange {
        /// The text as given.
        value: String,
        /// The limit that was passed.
        why: String,
    },
    /// The value is a well-formed number, but it has a fractional part the target type cannot
    /// hold exactly: a count that is not whole (`9,7`), or an amount with a fraction of a sen
    /// (`Rp 0,125`). Never rounded silently.
    #[error("`{value}` cannot be represented exactly: {why}")]
    Inexact {
        /// The text as given.
        value: String,
        /// What would be lost.
        why: String,
    },
}

impl NumberError {
    /// Stable code: `number_not_a_number`, `number_ambiguous`, `number_out_of_range` or
    /// `number_inexact`.
    pub fn code(&self) -> &'static str {
        match self {
            NumberError::NotANumber { .. } => "number_not_a_number",
            NumberError::Ambiguous { .. } => "number_ambiguous",
            NumberError::OutOfRange { .. } => "number_out_of_range",
            NumberError::Inexact { .. } => "number_inexact",
        }
    }
}
