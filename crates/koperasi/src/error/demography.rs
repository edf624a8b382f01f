/// A demography statistic cannot be computed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum DemographyError {
    /// The span of years or dates is empty.
    #[error("empty span from {from} to {to}")]
    EmptySpan {
        /// Start.
        from: String,
        /// End.
        to: String,
    },
}

impl DemographyError {
    /// The stable snake_case code of this error.
    pub fn code(&self) -> &'static str {
        match self {
            DemographyError::EmptySpan { .. } => "demography_empty_span",
        }
    }
}
