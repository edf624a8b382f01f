//! Indonesian dates (DOMAIN.md §6.1): `1 Februari 2025`, `01/02/2025` (always day/month/year),
//! ISO `2025-02-01`, weekday names around the date, old spellings (`Pebruari`, `Nopember`),
//! notarial style with spelled-out numbers in parentheses.
//!
//! The parser scans the text once, without allocating unless it returns an error.

use crate::error::DateError;
use chrono::{Datelike, NaiveDate, Weekday};
use std::fmt::Write as _;

/// Lowest accepted year.
pub const MIN_YEAR: i32 = 1900;
/// Highest accepted year.
pub const MAX_YEAR: i32 = 2100;

/// Canonical Indonesian month names, January first.
const MONTHS_ID: [&str; 12] = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
];

/// Every accepted month spelling (lower case) and its number: Indonesian names, their
/// abbreviations (a trailing `.` is read as punctuation: `Sept.`, `Nop.`), the spellings before
/// the 1972 reform (`Djanuari`, `Djuni`, `Djuli`, `Pebruari`, `Nopember`), the Dutch-style `Mrt`,
/// and the English names.
const MONTH_WORDS: &[(&str, u32)] = &[
    ("januari", 1),
    ("jan", 1),
    ("djanuari", 1),
    ("djan", 1),
    ("january", 1),
    ("februari", 2),
    ("pebruari", 2),
    ("feb", 2),
    ("febr", 2),
    ("peb", 2),
    ("pebr", 2),
    ("february", 2),
    ("maret", 3),
    ("mar", 3),
    ("mrt", 3),
    ("maart", 3),
    ("march", 3),
    ("april", 4),
    ("apr", 4),
    ("mei", 5),
    ("may", 5),
    ("juni", 6),
    ("jun", 6),
    ("djuni", 6),
    ("djun", 6),
    ("june", 6),
    ("juli", 7),
    ("jul", 7),
    ("djuli", 7),
    ("djul", 7),
    ("july", 7),
    ("agustus", 8),
    ("agust", 8),
    ("agus", 8),
    ("agu", 8),
    ("agt", 8),
    ("ags", 8),
    ("aug", 8),
    ("august", 8),
    ("september", 9),
    ("sep", 9),
    ("sept", 9),
    ("oktober", 10),
    ("okt", 10),
    ("oct", 10),
    ("october", 10),
    ("november", 11),
    ("nopember", 11),
    ("nov", 11),
    ("nop", 11),
    ("desember", 12),
    ("des", 12),
    ("dec", 12),
    ("december", 12),
];

/// Accepted weekday names (lower case, apostrophes ignored: `Jum'at` = `jumat`).
const WEEKDAY_WORDS: [(&str, Weekday); 15] = [
    ("senin", Weekday::Mon),
    ("selasa", Weekday::Tue),
    ("rabu", Weekday::Wed),
    ("kamis", Weekday::Thu),
    ("jumat", Weekday::Fri),
    ("sabtu", Weekday::Sat),
    ("minggu", Weekday::Sun),
    ("ahad", Weekday::Sun),
    ("monday", Weekday::Mon),
    ("tuesday", Weekday::Tue),
    ("wednesday", Weekday::Wed),
    ("thursday", Weekday::Thu),
    ("friday", Weekday::Fri),
    ("saturday", Weekday::Sat),
    ("sunday", Weekday::Sun),
];

/// Words that may stand around a date and carry nothing (notarial style).
const FILLER_WORDS: [&str; 6] = ["tanggal", "tgl", "bulan", "bln", "tahun", "thn"];

fn weekday_id(w: Weekday) -> &'static str {
    match w {
        Weekday::Mon => "Senin",
        Weekday::Tue => "Selasa",
        Weekday::Wed => "Rabu",
        Weekday::Thu => "Kamis",
        Weekday::Fri => "Jumat",
        Weekday::Sat => "Sabtu",
        Weekday::Sun => "Minggu",
    }
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{2018}' | '`')
}

/// `word` equals the lower-case ASCII `target`, ignoring case and apostrophes.
fn word_eq(word: &str, target: &str) -> bool {
    let mut it = word.chars().filter(|c| !is_apostrophe(*c));
    for t in target.bytes() {
        match it.next() {
            Some(c) if c.is_ascii() && (c as u8).eq_ignore_ascii_case(&t) => {}
            _ => return false,
        }
    }
    it.next().is_none()
}

#[derive(Clone, Copy)]
enum Kind {
    /// A run of ASCII digits: its value (saturated) and digit count.
    Num { value: u32, digits: usize },
    /// A month name.
    Month(u32),
}

#[derive(Clone, Copy)]
struct Tok {
    kind: Kind,
    start: usize,
    end: usize,
}

fn unrecognised(s: &str) -> DateError {
    DateError::Unrecognised {
        value: s.to_string(),
    }
}

fn invalid(s: &str, why: String) -> DateError {
    DateError::Invalid {
        value: s.to_string(),
        why,
    }
}

/// True when `rest` (what follows a complete date) is a time of day introduced by `T` or
/// whitespace: `hh:mm[:ss[.fff]]`, optionally followed by `Z`, an offset (`+07:00`, `+0700`,
/// `+07`) or a zone name `WIB`/`WITA`/`WIT`. The time is ignored: the civil date is kept.
fn is_time_suffix(rest: &str) -> bool {
    let r = rest.trim_start();
    let r = if rest.starts_with(['T', 't']) {
        rest.get(1..).unwrap_or("")
    } else if r.len() < rest.len() {
        r
    } else {
        return false;
    };
    let b = r.as_bytes();
    let mut i = 0usize;
    let digits = |i: &mut usize, min: usize, max: usize| -> bool {
        let start = *i;
        while *i - start < max && b.get(*i).is_some_and(u8::is_ascii_digit) {
            *i += 1;
        }
        *i - start >= min
    };
    if !digits(&mut i, 1, 2) || b.get(i) != Some(&b':') {
        return false;
    }
    i += 1;
    if !digits(&mut i, 2, 2) {
        return false;
    }
    if b.get(i) == Some(&b':') {
        i += 1;
        if !digits(&mut i, 2, 2) {
            return false;
        }
        if b.get(i) == Some(&b'.') {
            i += 1;
            if !digits(&mut i, 1, 9) {
                return false;
            }
        }
    }
    let tail = r.get(i..).unwrap_or("");
    let zone = tail.trim_start();
    if zone.is_empty() || zone == "Z" || zone == "z" {
        return true;
    }
    if ["wib", "wita", "wit"]
        .iter()
        .any(|z| zone.eq_ignore_ascii_case(z))
    {
        return true;
    }
    // Numeric offset directly after the time: +07:00, -0500, +07.
    if zone.len() == tail.len() {
        let zb = zone.as_bytes();
        if matches!(zb.first(), Some(b'+' | b'-')) {
            let body = zone.get(1..).unwrap_or("");
            let ok = match body.len() {
                2 => body.bytes().all(|c| c.is_ascii_digit()),
                4 => body.bytes().all(|c| c.is_ascii_digit()),
                5 => body.bytes().enumerate().all(|(k, c)| {
                    if k == 2 {
                        c == b':'
                    } else {
                        c.is_ascii_digit()
                    }
                }),
                _ => false,
            };
            return ok;
        }
    }
    false
}

/// Parse a date written the Indonesian way or in ISO form.
///
/// Accepted (surrounding text limited to what is listed; case-insensitive):
/// - numeric, **always day/month/year**, one separator `/`, `-` or `.` used twice:
///   `01/02/2025`, `1-2-2025`, `1.2.2025` are 1 February 2025 (never month/day);
/// - year first when the first number has 4 digits: ISO `2025-02-01` (also `2025/02/01`),
///   optionally followed by a time of day that is ignored (`2025-02-01T10:00:00`,
///   `2025-02-01 10:00:00+07:00`, `01/02/2025 10:00 WIB`);
/// - day, month name, year: `1 Februari 2025`, `28 Desember 2020`, `01-Feb-2025`,
///   `6 Nop 2019`; month first with a name is also unambiguous: `February 1, 2025`;
/// - month names, any case, with or without a dot after an abbreviation (`Sept.`, `Nop.`):
///   Januari Jan Djanuari Djan, Februari Pebruari Feb Febr Peb Pebr, Maret Mar Mrt Maart,
///   April Apr, Mei, Juni Jun Djuni Djun, Juli Jul Djuli Djul, Agustus Agust Agus Agu Agt Ags
///   Aug, September Sep Sept, Oktober Okt Oct, November Nopember Nov Nop, Desember Des Dec
///   (`Dj` is the spelling before 1972: `5 Djan. 1950`), and the English names;
/// - a weekday name anywhere around the date: `Sabtu, 1 Februari 2025`, `Sabtu (1/2/2025)`,
///   `Jum'at 7 Maret 2025` (Senin Selasa Rabu Kamis Jumat/Jum'at Sabtu Minggu/Ahad, and the
///   English names). **The weekday is checked**: a mismatch is `date_invalid`;
/// - notarial style: the words `tanggal`, `bulan`, `tahun` (and `tgl`, `bln`, `thn`) are
///   ignored, as is any parenthesised text without digits:
///   `tanggal 15 (lima belas), bulan Juli, tahun 2014 (dua ribu empat belas)` is 2014-07-15.
///
/// Errors:
/// - [`DateError::Unrecognised`] (`date_unrecognised`): nothing date-shaped, unknown words,
///   mixed numeric separators (`1/2-2025`), a bare integer (Excel serial numbers are not
///   handled here);
/// - [`DateError::Invalid`] (`date_invalid`): the shape of a date but an impossible value:
///   a year not written with 4 digits (`1/2/25` — two-digit years are ambiguous — or
///   `1/2/20245`), a year outside 1900..=2100, month 13, `31/02/2024` ("day 31 does not
///   exist in February 2024"), a missing year (`5/2`) or day (`Februari 2025`), or a weekday
///   that does not match the date.
pub fn parse_date(s: &str) -> Result<NaiveDate, DateError> {
    match parse_plain(s) {
        Some(d) => Ok(d),
        None => parse_general(s),
    }
}

/// [`parse_date`] without the fast path for the common shapes.
fn parse_general(s: &str) -> Result<NaiveDate, DateError> {
    let mut toks: [Option<Tok>; 3] = [None; 3];
    let mut n = 0usize;
    let mut weekday: Option<Weekday> = None;
    let mut i = 0usize;
    while let Some(c) = s.get(i..).and_then(|r| r.chars().next()) {
        if c.is_ascii_digit() {
            let start = i;
            let mut value: u32 = 0;
            while let Some(d) = s.as_bytes().get(i).filter(|d| d.is_ascii_digit()) {
                value = value.saturating_mul(10).saturating_add(u32::from(d - b'0'));
                i += 1;
            }
            push(
                s,
                &mut toks,
                &mut n,
                Tok {
                    kind: Kind::Num {
                        value,
                        digits: i - start,
                    },
                    start,
                    end: i,
                },
            )?;
            if n == 3 && is_time_suffix(s.get(i..).unwrap_or("")) {
                break;
            }
        } else if c.is_alphabetic() {
            let start = i;
            while let Some(c) = s.get(i..).and_then(|r| r.chars().next()) {
                if c.is_alphabetic() || is_apostrophe(c) {
                    i += c.len_utf8();
                } else {
                    break;
                }
            }
            let word = s.get(start..i).unwrap_or("");
            // Lower-cased into a small buffer when plain ASCII letters (the usual case), so
            // that the word lists are compared byte-wise; else letter by letter.
            let mut buf = [0u8; 16];
            let plain = word.len() <= buf.len() && word.bytes().all(|b| b.is_ascii_alphabetic());
            let lower: &[u8] = if plain {
                for (d, b) in buf.iter_mut().zip(word.bytes()) {
                    *d = b.to_ascii_lowercase();
                }
                buf.get(..word.len()).unwrap_or_default()
            } else {
                &[]
            };
            let is = |target: &str| {
                if plain {
                    target.as_bytes() == lower
                } else {
                    word_eq(word, target)
                }
            };
            if let Some(&(_, m)) = MONTH_WORDS.iter().find(|(w, _)| is(w)) {
                push(
                    s,
                    &mut toks,
                    &mut n,
                    Tok {
                        kind: Kind::Month(m),
                        start,
                        end: i,
                    },
                )?;
                if n == 3 && is_time_suffix(s.get(i..).unwrap_or("")) {
                    break;
                }
            } else if let Some(&(_, w)) = WEEKDAY_WORDS.iter().find(|(w, _)| is(w)) {
                if weekday.is_some() {
                    return Err(unrecognised(s));
                }
                weekday = Some(w);
            } else if !FILLER_WORDS.iter().any(|w| is(w)) {
                return Err(unrecognised(s));
            }
        } else if c == '(' {
            // Skip a parenthesised group without digits (spelled-out numbers, remarks).
            let after = i + 1;
            let inner_end = s.get(after..).and_then(|r| r.find(')'));
            match inner_end {
                Some(k)
                    if !s
                        .get(after..after + k)
                        .unwrap_or("")
                        .bytes()
                        .any(|b| b.is_ascii_digit()) =>
                {
                    i = after + k + 1;
                }
                _ => i = after,
            }
        } else if c.is_whitespace()
            || matches!(c, ',' | '.' | '-' | '/' | ')' | '"' | '\'' | '\u{2013}')
        {
            i += c.len_utf8();
        } else {
            return Err(unrecognised(s));
        }
    }
    let date = interpret(s, &toks, n)?;
    if let Some(w) = weekday {
        if date.weekday() != w {
            return Err(invalid(
                s,
                format!(
                    "{} is a {}, not a {}",
                    format_date(date),
                    weekday_id(date.weekday()),
                    weekday_id(w)
                ),
            ));
        }
    }
    Ok(date)
}

/// The two shapes office files use most, read byte by byte: `dd/mm/yyyy` (also with `-` or
/// `.`) and ISO `yyyy-mm-dd`, exactly 10 bytes. `None` for anything else, including an
/// impossible date, so that [`parse_date`]'s general path reads it and explains the error; a
/// date this returns is the one the general path would return.
fn parse_plain(s: &str) -> Option<NaiveDate> {
    let b: &[u8; 10] = s.as_bytes().try_into().ok()?;
    let num = |r: &[u8]| -> Option<u32> {
        r.iter().try_fold(0u32, |acc, c| {
            c.is_ascii_digit().then(|| acc * 10 + u32::from(c - b'0'))
        })
    };
    let (y, m, d) = match (b[2], b[5], b[4], b[7]) {
        (s1, s2, _, _) if s1 == s2 && matches!(s1, b'/' | b'-' | b'.') => {
            (num(&b[6..10])?, num(&b[3..5])?, num(&b[0..2])?)
        }
        (_, _, b'-', b'-') => (num(&b[0..4])?, num(&b[5..7])?, num(&b[8..10])?),
        _ => return None,
    };
    let y = i32::try_from(y).ok()?;
    if !(MIN_YEAR..=MAX_YEAR).contains(&y) || !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    NaiveDate::from_ymd_opt(y, m, d)
}

fn push(s: &str, toks: &mut [Option<Tok>; 3], n: &mut usize, t: Tok) -> Result<(), DateError> {
    match toks.get_mut(*n) {
        Some(slot) => {
            *slot = Some(t);
            *n += 1;
            Ok(())
        }
        None => Err(unrecognised(s)),
    }
}

/// The separator between two numeric tokens: one of `/`, `-`, `.`, spaces around allowed.
fn numeric_separator(s: &str, a: &Tok, b: &Tok) -> Option<char> {
    let between = s.get(a.end..b.start)?.trim();
    let mut cs = between.chars();
    let c = cs.next()?;
    if cs.next().is_some() || !matches!(c, '/' | '-' | '.') {
        return None;
    }
    Some(c)
}

fn interpret(s: &str, toks: &[Option<Tok>; 3], n: usize) -> Result<NaiveDate, DateError> {
    use Kind::{Month, Num};
    let t = |k: usize| toks.get(k).copied().flatten();
    match (n, t(0), t(1), t(2)) {
        (3, Some(a), Some(b), Some(c)) => match (a.kind, b.kind, c.kind) {
            (Num { .. }, Month(m), Num { .. }) => build(s, a, MonthSpec::Named(m), c),
            (Month(m), Num { .. }, Num { .. }) => build(s, b, MonthSpec::Named(m), c),
            (Num { digits: da, .. }, Num { .. }, Num { .. }) => {
                let sep1 = numeric_separator(s, &a, &b);
                let sep2 = numeric_separator(s, &b, &c);
                match (sep1, sep2) {
                    (Some(x), Some(y)) if x == y => {}
                    _ => return Err(unrecognised(s)),
                }
                // A day has at most 2 digits: a longer first number is a year
                // (`2025-02-01`; `99999-01-01` is then a year out of range, not a day).
                if da >= 3 {
                    build(s, c, MonthSpec::Numeric(b), a)
                } else {
                    build(s, a, MonthSpec::Numeric(b), c)
                }
            }
            _ => Err(unrecognised(s)),
        },
        (2, Some(a), Some(b), _) => match (a.kind, b.kind) {
            (Num { digits: da, .. }, Num { digits: db, .. }) => {
                if numeric_separator(s, &a, &b).is_none() {
                    Err(unrecognised(s))
                } else if da == 4 || db == 4 {
                    // `2025-02`, `02/2025`: a month, not a day.
                    Err(invalid(
                        s,
                        "the day is missing; it cannot be guessed".to_string(),
                    ))
                } else {
                    Err(invalid(
                        s,
                        "the year is missing; it cannot be guessed".to_string(),
                    ))
                }
            }
            (Num { digits, .. }, Month(_)) if digits <= 2 => Err(invalid(
                s,
                "the year is missing; it cannot be guessed".to_string(),
            )),
            (Month(_), Num { digits: 4, .. }) | (Num { digits: 4, .. }, Month(_)) => Err(invalid(
                s,
                "the day is missing; it cannot be guessed".to_string(),
            )),
            _ => Err(unrecognised(s)),
        },
        _ => Err(unrecognised(s)),
    }
}

enum MonthSpec {
    Named(u32),
    Numeric(Tok),
}

fn num_of(t: &Tok) -> (u32, usize) {
    match t.kind {
        Kind::Num { value, digits } => (value, digits),
        Kind::Month(m) => (m, 0),
    }
}

fn build(s: &str, day: Tok, month: MonthSpec, year: Tok) -> Result<NaiveDate, DateError> {
    let text = |t: &Tok| s.get(t.start..t.end).unwrap_or("");
    let (y, yd) = num_of(&year);
    if yd == 2 {
        return Err(invalid(
            s,
            format!(
                "two-digit year `{}` is ambiguous; write the year with 4 digits",
                text(&year)
            ),
        ));
    }
    if yd > 4 {
        return Err(invalid(
            s,
            format!(
                "year `{}` is outside the accepted range {MIN_YEAR}..={MAX_YEAR}",
                text(&year)
            ),
        ));
    }
    if yd != 4 {
        return Err(invalid(
            s,
            format!("year `{}` must have 4 digits", text(&year)),
        ));
    }
    let y = y as i32;
    if !(MIN_YEAR..=MAX_YEAR).contains(&y) {
        return Err(invalid(
            s,
            format!("year {y} is outside the accepted range {MIN_YEAR}..={MAX_YEAR}"),
        ));
    }
    let m = match month {
        MonthSpec::Named(m) => m,
        MonthSpec::Numeric(t) => {
            let (m, md) = num_of(&t);
            if md > 2 || !(1..=12).contains(&m) {
                return Err(invalid(
                    s,
                    format!("month `{}` does not exist (months are 1..=12)", text(&t)),
                ));
            }
            m
        }
    };
    let (d, dd) = num_of(&day);
    if dd > 2 || !(1..=31).contains(&d) {
        return Err(invalid(
            s,
            format!("day `{}` does not exist in any month", text(&day)),
        ));
    }
    NaiveDate::from_ymd_opt(y, m, d).ok_or_else(|| {
        let month_name = MONTHS_ID
            .get(m.saturating_sub(1) as usize)
            .copied()
            .unwrap_or("?");
        let leap = if m == 2 && d == 29 {
            format!(" ({y} is not a leap year)")
        } else {
            String::new()
        };
        invalid(
            s,
            format!("day {d} does not exist in {month_name} {y}{leap}"),
        )
    })
}

/// The month a word names (`Djan`, `Mrt`, `Nopember`; any case, a trailing `.` ignored), as
/// [`parse_date`] reads it.
pub(crate) fn month_of_word(word: &str) -> Option<u32> {
    let w = word.strip_suffix('.').unwrap_or(word);
    MONTH_WORDS
        .iter()
        .find(|(m, _)| word_eq(w, m))
        .map(|&(_, n)| n)
}

/// True for the texts spreadsheets and databases put in an empty date cell: all zeros
/// (`0/0/0000`, `00-00-0000`, `0000-00-00`, `00.00.0000`, MySQL's `0000-00-00 00:00:00`),
/// Excel's day zero (`00/01/1900`, `0/1/1900`, `1900-01-00`), the serial 0 itself (`0`), and
/// serial 0 as other programs show it (`30/12/1899`, `31/12/1899`, `1899-12-30`,
/// `1899-12-31`), each optionally followed by a midnight time (`00:00:00`, `0:00`). Such a cell
/// says "no date"; [`parse_date`] refuses all of them.
pub fn is_placeholder_date(s: &str) -> bool {
    let t = s.trim();
    let (date, time) = match t.split_once([' ', 'T']) {
        Some((d, rest)) => (d, rest.trim()),
        None => (t, ""),
    };
    let midnight = time
        .split([':', '.'])
        .all(|p| !p.is_empty() && p.bytes().all(|b| b == b'0'));
    if !time.is_empty() && !midnight {
        return false;
    }
    if date == "0" {
        return time.is_empty();
    }
    let Some(sep) = date.chars().find(|c| matches!(c, '/' | '-' | '.')) else {
        return false;
    };
    let parts: Vec<&str> = date.split(sep).collect();
    let [a, b, c] = parts.as_slice() else {
        return false;
    };
    let num = |p: &str| -> Option<u32> {
        (!p.is_empty() && p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit()))
            .then(|| p.parse().ok())
            .flatten()
    };
    let (Some(a), Some(b), Some(c)) = (num(a), num(b), num(c)) else {
        return false;
    };
    // Day first, or year first (ISO): (day, month, year).
    let (d, m, y) = if a > 31 { (c, b, a) } else { (a, b, c) };
    matches!((d, m, y), (0, 0, 0) | (0, 1, 1900) | (30 | 31, 12, 1899))
}

/// Format as `1 Februari 2025` (canonical form: day without leading zero, Indonesian month
/// name, 4-digit year). [`parse_date`] reads it back for years 1900..=2100.
pub fn format_date(d: NaiveDate) -> String {
    let month = MONTHS_ID.get(d.month0() as usize).copied().unwrap_or("?");
    let mut out = String::with_capacity(20);
    let _ = write!(out, "{} {} {:04}", d.day(), month, d.year());
    out
}

/// Format as `01/02/2025` (day/month/year, zero-padded). [`parse_date`] reads it back for
/// years 1900..=2100.
pub fn format_date_numeric(d: NaiveDate) -> String {
    let mut out = String::with_capacity(10);
    let _ = write!(out, "{:02}/{:02}/{:04}", d.day(), d.month(), d.year());
    out
}

#[cfg(test)]
mod tests {
    use super::{MONTH_WORDS, parse_date, parse_general, parse_plain};
    use chrono::NaiveDate;
    use proptest::prelude::*;

    /// `word` with each letter upper-cased where `mask` has its bit set (bit i for letter i).
    fn cased(word: &str, mask: u32) -> String {
        word.chars()
            .enumerate()
            .map(|(i, c)| {
                if i < 32 && mask & (1 << i) != 0 {
                    c.to_ascii_uppercase()
                } else {
                    c
                }
            })
            .collect()
    }

    #[test]
    fn old_spellings_and_abbreviations_seen_in_real_files() {
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
        for (text, want) in [
            ("1 Mrt 2018", d(2018, 3, 1)),
            ("5 Djan. 1950", d(1950, 1, 5)),
            ("17 Djanuari 1960", d(1960, 1, 17)),
            ("3 Pebr. 1975", d(1975, 2, 3)),
            ("3 Peb 1975", d(1975, 2, 3)),
            ("12 Agt 2001", d(2001, 8, 12)),
            ("12 Ags. 2001", d(2001, 8, 12)),
            ("9 Sept. 1999", d(1999, 9, 9)),
            ("6 Nop. 2019", d(2019, 11, 6)),
            ("6 NOPEMBER 2019", d(2019, 11, 6)),
            ("31 Des. 2024", d(2024, 12, 31)),
            ("1 djuni 1965", d(1965, 6, 1)),
            ("20 DJULI 1945", d(1945, 7, 20)),
            ("20-Djul-1945", d(1945, 7, 20)),
        ] {
            assert_eq!(parse_date(text).ok(), want, "{text}");
        }
        // Still refused: a word that is no month, and a month without its day.
        assert!(parse_date("1 Djanu 2018").is_err());
        assert!(parse_date("Mrt 2018").is_err());
    }

    proptest! {
        /// Every month spelling round-trips: a date written with it, in any case, with or
        /// without a dot after it, day first or month first, reads back as the same date.
        #[test]
        fn every_month_spelling_round_trips(
            i in 0..MONTH_WORDS.len(),
            day in 1u32..=31,
            year in super::MIN_YEAR..=super::MAX_YEAR,
            mask in any::<u32>(),
            dot in any::<bool>(),
        ) {
            let (word, month) = MONTH_WORDS[i];
            let Some(date) = NaiveDate::from_ymd_opt(year, month, day) else {
                return Ok(());
            };
            let w = format!("{}{}", cased(word, mask), if dot { "." } else { "" });
            for text in [
                format!("{day} {w} {year}"),
                format!("{day:02}-{w}-{year}"),
                format!("{w} {day}, {year}"),
                format!("tanggal {day} {w} {year}"),
            ] {
                prop_assert_eq!(parse_date(&text), Ok(date), "{}", text);
            }
        }
    }

    proptest! {
        /// The fast path returns exactly what the general path returns, or defers to it.
        #[test]
        fn plain_agrees_with_general(s in "[0-9/.\\-]{10}", d in 1u32..=31, m in 1u32..=12, y in 1890i32..=2110, sep in "[/.\\-]") {
            if let Some(got) = parse_plain(&s) {
                prop_assert_eq!(Ok(got), parse_general(&s));
            }
            for text in [format!("{d:02}{sep}{m:02}{sep}{y:04}"), format!("{y:04}-{m:02}-{d:02}")] {
                match parse_plain(&text) {
                    Some(got) => prop_assert_eq!(Ok(got), parse_general(&text)),
                    None => prop_assert!(parse_general(&text).is_err(), "{} deferred but valid", text),
                }
            }
        }
    }
}
