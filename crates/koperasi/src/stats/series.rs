//! Comparable series: the figure of a period sums its top regions ([`super::levels`]); two
//! periods are comparable only when they cover the same area: the same regions, or a total in
//! one and every one of its parts in the other (`INDONESIA` alone one year, all the provinces
//! of the nation the next: both are the national figure). When the coverage changes (six
//! regions one year, four the next), the change is computed over the regions present in both,
//! and a `series_break` finding says so: a jump caused by a change of coverage is not growth.

use super::checks::{Finding, Severity};
use super::levels::{Levels, Node, period_date};
use super::panel::{Panel, region_key};
use super::period::Period;
use crate::wilayah::{KodeWilayah, Level, RegionLevel, children_on, province_on};
use chrono::NaiveDate;
use std::collections::{BTreeMap, BTreeSet};

/// The regions a period's figure covers: its top rows, a `JUMLAH`/`TOTAL` row replaced by
/// the rows it totals (so a file with and one without the `JUMLAH` row compare equal).
pub(crate) fn coverage(lv: &Levels<'_>, period: Period) -> BTreeSet<usize> {
    let Some(tree) = lv.periods.get(&period) else {
        return BTreeSet::new();
    };
    let mut out = BTreeSet::new();
    let mut stack = tree.top();
    while let Some(m) = stack.pop() {
        if lv.nodes.get(m) == Some(&Node::TotalLabel) && tree.is_total(m) {
            stack.extend(tree.children.get(&m).into_iter().flatten().copied());
        } else {
            out.insert(m);
        }
    }
    out
}

/// The figure of `period` for `measure` over the regions of `only` (each counted with its
/// value as in [`Levels::value`]); `None` when none has a value.
pub(crate) fn sum_over(
    lv: &Levels<'_>,
    period: Period,
    measure: &str,
    only: &BTreeSet<usize>,
) -> Option<i64> {
    only.iter()
        .filter_map(|m| lv.value(*m, period, measure))
        .fold(None, |a: Option<i64>, v| {
            Some(a.unwrap_or(0).saturating_add(v))
        })
}

/// What a period's figure covers, as an area: a region listed, or a region all of whose parts
/// are listed (every province of the nation as regions were at the end of the period, every
/// kab/kota of a province, ...), so that a period listing only `INDONESIA` and one listing
/// all its provinces cover the same area. Per breakdown.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Area {
    /// The whole nation.
    Nation(Vec<String>),
    /// A region by code.
    Code(Vec<String>, KodeWilayah),
    /// A row that is no coded region (a name, ambiguous or unknown).
    Row(usize),
}

/// The areas of `period`'s figure, each with the regions (indices) that make it.
fn areas(lv: &Levels<'_>, period: Period) -> BTreeMap<Area, Vec<usize>> {
    let date = period_date(period);
    let mut out: BTreeMap<Area, Vec<usize>> = BTreeMap::new();
    for i in coverage(lv, period) {
        let bd = lv
            .region(i)
            .and_then(|r| r.rows.first())
            .map(|r| r.breakdown.clone())
            .unwrap_or_default();
        let area = match lv.nodes.get(i) {
            Some(Node::Region(RegionLevel::Nasional, _)) => Area::Nation(bd),
            Some(Node::Region(_, Some(c))) => Area::Code(bd, *c),
            _ => Area::Row(i),
        };
        out.entry(area).or_default().push(i);
    }
    // Lift every complete set of parts to their parent, until none is left.
    while let Some((parent, parts)) = complete_parts(&out, date) {
        let mut rows = Vec::new();
        for p in parts {
            rows.extend(out.remove(&p).unwrap_or_default());
        }
        out.entry(parent).or_default().extend(rows);
    }
    out
}

/// A parent area and its parts when `areas` lists every region below it (as of `date`).
fn complete_parts(
    areas: &BTreeMap<Area, Vec<usize>>,
    date: NaiveDate,
) -> Option<(Area, Vec<Area>)> {
    let mut groups: BTreeMap<(&[String], Option<KodeWilayah>), Vec<&Area>> = BTreeMap::new();
    for a in areas.keys() {
        if let Area::Code(bd, c) = a {
            let up = match c.level() {
                Level::Provinsi => None,
                Level::KabupatenKota => Some(province_on(c, date)),
                _ => c.parent(),
            };
            groups.entry((bd.as_slice(), up)).or_default().push(a);
        }
    }
    groups.into_iter().find_map(|((bd, up), parts)| {
        (!parts.is_empty() && parts.len() == children_on(up.as_ref(), date)).then(|| {
            let parent = match up {
                None => Area::Nation(bd.to_vec()),
                Some(c) => Area::Code(bd.to_vec(), c),
            };
            (parent, parts.into_iter().cloned().collect())
        })
    })
}

/// The regions whose figures can be compared between `p` and `q`: those listed in both periods
/// (`JUMLAH`/`TOTAL` rows aside), each taken only when no region above it is also taken (the
/// national row when both list it, else the provinces both list, ...).
fn common_regions(lv: &Levels<'_>, p: Period, q: Period) -> BTreeSet<usize> {
    let (Some(tp), Some(tq)) = (lv.periods.get(&p), lv.periods.get(&q)) else {
        return BTreeSet::new();
    };
    let listed = |t: &super::levels::PeriodTree| -> BTreeSet<usize> {
        t.members
            .iter()
            .copied()
            .filter(|m| lv.nodes.get(*m) != Some(&Node::TotalLabel))
            .collect()
    };
    let both: BTreeSet<usize> = listed(tp).intersection(&listed(tq)).copied().collect();
    let under_taken = |t: &super::levels::PeriodTree, i: usize| {
        let mut up = t.parent.get(&i);
        let mut steps = t.members.len();
        while let Some(x) = up {
            if both.contains(x) || steps == 0 {
                return true;
            }
            steps -= 1;
            up = t.parent.get(x);
        }
        false
    };
    both.iter()
        .copied()
        .filter(|i| !under_taken(tp, *i) && !under_taken(tq, *i))
        .collect()
}

/// True when `p` and `q` cover the same area: the same regions, or the same once every
/// complete set of parts is taken as its parent ([`areas`]).
fn same_area(lv: &Levels<'_>, p: Period, q: Period) -> bool {
    coverage(lv, p) == coverage(lv, q) || areas(lv, p).keys().eq(areas(lv, q).keys())
}

/// Distinct regions (by code and name, whatever their breakdown) among `rows`.
fn distinct_regions(lv: &Levels<'_>, rows: &BTreeSet<usize>) -> usize {
    rows.iter()
        .filter_map(|i| lv.region(*i))
        .map(|r| (r.code, region_key(r.name)))
        .collect::<BTreeSet<_>>()
        .len()
}

/// The figures of `measure` in `from` and `to` made comparable: over the whole coverage when
/// both periods cover the same area ([`same_area`]), else over the regions listed in both
/// ([`common_regions`]). Returns (from, to, distinct regions compared, same coverage).
pub(crate) fn comparable(
    lv: &Levels<'_>,
    from: Period,
    to: Period,
    measure: &str,
) -> (Option<i64>, Option<i64>, usize, bool) {
    if same_area(lv, from, to) {
        let a = distinct_regions(lv, &coverage(lv, from));
        let b = distinct_regions(lv, &coverage(lv, to));
        return (
            lv.period_sum(from, measure, None),
            lv.period_sum(to, measure, None),
            a.max(b),
            true,
        );
    }
    let common = common_regions(lv, from, to);
    (
        sum_over(lv, from, measure, &common),
        sum_over(lv, to, measure, &common),
        distinct_regions(lv, &common),
        false,
    )
}

/// One `series_break` warning for each pair of consecutive periods whose figures cover
/// different regions (values: regions covered before, after, in both), naming the regions
/// that left and joined. The change between them is only comparable over the regions in both.
pub fn check_series_breaks(panel: &Panel) -> Vec<Finding> {
    let lv = Levels::new(panel, None, None);
    series_breaks(&lv)
}

/// Names listed at most in a `series_break` message (the lines list every row).
const LISTED: usize = 8;

pub(crate) fn series_breaks(lv: &Levels<'_>) -> Vec<Finding> {
    let periods: Vec<Period> = lv.periods.keys().copied().collect();
    // In a table with breakdowns, what is summed is a region within a breakdown.
    let cells = lv
        .index
        .regions
        .iter()
        .any(|r| r.rows.iter().any(|x| !x.breakdown.is_empty()));
    let (what_en, what_id) = if cells {
        ("regions (per breakdown)", "wilayah (per rincian)")
    } else {
        ("regions", "wilayah")
    };
    let mut out = Vec::new();
    for pair in periods.windows(2) {
        let [p, q] = pair else { continue };
        if same_area(lv, *p, *q) {
            continue;
        }
        let (a, b) = (coverage(lv, *p), coverage(lv, *q));
        let gone: Vec<String> = a.difference(&b).map(|i| row_name(lv, *i)).collect();
        let new: Vec<String> = b.difference(&a).map(|i| row_name(lv, *i)).collect();
        let both = common_regions(lv, *p, *q).len();
        let list = |v: &[String], none: &str, more: &str| match v.len() {
            0 => none.to_string(),
            n if n <= LISTED => v.join(", "),
            n => {
                let first: Vec<&str> = v.iter().take(LISTED).map(String::as_str).collect();
                let more = more.replace("{n}", &(n - LISTED).to_string());
                format!("{}, {more}", first.join(", "))
            }
        };
        let mut lines: Vec<u64> = a
            .symmetric_difference(&b)
            .flat_map(|m| [lv.line(*m, *p), lv.line(*m, *q)])
            .filter(|l| *l > 0)
            .collect();
        lines.sort_unstable();
        lines.dedup();
        let (na, nb) = (a.len(), b.len());
        out.push(Finding {
            code: "series_break".into(),
            severity: Severity::Warning,
            region: None,
            periods: vec![*p, *q],
            measure: None,
            lines,
            values: vec![na as i64, nb as i64, both as i64],
            message_en: format!(
                "{q}: the {what_en} summed change from {na} in {p} to {nb} (left out: {}; new: {}); the figures of {p} and {q} are not comparable, so the change is computed over the {both} {what_en} present in both",
                list(&gone, "none", "and {n} more"),
                list(&new, "none", "and {n} more")
            ),
            message_id: format!(
                "{q}: {what_id} yang dijumlahkan berubah dari {na} pada {p} menjadi {nb} (hilang: {}; baru: {}); angka {p} dan {q} tidak sebanding, jadi perubahan dihitung atas {both} {what_id} yang ada di keduanya",
                list(&gone, "tidak ada", "dan {n} lainnya"),
                list(&new, "tidak ada", "dan {n} lainnya")
            ),
        });
    }
    out
}

/// A region's name as published, with its breakdown when it has one
/// (`Kota Barat (Jumlah Koperasi Produksi > Jumlah Dibantu Pemerintah)`).
fn row_name(lv: &Levels<'_>, i: usize) -> String {
    let Some(r) = lv.region(i) else {
        return String::new();
    };
    match r.rows.first().map(|x| x.breakdown.as_slice()) {
        Some(bd) if !bd.is_empty() => format!("{} ({})", r.name, bd.join(" > ")),
        _ => r.name.to_string(),
    }
}
