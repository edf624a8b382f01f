//! Hierarchical (SIPD "profil daerah") tables: nested rows, periods as columns.
//!
//! The nesting comes from a `path` column (`1.2.3`), else a `level` column (depth), else the
//! numbering of the labels (`1.`, `1.1.`). Each row's ancestors give its breakdown; a status
//! label (`Jumlah Koperasi Aktif`, `Tidak Aktif`) on the row or an ancestor names the measure
//! (`aktif`, `tidak_aktif`), else the row counts coops (`total`) when its unit is a count of
//! coops, else it is a measure of its own (`jumlah_anggota`). Children that are regions
//! (kecamatan of the region given, or, without one, names of kecamatan) become the region of
//! their row; other rows belong to the file's region. A row with children is a parent: never
//! summed with them, and checked against their sum ([`super::ParentGap`]).

use super::detect::{LABEL_HEADERS, LEVEL_HEADERS, PATH_HEADERS, UNIT_HEADERS, find_col};
use super::melt::{Melted, assemble, drop_missing, period_cells, period_sources, shape};
use super::{
    LongTable, ParentGap, ShapeKind, SourceRow, file_region, measure_name, standard_measure,
    strip_numbering,
};
use crate::error::ReadError;
use crate::io::ReadOptions;
use crate::stats::Period;
use crate::stats::panel::{AKTIF, TIDAK_AKTIF, TOTAL};

/// The depth of a numbered label: `1.` is 1, `1.2.` and `1.2` are 2; `None` when the label
/// is not numbered with digits.
pub(crate) fn numbered_depth(label: &str) -> Option<usize> {
    let head = label.split_whitespace().next()?;
    let body = head.trim_end_matches('.');
    let ok = !body.is_empty()
        && body
            .split('.')
            .all(|s| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()));
    (ok && (head.ends_with('.') || body.contains('.'))).then(|| body.split('.').count())
}

/// One row of the table, placed in the tree.
struct Node {
    line: u64,
    label: String,
    parent: Option<usize>,
    children: Vec<usize>,
    cells: Vec<String>,
    unit: Option<String>,
    region: bool,
}

/// Parent of each row: by path (`1.2.3` under `1.2`), else by depth (a stack), else by the
/// numbering of the labels.
fn parents(
    records: &[SourceRow],
    path: Option<usize>,
    level: Option<usize>,
    label: usize,
) -> Vec<Option<usize>> {
    let key = |cells: &[String]| -> Option<Vec<String>> {
        let p = path.and_then(|i| cells.get(i))?;
        let p = p.trim().trim_end_matches('.');
        (!p.is_empty()).then(|| p.split('.').map(str::to_string).collect())
    };
    let depth = |cells: &[String]| -> Option<usize> {
        if let Some(k) = key(cells) {
            return Some(k.len());
        }
        if let Some(d) = level
            .and_then(|i| cells.get(i))
            .and_then(|c| c.trim().parse().ok())
        {
            return Some(d);
        }
        cells.get(label).and_then(|l| numbered_depth(l))
    };
    let mut out = Vec::with_capacity(records.len());
    let mut stack: Vec<(usize, usize)> = Vec::new(); // (depth, index)
    // The latest row of each path seen so far.
    let mut seen: std::collections::HashMap<Vec<String>, usize> = std::collections::HashMap::new();
    for (i, (_, cells)) in records.iter().enumerate() {
        let d = depth(cells).unwrap_or(1);
        let own = key(cells);
        let by_path = own.as_ref().and_then(|k| {
            let parent_key = k.get(..k.len().saturating_sub(1))?;
            seen.get(parent_key).copied()
        });
        if let Some(k) = own {
            seen.insert(k, i);
        }
        while stack.last().is_some_and(|(sd, _)| *sd >= d) {
            stack.pop();
        }
        out.push(by_path.or_else(|| stack.last().map(|(_, j)| *j)));
        stack.push((d, i));
    }
    out
}

/// True when a label names a region: a kecamatan or kab/kota of the region given, or,
/// without one, a kecamatan somewhere in Indonesia (found or ambiguous).
fn is_region_label(label: &str, options: &ReadOptions) -> bool {
    use crate::error::WilayahError;
    let t = crate::wilayah::table();
    let hit = |r: Result<&crate::wilayah::Wilayah, WilayahError>| {
        matches!(r, Ok(_) | Err(WilayahError::Ambiguous { .. }))
    };
    match &options.region {
        Some(r) => {
            t.find_kecamatan(label, Some(r)).is_ok() || t.find_kab_kota(label, Some(r)).is_ok()
        }
        None => hit(t.find_kecamatan(label, None)),
    }
}

/// Mark the children that are regions: of a parent whose children are at least two and mostly
/// region names, the leaves that are region names.
fn mark_regions(nodes: &mut [Node], options: &ReadOptions) {
    let groups: Vec<Vec<usize>> = nodes.iter().map(|n| n.children.clone()).collect();
    let mut known: std::collections::HashMap<String, bool> = std::collections::HashMap::new();
    for kids in groups {
        let hits: Vec<usize> = kids
            .iter()
            .copied()
            .filter(|k| {
                nodes.get(*k).is_some_and(|n| {
                    n.children.is_empty()
                        && *known
                            .entry(n.label.clone())
                            .or_insert_with(|| is_region_label(&n.label, options))
                })
            })
            .collect();
        if hits.len() >= 2 && hits.len() * 2 >= kids.len() {
            for k in hits {
                if let Some(n) = nodes.get_mut(k) {
                    n.region = true;
                }
            }
        }
    }
}

/// Ancestors of a node, outermost first, the node itself last.
fn lineage(nodes: &[Node], i: usize) -> Vec<usize> {
    let mut out = vec![i];
    let mut cur = nodes.get(i).and_then(|n| n.parent);
    while let Some(p) = cur {
        if out.contains(&p) {
            break;
        }
        out.push(p);
        cur = nodes.get(p).and_then(|n| n.parent);
    }
    out.reverse();
    out
}

/// True for a unit that counts coops (or none given).
fn counts_coops(unit: Option<&str>) -> bool {
    unit.is_none_or(|u| {
        let n = crate::io::headers::normalize_header(u);
        matches!(
            n.as_str(),
            "koperasi" | "unit" | "buah" | "kop" | "jumlah" | ""
        )
    })
}

/// A hierarchical table in the long form, with its parents marked and checked.
pub(crate) fn hierarchy(
    headers: &[String],
    header_line: u64,
    records: Vec<SourceRow>,
    options: &ReadOptions,
) -> Result<LongTable, ReadError> {
    let label = find_col(headers, LABEL_HEADERS).unwrap_or(0);
    let path = find_col(headers, PATH_HEADERS);
    let level = find_col(headers, LEVEL_HEADERS);
    let unit = find_col(headers, UNIT_HEADERS);
    let (period_cols, value_col) = period_sources(headers, options)?;
    let cols = period_cells(headers, &period_cols, value_col, options);
    let up = parents(&records, path, level, label);
    let mut nodes: Vec<Node> = records
        .into_iter()
        .zip(up)
        .map(|((line, cells), parent)| Node {
            line,
            label: strip_numbering(cells.get(label).map_or("", String::as_str)).to_string(),
            parent,
            children: Vec::new(),
            unit: unit
                .and_then(|u| cells.get(u))
                .filter(|u| !crate::locale::is_missing(u))
                .cloned(),
            cells,
            region: false,
        })
        .collect();
    for i in 0..nodes.len() {
        if let Some(p) = nodes.get(i).and_then(|n| n.parent) {
            if let Some(pn) = nodes.get_mut(p) {
                pn.children.push(i);
            }
        }
    }
    mark_regions(&mut nodes, options);
    let (file_name, _) = file_region(options);
    let has_value = |n: &Node| {
        cols.iter().any(|(c, _)| {
            n.cells
                .get(*c)
                .is_some_and(|v| !crate::locale::is_missing(v))
        })
    };
    // A single root without figures is the table's title, not a breakdown.
    let roots: Vec<usize> = (0..nodes.len())
        .filter(|i| nodes.get(*i).is_some_and(|n| n.parent.is_none()))
        .collect();
    let title = match roots.as_slice() {
        [r] if nodes.get(*r).is_some_and(|n| !has_value(n)) => Some(*r),
        _ => None,
    };
    let mut s = shape(ShapeKind::Hierarchy, header_line, options);
    s.region_column = nodes.iter().any(|n| n.region).then(|| {
        format!(
            "{} (region names among the rows)",
            headers.get(label).cloned().unwrap_or_default()
        )
    });
    s.period_columns = period_cols
        .iter()
        .filter_map(|i| headers.get(*i).cloned())
        .collect();
    s.period_given = value_col.and(options.period);
    let mut melted = Vec::new();
    let mut depth_max = 0;
    for (i, n) in nodes.iter().enumerate() {
        let (measure, breakdown) = classify(&nodes, i, title);
        depth_max = depth_max.max(breakdown.len());
        let is_parent = n
            .children
            .iter()
            .any(|c| nodes.get(*c).is_some_and(&has_value));
        if is_parent && has_value(n) {
            s.parent_lines.push(n.line);
        }
        let code = region_code(n, options);
        for (col, period) in &cols {
            melted.push(Melted {
                line: n.line,
                region: if n.region {
                    n.label.clone()
                } else {
                    file_name.clone()
                },
                region_code: code.clone(),
                breakdown: breakdown.clone(),
                is_parent,
                measure: measure.clone(),
                measure_source: n.label.clone(),
                unit: n.unit.clone(),
                period: period.clone(),
                column: headers.get(*col).cloned().unwrap_or_default(),
                cell: n.cells.get(*col).cloned().unwrap_or_default(),
                source: n.cells.clone(),
            });
        }
    }
    s.breakdowns = (1..=depth_max).map(|d| format!("level {d}")).collect();
    s.parent_gaps = gaps(&nodes, &cols);
    let dropped = melted
        .iter()
        .filter(|m| crate::locale::is_missing(&m.cell))
        .count();
    let mut t = assemble(drop_missing(melted), s);
    if dropped > 0 {
        t.notes.push(crate::io::ReadNote::CellsWithoutFigure {
            count: dropped as u64,
        });
    }
    Ok(t)
}

/// True for a label that speaks of cooperatives (`Koperasi`, `Jumlah Kop. Aktif`,
/// `cooperatives`).
fn mentions_coops(label: &str) -> bool {
    let n = crate::io::headers::normalize_header(label);
    n.split('_').any(|w| {
        matches!(
            w,
            "koperasi" | "kop" | "cooperative" | "cooperatives" | "kud" | "ksp"
        )
    })
}

/// True for a label naming a status (`Jumlah Koperasi Aktif`, `Tidak Aktif`).
fn is_status(label: &str) -> bool {
    standard_measure(label).is_some_and(|m| m == AKTIF || m == TIDAK_AKTIF)
}

/// The measure of row `i` and its breakdown: a status on the row or an ancestor names the
/// measure of a count of coops (else `total`); a row in another unit is a measure of its own
/// label. The breakdown is the labels of the row and its ancestors that are not the title, a
/// region or a status (nor the row itself when it names its own measure).
fn classify(nodes: &[Node], i: usize, title: Option<usize>) -> (String, Vec<String>) {
    let lin = lineage(nodes, i);
    let Some(n) = nodes.get(i) else {
        return (TOTAL.to_string(), Vec::new());
    };
    // Counts of coops only in a table about coops: a row or an ancestor (the title included)
    // says so; `Jumlah UMKM` in units is not a count of coops.
    let about_coops = lin
        .iter()
        .filter_map(|j| nodes.get(*j))
        .any(|a| mentions_coops(&a.label));
    let coop_count = about_coops && counts_coops(n.unit.as_deref());
    let status = lin.iter().rev().find_map(|j| {
        nodes
            .get(*j)
            .and_then(|a| standard_measure(&a.label))
            .filter(|m| *m == AKTIF || *m == TIDAK_AKTIF)
    });
    // A last row that names a kind of coop of its own (`Jumlah KUD` beside `Jumlah Non KUD`
    // and `Jumlah Koperasi Primer`) is a measure of its own: sibling kinds may overlap, so
    // they are never summed into one total as if they were parts.
    let own_kind = coop_count
        && status.is_none()
        && !n.region
        && n.children.is_empty()
        && standard_measure(&n.label).is_none();
    let coop_total = coop_count && !own_kind;
    // A region row of a table of other things (`Kota Barat` under `Jumlah Usaha Mikro`)
    // counts what the row above it names, not a measure called after the region.
    let named_by = (n.region && !coop_count)
        .then(|| {
            lin.iter()
                .rev()
                .skip(1)
                .filter_map(|j| nodes.get(*j))
                .find(|a| !a.region)
        })
        .flatten();
    let measure = match status {
        Some(m) if coop_count => m.to_string(),
        _ if coop_total => TOTAL.to_string(),
        _ => measure_name(&named_by.unwrap_or(n).label),
    };
    let breakdown = lin
        .iter()
        .filter(|j| Some(**j) != title)
        .filter_map(|j| nodes.get(*j))
        .filter(|a| !(a.region || coop_count && is_status(&a.label)))
        .filter(|a| coop_count || a.line != named_by.unwrap_or(n).line)
        .map(|a| a.label.clone())
        .collect();
    (measure, breakdown)
}

/// The Kemendagri code of a row's region when the file's region is given: the kecamatan (or
/// kab/kota) a region row names within it, or the file's region itself; empty otherwise.
fn region_code(n: &Node, options: &ReadOptions) -> String {
    let Some(r) = options.region.as_ref() else {
        return String::new();
    };
    if !n.region {
        return r.to_string();
    }
    let t = crate::wilayah::table();
    t.find_kecamatan(&n.label, Some(r))
        .or_else(|_| t.find_kab_kota(&n.label, Some(r)))
        .map(|w| w.code.to_string())
        .unwrap_or_default()
}

/// Parents whose figure differs from the sum of their children's, per period column.
fn gaps(nodes: &[Node], cols: &[(usize, String)]) -> Vec<ParentGap> {
    let count = |n: &Node, c: usize| -> Option<i64> {
        let cell = n.cells.get(c)?;
        if crate::locale::is_missing(cell) {
            return None;
        }
        crate::locale::parse_count(cell)
            .ok()
            .and_then(|v| i64::try_from(v).ok())
    };
    let mut out = Vec::new();
    for n in nodes
        .iter()
        .filter(|n| !n.children.is_empty() && counts_coops(n.unit.as_deref()))
    {
        for (c, period) in cols {
            let Some(parent) = count(n, *c) else { continue };
            let kids: Vec<(i64, u64)> = n
                .children
                .iter()
                .filter_map(|k| nodes.get(*k))
                .filter_map(|k| count(k, *c).map(|v| (v, k.line)))
                .collect();
            let sum: i64 = kids.iter().map(|(v, _)| *v).fold(0, i64::saturating_add);
            let Ok(period) = Period::parse(period) else {
                continue;
            };
            if !kids.is_empty() && sum != parent {
                out.push(ParentGap {
                    line: n.line,
                    label: n.label.clone(),
                    period,
                    parent,
                    children_sum: sum,
                    children_lines: kids.iter().map(|(_, l)| *l).collect(),
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    /// Rows of the real SIPD "UMKM Perbidang Usaha" table of Kota Gorontalo (edata
    /// .gorontalokota.go.id/profil/print/17/1, mirrored in jamdin-thalib/jamdinthalib.datamikro):
    /// kecamatan under `Jumlah Usaha Mikro` count micro businesses, not a measure named after
    /// the kecamatan, and never coops.
    #[test]
    fn region_rows_of_a_table_of_other_things_count_what_their_parent_names() {
        let headers: Vec<String> = ["level", "path", "label", "2014", "satuan"]
            .map(String::from)
            .to_vec();
        let rows = [
            ["2", "I.1", "1. Jumlah UMKM Bidang Kuliner", "1658", "UMKM"],
            ["3", "I.1.1", "1. Jumlah Usaha Mikro", "1160", "UMKM"],
            ["4", "I.1.1.1", "1. Kota Barat", "131", "UMKM"],
            ["4", "I.1.1.2", "2. Kota Selatan", "157", "UMKM"],
        ];
        let records: Vec<SourceRow> = rows
            .iter()
            .zip(2u64..)
            .map(|(r, line)| (line, r.map(String::from).to_vec()))
            .collect();
        let options = ReadOptions {
            region: Some(crate::wilayah::KodeWilayah::parse("75.71").unwrap()),
            ..ReadOptions::default()
        };
        let t = hierarchy(&headers, 1, records, &options).unwrap();
        let names: Vec<&str> = t.shape.measures.iter().map(|m| m.name.as_str()).collect();
        assert_eq!(names, ["jumlah_umkm_bidang_kuliner", "jumlah_usaha_mikro"]);
        let kec = t.records.iter().find(|r| r.line == 4).unwrap();
        assert_eq!(kec.breakdown, ["Jumlah UMKM Bidang Kuliner"]);
        assert_eq!(kec.cells.first().map(String::as_str), Some("Kota Barat"));
    }

    #[test]
    fn numbered_depths() {
        assert_eq!(numbered_depth("1. Koperasi"), Some(1));
        assert_eq!(numbered_depth("1.2. Aktif"), Some(2));
        assert_eq!(numbered_depth("1.2.3 Kota Barat"), Some(3));
        assert_eq!(numbered_depth("Kota Barat"), None);
        assert_eq!(numbered_depth("2024"), None);
    }
}
