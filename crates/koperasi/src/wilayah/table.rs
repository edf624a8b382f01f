//! The embedded Kemendagri table and its name indexes.

use super::code::{KodeWilayah, Level};
use super::names::{KabKind, normalize_name, spaceless, split_kind};
use crate::error::WilayahError;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::sync::OnceLock;

/// Provinsi, kabupaten/kota and kecamatan rows of the 2025 table (`kode,nama,level`).
/// A `static`, not a `const`: used in two places, a `const` was embedded twice in the WASM
/// (+0.24 MB).
static KEC_CSV: &str = include_str!("../../data/wilayah/wilayah_2025_kec.csv");
/// Desa/kelurahan rows of the 2025 table, embedded with the `desa` feature only.
#[cfg(feature = "desa")]
const DESA_CSV: &str = include_str!("../../data/wilayah/wilayah_2025_desa.csv");
/// Spelling variants, abbreviations and former names (`level,variant,official,note`).
const VARIANTS_CSV: &str = include_str!("../../data/wilayah/name_variants.csv");

/// Most results [`Table::search`] returns.
pub const SEARCH_LIMIT: usize = 50;

/// One region of the table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Wilayah {
    /// Its code.
    pub code: KodeWilayah,
    /// Its official name as in the decree (trimmed), e.g. `Kota Balikpapan`, `Balikpapan Timur`.
    pub name: String,
    /// Its level.
    pub level: Level,
}

fn level_index(level: Level) -> usize {
    match level {
        Level::Provinsi => 0,
        Level::KabupatenKota => 1,
        Level::Kecamatan => 2,
        Level::DesaKelurahan => 3,
    }
}

fn kind_of(code: &KodeWilayah) -> Option<KabKind> {
    code.is_kota()
        .map(|k| if k { KabKind::Kota } else { KabKind::Kabupaten })
}

/// A table of regions with name indexes, built once; lookups are hash-map look-ups, not scans.
///
/// The embedded one is [`table()`]; [`Table::from_csv_str`] builds another (for example from a
/// newer decree) from the same `kode,nama,level` CSV layout.
#[derive(Debug, Default)]
pub struct Table {
    /// Sorted by code (parents before children).
    rows: Vec<Wilayah>,
    /// `normalize_name` of each row's name, parallel to `rows`.
    norm: Vec<String>,
    by_code: HashMap<KodeWilayah, usize>,
    /// Per level: normalised name (kab/kota: without the `kabupaten`/`kota` word) -> rows.
    names: [HashMap<String, Vec<usize>>; 4],
    /// Per level: the same keys with spaces removed -> rows.
    spaceless: [HashMap<String, Vec<usize>>; 4],
    /// Per level: normalised variant -> normalised official name (kab/kota without kind word).
    variants: [HashMap<String, String>; 4],
}

/// The embedded Kemendagri 2025 table ([`super::TABLE_SOURCE`]): 38 provinsi, 514
/// kabupaten/kota, 7,285 kecamatan, and with the cargo feature `desa` also 83,762
/// desa/kelurahan.
///
/// Parsed once, lazily, on first use (thread-safe). If the embedded data were malformed (a
/// build defect, checked by the test suite) the table is empty rather than panicking.
pub fn table() -> &'static Table {
    static T: OnceLock<Table> = OnceLock::new();
    T.get_or_init(|| {
        #[cfg(feature = "desa")]
        let parts: &[(&str, Option<Level>)] = &[(KEC_CSV, None), (DESA_CSV, None)];
        #[cfg(not(feature = "desa"))]
        let parts: &[(&str, Option<Level>)] = &[(KEC_CSV, None)];
        Table::from_csv_parts(parts).unwrap_or_default()
    })
}

fn bad_table(line: u64, why: impl Into<String>) -> WilayahError {
    WilayahError::BadTable {
        line,
        why: why.into(),
    }
}

impl Table {
    /// Build a table from CSV text with the header `kode,nama,level` (codes dotted or undotted,
    /// levels `provinsi`, `kabupaten_kota`, `kecamatan`, `desa_kelurahan`). Names are trimmed.
    /// The embedded name variants (`data/wilayah/name_variants.csv`) are used for look-ups.
    ///
    /// # Errors
    /// [`WilayahError::BadTable`] naming the 1-based line: a missing column, a bad code, an
    /// unknown level, a level that disagrees with the code's length, or a duplicate code.
    pub fn from_csv_str(csv_text: &str) -> Result<Table, WilayahError> {
        Table::from_csv_parts(&[(csv_text, None)])
    }

    /// The embedded provinsi, kabupaten/kota and kecamatan rows plus desa/kelurahan rows given
    /// as CSV text in the same `kode,nama,level` layout: the file
    /// `crates/koperasi/data/wilayah/wilayah_2025_desa.csv` (83,762 rows, 3.3 MB), which the
    /// npm package ships beside its WASM instead of embedding it (builds without the cargo
    /// feature `desa`). Use it in builds without that feature; with it, [`table()`] already
    /// has these rows.
    ///
    /// # Errors
    /// [`WilayahError::BadTable`] naming the 1-based line of `desa_csv` (line 0: the whole
    /// text): everything [`Table::from_csv_str`] refuses, a row that is not at the
    /// desa/kelurahan level, a code already in the embedded table, or no desa/kelurahan row
    /// at all.
    pub fn with_desa_csv(desa_csv: &str) -> Result<Table, WilayahError> {
        let t = Table::from_csv_parts(&[(KEC_CSV, None), (desa_csv, Some(Level::DesaKelurahan))])?;
        if !t.rows.iter().any(|w| w.level == Level::DesaKelurahan) {
            return Err(bad_table(0, "no desa_kelurahan row"));
        }
        Ok(t)
    }

    /// Rows of several CSV texts; `only`: the one level a part may hold.
    fn from_csv_parts(parts: &[(&str, Option<Level>)]) -> Result<Table, WilayahError> {
        let mut rows = Vec::new();
        for &(text, only) in parts {
            let mut rdr = csv::ReaderBuilder::new()
                .has_headers(true)
                .from_reader(text.as_bytes());
            let headers = rdr
                .headers()
                .map_err(|e| bad_table(1, e.to_string()))?
                .clone();
            let col = |name: &str| {
                headers
                    .iter()
                    .position(|h| h.trim() == name)
                    .ok_or_else(|| bad_table(1, format!("no `{name}` column")))
            };
            let (ck, cn, cl) = (col("kode")?, col("nama")?, col("level")?);
            for rec in rdr.records() {
                let rec = rec.map_err(|e| {
                    let line = e.position().map_or(0, |p| p.line());
                    bad_table(line, e.to_string())
                })?;
                let line = rec.position().map_or(0, |p| p.line());
                let field = |i: usize| rec.get(i).unwrap_or_default();
                let code = KodeWilayah::parse(field(ck))
                    .map_err(|_| bad_table(line, format!("bad code `{}`", field(ck))))?;
                let level = Level::from_label(field(cl))
                    .ok_or_else(|| bad_table(line, format!("unknown level `{}`", field(cl))))?;
                if level != code.level() {
                    return Err(bad_table(
                        line,
                        format!("level `{level}` does not match code `{code}`"),
                    ));
                }
                if only.is_some_and(|o| o != level) {
                    return Err(bad_table(
                        line,
                        format!("`{code}` is not at the level wanted here"),
                    ));
                }
                rows.push(Wilayah {
                    code,
                    name: field(cn).trim().to_string(),
                    level,
                });
            }
        }
        rows.sort_by_key(|w| w.code);
        let mut t = Table {
            norm: Vec::with_capacity(rows.len()),
            by_code: HashMap::with_capacity(rows.len()),
            ..Table::default()
        };
        for (i, w) in rows.iter().enumerate() {
            if t.by_code.insert(w.code, i).is_some() {
                return Err(bad_table(0, format!("duplicate code `{}`", w.code)));
            }
            let norm = normalize_name(&w.name);
            let li = level_index(w.level);
            let key = if w.level == Level::KabupatenKota {
                split_kind(&norm).1.to_string()
            } else {
                norm.clone()
            };
            if let Some(m) = t.spaceless.get_mut(li) {
                m.entry(spaceless(&key)).or_default().push(i);
            }
            if let Some(m) = t.names.get_mut(li) {
                m.entry(key).or_default().push(i);
            }
            t.norm.push(norm);
        }
        t.rows = rows;
        t.load_variants()?;
        Ok(t)
    }

    fn load_variants(&mut self) -> Result<(), WilayahError> {
        let mut rdr = csv::ReaderBuilder::new()
            .has_headers(true)
            .from_reader(VARIANTS_CSV.as_bytes());
        for rec in rdr.records() {
            let rec = rec.map_err(|e| bad_table(0, format!("name variants: {e}")))?;
            let line = rec.position().map_or(0, |p| p.line());
            let (Some(level), Some(variant), Some(official)) = (
                rec.get(0).and_then(Level::from_label),
                rec.get(1),
                rec.get(2),
            ) else {
                return Err(bad_table(line, "name variants: bad line"));
            };
            let (v, o) = (normalize_name(variant), normalize_name(official));
            let (v, o) = if level == Level::KabupatenKota {
                (split_kind(&v).1.to_string(), split_kind(&o).1.to_string())
            } else {
                (v, o)
            };
            if let Some(m) = self.variants.get_mut(level_index(level)) {
                m.insert(v, o);
            }
        }
        Ok(())
    }

    /// Number of regions in the table.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// True when the table has no regions.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// Number of regions at `level`.
    pub fn count(&self, level: Level) -> usize {
        self.rows.iter().filter(|w| w.level == level).count()
    }

    /// All regions, sorted by code (parents before children).
    pub fn iter(&self) -> impl Iterator<Item = &Wilayah> {
        self.rows.iter()
    }

    /// The region with this code, if the table has it.
    pub fn get(&self, code: &KodeWilayah) -> Option<&Wilayah> {
        self.by_code.get(code).and_then(|&i| self.rows.get(i))
    }

    /// The regions directly below `code` (kab/kota of a province, kecamatan of a kab/kota, ...),
    /// in code order. Empty for an unknown code or a desa.
    pub fn children(&self, code: &KodeWilayah) -> Vec<&Wilayah> {
        let start = self.rows.partition_point(|w| w.code <= *code);
        self.rows
            .get(start..)
            .unwrap_or_default()
            .iter()
            .take_while(|w| code.contains(&w.code))
            .filter(|w| w.code.parent().as_ref() == Some(code))
            .collect()
    }

    /// Resolve a province name: official (`Jawa Timur`, `Daerah Khusus Ibukota Jakarta`), with a
    /// `Provinsi`/`Prov.` prefix, spaced differently, or a known short form (`Jatim`, `DKI
    /// Jakarta`, `Jakarta`, `DIY`, `NTB`, ... from `data/wilayah/name_variants.csv`).
    ///
    /// # Errors
    /// [`WilayahError::NotFound`] when nothing matches.
    pub fn find_provinsi(&self, name: &str) -> Result<&Wilayah, WilayahError> {
        self.find(Level::Provinsi, name, None)
    }

    /// Resolve a kabupaten/kota name within an optional region (normally a province code; any
    /// code restricts the search to the regions it [contains](KodeWilayah::contains)).
    ///
    /// The name is compared after [`normalize_name`]: `KAB. MALANG`, `Kabupaten Malang` and `kab
    /// malang` all give 35.07, `Kota Malang` and `Kodya Malang` give 35.73. A bare name that is
    /// both a kabupaten and a kota (`Malang`, `Kediri`, `Blitar`, `Bogor`, ...) is ambiguous.
    /// Fallbacks, in order, when the exact normalised name finds nothing: the name with spaces
    /// removed (`Pangkalpinang` = `Pangkal Pinang`, `Baubau` = `Bau Bau`), then a known variant
    /// or former name (`Toba Samosir` = `Toba`), then the whole text taken as a bare name (so
    /// `Kota Baru` finds Kabupaten Kotabaru).
    ///
    /// # Errors
    /// [`WilayahError::Ambiguous`] listing the candidates as `code name`;
    /// [`WilayahError::NotFound`] when nothing matches.
    pub fn find_kab_kota(
        &self,
        name: &str,
        within: Option<&KodeWilayah>,
    ) -> Result<&Wilayah, WilayahError> {
        self.find(Level::KabupatenKota, name, within)
    }

    /// Resolve a kecamatan name within an optional region (a kab/kota or province code).
    /// `Kec.`/`Kecamatan` prefixes, case, spacing and punctuation are ignored; spelling variants
    /// from `data/wilayah/name_variants.csv` are tried when the name itself is not found
    /// (`Tanah Sereal` = `Tanah Sareal`).
    ///
    /// # Errors
    /// [`WilayahError::Ambiguous`] when several kecamatan of that name lie `within` (usual
    /// without `within`); [`WilayahError::NotFound`] when none does.
    pub fn find_kecamatan(
        &self,
        name: &str,
        within: Option<&KodeWilayah>,
    ) -> Result<&Wilayah, WilayahError> {
        self.find(Level::Kecamatan, name, within)
    }

    /// Resolve a desa/kelurahan name within an optional region (normally a kecamatan code).
    /// Only finds anything when the table has the desa level (cargo feature `desa` for the
    /// embedded table). `Desa`/`Kel.`/`Kelurahan` prefixes are ignored.
    ///
    /// # Errors
    /// As [`Table::find_kecamatan`].
    pub fn find_desa(
        &self,
        name: &str,
        within: Option<&KodeWilayah>,
    ) -> Result<&Wilayah, WilayahError> {
        self.find(Level::DesaKelurahan, name, within)
    }

    fn candidates(
        &self,
        level: Level,
        key: &str,
        kind: Option<KabKind>,
        within: Option<&KodeWilayah>,
    ) -> Vec<usize> {
        let li = level_index(level);
        let ok = |i: &&usize| {
            self.rows.get(**i).is_some_and(|w| {
                within.is_none_or(|p| p.contains(&w.code))
                    && kind.is_none_or(|k| kind_of(&w.code) == Some(k))
            })
        };
        let exact: Vec<usize> = self
            .names
            .get(li)
            .and_then(|m| m.get(key))
            .map(|v| v.iter().filter(ok).copied().collect())
            .unwrap_or_default();
        if !exact.is_empty() {
            return exact;
        }
        self.spaceless
            .get(li)
            .and_then(|m| m.get(&spaceless(key)))
            .map(|v| v.iter().filter(ok).copied().collect())
            .unwrap_or_default()
    }

    fn find(
        &self,
        level: Level,
        name: &str,
        within: Option<&KodeWilayah>,
    ) -> Result<&Wilayah, WilayahError> {
        let norm = normalize_name(name);
        let (kind, core) = if level == Level::KabupatenKota {
            split_kind(&norm)
        } else {
            (None, norm.as_str())
        };
        let not_found = || WilayahError::NotFound {
            name: name.to_string(),
        };
        if core.is_empty() {
            return Err(not_found());
        }
        let mut found = self.candidates(level, core, kind, within);
        if found.is_empty() {
            let variant = self.variants.get(level_index(level)).and_then(|m| {
                m.get(core).or_else(|| m.get(&spaceless(core))).or_else(|| {
                    m.iter()
                        .find(|(k, _)| spaceless(k) == spaceless(core))
                        .map(|(_, v)| v)
                })
            });
            if let Some(official) = variant {
                found = self.candidates(level, official, kind, within);
            }
        }
        if found.is_empty() && kind.is_some() {
            found = self.candidates(level, &norm, None, within);
        }
        match found.as_slice() {
            [] => Err(not_found()),
            [one] => self.rows.get(*one).ok_or_else(not_found),
            many => Err(WilayahError::Ambiguous {
                name: name.to_string(),
                candidates: many
                    .iter()
                    .filter_map(|i| self.rows.get(*i))
                    .map(|w| format!("{} {}", w.code, w.name))
                    .collect(),
            }),
        }
    }

    /// The regions of `level` inside `within` (anywhere when `None`) whose normalised name is
    /// closest to `name` by edit distance, when that distance is small: at most 2 edits, and at
    /// most a quarter of the name's length. For "did you mean" hints on a misspelt name
    /// (`Balikpapn Selatan` gives `Balikpapan Selatan`). Best first; empty when nothing is close.
    /// Scans the regions of that level (interactive use).
    pub fn suggest(&self, name: &str, level: Level, within: Option<&KodeWilayah>) -> Vec<&Wilayah> {
        let target = normalize_name(name);
        let len = target.chars().count();
        // No region name is longer than this; a longer text is not a misspelt name.
        if len == 0 || len > 80 {
            return Vec::new();
        }
        let limit = (len / 4).clamp(1, 2);
        let mut scored: Vec<(usize, &Wilayah)> = self
            .rows
            .iter()
            .zip(&self.norm)
            .filter(|(w, _)| w.level == level && within.is_none_or(|p| p.contains(&w.code)))
            .filter_map(|(w, n)| {
                let core = if level == Level::KabupatenKota {
                    split_kind(n).1
                } else {
                    n.as_str()
                };
                // The distance is at least the difference in length: skip far ones cheaply.
                let near = |x: &str| x.chars().count().abs_diff(len) <= limit;
                let d = [n.as_str(), core]
                    .into_iter()
                    .filter(|x| near(x))
                    .map(|x| edit_distance(&target, x))
                    .min()?;
                (d <= limit).then_some((d, w))
            })
            .collect();
        scored.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.code.cmp(&b.1.code)));
        scored.into_iter().map(|(_, w)| w).take(5).collect()
    }

    /// [`Table::search`] restricted to `level` and to the regions inside `within` (both
    /// optional); when that finds nothing, the "did you mean" regions of [`Table::suggest`]
    /// (at `level`, or at the provinsi, kabupaten/kota and kecamatan levels in that order when
    /// `level` is `None`). At most [`SEARCH_LIMIT`] regions; the restriction applies to the
    /// best [`SEARCH_LIMIT`] matches of the query.
    pub fn search_in(
        &self,
        query: &str,
        level: Option<Level>,
        within: Option<&KodeWilayah>,
    ) -> Vec<&Wilayah> {
        let hits: Vec<&Wilayah> = self
            .search(query)
            .into_iter()
            .filter(|w| {
                level.is_none_or(|l| w.level == l) && within.is_none_or(|p| p.contains(&w.code))
            })
            .collect();
        if !hits.is_empty() {
            return hits;
        }
        let levels: &[Level] = match &level {
            Some(l) => std::slice::from_ref(l),
            None => &[Level::Provinsi, Level::KabupatenKota, Level::Kecamatan],
        };
        levels
            .iter()
            .flat_map(|l| self.suggest(query, *l, within))
            .take(SEARCH_LIMIT)
            .collect()
    }

    /// Regions whose code or name matches `query`, best first, at most [`SEARCH_LIMIT`] (50).
    ///
    /// A query of digits and dots is a code: the exact region first, then the regions whose
    /// code starts with it (dotted or undotted), in code order. Otherwise a name, compared after
    /// [`normalize_name`]: exact matches (also without the `Kabupaten`/`Kota` word, with
    /// spaces removed, or through a known variant) first, then names starting with the query,
    /// then names containing it; ties by level (provinsi first) then code. This scans the table
    /// (fine for interactive use); use the `find_*` methods for bulk resolution.
    pub fn search(&self, query: &str) -> Vec<&Wilayah> {
        let q = query.trim();
        if q.is_empty() {
            return Vec::new();
        }
        if q.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
            let mut out: Vec<&Wilayah> = Vec::new();
            if let Some(w) = KodeWilayah::parse(q).ok().and_then(|k| self.get(&k)) {
                out.push(w);
            }
            let undotted = !q.contains('.');
            for w in &self.rows {
                if out.len() >= SEARCH_LIMIT {
                    break;
                }
                let dotted = w.code.to_string();
                let hit = dotted.starts_with(q) || (undotted && w.code.undotted().starts_with(q));
                if hit && out.first().is_none_or(|f| f.code != w.code) {
                    out.push(w);
                }
            }
            return out;
        }
        let nq = normalize_name(q);
        if nq.is_empty() {
            return Vec::new();
        }
        let sq = spaceless(&nq);
        let (_, qcore) = split_kind(&nq);
        let mut exact_variant: Vec<String> = Vec::new();
        for m in &self.variants {
            if let Some(o) = m.get(&nq).or_else(|| m.get(qcore)) {
                exact_variant.push(o.clone());
            }
        }
        let mut scored: Vec<(u8, usize)> = Vec::new();
        for (i, (w, n)) in self.rows.iter().zip(&self.norm).enumerate() {
            let core = if w.level == Level::KabupatenKota {
                split_kind(n).1
            } else {
                n.as_str()
            };
            let score = if *n == nq || core == nq || spaceless(n) == sq || spaceless(core) == sq {
                0
            } else if exact_variant.iter().any(|o| o == core || o == n) {
                1
            } else if n.starts_with(&nq) || core.starts_with(&nq) {
                2
            } else if n.contains(&nq) {
                3
            } else {
                continue;
            };
            scored.push((score, i));
        }
        scored.sort_by(|a, b| {
            let wa = self.rows.get(a.1);
            let wb = self.rows.get(b.1);
            (a.0, wa.map(|w| (w.level, w.code))).cmp(&(b.0, wb.map(|w| (w.level, w.code))))
        });
        scored
            .into_iter()
            .take(SEARCH_LIMIT)
            .filter_map(|(_, i)| self.rows.get(i))
            .collect()
    }
}

/// Levenshtein distance between two strings, by characters (two rows of the DP table).
pub(crate) fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.chars().enumerate() {
        if let Some(first) = cur.first_mut() {
            *first = i + 1;
        }
        for (j, cb) in b.iter().enumerate() {
            let sub = prev.get(j).copied().unwrap_or(0) + usize::from(ca != *cb);
            let del = prev.get(j + 1).copied().unwrap_or(0) + 1;
            let ins = cur.get(j).copied().unwrap_or(0) + 1;
            if let Some(slot) = cur.get_mut(j + 1) {
                *slot = sub.min(del).min(ins);
            }
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev.last().copied().unwrap_or(0)
}

#[cfg(test)]
mod suggest_tests {
    use super::*;

    #[test]
    fn edit_distances() {
        assert_eq!(edit_distance("", ""), 0);
        assert_eq!(edit_distance("balikpapn", "balikpapan"), 1);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("abc", ""), 3);
    }

    #[test]
    fn suggests_close_names_only() {
        let t = table();
        let balikpapan = KodeWilayah::parse("64.71").ok();
        let s = t.suggest("Balikpapn Selatan", Level::Kecamatan, balikpapan.as_ref());
        assert_eq!(
            s.first().map(|w| w.name.as_str()),
            Some("Balikpapan Selatan")
        );
        assert!(t.suggest("Xyzzy Qwerty", Level::Kecamatan, None).is_empty());
        let s = t.suggest(
            "Tanah Sereal",
            Level::Kecamatan,
            KodeWilayah::parse("32.71").ok().as_ref(),
        );
        assert_eq!(
            s.first().map(|w| w.code.to_string()),
            Some("32.71.06".to_string())
        );
    }
}
