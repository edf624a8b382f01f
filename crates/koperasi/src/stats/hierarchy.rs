//! Checks of a panel's totals against their parts, found from the region levels
//! ([`super::levels`]): `child_sum_not_equal_parent`, `partial_coverage`, `wrong_parent`,
//! `unknown_region`.

use super::checks::{CheckParams, Finding, Severity};
use super::levels::{Levels, Node, PeriodTree, period_date};
use super::panel::{Panel, region_key};
use super::period::Period;
use crate::wilayah::{KodeWilayah, RegionLevel, children_on, contains_on};
use std::collections::BTreeMap;

fn en(n: i64) -> String {
    crate::locale::format_int_grouped(n, ',')
}

fn id(n: i64) -> String {
    crate::locale::format_int(n)
}

/// Findings of the region levels of `panel` (rows resolved within `within`):
/// - each total row against its parts, for each of `params.parent_measures` (the region named
///   `params.parent_region`, checked by [`super::check_children_vs_parent_region`], is left
///   out): `child_sum_not_equal_parent` (error; values: parent, sum of the parts) when the
///   parts are all the regions below it (every province of the nation as of the period, every
///   kab/kota of a province, every row above a `JUMLAH` row) and their sum differs, or when
///   the listed parts exceed it; otherwise, once per total row and period,
///   `partial_coverage` (info; values: parent, sum of the listed parts) saying how much of it
///   the listed parts cover;
/// - `wrong_parent` (warning): a region listed under a region that does not contain it, in a
///   table that lists regions under their parent (or above their total), or whose row names,
///   in a text column `provinsi`/`province`, a province that does not contain it;
/// - `unknown_region` (warning): a name that is no Indonesian region at any level.
pub fn check_levels(
    panel: &Panel,
    params: &CheckParams,
    within: Option<&KodeWilayah>,
) -> Vec<Finding> {
    let lv = Levels::new(panel, None, within);
    let skip = params
        .parent_region
        .as_deref()
        .and_then(|p| lv.index.position(p));
    let mut out = Vec::new();
    for (period, tree) in &lv.periods {
        for parent in tree.members.iter().copied().filter(|m| tree.is_total(*m)) {
            if Some(parent) != skip {
                out.extend(check_total(&lv, tree, *period, parent, params));
            }
        }
    }
    out.extend(wrong_parents(&lv));
    out.extend(stated_provinces(&lv));
    out.extend(unknown_regions(&lv));
    out
}

/// How completely the parts of a total row cover the regions below it.
struct Coverage {
    /// Every region below is listed (or the parent is a `JUMLAH` row).
    complete: bool,
    /// Regions listed / regions below (for the message); `None` for a `JUMLAH` row.
    counts: Option<(usize, usize)>,
    /// The level of the parts, when they are all of one level.
    level: Option<RegionLevel>,
}

fn coverage(lv: &Levels<'_>, parts: &[usize], parent: usize, date: chrono::NaiveDate) -> Coverage {
    let node = |i: usize| lv.nodes.get(i).copied().unwrap_or(Node::Unknown);
    let levels: Vec<Option<RegionLevel>> = parts.iter().map(|p| node(*p).level()).collect();
    let level = levels
        .first()
        .copied()
        .flatten()
        .filter(|l| levels.iter().all(|x| *x == Some(*l)));
    let (below, code) = match node(parent) {
        Node::TotalLabel => {
            return Coverage {
                complete: true,
                counts: None,
                level,
            };
        }
        Node::Region(RegionLevel::Nasional, _) => (Some(RegionLevel::Provinsi), None),
        Node::Region(l, Some(c)) => (next_level(l), Some(c)),
        _ => (None, None),
    };
    let expected = children_on(code.as_ref(), date);
    let direct = parts
        .iter()
        .filter(|p| node(**p).level() == below && below.is_some())
        .count();
    Coverage {
        complete: direct == parts.len() && direct >= expected && expected > 0,
        counts: Some((parts.len(), expected)),
        level,
    }
}

fn next_level(l: RegionLevel) -> Option<RegionLevel> {
    match l {
        RegionLevel::Nasional => Some(RegionLevel::Provinsi),
        RegionLevel::Provinsi => Some(RegionLevel::KabupatenKota),
        RegionLevel::KabupatenKota => Some(RegionLevel::Kecamatan),
        RegionLevel::Kecamatan => Some(RegionLevel::DesaKelurahan),
        RegionLevel::DesaKelurahan => None,
    }
}

/// The checks of one total row in one period.
fn check_total(
    lv: &Levels<'_>,
    tree: &PeriodTree,
    period: Period,
    parent: usize,
    params: &CheckParams,
) -> Vec<Finding> {
    let Some(parts) = tree.children.get(&parent) else {
        return Vec::new();
    };
    let name = lv.region(parent).map_or("", |r| r.name);
    let cov = coverage(lv, parts, parent, period_date(period));
    let mut lines = vec![lv.line(parent, period)];
    lines.extend(parts.iter().map(|p| lv.line(*p, period)));
    let mut out = Vec::new();
    let mut partial: Option<Finding> = None;
    for m in &params.parent_measures {
        let Some((pv, _)) = lv.region(parent).and_then(|r| r.get(period, m)) else {
            continue;
        };
        let Some(s) = lv_sum(lv, parts, period, m) else {
            continue;
        };
        let head = TotalHead {
            name,
            period,
            measure: m,
            values: [pv, s],
            lines: lines.clone(),
        };
        if (cov.complete && s != pv) || s > pv {
            out.push(mismatch(head, parts.len(), &cov));
        } else if !cov.complete && partial.is_none() {
            partial = Some(partial_coverage(head, &cov));
        }
    }
    out.extend(partial);
    out
}

fn lv_sum(lv: &Levels<'_>, parts: &[usize], period: Period, measure: &str) -> Option<i64> {
    parts
        .iter()
        .filter_map(|p| lv.value(*p, period, measure))
        .fold(None, |a: Option<i64>, v| {
            Some(a.unwrap_or(0).saturating_add(v))
        })
}

fn parts_label(cov: &Coverage, id: bool) -> &'static str {
    match (cov.level, id) {
        (Some(l), _) => l.plural(id),
        (None, false) => "regions",
        (None, true) => "wilayah",
    }
}

/// `child_sum_not_equal_parent`: the `n` parts of the total of `head` do not sum to it.
fn mismatch(head: TotalHead<'_>, n: usize, cov: &Coverage) -> Finding {
    let (name, period, measure) = (head.name, head.period, head.measure);
    let [pv, s] = head.values;
    let of = match cov.counts {
        Some((k, e)) if !cov.complete => (
            format!(" (only {k} of {e} listed, yet they exceed it)"),
            format!(" (hanya {k} dari {e} tercantum, tetapi melebihinya)"),
        ),
        _ => (String::new(), String::new()),
    };
    head.finding(
        "child_sum_not_equal_parent",
        Severity::Error,
        format!(
            "{name} {period}: {measure} is {} but the {n} {} listed below it sum to {} (difference {}){}; the total is not added to its parts",
            en(pv),
            parts_label(cov, false),
            en(s),
            en(s.saturating_sub(pv)),
            of.0
        ),
        format!(
            "{name} {period}: {measure} tercatat {} tetapi jumlah {n} {} di bawahnya {} (selisih {}){}; baris jumlah tidak ditambahkan ke bagiannya",
            id(pv),
            parts_label(cov, true),
            id(s),
            id(s.saturating_sub(pv)),
            of.1
        ),
    )
}

/// What the findings on a total row share: the row, its period, the measure, the values
/// (total, sum of the listed parts) and the lines of the total and its parts.
struct TotalHead<'a> {
    name: &'a str,
    period: Period,
    measure: &'a str,
    values: [i64; 2],
    lines: Vec<u64>,
}

impl TotalHead<'_> {
    fn finding(self, code: &str, severity: Severity, en: String, id: String) -> Finding {
        Finding {
            code: code.into(),
            severity,
            region: Some(self.name.to_string()),
            periods: vec![self.period],
            measure: Some(self.measure.to_string()),
            lines: self.lines,
            values: self.values.to_vec(),
            message_en: en,
            message_id: id,
        }
    }
}

/// `partial_coverage`: the parts listed of the total of `head` are only some of its parts.
fn partial_coverage(head: TotalHead<'_>, cov: &Coverage) -> Finding {
    let (name, period) = (head.name, head.period);
    let [pv, s] = head.values;
    let pct = if pv > 0 {
        s as f64 / pv as f64 * 100.0
    } else {
        0.0
    };
    let (k, e) = cov.counts.unwrap_or((0, 0));
    let nasional = crate::wilayah::is_nasional_name(name);
    let (of_en, of_id) = if nasional {
        (
            format!("the national {}", en(pv)),
            format!("{} nasional", id(pv)),
        )
    } else {
        (format!("{name}'s {}", en(pv)), format!("{} {name}", id(pv)))
    };
    head.finding(
        "partial_coverage",
        Severity::Info,
        format!(
            "{period}: the listed {} ({k} of {e}) cover {} of {of_en} ({pct:.1} %); {name} is used as the total, not added to them",
            parts_label(cov, false),
            en(s),
        ),
        format!(
            "{period}: {} yang tercantum ({k} dari {e}) mencakup {} dari {of_id} ({} %); {name} dipakai sebagai jumlah, tidak ditambahkan",
            parts_label(cov, true),
            id(s),
            format!("{pct:.1}").replace('.', ",")
        ),
    )
}

/// Regions listed under (or above the total of) a region that does not contain them.
fn wrong_parents(lv: &Levels<'_>) -> Vec<Finding> {
    // (child, listed under) -> (periods, lines)
    let mut hits: BTreeMap<(usize, usize), (Vec<Period>, Vec<u64>)> = BTreeMap::new();
    for (period, tree) in &lv.periods {
        let date = period_date(*period);
        let coded: Vec<(usize, KodeWilayah)> = tree
            .members
            .iter()
            .filter_map(|m| lv.nodes.get(*m).and_then(Node::code).map(|c| (*m, c)))
            .collect();
        let framing = |after: bool| framing(&coded, after, date);
        let before = framing(false);
        let after = framing(true);
        let agree = |v: &[(usize, usize, bool)]| v.iter().filter(|x| x.2).count();
        let chosen = match (agree(&before), agree(&after)) {
            (0, 0) => continue,
            (b, a) if b >= a => before,
            _ => after,
        };
        for (m, pm, ok) in chosen {
            if !ok {
                let e = hits.entry((m, pm)).or_default();
                e.0.push(*period);
                e.1.push(lv.line(m, *period));
                e.1.push(lv.line(pm, *period));
            }
        }
    }
    hits.into_iter()
        .map(|((m, pm), (periods, mut lines))| {
            lines.sort_unstable();
            lines.dedup();
            let under = lv.region(pm).map_or("", |r| r.name);
            wrong_parent(lv, m, periods, lines, |name, code, home| {
                (
                    format!(
                        "{name} ({code}, in {home}) is listed under {under}, which does not contain it"
                    ),
                    format!(
                        "{name} ({code}, di {home}) tercantum di bawah {under}, padahal bukan bagiannya"
                    ),
                )
            })
        })
        .collect()
}

/// For each coded row, the nearest row before it (`after`: after it) of a higher level:
/// (row, that row, whether it contains the row). One pass, remembering the last row seen of
/// each level.
fn framing(
    coded: &[(usize, KodeWilayah)],
    after: bool,
    date: chrono::NaiveDate,
) -> Vec<(usize, usize, bool)> {
    let rank = |c: &KodeWilayah| c.level() as usize;
    // The position in `coded` of the last row seen of each level.
    let mut last: [Option<usize>; 4] = [None; 4];
    let mut out = Vec::new();
    let order: Vec<usize> = if after {
        (0..coded.len()).rev().collect()
    } else {
        (0..coded.len()).collect()
    };
    for k in order {
        let Some((m, c)) = coded.get(k) else { continue };
        let r = rank(c);
        // The nearest row seen of any higher level.
        let near = last
            .iter()
            .take(r)
            .flatten()
            .copied()
            .max_by_key(|pos| if after { usize::MAX - pos } else { *pos });
        if let Some((pm, pc)) = near.and_then(|p| coded.get(p)) {
            out.push((*m, *pm, contains_on(pc, c, date)));
        }
        if let Some(slot) = last.get_mut(r) {
            *slot = Some(k);
        }
    }
    out
}

/// Headers (normalised) of a text column naming the province of each row.
const PROVINCE_COLUMNS: &[&str] = &["provinsi", "nama_provinsi", "province", "prov"];

/// Periods, lines and official name of a stated province.
type Stated = (Vec<Period>, Vec<u64>, String);

/// Rows below province level whose `provinsi` text column names a province that does not
/// contain them (one finding per region and stated province).
fn stated_provinces(lv: &Levels<'_>) -> Vec<Finding> {
    let t = crate::wilayah::table();
    let mut hits: BTreeMap<(usize, String), Stated> = BTreeMap::new();
    for (i, (r, n)) in lv.index.regions.iter().zip(&lv.nodes).enumerate() {
        let Some(code) = n
            .code()
            .filter(|c| c.level() != crate::wilayah::Level::Provinsi)
        else {
            continue;
        };
        for row in &r.rows {
            let stated = row.extra.iter().find(|(h, _)| {
                PROVINCE_COLUMNS.contains(&crate::io::headers::normalize_header(h).as_str())
            });
            let Some((_, cell)) = stated else { continue };
            let Ok(p) = t.find_provinsi(cell) else {
                continue;
            };
            if contains_on(&p.code, &code, period_date(row.period)) {
                continue;
            }
            let e = hits
                .entry((i, cell.clone()))
                .or_insert_with(|| (Vec::new(), Vec::new(), p.name.clone()));
            e.0.push(row.period);
            e.1.push(row.line);
        }
    }
    hits.into_iter()
        .map(|((i, cell), (periods, lines, stated))| {
            wrong_parent(lv, i, periods, lines, |name, code, home| {
                (
                    format!(
                        "{name} ({code}, in {home}) is given the province `{cell}` ({stated}), which does not contain it"
                    ),
                    format!(
                        "{name} ({code}, di {home}) dicatat dengan provinsi `{cell}` ({stated}), padahal bukan bagiannya"
                    ),
                )
            })
        })
        .collect()
}

/// A `wrong_parent` finding about region `i` of `lv`; `messages` gives the English and
/// Indonesian texts from the region's name, its code and the province that holds it.
fn wrong_parent(
    lv: &Levels<'_>,
    i: usize,
    periods: Vec<Period>,
    lines: Vec<u64>,
    messages: impl FnOnce(&str, &str, &str) -> (String, String),
) -> Finding {
    let name = lv.region(i).map_or("", |r| r.name);
    let code = lv.nodes.get(i).and_then(Node::code);
    let home = code
        .and_then(|c| {
            crate::wilayah::table()
                .get(&c.provinsi())
                .map(|w| w.name.clone())
        })
        .unwrap_or_default();
    let code = code.map(|c| c.to_string()).unwrap_or_default();
    let (message_en, message_id) = messages(name, &code, &home);
    Finding {
        code: "wrong_parent".into(),
        severity: Severity::Warning,
        region: Some(name.to_string()),
        periods,
        measure: None,
        lines,
        values: Vec::new(),
        message_en,
        message_id,
    }
}

/// Names that are no Indonesian region at any level.
fn unknown_regions(lv: &Levels<'_>) -> Vec<Finding> {
    let t = crate::wilayah::table();
    lv.index
        .regions
        .iter()
        .zip(&lv.nodes)
        .filter(|(_, n)| **n == Node::Unknown)
        .filter(|(r, _)| !region_key(r.name).is_empty())
        // The file's own region of a table that names none is no name to check.
        .filter(|(r, _)| r.name != crate::io::shapes::FILE_REGION)
        .map(|(r, _)| {
            let mut hint: Vec<String> = [crate::wilayah::Level::Provinsi, crate::wilayah::Level::KabupatenKota]
                .into_iter()
                .flat_map(|l| t.suggest(r.name, l, None))
                .map(|w| format!("{} {}", w.code, w.name))
                .collect();
            hint.truncate(3);
            let (hen, hid) = if hint.is_empty() {
                (String::new(), String::new())
            } else {
                (
                    format!("; did you mean {}?", hint.join(" or ")),
                    format!("; mungkin maksudnya {}?", hint.join(" atau ")),
                )
            };
            let periods: Vec<Period> = r.by_period.keys().copied().collect();
            Finding {
                code: "unknown_region".into(),
                severity: Severity::Warning,
                region: Some(r.name.to_string()),
                periods,
                measure: None,
                lines: r.rows.iter().map(|x| x.line).collect(),
                values: Vec::new(),
                message_en: format!(
                    "{} is not an Indonesian region: no province, kabupaten/kota or kecamatan of that name in the Kemendagri table{hen}",
                    r.name
                ),
                message_id: format!(
                    "{} bukan nama wilayah Indonesia: tidak ada provinsi, kabupaten/kota atau kecamatan dengan nama itu di tabel Kemendagri{hid}",
                    r.name
                ),
            }
        })
        .collect()
}
