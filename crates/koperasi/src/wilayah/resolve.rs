//! A region name at any level: the nation, a province, a kabupaten/kota, a kecamatan or a
//! desa/kelurahan, and the provinces as they were on a date (the 2012 and 2022 splits).

use super::code::{KodeWilayah, Level};
use super::names::normalize_name;
use super::table::table;
use crate::error::WilayahError;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Where a region sits in the hierarchy, the nation included. Ordered from the top.
/// Serialised in snake_case: `nasional`, `provinsi`, `kabupaten_kota`, `kecamatan`,
/// `desa_kelurahan`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum RegionLevel {
    /// The whole of Indonesia (`INDONESIA`, `NASIONAL`).
    Nasional,
    /// A province.
    Provinsi,
    /// A kabupaten or kota.
    KabupatenKota,
    /// A kecamatan.
    Kecamatan,
    /// A desa or kelurahan.
    DesaKelurahan,
}

impl RegionLevel {
    /// The snake_case name, e.g. `kabupaten_kota`.
    pub fn as_str(self) -> &'static str {
        match self {
            RegionLevel::Nasional => "nasional",
            RegionLevel::Provinsi => "provinsi",
            RegionLevel::KabupatenKota => "kabupaten_kota",
            RegionLevel::Kecamatan => "kecamatan",
            RegionLevel::DesaKelurahan => "desa_kelurahan",
        }
    }

    /// A label for people, plural, in English (`false`) or Indonesian (`true`): `provinces` /
    /// `provinsi`.
    pub fn plural(self, id: bool) -> &'static str {
        match (self, id) {
            (RegionLevel::Nasional, false) => "national",
            (RegionLevel::Nasional, true) => "nasional",
            (RegionLevel::Provinsi, false) => "provinces",
            (RegionLevel::Provinsi, true) => "provinsi",
            (RegionLevel::KabupatenKota, false) => "kabupaten/kota",
            (RegionLevel::KabupatenKota, true) => "kabupaten/kota",
            (RegionLevel::Kecamatan, false) => "kecamatan",
            (RegionLevel::Kecamatan, true) => "kecamatan",
            (RegionLevel::DesaKelurahan, false) => "desa/kelurahan",
            (RegionLevel::DesaKelurahan, true) => "desa/kelurahan",
        }
    }

    /// The level of a code.
    pub fn of(code: &KodeWilayah) -> RegionLevel {
        match code.level() {
            Level::Provinsi => RegionLevel::Provinsi,
            Level::KabupatenKota => RegionLevel::KabupatenKota,
            Level::Kecamatan => RegionLevel::Kecamatan,
            Level::DesaKelurahan => RegionLevel::DesaKelurahan,
        }
    }
}

/// What a region name was resolved to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolution {
    /// The whole country.
    Nasional,
    /// One region of the table.
    Found(KodeWilayah),
    /// Several regions have this name (e.g. a bare `Malang`: kabupaten 35.07 or kota 35.73),
    /// or, without a region to search in, it is a kecamatan (or desa) name somewhere: the
    /// candidates' codes.
    Ambiguous(Vec<KodeWilayah>),
    /// No region of that name at any level.
    NotFound,
}

/// True for a name of the whole country: `INDONESIA`, `Nasional`, `Republik Indonesia`,
/// `Total Indonesia`, `Jumlah Nasional`, `Seluruh Indonesia` (case, spaces and punctuation
/// ignored).
pub fn is_nasional_name(name: &str) -> bool {
    let n = normalize_name(name);
    let n = ["total ", "jumlah ", "seluruh "]
        .iter()
        .find_map(|p| n.strip_prefix(p))
        .unwrap_or(&n);
    matches!(
        n,
        "indonesia" | "nasional" | "republik indonesia" | "ri" | "national"
    )
}

/// The codes of an ambiguity error's candidates (`"35.07 Kabupaten Malang"`).
fn candidates(e: &WilayahError) -> Vec<KodeWilayah> {
    match e {
        WilayahError::Ambiguous { candidates, .. } => candidates
            .iter()
            .filter_map(|c| c.split_whitespace().next())
            .filter_map(|c| KodeWilayah::parse(c).ok())
            .collect(),
        _ => Vec::new(),
    }
}

/// Resolve one name at the first level that knows it: the nation, a province (any case, with
/// or without `Provinsi`/`Prov.`, short and former names such as `Jatim`, `NAD`, `Irian Jaya`),
/// a kabupaten/kota (`KAB.`, `KOTA ADM.`, ...; within the province of `within` when given),
/// then a kecamatan and a desa/kelurahan (desa with the cargo feature `desa`) inside `within`
/// (a kab/kota or kecamatan code). Without `within`, a kecamatan name is
/// [`Resolution::Ambiguous`] with the kecamatan of that name as candidates (it is not placed
/// without knowing where the table is). Never panics.
pub fn resolve_name(name: &str, within: Option<&KodeWilayah>) -> Resolution {
    if is_nasional_name(name) {
        return Resolution::Nasional;
    }
    let t = table();
    if let Ok(p) = t.find_provinsi(name) {
        return Resolution::Found(p.code);
    }
    let province = within.map(KodeWilayah::provinsi);
    let mut found: Vec<KodeWilayah> = Vec::new();
    match t.find_kab_kota(name, province.as_ref()) {
        Ok(w) => return Resolution::Found(w.code),
        Err(e) => found.extend(candidates(&e)),
    }
    let below = within.filter(|w| w.level() != Level::Provinsi);
    for level in [Level::Kecamatan, Level::DesaKelurahan] {
        let r = match level {
            Level::Kecamatan => t.find_kecamatan(name, below),
            _ => t.find_desa(name, below),
        };
        match (r, below) {
            (Ok(x), Some(_)) => return Resolution::Found(x.code),
            (Ok(x), None) => found.push(x.code),
            (Err(e), _) => found.extend(candidates(&e)),
        }
        if !found.is_empty() {
            break;
        }
    }
    if found.is_empty() {
        Resolution::NotFound
    } else {
        Resolution::Ambiguous(found)
    }
}

/// Resolve the names of one table together (each distinct name once): first each on its own
/// ([`resolve_name`] within `within`); then the names still open (ambiguous or not found) are
/// retried within the region the table seems to be about: the kabupaten/kota most resolved
/// names lie in (a kab/kota row above its kecamatan), the kabupaten/kota most open names have
/// a candidate in (a kecamatan table of one kab/kota, given without `--region`), and the
/// province most resolved names lie in (a bare `Pacitan` among the kab/kota of Jawa Timur).
pub fn resolve_names<'a>(
    names: impl IntoIterator<Item = &'a str>,
    within: Option<&KodeWilayah>,
) -> BTreeMap<String, Resolution> {
    let mut out: BTreeMap<String, Resolution> = BTreeMap::new();
    for n in names {
        if !out.contains_key(n) {
            out.insert(n.to_string(), resolve_name(n, within));
        }
    }
    let open = |r: &Resolution| matches!(r, Resolution::Ambiguous(_) | Resolution::NotFound);
    if !out.values().any(open) {
        return out;
    }
    let frames = [
        dominant(&out, Level::KabupatenKota, false),
        dominant(&out, Level::KabupatenKota, true),
        dominant(&out, Level::Provinsi, false),
    ];
    for frame in frames.into_iter().flatten() {
        for (name, r) in out.iter_mut().filter(|(_, r)| open(r)) {
            if let Resolution::Found(c) = resolve_name(name, Some(&frame)) {
                *r = Resolution::Found(c);
            }
        }
    }
    out
}

/// The region at `level` that most names lie in (`open`: most ambiguous names have a
/// candidate in, counting each name once), the first in code order on a tie; `None` when
/// fewer than half of the names counted lie in it.
fn dominant(found: &BTreeMap<String, Resolution>, level: Level, open: bool) -> Option<KodeWilayah> {
    let up = |c: &KodeWilayah| match level {
        Level::Provinsi => Some(c.provinsi()),
        _ => c.kab_kota(),
    };
    let mut n: BTreeMap<KodeWilayah, usize> = BTreeMap::new();
    let mut names = 0usize;
    for r in found.values() {
        let codes: Vec<KodeWilayah> = match (r, open) {
            (Resolution::Found(c), false) => vec![*c],
            (Resolution::Ambiguous(c), true) => c.clone(),
            _ => continue,
        };
        names += 1;
        let mut ups: Vec<KodeWilayah> = codes.iter().filter_map(up).collect();
        ups.sort_unstable();
        ups.dedup();
        for u in ups {
            *n.entry(u).or_default() += 1;
        }
    }
    let best = n.values().copied().max()?;
    // A frame must hold at least half of the names counted (a kab/kota table, whose names
    // are each their own kab/kota, has none).
    if best * 2 < names.max(1) {
        return None;
    }
    n.into_iter().find(|(_, k)| *k == best).map(|(c, _)| c)
}

/// Provinces formed from another one since 2012: (code, former province, day the law took
/// effect). UU 20/2012 (Kalimantan Utara, from Kalimantan Timur); UU 14, 15 and 16/2022 (Papua
/// Selatan, Papua Tengah, Papua Pegunungan, from Papua); UU 29/2022 (Papua Barat Daya, from
/// Papua Barat).
const SPLITS: &[(u8, u8, (i32, u32, u32))] = &[
    (65, 64, (2012, 11, 16)),
    (93, 91, (2022, 7, 25)),
    (94, 91, (2022, 7, 25)),
    (95, 91, (2022, 7, 25)),
    (96, 92, (2022, 12, 8)),
];

/// The province a province code belonged to on `date`: itself, or the province it was split
/// from when `date` is before the split (`93` Papua Selatan on 2021-12-31 gives `91` Papua).
pub(crate) fn province_on(code: &KodeWilayah, date: NaiveDate) -> KodeWilayah {
    let p = code.provinsi();
    let (pp, _, _, _) = p.segments();
    SPLITS
        .iter()
        .find(|(c, _, (y, m, d))| {
            *c == pp && NaiveDate::from_ymd_opt(*y, *m, *d).is_some_and(|eff| date < eff)
        })
        .and_then(|(_, from, _)| KodeWilayah::parse(&format!("{from:02}")).ok())
        .unwrap_or(p)
}

/// True when `parent` contains `child` as regions were on `date`: as
/// [`KodeWilayah::contains`], and before a split a former province also contains the regions
/// of the provinces later split from it (Papua `91` contains `94.12` Mimika in 2021).
pub fn contains_on(parent: &KodeWilayah, child: &KodeWilayah, date: NaiveDate) -> bool {
    if parent.contains(child) {
        return true;
    }
    parent.level() == Level::Provinsi && province_on(child, date) == *parent && parent != child
}

/// How many regions lie directly below `parent` (`None`: below the nation, i.e. the provinces)
/// as they were on `date`, by the embedded table and the splits of [`province_on`] (38
/// provinces from 8 December 2022, 34 from 16 November 2012 to 24 July 2022). Kabupaten/kota
/// and kecamatan formed after `date` are still counted (the table is of 2025).
pub(crate) fn children_on(parent: Option<&KodeWilayah>, date: NaiveDate) -> usize {
    let t = table();
    match parent {
        None => t
            .iter()
            .filter(|w| w.level == Level::Provinsi && province_on(&w.code, date) == w.code)
            .count(),
        Some(p) if p.level() == Level::Provinsi => {
            // Its own kab/kota, less nothing (a split province starts with its own), plus those
            // of the provinces split from it later than `date`.
            let later: usize = SPLITS
                .iter()
                .filter_map(|(c, _, _)| KodeWilayah::parse(&format!("{c:02}")).ok())
                .filter(|c| c != p && province_on(c, date) == *p)
                .map(|c| t.children(&c).len())
                .sum();
            if province_on(p, date) == *p {
                t.children(p).len() + later
            } else {
                0 // not yet a province on that date
            }
        }
        Some(p) => t.children(p).len(),
    }
}
