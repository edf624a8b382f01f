//! The "Read as" statement: how a panel file was understood, stated before any figure, so that
//! a reader sees at once whether the program read the table as it is meant (which column holds
//! the regions and at what levels, which the period, which the measures, and which rows are
//! totals of others and therefore not summed).

use super::levels::{Levels, Node};
use super::panel::{Panel, region_key};
use crate::io::ReadReport;
use crate::io::shapes::{Shape, ShapeKind};
use crate::wilayah::{KodeWilayah, RegionLevel};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// How many regions (and rows) of one level a panel has.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct LevelCount {
    /// `nasional`, `provinsi`, `kabupaten_kota`, `kecamatan`, `desa_kelurahan`, `total_row`
    /// (a `JUMLAH`/`TOTAL` row), `ambiguous` (a name several regions have) or `unknown` (no
    /// Indonesian region).
    pub level: String,
    /// Distinct regions of that level.
    pub regions: u64,
    /// Rows of that level.
    pub rows: u64,
}

/// One measure read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MeasureRead {
    /// Measure name (`aktif`, `total`, `karyawan`, ...).
    pub name: String,
    /// The column as published.
    pub column: String,
    /// Unit: `count` (a number of cooperatives, people, ...; summed over regions) or `rate`
    /// (a percentage or ratio, never summed; [`crate::stats::PanelRow::rates`]).
    pub unit: String,
}

/// A region whose rows are totals of other rows (not summed with them).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct TotalRead {
    /// Region name as published (`INDONESIA`, `JAWA TIMUR`, `JUMLAH`).
    pub region: String,
    /// Its level, as in [`LevelCount::level`].
    pub level: String,
    /// In how many periods it is a total.
    pub periods: u64,
    /// Most parts it has in one period.
    pub parts: u64,
    /// Source lines of its rows that are totals.
    pub lines: Vec<u64>,
}

/// How a panel file was read, stated before any figure (see the module documentation).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ReadAs {
    /// The shape of the table ([`crate::io::shapes::ShapeKind::as_str`]): `long` (one row per
    /// region and period), `snapshot`, `satu_data`, `wide`, `hierarchy`, `key_value`.
    pub layout: String,
    /// 1-based line (or sheet row) of the header.
    pub header_line: u64,
    /// The column of the region names, as published.
    pub region_column: Option<String>,
    /// The region of the whole file (`--region`), for a table whose rows name none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region_given: Option<String>,
    /// Regions per level, top level first; then total rows, ambiguous and unknown names.
    pub levels: Vec<LevelCount>,
    /// The column(s) the period is read from (`PERIODE UPDATE`; `tahun` and `triwulan`).
    pub period_columns: Vec<String>,
    /// The period given for the whole file, when it has no period column.
    pub period_constant: Option<String>,
    /// Measures, in column order.
    pub measures: Vec<MeasureRead>,
    /// Regions used as totals of other rows, not summed with them.
    pub totals: Vec<TotalRead>,
    /// Source lines of the rows a hierarchical table marks as totals of the rows below them
    /// ([`crate::stats::PanelRow::is_parent`]), not summed with them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parent_rows: Vec<u64>,
    /// The statement in English.
    pub text_en: String,
    /// The statement in Indonesian.
    pub text_id: String,
}

fn node_level(n: Node) -> &'static str {
    match n {
        Node::Region(l, _) => l.as_str(),
        Node::TotalLabel => "total_row",
        Node::Ambiguous(_) => "ambiguous",
        Node::Unknown => "unknown",
    }
}

/// A level for people, for `n` regions (English singular for 1; Indonesian has no plural).
fn level_label(level: &str, id: bool, n: u64) -> &'static str {
    let rl = [
        RegionLevel::Nasional,
        RegionLevel::Provinsi,
        RegionLevel::KabupatenKota,
        RegionLevel::Kecamatan,
        RegionLevel::DesaKelurahan,
    ]
    .into_iter()
    .find(|l| l.as_str() == level);
    let one = n == 1;
    match (rl, level, id) {
        (Some(RegionLevel::Provinsi), _, false) if one => "province",
        (Some(l), _, _) => l.plural(id),
        (None, "total_row", false) if one => "JUMLAH/TOTAL row",
        (None, "total_row", false) => "JUMLAH/TOTAL rows",
        (None, "total_row", true) => "baris JUMLAH/TOTAL",
        (None, "ambiguous", false) if one => "ambiguous name",
        (None, "ambiguous", false) => "ambiguous names",
        (None, "ambiguous", true) => "nama ambigu",
        (None, _, false) if one => "name that is no region",
        (None, _, false) => "names that are no region",
        (None, _, true) => "nama yang bukan wilayah",
    }
}

/// Reader fields that are not measures.
const STRUCTURAL: &[&str] = &[
    "region",
    "period",
    "year",
    "quarter",
    "month",
    "region_code",
    "row_number",
];

/// The statement for `panel` as read with `read` (names resolved within `within`; the region
/// named `exclude`, if any, left out as in [`Panel::totals_by_period_excluding`]).
pub fn read_as(
    panel: &Panel,
    read: &ReadReport,
    exclude: Option<&str>,
    within: Option<&KodeWilayah>,
) -> ReadAs {
    let lv = Levels::new(panel, exclude, within);
    let column = |f: &str| {
        read.columns
            .iter()
            .filter(|(_, x)| x.as_deref() == Some(f))
            .map(|(h, _)| h.clone())
            .collect::<Vec<_>>()
    };
    let measures: Vec<MeasureRead> = read
        .columns
        .iter()
        .filter_map(|(h, f)| {
            let f = f.as_deref()?;
            (!STRUCTURAL.contains(&f)).then(|| MeasureRead {
                name: f.to_string(),
                column: h.clone(),
                unit: "count".into(),
            })
        })
        .collect();
    let mut r = ReadAs {
        layout: "long".into(),
        // The reader's shape gives the header line (`apply_shape`); 1 without one.
        header_line: 1,
        region_column: column("region").into_iter().next(),
        region_given: None,
        levels: level_counts(&lv),
        period_columns: ["period", "year", "quarter", "month"]
            .into_iter()
            .flat_map(column)
            .collect(),
        period_constant: None,
        measures,
        totals: totals(&lv),
        parent_rows: Vec::new(),
        text_en: String::new(),
        text_id: String::new(),
    };
    if let Some(shape) = &read.shape {
        apply_shape(&mut r, shape);
    }
    r.text_en = statement(&r, false);
    r.text_id = statement(&r, true);
    r
}

/// What the reader knows of the table's shape ([`ReadReport::shape`]) overrides what the
/// columns alone tell: the layout, the header line, the region column or the region given,
/// the period columns or the period given, the measures with count or rate, the parent rows.
fn apply_shape(r: &mut ReadAs, shape: &Shape) {
    r.layout = shape.kind.as_str().to_string();
    r.header_line = shape.header_line;
    r.region_column.clone_from(&shape.region_column);
    r.region_given.clone_from(&shape.region_given);
    if !shape.period_columns.is_empty() {
        r.period_columns.clone_from(&shape.period_columns);
    }
    r.period_constant = shape.period_given.map(|p| p.to_string());
    if !shape.measures.is_empty() {
        r.measures = shape
            .measures
            .iter()
            .map(|m| MeasureRead {
                name: m.name.clone(),
                column: m.source.clone(),
                unit: if m.count { "count" } else { "rate" }.into(),
            })
            .collect();
    }
    r.parent_rows.clone_from(&shape.parent_lines);
}

/// Regions and rows per level; a region listed in several breakdowns counts once.
fn level_counts(lv: &Levels<'_>) -> Vec<LevelCount> {
    type Seen = (BTreeSet<(Option<KodeWilayah>, String)>, u64);
    let mut by: BTreeMap<(u8, &'static str), Seen> = BTreeMap::new();
    for (r, n) in lv.index.regions.iter().zip(&lv.nodes) {
        let rank = match n {
            Node::Region(l, _) => *l as u8,
            Node::TotalLabel => 10,
            Node::Ambiguous(_) => 11,
            Node::Unknown => 12,
        };
        let e = by.entry((rank, node_level(*n))).or_default();
        e.0.insert((r.code, region_key(r.name)));
        e.1 += r.rows.len() as u64;
    }
    by.into_iter()
        .map(|((_, level), (regions, rows))| LevelCount {
            level: level.to_string(),
            regions: regions.len() as u64,
            rows,
        })
        .collect()
}

fn totals(lv: &Levels<'_>) -> Vec<TotalRead> {
    let mut out: Vec<TotalRead> = Vec::new();
    for (i, (r, n)) in lv.index.regions.iter().zip(&lv.nodes).enumerate() {
        let mut t = TotalRead {
            region: r.name.to_string(),
            level: node_level(*n).to_string(),
            periods: 0,
            parts: 0,
            lines: Vec::new(),
        };
        for (p, tree) in &lv.periods {
            if let Some(c) = tree.children.get(&i).filter(|c| !c.is_empty()) {
                t.periods += 1;
                t.parts = t.parts.max(c.len() as u64);
                t.lines.push(lv.line(i, *p));
            }
        }
        if t.periods > 0 {
            t.lines.sort_unstable();
            out.push(t);
        }
    }
    out
}

fn statement(r: &ReadAs, id: bool) -> String {
    let tr = |en: &'static str, idn: &'static str| if id { idn } else { en };
    let kind = ShapeKind::ALL.into_iter().find(|k| k.as_str() == r.layout);
    let mut s = match kind {
        None | Some(ShapeKind::Long) => String::from(tr(
            "a panel, one row per region and period (long layout)",
            "panel, satu baris per wilayah dan periode (tata letak panjang)",
        )),
        Some(k) => {
            let (en, idn) = k.label();
            format!(
                "{} {}",
                tr("a panel read from a", "panel dibaca dari"),
                tr(en, idn)
            )
        }
    };
    s.push_str(&format!(
        "; {} {}",
        tr("header on line", "judul kolom di baris"),
        r.header_line
    ));
    let mut levels: Vec<String> = r
        .levels
        .iter()
        .map(|l| format!("{} {}", l.regions, level_label(&l.level, id, l.regions)))
        .collect();
    if levels.is_empty() {
        levels.push(tr("no row read", "tidak ada baris terbaca").to_string());
    }
    match (&r.region_column, &r.region_given) {
        (None, Some(given)) => s.push_str(&format!(
            "; {} {given}: {}",
            tr(
                "region given for the whole file",
                "wilayah ditetapkan untuk seluruh berkas"
            ),
            levels.join(", ")
        )),
        (None, None) => s.push_str(tr(
            "; no region column: the whole file is read as one region, unnamed (name it with \
             --region CODE, or give the region column with --map region=HEADER)",
            "; tidak ada kolom wilayah: seluruh berkas dibaca sebagai satu wilayah tanpa nama \
             (sebutkan dengan --region KODE, atau tunjuk kolom wilayah dengan --map \
             region=JUDUL_KOLOM)",
        )),
        (Some(col), _) => s.push_str(&format!(
            "; {} `{col}`: {}",
            tr("regions from column", "wilayah dari kolom"),
            levels.join(", ")
        )),
    }
    match (&r.period_constant, r.period_columns.as_slice()) {
        (Some(p), _) => s.push_str(&format!(
            "; {} {p}",
            tr("period given", "periode ditetapkan")
        )),
        (None, cols) => s.push_str(&format!(
            "; {} {}",
            tr("period from", "periode dari"),
            cols.iter()
                .map(|c| format!("`{c}`"))
                .collect::<Vec<_>>()
                .join(" + ")
        )),
    }
    let measures: Vec<String> = r
        .measures
        .iter()
        .map(|m| {
            let unit = match m.unit.as_str() {
                "rate" => tr("rate, not summed", "rasio, tidak dijumlahkan"),
                _ => tr("count", "jumlah"),
            };
            format!("{} (`{}`, {unit})", m.name, m.column)
        })
        .collect();
    s.push_str(&format!(
        "; {}: {}",
        tr("measures", "ukuran"),
        measures.join(", ")
    ));
    if !r.parent_rows.is_empty() {
        let lines: Vec<String> = r.parent_rows.iter().map(u64::to_string).collect();
        s.push_str(&format!(
            "; {} {}: {} {}",
            r.parent_rows.len(),
            tr(
                "row(s) total the rows below them in the table, not summed with them",
                "baris menjumlahkan baris di bawahnya dalam tabel, tidak ikut dijumlahkan"
            ),
            tr("lines", "baris"),
            lines.join(", ")
        ));
    }
    if r.totals.is_empty() && r.parent_rows.is_empty() {
        s.push_str(tr(
            "; no row is a total of others: every row is summed",
            "; tidak ada baris jumlah: semua baris dijumlahkan",
        ));
    } else if !r.totals.is_empty() {
        let totals: Vec<String> = r
            .totals
            .iter()
            .map(|t| {
                format!(
                    "{} ({}, {} {}, {} {})",
                    t.region,
                    level_label(&t.level, id, 1),
                    t.periods,
                    tr("period(s)", "periode"),
                    tr("up to", "hingga"),
                    format_args!("{} {}", t.parts, tr("parts", "bagian"))
                )
            })
            .collect();
        s.push_str(&format!(
            "; {}: {}",
            tr(
                "totals of other rows, not summed with them",
                "baris jumlah dari baris lain, tidak ikut dijumlahkan"
            ),
            totals.join(", ")
        ));
    }
    s
}
