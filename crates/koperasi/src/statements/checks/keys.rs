//! How statements are grouped: by region, breakdown, definition and the date they describe.

use crate::statements::{Definition, StatedValue, Statement};
use crate::stats::period::Period;

/// Text compared case- and space-insensitively.
fn norm(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The region as compared (`Kota Balikpapan` = `kota  balikpapan`).
pub(crate) fn region(s: &Statement) -> Option<String> {
    s.region.as_deref().map(norm)
}

/// The breakdown as compared.
pub(crate) fn breakdown(s: &Statement) -> Option<(String, String)> {
    s.breakdown.as_ref().map(|(d, v)| (norm(d), norm(v)))
}

/// What makes a series: the same region, breakdown, definition, policy and book year.
pub(crate) type SeriesKey = (
    Option<String>,
    Option<(String, String)>,
    Definition,
    Option<String>,
    Option<i32>,
);

/// The series a statement belongs to.
pub(crate) fn series(s: &Statement) -> SeriesKey {
    (
        region(s),
        breakdown(s),
        s.definition.clone(),
        s.policy.as_deref().map(norm),
        s.book_year,
    )
}

/// The date or period a statement is about: what it describes, else the day it was said.
pub(crate) fn period(s: &Statement) -> Option<Period> {
    s.describes.or(s.said_on.map(Period::Date))
}

/// The count, for a statement giving one.
pub(crate) fn count(s: &Statement) -> Option<i64> {
    match s.value {
        StatedValue::Count(n) => Some(n),
        StatedValue::Percent(_) => None,
    }
}
