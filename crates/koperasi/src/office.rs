//! The office's own status column against the status the policy derives.
//!
//! Registers kept by a Dinas Koperasi often say themselves whether a cooperative is active: a
//! column `status` / `status_koperasi` / `keaktifan` (`Aktif`, `Tidak Aktif`, `A`, `TA`,
//! `Pasif`, `ya`, `tidak`), or a pair of mark columns `aktif` and `tdkaktif` with one marked per
//! row. The reader keeps that statement as a fact ([`OfficeStatus`], with its column and value);
//! it never decides the status. This module compares the two as of the assessment date:
//!
//! - [`OfficeStatusCross`]: records by office status x assessed status;
//! - an `office_status_disagrees` [`Finding`] per cooperative the office marks active while the
//!   policy finds it inactive, not found or dissolved, or the reverse, with the facts on both
//!   sides (the office's column and value; the deciding reason and the last RAT known).
//!
//! The assessment date is the report's `as_of`. When the register states the date its data
//! were taken (a data date), pass that date as `as_of` to compare like with like: an office
//! status written on 31 December 2024 says nothing about an RAT due in 2025.
//!
//! Values the reader could not read as a status are not guessed: they are cell errors
//! (`office_status_unrecognised`) and listed with their counts in
//! [`OfficeStatusCross::unrecognised`].

use crate::cooperative::{Koperasi, OfficeStatus};
use crate::io::ReadReport;
use crate::stats::checks::{Finding, Severity};
use crate::status::{Assessment, Status};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Finding code of a cooperative whose office status disagrees with the assessed status.
pub const DISAGREES: &str = "office_status_disagrees";

/// Cell-error code of an office status value that is not a status.
pub const UNRECOGNISED: &str = "office_status_unrecognised";

/// Read an office status word: `Aktif`, `A`, `active`, `masih aktif` give true; `Tidak Aktif`,
/// `TDK AKTIF`, `TA`, `T.A.`, `Non Aktif`, `Nonaktif`, `Pasif`, `inactive`, `vakum` give false;
/// so do the yes/no marks of [`crate::io::register::parse_yes_no`] (`ya`, `tidak`, ...). Case,
/// spaces and punctuation are ignored. `None` for anything else (e.g. `Bubar`, which is a
/// dissolution, not a status the office assigns by activity).
pub fn parse_office_status(text: &str) -> Option<bool> {
    let key: String = text
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect();
    match key.as_str() {
        "aktif" | "a" | "active" | "masihaktif" => Some(true),
        "tidakaktif" | "tdkaktif" | "ta" | "nonaktif" | "pasif" | "inactive" | "notactive"
        | "vakum" => Some(false),
        _ => crate::io::register::parse_yes_no(text),
    }
}

/// A mark in one of a pair of columns (`aktif` / `tdkaktif`): a yes/no mark, or `x`, `√`
/// (in a pair, the marked column is the one that applies).
fn parse_mark(text: &str) -> Option<bool> {
    match text.trim() {
        "x" | "X" | "√" | "✔" => Some(true),
        t => crate::io::register::parse_yes_no(t),
    }
}

/// Which kind of office-status column a cell comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum OfficeColumn {
    /// A status column: `status`, `keaktifan`, ...
    Status,
    /// A mark column saying "active": `aktif`.
    Active,
    /// A mark column saying "not active": `tdkaktif`, `tidak_aktif`.
    Inactive,
}

/// The office-status cells of one row, as the register reader meets them.
#[derive(Debug, Default)]
pub(crate) struct OfficeCells {
    first: Option<OfficeStatus>,
    conflict: bool,
}

impl OfficeCells {
    /// Read one cell (not empty). Errors: (code, reason) for a value that is no status, or a
    /// second column that contradicts the first (the office status then stays unknown).
    pub(crate) fn read(
        &mut self,
        kind: OfficeColumn,
        header: &str,
        v: &str,
    ) -> Result<(), (&'static str, String)> {
        let active = match kind {
            OfficeColumn::Status => parse_office_status(v),
            OfficeColumn::Active => parse_mark(v).or_else(|| parse_office_status(v)),
            OfficeColumn::Inactive => parse_mark(v).map(|b| !b).or_else(|| parse_office_status(v)),
        };
        let Some(active) = active else {
            return Err((
                UNRECOGNISED,
                format!(
                    "`{v}` is not an office status (aktif / tidak aktif, A / TA, pasif, ya / tidak); \
                     it is listed, not guessed"
                ),
            ));
        };
        match &self.first {
            None => {
                self.first = Some(OfficeStatus {
                    active,
                    column: header.to_string(),
                    value: v.to_string(),
                });
                Ok(())
            }
            Some(s) if s.active == active => Ok(()),
            Some(s) => {
                self.conflict = true;
                Err((
                    "office_status_conflict",
                    format!(
                        "column `{}` says `{}`; the office status stays unknown",
                        s.column, s.value
                    ),
                ))
            }
        }
    }

    /// The office status of the row: `None` without one or when two columns contradict.
    pub(crate) fn finish(self) -> Option<OfficeStatus> {
        if self.conflict { None } else { self.first }
    }
}

/// The office status as a row of the cross table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum OfficeMark {
    /// The office marks the cooperative active.
    Aktif,
    /// The office marks it not active.
    TidakAktif,
    /// No office status (no column, an empty cell, or a value not read as a status).
    Unknown,
}

impl OfficeMark {
    /// All marks, in table order.
    pub const ALL: [OfficeMark; 3] = [
        OfficeMark::Aktif,
        OfficeMark::TidakAktif,
        OfficeMark::Unknown,
    ];

    /// The mark of a record.
    pub fn of(k: &Koperasi) -> OfficeMark {
        match k.office_status.as_ref().map(|o| o.active) {
            Some(true) => OfficeMark::Aktif,
            Some(false) => OfficeMark::TidakAktif,
            None => OfficeMark::Unknown,
        }
    }

    /// Stable snake_case code: `aktif`, `tidak_aktif`, `unknown`.
    pub fn code(self) -> &'static str {
        match self {
            OfficeMark::Aktif => "aktif",
            OfficeMark::TidakAktif => "tidak_aktif",
            OfficeMark::Unknown => "unknown",
        }
    }

    /// Indonesian label: `Aktif`, `Tidak Aktif`, `(tidak diketahui)`.
    pub fn label_id(self) -> &'static str {
        match self {
            OfficeMark::Aktif => "Aktif",
            OfficeMark::TidakAktif => "Tidak Aktif",
            OfficeMark::Unknown => "(tidak diketahui)",
        }
    }

    /// English label: `Active`, `Not active`, `(unknown)`.
    pub fn label_en(self) -> &'static str {
        match self {
            OfficeMark::Aktif => "Active",
            OfficeMark::TidakAktif => "Not active",
            OfficeMark::Unknown => "(unknown)",
        }
    }
}

/// A text value with how many records (or cells) carry it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ValueCount {
    /// The value as written.
    pub value: String,
    /// How many times it occurs.
    pub count: u64,
}

/// The values of the cell errors with `code` in `read`, each once with its count, most
/// frequent first (then by value).
pub(crate) fn unrecognised_values(read: &ReadReport, code: &str) -> Vec<ValueCount> {
    let mut m: BTreeMap<&str, u64> = BTreeMap::new();
    for e in read.cell_errors.iter().filter(|e| e.code == code) {
        *m.entry(e.value.as_deref().unwrap_or_default()).or_default() += 1;
    }
    let mut v: Vec<ValueCount> = m
        .into_iter()
        .map(|(value, count)| ValueCount {
            value: value.to_string(),
            count,
        })
        .collect();
    v.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value)));
    v
}

/// One cell of the cross table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct OfficeStatusCell {
    /// The office's status.
    pub office: OfficeMark,
    /// The status assessed as of the report's date.
    pub status: Status,
    /// Records with both.
    pub count: u64,
}

/// Records by office status x assessed status, with the agreement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct OfficeStatusCross {
    /// The non-empty cells, rows in [`OfficeMark::ALL`] order, columns in [`Status::ALL`]
    /// order.
    pub cells: Vec<OfficeStatusCell>,
    /// Records with an office status.
    pub with_office_status: u64,
    /// Records whose office status agrees with the assessed status (office active and assessed
    /// active; office not active and assessed inactive, not found or dissolved).
    pub agree: u64,
    /// Records whose office status disagrees (each is an `office_status_disagrees` finding).
    pub disagree: u64,
    /// Records with an office status whose assessed status cannot be compared with it (not
    /// yet due, not assessable).
    pub not_comparable: u64,
    /// Office status values that are no status, each once with its count (not guessed).
    pub unrecognised: Vec<ValueCount>,
}

/// Whether an office status agrees with an assessed status: `None` when they cannot be
/// compared (not yet due, not assessable).
pub fn agrees(office_active: bool, status: Status) -> Option<bool> {
    match status {
        Status::Active => Some(office_active),
        Status::Inactive | Status::NotFound | Status::Dissolved => Some(!office_active),
        Status::NotYetDue | Status::NotAssessable => None,
    }
}

/// The `office_status_disagrees` finding of `k` assessed as `a`, when they disagree.
pub(crate) fn disagreement(k: &Koperasi, a: &Assessment) -> Option<Finding> {
    let o = k.office_status.as_ref()?;
    if agrees(o.active, a.status)? {
        return None;
    }
    let said = OfficeMark::of(k);
    let (detail_en, detail_id) = a
        .reasons
        .first()
        .map(|r| (r.detail.as_str(), r.detail_id.as_str()))
        .unwrap_or_default();
    let (rat_en, rat_id) = match a.latest_rat_book_year {
        Some(y) => (
            format!("last RAT for book year {y}"),
            format!("RAT terakhir untuk tahun buku {y}"),
        ),
        None => (
            "no RAT on record".to_string(),
            "tidak ada RAT yang tercatat".to_string(),
        ),
    };
    Some(Finding {
        code: DISAGREES.into(),
        severity: Severity::Warning,
        region: crate::register::region_label(k),
        periods: Vec::new(),
        measure: None,
        lines: k.source_line.into_iter().collect(),
        values: a.latest_rat_book_year.map(i64::from).into_iter().collect(),
        message_en: format!(
            "{}: office: {} (`{}` = `{}`); assessed {} as of {}: {detail_en}; {rat_en}",
            k.name,
            said.label_en().to_lowercase(),
            o.column,
            o.value,
            a.status.label_en().to_lowercase(),
            a.as_of
        ),
        message_id: format!(
            "{}: menurut kantor: {} (`{}` = `{}`); hasil penilaian per {}: {}, {detail_id}; {rat_id}",
            k.name,
            said.label_id(),
            o.column,
            o.value,
            crate::locale::format_date(a.as_of),
            a.status.label_id()
        ),
    })
}

/// [`OfficeStatusCross`] and the disagreement findings, one record at a time.
#[derive(Debug, Default)]
pub(crate) struct OfficeTally {
    counts: BTreeMap<(OfficeMark, Status), u64>,
    findings: Vec<Finding>,
}

impl OfficeTally {
    /// Count `k`, assessed as `a`.
    pub fn add(&mut self, k: &Koperasi, a: &Assessment) {
        *self
            .counts
            .entry((OfficeMark::of(k), a.status))
            .or_default() += 1;
        if let Some(f) = disagreement(k, a) {
            self.findings.push(f);
        }
    }

    /// The cross table (`None` when no record has an office status and no value was
    /// unrecognised: the register has no office status column) and the findings in record
    /// order. `read` gives the unrecognised values.
    pub fn finish(mut self, read: &ReadReport) -> (Option<OfficeStatusCross>, Vec<Finding>) {
        let unrecognised = unrecognised_values(read, UNRECOGNISED);
        let mut cross = OfficeStatusCross {
            cells: Vec::new(),
            with_office_status: 0,
            agree: 0,
            disagree: 0,
            not_comparable: 0,
            unrecognised,
        };
        for office in OfficeMark::ALL {
            for status in Status::ALL {
                let Some(&count) = self.counts.get(&(office, status)) else {
                    continue;
                };
                cross.cells.push(OfficeStatusCell {
                    office,
                    status,
                    count,
                });
                let active = match office {
                    OfficeMark::Aktif => true,
                    OfficeMark::TidakAktif => false,
                    OfficeMark::Unknown => continue,
                };
                cross.with_office_status += count;
                match agrees(active, status) {
                    Some(true) => cross.agree += count,
                    Some(false) => cross.disagree += count,
                    None => cross.not_comparable += count,
                }
            }
        }
        self.findings.sort_by_key(|f| f.lines.first().copied());
        let any = cross.with_office_status > 0 || !cross.unrecognised.is_empty();
        (any.then_some(cross), self.findings)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_words_and_marks() {
        for w in ["Aktif", "AKTIF", "a", "A", "Active", "ya", "Y", "1"] {
            assert_eq!(parse_office_status(w), Some(true), "{w}");
        }
        for w in [
            "Tidak Aktif",
            "TIDAK AKTIF",
            "tdk aktif",
            "TA",
            "T.A.",
            "Non-Aktif",
            "Nonaktif",
            "Pasif",
            "tidak",
            "0",
        ] {
            assert_eq!(parse_office_status(w), Some(false), "{w}");
        }
        for w in ["Bubar", "x", "?", "Berbadan Hukum"] {
            assert_eq!(parse_office_status(w), None, "{w}");
        }
    }

    #[test]
    fn a_pair_of_columns_and_a_conflict() {
        let mut c = OfficeCells::default();
        c.read(OfficeColumn::Inactive, "tdkaktif", "v").unwrap();
        let o = c.finish().unwrap();
        assert!(!o.active);
        assert_eq!((o.column.as_str(), o.value.as_str()), ("tdkaktif", "v"));
        let mut c = OfficeCells::default();
        c.read(OfficeColumn::Active, "aktif", "x").unwrap();
        c.read(OfficeColumn::Inactive, "tdkaktif", "0").unwrap();
        assert!(c.finish().unwrap().active);
        let mut c = OfficeCells::default();
        c.read(OfficeColumn::Active, "aktif", "v").unwrap();
        let e = c.read(OfficeColumn::Inactive, "tdkaktif", "v").unwrap_err();
        assert_eq!(e.0, "office_status_conflict");
        assert_eq!(c.finish(), None);
        let mut c = OfficeCells::default();
        let e = c.read(OfficeColumn::Status, "status", "Bubar").unwrap_err();
        assert_eq!(e.0, UNRECOGNISED);
    }

    #[test]
    fn agreement_table() {
        assert_eq!(agrees(true, Status::Active), Some(true));
        assert_eq!(agrees(true, Status::Inactive), Some(false));
        assert_eq!(agrees(false, Status::Dissolved), Some(true));
        assert_eq!(agrees(false, Status::Active), Some(false));
        assert_eq!(agrees(false, Status::NotAssessable), None);
        assert_eq!(agrees(true, Status::NotYetDue), None);
    }
}
