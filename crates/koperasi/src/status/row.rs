//! One assessment as one flat row (what a table of assessments holds per record, e.g. the
//! Arrow table of the Python package): the record's identity, the status, the deciding
//! reason and every reason code.

use super::{Assessment, Reason};
use crate::Koperasi;
use chrono::NaiveDate;
use serde::Serialize;

/// A record's assessment flattened: text borrowed from the record and the assessment.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AssessmentRow<'a> {
    /// The record's line in its source file; `None` when not read from a file.
    pub line: Option<i64>,
    /// The source's own id of the record.
    pub source_id: Option<&'a str>,
    /// The coop's name.
    pub name: &'a str,
    /// The date assessed as of.
    pub as_of: NaiveDate,
    /// The status code (`active`, `not_assessable`, ...).
    pub status: &'static str,
    /// The deciding (first) reason's code; `""` when there is none.
    pub reason: &'a str,
    /// Its label in Indonesian.
    pub label_id: &'a str,
    /// Its label in English.
    pub label_en: &'a str,
    /// Its detail in English.
    pub detail: &'a str,
    /// Its detail in Indonesian.
    pub detail_id: &'a str,
    /// Every reason code, in order, `;`-joined.
    pub reason_codes: String,
    /// See [`Assessment::identified`].
    pub identified: Option<bool>,
    /// See [`Assessment::latest_rat_book_year`].
    pub latest_rat_book_year: Option<i32>,
    /// First book year of [`Assessment::rat_window`].
    pub rat_window_first: Option<i32>,
    /// Last book year of [`Assessment::rat_window`].
    pub rat_window_last: Option<i32>,
    /// See [`Assessment::rat_for_last_closed_year`].
    pub rat_for_last_closed_year: Option<bool>,
}

impl<'a> AssessmentRow<'a> {
    /// The row of `record` assessed as `a`.
    pub fn new(record: &'a Koperasi, a: &'a Assessment) -> AssessmentRow<'a> {
        let first = a.reasons.first();
        let text = |f: fn(&Reason) -> &str| first.map_or("", f);
        let codes: Vec<&str> = a.reasons.iter().map(|r| r.code.as_str()).collect();
        AssessmentRow {
            line: record.source_line.and_then(|l| i64::try_from(l).ok()),
            source_id: record.source_id.as_deref(),
            name: &record.name,
            as_of: a.as_of,
            status: a.status.code(),
            reason: text(|r| &r.code),
            label_id: text(|r| &r.label_id),
            label_en: text(|r| &r.label_en),
            detail: text(|r| &r.detail),
            detail_id: text(|r| &r.detail_id),
            reason_codes: codes.join(";"),
            identified: a.identified,
            latest_rat_book_year: a.latest_rat_book_year,
            rat_window_first: a.rat_window.map(|w| w.0),
            rat_window_last: a.rat_window.map(|w| w.1),
            rat_for_last_closed_year: a.rat_for_last_closed_year,
        }
    }
}
