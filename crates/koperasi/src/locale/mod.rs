//! Indonesian dates and numbers: parsing what real files contain, and formatting back
//! (DOMAIN.md §6.1 dates, §6.2 numbers and money).
//!
//! - Dates: [`parse_date`] reads `1 Februari 2025`, `Sabtu (1/2/2025)`, `01/02/2025` (always
//!   day/month/year), ISO `2025-02-01`, old spellings (`Pebruari`, `Nopember`) and notarial
//!   style; [`format_date`] writes `1 Februari 2025`, [`format_date_numeric`] `01/02/2025`.
//! - Numbers: `.` separates thousands, `,` decimals. [`parse_decimal`] gives an exact
//!   [`Decimal`], [`parse_count`] a `u64`, [`parse_rupiah`] an exact [`Rupiah`](crate::money::Rupiah) in sen; scale
//!   words `rb`, `jt`, `M` (= miliar), `T` (= triliun) are understood. Mixed conventions are
//!   refused as ambiguous, never guessed. The readers take the file's [`DecimalMark`]
//!   (`comma`, `point`, `auto`), which settles `1,500` and `1.500`.
//! - Formatting: [`format_int`] `1.234.567`, [`format_decimal`], [`format_rupiah`]
//!   `Rp 1.234.567,89`, [`format_rupiah_whole`] `Rp 5.000.000`.
//! - Placeholders: [`is_missing`].
//!
//! ```
//! use koperasi::locale::{parse_date, parse_decimal, parse_rupiah, format_rupiah};
//! assert_eq!(parse_date("6 Nop 2019")?.to_string(), "2019-11-06");
//! assert_eq!(parse_decimal("54,34%")?.to_string(), "54.34");
//! let r = parse_rupiah("1,5 M")?; // 1,5 miliar rupiah
//! assert_eq!(r.sen(), 150_000_000_000);
//! assert_eq!(format_rupiah(r), "Rp 1.500.000.000,00");
//! # Ok::<(), koperasi::Error>(())
//! ```

mod date;
mod number;
mod separators;

pub(crate) use date::month_of_word;
pub use date::{
    MAX_YEAR, MIN_YEAR, format_date, format_date_numeric, is_placeholder_date, parse_date,
};
pub(crate) use number::Accept;
pub use number::{
    Decimal, MAX_SCALE, format_decimal, format_int, format_int_grouped, format_rupiah,
    format_rupiah_whole, parse_count, parse_decimal, parse_rupiah,
};
pub use separators::DecimalMark;
pub(crate) use separators::{ColumnMark, Tally};

/// [`str::trim`], quicker when the text starts and ends with a visible ASCII character (most
/// cells): then there is nothing to trim.
pub(crate) fn trim(s: &str) -> &str {
    let visible = |b: Option<&u8>| b.is_some_and(|b| b.is_ascii_graphic());
    if visible(s.as_bytes().first()) && visible(s.as_bytes().last()) {
        s
    } else {
        s.trim()
    }
}

/// True when `s` is non-empty and its whitespace is single spaces only, none at the ends:
/// collapsing its whitespace (words joined by one space) would not change it.
pub(crate) fn is_tidy(s: &str) -> bool {
    let b = s.as_bytes();
    if b.first().is_none_or(|c| *c == b' ')
        || b.last() == Some(&b' ')
        || b.windows(2).any(|w| w == b"  ")
    {
        return false;
    }
    if s.is_ascii() {
        !b.iter()
            .any(|c| matches!(c, b'\t' | b'\n' | b'\x0B' | b'\x0C' | b'\r'))
    } else {
        !s.chars().any(|c| c.is_whitespace() && c != ' ')
    }
}

/// Placeholders meaning "no value" (compared case-insensitively after trimming).
const MISSING: [&str; 16] = [
    "",
    "-",
    "--",
    "---",
    "\u{2014}",
    "\u{2013}",
    "n/a",
    "#n/a",
    "na",
    "n.a.",
    "n.a",
    "null",
    "none",
    "nil",
    "tidak ada",
    "?",
];

/// True when `s` is a placeholder for "no value": empty, `-`, `--`, `---`, `—`, `–`, `n/a`,
/// `#N/A`, `na`, `n.a.`, `null`, `none`, `nil`, `tidak ada`, `?` (case and surrounding spaces
/// ignored).
///
/// `0` is **not** a placeholder here: it is a real number. Callers decide when a `0` means
/// "missing" (for example an identifier column, DESIGN.md "Placeholders").
pub fn is_missing(s: &str) -> bool {
    let t = trim(s);
    // No placeholder is longer than `tidak ada` (9 bytes) or starts with a digit: most cells
    // (names, dates, counts) are ruled out at once.
    if t.len() > 9 || t.as_bytes().first().is_some_and(u8::is_ascii_digit) {
        return false;
    }
    MISSING.iter().any(|m| m.eq_ignore_ascii_case(t))
}

#[cfg(test)]
mod tests {
    proptest::proptest! {
        /// [`super::is_tidy`] says exactly whether collapsing the whitespace changes the text.
        #[test]
        fn tidy_means_collapsing_changes_nothing(s in "[ a\t\n\r\x0B\x0C\u{a0}\u{2003}b]{0,8}") {
            let collapsed = s.split_whitespace().collect::<Vec<_>>().join(" ");
            proptest::prop_assert_eq!(super::is_tidy(&s), !s.is_empty() && collapsed == s);
        }
    }

    /// [`super::is_missing`] rules cells out by length and first digit: every placeholder
    /// must pass both filters.
    #[test]
    fn placeholders_fit_the_quick_filter() {
        for m in super::MISSING {
            assert!(m.len() <= 9, "{m:?} is longer than the filter allows");
            assert!(
                !m.as_bytes().first().is_some_and(u8::is_ascii_digit),
                "{m:?}"
            );
        }
    }
}
