//! Parts against their total: the figures of a breakdown (by jenis, by kecamatan) must add up
//! to the total of the same definition, region and date.

use super::finding::{StatementFinding, label, num, place, region_prefix};
use super::keys;
use crate::statements::{Definition, Statement};
use crate::stats::checks::Severity;
use crate::stats::period::Period;
use std::collections::BTreeMap;

type TotalKey = (
    Option<String>,
    Definition,
    Option<String>,
    Option<i32>,
    Option<Period>,
);

fn total_key(s: &Statement) -> TotalKey {
    let (region, _, definition, policy, book_year) = keys::series(s);
    (region, definition, policy, book_year, keys::period(s))
}

/// One `parts_not_equal_total` error for each breakdown dimension whose parts do not add up to
/// the total of the same definition, region, policy, book year and date. Values: the parts in
/// file order, then the total. Parts without a total are not checked.
pub fn check_parts(all: &[Statement]) -> Vec<StatementFinding> {
    let mut totals: BTreeMap<TotalKey, &Statement> = BTreeMap::new();
    let mut parts: BTreeMap<(TotalKey, String), Vec<&Statement>> = BTreeMap::new();
    for s in all.iter().filter(|s| keys::count(s).is_some()) {
        match keys::breakdown(s) {
            None => {
                totals.entry(total_key(s)).or_insert(s);
            }
            Some((dim, _)) => parts.entry((total_key(s), dim)).or_default().push(s),
        }
    }
    let mut out = Vec::new();
    for ((key, dim), ps) in &parts {
        let Some(total) = totals.get(key) else {
            continue;
        };
        let t = keys::count(total).unwrap_or(0);
        let sum = ps
            .iter()
            .filter_map(|s| keys::count(s))
            .fold(0i64, i64::saturating_add);
        if sum != t {
            out.push(finding(total, ps, dim, sum, t));
        }
    }
    out
}

fn finding(total: &Statement, ps: &[&Statement], dim: &str, sum: i64, t: i64) -> StatementFinding {
    let mut on: Vec<&Statement> = ps.to_vec();
    on.push(total);
    let values = on.iter().filter_map(|s| keys::count(s)).collect();
    let gap = sum.saturating_sub(t);
    let first = ps.first().and_then(|s| s.line).unwrap_or(0);
    let last = ps.last().and_then(|s| s.line).unwrap_or(0);
    StatementFinding::new(
        "parts_not_equal_total",
        Severity::Error,
        &on,
        values,
        format!(
            "{}the {} parts by {dim} (lines {first}-{last}) add up to {}, but the total ({}, {}) \
             is {} (gap {:+})",
            region_prefix(total),
            ps.len(),
            num(sum, true),
            label(total, true),
            place(total, true),
            num(t, true),
            gap
        ),
        format!(
            "{}{} rincian menurut {dim} (baris {first}-{last}) berjumlah {}, tetapi totalnya ({}, \
             {}) {} (selisih {:+})",
            region_prefix(total),
            ps.len(),
            num(sum, false),
            label(total, false),
            place(total, false),
            num(t, false),
            gap
        ),
    )
}
