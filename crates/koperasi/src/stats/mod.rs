//! Statistics over published counts (DOMAIN.md §5.1, §5.2): panels of region x period x
//! measure, growth (change, percentage change, CAGR, active share), and consistency checks
//! that return [`Finding`]s (parts vs total, children vs parent, stated change vs stocks,
//! implausible swings).
//!
//! Read a panel from CSV with [`crate::io::read_panel`].

pub mod checks;
pub mod growth;
pub mod panel;
pub mod period;

pub use checks::{
    CheckParams, Finding, Severity, StatedContext, SwingParams, check_children_vs_parent,
    check_children_vs_parent_region, check_duplicates, check_parts_vs_total, check_stated_change,
    check_stated_pct_change, check_swings, run_checks,
};
pub use growth::{
    GrowthRow, active_share, cagr, change, grew_most, pct_change, rank_by_change, shrank_most,
};
pub use panel::{AKTIF, Panel, PanelColumns, PanelRow, TIDAK_AKTIF, TOTAL};
pub use period::Period;
