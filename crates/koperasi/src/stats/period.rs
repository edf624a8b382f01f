//! Periods of published figures.
use crate::error::StatsError;
use serde::{Deserialize, Serialize};
use std::fmt;

/// A reporting period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Period {
    /// A year.
    Year(i32),
    /// A quarter (1-4).
    Quarter(i32, u8),
}

impl Period {
    /// Parse `2021`, `2021-Q3`.
    pub fn parse(s: &str) -> Result<Period, StatsError> {
        let t = s.trim();
        if let Some((y, q)) = t.split_once("-Q") {
            if let (Ok(y), Ok(q)) = (y.parse(), q.parse()) {
                return Ok(Period::Quarter(y, q));
            }
        }
        t.parse()
            .map(Period::Year)
            .map_err(|_| StatsError::BadPeriod {
                value: s.to_string(),
            })
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Period::Year(y) => write!(f, "{y}"),
            Period::Quarter(y, q) => write!(f, "{y}-Q{q}"),
        }
    }
}
