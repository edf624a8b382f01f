//! The member register for SHU: who is a member at the book year's end, with savings by kind
//! and transactions by base.

use super::plan::CAPITAL;
use crate::NaiveDate;
use crate::money::Rupiah;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;

/// Personal data (a member's name or personal NIK): kept for the coop's own output, never
/// shown by `Debug` (which prints `<redacted>`), and with no `Display`, so that it cannot reach
/// a log or an error message by accident. Serialises as the plain string (an export that must
/// not hold it uses [`super::anonymise::anonymise_members`]).
#[derive(Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(transparent)]
pub struct Personal(String);

impl Personal {
    /// Wrap a value.
    pub fn new(value: impl Into<String>) -> Personal {
        Personal(value.into())
    }

    /// The value itself, for output the member's coop is meant to see.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Personal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted>")
    }
}

/// One member of the coop.
///
/// `savings` maps a savings kind (`pokok`, `wajib`, `sukarela`, ...) to the balance at the
/// book year's end; `transactions` maps a base name (`purchases`, `sales`, `loans`,
/// `interest`, or any other) to the member's business with the coop over the book year. Both
/// in sen, never negative. `Debug` shows neither name nor NIK.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Member {
    /// Membership number; unique in the register. Not treated as personal data.
    pub id: String,
    /// The member's name (personal data).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<Personal>,
    /// The member's personal NIK (Nomor Induk Kependudukan; personal data).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nik: Option<Personal>,
    /// Date the member joined, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub join_date: Option<NaiveDate>,
    /// Date the member left, when they left.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub leave_date: Option<NaiveDate>,
    /// Savings balances by kind, in sen.
    #[serde(default)]
    pub savings: BTreeMap<String, Rupiah>,
    /// Transactions by base, in sen.
    #[serde(default)]
    pub transactions: BTreeMap<String, Rupiah>,
    /// 1-based line of the source file, when read from one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_line: Option<u64>,
}

/// Why a member takes no part in the distribution.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Exclusion {
    /// Joined after the book year's closing date.
    JoinedAfterYearEnd,
    /// Left before the book year's closing date.
    LeftBeforeYearEnd,
}

impl Exclusion {
    /// Stable code: `joined_after_year_end` or `left_before_year_end`.
    pub fn code(self) -> &'static str {
        match self {
            Exclusion::JoinedAfterYearEnd => "joined_after_year_end",
            Exclusion::LeftBeforeYearEnd => "left_before_year_end",
        }
    }

    /// What the code means, in English (`en = true`) or Indonesian, for tables an office reads.
    pub fn label(self, en: bool) -> &'static str {
        match (self, en) {
            (Exclusion::JoinedAfterYearEnd, true) => "joined after the book year closed",
            (Exclusion::JoinedAfterYearEnd, false) => "masuk setelah tahun buku berakhir",
            (Exclusion::LeftBeforeYearEnd, true) => "left before the book year closed",
            (Exclusion::LeftBeforeYearEnd, false) => "keluar sebelum tahun buku berakhir",
        }
    }
}

impl Member {
    /// A member with an id and nothing else.
    pub fn new(id: impl Into<String>) -> Member {
        Member {
            id: id.into(),
            ..Member::default()
        }
    }

    /// Whether the member takes part in the SHU of the book year closing on `year_end`.
    ///
    /// Convention (docs/DOMAIN.md 3.6): membership is evaluated **on the closing date**. A
    /// member counts when they joined on or before it (or the join date is unknown) and had
    /// not left before it; a member who left **on** the closing date still counts, because
    /// they were a member for the whole book year, the year's business and savings were theirs
    /// (UU 25/1992 art. 45(2) shares SHU by the business each member did in the year), and
    /// leaving takes effect at the end of that day. Members who left earlier in the year have
    /// had their savings returned and are settled on leaving, not at the RAT.
    pub fn eligibility(&self, year_end: NaiveDate) -> Result<(), Exclusion> {
        if self.join_date.is_some_and(|d| d > year_end) {
            return Err(Exclusion::JoinedAfterYearEnd);
        }
        if self.leave_date.is_some_and(|d| d < year_end) {
            return Err(Exclusion::LeftBeforeYearEnd);
        }
        Ok(())
    }

    /// The member's amount for `base`, in sen: for `capital`, the sum of the savings kinds in
    /// `capital_savings`; otherwise the transaction of that name (0 when absent). Saturates at
    /// `i64::MAX` sen (about Rp 92 kuadriliun).
    pub fn base(&self, base: &str, capital_savings: &[String]) -> Rupiah {
        if base == CAPITAL {
            let sum = capital_savings
                .iter()
                .filter_map(|k| self.savings.get(k))
                .fold(0i64, |acc, r| acc.saturating_add(r.sen()));
            Rupiah::from_sen(sum)
        } else {
            self.transactions.get(base).copied().unwrap_or(Rupiah::ZERO)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_hides_name_and_nik() {
        let mut m = Member::new("A-001");
        m.name = Some(Personal::new("Siti Aminah"));
        m.nik = Some(Personal::new("3271015501800001"));
        let d = format!("{m:?}");
        assert!(
            !d.contains("Siti") && !d.contains("3271015501800001"),
            "{d}"
        );
        assert!(d.contains("A-001"));
    }

    #[test]
    fn left_on_closing_date_counts() {
        let end = NaiveDate::from_ymd_opt(2024, 12, 31).unwrap();
        let mut m = Member::new("1");
        m.leave_date = NaiveDate::from_ymd_opt(2024, 12, 31);
        assert_eq!(m.eligibility(end), Ok(()));
        m.leave_date = NaiveDate::from_ymd_opt(2024, 12, 30);
        assert_eq!(m.eligibility(end), Err(Exclusion::LeftBeforeYearEnd));
        m.leave_date = None;
        m.join_date = NaiveDate::from_ymd_opt(2025, 1, 1);
        assert_eq!(m.eligibility(end), Err(Exclusion::JoinedAfterYearEnd));
    }
}
