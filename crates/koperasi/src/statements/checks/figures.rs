//! Single figures: a definition not in the vocabulary, and two different figures for the same
//! thing (definition, region, breakdown, date).

use super::finding::{StatementFinding, cite, region_prefix};
use super::keys;
use crate::statements::Statement;
use crate::stats::checks::Severity;
use crate::stats::period::Period;
use std::collections::BTreeMap;

/// One `definition_unknown` warning per statement whose definition is not in the vocabulary
/// (kept as written; it is compared with nothing but itself). Values: none.
pub fn check_vocabulary(all: &[Statement]) -> Vec<StatementFinding> {
    all.iter()
        .filter(|s| !s.definition.is_known())
        .map(|s| {
            let d = s.definition.code();
            StatementFinding::new(
                "definition_unknown",
                Severity::Warning,
                &[s],
                Vec::new(),
                format!(
                    "{}{}: the definition `{d}` is not in the vocabulary (on_record, identified, \
                     active, ...); the figure is compared with nothing else",
                    region_prefix(s),
                    cite(s, true)
                ),
                format!(
                    "{}{}: definisi `{d}` tidak ada dalam daftar (terdata, teridentifikasi, aktif, \
                     ...); angkanya tidak dibandingkan dengan angka lain",
                    region_prefix(s),
                    cite(s, false)
                ),
            )
        })
        .collect()
}

/// One `figures_differ` warning for each later statement that gives another count for the
/// same series (definition, region, breakdown, policy, book year) and date as the first one.
/// Values: the earlier figure, the later one.
pub fn check_conflicts(all: &[Statement]) -> Vec<StatementFinding> {
    let mut first: BTreeMap<(keys::SeriesKey, Period), &Statement> = BTreeMap::new();
    let mut out = Vec::new();
    for b in all {
        let (Some(vb), Some(p)) = (keys::count(b), keys::period(b)) else {
            continue;
        };
        let a = *first.entry((keys::series(b), p)).or_insert(b);
        let va = keys::count(a).unwrap_or(vb);
        if va != vb {
            out.push(conflict(a, b, va, vb));
        }
    }
    out
}

fn conflict(a: &Statement, b: &Statement, va: i64, vb: i64) -> StatementFinding {
    StatementFinding::new(
        "figures_differ",
        Severity::Warning,
        &[a, b],
        vec![va, vb],
        format!(
            "{}{} and {} give two different figures for the same definition, region and date",
            region_prefix(b),
            cite(a, true),
            cite(b, true)
        ),
        format!(
            "{}{} dan {} memberi dua angka berbeda untuk definisi, wilayah dan tanggal yang sama",
            region_prefix(b),
            cite(a, false),
            cite(b, false)
        ),
    )
}
