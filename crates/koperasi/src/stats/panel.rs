//! Panels of published counts: region x period x measure.
//!
//! A [`Panel`] holds rows as published (one per region and period, e.g. one line of a Dinas
//! Koperasi spreadsheet), each with named integer measures. Measure names are snake_case; the
//! standard ones are [`AKTIF`], [`TIDAK_AKTIF`] and [`TOTAL`] (DOMAIN.md §5.1 `koperasi_aktif`,
//! `tidak_aktif`, `jumlah_koperasi`); others keep the name the reader gave them (`karyawan`,
//! `manager`, `usaha_mikro`, `penduduk_laki_laki`, ...).
//!
//! Regions: rows are grouped into regions by their Kemendagri code ([`PanelRow::region_code`])
//! when it is resolved, else by their name ignoring case and repeated spaces (`"KOTA  MALANG"`
//! matches `"Kota Malang"`). So `Kab. Malang` and `Kabupaten Malang`, both resolved to `35.07`,
//! are one region; a row whose code is unresolved joins the region of another row with the same
//! name that has a code. A region is reported under the name of its first row; the name as
//! published is kept in each row. Functions taking a region name (`value`, `series`, `rows_of`)
//! find the first row with that name (case and spaces ignored) and use the whole region it
//! belongs to; a name no row has gives nothing.
//!
//! Duplicates: when a region has several rows for one period (reported by
//! [`crate::stats::check_duplicates`]), every function here uses, per measure, the first row in
//! source order that has the measure: `value`, `series` and the totals agree.

use super::period::Period;
use crate::locale::Decimal;
use crate::wilayah::KodeWilayah;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// Measure name: active cooperatives (`koperasi aktif`).
pub const AKTIF: &str = "aktif";
/// Measure name: inactive cooperatives (`koperasi tidak aktif`).
pub const TIDAK_AKTIF: &str = "tidak_aktif";
/// Measure name: all registered cooperatives (`jumlah koperasi`), normally aktif + tidak aktif.
pub const TOTAL: &str = "total";

/// One published row: one region in one period, with its measures.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PanelRow {
    /// 1-based line of the source file where the row starts (header = line 1); 0 when the row
    /// did not come from a file.
    pub line: u64,
    /// Region name as published, e.g. `Kabupaten Mojokerto`.
    pub region: String,
    /// Kemendagri code of the region when it could be resolved, e.g. `35.16`.
    pub region_code: Option<KodeWilayah>,
    /// The period the figures refer to.
    pub period: Period,
    /// Measure name -> value (counts). A measure missing from the source is absent, not 0.
    pub values: BTreeMap<String, i64>,
    /// Columns of the source kept as text because none of their cells is a count (e.g. a
    /// `KETERANGAN` column): (header as published, cell as published, trimmed), in column
    /// order; a row's empty cells are left out. Empty when the row did not come from a file or
    /// the file had no such column; left out of JSON when empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub extra: Vec<(String, String)>,
    /// The breakdown the row belongs to within its region, outermost first, e.g.
    /// `["Koperasi Produksi", "Dibantu Pemerintah"]` for a row of a SIPD table nested
    /// jenis > pendanaan > status > kecamatan. Rows of one region and period with different
    /// breakdowns are different cells, not duplicates. Empty for a plain table.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub breakdown: Vec<String>,
    /// True when the row is a total of other rows of the same table (a parent path of a
    /// hierarchical table, e.g. `Jumlah Koperasi Aktif` above its kecamatan): it is never
    /// summed with them ([`Panel::totals_by_period`] leaves it out).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub is_parent: bool,
    /// Measures that are not counts (a percentage, a ratio: `Persentase Koperasi Sehat`,
    /// unit `%`), exact as published, e.g. `54.34`. Never summed over regions, never read as
    /// a count; their unit is in [`Panel::units`]. Empty for most tables.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub rates: BTreeMap<String, Decimal>,
}

impl PanelRow {
    /// A row with these measures, no code and no extra columns (`line` 0 when not from a file).
    pub fn new(line: u64, region: &str, period: Period, values: BTreeMap<String, i64>) -> PanelRow {
        PanelRow {
            line,
            region: region.to_string(),
            region_code: None,
            period,
            values,
            extra: Vec::new(),
            breakdown: Vec::new(),
            is_parent: false,
            rates: BTreeMap::new(),
        }
    }

    /// The value of one measure, `None` when absent.
    pub fn get(&self, measure: &str) -> Option<i64> {
        self.values.get(measure).copied()
    }

    /// True when the row's region has this name (case and repeated spaces ignored). This
    /// compares names only; [`Panel::rows_of`] also groups by region code.
    pub fn is_region(&self, name: &str) -> bool {
        region_key(&self.region) == region_key(name)
    }
}

/// Normalised region name for matching: lower case, whitespace runs collapsed, trimmed.
pub(crate) fn region_key(s: &str) -> String {
    s.split_whitespace()
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// What identifies a region within a panel: its code when resolved, else its normalised name.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum RegionKey {
    /// Kemendagri code.
    Code(KodeWilayah),
    /// Normalised name ([`region_key`]).
    Name(String),
}

/// One region of a panel, as indexed by [`PanelIndex`].
#[derive(Debug)]
pub(crate) struct RegionRows<'a> {
    /// Name of the region's first row.
    pub(crate) name: &'a str,
    /// The region's code, when resolved.
    pub(crate) code: Option<KodeWilayah>,
    /// Rows per period, each list in source order.
    pub(crate) by_period: BTreeMap<Period, Vec<&'a PanelRow>>,
    /// All rows of the region, in source order.
    pub(crate) rows: Vec<&'a PanelRow>,
}

impl<'a> RegionRows<'a> {
    /// The first row (source order) of `period` having `measure`: (value, line).
    pub(crate) fn get(&self, period: Period, measure: &str) -> Option<(i64, u64)> {
        self.by_period
            .get(&period)?
            .iter()
            .find_map(|r| r.get(measure).map(|v| (v, r.line)))
    }

    /// [`RegionRows::get`] over the rows that may be summed: a row that is the total of other
    /// rows ([`PanelRow::is_parent`]) is left out.
    pub(crate) fn get_summable(&self, period: Period, measure: &str) -> Option<(i64, u64)> {
        self.by_period
            .get(&period)?
            .iter()
            .filter(|r| !r.is_parent)
            .find_map(|r| r.get(measure).map(|v| (v, r.line)))
    }

    /// (period, value, line) of `measure`, chronological, first row per period having it.
    pub(crate) fn series(&self, measure: &str) -> Vec<(Period, i64, u64)> {
        self.by_period
            .iter()
            .filter_map(|(p, rows)| {
                rows.iter()
                    .find_map(|r| r.get(measure).map(|v| (*p, v, r.line)))
            })
            .collect()
    }
}

/// The rows of a panel indexed once by (region, period): built in O(rows log rows).
#[derive(Debug)]
pub(crate) struct PanelIndex<'a> {
    /// Regions in order of first appearance.
    pub(crate) regions: Vec<RegionRows<'a>>,
    /// Normalised name -> index in `regions` (every name any row of the region has).
    by_name: BTreeMap<String, usize>,
}

impl<'a> PanelIndex<'a> {
    pub(crate) fn new(panel: &'a Panel) -> PanelIndex<'a> {
        // A name that some row resolved to a code takes that code for its unresolved rows.
        let mut code_of_name: BTreeMap<String, KodeWilayah> = BTreeMap::new();
        for r in &panel.rows {
            if let Some(c) = r.region_code {
                code_of_name.entry(region_key(&r.region)).or_insert(c);
            }
        }
        let mut slot: BTreeMap<(RegionKey, &'a [String]), usize> = BTreeMap::new();
        let mut by_name: BTreeMap<String, usize> = BTreeMap::new();
        let mut regions: Vec<RegionRows<'a>> = Vec::new();
        for r in &panel.rows {
            let name = region_key(&r.region);
            let code = r.region_code.or_else(|| code_of_name.get(&name).copied());
            let key = match code {
                Some(c) => RegionKey::Code(c),
                None => RegionKey::Name(name.clone()),
            };
            let i = *slot.entry((key, &r.breakdown)).or_insert_with(|| {
                regions.push(RegionRows {
                    name: &r.region,
                    code,
                    by_period: BTreeMap::new(),
                    rows: Vec::new(),
                });
                regions.len() - 1
            });
            by_name.entry(name).or_insert(i);
            if let Some(reg) = regions.get_mut(i) {
                reg.by_period.entry(r.period).or_default().push(r);
                reg.rows.push(r);
            }
        }
        PanelIndex { regions, by_name }
    }

    /// The region of the first row named `name` (case and spaces ignored).
    pub(crate) fn find(&self, name: &str) -> Option<&RegionRows<'a>> {
        self.regions.get(*self.by_name.get(&region_key(name))?)
    }

    /// Index in `regions` of the region of the first row named `name`.
    pub(crate) fn position(&self, name: &str) -> Option<usize> {
        self.by_name.get(&region_key(name)).copied()
    }
}

/// A panel of published counts: rows of (region, period, measures).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Panel {
    /// Rows in source order.
    pub rows: Vec<PanelRow>,
    /// Unit of each measure as published (`koperasi`, `unit`, `Persen`, `%`), when the file
    /// says it (a `satuan` column, a header such as `Persentase ...`). A measure whose unit
    /// is a percentage or a ratio is kept in [`PanelRow::rates`], never in the counts.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub units: BTreeMap<String, String>,
}

/// A panel as columns (dict of lists), for pandas/polars: every vector has one entry per row,
/// in row order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PanelColumns {
    /// Source line of each row.
    pub line: Vec<u64>,
    /// Region name as published.
    pub region: Vec<String>,
    /// Kemendagri code as text (`35.16`), `None` when unresolved.
    pub region_code: Vec<Option<String>>,
    /// Period in canonical text (`2021-Q3`).
    pub period: Vec<String>,
    /// Last day of the period (the reference date of the stock); `None` for an invalid period.
    pub period_end: Vec<Option<NaiveDate>>,
    /// Measure name -> one value per row (`None` where the row lacks the measure).
    pub measures: BTreeMap<String, Vec<Option<i64>>>,
    /// The breakdown of each row ([`PanelRow::breakdown`]) joined with ` > `; empty text for
    /// none. Empty when no row has a breakdown.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub breakdown: Vec<String>,
    /// Whether each row totals other rows ([`PanelRow::is_parent`]). Empty when no row does.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub is_parent: Vec<bool>,
    /// Rate name -> one exact decimal per row as text (`54.34`), `None` where the row lacks
    /// it ([`PanelRow::rates`]).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub rates: BTreeMap<String, Vec<Option<String>>>,
}

impl Panel {
    /// A panel of these rows.
    pub fn new(rows: Vec<PanelRow>) -> Panel {
        Panel {
            rows,
            units: BTreeMap::new(),
        }
    }

    /// Number of rows.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// True when the panel has no rows.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// Distinct periods, in chronological order.
    pub fn periods(&self) -> Vec<Period> {
        let set: BTreeSet<Period> = self.rows.iter().map(|r| r.period).collect();
        set.into_iter().collect()
    }

    /// Distinct regions, in order of first appearance, each with the name of its first row
    /// (rows with the same resolved code, or without a code and with names equal up to case
    /// and spaces, are one region; see the module documentation).
    pub fn regions(&self) -> Vec<String> {
        let mut seen = BTreeSet::new();
        PanelIndex::new(self)
            .regions
            .iter()
            .filter(|r| seen.insert((r.code, region_key(r.name))))
            .map(|r| r.name.to_string())
            .collect()
    }

    /// Distinct measure names present in any row, sorted.
    pub fn measures(&self) -> Vec<String> {
        let set: BTreeSet<&String> = self.rows.iter().flat_map(|r| r.values.keys()).collect();
        set.into_iter().cloned().collect()
    }

    /// Rows of the region of the first row named `region` (case and spaces ignored; the
    /// region includes rows of other names with the same code), in source order. Empty when no
    /// row has that name.
    pub fn rows_of<'a>(&'a self, region: &'a str) -> impl Iterator<Item = &'a PanelRow> + 'a {
        let index = PanelIndex::new(self);
        let rows: Vec<&'a PanelRow> = index
            .find(region)
            .map(|r| r.rows.clone())
            .unwrap_or_default();
        rows.into_iter()
    }

    /// The value of `measure` for `region` (found as in [`Panel::rows_of`]) in `period`;
    /// `None` when there is no such row or its rows lack the measure. With duplicate rows, the
    /// first in source order that has the measure.
    pub fn value(&self, region: &str, period: Period, measure: &str) -> Option<i64> {
        PanelIndex::new(self)
            .find(region)?
            .get(period, measure)
            .map(|(v, _)| v)
    }

    /// The figure of each period (chronological) for each of `measures`: the sum over the
    /// period's regions, **a total counted once for its parts** (see
    /// [`crate::stats::levels`]): a row that is the parent of other rows of the same period (the
    /// national row above its provinces, `JAWA TIMUR` above its kabupaten/kota, a `JUMLAH`
    /// row) stands for them and is never added to them; the period's figure is the sum over
    /// its top rows. So a table of ten provinces and an `INDONESIA` row gives the national
    /// figure, and a kab/kota table gives the sum of its kab/kota.
    ///
    /// Each (region, period) counts **once**: with duplicate rows, the first row in source
    /// order that has the measure (the value [`Panel::value`] gives), so a row published twice
    /// is not counted twice (duplicates are reported by [`crate::stats::check_duplicates`]).
    /// A total row lacking a measure counts as the sum of its parts for it. Breakdowns of a
    /// region ([`PanelRow::breakdown`]) are summed; rows that are totals of other rows of a
    /// hierarchical table ([`PanelRow::is_parent`]) are not, nor are rates
    /// ([`PanelRow::rates`]). A measure absent from every row of a period is absent from that
    /// period's map. Sums saturate at `i64::MAX` (never reached by real counts).
    pub fn totals_by_period(&self, measures: &[&str]) -> Vec<(Period, BTreeMap<String, i64>)> {
        self.totals_by_period_excluding(measures, None)
    }

    /// [`Panel::totals_by_period`] without the region named `parent` (found as in
    /// [`Panel::rows_of`], e.g. `CheckParams::parent_region`); `None`, or a name no row has,
    /// excludes nothing.
    pub fn totals_by_period_excluding(
        &self,
        measures: &[&str],
        parent: Option<&str>,
    ) -> Vec<(Period, BTreeMap<String, i64>)> {
        let levels = super::levels::Levels::new(self, parent, None);
        levels
            .periods
            .keys()
            .map(|p| {
                let sums = measures
                    .iter()
                    .filter_map(|m| {
                        levels
                            .period_sum(*p, m, None)
                            .map(|v| ((*m).to_string(), v))
                    })
                    .collect();
                (*p, sums)
            })
            .collect()
    }

    /// The figure of one measure in one period, as in [`Panel::totals_by_period`] (a total
    /// row counted once for its parts); `None` when no row of that period has the measure.
    pub fn total(&self, period: Period, measure: &str) -> Option<i64> {
        super::levels::Levels::new(self, None, None).period_sum(period, measure, None)
    }

    /// A new panel without the rows of the region named `region` (found as in
    /// [`Panel::rows_of`], so rows of other names with the same code go too), e.g. to leave a
    /// province row out of the totals of its kabupaten/kota. A name no row has removes nothing.
    pub fn without_region(&self, region: &str) -> Panel {
        let index = PanelIndex::new(self);
        let Some(r) = index.find(region) else {
            return self.clone();
        };
        let drop: BTreeSet<*const PanelRow> =
            r.rows.iter().map(|r| *r as *const PanelRow).collect();
        Panel {
            rows: self
                .rows
                .iter()
                .filter(|r| !drop.contains(&(*r as *const PanelRow)))
                .cloned()
                .collect(),
            units: self.units.clone(),
        }
    }

    /// The time series of `measure` for `region` (found as in [`Panel::rows_of`]): (period,
    /// value), chronological; periods where the region lacks the measure are left out. With
    /// duplicate rows for a period, the first in source order that has the measure.
    pub fn series(&self, region: &str, measure: &str) -> Vec<(Period, i64)> {
        self.series_rows(region, measure)
            .into_iter()
            .map(|(p, v, _)| (p, v))
            .collect()
    }

    /// Like [`Panel::series`], with the source line of each value: (period, value, line).
    pub fn series_rows(&self, region: &str, measure: &str) -> Vec<(Period, i64, u64)> {
        PanelIndex::new(self)
            .find(region)
            .map(|r| r.series(measure))
            .unwrap_or_default()
    }

    /// A new panel with only the rows for which `keep` is true.
    pub fn filter(&self, keep: impl Fn(&PanelRow) -> bool) -> Panel {
        Panel {
            rows: self.rows.iter().filter(|r| keep(r)).cloned().collect(),
            units: self.units.clone(),
        }
    }

    /// The panel as columns (dict of lists) for analysts; see [`PanelColumns`].
    pub fn to_columns(&self) -> PanelColumns {
        let n = self.rows.len();
        let names = self.measures();
        let mut measures: BTreeMap<String, Vec<Option<i64>>> = names
            .into_iter()
            .map(|m| (m, Vec::with_capacity(n)))
            .collect();
        let mut cols = PanelColumns {
            line: Vec::with_capacity(n),
            region: Vec::with_capacity(n),
            region_code: Vec::with_capacity(n),
            period: Vec::with_capacity(n),
            period_end: Vec::with_capacity(n),
            measures: BTreeMap::new(),
            breakdown: Vec::new(),
            is_parent: Vec::new(),
            rates: BTreeMap::new(),
        };
        if self.rows.iter().any(|r| !r.breakdown.is_empty()) {
            cols.breakdown = self.rows.iter().map(|r| r.breakdown.join(" > ")).collect();
        }
        if self.rows.iter().any(|r| r.is_parent) {
            cols.is_parent = self.rows.iter().map(|r| r.is_parent).collect();
        }
        let rate_names: BTreeSet<&String> = self.rows.iter().flat_map(|r| r.rates.keys()).collect();
        for name in rate_names {
            cols.rates.insert(
                name.clone(),
                self.rows
                    .iter()
                    .map(|r| r.rates.get(name).map(ToString::to_string))
                    .collect(),
            );
        }
        for r in &self.rows {
            cols.line.push(r.line);
            cols.region.push(r.region.clone());
            cols.region_code
                .push(r.region_code.as_ref().map(ToString::to_string));
            cols.period.push(r.period.to_string());
            cols.period_end.push(r.period.end_date().ok());
            for (m, v) in measures.iter_mut() {
                v.push(r.get(m));
            }
        }
        cols.measures = measures;
        cols
    }
}
