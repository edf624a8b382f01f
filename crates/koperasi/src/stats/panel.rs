//! Panels of published counts: region x period x measure.
use super::period::Period;
use crate::wilayah::KodeWilayah;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PanelRow {
    /// Source line.
    pub line: u64,
    /// Region as published.
    pub region: String,
    /// Resolved code.
    pub region_code: Option<KodeWilayah>,
    /// Period.
    pub period: Period,
    /// Measure -> value.
    pub values: BTreeMap<String, i64>,
}

/// A panel.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Panel {
    /// Rows.
    pub rows: Vec<PanelRow>,
}
