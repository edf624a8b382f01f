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
    /// A period label could not be read: it has no recognised shape, or it names a period
    /// that cannot exist (quarter outside 1..=4, month outside 1..=12, a day not in its month,
    /// a year outside 1900..=2100, a leading sign).
    #[error("`{value}` is not a period: {why}")]
    BadPeriod {
        /// The text as given.
        value: String,
        /// Why, e.g. "quarter 5 does not exist (1-4)", "day 30 does not exist in February
        /// 2021", or the expected shapes (`2021`, `2021-Q3`, `2021-03`, `2021-03-31`).
        why: String,
    },
    /// A period value built by hand that cannot exist (quarter outside 1..=4, month outside
    /// 1..=12, or a year outside 1900..=2100).
    #[error("`{value}` is not a valid period: {why}")]
    InvalidPeriod {
        /// The period as written (its `Debug` form when it has no canonical text).
        value: String,
        /// What is impossible about it.
        why: String,
    },
    /// A span in years given to a rate (e.g. CAGR) is zero, negative or not finite.
    #[error("{what} needs a finite positive number of years, got {years}")]
    NonPositiveYears {
        /// Which statistic (e.g. "CAGR").
        what: &'static str,
        /// The span as given, formatted.
        years: String,
    },
    /// A count that must not be negative is negative.
    #[error("{what} must not be negative, got {value}")]
    NegativeValue {
        /// Which value (e.g. "CAGR end value", "aktif").
        what: &'static str,
        /// The value.
        value: i64,
    },
    /// A part is larger than the total it belongs to (e.g. aktif > total).
    #[error("{what}: part {part} is larger than total {total}")]
    PartExceedsTotal {
        /// Which statistic (e.g. "active share").
        what: &'static str,
        /// The part.
        part: i64,
        /// The total.
        total: i64,
    },
    /// A statistic came out infinite or NaN (e.g. a CAGR over a span so short that the
    /// growth factor overflows `f64`).
    #[error("{what} is not a finite number: {why}")]
    NotFinite {
        /// Which statistic (e.g. "CAGR").
        what: &'static str,
        /// The inputs and why the result is not finite.
        why: String,
    },
    /// A parameter of a check or statistic is out of its allowed range.
    #[error("parameter `{name}` = {value} is invalid: {why}")]
    BadParameter {
        /// The parameter name as in the serialized parameters (e.g. `min_relative`).
        name: &'static str,
        /// The value as given, formatted.
        value: String,
        /// The allowed range.
        why: &'static str,
    },
}

impl StatsError {
    /// Stable code: `stats_non_positive_base`, `stats_empty_span`, `stats_bad_period`,
    /// `stats_invalid_period`, `stats_non_positive_years`, `stats_negative_value`,
    /// `stats_part_exceeds_total`, `stats_bad_parameter`, `stats_not_finite`.
    pub fn code(&self) -> &'static str {
        match self {
            StatsError::NonPositiveBase { .. } => "stats_non_positive_base",
            StatsError::EmptySpan { .. } => "stats_empty_span",
            StatsError::BadPeriod { .. } => "stats_bad_period",
            StatsError::InvalidPeriod { .. } => "stats_invalid_period",
            StatsError::NonPositiveYears { .. } => "stats_non_positive_years",
            StatsError::NegativeValue { .. } => "stats_negative_value",
            StatsError::PartExceedsTotal { .. } => "stats_part_exceeds_total",
            StatsError::BadParameter { .. } => "stats_bad_parameter",
            StatsError::NotFinite { .. } => "stats_not_finite",
        }
    }
}
