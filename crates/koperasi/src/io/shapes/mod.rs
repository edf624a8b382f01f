//! The shapes in which offices publish counts, and how each is brought to the long panel
//! (one row per region, period and breakdown) that [`crate::io::read_panel`] reads.
//!
//! Shapes ([`ShapeKind`]):
//! - `long`: a region column, a period (or year) column, count columns (the Jawa Timur
//!   quarterly table); with `--period` / [`ReadOptions::period`], a one-date snapshot with no
//!   period column (`snapshot`);
//! - `satu_data`: the long "Satu Data Indonesia" export, one figure per row
//!   (`kode_wilayah, level_wilayah, nama_wilayah, judul, satuan, tahun, periode, data`): each
//!   `judul` becomes a measure, `satuan` its unit;
//! - `wide`: periods as columns (`2014, 2015, ...`, `2024-Q1`, `Triwulan I 2024`, `Des 2023`),
//!   melted to one row per period; rows are regions (a region column) or indicators of the
//!   file's region (a label column such as `Indikator`, `Uraian`);
//! - `hierarchy`: a SIPD "profil daerah" table (`level`/`path`/label columns, or labels
//!   numbered `1.`, `1.1.`), periods as columns: each row's path becomes a breakdown, labels
//!   that are regions (kecamatan under `Jumlah Koperasi Aktif`) become the region, a status
//!   label (`Aktif`, `Tidak Aktif`) names the measure, and rows with children are marked as
//!   parents (never summed with them; checked against them, see [`ParentGap`]);
//! - `key_value`: a summary `metric,value` of one region.
//!
//! Detection never guesses: a candidate header with a number that is not a period is not a
//! header, and a table whose layout cannot be told is refused with what was seen and the
//! option that would fix it (`--map`, `--period`, `--wide`, `--region`).

mod detect;
mod melt;
mod tree;

pub(crate) use detect::UNIT_HEADERS;
pub use detect::{detect_shape, is_period_header, looks_like_data_row};

use super::{ReadOptions, Rejection};
use crate::error::ReadError;
use crate::stats::Period;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The shape of a published table ([`Shape::kind`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ShapeKind {
    /// One row per region and period, counts in columns.
    Long,
    /// One row per region with no period column: the period is the one given
    /// ([`ReadOptions::period`]).
    Snapshot,
    /// One figure per row: region, `judul` (the measure), `satuan`, `tahun`, `data`.
    SatuData,
    /// Periods as columns, melted to one row per period.
    Wide,
    /// Nested rows (`level`/`path` columns or numbered labels), periods as columns.
    Hierarchy,
    /// `metric,value` rows of one region.
    KeyValue,
}

impl ShapeKind {
    /// Every shape.
    pub const ALL: [ShapeKind; 6] = [
        ShapeKind::Long,
        ShapeKind::Snapshot,
        ShapeKind::SatuData,
        ShapeKind::Wide,
        ShapeKind::Hierarchy,
        ShapeKind::KeyValue,
    ];

    /// Stable snake_case name (`satu_data`).
    pub fn as_str(self) -> &'static str {
        match self {
            ShapeKind::Long => "long",
            ShapeKind::Snapshot => "snapshot",
            ShapeKind::SatuData => "satu_data",
            ShapeKind::Wide => "wide",
            ShapeKind::Hierarchy => "hierarchy",
            ShapeKind::KeyValue => "key_value",
        }
    }

    /// (English, Indonesian) description.
    pub fn label(self) -> (&'static str, &'static str) {
        match self {
            ShapeKind::Long => (
                "long table: one row per region and period",
                "tabel panjang: satu baris per wilayah dan periode",
            ),
            ShapeKind::Snapshot => (
                "one-date snapshot: one row per region, the period given",
                "potret satu tanggal: satu baris per wilayah, periode diberikan",
            ),
            ShapeKind::SatuData => (
                "Satu Data long table: one figure per row",
                "tabel panjang Satu Data: satu angka per baris",
            ),
            ShapeKind::Wide => (
                "wide table: periods as columns",
                "tabel lebar: periode sebagai kolom",
            ),
            ShapeKind::Hierarchy => (
                "hierarchical table (SIPD): nested rows, periods as columns",
                "tabel berjenjang (SIPD): baris bertingkat, periode sebagai kolom",
            ),
            ShapeKind::KeyValue => (
                "key/value summary of one region",
                "ringkasan indikator/nilai satu wilayah",
            ),
        }
    }
}

/// One measure as read: its name, the column or label it came from, its unit, and whether
/// it is a count (summed over regions) or a rate (a percentage or ratio, never summed).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MeasureShape {
    /// Measure name in the panel (`aktif`, `rat_count`, `persentase_ksp_sehat`).
    pub name: String,
    /// Where it came from: the header, or the `judul`/label text.
    pub source: String,
    /// Unit as published (`unit`, `koperasi`, `Persen`), when the file says it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// True for a count, false for a rate (kept in [`crate::stats::PanelRow::rates`]).
    pub count: bool,
}

/// A parent row whose published value differs from the sum of its children (a hierarchical
/// table): the parent is kept as published and never summed with its children.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ParentGap {
    /// Line of the parent row.
    pub line: u64,
    /// The parent's label, as published.
    pub label: String,
    /// The period (a column of the table).
    pub period: Period,
    /// The parent's value.
    pub parent: i64,
    /// The sum of its children's values in that period (children without a value left out).
    pub children_sum: i64,
    /// Lines of the children summed.
    pub children_lines: Vec<u64>,
}

/// How a panel file was read: the shape, where the header is, which columns gave the region
/// and the period (or the period given), the measures with their units, and the rows taken
/// as totals of other rows. In [`crate::io::ReadReport::shape`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Shape {
    /// The shape.
    pub kind: ShapeKind,
    /// 1-based line of the header row.
    pub header_line: u64,
    /// The column giving the region, or `None` when the whole file is one region
    /// (`region_given` then names it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region_column: Option<String>,
    /// The region of the whole file, from [`ReadOptions::region`], for rows that name none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region_given: Option<String>,
    /// The column(s) giving the period: one (`periode`, `tahun`), or each period column of a
    /// wide table (`2014`, `2015`, ...).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub period_columns: Vec<String>,
    /// The period given for the whole file ([`ReadOptions::period`]), when there is no
    /// period column.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period_given: Option<Period>,
    /// The measures read.
    pub measures: Vec<MeasureShape>,
    /// Depth names of the breakdowns of a hierarchical table, outermost first
    /// (`level 2`, `level 3`), or the breakdown column of a long table.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub breakdowns: Vec<String>,
    /// Rows taken as totals of other rows (parents of a hierarchy), by line.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parent_lines: Vec<u64>,
    /// Parents whose value differs from the sum of their children.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parent_gaps: Vec<ParentGap>,
}

/// A row of the long table a shape is brought to.
#[derive(Debug, Clone, Default)]
pub(crate) struct LongRecord {
    /// 1-based line of the source row.
    pub(crate) line: u64,
    /// Cells, in the order of [`LongTable::headers`].
    pub(crate) cells: Vec<String>,
    /// The source column of each cell, for messages (`2016` for a melted year column);
    /// `None`: the long table's header.
    pub(crate) labels: Option<Vec<String>>,
    /// The breakdown of the row ([`crate::stats::PanelRow::breakdown`]).
    pub(crate) breakdown: Vec<String>,
    /// The row is a total of other rows.
    pub(crate) is_parent: bool,
    /// The source row as found, kept in a rejection.
    pub(crate) source: Option<Vec<String>>,
}

/// A table brought to the long form: headers, the field of each column, rows.
#[derive(Debug, Clone)]
pub(crate) struct LongTable {
    /// Column headers of the long form.
    pub(crate) headers: Vec<String>,
    /// Field of each column, as [`crate::io::headers::match_headers`] gives it; `None` for an
    /// unknown column (a measure when it holds counts, else text).
    pub(crate) fields: Vec<Option<String>>,
    /// Rows.
    pub(crate) records: Vec<LongRecord>,
    /// How the file was read.
    pub(crate) shape: Shape,
    /// Unit per measure (as published).
    pub(crate) units: BTreeMap<String, String>,
    /// Rows left out while bringing the file to the long form (e.g. a heading row).
    pub(crate) rejected: Vec<Rejection>,
    /// Notes for the read report.
    pub(crate) notes: Vec<crate::io::ReadNote>,
}

impl LongTable {
    /// A long table of these columns and rows, with no rejection and no note yet.
    pub(crate) fn new(
        headers: Vec<String>,
        fields: Vec<Option<String>>,
        records: Vec<LongRecord>,
        shape: Shape,
        units: BTreeMap<String, String>,
    ) -> LongTable {
        LongTable {
            headers,
            fields,
            records,
            shape,
            units,
            rejected: Vec::new(),
            notes: Vec::new(),
        }
    }
}

/// A source row: its 1-based line and its cells (trimmed).
pub(crate) type SourceRow = (u64, Vec<String>);

/// Bring `records` (read under `headers`, the header on `header_line`) to the long form,
/// by the shape [`detect_shape`] finds.
///
/// Errors: [`ReadError::UnknownLayout`] / [`ReadError::MissingColumn`] when the layout
/// cannot be told, naming the option that would fix it; mapping errors.
pub(crate) fn to_long(
    headers: &[String],
    header_line: u64,
    records: Vec<SourceRow>,
    options: &ReadOptions,
) -> Result<LongTable, ReadError> {
    crate::io::panel::recognise(headers, &options.mapping)?;
    // A file read as a panel that fits no shape is read as a long table, whose errors name
    // the missing column.
    let kind = match detect_shape(headers, &records, options) {
        Err(ReadError::UnknownLayout { .. }) => ShapeKind::Long,
        other => other?,
    };
    match kind {
        ShapeKind::Long | ShapeKind::Snapshot => {
            melt::long(kind, headers, header_line, records, options)
        }
        ShapeKind::SatuData => melt::satu_data(headers, header_line, records, options),
        ShapeKind::Wide | ShapeKind::KeyValue => {
            melt::wide(kind, headers, header_line, records, options)
        }
        ShapeKind::Hierarchy => tree::hierarchy(headers, header_line, records, options),
    }
}

/// The name of the file's region for rows that name none: the region given
/// ([`ReadOptions::region`]) by its official name, else [`FILE_REGION`].
pub(crate) fn file_region(options: &ReadOptions) -> (String, Option<String>) {
    match options
        .region
        .as_ref()
        .and_then(|c| crate::wilayah::table().get(c))
    {
        Some(w) => (w.name.clone(), Some(format!("{} {}", w.code, w.name))),
        None => (FILE_REGION.to_string(), None),
    }
}

/// Region name of rows that name no region when no region was given (`--region`).
pub const FILE_REGION: &str = "(wilayah berkas)";

/// True for a unit, a header or a cell that says percentage or ratio (`%`, `persen`,
/// `persentase`, `rasio`, `ratio`, `percent`, `proporsi`, `rata-rata`, `indeks`).
pub(crate) fn is_rate_unit(text: &str) -> bool {
    let t = text.to_lowercase();
    t.contains('%')
        || [
            "persen",
            "prosen",
            "rasio",
            "ratio",
            "percent",
            "proporsi",
            "rata_rata",
            "rata-rata",
            "rata rata",
            "indeks",
            "index",
        ]
        .iter()
        .any(|w| t.contains(w))
}

/// The standard measure a label names, when it names one: `aktif` (`Jumlah Koperasi Aktif`,
/// `Aktif`), `tidak_aktif` (`Tidak Aktif`, `Non Aktif`), `total` (`Jumlah Koperasi`,
/// `Koperasi`). `None` for anything else (`Jumlah Anggota`, `Dibantu Pemerintah`).
pub(crate) fn standard_measure(label: &str) -> Option<&'static str> {
    use crate::stats::panel::{AKTIF, TIDAK_AKTIF, TOTAL};
    let n = super::headers::normalize_header(label);
    let words: Vec<&str> = n.split('_').collect();
    let has = |w: &str| words.contains(&w);
    let status_inactive = (has("tidak") || has("non") || has("tdk")) && has("aktif")
        || has("nonaktif")
        || has("inactive");
    if status_inactive {
        return Some(TIDAK_AKTIF);
    }
    let rest: Vec<&str> = words
        .iter()
        .copied()
        .filter(|w| !matches!(*w, "jumlah" | "jml" | "koperasi" | "kop" | "yang" | "unit"))
        .collect();
    match rest.as_slice() {
        ["aktif"] | ["active"] => Some(AKTIF),
        [] if has("koperasi") || has("kop") => Some(TOTAL),
        ["total"] | ["seluruhnya"] | ["terdaftar"] if has("koperasi") => Some(TOTAL),
        ["cooperatives"] | ["total", "cooperatives"] => Some(TOTAL),
        ["active", "cooperatives"] => Some(AKTIF),
        _ => None,
    }
}

/// A measure name for a label that names no standard measure: the normalised label
/// (`Jumlah Anggota` -> `jumlah_anggota`), `value` when empty.
pub(crate) fn measure_name(label: &str) -> String {
    standard_measure(label).map_or_else(
        || {
            let n = super::headers::normalize_header(label);
            if n.is_empty() { "value".to_string() } else { n }
        },
        str::to_string,
    )
}

/// A label without its numbering (`1.`, `1.1.`, `II.`, `a.`) and surrounding spaces.
pub(crate) fn strip_numbering(label: &str) -> &str {
    let t = label.trim();
    let Some((head, rest)) = t.split_once(|c: char| c.is_whitespace()) else {
        return t;
    };
    let numbered = head.ends_with('.')
        || head.ends_with(')')
        || head.contains('.') && head.chars().all(|c| c.is_ascii_digit() || c == '.');
    let body = head.trim_end_matches(['.', ')']);
    let is_number = !body.is_empty()
        && (body.chars().all(|c| c.is_ascii_digit() || c == '.')
            || body.len() <= 4 && body.chars().all(|c| "IVXLivxl".contains(c))
            || body.len() == 1 && body.chars().all(|c| c.is_ascii_lowercase()));
    if numbered && is_number {
        rest.trim()
    } else {
        t
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn labels_name_standard_measures() {
        assert_eq!(standard_measure("Jumlah Koperasi Aktif"), Some("aktif"));
        assert_eq!(
            standard_measure("Jumlah Koperasi Tidak Aktif"),
            Some("tidak_aktif")
        );
        assert_eq!(standard_measure("Koperasi"), Some("total"));
        assert_eq!(standard_measure("Jumlah Koperasi"), Some("total"));
        assert_eq!(standard_measure("Jumlah Dibantu Pemerintah"), None);
        assert_eq!(standard_measure("Jumlah Koperasi Produksi"), None);
        assert_eq!(standard_measure("cooperatives"), Some("total"));
        assert_eq!(measure_name("RAT count"), "rat_count");
    }

    #[test]
    fn numbering_is_stripped() {
        assert_eq!(strip_numbering("1. Kota Barat"), "Kota Barat");
        assert_eq!(strip_numbering("1.1. Jumlah Koperasi"), "Jumlah Koperasi");
        assert_eq!(strip_numbering("II. Koperasi"), "Koperasi");
        assert_eq!(strip_numbering("Kota Barat"), "Kota Barat");
        assert_eq!(strip_numbering("2024 Des"), "2024 Des");
    }

    #[test]
    fn rate_units() {
        assert!(is_rate_unit("Persen"));
        assert!(is_rate_unit("%"));
        assert!(is_rate_unit("Persentase KSP Sehat"));
        assert!(!is_rate_unit("unit"));
        assert!(!is_rate_unit("koperasi"));
    }
}
