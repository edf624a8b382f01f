//! Region names (provinsi > kabupaten/kota > kecamatan > desa/kelurahan) matched to
//! Kemendagri codes, each level **within its parent**: a kecamatan is looked for in the
//! kab/kota found above it, a desa in that kecamatan.
//!
//! A name not found in its parent is looked for one level wider (a kab/kota in the whole
//! country, a kecamatan in the whole province, a desa in the whole kab/kota): when found there
//! once, the row is [`MatchStatus::Misplaced`] (e.g. `KAB. NIAS SELATAN` under `PAPUA BARAT
//! DAYA`), with the code where the name really is and the parent it was written under. A name
//! found nowhere is [`MatchStatus::NotFound`] with the "did you mean" names of
//! [`Table::suggest`](crate::wilayah::Table::suggest) inside the parent (none for a foreign
//! name such as `Fukuoka`). Nothing is dropped: every row keeps its outcome.
//!
//! Look-ups above the desa level are cached by (parent, level, name), so a register of 90,000
//! rows resolves each distinct kab/kota and kecamatan once.

use crate::error::WilayahError;
use crate::wilayah::{
    KodeWilayah, Level, RegionLevel, Table, Wilayah, edit_distance, normalize_name,
};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// Region names of one row, from the top; any may be missing.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RegionNames {
    /// Province name as written (`JAWA TIMUR`).
    pub provinsi: Option<String>,
    /// Kabupaten/kota name as written (`KAB. SITUBONDO`).
    pub kab_kota: Option<String>,
    /// Kecamatan name as written (`Panarukan`).
    pub kecamatan: Option<String>,
    /// Desa/kelurahan name as written (`Sumberkolak`).
    pub desa: Option<String>,
}

impl RegionNames {
    /// The name given at `level`, trimmed, `None` when missing or blank.
    pub fn at(&self, level: Level) -> Option<&str> {
        let v = match level {
            Level::Provinsi => &self.provinsi,
            Level::KabupatenKota => &self.kab_kota,
            Level::Kecamatan => &self.kecamatan,
            Level::DesaKelurahan => &self.desa,
        };
        v.as_deref().map(str::trim).filter(|s| !s.is_empty())
    }
}

/// Outcome of matching one name. Serialised in snake_case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum MatchStatus {
    /// Found within its parent.
    Matched,
    /// Not in its parent but found once one level wider: the code is where the name is.
    Misplaced,
    /// Several regions of that name in the parent (or wider): not placed.
    Ambiguous,
    /// No region of that name: not placed.
    NotFound,
}

impl MatchStatus {
    /// The snake_case name.
    pub fn as_str(self) -> &'static str {
        match self {
            MatchStatus::Matched => "matched",
            MatchStatus::Misplaced => "misplaced",
            MatchStatus::Ambiguous => "ambiguous",
            MatchStatus::NotFound => "not_found",
        }
    }

    /// A label in Indonesian (`id` true) or English.
    pub fn label(self, id: bool) -> &'static str {
        match (self, id) {
            (MatchStatus::Matched, true) => "cocok",
            (MatchStatus::Matched, false) => "matched",
            (MatchStatus::Misplaced, true) => "salah induk",
            (MatchStatus::Misplaced, false) => "under the wrong parent",
            (MatchStatus::Ambiguous, true) => "ambigu",
            (MatchStatus::Ambiguous, false) => "ambiguous",
            (MatchStatus::NotFound, true) => "tidak ditemukan",
            (MatchStatus::NotFound, false) => "not found",
        }
    }
}

/// How one name of a row was matched.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct LevelMatch {
    /// The level of the name.
    pub level: RegionLevel,
    /// The name as written.
    pub name: String,
    /// The outcome.
    pub status: MatchStatus,
    /// The code found (matched or misplaced).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<KodeWilayah>,
    /// For a misplaced name: the parent it was written under (where it is not).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub written_under: Option<KodeWilayah>,
    /// Candidates (`code name`) of an ambiguous name, or "did you mean" names of one not found.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub candidates: Vec<String>,
}

/// How a row's names were matched: the deepest code placed and each level's outcome.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PathMatch {
    /// The deepest region placed (matched or misplaced), `None` when none was.
    pub code: Option<KodeWilayah>,
    /// One entry per name given, from the top; matching stops at the first name not placed.
    pub levels: Vec<LevelMatch>,
}

impl PathMatch {
    /// The worst outcome over the levels (`Matched` when every name given was found in its
    /// parent; `NotFound` for a row with no names).
    pub fn status(&self) -> MatchStatus {
        self.levels
            .iter()
            .map(|l| l.status)
            .max()
            .unwrap_or(MatchStatus::NotFound)
    }

    /// The first level that is not [`MatchStatus::Matched`].
    pub fn problem(&self) -> Option<&LevelMatch> {
        self.levels
            .iter()
            .find(|l| l.status != MatchStatus::Matched)
    }
}

/// Matches region names to codes with a cache (see the module documentation).
#[derive(Debug)]
pub(crate) struct Matcher<'t> {
    table: &'t Table,
    cache: HashMap<(Option<KodeWilayah>, Level, String), LevelMatch>,
}

const LEVELS: [Level; 4] = [
    Level::Provinsi,
    Level::KabupatenKota,
    Level::Kecamatan,
    Level::DesaKelurahan,
];

impl<'t> Matcher<'t> {
    /// A matcher over `table` (normally [`crate::wilayah::table()`]).
    pub fn new(table: &'t Table) -> Matcher<'t> {
        Matcher {
            table,
            cache: HashMap::new(),
        }
    }

    /// Match the names of one row from the top down, starting inside `within` (a region the
    /// whole file belongs to, or `None`). Levels without a name are skipped; matching stops
    /// at the first name that is ambiguous or not found.
    pub fn match_path(&mut self, names: &RegionNames, within: Option<&KodeWilayah>) -> PathMatch {
        let mut out = PathMatch {
            code: within.copied(),
            levels: Vec::new(),
        };
        for level in LEVELS {
            let Some(name) = names.at(level) else {
                continue;
            };
            if within.is_some_and(|w| w.level() >= level) {
                continue;
            }
            let m = self.match_one(level, name, out.code.as_ref());
            let placed = m.code;
            out.levels.push(m);
            match placed {
                Some(c) => out.code = Some(c),
                None => break,
            }
        }
        out
    }

    /// Match one name at `level` inside `parent` (cached above the desa level, by the name
    /// as written: exports repeat their province and kab/kota names verbatim).
    pub fn match_one(
        &mut self,
        level: Level,
        name: &str,
        parent: Option<&KodeWilayah>,
    ) -> LevelMatch {
        if level == Level::DesaKelurahan {
            return self.resolve(level, name, parent);
        }
        let key = (parent.copied(), level, name.to_string());
        if let Some(m) = self.cache.get(&key) {
            let mut m = m.clone();
            m.name = name.to_string();
            return m;
        }
        let m = self.resolve(level, name, parent);
        self.cache.insert(key, m.clone());
        m
    }

    fn find(
        &self,
        level: Level,
        name: &str,
        within: Option<&KodeWilayah>,
    ) -> Result<&Wilayah, WilayahError> {
        match level {
            Level::Provinsi => self.table.find_provinsi(name),
            Level::KabupatenKota => self.table.find_kab_kota(name, within),
            Level::Kecamatan => self.table.find_kecamatan(name, within),
            Level::DesaKelurahan => self.table.find_desa(name, within),
        }
    }

    fn resolve(&self, level: Level, name: &str, parent: Option<&KodeWilayah>) -> LevelMatch {
        let mut m = LevelMatch {
            level: region_level(level),
            name: name.to_string(),
            status: MatchStatus::NotFound,
            code: None,
            written_under: None,
            candidates: Vec::new(),
        };
        match self.find(level, name, parent) {
            Ok(w) => {
                m.status = MatchStatus::Matched;
                m.code = Some(w.code);
                return m;
            }
            Err(WilayahError::Ambiguous { candidates, .. }) => {
                m.status = MatchStatus::Ambiguous;
                m.candidates = candidates;
                return m;
            }
            Err(_) => {}
        }
        if let Some(p) = parent.filter(|_| level != Level::Provinsi) {
            let wider = wider_scope(level, p);
            if let Ok(w) = self.find(level, name, wider.as_ref()) {
                m.status = MatchStatus::Misplaced;
                m.code = Some(w.code);
                m.written_under = Some(*p);
                return m;
            }
        }
        m.candidates = self.did_you_mean(level, name, parent);
        m
    }

    /// Close names (edit distance at most 2, and a quarter of the length) among the regions of
    /// `level` directly under `parent` (or all of that level without one). Best first, at
    /// most 5, as `code name`.
    fn did_you_mean(&self, level: Level, name: &str, parent: Option<&KodeWilayah>) -> Vec<String> {
        let close: Vec<&Wilayah> = match parent {
            None => self.table.suggest(name, level, None),
            Some(p) => {
                let target = normalize_name(name);
                let len = target.chars().count();
                let limit = (len / 4).clamp(1, 2);
                let mut scored: Vec<(usize, &Wilayah)> = self
                    .table
                    .children(p)
                    .into_iter()
                    .filter(|w| w.level == level)
                    .map(|w| (edit_distance(&target, &normalize_name(&w.name)), w))
                    .filter(|(d, _)| *d <= limit)
                    .collect();
                scored.sort_by_key(|(d, w)| (*d, w.code));
                scored.into_iter().map(|(_, w)| w).take(5).collect()
            }
        };
        close
            .iter()
            .map(|w| format!("{} {}", w.code, w.name))
            .collect()
    }
}

/// Where to look for a name not found in its parent: a kab/kota anywhere, a kecamatan in the
/// parent's province, a desa in the parent's kab/kota.
fn wider_scope(level: Level, parent: &KodeWilayah) -> Option<KodeWilayah> {
    match level {
        Level::Provinsi | Level::KabupatenKota => None,
        Level::Kecamatan => Some(parent.provinsi()),
        Level::DesaKelurahan => parent.kab_kota().or(Some(parent.provinsi())),
    }
}

/// The [`RegionLevel`] of a table [`Level`].
pub fn region_level(level: Level) -> RegionLevel {
    match level {
        Level::Provinsi => RegionLevel::Provinsi,
        Level::KabupatenKota => RegionLevel::KabupatenKota,
        Level::Kecamatan => RegionLevel::Kecamatan,
        Level::DesaKelurahan => RegionLevel::DesaKelurahan,
    }
}

/// The table [`Level`] of a [`RegionLevel`] (the nation counts as the province level).
pub(crate) fn table_level(level: RegionLevel) -> Level {
    match level {
        RegionLevel::Nasional | RegionLevel::Provinsi => Level::Provinsi,
        RegionLevel::KabupatenKota => Level::KabupatenKota,
        RegionLevel::Kecamatan => Level::Kecamatan,
        RegionLevel::DesaKelurahan => Level::DesaKelurahan,
    }
}

/// Counts of a matching run, and the rate.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MatchSummary {
    /// Rows matched.
    pub rows: u64,
    /// Rows whose every name was found in its parent.
    pub matched: u64,
    /// Rows with a name under the wrong parent (placed where the name is).
    pub misplaced: u64,
    /// Rows with an ambiguous name.
    pub ambiguous: u64,
    /// Rows with a name found nowhere.
    pub not_found: u64,
    /// `matched / rows` in percent, rounded to 0.01 (100 for no rows).
    pub match_rate_pct: f64,
}

impl MatchSummary {
    /// Count one row's outcome.
    pub fn add(&mut self, status: MatchStatus) {
        self.rows += 1;
        match status {
            MatchStatus::Matched => self.matched += 1,
            MatchStatus::Misplaced => self.misplaced += 1,
            MatchStatus::Ambiguous => self.ambiguous += 1,
            MatchStatus::NotFound => self.not_found += 1,
        }
        self.match_rate_pct = pct(self.matched, self.rows);
    }
}

/// `part / whole` in percent rounded to 0.01; 100 when `whole` is 0.
pub fn pct(part: u64, whole: u64) -> f64 {
    if whole == 0 {
        return 100.0;
    }
    let basis_points = (u128::from(part) * 100_000 / u128::from(whole) + 5) / 10;
    (basis_points as f64) / 100.0
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::wilayah::table;

    fn names(p: &str, k: &str, c: &str, d: &str) -> RegionNames {
        let o = |s: &str| (!s.is_empty()).then(|| s.to_string());
        RegionNames {
            provinsi: o(p),
            kab_kota: o(k),
            kecamatan: o(c),
            desa: o(d),
        }
    }

    #[test]
    fn kab_kota_under_the_wrong_province_is_misplaced() {
        let mut m = Matcher::new(table());
        let r = m.match_path(
            &names("PAPUA BARAT DAYA", "KAB. NIAS SELATAN", "", ""),
            None,
        );
        assert_eq!(r.status(), MatchStatus::Misplaced);
        let p = r.problem().unwrap();
        assert_eq!(p.code.unwrap().to_string(), "12.14");
        assert_eq!(p.written_under.unwrap().to_string(), "96");
        let r = m.match_path(&names("PAPUA SELATAN", "Fukuoka", "", ""), None);
        assert_eq!(r.status(), MatchStatus::NotFound);
        assert_eq!(r.code.unwrap().to_string(), "93");
    }

    #[test]
    fn pct_rounds_half_up() {
        assert_eq!(pct(1, 3), 33.33);
        assert_eq!(pct(2, 3), 66.67);
        assert_eq!(pct(0, 0), 100.0);
    }
}
