/// A demography statistic cannot be computed (DOMAIN.md 5.3-5.4).
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum DemographyError {
    /// The span of years or dates is empty (`from` after `to`) or too long.
    #[error("empty or invalid span from {from} to {to}: {why}")]
    EmptySpan {
        /// Start, as given.
        from: String,
        /// End, as given.
        to: String,
        /// Why it was refused.
        why: String,
    },
    /// Two inputs that must be parallel have different lengths.
    #[error("{what} has {got} values, expected {expected} (one per duration)")]
    LengthMismatch {
        /// Which input.
        what: String,
        /// Expected length.
        expected: usize,
        /// Length given.
        got: usize,
    },
    /// A number is out of its range (negative or non-finite duration, alpha outside (0, 1), ...).
    #[error("{what} = {value} is invalid: {why}")]
    InvalidValue {
        /// Which parameter or input (with its index when in a list).
        what: String,
        /// The value, as text.
        value: String,
        /// Why it was refused.
        why: String,
    },
    /// An entry (left-truncation) time is after the unit's duration.
    #[error(
        "entry[{index}] = {entry} is after durations[{index}] = {duration}: a unit cannot leave before it enters"
    )]
    EntryAfterDuration {
        /// Index of the unit.
        index: usize,
        /// Its entry time.
        entry: f64,
        /// Its duration.
        duration: f64,
    },
    /// No data to estimate from.
    #[error("no {what} to compute from")]
    Empty {
        /// What was empty.
        what: String,
    },
    /// `status` was given as a breakdown of a status series (status is the series' own
    /// dimension).
    #[error(
        "`status` cannot be a breakdown of a status series: every series is already counted by status"
    )]
    StatusBreakdown,
    /// Years of a report lie after the as-of date: nothing is observed there, so no figure can
    /// be given for them (they are not "0 active").
    #[error(
        "years {first}-{last} are after the as-of date {as_of}: nothing is observed there; end the span at {max_year} or give a later as-of date"
    )]
    YearsAfterAsOf {
        /// First refused year.
        first: i32,
        /// Last refused year.
        last: i32,
        /// The as-of date, ISO.
        as_of: String,
        /// The last year that can be reported (the as-of year).
        max_year: i32,
    },
}

impl DemographyError {
    /// The stable snake_case code of this error.
    pub fn code(&self) -> &'static str {
        match self {
            DemographyError::EmptySpan { .. } => "demography_empty_span",
            DemographyError::LengthMismatch { .. } => "demography_length_mismatch",
            DemographyError::InvalidValue { .. } => "demography_invalid_value",
            DemographyError::EntryAfterDuration { .. } => "demography_entry_after_duration",
            DemographyError::Empty { .. } => "demography_empty",
            DemographyError::StatusBreakdown => "demography_status_breakdown",
            DemographyError::YearsAfterAsOf { .. } => "demography_years_after_as_of",
        }
    }
}
