//! The whole result of reading a SIMKOPDES statistics export (`koperasi kopdes statistics`,
//! `kopdes_statistics` in Python and JS): the snapshot, its check against the level above,
//! its change from an earlier snapshot and the coops per desa/kelurahan, built once here.

use super::simkopdes::{
    CoopsPerDesa, SnapshotChange, StatsSnapshot, check_levels, compare_snapshots, coops_per_desa,
};
use crate::stats::Finding;
use crate::wilayah::{Level, Table};
use serde::{Deserialize, Serialize};

/// One statistics table read, checked and compared ([`statistics_report`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct StatisticsReport {
    /// The table read (rows, matching, totals, data date).
    pub snapshot: StatsSnapshot,
    /// Parent figures that differ from the sums of the rows written under them (empty when no
    /// table of the level above was given, or it is not one level above).
    pub level_check: Vec<Finding>,
    /// What changed since the earlier snapshot, when one was given.
    pub change: Option<SnapshotChange>,
    /// The export's `cooperatives` against the desa/kelurahan of each region, nation first
    /// ([`coops_per_desa`]; empty when the table has no `cooperatives` column). `None` when the
    /// Kemendagri table in use has no desa level (the small WASM build): not known, not 0.
    pub coops_per_desa: Option<Vec<CoopsPerDesa>>,
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
    let change = previous.map(|p| compare_snapshots(p, &snapshot));
    let has_desa = table.iter().any(|w| w.level == Level::DesaKelurahan);
    let coops_per_desa = has_desa.then(|| coops_per_desa(&snapshot, table));
    StatisticsReport {
        snapshot,
        level_check,
        change,
        coops_per_desa,
    }
}
