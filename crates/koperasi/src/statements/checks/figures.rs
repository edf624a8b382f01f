//! Single figures: a definition not in the vocabulary, and two different figures for the same
//! thing (definition, region, breakdown, date).

use super::finding::{StatementFinding, cite, region_prefix};
use super::keys;
use crate::statements::Statement;
use crate::stats::checks::Severity;

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
/// same series (definition, region, breakdown, policy, book year) and date as an earlier one.
/// Values: the earlier figure, the later one.
pub fn check_conflicts(all: &[Statement]) -> Vec<StatementFinding> {
    let mut out = Vec::new();
    for (i, b) in all.iter().enumerate() {
        let Some(vb) = keys::count(b) else { continue };
        let earlier = all.iter().take(i).find(|a| {
            keys::count(a).is_some_and(|va| va != vb)
                && keys::series(a) == keys::series(b)
                && keys::period(a) == keys::period(b)
                && keys::period(a).is_some()
        });
        if let Some(a) = earlier {
            let va = keys::count(a).unwrap_or(0);
            out.push(StatementFinding::new(
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
            ));
        }
    }
    out
}
