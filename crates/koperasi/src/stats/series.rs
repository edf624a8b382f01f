//! Comparable series: the figure of a period sums its top regions ([`super::levels`]); two
//! periods are comparable only when they sum the same regions. When the set changes (six
//! regions one year, four the next), the change is computed over the regions present in both,
//! and a `series_break` finding says so: a jump caused by a change of coverage is not growth.

use super::checks::{Finding, Severity};
use super::levels::{Levels, Node};
use super::panel::Panel;
use super::period::Period;
use std::collections::BTreeSet;

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

/// The figures of `measure` in `from` and `to` made comparable: over the regions both cover
/// (all of them when the coverage is the same). Returns (from, to, regions compared, same
/// coverage).
pub(crate) fn comparable(
    lv: &Levels<'_>,
    from: Period,
    to: Period,
    measure: &str,
) -> (Option<i64>, Option<i64>, usize, bool) {
    let a = coverage(lv, from);
    let b = coverage(lv, to);
    if a == b {
        return (
            lv.period_sum(from, measure, None),
            lv.period_sum(to, measure, None),
            a.len(),
            true,
        );
    }
    let common: BTreeSet<usize> = a.intersection(&b).copied().collect();
    (
        sum_over(lv, from, measure, &common),
        sum_over(lv, to, measure, &common),
        common.len(),
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

pub(crate) fn series_breaks(lv: &Levels<'_>) -> Vec<Finding> {
    let periods: Vec<Period> = lv.periods.keys().copied().collect();
    let name = |i: &usize| lv.region(*i).map_or("", |r| r.name).to_string();
    let mut out = Vec::new();
    for pair in periods.windows(2) {
        let [p, q] = pair else { continue };
        let (a, b) = (coverage(lv, *p), coverage(lv, *q));
        if a == b {
            continue;
        }
        let gone: Vec<String> = a.difference(&b).map(name).collect();
        let new: Vec<String> = b.difference(&a).map(name).collect();
        let both = a.intersection(&b).count();
        let list = |v: &[String], none: &str| {
            if v.is_empty() {
                none.to_string()
            } else {
                v.join(", ")
            }
        };
        let mut lines: Vec<u64> = a
            .symmetric_difference(&b)
            .flat_map(|m| [lv.line(*m, *p), lv.line(*m, *q)])
            .filter(|l| *l > 0)
            .collect();
        lines.sort_unstable();
        lines.dedup();
        out.push(Finding {
            code: "series_break".into(),
            severity: Severity::Warning,
            region: None,
            periods: vec![*p, *q],
            measure: None,
            lines,
            values: vec![a.len() as i64, b.len() as i64, both as i64],
            message_en: format!(
                "{q}: the regions summed change from {} in {p} to {} (left out: {}; new: {}); the figures of {p} and {q} are not comparable, so the change is computed over the {both} regions present in both",
                a.len(),
                b.len(),
                list(&gone, "none"),
                list(&new, "none")
            ),
            message_id: format!(
                "{q}: wilayah yang dijumlahkan berubah dari {} pada {p} menjadi {} (hilang: {}; baru: {}); angka {p} dan {q} tidak sebanding, jadi perubahan dihitung atas {both} wilayah yang ada di keduanya",
                a.len(),
                b.len(),
                list(&gone, "tidak ada"),
                list(&new, "tidak ada")
            ),
        });
    }
    out
}
