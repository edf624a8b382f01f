//! Indonesian numbers and money: `.` separates thousands, `,` separates decimals
//! (DOMAIN.md §6.2).
//!
//! Parsing works on the bytes of the input and allocates only when it returns an error.

use crate::error::NumberError;
use crate::money::Rupiah;
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};

/// The largest scale (number of decimal places) a [`Decimal`] may have: 38, because
/// `10^38` is the largest power of ten that fits an `i128`.
pub const MAX_SCALE: u32 = 38;

/// An exact decimal number: `mantissa / 10^scale`.
///
/// - `mantissa`: any `i128`; `scale`: `0..=`[`MAX_SCALE`] decimal places.
/// - Equality, hashing and ordering are by numeric value: `9,7` and `9,70` are equal.
/// - `Display` gives the plain form with a `.` decimal point and no thousands separators,
///   keeping the scale (`-1234.50`), suitable for Python's `decimal.Decimal(str)`; use
///   [`format_decimal`] for the Indonesian form.
/// - Serialises as `{"mantissa": <i128>, "scale": <u32>}`; deserialising refuses a scale
///   above [`MAX_SCALE`].
///
/// Read one from text with [`parse_decimal`].
#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(try_from = "DecimalParts")]
pub struct Decimal {
    mantissa: i128,
    scale: u32,
}

/// The unchecked serialised form of a [`Decimal`].
#[derive(Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
struct DecimalParts {
    mantissa: i128,
    scale: u32,
}

impl TryFrom<DecimalParts> for Decimal {
    type Error = String;
    fn try_from(p: DecimalParts) -> Result<Self, Self::Error> {
        Decimal::new(p.mantissa, p.scale)
            .ok_or_else(|| format!("decimal scale {} is above {MAX_SCALE}", p.scale))
    }
}

/// `10^k` as `i128`, or `None` when `k > 38`.
fn pow10(k: u32) -> Option<i128> {
    10i128.checked_pow(k)
}

impl Decimal {
    /// Zero.
    pub const ZERO: Decimal = Decimal {
        mantissa: 0,
        scale: 0,
    };

    /// The number `mantissa / 10^scale`; `None` when `scale` is above [`MAX_SCALE`].
    pub const fn new(mantissa: i128, scale: u32) -> Option<Decimal> {
        if scale > MAX_SCALE {
            None
        } else {
            Some(Decimal { mantissa, scale })
        }
    }

    /// The mantissa: the value times `10^scale`.
    pub const fn mantissa(&self) -> i128 {
        self.mantissa
    }

    /// The number of decimal places (`0..=38`).
    pub const fn scale(&self) -> u32 {
        self.scale
    }

    /// True when the value is a whole number (`1,50 jt` is; `9,7` is not; `9,0` is).
    pub fn is_integer(&self) -> bool {
        match pow10(self.scale) {
            Some(p) => self.mantissa % p == 0,
            None => self.mantissa == 0,
        }
    }

    /// True when the value is below zero.
    pub const fn is_negative(&self) -> bool {
        self.mantissa < 0
    }

    /// True when the value is zero.
    pub const fn is_zero(&self) -> bool {
        self.mantissa == 0
    }

    /// The same value with trailing zero decimals removed (`9.70` gives `9.7`, `5.00` gives `5`).
    pub fn normalized(&self) -> Decimal {
        let mut m = self.mantissa;
        let mut s = self.scale;
        while s > 0 && m % 10 == 0 {
            m /= 10;
            s -= 1;
        }
        Decimal {
            mantissa: m,
            scale: s,
        }
    }

    /// The value as a whole `i128`, or `None` when it has a fractional part.
    pub fn to_i128(&self) -> Option<i128> {
        if !self.is_integer() {
            return None;
        }
        match pow10(self.scale) {
            Some(p) => Some(self.mantissa / p),
            None => Some(0),
        }
    }

    /// The nearest `f64` (for statistics and plotting, never for money), correctly rounded:
    /// a mantissa below 2^53 with at most 22 decimals takes one exact IEEE division; anything
    /// else goes through the standard library's correctly rounded decimal-string conversion.
    pub fn to_f64(&self) -> f64 {
        const EXACT: i128 = 1 << 53;
        if self.mantissa.unsigned_abs() < EXACT as u128 && self.scale <= 22 {
            // Both operands are exact in f64, so one IEEE division is correctly rounded.
            let p = 10f64.powi(self.scale as i32);
            return self.mantissa as f64 / p;
        }
        self.to_string().parse::<f64>().unwrap_or(f64::NAN)
    }

    /// The value rounded to `decimals` decimal places, half to even (banker's rounding:
    /// `0,125` to 2 places gives `0,12`, `0,135` gives `0,14`). A value that already has at
    /// most `decimals` places is returned unchanged (its scale is not increased).
    pub fn round_dp(&self, decimals: u32) -> Decimal {
        if self.scale <= decimals {
            return *self;
        }
        let drop = self.scale - decimals;
        let negative = self.mantissa < 0;
        let (q, _) = round_half_even_u128(self.mantissa.unsigned_abs(), drop);
        // q <= |mantissa| / 10, so it fits i128 (and the sign can be restored).
        let q = i128::try_from(q).unwrap_or(i128::MAX);
        Decimal {
            mantissa: if negative { -q } else { q },
            scale: decimals,
        }
    }

    /// `self * 10^k`, or `None` on overflow.
    fn checked_mul_pow10(&self, k: u32) -> Option<Decimal> {
        if self.scale >= k {
            return Some(Decimal {
                mantissa: self.mantissa,
                scale: self.scale - k,
            });
        }
        let m = self.mantissa.checked_mul(pow10(k - self.scale)?)?;
        Some(Decimal {
            mantissa: m,
            scale: 0,
        })
    }
}

/// `n / 10^drop` rounded half to even, with a flag telling whether anything was dropped.
fn round_half_even_u128(n: u128, drop: u32) -> (u128, bool) {
    let Some(p) = 10u128.checked_pow(drop) else {
        // 10^drop > u128::MAX > n: the quotient is 0 and the remainder is below half.
        return (0, n != 0);
    };
    let q = n / p;
    let r = n % p;
    let half = p / 2;
    let up = r > half || (r == half && p % 2 == 0 && q % 2 == 1 && r != 0);
    (if up { q + 1 } else { q }, r != 0)
}

impl From<i64> for Decimal {
    fn from(n: i64) -> Decimal {
        Decimal {
            mantissa: i128::from(n),
            scale: 0,
        }
    }
}

impl From<u64> for Decimal {
    fn from(n: u64) -> Decimal {
        Decimal {
            mantissa: i128::from(n),
            scale: 0,
        }
    }
}

impl From<i128> for Decimal {
    fn from(n: i128) -> Decimal {
        Decimal {
            mantissa: n,
            scale: 0,
        }
    }
}

impl PartialEq for Decimal {
    fn eq(&self, other: &Decimal) -> bool {
        let a = self.normalized();
        let b = other.normalized();
        a.mantissa == b.mantissa && a.scale == b.scale
    }
}

impl Eq for Decimal {}

impl Hash for Decimal {
    fn hash<H: Hasher>(&self, state: &mut H) {
        let n = self.normalized();
        n.mantissa.hash(state);
        n.scale.hash(state);
    }
}

impl Ord for Decimal {
    fn cmp(&self, other: &Decimal) -> Ordering {
        let (a, b) = (self.mantissa, other.mantissa);
        match (a.signum(), b.signum()) {
            (x, y) if x != y => return x.cmp(&y),
            (0, _) => return Ordering::Equal,
            _ => {}
        }
        // Same non-zero sign: align the scales; an overflow means that side is larger in
        // magnitude.
        let neg = a < 0;
        let mag = if self.scale == other.scale {
            a.unsigned_abs().cmp(&b.unsigned_abs())
        } else if self.scale < other.scale {
            match 10u128
                .checked_pow(other.scale - self.scale)
                .and_then(|p| a.unsigned_abs().checked_mul(p))
            {
                Some(x) => x.cmp(&b.unsigned_abs()),
                None => Ordering::Greater,
            }
        } else {
            match 10u128
                .checked_pow(self.scale - other.scale)
                .and_then(|p| b.unsigned_abs().checked_mul(p))
            {
                Some(y) => a.unsigned_abs().cmp(&y),
                None => Ordering::Less,
            }
        };
        if neg { mag.reverse() } else { mag }
    }
}

impl PartialOrd for Decimal {
    fn partial_cmp(&self, other: &Decimal) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// Writes the decimal digits of `n` into `buf`, returning the used tail.
fn digits_u128(mut n: u128, buf: &mut [u8; 40]) -> &[u8] {
    let mut i = buf.len();
    loop {
        i -= 1;
        if let Some(slot) = buf.get_mut(i) {
            *slot = b'0' + (n % 10) as u8;
        }
        n /= 10;
        if n == 0 || i == 0 {
            break;
        }
    }
    buf.get(i..).unwrap_or(&[])
}

impl fmt::Display for Decimal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut buf = [0u8; 40];
        let digits = digits_u128(self.mantissa.unsigned_abs(), &mut buf);
        let mut out = String::with_capacity(48);
        if self.mantissa < 0 {
            out.push('-');
        }
        push_plain(&mut out, digits, self.scale as usize, None);
        f.write_str(&out)
    }
}

/// Pushes `digits` (the absolute mantissa) with `scale` decimals; the integer part is grouped
/// by `group` (Indonesian `.` and `,` when `Some`), plain `.`-decimal when `None`.
fn push_plain(out: &mut String, digits: &[u8], scale: usize, group: Option<(char, char)>) {
    let (int_part, frac_part): (&[u8], &[u8]) = if digits.len() > scale {
        digits.split_at(digits.len() - scale)
    } else {
        (b"0", digits)
    };
    let n = int_part.len();
    for (i, d) in int_part.iter().enumerate() {
        if let Some((sep, _)) = group {
            if i > 0 && (n - i) % 3 == 0 {
                out.push(sep);
            }
        }
        out.push(char::from(*d));
    }
    if scale > 0 {
        out.push(match group {
            Some((_, dec)) => dec,
            None => '.',
        });
        for _ in frac_part.len()..scale {
            out.push('0');
        }
        for d in frac_part {
            out.push(char::from(*d));
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Parsing
// ---------------------------------------------------------------------------------------------

/// What the core parser accepts besides the digits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Accept {
    /// `Rp`, `Rp.`, `IDR` prefix.
    currency: bool,
    /// A trailing `%` (dropped).
    percent: bool,
}

impl Accept {
    /// What [`parse_decimal`] accepts: a currency prefix and a trailing `%`.
    pub(crate) const DECIMAL: Accept = Accept {
        currency: true,
        percent: true,
    };
    /// What [`parse_count`] accepts: neither.
    pub(crate) const COUNT: Accept = Accept {
        currency: false,
        percent: false,
    };
    /// What [`parse_rupiah`] accepts: a currency prefix, no `%`.
    pub(crate) const MONEY: Accept = Accept {
        currency: true,
        percent: false,
    };
}

/// The two separators of a number convention: `group` between groups of three digits,
/// `decimal` before the fraction.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Seps {
    /// The thousands separator.
    pub(crate) group: u8,
    /// The decimal mark.
    pub(crate) decimal: u8,
}

impl Seps {
    /// The Indonesian convention (DOMAIN.md §6.2): `1.234.567,89`.
    pub(crate) const COMMA: Seps = Seps {
        group: b'.',
        decimal: b',',
    };
    /// The English convention: `1,234,567.89`.
    pub(crate) const POINT: Seps = Seps {
        group: b',',
        decimal: b'.',
    };

    fn is_comma(self) -> bool {
        self == Seps::COMMA
    }
}

fn not_a_number(s: &str) -> NumberError {
    NumberError::NotANumber {
        value: s.to_string(),
    }
}

fn ambiguous(s: &str, why: &str) -> NumberError {
    NumberError::Ambiguous {
        value: s.to_string(),
        why: why.to_string(),
    }
}

fn out_of_range(s: &str, why: String) -> NumberError {
    NumberError::OutOfRange {
        value: s.to_string(),
        why,
    }
}

const WHY_DOT_GROUPS: &str = "`.` is the thousands separator in Indonesian numbers and must separate \
     groups of exactly three digits (e.g. `1.500` = 1500); a decimal point is written `,` (e.g. `1,5`)";
const WHY_ENGLISH_COMMA_DOT: &str = "a `,` before a `.` is the English convention (`1,234.56`); \
     Indonesian numbers use `.` for thousands and `,` for decimals (`1.234,56`)";
const WHY_ENGLISH_COMMAS: &str = "several `,` look like English thousands separators (`1,234,567`); \
     Indonesian numbers use `.` for thousands and at most one `,` for decimals";
const WHY_COMMA_GROUPS: &str = "with the decimal point (`decimal = point`), `,` is the thousands \
     separator and must separate groups of exactly three digits (e.g. `1,500` = 1500); a decimal \
     mark is written `.` (e.g. `1.5`)";
const WHY_POINT_MIXED: &str = "with the decimal point (`decimal = point`), `.` marks the decimals \
     once, after any `,` thousands separators (`1,234.56`); `1.234,56` is the Indonesian convention \
     (`decimal = comma`)";

/// Why the separators of `input` break the convention `seps`: groups of three, or the other
/// convention's order.
fn why_groups(seps: Seps) -> &'static str {
    if seps.is_comma() {
        WHY_DOT_GROUPS
    } else {
        WHY_COMMA_GROUPS
    }
}
const WHY_TOO_MANY_DIGITS: &str = "more significant digits than an exact decimal holds (38)";

/// Removes a case-insensitive ASCII prefix.
fn strip_prefix_ci<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let head = s.get(..prefix.len())?;
    if head.eq_ignore_ascii_case(prefix) {
        s.get(prefix.len()..)
    } else {
        None
    }
}

/// A leading sign: `-`, `−` (U+2212) or `+`.
fn take_sign(s: &str) -> (Option<bool>, &str) {
    if let Some(r) = s.strip_prefix('-').or_else(|| s.strip_prefix('\u{2212}')) {
        (Some(true), r.trim_start())
    } else if let Some(r) = s.strip_prefix('+') {
        (Some(false), r.trim_start())
    } else {
        (None, s)
    }
}

/// The power of ten of a scale word (`rb`, `ribu`, `jt`, `juta`, `M`, `miliar`, `milyar`, `T`,
/// `triliun`), or `None`.
fn scale_word(w: &str) -> Option<u32> {
    // Single capital letters only: a lower-case `m` or `t` is not taken as a multiplier.
    match w {
        "M" => return Some(9),
        "T" => return Some(12),
        _ => {}
    }
    let w = w.strip_suffix('.').unwrap_or(w);
    const WORDS: [(&str, u32); 8] = [
        ("rb", 3),
        ("ribu", 3),
        ("jt", 6),
        ("juta", 6),
        ("miliar", 9),
        ("milyar", 9),
        ("triliun", 12),
        ("trilyun", 12),
    ];
    WORDS
        .iter()
        .find(|(name, _)| name.eq_ignore_ascii_case(w))
        .map(|&(_, e)| e)
}

/// The core parser shared by [`parse_decimal`], [`parse_count`] and [`parse_rupiah`], for the
/// convention `seps` (the readers' `decimal` option chooses it; the functions above use
/// [`Seps::COMMA`]).
pub(crate) fn parse_core(input: &str, accept: Accept, seps: Seps) -> Result<Decimal, NumberError> {
    let mut t = input.trim();
    let mut negative = false;
    let mut paren = false;
    if let Some(inner) = t.strip_prefix('(').and_then(|x| x.strip_suffix(')')) {
        negative = true;
        paren = true;
        t = inner.trim();
    }
    let (sign1, rest) = take_sign(t);
    t = rest;
    if accept.currency {
        for p in ["rp.", "rp", "idr"] {
            if let Some(r) = strip_prefix_ci(t, p) {
                t = r.trim_start();
                break;
            }
        }
    }
    let (sign2, rest) = take_sign(t);
    t = rest;
    let sign = match (sign1, sign2) {
        (Some(_), Some(_)) => return Err(not_a_number(input)),
        (a, b) => a.or(b),
    };
    if let Some(neg) = sign {
        if paren {
            return Err(not_a_number(input));
        }
        negative = neg;
    }

    let b = t.as_bytes();
    let mut i = 0usize;
    let mut mant: i128 = 0;
    let mut scale: u32 = 0;
    let too_many = || out_of_range(input, WHY_TOO_MANY_DIGITS.to_string());

    // Integer part: digits, optionally grouped by the thousands separator.
    if !b.first().is_some_and(u8::is_ascii_digit) {
        return Err(not_a_number(input));
    }
    let leading_zero = b.first() == Some(&b'0');
    let mut group_len = 0usize;
    let mut dots = 0usize;
    while let Some(&c) = b.get(i) {
        if c.is_ascii_digit() {
            mant = mant
                .checked_mul(10)
                .and_then(|m| m.checked_add(i128::from(c - b'0')))
                .ok_or_else(too_many)?;
            group_len += 1;
        } else if c == seps.group {
            let ok = if dots == 0 {
                (1..=3).contains(&group_len) && !leading_zero
            } else {
                group_len == 3
            };
            if !ok {
                return Err(ambiguous(input, why_groups(seps)));
            }
            dots += 1;
            group_len = 0;
        } else {
            break;
        }
        i += 1;
    }
    if dots > 0 && group_len != 3 {
        return Err(ambiguous(input, why_groups(seps)));
    }

    // Fraction: the decimal mark then digits, or `,-` (no fraction, money style).
    if b.get(i) == Some(&seps.decimal) {
        i += 1;
        if b.get(i) == Some(&b'-') {
            i += 1;
        } else {
            let start = i;
            while let Some(&c) = b.get(i) {
                if !c.is_ascii_digit() {
                    break;
                }
                mant = mant
                    .checked_mul(10)
                    .and_then(|m| m.checked_add(i128::from(c - b'0')))
                    .ok_or_else(too_many)?;
                scale += 1;
                if scale > MAX_SCALE {
                    return Err(too_many());
                }
                i += 1;
            }
            if i == start {
                return Err(not_a_number(input));
            }
            match b.get(i) {
                Some(&c) if seps.is_comma() && c == b',' => {
                    return Err(ambiguous(input, WHY_ENGLISH_COMMAS));
                }
                Some(&c) if seps.is_comma() && c == b'.' => {
                    return Err(ambiguous(input, WHY_ENGLISH_COMMA_DOT));
                }
                Some(b',' | b'.') => return Err(ambiguous(input, WHY_POINT_MIXED)),
                _ => {}
            }
        }
    }

    // Suffix: nothing, `%`, or a scale word.
    let tail = t.get(i..).unwrap_or("").trim_start();
    let mut exp = 0u32;
    if !tail.is_empty() {
        if accept.percent && tail == "%" {
            // The percent sign is dropped: `54,34%` is 54.34.
        } else if let Some(e) = scale_word(tail) {
            exp = e;
        } else {
            return Err(not_a_number(input));
        }
    }

    let d = Decimal {
        mantissa: if negative { -mant } else { mant },
        scale,
    };
    if exp == 0 {
        return Ok(d);
    }
    d.checked_mul_pow10(exp).ok_or_else(|| {
        out_of_range(
            input,
            format!("times 10^{exp} it has more digits than an exact decimal holds (38)"),
        )
    })
}

/// Parse a number written the Indonesian way into an exact [`Decimal`].
///
/// Accepted (surrounding spaces ignored):
/// - `.` as thousands separator between groups of exactly three digits, `,` as the decimal
///   separator: `1.500` = 1500, `9,7` = 9.7, `1.234.567,89`;
/// - a sign `-`/`+` (also U+2212 `−`), or accounting parentheses: `-1.500`, `(1.500)` = −1500;
/// - a trailing `%`, which is **dropped**: `54,34%` gives 54.34 (not 0.5434);
/// - a scale word, with or without a space: `rb`/`ribu` ×10³, `jt`/`juta` ×10⁶,
///   `M`/`miliar`/`milyar` ×10⁹ (**`M` is miliar**, not million), `T`/`triliun` ×10¹²
///   (`15 jt`, `1,5 M`, `182,35 triliun`); the single letters `M` and `T` must be capitals,
///   the words are case-insensitive;
/// - a currency prefix `Rp`, `Rp.` or `IDR` and a trailing `,-` (`Rp182,35 triliun`), as in
///   [`parse_rupiah`] — the value is then in rupiah.
///
/// Errors (DOMAIN.md §6.2; nothing is guessed):
/// - [`NumberError::Ambiguous`] (`number_ambiguous`): dots not separating groups of three
///   (`1.5`, `1.50.000`, `0.500`), or the English convention (`1,234.56`, `1,234,567`);
/// - [`NumberError::NotANumber`] (`number_not_a_number`): empty, `-`, `nan`, `inf`, letters,
///   an unknown word after the digits;
/// - [`NumberError::OutOfRange`] (`number_out_of_range`): more than 38 significant digits.
pub fn parse_decimal(s: &str) -> Result<Decimal, NumberError> {
    parse_core(s, Accept::DECIMAL, Seps::COMMA)
}

/// The largest count [`parse_count`] accepts: `i64::MAX` = 9223372036854775807, so that every
/// count fits the signed integers used by panels, statistics and the bindings.
const MAX_COUNT: u64 = i64::MAX as u64;

/// The Indonesian convention, said in every refusal that may come from an English-style value.
const CONVENTION: &str =
    "in Indonesian numbers `,` is the decimal separator and `.` separates thousands";

/// When `s` reads as an English-style whole number with `,` thousands separators (`1,500`,
/// `Rp 12,000`), a hint naming the value and how it is written the Indonesian way.
fn english_thousands_hint(s: &str) -> Option<String> {
    let t = s.trim();
    let start = t.find(|c: char| c.is_ascii_digit())?;
    let num = t.get(start..)?.trim_end();
    let num = num.strip_suffix(",-").unwrap_or(num);
    let groups: Vec<&str> = num.split(',').collect();
    let first = groups.first()?;
    let ok = groups.len() >= 2
        && (1..=3).contains(&first.len())
        && !first.starts_with('0')
        && groups.iter().all(|g| g.bytes().all(|b| b.is_ascii_digit()))
        && groups.iter().skip(1).all(|g| g.len() == 3);
    if !ok {
        return None;
    }
    let n: i64 = groups.concat().parse().ok()?;
    Some(format!(
        "if `{}` means {n}, write it `{}`",
        num,
        format_int(n)
    ))
}

/// Parse a non-negative whole count written the Indonesian way: `1.500` = 1500, `15 rb` =
/// 15000, `1,5 jt` = 1500000.
///
/// Same number syntax as [`parse_decimal`] but without currency prefix or `%`.
/// Errors: as [`parse_decimal`], plus [`NumberError::Inexact`] (`number_inexact`) when the
/// value has a fractional part (`9,7`; the message recalls that `,` is the decimal separator,
/// and for `1,500` that 1500 is written `1.500`), and [`NumberError::OutOfRange`]
/// (`number_out_of_range`) when it is negative (`-5`) or above `i64::MAX` =
/// 9223372036854775807 (the message names that limit). The limit is `i64::MAX`, not
/// `u64::MAX`, so that a count read here always converts to `i64` without loss.
/// `1.500 unit` is [`NumberError::NotANumber`].
pub fn parse_count(s: &str) -> Result<u64, NumberError> {
    count_of(s, parse_core(s, Accept::COUNT, Seps::COMMA)?, Seps::COMMA)
}

/// The convention, said in a refusal under `seps`.
fn convention(seps: Seps) -> &'static str {
    if seps.is_comma() {
        CONVENTION
    } else {
        "with the decimal point (`decimal = point`) `.` is the decimal separator and `,` separates thousands"
    }
}

/// `d` (read from `s` under `seps`) as a count: whole, not negative, at most `i64::MAX`.
pub(crate) fn count_of(s: &str, d: Decimal, seps: Seps) -> Result<u64, NumberError> {
    if d.is_negative() {
        return Err(out_of_range(s, "a count cannot be negative".to_string()));
    }
    let Some(n) = d.to_i128() else {
        let hint = if seps.is_comma() {
            english_thousands_hint(s).map_or_else(
                || " (1500 is written `1.500`)".to_string(),
                |h| format!("; {h}"),
            )
        } else {
            String::new()
        };
        return Err(NumberError::Inexact {
            value: s.to_string(),
            why: format!("a count must be a whole number; {}{hint}", convention(seps)),
        });
    };
    u64::try_from(n)
        .ok()
        .filter(|&n| n <= MAX_COUNT)
        .ok_or_else(|| out_of_range(s, format!("a count is at most {MAX_COUNT}")))
}

/// Parse a money amount in rupiah into exact sen: `Rp 1.234.567,89` = 123456789 sen.
///
/// Accepted: an optional `Rp`, `Rp.` or `IDR` prefix (any case, with or without a space), a
/// sign before or after it (`-Rp 1.500,00`, `Rp -1.500`), accounting parentheses, a trailing
/// `,-` or `,00` (`Rp5.000.000,-`), and the scale words of [`parse_decimal`] (`15 jt`,
/// `1,5 M` = 1,5 miliar = 150000000000 sen, `Rp182,35 triliun`).
///
/// Errors: as [`parse_decimal`] (a `%` is refused as [`NumberError::NotANumber`]), plus
/// [`NumberError::Inexact`] (`number_inexact`) when the amount has a fraction of a sen after
/// scaling (`Rp 0,125`) — never rounded — and [`NumberError::OutOfRange`]
/// (`number_out_of_range`) beyond `i64` sen (about Rp 92 kuadriliun).
pub fn parse_rupiah(s: &str) -> Result<Rupiah, NumberError> {
    rupiah_of(s, parse_core(s, Accept::MONEY, Seps::COMMA)?, Seps::COMMA)
}

/// `d` (read from `s` under `seps`, in rupiah) as an exact amount in sen.
pub(crate) fn rupiah_of(s: &str, d: Decimal, seps: Seps) -> Result<Rupiah, NumberError> {
    let sen: i128 = if d.scale <= 2 {
        pow10(2 - d.scale)
            .and_then(|p| d.mantissa.checked_mul(p))
            .ok_or_else(|| out_of_range(s, "above the largest amount (i64 sen)".to_string()))?
    } else {
        let p = pow10(d.scale - 2).unwrap_or(i128::MAX);
        if d.mantissa % p != 0 {
            let hint = if seps.is_comma() {
                english_thousands_hint(s).map_or_else(String::new, |h| format!("; {h}"))
            } else {
                String::new()
            };
            return Err(NumberError::Inexact {
                value: s.to_string(),
                why: format!(
                    "{} decimal places of rupiah; the smallest unit is the sen (2 places) and amounts are never rounded; {}{hint}",
                    d.normalized().scale,
                    convention(seps)
                ),
            });
        }
        d.mantissa / p
    };
    i64::try_from(sen).map(Rupiah::from_sen).map_err(|_| {
        out_of_range(
            s,
            format!(
                "beyond the representable amounts (±{} sen, about Rp 92 kuadriliun)",
                i64::MAX
            ),
        )
    })
}

// ---------------------------------------------------------------------------------------------
// Formatting
// ---------------------------------------------------------------------------------------------

/// Format an integer with Indonesian thousands separators: `1234567` gives `1.234.567`,
/// `-1500` gives `-1.500`.
pub fn format_int(n: i64) -> String {
    format_int_grouped(n, '.')
}

/// Format an integer with `separator` between groups of three digits: `format_int_grouped(
/// 1234567, ',')` gives `1,234,567` (the English convention, for English reports).
pub fn format_int_grouped(n: i64, separator: char) -> String {
    let mut buf = [0u8; 40];
    let digits = digits_u128(u128::from(n.unsigned_abs()), &mut buf);
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if n < 0 {
        out.push('-');
    }
    push_plain(&mut out, digits, 0, Some((separator, ',')));
    out
}

/// Format a decimal the Indonesian way with exactly `decimals` decimal places:
/// `1234567.891` with 2 gives `1.234.567,89`; with 0 gives `1.234.568`.
///
/// Rounding is **half to even** (banker's rounding), applied once: `0,125` → `0,12`,
/// `0,135` → `0,14`, `2,5` with 0 decimals → `2`. A value that rounds to zero is written
/// without a minus sign (`-0,001` with 2 decimals gives `0,00`).
pub fn format_decimal(d: &Decimal, decimals: u32) -> String {
    let negative = d.mantissa < 0;
    let abs = d.mantissa.unsigned_abs();
    let (abs, scale) = if d.scale > decimals {
        (round_half_even_u128(abs, d.scale - decimals).0, decimals)
    } else {
        (abs, d.scale)
    };
    let mut buf = [0u8; 40];
    let digits = digits_u128(abs, &mut buf);
    let mut out = String::with_capacity(digits.len() * 2 + decimals as usize + 2);
    if negative && abs != 0 {
        out.push('-');
    }
    push_plain(&mut out, digits, scale as usize, Some(('.', ',')));
    if scale < decimals {
        if scale == 0 {
            out.push(',');
        }
        for _ in scale..decimals {
            out.push('0');
        }
    }
    out
}

/// Format an amount as `Rp 1.234.567,89`: always two decimals (`Rp 5.000.000,00`), a space
/// after `Rp`, negative as `-Rp 1.500,00`. [`parse_rupiah`] reads it back exactly.
pub fn format_rupiah(r: Rupiah) -> String {
    format_rupiah_impl(r, true)
}

/// Format an amount as `Rp 5.000.000` when it is a whole number of rupiah (no sen); otherwise
/// exactly as [`format_rupiah`] (`Rp 1.234.567,89`): sen are never truncated or rounded away.
pub fn format_rupiah_whole(r: Rupiah) -> String {
    format_rupiah_impl(r, r.sen() % 100 != 0)
}

fn format_rupiah_impl(r: Rupiah, with_sen: bool) -> String {
    let sen = r.sen();
    let mut buf = [0u8; 40];
    let digits = digits_u128(u128::from(sen.unsigned_abs()), &mut buf);
    let mut out = String::with_capacity(32);
    if sen < 0 {
        out.push('-');
    }
    out.push_str("Rp ");
    if with_sen {
        push_plain(&mut out, digits, 2, Some(('.', ',')));
    } else {
        let int_len = digits.len().saturating_sub(2).max(1);
        let int_digits: &[u8] = if digits.len() > 2 {
            digits.get(..int_len).unwrap_or(b"0")
        } else {
            b"0"
        };
        push_plain(&mut out, int_digits, 0, Some(('.', ',')));
    }
    out
}
