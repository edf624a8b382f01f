//! The public statistics exports of SIMKOPDES (the Kemenkop system of the KDMP/KKMP
//! programme): one table per level, by province, district (kabupaten/kota), subdistrict
//! (kecamatan) or village (desa/kelurahan), with English headers:
//! `province_id, province, district_id, district, subdistrict_id, subdistrict, village_id,
//! village, cooperatives, accounts_count, npwp_count, nib_count, rat_count, ...`.
//!
//! - [`read_statistics`] reads one table as a snapshot with its data date (given, found in
//!   the file name: `kopdes_stats_province_2026-08-05.csv`, or else the one date of an
//!   `updated_at` column), matches its region names to
//!   Kemendagri codes within their parent ([`super::matching`]: the rate, the misplaced such as
//!   a kab/kota under the wrong province, the names found nowhere such as `Fukuoka`), and takes
//!   every column whose cells are all integers as a measure. The `*_id` columns are SIMKOPDES's
//!   own numbers, not Kemendagri codes; they are kept as [`StatsRow::source_id`].
//! - [`check_levels`] checks a table against the table one level up: the districts written
//!   under a province must sum to it (the check of [`crate::stats::check_children_vs_parent`],
//!   one parent at a time).
//! - [`compare_snapshots`] says what changed where between two snapshots of one level.
//! - [`StatsSnapshot::entries`] turns a village table into rows for
//!   [`super::coverage::coverage`].

use super::coverage::KopdesEntry;
use super::matching::{MatchStatus, MatchSummary, Matcher, PathMatch, RegionNames};
use crate::error::ReadError;
use crate::stats::{Finding, Panel, PanelRow, Period, check_children_vs_parent};
use crate::wilayah::{KodeWilayah, Level, RegionLevel, Table, normalize_name};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Options of [`read_statistics`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct StatsOptions {
    /// The date the figures describe (CLI `--data-as-of`); wins over the file name's.
    pub data_as_of: Option<NaiveDate>,
    /// The file's name, to find a date in it (`..._2026-08-05.csv`, `..._20260805.csv`).
    pub file_name: Option<String>,
    /// Caps against hostile files: `max_rows`, `max_field_bytes` and `max_cells` are applied.
    #[serde(default)]
    pub limits: crate::io::ReadLimits,
}

/// One region row of a statistics export.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct StatsRow {
    /// 1-based source line (header = 1).
    pub line: u64,
    /// Region names as written.
    pub names: RegionNames,
    /// The SIMKOPDES id of the row's region (`district_id` of a district row), as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_id: Option<String>,
    /// How its names were matched.
    pub matched: PathMatch,
    /// Measure -> value.
    pub values: BTreeMap<String, i64>,
}

impl StatsRow {
    /// The outcome of matching: the first level not matched, or matched.
    pub fn status(&self) -> MatchStatus {
        self.matched
            .problem()
            .map_or(MatchStatus::Matched, |l| l.status)
    }

    /// The row's own region code, when its deepest name was placed (matched or misplaced).
    pub fn code(&self, level: Level) -> Option<KodeWilayah> {
        self.matched.code.filter(|c| c.level() == level)
    }
}

/// Where a snapshot's data date comes from. Serialised in snake_case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum DateSource {
    /// Given ([`StatsOptions::data_as_of`]).
    Option,
    /// Found in the file name.
    FileName,
    /// Taken from a timestamp column of the table (`updated_at`) whose cells all fall on one
    /// date (its name: [`StatsSnapshot::data_as_of_column`]).
    Column,
}

/// One statistics table read (see the module documentation). Measures are the columns whose
/// every cell is an integer, except coordinates, scores, indexes, averages, rates and statuses
/// (by header word: `health_score`, `average_health_index`), which are kept as other columns
/// and never summed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct StatsSnapshot {
    /// The level of its rows (its deepest region column).
    pub level: RegionLevel,
    /// The date its figures describe, when known.
    pub data_as_of: Option<NaiveDate>,
    /// Where that date comes from.
    pub data_as_of_source: Option<DateSource>,
    /// The column the date was taken from ([`DateSource::Column`]), as written (`updated_at`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data_as_of_column: Option<String>,
    /// Measures, in column order (`cooperatives`, `accounts_count`, ...).
    pub measures: Vec<String>,
    /// Columns that are neither a region, an id nor a measure (`latitude`, `health_status`).
    pub other_columns: Vec<String>,
    /// The rows, in source order.
    pub rows: Vec<StatsRow>,
    /// How the rows were matched: counts by outcome and the rate.
    pub matching: MatchSummary,
    /// Sum of each measure over all rows (the national figure of a complete table).
    pub totals: BTreeMap<String, i64>,
}

/// Region columns by level: the English header of the export and the Indonesian one.
const REGION_COLUMNS: [(Level, &[&str]); 4] = [
    (Level::Provinsi, &["province", "provinsi"]),
    (
        Level::KabupatenKota,
        &["district", "regency", "kabupaten_kota", "kab_kota"],
    ),
    (Level::Kecamatan, &["subdistrict", "kecamatan"]),
    (Level::DesaKelurahan, &["village", "desa", "desa_kelurahan"]),
];

/// A date in a file name: `YYYY-MM-DD` or `YYYYMMDD` between other characters
/// (`kopdes_stats_province_2026-08-05.csv`), `None` when there is none or it is no date.
pub fn data_date_in_file_name(name: &str) -> Option<NaiveDate> {
    name.split(|c: char| !c.is_ascii_digit() && c != '-')
        .flat_map(|w| std::iter::once(w.replace('-', "")).chain(w.split('-').map(str::to_string)))
        .filter(|d| d.len() == 8)
        .find_map(|d| NaiveDate::parse_from_str(&d, "%Y%m%d").ok())
}

/// True unless the header names a coordinate, a score, an index, an average, a status or a
/// period: those are never summed (`latitude`, `health_score`, `average_health_index`,
/// `rat_period`, whose cells are the book year `2024`).
fn is_count_name(header: &str) -> bool {
    let h = header_key(header);
    !(matches!(h.as_str(), "latitude" | "longitude" | "lat" | "lon" | "lng")
        || [
            "score", "index", "average", "status", "avg", "pct", "percent", "rate", "period",
            "periode", "year", "tahun",
        ]
        .iter()
        .any(|w| h.split('_').any(|p| p == *w)))
}

fn header_key(h: &str) -> String {
    h.trim().trim_start_matches('\u{feff}').to_lowercase()
}

/// Column layout of a statistics table.
struct Columns {
    region: Vec<(Level, usize)>,
    ids: Vec<(Level, usize)>,
    rest: Vec<(String, usize)>,
}

fn columns(headers: &csv::StringRecord) -> Result<Columns, ReadError> {
    let keys: Vec<String> = headers.iter().map(header_key).collect();
    let mut c = Columns {
        region: Vec::new(),
        ids: Vec::new(),
        rest: Vec::new(),
    };
    for (i, k) in keys.iter().enumerate() {
        let region = REGION_COLUMNS
            .iter()
            .find(|(_, names)| names.contains(&k.as_str()));
        let id = REGION_COLUMNS
            .iter()
            .find(|(_, names)| names.iter().any(|n| k.strip_suffix("_id") == Some(n)));
        match (region, id) {
            (Some((l, _)), _) => c.region.push((*l, i)),
            (None, Some((l, _))) => c.ids.push((*l, i)),
            (None, None) => c
                .rest
                .push((headers.get(i).unwrap_or_default().trim().to_string(), i)),
        }
    }
    if c.region.is_empty() {
        return Err(ReadError::MissingColumn {
            field: "province".into(),
            looked_for: "province, district, subdistrict, village (or provinsi, kabupaten_kota, kecamatan, desa)".into(),
            found: headers.iter().collect::<Vec<_>>().join(", "),
        });
    }
    Ok(c)
}

fn read_records<R: std::io::Read>(
    input: R,
    limits: &crate::io::ReadLimits,
) -> Result<(csv::StringRecord, Vec<csv::StringRecord>), ReadError> {
    use crate::io::limits::exceeded;
    let mut rdr = csv::ReaderBuilder::new().flexible(true).from_reader(input);
    let headers = rdr
        .headers()
        .map_err(|e| ReadError::Csv {
            line: 1,
            why: e.to_string(),
        })?
        .clone();
    if headers.is_empty() {
        return Err(ReadError::Empty);
    }
    let (mut records, mut cells) = (Vec::new(), 0u64);
    for r in rdr.records() {
        let r = r.map_err(|e| ReadError::Csv {
            line: e.position().map_or(0, |p| p.line()),
            why: e.to_string(),
        })?;
        let line = r.position().map_or(0, |p| p.line());
        if let Some(big) = r
            .iter()
            .map(str::len)
            .max()
            .filter(|n| *n > limits.max_field_bytes)
        {
            let max = limits.max_field_bytes as u64;
            return Err(exceeded("max_field_bytes", big as u64, max, line));
        }
        cells = cells.saturating_add(r.len() as u64);
        if cells > limits.max_cells {
            return Err(exceeded("max_cells", cells, limits.max_cells, line));
        }
        records.push(r);
        if records.len() as u64 > limits.max_rows {
            return Err(exceeded(
                "max_rows",
                records.len() as u64,
                limits.max_rows,
                line,
            ));
        }
    }
    Ok((headers, records))
}

/// Read one SIMKOPDES statistics table (CSV) as a snapshot and match its regions with
/// `table` (normally [`crate::wilayah::table()`]; village rows need its desa level).
///
/// # Errors
/// [`ReadError::Csv`] for a broken CSV, [`ReadError::Empty`] without a header,
/// [`ReadError::MissingColumn`] when no region column (`province`, `district`,
/// `subdistrict`, `village`) is there, [`ReadError::LimitExceeded`] beyond
/// [`StatsOptions::limits`].
pub fn read_statistics<R: std::io::Read>(
    input: R,
    table: &Table,
    options: &StatsOptions,
) -> Result<StatsSnapshot, ReadError> {
    let (headers, records) = read_records(input, &options.limits)?;
    let cols = columns(&headers)?;
    let is_int = |i: usize| {
        records.iter().all(|r| {
            let v = r.get(i).unwrap_or_default().trim();
            v.is_empty() || v.parse::<i64>().is_ok()
        })
    };
    let (measures, other): (Vec<_>, Vec<_>) = cols
        .rest
        .iter()
        .cloned()
        .partition(|(h, i)| is_int(*i) && is_count_name(h));
    let level = cols
        .region
        .iter()
        .map(|(l, _)| *l)
        .max()
        .unwrap_or(Level::Provinsi);
    let mut matcher = Matcher::new(table);
    let mut snap = StatsSnapshot {
        level: super::matching::region_level(level),
        data_as_of: None,
        data_as_of_source: None,
        data_as_of_column: None,
        measures: measures.iter().map(|(h, _)| h.clone()).collect(),
        other_columns: other.iter().map(|(h, _)| h.clone()).collect(),
        rows: Vec::with_capacity(records.len()),
        matching: MatchSummary::default(),
        totals: BTreeMap::new(),
    };
    set_date(&mut snap, options);
    if snap.data_as_of.is_none()
        && let Some((column, d)) = date_in_column(&other, &records)
    {
        snap.data_as_of = Some(d);
        snap.data_as_of_source = Some(DateSource::Column);
        snap.data_as_of_column = Some(column);
    }
    for r in &records {
        let row = stats_row(r, &cols, &measures, level, &mut matcher);
        snap.matching.add(row.status());
        for (m, v) in &row.values {
            let t = snap.totals.entry(m.clone()).or_insert(0);
            *t = t.saturating_add(*v);
        }
        snap.rows.push(row);
    }
    Ok(snap)
}

fn set_date(snap: &mut StatsSnapshot, options: &StatsOptions) {
    if let Some(d) = options.data_as_of {
        snap.data_as_of = Some(d);
        snap.data_as_of_source = Some(DateSource::Option);
    } else if let Some(d) = options
        .file_name
        .as_deref()
        .and_then(data_date_in_file_name)
    {
        snap.data_as_of = Some(d);
        snap.data_as_of_source = Some(DateSource::FileName);
    }
}

/// Headers of a timestamp column that dates the whole table (`updated_at` of the SIMKOPDES
/// exports), compared lower-case.
const DATE_COLUMNS: [&str; 6] = [
    "updated_at",
    "last_updated",
    "data_as_of",
    "as_of",
    "tanggal_data",
    "tanggal_update",
];

/// A cell of a timestamp column as a date: RFC 3339 (`2026-08-05T09:18:58+07:00`, the date in
/// its own offset), `YYYY-MM-DD HH:MM:SS` or `YYYY-MM-DD`.
fn cell_date(v: &str) -> Option<NaiveDate> {
    chrono::DateTime::parse_from_rfc3339(v)
        .map(|t| t.date_naive())
        .ok()
        .or_else(|| {
            chrono::NaiveDateTime::parse_from_str(v, "%Y-%m-%d %H:%M:%S")
                .ok()
                .map(|t| t.date())
        })
        .or_else(|| NaiveDate::parse_from_str(v, "%Y-%m-%d").ok())
}

/// The first timestamp column ([`DATE_COLUMNS`]) whose cells all read as one and the same
/// date: its header and that date. `None` when there is none, a cell is empty or not a date,
/// or the cells fall on different dates (the table has no single data date).
fn date_in_column(
    other: &[(String, usize)],
    records: &[csv::StringRecord],
) -> Option<(String, NaiveDate)> {
    other
        .iter()
        .filter(|(h, _)| DATE_COLUMNS.contains(&header_key(h).as_str()))
        .find_map(|(h, i)| {
            let mut dates = records
                .iter()
                .map(|r| cell_date(r.get(*i).unwrap_or_default().trim()));
            let first = dates.next()??;
            dates.all(|d| d == Some(first)).then(|| (h.clone(), first))
        })
}

fn stats_row(
    r: &csv::StringRecord,
    cols: &Columns,
    measures: &[(String, usize)],
    level: Level,
    matcher: &mut Matcher<'_>,
) -> StatsRow {
    let cell = |i: usize| {
        let v = r.get(i).unwrap_or_default().trim();
        (!v.is_empty()).then(|| v.to_string())
    };
    let name = |l: Level| {
        cols.region
            .iter()
            .find(|(x, _)| *x == l)
            .and_then(|(_, i)| cell(*i))
    };
    let names = RegionNames {
        provinsi: name(Level::Provinsi),
        kab_kota: name(Level::KabupatenKota),
        kecamatan: name(Level::Kecamatan),
        desa: name(Level::DesaKelurahan),
    };
    let source_id = cols
        .ids
        .iter()
        .find(|(l, _)| *l == level)
        .and_then(|(_, i)| cell(*i));
    let values = measures
        .iter()
        .filter_map(|(h, i)| {
            cell(*i)
                .and_then(|v| v.parse::<i64>().ok())
                .map(|v| (h.clone(), v))
        })
        .collect();
    StatsRow {
        line: r.position().map_or(0, |p| p.line()),
        matched: matcher.match_path(&names, None),
        names,
        source_id,
        values,
    }
}

pub(crate) fn parent_level(level: RegionLevel) -> Option<Level> {
    match level {
        RegionLevel::KabupatenKota => Some(Level::Provinsi),
        RegionLevel::Kecamatan => Some(Level::KabupatenKota),
        RegionLevel::DesaKelurahan => Some(Level::Kecamatan),
        RegionLevel::Nasional | RegionLevel::Provinsi => None,
    }
}

/// The name of the row at `level` ([`RegionNames::at`]) and its parents, normalised, as a key.
fn path_key(names: &RegionNames, level: Level) -> String {
    [
        Level::Provinsi,
        Level::KabupatenKota,
        Level::Kecamatan,
        Level::DesaKelurahan,
    ]
    .into_iter()
    .filter(|l| *l <= level)
    .map(|l| names.at(l).map(normalize_name).unwrap_or_default())
    .collect::<Vec<_>>()
    .join(" > ")
}

fn panel_row(row: &StatsRow, level: Level, period: Period) -> PanelRow {
    let mut p = PanelRow::new(
        row.line,
        row.names.at(level).unwrap_or_default(),
        period,
        row.values.clone(),
    );
    p.region_code = row.code(level);
    p
}

/// Check `children` (e.g. the district table) against `parents` (the province table): for
/// each parent row and each measure of both tables, the children written under it (by name,
/// as the export groups them) must sum to it. Findings as
/// [`crate::stats::check_children_vs_parent`] (`child_sum_not_equal_parent`,
/// `children_missing`), one parent at a time; empty when `parents` is not one level above
/// `children`. A parent with no row at all written under it is not checked: the table of
/// `children` does not cover it (a slice of some regions), which is not a difference; those
/// parents are listed by [`parents_without_rows`].
pub fn check_levels(children: &StatsSnapshot, parents: &StatsSnapshot) -> Vec<Finding> {
    let Some(pl) = parent_of(children, parents) else {
        return Vec::new();
    };
    let period = children.data_as_of.map_or(Period::Year(0), Period::Date);
    let mut by_parent: BTreeMap<String, Vec<PanelRow>> = BTreeMap::new();
    for c in &children.rows {
        let row = panel_row(c, super::matching::table_level(children.level), period);
        by_parent
            .entry(path_key(&c.names, pl))
            .or_default()
            .push(row);
    }
    let mut out = Vec::new();
    for p in &parents.rows {
        let Some(kids) = by_parent.remove(&path_key(&p.names, pl)) else {
            continue;
        };
        let kids = Panel::new(kids);
        let parent = Panel::new(vec![panel_row(p, pl, period)]);
        for m in children
            .measures
            .iter()
            .filter(|m| parents.measures.contains(m))
        {
            out.extend(
                check_children_vs_parent(&kids, &parent, m)
                    .into_iter()
                    .map(|f| located(f, p, pl, children.data_as_of, period)),
            );
        }
    }
    out
}

/// The level of `parents` when it is one level above `children`.
fn parent_of(children: &StatsSnapshot, parents: &StatsSnapshot) -> Option<Level> {
    let pl = parent_level(children.level)?;
    (super::matching::region_level(pl) == parents.level).then_some(pl)
}

/// The rows of `parents` (the table one level up) with no row of `children` written under
/// them, as `ACEH (11)` (name as written, Kemendagri code when matched), in the parents'
/// order: [`check_levels`] cannot check them. All but a few when `children` is a slice of some
/// regions; empty when `parents` is not one level above `children`.
pub fn parents_without_rows(children: &StatsSnapshot, parents: &StatsSnapshot) -> Vec<String> {
    let Some(pl) = parent_of(children, parents) else {
        return Vec::new();
    };
    let written: std::collections::BTreeSet<String> = children
        .rows
        .iter()
        .map(|c| path_key(&c.names, pl))
        .collect();
    parents
        .rows
        .iter()
        .filter(|p| !written.contains(&path_key(&p.names, pl)))
        .map(|p| {
            let name = p.names.at(pl).unwrap_or_default();
            match p.code(pl) {
                Some(c) => format!("{name} ({c})"),
                None => name.to_string(),
            }
        })
        .collect()
}

/// A finding of [`check_children_vs_parent`] about the parent row `p`, said with the region's
/// Kemendagri code as `wilayah` writes it (`ACEH (11)`, `KAB. MAPPI (93.03)`) and the data date
/// when known, instead of the panel period a snapshot without a date does not have (it would
/// print as `0000`); its `periods` are then empty.
fn located(
    mut f: Finding,
    p: &StatsRow,
    pl: Level,
    date: Option<NaiveDate>,
    period: Period,
) -> Finding {
    let name = p.names.at(pl).unwrap_or_default();
    let old = format!("{name} {period}");
    let code = p.code(pl).map(|c| format!(" ({c})")).unwrap_or_default();
    let when = date.map(|d| format!(" {d}")).unwrap_or_default();
    let new = format!("{name}{code}{when}");
    for m in [&mut f.message_en, &mut f.message_id] {
        if let Some(rest) = m.strip_prefix(&old) {
            *m = format!("{new}{rest}");
        }
    }
    if date.is_none() {
        f.periods.clear();
    }
    f
}

/// One figure that changed between two snapshots.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct FigureChange {
    /// The region's code, when matched in the newer snapshot (else in the older).
    pub code: Option<KodeWilayah>,
    /// The region's names as written, joined with ` > ` from the province down.
    pub region: String,
    /// The measure.
    pub measure: String,
    /// In the older snapshot (`None`: the region or measure was not there).
    pub old: Option<i64>,
    /// In the newer snapshot (`None`: no longer there).
    pub new: Option<i64>,
    /// `new - old`, counting a missing side as 0.
    pub change: i64,
}

/// What changed between two snapshots of one level ([`compare_snapshots`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SnapshotChange {
    /// The older snapshot's data date.
    pub old_as_of: Option<NaiveDate>,
    /// The newer snapshot's data date.
    pub new_as_of: Option<NaiveDate>,
    /// Change of each measure's total (measures of both snapshots).
    pub totals: BTreeMap<String, i64>,
    /// Every figure that differs, by region then measure.
    pub changes: Vec<FigureChange>,
}

fn region_key(row: &StatsRow, level: Level) -> String {
    row.code(level)
        .map_or_else(|| path_key(&row.names, level), |c| c.to_string())
}

/// What changed where between `old` and `new` (two snapshots of one level): regions are
/// paired by Kemendagri code when matched, else by their names. Regions or measures present
/// on one side only are listed with `None` on the other.
pub fn compare_snapshots(old: &StatsSnapshot, new: &StatsSnapshot) -> SnapshotChange {
    let level = super::matching::table_level(new.level);
    let mut pairs: BTreeMap<String, (Option<&StatsRow>, Option<&StatsRow>)> = BTreeMap::new();
    for r in &old.rows {
        pairs.entry(region_key(r, level)).or_default().0 = Some(r);
    }
    for r in &new.rows {
        pairs.entry(region_key(r, level)).or_default().1 = Some(r);
    }
    let mut changes = Vec::new();
    for (o, n) in pairs.values() {
        let any = n.or(*o);
        let measures: std::collections::BTreeSet<&String> = o
            .iter()
            .chain(n.iter())
            .flat_map(|r| r.values.keys())
            .collect();
        for m in measures {
            let (ov, nv) = (
                o.and_then(|r| r.values.get(m).copied()),
                n.and_then(|r| r.values.get(m).copied()),
            );
            if ov != nv {
                changes.push(FigureChange {
                    code: n
                        .and_then(|r| r.code(level))
                        .or_else(|| o.and_then(|r| r.code(level))),
                    region: any.map(|r| path_label(&r.names)).unwrap_or_default(),
                    measure: m.clone(),
                    old: ov,
                    new: nv,
                    change: nv.unwrap_or(0).saturating_sub(ov.unwrap_or(0)),
                });
            }
        }
    }
    let totals = new
        .totals
        .iter()
        .filter_map(|(m, v)| old.totals.get(m).map(|o| (m.clone(), v.saturating_sub(*o))))
        .collect();
    SnapshotChange {
        old_as_of: old.data_as_of,
        new_as_of: new.data_as_of,
        totals,
        changes,
    }
}

fn path_label(names: &RegionNames) -> String {
    [
        Level::Provinsi,
        Level::KabupatenKota,
        Level::Kecamatan,
        Level::DesaKelurahan,
    ]
    .into_iter()
    .filter_map(|l| names.at(l))
    .collect::<Vec<_>>()
    .join(" > ")
}

impl StatsSnapshot {
    /// Rows for [`super::coverage::coverage`]: one per row of a village table, standing for
    /// its `cooperatives` count (rows with 0 or no count are left out: they cover nothing).
    /// Empty for a table above village level.
    pub fn entries(&self) -> Vec<KopdesEntry> {
        if self.level != RegionLevel::DesaKelurahan {
            return Vec::new();
        }
        self.rows
            .iter()
            .filter_map(|r| {
                let n = r.values.get("cooperatives").copied().unwrap_or(0);
                let coops = u32::try_from(n).ok().filter(|n| *n > 0)?;
                Some(KopdesEntry {
                    line: r.line,
                    label: r.names.desa.clone().unwrap_or_default(),
                    names: r.names.clone(),
                    code: None,
                    coops,
                })
            })
            .collect()
    }
}

/// Cooperatives counted by an export against the desa/kelurahan of the table, for one region.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CoopsPerDesa {
    /// The region's code; `None` for the nation.
    pub code: Option<KodeWilayah>,
    /// Its official name (`Indonesia` for the nation).
    pub name: String,
    /// Desa/kelurahan in the Kemendagri 2025 table.
    pub desa: u64,
    /// `cooperatives` of the export's rows placed on the region (matched or misplaced, at the
    /// code where the name is).
    pub cooperatives: i64,
    /// `cooperatives / desa` in percent, rounded to 0.01: 100 when every desa could have one;
    /// more than 100 means more cooperatives than desa. Not a coverage (a desa may have two).
    pub pct: f64,
}

/// The export's `cooperatives` against the number of desa/kelurahan of each region of its
/// level, and for the nation (first): the coverage a table of counts can tell. Rows not
/// placed count only in the nation's figure. Needs the table's desa level. Empty when the
/// export has no `cooperatives` column (a table of RAT or building progress): no figure is
/// made of a count the file does not give.
pub fn coops_per_desa(snapshot: &StatsSnapshot, table: &Table) -> Vec<CoopsPerDesa> {
    if !snapshot.measures.iter().any(|m| m == "cooperatives") {
        return Vec::new();
    }
    let level = super::matching::table_level(snapshot.level);
    let mut desa: BTreeMap<KodeWilayah, u64> = BTreeMap::new();
    let mut national_desa = 0;
    for w in table.iter().filter(|w| w.level == Level::DesaKelurahan) {
        national_desa += 1;
        if let Some(k) = ancestor(&w.code, level) {
            *desa.entry(k).or_insert(0) += 1;
        }
    }
    let mut coops: BTreeMap<KodeWilayah, i64> = BTreeMap::new();
    for r in &snapshot.rows {
        if let (Some(c), Some(v)) = (r.code(level), r.values.get("cooperatives")) {
            let e = coops.entry(c).or_insert(0);
            *e = e.saturating_add(*v);
        }
    }
    let total = snapshot.totals.get("cooperatives").copied().unwrap_or(0);
    let row = |code: Option<KodeWilayah>, name: String, desa: u64, n: i64| CoopsPerDesa {
        code,
        name,
        desa,
        cooperatives: n,
        pct: super::matching::pct(u64::try_from(n).unwrap_or(0), desa),
    };
    let mut out = vec![row(None, "Indonesia".into(), national_desa, total)];
    for (c, n) in desa {
        let name = table.get(&c).map(|w| w.name.clone()).unwrap_or_default();
        out.push(row(Some(c), name, n, coops.get(&c).copied().unwrap_or(0)));
    }
    out
}

fn ancestor(code: &KodeWilayah, level: Level) -> Option<KodeWilayah> {
    match level {
        Level::Provinsi => Some(code.provinsi()),
        Level::KabupatenKota => code.kab_kota(),
        Level::Kecamatan => code.kecamatan(),
        Level::DesaKelurahan => Some(*code),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn dates_in_file_names() {
        let d = |s| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
        assert_eq!(
            data_date_in_file_name("kopdes_stats_province_2026-08-05.csv"),
            d("2026-08-05")
        );
        assert_eq!(
            data_date_in_file_name("stats_20260805.csv"),
            d("2026-08-05")
        );
        assert_eq!(data_date_in_file_name("kopdes_stats_province.csv"), None);
        assert_eq!(data_date_in_file_name("stats_20261399.csv"), None);
    }

    #[test]
    fn one_date_in_an_updated_at_column() {
        let rec = |v: &str| csv::StringRecord::from(vec!["ACEH", v]);
        let other = vec![("updated_at".to_string(), 1)];
        let same = [
            rec("2026-08-05T09:18:58+07:00"),
            rec("2026-08-05T23:59:00+07:00"),
        ];
        assert_eq!(
            date_in_column(&other, &same),
            Some((
                "updated_at".into(),
                NaiveDate::from_ymd_opt(2026, 8, 5).unwrap()
            ))
        );
        let two_days = [rec("2026-08-05T09:18:58+07:00"), rec("2026-08-06")];
        assert_eq!(date_in_column(&other, &two_days), None);
        let blank = [rec("2026-08-05"), rec("")];
        assert_eq!(date_in_column(&other, &blank), None);
        let named_otherwise = vec![("created_at".to_string(), 1)];
        assert_eq!(date_in_column(&named_otherwise, &same), None);
    }
}
