//! Reporting periods of published figures: a year, a quarter (triwulan), a month or one date.
//!
//! Periods order chronologically by their **end date** (a stock published "per 2021-Q3" is the
//! stock at 30 September 2021), then by start date (the longer period first), then by kind
//! (year, quarter, month, date). So `2021-Q4 < 2022-Q1 < 2022-03 < 2022-03-31 < 2022`:
//! `2022-Q1`, `2022-03` and `2022-03-31` share the end date 31 March 2022 and
//! the one starting earliest sorts first; the year 2022 ends last.

use crate::error::{DateError, StatsError};
use crate::locale::{MAX_YEAR, MIN_YEAR};
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

/// A reporting period.
///
/// The variants are public so that they can be matched; values built by hand may be invalid
/// (quarter 0, month 13): [`Period::validate`] says so, [`Period::start_date`] and
/// [`Period::end_date`] return an error for them, and ordering treats them as clamped into range.
/// Use [`Period::quarter`] and [`Period::month`] to build checked values, or [`Period::parse`].
///
/// Serialized (serde) as its canonical text (`"2021-Q3"`), deserialized with [`Period::parse`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(try_from = "String", into = "String")]
pub enum Period {
    /// A calendar year, `2021`.
    Year(i32),
    /// A quarter (triwulan) 1..=4 of a year, `2021-Q3` (July to September).
    Quarter(i32, u8),
    /// A month 1..=12 of a year, `2021-03`.
    Month(i32, u8),
    /// One day, `2021-03-31` (a figure stated "as of" that date).
    Date(NaiveDate),
}

/// Days since 1970-01-01 of a proleptic Gregorian civil date (H. Hinnant's `days_from_civil`).
/// Never fails; used for ordering and spans so that they work for any `i32` year.
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn is_leap(y: i64) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn days_in_month(y: i64, m: i64) -> i64 {
    match m {
        2 if is_leap(y) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl Period {
    /// A checked quarter: `q` must be 1..=4 and the year within
    /// [`crate::locale::MIN_YEAR`]`..=`[`crate::locale::MAX_YEAR`] (1900..=2100).
    /// Error: [`StatsError::InvalidPeriod`].
    pub fn quarter(year: i32, q: u8) -> Result<Period, StatsError> {
        let p = Period::Quarter(year, q);
        p.validate().map(|()| p)
    }

    /// A checked month: `m` must be 1..=12 and the year within
    /// [`crate::locale::MIN_YEAR`]`..=`[`crate::locale::MAX_YEAR`] (1900..=2100).
    /// Error: [`StatsError::InvalidPeriod`].
    pub fn month(year: i32, m: u8) -> Result<Period, StatsError> {
        let p = Period::Month(year, m);
        p.validate().map(|()| p)
    }

    /// The calendar year the period falls in (for a date, its year).
    pub fn year(&self) -> i32 {
        match self {
            Period::Year(y) | Period::Quarter(y, _) | Period::Month(y, _) => *y,
            Period::Date(d) => d.year(),
        }
    }

    /// `Ok(())` when the period can exist: quarter 1..=4, month 1..=12, year within
    /// [`crate::locale::MIN_YEAR`]`..=`[`crate::locale::MAX_YEAR`] (1900..=2100, the range the
    /// locale module accepts for dates). Error: [`StatsError::InvalidPeriod`] naming the problem.
    pub fn validate(&self) -> Result<(), StatsError> {
        let invalid = |why: String| StatsError::InvalidPeriod {
            value: format!("{self:?}"),
            why,
        };
        match self {
            Period::Quarter(_, q) if !(1..=4).contains(q) => {
                return Err(invalid(format!("quarter {q} does not exist (1-4)")));
            }
            Period::Month(_, m) if !(1..=12).contains(m) => {
                return Err(invalid(format!("month {m} does not exist (1-12)")));
            }
            _ => {}
        }
        let y = self.year();
        if !(MIN_YEAR..=MAX_YEAR).contains(&y) {
            return Err(invalid(year_out_of_range(y)));
        }
        Ok(())
    }

    /// (start, end) as (year, month, day), quarters and months clamped into range.
    fn bounds(&self) -> ((i64, i64, i64), (i64, i64, i64)) {
        match *self {
            Period::Year(y) => {
                let y = i64::from(y);
                ((y, 1, 1), (y, 12, 31))
            }
            Period::Quarter(y, q) => {
                let y = i64::from(y);
                let q = i64::from(q.clamp(1, 4));
                let end_m = q * 3;
                ((y, end_m - 2, 1), (y, end_m, days_in_month(y, end_m)))
            }
            Period::Month(y, m) => {
                let y = i64::from(y);
                let m = i64::from(m.clamp(1, 12));
                ((y, m, 1), (y, m, days_in_month(y, m)))
            }
            Period::Date(d) => {
                let t = (
                    i64::from(d.year()),
                    i64::from(d.month()),
                    i64::from(d.day()),
                );
                (t, t)
            }
        }
    }

    fn kind_rank(&self) -> u8 {
        match self {
            Period::Year(_) => 0,
            Period::Quarter(..) => 1,
            Period::Month(..) => 2,
            Period::Date(_) => 3,
        }
    }

    fn raw(&self) -> (i64, i64) {
        match *self {
            Period::Year(y) => (i64::from(y), 0),
            Period::Quarter(y, q) | Period::Month(y, q) => (i64::from(y), i64::from(q)),
            Period::Date(d) => (i64::from(d.num_days_from_ce()), 0),
        }
    }

    fn end_day_number(&self) -> i64 {
        let (_, (y, m, d)) = self.bounds();
        days_from_civil(y, m, d)
    }

    fn start_day_number(&self) -> i64 {
        let ((y, m, d), _) = self.bounds();
        days_from_civil(y, m, d)
    }

    /// First day of the period (1 January for a year, 1 July for `2021-Q3`, the date itself
    /// for a date). Error: [`StatsError::InvalidPeriod`] for an invalid period (see
    /// [`Period::validate`]).
    pub fn start_date(&self) -> Result<NaiveDate, StatsError> {
        self.validate()?;
        let ((y, m, d), _) = self.bounds();
        self.ymd(y, m, d)
    }

    /// Last day of the period (31 December for a year, 30 September for `2021-Q3`, 29 February
    /// for `2024-02`, the date itself for a date): the reference date of a stock published for
    /// that period. Error: [`StatsError::InvalidPeriod`] for an invalid period.
    pub fn end_date(&self) -> Result<NaiveDate, StatsError> {
        self.validate()?;
        let (_, (y, m, d)) = self.bounds();
        self.ymd(y, m, d)
    }

    fn ymd(&self, y: i64, m: i64, d: i64) -> Result<NaiveDate, StatsError> {
        let y = i32::try_from(y).ok();
        let m = u32::try_from(m).ok();
        let d = u32::try_from(d).ok();
        match (y, m, d) {
            (Some(y), Some(m), Some(d)) => NaiveDate::from_ymd_opt(y, m, d),
            _ => None,
        }
        .ok_or_else(|| StatsError::InvalidPeriod {
            value: format!("{self:?}"),
            why: "outside the supported calendar".into(),
        })
    }

    /// True when `date` falls within the period (start and end inclusive).
    pub fn contains(&self, date: NaiveDate) -> bool {
        let n = days_from_civil(
            i64::from(date.year()),
            i64::from(date.month()),
            i64::from(date.day()),
        );
        self.start_day_number() <= n && n <= self.end_day_number()
    }

    /// Years from `from` to `to` (negative when `to` is earlier), used as the span of a CAGR.
    ///
    /// - When neither is a [`Period::Date`], by period arithmetic on the **end months**:
    ///   a year ends in month 12, quarter `q` in month `3q`, so one quarter is exactly 0.25
    ///   year and one month 1/12: `2017 -> 2018` is 1.0, `2018-Q4 -> 2025-Q2` is 6.5,
    ///   `2018 -> 2021-Q2` is 2.5 (December 2018 to June 2021).
    /// - When either is a date, by days between the end dates divided by 365.2425 (the mean
    ///   Gregorian year).
    ///
    /// Never fails: invalid quarters/months count as clamped into range.
    pub fn years_between(from: &Period, to: &Period) -> f64 {
        fn end_month(p: &Period) -> Option<i64> {
            match *p {
                Period::Year(y) => Some(i64::from(y) * 12 + 12),
                Period::Quarter(y, q) => Some(i64::from(y) * 12 + 3 * i64::from(q.clamp(1, 4))),
                Period::Month(y, m) => Some(i64::from(y) * 12 + i64::from(m.clamp(1, 12))),
                Period::Date(_) => None,
            }
        }
        match (end_month(from), end_month(to)) {
            (Some(a), Some(b)) => (b - a) as f64 / 12.0,
            _ => (to.end_day_number() - from.end_day_number()) as f64 / 365.2425,
        }
    }

    /// Read a period label.
    ///
    /// Accepted (case and surrounding spaces ignored; separators `-`, `/`, `.`, `_`, space):
    /// - year: `2021` (four digits);
    /// - quarter: `2021-Q3`, `2021Q3`, `2021 Q3`, `Q3 2021`, `Q3-2021`, `Triwulan III 2021`,
    ///   `Triwulan ke-3 2021`, `TW3 2021`, `TW III/2021`, `Kuartal 3 2021`, `2021 Triwulan 3`;
    /// - month: `2021-03`, `2021/3`, `03/2021`, and `Maret 2021` when the locale module reads
    ///   Indonesian month names;
    /// - date: `2021-03-31` (also with a time of day, `2021-03-31 00:00:00`, as spreadsheets and
    ///   pandas export it; the time is dropped), and whatever [`crate::locale::parse_date`] reads
    ///   (`31/03/2021`, `31 Maret 2021`).
    ///
    /// Years must be within [`crate::locale::MIN_YEAR`]`..=`[`crate::locale::MAX_YEAR`]
    /// (1900..=2100), the range the locale module accepts for dates.
    ///
    /// Error: [`StatsError::BadPeriod`] with the text as given and the reason: a leading sign
    /// (`-2023`, `+2023`), a year outside 1900..=2100 (`0000`, `9999-Q4`), a quarter outside
    /// 1..=4 (`2021-Q5`), a month outside 1..=12 (`2021-13`, `13/2021`), a day that does not
    /// exist (`2021-02-30`), or a text of no recognised shape.
    /// `Period::parse(&p.to_string()) == Ok(p)` for every valid period.
    pub fn parse(s: &str) -> Result<Period, StatsError> {
        let t = s.trim();
        let fail = |why: String| StatsError::BadPeriod {
            value: s.to_string(),
            why,
        };
        let bad = || fail(UNRECOGNISED.to_string());
        if t.is_empty() {
            return Err(fail("the text is empty".to_string()));
        }
        if let Some(sign) = t
            .chars()
            .next()
            .filter(|c| matches!(c, '-' | '+' | '\u{2212}'))
        {
            return Err(fail(format!(
                "a period cannot have a sign (`{sign}`); years are {MIN_YEAR}..={MAX_YEAR}"
            )));
        }
        let toks = tokenize(t);
        // A four-digit year, checked against MIN_YEAR..=MAX_YEAR.
        let year4 = |tok: &Tok| -> Option<Result<i32, StatsError>> {
            match tok {
                Tok::Num(n) if n.len() == 4 => n.parse::<i32>().ok().map(|y| {
                    if (MIN_YEAR..=MAX_YEAR).contains(&y) {
                        Ok(y)
                    } else {
                        Err(fail(year_out_of_range(y)))
                    }
                }),
                _ => None,
            }
        };
        let small = |tok: &Tok| match tok {
            Tok::Num(n) if n.len() <= 2 => n.parse::<u32>().ok(),
            _ => None,
        };
        match toks.as_slice() {
            [y] => {
                if let Some(y) = year4(y) {
                    return y.map(Period::Year);
                }
            }
            [a, b] if matches!(a, Tok::Num(_)) && matches!(b, Tok::Num(_)) => {
                // 2021-03 or 03/2021
                let ym = match (year4(a), small(b), small(a), year4(b)) {
                    (Some(y), Some(m), _, _) | (_, _, Some(m), Some(y)) => Some((y?, m)),
                    _ => None,
                };
                if let Some((y, m)) = ym {
                    return match u8::try_from(m) {
                        Ok(m) if (1..=12).contains(&m) => Ok(Period::Month(y, m)),
                        _ => Err(fail(format!("month {m} does not exist (1-12)"))),
                    };
                }
                return Err(bad());
            }
            [a, b, c] if toks.iter().all(|t| matches!(t, Tok::Num(_))) => {
                if let (Some(y), Some(m), Some(d)) = (year4(a), small(b), small(c)) {
                    // A missing day is worded as the locale module words it for every form
                    // (`30/02/2021` too); a month outside 1..=12 as for `2021-13`.
                    return ymd_date(y?, m, d).map(Period::Date).map_err(|mine| {
                        fail(match crate::locale::parse_date(t) {
                            Err(DateError::Invalid { why, .. }) if (1..=12).contains(&m) => why,
                            _ => mine,
                        })
                    });
                }
            }
            _ => {}
        }
        // Quarter: one four-digit year at either end, the rest a quarter marker and number.
        if let (Some(first), Some(last)) = (toks.first(), toks.last()) {
            let (y, rest) = match (year4(first), year4(last)) {
                (Some(y), _) if toks.len() > 1 => (Some(y), toks.get(1..)),
                (_, Some(y)) if toks.len() > 1 => (Some(y), toks.get(..toks.len() - 1)),
                _ => (None, None),
            };
            if let (Some(y), Some(rest)) = (y, rest) {
                if let Some(q) = quarter_from_tokens(rest) {
                    let y = y?;
                    return if (1..=4).contains(&q) {
                        Ok(Period::Quarter(y, q))
                    } else {
                        Err(fail(format!("quarter {q} does not exist (1-4)")))
                    };
                }
            }
        }
        // `2021-03-31 00:00:00`, `2021-03-31T00:00:00` (spreadsheet and pandas exports).
        if let (Some(day), Some(time)) = (t.get(..10), t.get(10..)) {
            let time = time.trim_start_matches(['T', ' ']);
            if !time.is_empty()
                && time
                    .chars()
                    .all(|c| c.is_ascii_digit() || c == ':' || c == '.')
            {
                if let Ok(d) = NaiveDate::parse_from_str(day, "%Y-%m-%d") {
                    if !(MIN_YEAR..=MAX_YEAR).contains(&d.year()) {
                        return Err(fail(year_out_of_range(d.year())));
                    }
                    return Ok(Period::Date(d));
                }
            }
        }
        let date_why = match crate::locale::parse_date(t) {
            Ok(d) => return Ok(Period::Date(d)),
            Err(DateError::Invalid { why, .. }) => Some(why),
            Err(_) => None,
        };
        // `Maret 2021`: a month name and a year, read by the locale module as the 1st.
        if let [Tok::Word(_), y] = toks.as_slice() {
            if let Some(y) = year4(y) {
                y?;
                if let Ok(d) = crate::locale::parse_date(&format!("1 {t}")) {
                    let m = u8::try_from(d.month()).map_err(|_| bad())?;
                    return Ok(Period::Month(d.year(), m));
                }
            }
        }
        Err(date_why.map_or_else(bad, fail))
    }
}

/// The reason given when a text has none of the shapes of a period.
const UNRECOGNISED: &str = "expected `2021`, `2021-Q3`, `2021-03` or `2021-03-31`";

fn year_out_of_range(y: i32) -> String {
    format!("year {y} is outside the accepted range {MIN_YEAR}..={MAX_YEAR}")
}

/// The date `y-m-d` (year already checked), or why it does not exist.
fn ymd_date(y: i32, m: u32, d: u32) -> Result<NaiveDate, String> {
    if !(1..=12).contains(&m) {
        return Err(format!("month {m} does not exist (1-12)"));
    }
    NaiveDate::from_ymd_opt(y, m, d)
        .ok_or_else(|| format!("day {d} does not exist in month {m} of {y}"))
}

/// A token of a period label: a run of digits or a run of letters (upper-cased).
#[derive(Debug, Clone, PartialEq, Eq)]
enum Tok {
    Num(String),
    Word(String),
}

fn tokenize(s: &str) -> Vec<Tok> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut cur_digit = false;
    let flush = |cur: &mut String, digit: bool, out: &mut Vec<Tok>| {
        if !cur.is_empty() {
            let t = std::mem::take(cur);
            out.push(if digit { Tok::Num(t) } else { Tok::Word(t) });
        }
    };
    for c in s.chars() {
        if c.is_ascii_digit() {
            if !cur_digit {
                flush(&mut cur, cur_digit, &mut out);
            }
            cur_digit = true;
            cur.push(c);
        } else if c.is_alphabetic() {
            if cur_digit {
                flush(&mut cur, cur_digit, &mut out);
            }
            cur_digit = false;
            cur.extend(c.to_uppercase());
        } else {
            flush(&mut cur, cur_digit, &mut out);
        }
    }
    flush(&mut cur, cur_digit, &mut out);
    out
}

const QUARTER_MARKERS: &[&str] = &[
    "Q", "TW", "TRW", "TRIWULAN", "KUARTAL", "KWARTAL", "QUARTER", "QTR",
];

/// The quarter number of a token, not checked against 1..=4 (`5` gives 5): a number of at most
/// two digits or a Roman numeral I..=IV.
fn quarter_number(t: &Tok) -> Option<u8> {
    match t {
        Tok::Num(n) if n.len() <= 2 => n.parse::<u8>().ok(),
        Tok::Word(w) => match w.as_str() {
            "I" => Some(1),
            "II" => Some(2),
            "III" => Some(3),
            "IV" => Some(4),
            _ => None,
        },
        Tok::Num(_) => None,
    }
}

/// `[marker, (KE)?, number]` -> quarter number (not checked against 1..=4).
fn quarter_from_tokens(rest: &[Tok]) -> Option<u8> {
    let is_marker = |t: &Tok| matches!(t, Tok::Word(w) if QUARTER_MARKERS.contains(&w.as_str()));
    match rest {
        [m, n] if is_marker(m) => quarter_number(n),
        [m, Tok::Word(ke), n] if is_marker(m) && ke == "KE" => quarter_number(n),
        _ => None,
    }
}

/// Read a quarter written alone in a `triwulan` column: `3`, `III`, `Q3`, `TW 3`,
/// `Triwulan III`, `Triwulan ke-3`. `None` when it is none of these.
pub(crate) fn parse_quarter_label(s: &str) -> Option<u8> {
    let toks = tokenize(s.trim());
    match toks.as_slice() {
        [n] => quarter_number(n),
        rest => quarter_from_tokens(rest),
    }
    .filter(|q| (1..=4).contains(q))
}

/// Read a month written alone in a `bulan` column: `3`, `03`, or a month name the locale
/// module knows (`Maret`). `None` otherwise.
pub(crate) fn parse_month_label(s: &str) -> Option<u8> {
    let t = s.trim();
    if let Ok(m) = t.parse::<u8>() {
        return (1..=12).contains(&m).then_some(m);
    }
    crate::locale::parse_date(&format!("1 {t} 2000"))
        .ok()
        .and_then(|d| u8::try_from(d.month()).ok())
}

impl Ord for Period {
    fn cmp(&self, other: &Self) -> Ordering {
        self.end_day_number()
            .cmp(&other.end_day_number())
            .then_with(|| self.start_day_number().cmp(&other.start_day_number()))
            .then_with(|| self.kind_rank().cmp(&other.kind_rank()))
            .then_with(|| self.raw().cmp(&other.raw()))
    }
}

impl PartialOrd for Period {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for Period {
    /// Canonical text: `2021`, `2021-Q3`, `2021-03`, `2021-03-31` (years zero-padded to 4 digits).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Period::Year(y) => write!(f, "{y:04}"),
            Period::Quarter(y, q) => write!(f, "{y:04}-Q{q}"),
            Period::Month(y, m) => write!(f, "{y:04}-{m:02}"),
            Period::Date(d) => write!(f, "{:04}-{:02}-{:02}", d.year(), d.month(), d.day()),
        }
    }
}

impl FromStr for Period {
    type Err = StatsError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Period::parse(s)
    }
}

impl TryFrom<String> for Period {
    type Error = StatsError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Period::parse(&s)
    }
}

impl From<Period> for String {
    fn from(p: Period) -> String {
        p.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_from_civil_matches_chrono() {
        for (y, m, d) in [(1970, 1, 1), (2000, 2, 29), (2024, 12, 31), (1, 1, 1)] {
            let nd = NaiveDate::from_ymd_opt(y, m, d).unwrap();
            let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).unwrap();
            assert_eq!(
                days_from_civil(i64::from(y), i64::from(m), i64::from(d)),
                (nd - epoch).num_days()
            );
        }
    }
}
