//! Identifiers of a cooperative: Nomor Induk Koperasi, nomor badan hukum, NIB.
//!
//! Sources: DOMAIN.md 1.5 (identifiers), with the formats observed in the Kota Bogor register
//! (`data/samples/kota-bogor-koperasi-register/`, 398 real numbers).

use crate::error::IdentityError;
use serde::{Deserialize, Serialize};

/// True for a placeholder meaning "no identifier": what [`crate::locale::is_missing`] says,
/// plus `0`, `00`, `000`... (DESIGN.md: `0` for an identifier is missing, not a value).
fn is_placeholder(s: &str) -> bool {
    let t = crate::locale::trim(s);
    crate::locale::is_missing(t) || (!t.is_empty() && t.bytes().all(|b| b == b'0'))
}

/// Nomor Induk Koperasi (NIK koperasi): the identity number Kemenkop gives a cooperative
/// (DOMAIN.md 1.5; Permen KUKM 10/2016 art. 1 no. 9, art. 16).
///
/// Kept as opaque ASCII digits. **Its structure is not verified**: no official description of
/// its digits was found (13-digit values are seen in public code, some systems allow 16), so
/// this type never reads a region or anything else out of it and checks no checksum. Not to be
/// confused with the personal NIK kependudukan of members (16 digits, personal data).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(transparent)]
pub struct NikKoperasi(String);

impl NikKoperasi {
    /// Shortest length accepted by [`NikKoperasi::parse`].
    pub const DEFAULT_MIN_LEN: usize = 13;
    /// Longest length accepted by [`NikKoperasi::parse`].
    pub const DEFAULT_MAX_LEN: usize = 16;

    /// Parse a NIK koperasi of 13 to 16 ASCII digits (surrounding spaces ignored).
    ///
    /// Placeholders (`""`, `-`, `n/a`, `null`, `0`, `0000000000000`, ...) give `Ok(None)`.
    ///
    /// # Errors
    /// [`IdentityError::BadNik`] with the reason: a character that is not an ASCII digit, or a
    /// length outside 13..=16.
    pub fn parse(s: &str) -> Result<Option<NikKoperasi>, IdentityError> {
        Self::parse_with_lengths(s, Self::DEFAULT_MIN_LEN, Self::DEFAULT_MAX_LEN)
    }

    /// As [`NikKoperasi::parse`] with the accepted digit count `min..=max` chosen by the caller
    /// (for a source known to use one length).
    ///
    /// # Errors
    /// [`IdentityError::BadNik`] as for `parse`.
    pub fn parse_with_lengths(
        s: &str,
        min: usize,
        max: usize,
    ) -> Result<Option<NikKoperasi>, IdentityError> {
        if is_placeholder(s) {
            return Ok(None);
        }
        let t = s.trim();
        let bad = |why: String| IdentityError::BadNik {
            value: s.to_string(),
            why,
        };
        if let Some(c) = t.chars().find(|c| !c.is_ascii_digit()) {
            return Err(bad(format!(
                "contains `{c}`; only the digits 0-9 are allowed"
            )));
        }
        let n = t.len();
        if n < min || n > max {
            return Err(bad(format!("has {n} digits; expected {min} to {max}")));
        }
        Ok(Some(NikKoperasi(t.to_string())))
    }

    /// The digits.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for NikKoperasi {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// NIB (Nomor Induk Berusaha), the OSS business identification number: 13 ASCII digits in all
/// examples seen (DOMAIN.md 1.5, e.g. `1904230058291`). Opaque; no meaning is read from it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(transparent)]
pub struct Nib(String);

impl Nib {
    /// Parse 13 ASCII digits (surrounding spaces ignored); placeholders give `Ok(None)`.
    ///
    /// # Errors
    /// [`IdentityError::BadNib`] for anything else.
    pub fn parse(s: &str) -> Result<Option<Nib>, IdentityError> {
        if is_placeholder(s) {
            return Ok(None);
        }
        let t = s.trim();
        if t.len() == 13 && t.bytes().all(|b| b.is_ascii_digit()) {
            Ok(Some(Nib(t.to_string())))
        } else {
            Err(IdentityError::BadNib {
                value: s.to_string(),
            })
        }
    }

    /// The digits.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for Nib {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Which authority's numbering a nomor badan hukum follows, recognised from its text.
///
/// Serialised in snake_case (`ahu`, `kemenkop`, `kwk`, `kdk`, `kankop`, `other`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum BadanHukumKind {
    /// Kemenkumham AHU system (2019 onwards): `AHU-<digits>.AH.01.26.TAHUN <YYYY>`
    /// (DOMAIN.md 1.5); any text starting with `AHU`.
    Ahu,
    /// Kementerian Koperasi dan UKM: contains `M.KUKM` (`008412/BH/M.KUKM.2/V/2018`).
    Kemenkop,
    /// Kantor Wilayah (provincial office) of the cooperative ministry: a `KWK` segment
    /// (`9290/BH/KWK-10/IX-1996`, `8621/BH/PAD/KWK.10/II/98`).
    Kwk,
    /// Kantor Departemen Koperasi (kabupaten/kota office): a `KDK` segment
    /// (`01/BH/KDK.1022/I/2001`).
    Kdk,
    /// A kabupaten/kota cooperative office or dinas: `KANKOP`, `DISKOP`, `KOP`, `PERINDAGKOP`,
    /// `DIPERINDAGKOP`, `DISPERINDAGKOP`, `KKUKM`... (`518/09/BH/KANKOP`, `50/BH/XIII.5/KANKOP`).
    Kankop,
    /// Anything else (kept as raw text).
    Other,
}

/// A nomor badan hukum (legal-entity approval number), raw text kept, with what could be read
/// from it (DOMAIN.md 1.5).
///
/// The year and month are filled **only** when the text states them unambiguously:
/// - AHU numbers: the 4-digit year after `TAHUN` (space, hyphen or nothing between); no month.
/// - Other numbers: split on `/`; the last segment, split again on `-`, `.` and spaces, must end
///   with a 4-digit year 1945..=2100 (`/2018`, `/IX-1996`, `/VII.1998`, `/9-12-1967`), and that
///   year must not be the first segment of the number. The month is read only from a Roman
///   numeral I..XII standing alone right before that year (`/V/2018` gives 5, `/IX-1996` gives
///   9); `XIII.5`, `KDK.1022XII` or a Roman numeral without a year (`2713/B.H/VII`, where `VII`
///   is more likely an office code) give no month.
/// - Two-digit years are read only right after a Roman month (`8621/BH/PAD/KWK.10/II/98` gives
///   February 1998), with the pivot 45: `45`-`99` are 1945-1999, `00`-`44` are 2000-2044.
///   A 2-digit number after anything else is not a year: `8091/BH/KWK-10/22`,
///   `6467/BH/DK-10/3`, `9662/BH/KWK.10/5`, `7/BH/KDK.10/00`, `2017/BH/IX-9/12-67` give none.
///
/// [`NomorBadanHukum::key`] is a normalised form for duplicate detection.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct NomorBadanHukum {
    /// The text exactly as given (trimmed).
    pub raw: String,
    /// Year stated by the number, when unambiguous (see the type's rules).
    pub year: Option<i32>,
    /// Month stated by the number, when unambiguous (1-12, from a Roman numeral before the year).
    pub month: Option<u32>,
    /// True for an AHU number (`kind == BadanHukumKind::Ahu`).
    pub is_ahu: bool,
    /// True for an amendment (perubahan anggaran dasar): a `PAD` segment or the word
    /// `perubahan` in the text.
    pub is_amendment: bool,
    /// Which numbering it follows.
    pub kind: BadanHukumKind,
}

/// The value of a Roman numeral I..XII standing alone, else `None`.
fn roman_month(s: &str) -> Option<u32> {
    let m = match s {
        "I" => 1,
        "II" => 2,
        "III" => 3,
        "IV" => 4,
        "V" => 5,
        "VI" => 6,
        "VII" => 7,
        "VIII" => 8,
        "IX" => 9,
        "X" => 10,
        "XI" => 11,
        "XII" => 12,
        _ => return None,
    };
    Some(m)
}

fn all_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// Pivot for two-digit years: `45..=99` are 19xx, `00..=44` are 20xx.
const TWO_DIGIT_PIVOT: i32 = 45;

/// Upper-case, collapse spaces, remove spaces around `/` and `.`. One pass: a run of
/// whitespace becomes one space, written only when a character other than `/` or `.` stands
/// on both sides of it.
fn normalise_key(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut gap = false;
    let push = |out: &mut String, c: char, gap: &mut bool| {
        if c.is_whitespace() {
            *gap = !out.is_empty();
            return;
        }
        if std::mem::take(gap) && !matches!(c, '/' | '.') && !out.ends_with(['/', '.']) {
            out.push(' ');
        }
        out.push(c);
    };
    if raw.is_ascii() {
        // Byte-wise: the same rules, ASCII whitespace being what `char::is_whitespace` says.
        let mut out: Vec<u8> = Vec::with_capacity(raw.len());
        let mut gap = false;
        for b in raw.bytes() {
            if matches!(b, b' ' | b'\t' | b'\n' | b'\x0B' | b'\x0C' | b'\r') {
                gap = !out.is_empty();
                continue;
            }
            if std::mem::take(&mut gap)
                && !matches!(b, b'/' | b'.')
                && !matches!(out.last(), Some(b'/' | b'.'))
            {
                out.push(b' ');
            }
            out.push(b.to_ascii_uppercase());
        }
        return String::from_utf8(out).unwrap_or_default();
    }
    for c in raw.chars() {
        if c.is_ascii() {
            push(&mut out, c.to_ascii_uppercase(), &mut gap);
        } else {
            for u in c.to_uppercase() {
                push(&mut out, u, &mut gap);
            }
        }
    }
    out
}

/// AHU: serial and year from `AHU-<digits>.AH.<dd>.<dd>.TAHUN[ -]<YYYY>` (key form).
fn parse_ahu(key: &str) -> (Option<u32>, Option<i32>) {
    let rest = key.strip_prefix("AHU").unwrap_or_default();
    let rest = rest.trim_start_matches(['-', ' ']);
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    let serial = if digits.is_empty() || digits.len() > 9 {
        None
    } else {
        digits.parse().ok()
    };
    let year = key.rfind("TAHUN").and_then(|i| {
        let tail = key.get(i + "TAHUN".len()..)?;
        let tail = tail.strip_prefix([' ', '-']).unwrap_or(tail);
        if tail.len() == 4 && all_digits(tail) {
            tail.parse::<i32>()
                .ok()
                .filter(|y| (1945..=2100).contains(y))
        } else {
            None
        }
    });
    (serial, year)
}

/// Year and month of a non-AHU number (key form), by the rules on [`NomorBadanHukum`].
fn legacy_year_month(key: &str) -> (Option<i32>, Option<u32>) {
    let mut segments = key.rsplit('/').map(str::trim);
    let (Some(last), Some(before)) = (segments.next(), segments.next()) else {
        return (None, None);
    };
    // The last segment split on '-', '.', ' ': its last token is the year; the token right
    // before it is inside the last segment, else the previous segment.
    let mut last_tokens = last.rsplit(['-', '.', ' ']);
    let year_tok = last_tokens.next().unwrap_or_default();
    let prev = last_tokens.next().unwrap_or(before);
    let month = roman_month(prev);
    if year_tok.len() == 4 && all_digits(year_tok) {
        let year = year_tok
            .parse::<i32>()
            .ok()
            .filter(|y| (1945..=2100).contains(y));
        match year {
            Some(y) => (Some(y), month),
            None => (None, None),
        }
    } else if year_tok.len() == 2 && all_digits(year_tok) {
        match (month, year_tok.parse::<i32>().ok()) {
            (Some(m), Some(yy)) => {
                let y = if yy >= TWO_DIGIT_PIVOT {
                    1900 + yy
                } else {
                    2000 + yy
                };
                (Some(y), Some(m))
            }
            _ => (None, None),
        }
    } else {
        (None, None)
    }
}

/// The words of a key: runs of letters and digits.
fn words(key: &str) -> impl Iterator<Item = &str> {
    key.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

/// Which numbering a key follows, and whether it is an amendment (a `PAD` word or
/// `PERUBAHAN`), in one pass over its words.
fn kind_of(key: &str) -> (BadanHukumKind, bool) {
    let (mut kwk, mut kdk, mut kop, mut pad) = (false, false, false, false);
    for w in words(key) {
        kwk |= w.starts_with("KWK");
        kdk |= w.starts_with("KDK");
        kop |= w.ends_with("KOP") || (w.len() >= 5 && w.contains("KKUKM"));
        // `PAD`, or `PAD` run into the office code as typed in some registers (`PADKWK.10`).
        pad |= w == "PAD"
            || w.strip_prefix("PAD")
                .is_some_and(|r| r.starts_with("KWK") || r.starts_with("KDK"));
    }
    let is_amendment = pad || key.contains("PERUBAHAN");
    let kind = if key.starts_with("AHU") {
        BadanHukumKind::Ahu
    } else if key.contains("M.KUKM") {
        BadanHukumKind::Kemenkop
    } else if kwk {
        BadanHukumKind::Kwk
    } else if kdk {
        BadanHukumKind::Kdk
    } else if kop {
        BadanHukumKind::Kankop
    } else {
        BadanHukumKind::Other
    };
    (kind, is_amendment)
}

impl NomorBadanHukum {
    /// Read a number. Placeholders (`""`, `-`, `n/a`, `0`, ...) give `None`; any other text
    /// gives `Some`, with year, month, kind and amendment flag read by the rules on the type
    /// (unknown parts are `None`/`Other`, the raw text is always kept). Never panics.
    pub fn parse(s: &str) -> Option<NomorBadanHukum> {
        if is_placeholder(s) {
            return None;
        }
        let raw = crate::locale::trim(s).to_string();
        let key = normalise_key(&raw);
        let (kind, is_amendment) = kind_of(&key);
        let (year, month) = if kind == BadanHukumKind::Ahu {
            (parse_ahu(&key).1, None)
        } else {
            legacy_year_month(&key)
        };
        Some(NomorBadanHukum {
            raw,
            year,
            month,
            is_ahu: kind == BadanHukumKind::Ahu,
            is_amendment,
            kind,
        })
    }

    /// The serial number of an AHU number (`AHU-0007286.AH.01.26.TAHUN 2020` gives `7286`);
    /// `None` for other kinds.
    pub fn ahu_serial(&self) -> Option<u32> {
        if self.kind == BadanHukumKind::Ahu {
            parse_ahu(&normalise_key(&self.raw)).0
        } else {
            None
        }
    }

    /// A normalised key for duplicate detection: upper case, runs of spaces collapsed to one,
    /// no spaces around `/` and `.` (`518/08/BH kankop` and `518/08/BH KANKOP` share a key).
    pub fn key(&self) -> String {
        normalise_key(&self.raw)
    }
}

#[cfg(test)]
mod tests {
    use super::normalise_key;
    use proptest::prelude::*;

    /// The key as first written: three passes (upper-case, collapse, drop spaces by `/` `.`).
    fn key_reference(raw: &str) -> String {
        let upper = raw.to_uppercase();
        let collapsed = upper.split_whitespace().collect::<Vec<_>>().join(" ");
        let chars: Vec<char> = collapsed.chars().collect();
        let mut out = String::new();
        for (i, &c) in chars.iter().enumerate() {
            let by = |j: Option<usize>| {
                j.and_then(|j| chars.get(j))
                    .is_some_and(|c| matches!(c, '/' | '.'))
            };
            if c == ' ' && (by(i.checked_sub(1)) || by(Some(i + 1))) {
                continue;
            }
            out.push(c);
        }
        out
    }

    proptest! {
        #[test]
        fn one_pass_key_equals_reference(raw in "[ a-zA-Z0-9/.\\-\t\u{a0}ßé]{0,24}") {
            prop_assert_eq!(normalise_key(&raw), key_reference(&raw));
        }

        #[test]
        fn ascii_key_equals_reference(raw in "[ a-zA-Z0-9/.\\-\t\n\r\x0B\x0C]{0,24}") {
            prop_assert_eq!(normalise_key(&raw), key_reference(&raw));
        }
    }
}
