/// Money arithmetic failed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum MoneyError {
    /// The result does not fit in an `i64` number of sen.
    #[error("amount overflow in {operation}")]
    Overflow {
        /// The operation that overflowed (e.g. "add").
        operation: &'static str,
    },
}

impl MoneyError {
    /// Stable code: `money_overflow`.
    pub fn code(&self) -> &'static str {
        match self {
            MoneyError::Overflow { .. } => "money_overflow",
        }
    }
}
