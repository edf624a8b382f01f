//! Coverage of every desa/kelurahan by a Koperasi Desa/Kelurahan Merah Putih: which have one,
//! which have none, which have several, which coops cover several desa (a merger), and the
//! coverage percentage by kecamatan, kabupaten/kota, provinsi or the nation.
//!
//! The denominator is the desa/kelurahan level of the Kemendagri 2025 table
//! ([`crate::wilayah::table()`] with the cargo feature `desa`: 83,762 desa/kelurahan); the
//! numerator is the list of KDMP/KKMP given as [`KopdesEntry`] rows (a register, a SIMKOPDES
//! location export, the village table of a SIMKOPDES statistics export). Names are matched
//! within their parent ([`super::matching`]); rows not placed on a desa are listed in
//! [`Coverage::problems`], never dropped, and the match rate is reported.

use super::matching::{
    LevelMatch, MatchStatus, MatchSummary, Matcher, PathMatch, RegionNames, pct,
};
use crate::Koperasi;
use crate::wilayah::{KodeWilayah, Level, RegionLevel, Table, normalize_name};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};

/// One KDMP/KKMP (or one village row with a count of them) to place on a desa/kelurahan.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct KopdesEntry {
    /// 1-based source line (header = 1); 0 when not from a file.
    pub line: u64,
    /// The cooperative's name (or the village name for a count row), for lists.
    pub label: String,
    /// Region names as written.
    pub names: RegionNames,
    /// The desa/kelurahan code when the source gives it (wins over the names).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<KodeWilayah>,
    /// How many cooperatives the row stands for: 1 for a register row, the `cooperatives`
    /// count of a village statistics row.
    pub coops: u32,
}

/// A region: code and official name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RegionRef {
    /// Kemendagri code.
    pub code: KodeWilayah,
    /// Official name of the 2025 table.
    pub name: String,
}

/// Coverage of one region: desa/kelurahan with and without a KDMP/KKMP.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CoverageRow {
    /// The region's code; `None` for the nation.
    pub code: Option<KodeWilayah>,
    /// Its official name (`Indonesia` for the nation).
    pub name: String,
    /// Desa/kelurahan in the Kemendagri 2025 table.
    pub desa: u64,
    /// Desa/kelurahan with at least one cooperative.
    pub with_coop: u64,
    /// Desa/kelurahan with none.
    pub without_coop: u64,
    /// Desa/kelurahan with more than one (duplicates to check).
    pub with_several: u64,
    /// Cooperatives placed on its desa/kelurahan.
    pub coops: u64,
    /// `with_coop / desa` in percent, rounded to 0.01.
    pub coverage_pct: f64,
}

/// A desa/kelurahan with more than one cooperative.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SeveralCoops {
    /// The desa/kelurahan.
    pub desa: RegionRef,
    /// How many cooperatives are placed on it.
    pub coops: u32,
    /// Source lines of the rows placed on it.
    pub lines: Vec<u64>,
    /// Their labels (cooperative names).
    pub labels: Vec<String>,
    /// True when the names show both a Koperasi Desa Merah Putih (KDMP) and a Koperasi
    /// Kelurahan Merah Putih (KKMP) on this one desa/kelurahan ([`super::kdmp_kind`]): the
    /// SIMKOPDES duplicate of a place registered once as a desa and once as a kelurahan. False
    /// when the rows carry no coop names (a village table of counts): not known there.
    #[serde(default)]
    pub kdmp_and_kkmp: bool,
}

/// One cooperative covering several desa/kelurahan (a merger): its desa field named several.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Merger {
    /// Source line.
    pub line: u64,
    /// The cooperative's name.
    pub label: String,
    /// The desa/kelurahan it covers.
    pub desa: Vec<RegionRef>,
}

/// A row not placed on a desa/kelurahan, or placed under another parent than written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct EntryProblem {
    /// Source line.
    pub line: u64,
    /// The row's label (cooperative name).
    pub label: String,
    /// The cooperatives it stands for.
    pub coops: u32,
    /// The first name that was not matched within its parent, with its outcome, code (for a
    /// misplaced name), the parent it was written under and "did you mean" candidates. `None`
    /// when the row names no desa at all.
    pub at: Option<LevelMatch>,
    /// The deepest region placed.
    pub placed: Option<KodeWilayah>,
}

/// What [`coverage`] computes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Coverage {
    /// The level of [`Coverage::rows`].
    pub level: RegionLevel,
    /// The region reported on; `None` for the nation.
    pub region: Option<RegionRef>,
    /// Where the denominator comes from ([`crate::wilayah::TABLE_SOURCE`]).
    pub table_source: String,
    /// How the rows were matched: counts by outcome and the match rate.
    pub matching: MatchSummary,
    /// Cooperatives placed on a desa/kelurahan (all rows, inside the region or not).
    pub coops_placed: u64,
    /// Cooperatives not placed (their rows are in `problems`).
    pub coops_unplaced: u64,
    /// Cooperatives placed outside the region reported on.
    pub coops_outside_region: u64,
    /// The region (or nation) as a whole.
    pub total: CoverageRow,
    /// One row per region at `level` inside the region, by code.
    pub rows: Vec<CoverageRow>,
    /// Desa/kelurahan with more than one cooperative, by code.
    pub with_several: Vec<SeveralCoops>,
    /// Cooperatives covering several desa/kelurahan.
    pub mergers: Vec<Merger>,
    /// Desa/kelurahan without a cooperative, by code.
    pub without_coop: Vec<RegionRef>,
    /// Rows not placed or placed under another parent, in source order.
    pub problems: Vec<EntryProblem>,
    /// The file's scope, when it is narrower than the report: set when no region was asked for,
    /// there are at least two `rows`, and every placed cooperative lies in one of them. The
    /// other rows then show 0 because the file lists no cooperative there, not because there
    /// is none; report on this region alone by passing it as [`CoverageOptions::region`].
    /// `None` otherwise.
    pub only_region: Option<RegionRef>,
}

/// What to report: the level of the rows and the region (the nation when `None`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CoverageOptions {
    /// Level of the rows: `provinsi`, `kabupaten_kota`, `kecamatan` or `desa_kelurahan`
    /// (`nasional` gives the total only).
    pub level: RegionLevel,
    /// The region to report on; `None` for the nation.
    pub region: Option<KodeWilayah>,
}

impl Default for CoverageOptions {
    fn default() -> Self {
        CoverageOptions {
            level: RegionLevel::Provinsi,
            region: None,
        }
    }
}

/// Name prefixes of a KDMP/KKMP, longest first, compared after upper-casing.
const NAME_PREFIXES: &[&str] = &[
    "KOPERASI DESA MERAH PUTIH",
    "KOPERASI KELURAHAN MERAH PUTIH",
    "KOPERASI MERAH PUTIH DESA",
    "KOPERASI MERAH PUTIH KELURAHAN",
    "KOPERASI MERAH PUTIH",
    "KOPDES MERAH PUTIH",
    "KDMP",
    "KKMP",
];

/// Words after which a KDMP name goes on with the kecamatan or kab/kota, not the desa.
const NAME_TAILS: &[&str] = &[
    " KECAMATAN ",
    " KEC. ",
    " KEC ",
    " KABUPATEN ",
    " KAB. ",
    " KAB ",
    " KOTA ",
    " PROVINSI ",
];

/// The desa/kelurahan a KDMP/KKMP name states: `KOPERASI DESA MERAH PUTIH ALASMALANG KECAMATAN
/// PANARUKAN` gives `ALASMALANG`; `KOPERASI KELURAHAN MERAH PUTIH TONJA` gives `TONJA`. The
/// programme's naming rule (Inpres 9/2025: one KDMP per desa, named after it). `None` when
/// the name has none of the prefixes `Koperasi Desa/Kelurahan Merah Putih`, `Koperasi Merah
/// Putih (Desa/Kelurahan)`, `Kopdes Merah Putih`, `KDMP`, `KKMP`, or nothing after it.
pub fn desa_from_name(name: &str) -> Option<String> {
    let upper = name.trim().to_uppercase();
    let rest = NAME_PREFIXES.iter().find_map(|p| upper.strip_prefix(p))?;
    let rest = format!("{} ", rest.trim_start_matches([' ', '-', ':']));
    let cut = NAME_TAILS
        .iter()
        .filter_map(|t| rest.find(t))
        .min()
        .unwrap_or(rest.len());
    let desa = rest.get(..cut).unwrap_or_default().trim();
    (!desa.is_empty()).then(|| desa.to_string())
}

/// Rows for [`coverage`] from a register read with [`crate::io::read_any`]: names from each
/// record's location, the desa from its name ([`desa_from_name`]) when the register has no
/// desa column, the code when it is a desa/kelurahan code; one cooperative per record.
pub fn entries_from_register(records: &[Koperasi]) -> Vec<KopdesEntry> {
    records
        .iter()
        .map(|k| {
            let l = &k.location;
            KopdesEntry {
                line: k.source_line.unwrap_or(0),
                label: k.name.clone(),
                names: RegionNames {
                    provinsi: l.provinsi.clone(),
                    kab_kota: l.kab_kota.clone(),
                    kecamatan: l.kecamatan.clone(),
                    desa: l
                        .desa
                        .clone()
                        .or_else(|| desa_from_name(&k.name).map(|d| strip_place_words(&d, l))),
                },
                code: l.code.filter(|c| c.level() == Level::DesaKelurahan),
                coops: 1,
            }
        })
        .collect()
}

/// A desa name taken from a coop's name without the kecamatan, kab/kota or province names
/// that the name goes on with (`WRINGINANOM PANARUKAN` in kecamatan Panarukan gives
/// `WRINGINANOM`; `ARDIREJO PANJI SITUBONDO` gives `ARDIREJO`). At least one word is kept.
fn strip_place_words(desa: &str, l: &crate::cooperative::Location) -> String {
    let places: Vec<String> = [&l.kecamatan, &l.kab_kota, &l.provinsi]
        .into_iter()
        .flatten()
        .map(|n| {
            let n = normalize_name(n);
            n.strip_prefix("kabupaten ")
                .or_else(|| n.strip_prefix("kota "))
                .unwrap_or(&n)
                .to_string()
        })
        .filter(|n| !n.is_empty())
        .collect();
    let mut words: Vec<&str> = desa.split_whitespace().collect();
    loop {
        let norm = normalize_name(&words.join(" "));
        let Some(p) = places.iter().find(|p| {
            norm.ends_with(p.as_str())
                && norm.len() > p.len()
                && norm.as_bytes().get(norm.len() - p.len() - 1) == Some(&b' ')
        }) else {
            break;
        };
        let drop = p.split(' ').count();
        if words.len() <= drop {
            break;
        }
        words.truncate(words.len() - drop);
    }
    words.join(" ")
}

/// Separators of several desa in one desa field (a merged cooperative).
fn split_desa(name: &str) -> Vec<&str> {
    let lower = name.to_lowercase();
    if !name.contains([',', ';', '/', '&', '+']) && !lower.contains(" dan ") {
        return Vec::new();
    }
    name.split([',', ';', '/', '&', '+'])
        .flat_map(|p| p.split(" dan ").flat_map(|q| q.split(" DAN ")))
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect()
}

/// Where one row landed.
struct Placed {
    desa: Vec<KodeWilayah>,
    path: PathMatch,
}

fn place(entry: &KopdesEntry, table: &Table, m: &mut Matcher<'_>) -> Placed {
    if let Some(c) = entry.code.filter(|c| table.get(c).is_some()) {
        return Placed {
            desa: vec![c],
            path: PathMatch {
                code: Some(c),
                levels: Vec::new(),
            },
        };
    }
    let path = m.match_path(&entry.names, None);
    if path.code.is_some_and(|c| c.level() == Level::DesaKelurahan) {
        return Placed {
            desa: path.code.into_iter().collect(),
            path,
        };
    }
    let parts = entry
        .names
        .at(Level::DesaKelurahan)
        .map(split_desa)
        .unwrap_or_default();
    let parent = path.code.filter(|c| c.level() == Level::Kecamatan);
    if let (Some(kec), true) = (parent, parts.len() >= 2) {
        let found: Vec<KodeWilayah> = parts
            .iter()
            .filter_map(|p| m.match_one(Level::DesaKelurahan, p, Some(&kec)).code)
            .collect();
        if found.len() >= 2 {
            let mut path = path;
            path.levels
                .retain(|l| l.level != RegionLevel::DesaKelurahan);
            return Placed { desa: found, path };
        }
    }
    Placed {
        desa: Vec::new(),
        path,
    }
}

/// The key of a desa code at `level` (its ancestor at that level; `None` for the nation).
fn key_at(code: &KodeWilayah, level: RegionLevel) -> Option<KodeWilayah> {
    match level {
        RegionLevel::Nasional => None,
        RegionLevel::Provinsi => Some(code.provinsi()),
        RegionLevel::KabupatenKota => code.kab_kota(),
        RegionLevel::Kecamatan => code.kecamatan(),
        RegionLevel::DesaKelurahan => Some(*code),
    }
}

fn new_row(code: Option<KodeWilayah>, table: &Table) -> CoverageRow {
    let name = code
        .and_then(|c| table.get(&c))
        .map_or_else(|| "Indonesia".to_string(), |w| w.name.clone());
    CoverageRow {
        code,
        name,
        desa: 0,
        with_coop: 0,
        without_coop: 0,
        with_several: 0,
        coops: 0,
        coverage_pct: 0.0,
    }
}

fn add_desa(row: &mut CoverageRow, coops: u32) {
    row.desa += 1;
    row.coops += u64::from(coops);
    match coops {
        0 => row.without_coop += 1,
        1 => row.with_coop += 1,
        _ => {
            row.with_coop += 1;
            row.with_several += 1;
        }
    }
    row.coverage_pct = pct(row.with_coop, row.desa);
}

/// Per desa: cooperatives and the rows placed on it (the first, then any others).
struct DesaTally {
    coops: u32,
    first: usize,
    more: Vec<usize>,
}

impl DesaTally {
    fn rows(&self) -> impl Iterator<Item = usize> + '_ {
        std::iter::once(self.first).chain(self.more.iter().copied())
    }
}

/// Compute the coverage of the desa/kelurahan of `table` by `entries` (see the module
/// documentation). `table` must have the desa level (the embedded one with the feature
/// `desa`); without it every row is unplaced and every total is 0. Never panics.
pub fn coverage(entries: &[KopdesEntry], table: &Table, options: &CoverageOptions) -> Coverage {
    let mut matcher = Matcher::new(table);
    let mut tally: HashMap<KodeWilayah, DesaTally> = HashMap::new();
    let mut out = empty_coverage(table, options);
    for (i, e) in entries.iter().enumerate() {
        let placed = place(e, table, &mut matcher);
        let status = match (placed.desa.is_empty(), placed.path.problem()) {
            (false, None) => MatchStatus::Matched,
            (false, Some(l)) => l.status,
            (true, Some(l)) if l.status == MatchStatus::Ambiguous => MatchStatus::Ambiguous,
            (true, _) => MatchStatus::NotFound,
        };
        out.matching.add(status);
        record_problem(&mut out, e, &placed, status);
        if placed.desa.is_empty() {
            out.coops_unplaced += u64::from(e.coops);
            continue;
        }
        out.coops_placed += u64::from(e.coops);
        if placed.desa.len() >= 2 {
            out.mergers.push(Merger {
                line: e.line,
                label: e.label.clone(),
                desa: placed
                    .desa
                    .iter()
                    .filter_map(|c| region_ref(table, c))
                    .collect(),
            });
        }
        for c in &placed.desa {
            match tally.get_mut(c) {
                Some(t) => {
                    t.coops = t.coops.saturating_add(e.coops);
                    t.more.push(i);
                }
                None => {
                    let t = DesaTally {
                        coops: e.coops,
                        first: i,
                        more: Vec::new(),
                    };
                    tally.insert(*c, t);
                }
            }
        }
        if !placed.desa.iter().any(|c| in_region(options, c)) {
            out.coops_outside_region += u64::from(e.coops);
        }
    }
    sum_rows(&mut out, table, options, &tally, entries);
    out.only_region = only_region(&out);
    out
}

/// [`Coverage::only_region`]: the one row holding every placed cooperative, when no region was
/// asked for and there are other rows.
fn only_region(c: &Coverage) -> Option<RegionRef> {
    if c.region.is_some() || c.rows.len() < 2 {
        return None;
    }
    let mut with = c.rows.iter().filter(|r| r.coops > 0);
    let only = with.next()?;
    if with.next().is_some() {
        return None;
    }
    Some(RegionRef {
        code: only.code?,
        name: only.name.clone(),
    })
}

fn in_region(options: &CoverageOptions, c: &KodeWilayah) -> bool {
    options.region.is_none_or(|r| r.contains(c))
}

fn region_ref(table: &Table, code: &KodeWilayah) -> Option<RegionRef> {
    table.get(code).map(|w| RegionRef {
        code: w.code,
        name: w.name.clone(),
    })
}

fn empty_coverage(table: &Table, options: &CoverageOptions) -> Coverage {
    Coverage {
        level: options.level,
        region: options.region.as_ref().and_then(|r| region_ref(table, r)),
        table_source: crate::wilayah::TABLE_SOURCE.to_string(),
        matching: MatchSummary::default(),
        coops_placed: 0,
        coops_unplaced: 0,
        coops_outside_region: 0,
        total: new_row(options.region, table),
        rows: Vec::new(),
        with_several: Vec::new(),
        mergers: Vec::new(),
        without_coop: Vec::new(),
        problems: Vec::new(),
        only_region: None,
    }
}

fn record_problem(out: &mut Coverage, e: &KopdesEntry, placed: &Placed, status: MatchStatus) {
    if status == MatchStatus::Matched {
        return;
    }
    out.problems.push(EntryProblem {
        line: e.line,
        label: e.label.clone(),
        coops: e.coops,
        at: placed.path.problem().cloned(),
        placed: placed.desa.first().copied().or(placed.path.code),
    });
}

/// True when the entries' names show a KDMP and a KKMP.
fn both_kinds<'a>(entries: impl Iterator<Item = &'a KopdesEntry>) -> bool {
    let kinds: Vec<_> = entries.filter_map(|e| super::kdmp_kind(&e.label)).collect();
    kinds.contains(&super::KdmpKind::Kdmp) && kinds.contains(&super::KdmpKind::Kkmp)
}

fn sum_rows(
    out: &mut Coverage,
    table: &Table,
    options: &CoverageOptions,
    tally: &HashMap<KodeWilayah, DesaTally>,
    entries: &[KopdesEntry],
) {
    let mut rows: BTreeMap<Option<KodeWilayah>, CoverageRow> = BTreeMap::new();
    for w in table.iter() {
        if w.level != Level::DesaKelurahan || !in_region(options, &w.code) {
            continue;
        }
        let t = tally.get(&w.code);
        let coops = t.map_or(0, |t| t.coops);
        add_desa(&mut out.total, coops);
        if options.level != RegionLevel::Nasional {
            let key = key_at(&w.code, options.level);
            let row = rows.entry(key).or_insert_with(|| new_row(key, table));
            add_desa(row, coops);
        }
        let desa = || RegionRef {
            code: w.code,
            name: w.name.clone(),
        };
        match t {
            None => out.without_coop.push(desa()),
            Some(t) if t.coops > 1 => out.with_several.push(SeveralCoops {
                desa: desa(),
                coops: t.coops,
                lines: t
                    .rows()
                    .filter_map(|i| entries.get(i))
                    .map(|e| e.line)
                    .collect(),
                labels: t
                    .rows()
                    .filter_map(|i| entries.get(i))
                    .map(|e| e.label.clone())
                    .collect(),
                kdmp_and_kkmp: both_kinds(t.rows().filter_map(|i| entries.get(i))),
            }),
            Some(_) => {}
        }
    }
    out.rows = rows.into_values().collect();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn desa_from_kdmp_names() {
        let d = |s: &str| desa_from_name(s);
        assert_eq!(
            d("KOPERASI DESA MERAH PUTIH SUMBERKOLAK").as_deref(),
            Some("SUMBERKOLAK")
        );
        assert_eq!(
            d("KOPERASI DESA MERAH PUTIH SRUWI KECAMATAN WINONGAN KABUPATEN PASURUAN").as_deref(),
            Some("SRUWI")
        );
        assert_eq!(
            d("Koperasi Kelurahan Merah Putih Tonja").as_deref(),
            Some("TONJA")
        );
        assert_eq!(d("KSP Sejahtera"), None);
        assert_eq!(d("KOPERASI DESA MERAH PUTIH"), None);
    }

    #[test]
    fn a_merged_coop_covers_several_desa() {
        let t = crate::wilayah::table();
        if t.count(Level::DesaKelurahan) == 0 {
            return;
        }
        let e = KopdesEntry {
            line: 2,
            label: "KDMP gabungan".into(),
            names: RegionNames {
                provinsi: Some("Bali".into()),
                kab_kota: Some("Kota Denpasar".into()),
                kecamatan: Some("Denpasar Selatan".into()),
                desa: Some("Sanur, Sanur Kaja dan Sanur Kauh".into()),
            },
            code: None,
            coops: 1,
        };
        let opts = CoverageOptions {
            level: RegionLevel::Kecamatan,
            region: KodeWilayah::parse("51.71.01").ok(),
        };
        let c = coverage(&[e], t, &opts);
        assert_eq!(c.mergers.len(), 1);
        let names: Vec<&str> = c
            .mergers
            .iter()
            .flat_map(|m| m.desa.iter().map(|d| d.name.as_str()))
            .collect();
        assert_eq!(names, ["Sanur", "Sanur Kaja", "Sanur Kauh"]);
        assert_eq!((c.total.desa, c.total.with_coop), (10, 3));
    }
}
