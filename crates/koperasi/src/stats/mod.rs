//! Statistics over published counts (DOMAIN.md §5.1, §5.2): panels of region x period x
//! measure, growth (change, percentage change, CAGR, active share), and consistency checks
//! that return [`Finding`]s (parts vs total, children vs parent, stated change vs stocks,
//! implausible swings).
//!
//! Read a panel from CSV with [`crate::io::read_panel`].
//!
//! ```
//! use koperasi::io::{read_panel, ReadOptions};
//! use koperasi::stats::{check_swings, pct_change, Period, SwingParams, TOTAL};
//!
//! let csv = "KABUPATEN / KOTA,PERIODE UPDATE,JUMLAH KOPERASI AKTIF,JUMLAH KOPERASI TIDAK AKTIF,JUMLAH KOPERASI TOTAL
//! Kabupaten Mojokerto,2021-Q3,730,219,949
//! Kabupaten Mojokerto,2021-Q4,140,216,356
//! Kabupaten Mojokerto,2022-Q1,709,216,925
//! ";
//! let (panel, report) = read_panel(csv.as_bytes(), &ReadOptions::default())?;
//! assert_eq!(report.accepted, 3);
//! let q4 = Period::parse("Triwulan IV 2021")?;
//! assert_eq!(panel.value("Kabupaten Mojokerto", q4, TOTAL), Some(356));
//! // DOMAIN.md §5.1: national active cooperatives 2017 -> 2018
//! assert_eq!((pct_change(152_174, 126_343)? * 100.0).round() / 100.0, -16.97);
//! let findings = check_swings(&panel, TOTAL, &SwingParams::default());
//! assert_eq!(findings[0].code, "implausible_swing");
//! assert_eq!(findings[0].lines, vec![2, 3, 4]);
//! # Ok::<(), koperasi::Error>(())
//! ```

pub mod checks;
pub mod growth;
pub mod hierarchy;
pub mod levels;
pub mod panel;
pub mod period;
pub mod read_as;
pub mod series;

pub use checks::{
    CheckParams, END_CHANGE_REGIONS, Finding, Severity, StatedContext, SwingParams,
    check_change_at_end, check_children_vs_parent, check_children_vs_parent_region,
    check_duplicates, check_parts_vs_total, check_period_spacing, check_stated_change,
    check_stated_pct_change, check_swings, run_checks,
};
pub use growth::{
    GrowthRow, active_share, cagr, change, grew_most, pct_change, rank_by_change, shrank_most,
};
pub use hierarchy::check_levels;
pub use panel::{AKTIF, Panel, PanelColumns, PanelRow, TIDAK_AKTIF, TOTAL};
pub use period::Period;
pub use series::check_series_breaks;
