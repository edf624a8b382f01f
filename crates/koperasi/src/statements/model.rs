//! One published figure.

use super::Definition;
use crate::stats::period::Period;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The value a statement gives: a count of cooperatives or a percentage.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "kind", content = "value", rename_all = "snake_case")]
pub enum StatedValue {
    /// A number of cooperatives.
    Count(i64),
    /// A percentage, as said (`70.0` for "70 %"), of the count named by the statement's
    /// `percent_of` (or of the on-record count when not said).
    Percent(f64),
}

/// One published figure: what was said, when, about which date or period, region and
/// definition, and where it was said.
///
/// `said_on` is the date of the article or report; `describes` the date or period the figure
/// is about ("entering 2025" is `2025-01-01`; "in 2023" is the year `2023`). `region` is a
/// Kemendagri code or a name as written. `breakdown` is `None` for the region's total, or
/// `(dimension, value)` such as `("jenis", "Simpan Pinjam")`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Statement {
    /// Identifier within its file (the line number when read from a table, or a given id).
    pub id: String,
    /// Date the figure was said or published.
    pub said_on: Option<NaiveDate>,
    /// Date or period the figure describes.
    pub describes: Option<Period>,
    /// Region, as a Kemendagri code or a name as written.
    pub region: Option<String>,
    /// What the figure counts.
    pub definition: Definition,
    /// The status policy behind an `active`/`inactive` figure, when said.
    pub policy: Option<String>,
    /// The book year of a `rat_held` figure, when said.
    pub book_year: Option<i32>,
    /// `(dimension, value)` of a part (`("jenis", "Konsumen")`); `None` for the total.
    pub breakdown: Option<(String, String)>,
    /// The figure.
    pub value: StatedValue,
    /// The definition a percentage is of, when said (e.g. `active` for "70 % of the active
    /// coops held RAT").
    pub percent_of: Option<Definition>,
    /// A stated change ("growth of nine") attached to this figure, in cooperatives.
    pub stated_change: Option<i64>,
    /// The period or date the stated change is counted from, when said.
    pub change_from: Option<Period>,
    /// Where it was said (publication, URL, document).
    pub source: Option<String>,
    /// The words as published.
    pub quote: Option<String>,
    /// Source line (1-based, header = 1) when read from a table.
    pub line: Option<u64>,
}
