//! The decimal mark of a file, and the one rule for numbers that read two ways.
//!
//! `1,500` and `1.500` (one separator followed by exactly three digits, the part before it
//! 1-3 digits not starting with 0) are 1.5 in one convention and 1500 in the other. Money and
//! counts follow the same rule: such a cell is read only when the file's decimal mark is
//! settled ([`DecimalMark`]); otherwise it is refused as `number_ambiguous`, never guessed.

use super::number::{Accept, Decimal, Seps, count_of, parse_core, rupiah_of};
use crate::error::NumberError;
use crate::io::ReadNote;
use crate::money::Rupiah;
use serde::{Deserialize, Serialize};

/// Which separator marks the decimals in the numbers of a file: the readers' `decimal`
/// option ([`crate::io::ReadOptions::decimal`], CLI `--decimal`, Python `decimal=`, JS
/// `decimal`). Serialised as `"comma"`, `"point"`, `"auto"`.
///
/// Without the option (`None`), readers use the Indonesian convention, as they always have
/// (`1.500` = 1500, `1,5` = 1.5, `1.234.567,89`), except that a number whose only separator
/// is a `,` followed by exactly three digits (`1,500`, `12,345`, `Rp 1,500`) is refused as
/// ambiguous: it is 1.5 in Indonesian but 1500 in the English files such cells usually come
/// from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum DecimalMark {
    /// Indonesian files: `,` marks the decimals and `.` groups thousands. `1.500` = 1500,
    /// `1,500` = 1.5 (money: Rp 1,50), `1.234,56` = 1234.56.
    Comma,
    /// English files: `.` marks the decimals and `,` groups thousands. `1,500` = 1500,
    /// `1.500` = 1.5, `1,234.56` = 1234.56.
    Point,
    /// Decided for each number column from its cells that read one way only (`1.500.000`,
    /// `2,5`, `1.234,56` say comma; `1,500,000`, `2.5`, `1,234.56` say point): the mark with
    /// more such cells wins, and the read report says so in a note (``column `simpanan_wajib`:
    /// decimal comma (from 37 unambiguous cells)``). When a column has no such cell, or as
    /// many each way, its cells that read two ways are refused as ambiguous. The readers
    /// hold the file in memory to see every cell of a column before reading the rows.
    Auto,
}

impl DecimalMark {
    /// The option's names, as accepted by [`DecimalMark::from_name`].
    pub const NAMES: [&'static str; 3] = ["comma", "point", "auto"];

    /// The mark named `s` (`comma`, `point`, `auto`; case and surrounding spaces ignored).
    pub fn from_name(s: &str) -> Option<DecimalMark> {
        match s.trim().to_ascii_lowercase().as_str() {
            "comma" => Some(DecimalMark::Comma),
            "point" => Some(DecimalMark::Point),
            "auto" => Some(DecimalMark::Auto),
            _ => None,
        }
    }

    /// The option's name: `comma`, `point` or `auto`.
    pub fn name(self) -> &'static str {
        match self {
            DecimalMark::Comma => "comma",
            DecimalMark::Point => "point",
            DecimalMark::Auto => "auto",
        }
    }
}

/// How the cells of one column are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum ColumnMark {
    /// No `decimal` option: Indonesian, with `1,500`-shaped cells refused (see [`DecimalMark`]).
    #[default]
    Default,
    /// The convention is settled (by the option, or by `auto` from the column's cells).
    Settled(Seps),
    /// `auto` could not settle the column: a cell that reads two ways is refused; any other
    /// is read by the convention that accepts it.
    Undecided,
}

impl ColumnMark {
    /// The mark of every column under `decimal`, before `auto` has seen any cell.
    pub(crate) fn of(decimal: Option<DecimalMark>) -> ColumnMark {
        match decimal {
            None => ColumnMark::Default,
            Some(DecimalMark::Comma) => ColumnMark::Settled(Seps::COMMA),
            Some(DecimalMark::Point) => ColumnMark::Settled(Seps::POINT),
            Some(DecimalMark::Auto) => ColumnMark::Undecided,
        }
    }

    /// `s` as a number, with the convention it was read in.
    fn read(self, s: &str, accept: Accept) -> Result<(Decimal, Seps), NumberError> {
        match self {
            ColumnMark::Settled(seps) => parse_core(s, accept, seps).map(|d| (d, seps)),
            ColumnMark::Default => {
                let d = parse_core(s, accept, Seps::COMMA)?;
                if s.contains(',') {
                    if let Ok(p) = parse_core(s, accept, Seps::POINT) {
                        if p != d {
                            return Err(two_readings(s, d, p));
                        }
                    }
                }
                Ok((d, Seps::COMMA))
            }
            ColumnMark::Undecided => match (
                parse_core(s, accept, Seps::COMMA),
                parse_core(s, accept, Seps::POINT),
            ) {
                (Ok(c), Ok(p)) if c != p => Err(two_readings(s, c, p)),
                (Ok(c), _) => Ok((c, Seps::COMMA)),
                (Err(_), Ok(p)) => Ok((p, Seps::POINT)),
                (Err(e), Err(_)) => Err(e),
            },
        }
    }

    /// `s` as a count (see [`crate::locale::parse_count`]) under this mark.
    pub(crate) fn count(self, s: &str) -> Result<u64, NumberError> {
        let (d, seps) = self.read(s, Accept::COUNT)?;
        count_of(s, d, seps)
    }

    /// `s` as an amount (see [`crate::locale::parse_rupiah`]) under this mark.
    pub(crate) fn rupiah(self, s: &str) -> Result<Rupiah, NumberError> {
        let (d, seps) = self.read(s, Accept::MONEY)?;
        rupiah_of(s, d, seps)
    }
}

/// The refusal of a cell that reads as `comma` with a decimal comma and `point` with a
/// decimal point.
fn two_readings(s: &str, comma: Decimal, point: Decimal) -> NumberError {
    // `1,500`: say how the English reading is written the Indonesian way.
    let hint = point
        .to_i128()
        .and_then(|n| i64::try_from(n).ok())
        .filter(|_| s.contains(','))
        .map(|n| format!("; in Indonesian, {n} is written `{}`", super::format_int(n)))
        .unwrap_or_default();
    NumberError::Ambiguous {
        value: s.to_string(),
        why: format!(
            "one separator followed by three digits reads as {} with a decimal comma \
             (Indonesian) and as {} with a decimal point (English){hint}; say which with the \
             `decimal` option (`comma` or `point`; CLI `--decimal`), or `auto` to decide each \
             column from its other cells",
            comma.normalized(),
            point.normalized()
        ),
    }
}

/// What the cells of one column say about its decimal mark (for `auto`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Tally {
    /// Cells read only with a decimal comma (`1.500.000`, `2,5`).
    comma: u64,
    /// Cells read only with a decimal point (`1,500,000`, `2.5`).
    point: u64,
    /// Cells read both ways, as different numbers (`1.500`, `1,500`).
    both: u64,
}

impl Tally {
    /// Count the cell `s` (not a placeholder) of a column whose cells hold `accept`.
    pub(crate) fn add(&mut self, s: &str, accept: Accept) {
        match (
            parse_core(s, accept, Seps::COMMA),
            parse_core(s, accept, Seps::POINT),
        ) {
            (Ok(c), Ok(p)) if c != p => self.both += 1,
            (Ok(_), Err(_)) => self.comma += 1,
            (Err(_), Ok(_)) => self.point += 1,
            _ => {}
        }
    }

    /// The column's mark under `auto`, and the note that says how it was decided (`None` when
    /// no cell says anything: plain numbers such as `1500` read the same either way).
    pub(crate) fn settle(&self, header: &str) -> (ColumnMark, Option<ReadNote>) {
        let column = header.to_string();
        let settled = |seps: Seps, comma: bool, cells: u64, other: u64| {
            let note = ReadNote::DecimalSettled {
                column: column.clone(),
                comma,
                cells,
                other,
            };
            (ColumnMark::Settled(seps), Some(note))
        };
        match (self.comma, self.point) {
            (c, p) if c > p => settled(Seps::COMMA, true, c, p),
            (c, p) if p > c => settled(Seps::POINT, false, p, c),
            (0, 0) if self.both == 0 => (ColumnMark::Undecided, None),
            (comma, point) => {
                let note = ReadNote::DecimalUnsettled {
                    column,
                    comma,
                    point,
                    both: self.both,
                };
                (ColumnMark::Undecided, Some(note))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
    use super::*;
    use crate::locale::{format_int, format_rupiah, format_rupiah_whole};
    use proptest::prelude::*;

    const COMMA: ColumnMark = ColumnMark::Settled(Seps::COMMA);
    const POINT: ColumnMark = ColumnMark::Settled(Seps::POINT);

    fn sen(m: ColumnMark, s: &str) -> Result<i64, &'static str> {
        m.rupiah(s).map(Rupiah::sen).map_err(|e| e.code())
    }

    #[test]
    fn names_round_trip() {
        for n in DecimalMark::NAMES {
            assert_eq!(DecimalMark::from_name(n).map(DecimalMark::name), Some(n));
        }
        assert_eq!(DecimalMark::from_name(" Comma "), Some(DecimalMark::Comma));
        assert_eq!(DecimalMark::from_name("koma"), None);
        let json = serde_json::to_string(&DecimalMark::Point).unwrap();
        assert_eq!(json, "\"point\"");
    }

    #[test]
    fn money_under_each_mark() {
        // The defect of issue 13: `1,500` was Rp 1,50 (150 sen) without a word.
        assert_eq!(sen(ColumnMark::Default, "1,500"), Err("number_ambiguous"));
        assert_eq!(
            sen(ColumnMark::Default, "Rp 12,345"),
            Err("number_ambiguous")
        );
        assert_eq!(sen(ColumnMark::Undecided, "1,500"), Err("number_ambiguous"));
        assert_eq!(sen(ColumnMark::Undecided, "1.500"), Err("number_ambiguous"));
        assert_eq!(sen(COMMA, "1,500"), Ok(150));
        assert_eq!(sen(POINT, "1,500"), Ok(150_000));
        assert_eq!(sen(COMMA, "1.500"), Ok(150_000));
        assert_eq!(sen(POINT, "1.500"), Ok(150));
        // Today's readings stay: `.` groups thousands by default.
        assert_eq!(sen(ColumnMark::Default, "1.500"), Ok(150_000));
        assert_eq!(sen(ColumnMark::Default, "Rp 1.234.567,89"), Ok(123_456_789));
        assert_eq!(sen(ColumnMark::Default, "1,5 jt"), Ok(150_000_000));
        assert_eq!(sen(ColumnMark::Default, "0,500"), Ok(50));
        assert_eq!(sen(ColumnMark::Default, "Rp5.000.000,-"), Ok(500_000_000));
        // Point: the English forms.
        assert_eq!(sen(POINT, "Rp 1,234,567.89"), Ok(123_456_789));
        assert_eq!(sen(POINT, "1.5 jt"), Ok(150_000_000));
        assert_eq!(sen(POINT, "1.234,56"), Err("number_ambiguous"));
        // Undecided reads what reads one way only.
        assert_eq!(sen(ColumnMark::Undecided, "1,234.56"), Ok(123_456));
        assert_eq!(sen(ColumnMark::Undecided, "1.234,56"), Ok(123_456));
        assert_eq!(sen(ColumnMark::Undecided, "1500"), Ok(150_000));
    }

    #[test]
    fn counts_follow_the_same_rule() {
        let code = |m: ColumnMark, s: &str| m.count(s).map_err(|e| e.code());
        assert_eq!(code(ColumnMark::Default, "1,500"), Err("number_ambiguous"));
        assert_eq!(code(ColumnMark::Default, "1.500"), Ok(1500));
        assert_eq!(code(ColumnMark::Default, "9,7"), Err("number_inexact"));
        assert_eq!(code(COMMA, "1,500"), Err("number_inexact"));
        assert_eq!(code(POINT, "1,500"), Ok(1500));
        assert_eq!(code(POINT, "1.500"), Err("number_inexact"));
        assert_eq!(code(POINT, "12,345,678"), Ok(12_345_678));
        let e = ColumnMark::Default.count("1,500").unwrap_err().to_string();
        assert!(e.contains("1.5 with a decimal comma"), "{e}");
        assert!(e.contains("1500 with a decimal point"), "{e}");
        assert!(e.contains("`decimal`"), "{e}");
    }

    #[test]
    fn auto_settles_by_the_unambiguous_cells() {
        let mut t = Tally::default();
        for s in ["1.500", "1.500.000", "2,5", "250"] {
            t.add(s, Accept::MONEY);
        }
        let (m, note) = t.settle("simpanan_wajib");
        assert_eq!(m, COMMA);
        assert_eq!(
            note.map(|n| n.to_string()).as_deref(),
            Some("column `simpanan_wajib`: decimal comma (from 2 unambiguous cells)")
        );
        let mut t = Tally::default();
        for s in ["1,500", "1,234.56", "7"] {
            t.add(s, Accept::COUNT);
        }
        assert_eq!(t.settle("x").0, POINT);
        // Nothing settles it: the ambiguous cells stay ambiguous.
        let mut t = Tally::default();
        t.add("1.500", Accept::COUNT);
        let (m, note) = t.settle("anggota");
        assert_eq!(m, ColumnMark::Undecided);
        assert!(
            note.unwrap()
                .to_string()
                .contains("; 1 cell that reads both ways")
        );
        // Plain numbers say nothing.
        let mut t = Tally::default();
        t.add("1500", Accept::COUNT);
        assert_eq!(t.settle("anggota"), (ColumnMark::Undecided, None));
    }

    proptest! {
        /// Any amount, formatted the Indonesian way, reads back exactly with `comma`, and
        /// with `auto` in a column that the formatted amounts themselves settle.
        #[test]
        fn indonesian_text_reads_back_with_comma(n in any::<i64>(), whole in any::<bool>()) {
            let r = Rupiah::from_sen(n);
            let text = if whole { format_rupiah_whole(r) } else { format_rupiah(r) };
            prop_assert_eq!(COMMA.rupiah(&text), Ok(r));
            let mut t = Tally::default();
            t.add(&text, Accept::MONEY);
            t.add("1.000.000", Accept::MONEY);
            let (m, _) = t.settle("x");
            prop_assert_eq!(m, COMMA);
            prop_assert_eq!(m.rupiah(&text), Ok(r));
            let c = n.unsigned_abs() / 2;
            prop_assert_eq!(COMMA.count(&format_int(c as i64)), Ok(c));
        }

        /// A text that reads two ways is an error under `auto` when no cell settles the
        /// column, for money and counts alike: never a value.
        #[test]
        fn ambiguous_text_is_never_a_value(
            head in 1u32..1000,
            tail in 0u32..1000,
            sep in prop::sample::select(vec![',', '.']),
            rp in any::<bool>(),
        ) {
            let text = format!("{}{head}{sep}{tail:03}", if rp { "Rp " } else { "" });
            let mut t = Tally::default();
            t.add(&text, Accept::MONEY);
            let (m, _) = t.settle("x");
            prop_assert_eq!(m, ColumnMark::Undecided);
            prop_assert_eq!(m.rupiah(&text).map_err(|e| e.code()), Err("number_ambiguous"));
            if !rp {
                prop_assert_eq!(m.count(&text).map_err(|e| e.code()), Err("number_ambiguous"));
            }
        }
    }
}
