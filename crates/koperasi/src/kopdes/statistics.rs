//! The whole result of reading a SIMKOPDES statistics export (`koperasi kopdes statistics`,
//! `kopdes_statistics` in Python and JS): the snapshot, its check against the level above,
//! its change from an earlier snapshot and the coops per desa/kelurahan, built once here.

use super::simkopdes::{
    CoopsPerDesa, SnapshotChange, StatsSnapshot, check_levels, compare_snapshots, coops_per_desa,
    parents_without_rows,
};
use crate::stats::Finding;
use crate::wilayah::RegionLevel;
use crate::wilayah::{Level, Table};
use serde::{Deserialize, Serialize};

/// One statistics table read, checked and compared ([`statistics_report`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct StatisticsReport {
    /// The table read (rows, matching, totals, data date).
    pub snapshot: StatsSnapshot,
    /// The level of the table given as the level above (`None`: none given). When it is not
    /// one level above the snapshot's, nothing could be checked and `level_check` is empty:
    /// say so, never "no difference".
    pub parent_level: Option<RegionLevel>,
    /// Parent figures that differ from the sums of the rows written under them (empty when no
    /// table of the level above was given, or it is not one level above).
    pub level_check: Vec<Finding>,
    /// Rows of the table one level up with no row of this table written under them, as
    /// `ACEH (11)` ([`parents_without_rows`]): not checked, because this table does not cover
    /// them (a slice of some regions). Empty when no such table was given.
    pub level_not_checked: Vec<String>,
    /// What changed since the earlier snapshot, when one was given.
    pub change: Option<SnapshotChange>,
    /// The export's `cooperatives` against the desa/kelurahan of each region, nation first
    /// ([`coops_per_desa`]; empty when the table has no `cooperatives` column). `None` when the
    /// Kemendagri table in use has no desa level (the small WASM build): not known, not 0.
    pub coops_per_desa: Option<Vec<CoopsPerDesa>>,
}

impl StatisticsReport {
    /// The level one above the snapshot's, whose table [`statistics_report`] can check it
    /// against (`None` for a province or national table).
    pub fn level_above(&self) -> Option<RegionLevel> {
        super::simkopdes::parent_level(self.snapshot.level).map(super::matching::region_level)
    }
}

/// Build the [`StatisticsReport`] of `snapshot`: checked against `parent` (the table one
/// level up) and compared with `previous` (an earlier snapshot of the same level) when given;
/// coops per desa from `table` when it has the desa level.
pub fn statistics_report(
    snapshot: StatsSnapshot,
    parent: Option<&StatsSnapshot>,
    previous: Option<&StatsSnapshot>,
    table: &Table,
) -> StatisticsReport {
    let level_check = parent
        .map(|p| check_levels(&snapshot, p))
        .unwrap_or_default();
    let level_not_checked = parent
        .map(|p| parents_without_rows(&snapshot, p))
        .unwrap_or_default();
    let change = previous.map(|p| compare_snapshots(p, &snapshot));
    let has_desa = table.iter().any(|w| w.level == Level::DesaKelurahan);
    let coops_per_desa = has_desa.then(|| coops_per_desa(&snapshot, table));
    StatisticsReport {
        parent_level: parent.map(|p| p.level),
        snapshot,
        level_check,
        level_not_checked,
        change,
        coops_per_desa,
    }
}
