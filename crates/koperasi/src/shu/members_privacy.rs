//! What of a member file may be shown in a rejection, an error or `Debug`: only recognised,
//! non-personal fields, and of those only text that cannot be a person's name.
//!
//! The rule (one place, used by [`super::read_members`]):
//! - the member id is shown (it is the coop's key, not personal data);
//! - in a row with more fields than the header (a name with an unquoted comma shifts pieces
//!   of it into other columns, whichever column it was in), only cells without letters are
//!   shown, the id included;
//! - a date, savings or transaction cell is shown when it reads as a value of its column
//!   (`1 Maret 2019`, `Rp 100.000`), or when it has no letters (`31/02/2024`, `1,2,3`): a cell
//!   with letters that cannot be read may be a name in the wrong column, and is replaced by
//!   [`REDACTED`] (its column is still named);
//! - name, NIK and unrecognised columns (`Catatan`, `Telepon`, ...) are never shown;
//! - a cell shaped like a personal NIK (16 digits, possibly spaced), or equal to the row's
//!   name or NIK, is never shown, wherever it is.
//!
//! A rejection's `value` and `reason` follow the same rule: the reason of a hidden value is
//! written without it (the parser's message quotes the value, or pieces of it).

use crate::io::rejection_label;
use crate::locale::{parse_date, parse_rupiah};

/// The text that replaces a cell that is not shown.
pub(crate) const REDACTED: &str = "<redacted>";

/// Hint added to the reason of a hidden value, and of a row with more fields than the header.
pub(crate) const SHIFT_HINT: &str =
    "; a name with an unquoted comma? (quote cells that contain commas)";

/// What a column of a member file holds, as far as showing its cells is concerned.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Shown {
    /// The member id: shown.
    Id,
    /// A join or leave date: shown when it reads as a date or has no letters.
    Date,
    /// A savings or transaction amount: shown when it reads as an amount or has no letters.
    Amount,
    /// Name, NIK, or a column the reader does not know: never shown.
    Never,
}

/// Whether a cell looks like a personal NIK: 16 digits, possibly with spaces, dots or dashes.
fn looks_like_nik(v: &str) -> bool {
    let mut digits = 0usize;
    for c in v.trim().chars() {
        if c.is_ascii_digit() {
            digits += 1;
        } else if !matches!(c, ' ' | '.' | '-') {
            return false;
        }
    }
    digits == 16
}

fn has_letters(v: &str) -> bool {
    v.chars().any(char::is_alphabetic)
}

/// The privacy facts of one row: its personal values, and whether a cell with an unquoted
/// comma may have shifted the others.
pub(crate) struct RowPrivacy<'a> {
    /// The row's non-empty name and NIK cells, trimmed.
    personal: Vec<&'a str>,
    /// The kind of each column of the header.
    kinds: &'a [Shown],
    /// The row has more fields than the header: a cell with an unquoted comma (a name, in
    /// whatever column) may have shifted pieces of itself into any other column.
    shifted: bool,
}

impl<'a> RowPrivacy<'a> {
    /// The facts of `rec`, whose columns are of `kinds` (the header's), the personal ones
    /// (name, NIK) marked in `is_personal`.
    pub(crate) fn new(rec: &'a [String], kinds: &'a [Shown], is_personal: &[bool]) -> Self {
        RowPrivacy {
            personal: rec
                .iter()
                .zip(is_personal)
                .filter(|(c, p)| **p && !c.trim().is_empty())
                .map(|(c, _)| c.trim())
                .collect(),
            kinds,
            shifted: rec.len() > kinds.len(),
        }
    }

    /// Whether the row has more fields than the header.
    pub(crate) fn shifted(&self) -> bool {
        self.shifted
    }

    /// Whether `cell`, in column `i`, may be shown.
    pub(crate) fn shows(&self, i: usize, cell: &str) -> bool {
        let v = cell.trim();
        if v.is_empty() {
            return true;
        }
        if looks_like_nik(v) || self.personal.contains(&v) {
            return false;
        }
        if self.shifted {
            return !has_letters(v);
        }
        match self.kinds.get(i).copied().unwrap_or(Shown::Never) {
            Shown::Id => true,
            Shown::Date => !has_letters(v) || parse_date(v).is_ok(),
            Shown::Amount => !has_letters(v) || parse_rupiah(v).is_ok(),
            Shown::Never => false,
        }
    }

    /// The row's cells as a rejection lists them: each cell that may not be shown replaced
    /// by [`REDACTED`].
    pub(crate) fn fields(&self, rec: &[String]) -> Vec<String> {
        rec.iter()
            .enumerate()
            .map(|(i, c)| {
                if self.shows(i, c) {
                    c.clone()
                } else {
                    REDACTED.to_string()
                }
            })
            .collect()
    }

    /// The `value` and `reason` of a rejection about `value` in column `i`, given the
    /// parser's `reason` for `code`: as given when the value may be shown, else the value
    /// [`REDACTED`] and a reason that does not quote it (with a hint at an unquoted comma when
    /// the value is a piece of the row's name or NIK, or the row is shifted).
    pub(crate) fn value_and_reason(
        &self,
        i: usize,
        value: &str,
        code: &str,
        reason: String,
    ) -> (String, String) {
        if self.shows(i, value) {
            return (value.to_string(), reason);
        }
        let what = rejection_label(code).map_or(code, |(en, _)| en);
        // A piece of the row's own name or NIK, or a row with more fields than the header:
        // most likely a name with an unquoted comma.
        let v = value.trim();
        let hint = if self.shifted || looks_like_nik(v) || self.personal.contains(&v) {
            SHIFT_HINT
        } else {
            ""
        };
        let reason = format!(
            "{what} (the cell is not shown: it has letters or the shape of a NIK, and may be \
             personal data, such as a name in the wrong column){hint}"
        );
        (REDACTED.to_string(), reason)
    }
}

/// Headers of a member file for an error message: recognised headers as they are, the others
/// as [`REDACTED`] (when the file has no header row, its first row holds a member's data).
pub(crate) fn headers_for_message(headers: &[String], recognised: &[bool]) -> String {
    let shown: Vec<&str> = headers
        .iter()
        .zip(recognised.iter().chain(std::iter::repeat(&false)))
        .map(|(h, r)| if *r { h.as_str() } else { REDACTED })
        .collect();
    format!(
        "{} (headers that name no field are not shown: without a header row, the first row is a member's data)",
        shown.join(", ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(cells: &[&str]) -> Vec<String> {
        cells.iter().map(|c| c.to_string()).collect()
    }

    const KINDS: [Shown; 5] = [
        Shown::Id,
        Shown::Never,
        Shown::Date,
        Shown::Amount,
        Shown::Never,
    ];
    const PERSONAL: [bool; 5] = [false, true, false, false, false];

    #[test]
    fn only_readable_or_letterless_cells_of_known_columns_are_shown() {
        let rec = row(&["A-1", "Siti Aminah", "1 Maret 2019", "Rp 100.000", "x"]);
        let p = RowPrivacy::new(&rec, &KINDS, &PERSONAL);
        assert!(!p.shifted());
        assert!(p.shows(0, "A-1"));
        assert!(p.shows(2, "1 Maret 2019"));
        assert!(p.shows(2, "31/02/2024"));
        assert!(p.shows(2, "99999-01-01"));
        assert!(!p.shows(2, "Budi Santoso"));
        assert!(!p.shows(2, "Juni"));
        assert!(p.shows(3, "Rp 100.000"));
        assert!(p.shows(3, "1,2,3"));
        assert!(!p.shows(3, "seratus"));
        assert!(!p.shows(3, "3201 0112 3456 0002"));
        assert!(!p.shows(4, "catatan"));
        assert!(!p.shows(0, "Siti Aminah"));
        assert!(p.shows(4, "  "));
        assert_eq!(
            p.fields(&rec),
            ["A-1", REDACTED, "1 Maret 2019", "Rp 100.000", REDACTED]
        );
    }

    #[test]
    fn a_shifted_row_shows_only_letterless_cells() {
        // `Siti, Aminah` unquoted: ` Aminah` lands in the date column, the date in the amount
        // column, and so on; a name placed before the id would shift a piece into the id.
        let rec = row(&["A-1", "Siti", " Aminah", "1 Maret 2019", "5", "100"]);
        let p = RowPrivacy::new(&rec, &KINDS, &PERSONAL);
        assert!(p.shifted());
        assert_eq!(
            p.fields(&rec),
            [REDACTED, REDACTED, REDACTED, REDACTED, "5", "100"]
        );
        let rec = row(&["A-1", "Siti", "", "31/02/2024", "", "100"]);
        let p = RowPrivacy::new(&rec, &KINDS, &PERSONAL);
        assert!(p.shows(2, "") && p.shows(3, "31/02/2024"));
    }

    #[test]
    fn a_hidden_value_is_left_out_of_the_reason() {
        let rec = row(&["A-1", "", "", "", ""]);
        let p = RowPrivacy::new(&rec, &KINDS, &PERSONAL);
        let (v, r) = p.value_and_reason(
            2,
            "Budi",
            "date_unrecognised",
            "`Budi` is not a date".into(),
        );
        assert_eq!(v, REDACTED);
        assert!(r.starts_with("not a date (the cell is not shown"), "{r}");
        assert!(!r.contains("Budi") && !r.contains("unquoted comma"), "{r}");
        let (_, r) = p.value_and_reason(2, "3201011234560001", "date_invalid", String::new());
        assert!(r.contains("unquoted comma"), "{r}");
        let (v, r) = p.value_and_reason(
            2,
            "31/02/2024",
            "date_invalid",
            "`31/02/2024` is not a real date".into(),
        );
        assert_eq!(v, "31/02/2024");
        assert_eq!(r, "`31/02/2024` is not a real date");
    }

    #[test]
    fn unrecognised_headers_are_not_quoted() {
        let h = row(&["A-1", "Siti Aminah", "No Anggota"]);
        let m = headers_for_message(&h, &[false, false, true]);
        assert!(m.starts_with("<redacted>, <redacted>, No Anggota ("), "{m}");
    }
}
