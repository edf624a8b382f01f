//! A series mixing definitions: figures of one source about one region that count different
//! things at different dates (438 "on record", then 113 "identified") are not a rise or fall.

use super::finding::{StatementFinding, cite, label, region_prefix};
use super::keys;
use crate::statements::{Definition, Statement};
use crate::stats::checks::Severity;
use std::collections::{BTreeMap, BTreeSet};

/// What makes a group: region, breakdown and the source (its text, else the day it was said).
type GroupKey = (Option<String>, Option<(String, String)>, Option<String>);

fn group_key(s: &Statement) -> GroupKey {
    let source = s
        .source
        .as_ref()
        .map(|t| t.trim().to_lowercase())
        .or_else(|| s.said_on.map(|d| d.to_string()));
    (keys::region(s), keys::breakdown(s), source)
}

/// One `definitions_mixed` warning for each pair of definitions that one source gives for
/// the same region and breakdown at **different** dates only: no date or period described
/// (`describes`, unknown counting as one) has a figure of both, so the reader sees one
/// sequence that switches definition (438 "on record", 390 in 2023, then 113 "identified").
/// Figures of several definitions at one date are a funnel, checked by the relations instead;
/// a flow (`new` in a year) and a stock are never paired;
/// an on-record series with an identified figure at one of its dates is not mixed. The message names the figures
/// of each definition and says that they count different things, so that no change between
/// them can be read; no difference is computed. Values: the figures of the first definition,
/// then of the second (file order).
pub fn check_mixed_definitions(all: &[Statement]) -> Vec<StatementFinding> {
    let mut groups: BTreeMap<GroupKey, Vec<&Statement>> = BTreeMap::new();
    // Unknown definitions are flagged on their own (`definition_unknown`), not paired.
    for s in all
        .iter()
        .filter(|s| keys::count(s).is_some() && s.definition.is_known())
    {
        groups.entry(group_key(s)).or_default().push(s);
    }
    let mut out = Vec::new();
    for members in groups.values() {
        let mut defs: Vec<&Definition> = Vec::new();
        for s in members {
            if !defs.contains(&&s.definition) {
                defs.push(&s.definition);
            }
        }
        for (i, a) in defs.iter().enumerate() {
            // A flow (`new` in a year) beside stocks is not a series that switches definition.
            for b in defs
                .iter()
                .skip(i + 1)
                .filter(|b| b.is_flow() == a.is_flow())
            {
                let of = |d: &Definition| -> Vec<&Statement> {
                    members
                        .iter()
                        .copied()
                        .filter(|s| &s.definition == d)
                        .collect()
                };
                let (xs, ys) = (of(a), of(b));
                // Apart: no date or period is given for both, and there are two of them.
                let when =
                    |v: &[&Statement]| v.iter().map(|s| s.describes).collect::<BTreeSet<_>>();
                let (wx, wy) = (when(&xs), when(&ys));
                let apart = wx.is_disjoint(&wy) && wx.union(&wy).count() >= 2;
                if let (true, Some(x), Some(y)) = (apart, xs.first(), ys.first()) {
                    out.push(mixed(x, &xs, y, &ys));
                }
            }
        }
    }
    out
}

fn list(xs: &[&Statement], en: bool) -> String {
    xs.iter()
        .map(|s| cite(s, en))
        .collect::<Vec<_>>()
        .join(", ")
}

fn mixed(x: &Statement, xs: &[&Statement], y: &Statement, ys: &[&Statement]) -> StatementFinding {
    let on: Vec<&Statement> = xs.iter().chain(ys).copied().collect();
    let values = on.iter().filter_map(|s| keys::count(s)).collect();
    StatementFinding::new(
        "definitions_mixed",
        Severity::Warning,
        &on,
        values,
        format!(
            "{}{} count {}, but {} count {}: different definitions, not one series; the \
             figures cannot be read as a rise or a fall from one to the other",
            region_prefix(x),
            list(xs, true),
            label(x, true),
            list(ys, true),
            label(y, true)
        ),
        format!(
            "{}{} menghitung {}, sedangkan {} menghitung {}: definisinya berbeda, bukan satu \
             deret; selisihnya bukan kenaikan atau penurunan jumlah koperasi",
            region_prefix(x),
            list(xs, false),
            label(x, false),
            list(ys, false),
            label(y, false)
        ),
    )
}
