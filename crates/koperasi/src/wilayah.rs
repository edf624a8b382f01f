//! Kemendagri region codes (kode wilayah) and the embedded 2025 table.
//!
//! STUB: the full implementation replaces this file. The signatures are the contract.

use crate::error::WilayahError;
use serde::{Deserialize, Serialize};
use std::fmt;

/// Level of a region in the Kemendagri hierarchy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
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

/// A Kemendagri region code such as `64.71.01`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct KodeWilayah(String);

impl KodeWilayah {
    /// Parse `64`, `64.71`, `64.71.01`, `64.71.01.1001` or the same digits undotted.
    pub fn parse(s: &str) -> Result<KodeWilayah, WilayahError> {
        Ok(KodeWilayah(s.trim().to_string()))
    }
    /// The kabupaten/kota this code is in (itself at that level); `None` for a province.
    pub fn kab_kota(&self) -> Option<KodeWilayah> {
        None
    }
    /// True when `other` is this region or inside it.
    pub fn contains(&self, other: &KodeWilayah) -> bool {
        other.0.starts_with(&self.0)
    }
    /// The level of this code.
    pub fn level(&self) -> Level {
        Level::KabupatenKota
    }
}

impl fmt::Display for KodeWilayah {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl TryFrom<String> for KodeWilayah {
    type Error = WilayahError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        KodeWilayah::parse(&s)
    }
}

impl From<KodeWilayah> for String {
    fn from(k: KodeWilayah) -> String {
        k.to_string()
    }
}

/// One region of the table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Wilayah {
    /// Its code.
    pub code: KodeWilayah,
    /// Its official name, e.g. `Kota Balikpapan`.
    pub name: String,
    /// Its level.
    pub level: Level,
}

/// The embedded table.
#[derive(Debug)]
pub struct Table {
    rows: Vec<Wilayah>,
}

/// The embedded Kemendagri 2025 table.
pub fn table() -> &'static Table {
    static T: std::sync::OnceLock<Table> = std::sync::OnceLock::new();
    T.get_or_init(|| Table { rows: Vec::new() })
}

impl Table {
    /// The region with this code.
    pub fn get(&self, code: &KodeWilayah) -> Option<&Wilayah> {
        self.rows.iter().find(|w| &w.code == code)
    }
    /// Resolve a kabupaten/kota name (`KAB. MALANG`, `Kota Malang`, ...) within an optional province.
    pub fn find_kab_kota(
        &self,
        name: &str,
        within: Option<&KodeWilayah>,
    ) -> Result<&Wilayah, WilayahError> {
        let _ = within;
        Err(WilayahError::NotFound {
            name: name.to_string(),
        })
    }
    /// Resolve a province name.
    pub fn find_provinsi(&self, name: &str) -> Result<&Wilayah, WilayahError> {
        Err(WilayahError::NotFound {
            name: name.to_string(),
        })
    }
    /// Resolve a kecamatan name within an optional parent (province or kab/kota).
    pub fn find_kecamatan(
        &self,
        name: &str,
        within: Option<&KodeWilayah>,
    ) -> Result<&Wilayah, WilayahError> {
        let _ = within;
        Err(WilayahError::NotFound {
            name: name.to_string(),
        })
    }
    /// Regions whose code or name matches `query`, best first.
    pub fn search(&self, query: &str) -> Vec<&Wilayah> {
        let _ = query;
        Vec::new()
    }
}
