//! Indonesian dates and numbers: parsing what real files contain, and formatting back.
//!
//! STUB: the full implementation replaces this file. The signatures are the contract.

use crate::error::{DateError, NumberError};
use crate::money::Rupiah;
use chrono::NaiveDate;

/// True when `s` is a placeholder for "no value": empty, `-`, `n/a`, `null`, ... (case and
/// surrounding spaces ignored).
pub fn is_missing(s: &str) -> bool {
    matches!(
        s.trim().to_ascii_lowercase().as_str(),
        "" | "-" | "--" | "n/a" | "na" | "null" | "none"
    )
}

/// Parse a date written the Indonesian way or in ISO form.
pub fn parse_date(s: &str) -> Result<NaiveDate, DateError> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").map_err(|_| DateError::Unrecognised {
        value: s.to_string(),
    })
}

/// Format as `1 Februari 2025`.
pub fn format_date(d: NaiveDate) -> String {
    d.format("%-d %m %Y").to_string()
}

/// Parse a non-negative whole count written the Indonesian way (`1.500` = 1500).
pub fn parse_count(s: &str) -> Result<u64, NumberError> {
    s.trim().parse().map_err(|_| NumberError::NotANumber {
        value: s.to_string(),
    })
}

/// Parse a money amount (`Rp 1.234.567,89`, `Rp5.000.000,-`, `1,5 M`, `15 jt`) into exact sen.
pub fn parse_rupiah(s: &str) -> Result<Rupiah, NumberError> {
    let n: i64 = s.trim().parse().map_err(|_| NumberError::NotANumber {
        value: s.to_string(),
    })?;
    Rupiah::from_rupiah(n).ok_or(NumberError::OutOfRange {
        value: s.to_string(),
        why: "overflow".into(),
    })
}

/// Format as `Rp 1.234.567,89`.
pub fn format_rupiah(r: Rupiah) -> String {
    format!("Rp {}", r.sen())
}

/// Format an integer with Indonesian thousands separators: `1234567` gives `1.234.567`.
pub fn format_int(n: i64) -> String {
    n.to_string()
}
