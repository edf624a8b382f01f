/// A statistic cannot be computed from the given figures.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum StatsError {
    /// A growth rate needs a positive base.
    #[error("{what} needs a positive base, got {base}")]
    NonPositiveBase {
        /// Which statistic (e.g. "CAGR").
        what: &'static str,
        /// The base value.
        base: i64,
    },
    /// The span between two periods is empty or negative.
    #[error("empty span from {from} to {to}")]
    EmptySpan {
        /// Start period.
        from: String,
        /// End period.
        to: String,
    },
    /// A period label could not be read.
    #[error("`{value}` is not a period (expected `2021`, `2021-Q3`, `2021-03` or `2021-03-31`)")]
    BadPeriod {
        /// The text as given.
        value: String,
    },
}

impl StatsError {
    /// Stable code: `stats_non_positive_base`, `stats_empty_span`, `stats_bad_period`.
    pub fn code(&self) -> &'static str {
        match self {
            StatsError::NonPositiveBase { .. } => "stats_non_positive_base",
            StatsError::EmptySpan { .. } => "stats_empty_span",
            StatsError::BadPeriod { .. } => "stats_bad_period",
        }
    }
}
