//! Panels of published counts: region x period x measure.
//!
//! A [`Panel`] holds rows as published (one per region and period, e.g. one line of a Dinas
//! Koperasi spreadsheet), each with named integer measures. Measure names are snake_case; the
//! standard ones are [`AKTIF`], [`TIDAK_AKTIF`] and [`TOTAL`] (DOMAIN.md §5.1 `koperasi_aktif`,
//! `tidak_aktif`, `jumlah_koperasi`); others keep the name the reader gave them (`karyawan`,
//! `manager`, `usaha_mikro`, `penduduk_laki_laki`, ...).
//!
//! Regions are matched by name ignoring case and repeated spaces (`"KOTA  MALANG"` matches
//! `"Kota Malang"`); the name as published is kept in each row.

use super::period::Period;
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
}

impl PanelRow {
    /// The value of one measure, `None` when absent.
    pub fn get(&self, measure: &str) -> Option<i64> {
        self.values.get(measure).copied()
    }

    /// True when the row's region has this name (case and repeated spaces ignored).
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

/// A panel of published counts: rows of (region, period, measures).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Panel {
    /// Rows in source order.
    pub rows: Vec<PanelRow>,
}

/// A panel as columns (dict of lists), for pandas/polars: every vector has one entry per row,
/// in row order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
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
}

impl Panel {
    /// A panel of these rows.
    pub fn new(rows: Vec<PanelRow>) -> Panel {
        Panel { rows }
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
    /// (names equal up to case and spaces count as one region).
    pub fn regions(&self) -> Vec<String> {
        let mut seen = BTreeSet::new();
        let mut out = Vec::new();
        for r in &self.rows {
            if seen.insert(region_key(&r.region)) {
                out.push(r.region.clone());
            }
        }
        out
    }

    /// Distinct measure names present in any row, sorted.
    pub fn measures(&self) -> Vec<String> {
        let set: BTreeSet<&String> = self.rows.iter().flat_map(|r| r.values.keys()).collect();
        set.into_iter().cloned().collect()
    }

    /// Rows of one region (by name, case and spaces ignored), in source order.
    pub fn rows_of<'a>(&'a self, region: &'a str) -> impl Iterator<Item = &'a PanelRow> + 'a {
        let key = region_key(region);
        self.rows
            .iter()
            .filter(move |r| region_key(&r.region) == key)
    }

    /// The value of `measure` for `region` in `period`; `None` when there is no such row or the
    /// row lacks the measure. With duplicate rows, the first in source order.
    pub fn value(&self, region: &str, period: Period, measure: &str) -> Option<i64> {
        self.rows_of(region)
            .filter(|r| r.period == period)
            .find_map(|r| r.get(measure))
    }

    /// Sum over all regions, per period (chronological), of each of `measures`.
    ///
    /// A measure absent from every row of a period is absent from that period's map; rows
    /// lacking a measure add nothing to it. Sums saturate at `i64::MAX` (never reached by
    /// real counts).
    pub fn totals_by_period(&self, measures: &[&str]) -> Vec<(Period, BTreeMap<String, i64>)> {
        let mut by: BTreeMap<Period, BTreeMap<String, i64>> = BTreeMap::new();
        for r in &self.rows {
            let entry = by.entry(r.period).or_default();
            for m in measures {
                if let Some(v) = r.get(m) {
                    let s = entry.entry((*m).to_string()).or_insert(0);
                    *s = s.saturating_add(v);
                }
            }
        }
        by.into_iter().collect()
    }

    /// The sum over all regions of one measure in one period; `None` when no row of that
    /// period has the measure.
    pub fn total(&self, period: Period, measure: &str) -> Option<i64> {
        self.rows
            .iter()
            .filter(|r| r.period == period)
            .filter_map(|r| r.get(measure))
            .fold(None, |acc: Option<i64>, v| {
                Some(acc.unwrap_or(0).saturating_add(v))
            })
    }

    /// The time series of `measure` for `region`: (period, value), chronological; periods
    /// where the region lacks the measure are left out. With duplicate rows for a period, the
    /// first in source order.
    pub fn series(&self, region: &str, measure: &str) -> Vec<(Period, i64)> {
        self.series_rows(region, measure)
            .into_iter()
            .map(|(p, v, _)| (p, v))
            .collect()
    }

    /// Like [`Panel::series`], with the source line of each value: (period, value, line).
    pub fn series_rows(&self, region: &str, measure: &str) -> Vec<(Period, i64, u64)> {
        let mut by: BTreeMap<Period, (i64, u64)> = BTreeMap::new();
        for r in self.rows_of(region) {
            if let Some(v) = r.get(measure) {
                by.entry(r.period).or_insert((v, r.line));
            }
        }
        by.into_iter().map(|(p, (v, l))| (p, v, l)).collect()
    }

    /// A new panel with only the rows for which `keep` is true.
    pub fn filter(&self, keep: impl Fn(&PanelRow) -> bool) -> Panel {
        Panel {
            rows: self.rows.iter().filter(|r| keep(r)).cloned().collect(),
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
        };
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
