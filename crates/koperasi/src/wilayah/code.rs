//! The region code type [`KodeWilayah`].

use crate::error::WilayahError;
use serde::{Deserialize, Serialize};
use std::fmt;

/// Level of a region in the Kemendagri hierarchy.
///
/// Ordered from the top (`Provinsi`) to the bottom (`DesaKelurahan`). Serialised in snake_case
/// (`provinsi`, `kabupaten_kota`, `kecamatan`, `desa_kelurahan`), the values of the `level`
/// column of the embedded table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// Province (2 digits).
    Provinsi,
    /// Kabupaten or kota (4 digits).
    KabupatenKota,
    /// Kecamatan (6 digits).
    Kecamatan,
    /// Desa or kelurahan (10 digits).
    DesaKelurahan,
}

impl Level {
    /// The snake_case label used in the table and in serialisation, e.g. `"kabupaten_kota"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Provinsi => "provinsi",
            Level::KabupatenKota => "kabupaten_kota",
            Level::Kecamatan => "kecamatan",
            Level::DesaKelurahan => "desa_kelurahan",
        }
    }

    /// Read a snake_case label (`provinsi`, `kabupaten_kota`, `kecamatan`, `desa_kelurahan`).
    pub fn from_label(s: &str) -> Option<Level> {
        match s.trim() {
            "provinsi" => Some(Level::Provinsi),
            "kabupaten_kota" => Some(Level::KabupatenKota),
            "kecamatan" => Some(Level::Kecamatan),
            "desa_kelurahan" => Some(Level::DesaKelurahan),
            _ => None,
        }
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A Kemendagri region code such as `64.71.01` (Kecamatan Balikpapan Timur).
///
/// Structure (DOMAIN.md 6.3; Permendagri 137/2017): province 2 digits, kabupaten/kota 2,
/// kecamatan 2, desa/kelurahan 4, written `PP.KK.CC.DDDD`. Stored compactly as numbers (no
/// heap allocation); a segment is never `0` (`00`, `0000` are not codes), so `0` marks an
/// absent lower level.
///
/// Ordering is by the segments from the top, so a parent sorts before all its children and
/// children sort in code order: `64 < 64.71 < 64.71.01 < 64.71.01.1001 < 64.71.02 < 64.72`.
/// Displayed and serialised in the dotted form; deserialised with [`KodeWilayah::parse`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(try_from = "String", into = "String")]
pub struct KodeWilayah {
    prov: u8,
    kab: u8,
    kec: u8,
    desa: u16,
}

/// Parse a run of ASCII digits (already checked) into a number, refusing zero.
fn segment(digits: &str) -> Option<u16> {
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n: u16 = digits.parse().ok()?;
    if n == 0 { None } else { Some(n) }
}

impl KodeWilayah {
    /// Parse `64`, `64.71`, `64.71.01`, `64.71.01.1001` or the same digits undotted (`6471`,
    /// `647101`, `6471011001`). Surrounding spaces are ignored.
    ///
    /// # Errors
    /// [`WilayahError::BadCode`] for anything else: other lengths, non-digits, mixed dotted and
    /// undotted segments (`64.7101`), or a segment that is all zeros (`64.00`).
    pub fn parse(s: &str) -> Result<KodeWilayah, WilayahError> {
        Self::parse_opt(s).ok_or_else(|| WilayahError::BadCode {
            value: s.to_string(),
        })
    }

    fn parse_opt(s: &str) -> Option<KodeWilayah> {
        let t = s.trim();
        if !t.is_ascii() {
            return None;
        }
        let parts: Vec<&str> = if t.contains('.') {
            let parts: Vec<&str> = t.split('.').collect();
            let widths_ok = parts
                .iter()
                .enumerate()
                .all(|(i, p)| p.len() == if i == 3 { 4 } else { 2 });
            if !widths_ok || parts.len() < 2 || parts.len() > 4 {
                return None;
            }
            parts
        } else {
            match t.len() {
                2 => vec![t.get(0..2)?],
                4 => vec![t.get(0..2)?, t.get(2..4)?],
                6 => vec![t.get(0..2)?, t.get(2..4)?, t.get(4..6)?],
                10 => vec![t.get(0..2)?, t.get(2..4)?, t.get(4..6)?, t.get(6..10)?],
                _ => return None,
            }
        };
        let mut k = KodeWilayah {
            prov: 0,
            kab: 0,
            kec: 0,
            desa: 0,
        };
        for (i, p) in parts.iter().enumerate() {
            let n = segment(p)?;
            match i {
                0 => k.prov = u8::try_from(n).ok()?,
                1 => k.kab = u8::try_from(n).ok()?,
                2 => k.kec = u8::try_from(n).ok()?,
                _ => k.desa = n,
            }
        }
        Some(k)
    }

    /// The level of this code: 2 digits `Provinsi`, 4 `KabupatenKota`, 6 `Kecamatan`,
    /// 10 `DesaKelurahan`.
    pub fn level(&self) -> Level {
        if self.desa != 0 {
            Level::DesaKelurahan
        } else if self.kec != 0 {
            Level::Kecamatan
        } else if self.kab != 0 {
            Level::KabupatenKota
        } else {
            Level::Provinsi
        }
    }

    /// The code one level up (`64.71.01` gives `64.71`); `None` for a province.
    pub fn parent(&self) -> Option<KodeWilayah> {
        let mut p = *self;
        match self.level() {
            Level::Provinsi => return None,
            Level::KabupatenKota => p.kab = 0,
            Level::Kecamatan => p.kec = 0,
            Level::DesaKelurahan => p.desa = 0,
        }
        Some(p)
    }

    /// The province this code belongs to (itself for a province): `64.71.01` gives `64`.
    pub fn provinsi(&self) -> KodeWilayah {
        KodeWilayah {
            prov: self.prov,
            kab: 0,
            kec: 0,
            desa: 0,
        }
    }

    /// The kabupaten/kota this code belongs to (itself at that level); `None` for a province.
    pub fn kab_kota(&self) -> Option<KodeWilayah> {
        (self.kab != 0).then_some(KodeWilayah {
            prov: self.prov,
            kab: self.kab,
            kec: 0,
            desa: 0,
        })
    }

    /// The kecamatan this code belongs to (itself at that level); `None` above kecamatan level.
    pub fn kecamatan(&self) -> Option<KodeWilayah> {
        (self.kec != 0).then_some(KodeWilayah {
            prov: self.prov,
            kab: self.kab,
            kec: self.kec,
            desa: 0,
        })
    }

    /// For a code at or below kabupaten/kota level: `Some(true)` when the kab/kota digits are
    /// 71-99 (a kota), `Some(false)` for 01-69 (a kabupaten), `None` for a province or for the
    /// unused digits 70 (DOMAIN.md 6.3).
    pub fn is_kota(&self) -> Option<bool> {
        match self.kab {
            0 | 70 => None,
            1..=69 => Some(false),
            _ => Some(true),
        }
    }

    /// For a desa/kelurahan code: `Some(true)` when the 4-digit segment starts with 1
    /// (kelurahan), `Some(false)` when it starts with 2 (desa) or 3 (desa adat, seen in the 2025
    /// table in Kabupaten Jayapura 91.03); `None` at other levels or for another first digit
    /// (DOMAIN.md 6.3).
    pub fn is_kelurahan(&self) -> Option<bool> {
        match self.desa {
            1000..=1999 => Some(true),
            2000..=3999 => Some(false),
            _ => None,
        }
    }

    /// True when `other` is this region or lies inside it: `64.71` contains `64.71`,
    /// `64.71.01` and `64.71.01.1001`, not `64.72` nor `64`.
    pub fn contains(&self, other: &KodeWilayah) -> bool {
        self.prov == other.prov
            && (self.kab == 0 || self.kab == other.kab)
            && (self.kec == 0 || self.kec == other.kec)
            && (self.desa == 0 || self.desa == other.desa)
    }

    /// The segments as numbers `(provinsi, kab/kota, kecamatan, desa)`, `0` for absent levels:
    /// `64.71.01` gives `(64, 71, 1, 0)`.
    pub fn segments(&self) -> (u8, u8, u8, u16) {
        (self.prov, self.kab, self.kec, self.desa)
    }

    /// The digits without dots: `64.71.01` gives `647101`.
    pub fn undotted(&self) -> String {
        self.to_string().replace('.', "")
    }
}

impl fmt::Display for KodeWilayah {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}", self.prov)?;
        if self.kab != 0 {
            write!(f, ".{:02}", self.kab)?;
        }
        if self.kec != 0 {
            write!(f, ".{:02}", self.kec)?;
        }
        if self.desa != 0 {
            write!(f, ".{:04}", self.desa)?;
        }
        Ok(())
    }
}

impl std::str::FromStr for KodeWilayah {
    type Err = WilayahError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        KodeWilayah::parse(s)
    }
}

impl TryFrom<String> for KodeWilayah {
    type Error = WilayahError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        KodeWilayah::parse(&s)
    }
}

impl TryFrom<&str> for KodeWilayah {
    type Error = WilayahError;
    fn try_from(s: &str) -> Result<Self, Self::Error> {
        KodeWilayah::parse(s)
    }
}

impl From<KodeWilayah> for String {
    fn from(k: KodeWilayah) -> String {
        k.to_string()
    }
}
