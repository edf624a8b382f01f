//! The definitions funnel as data: relations such as `identified <= found <= verified <=
//! in_national_system` or `found + not_found = verified`, checked on the figures of one region,
//! breakdown and date. The list ships embedded (`data/statements/relations.toml`) and can be
//! replaced by the user's own ([`Relations::from_toml`], [`Relations::from_json`]).

use super::finding::{StatementFinding, num};
use super::keys;
use crate::statements::{Definition, Statement};
use crate::stats::checks::Severity;
use crate::stats::period::Period;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The embedded relations (TOML), documented in DOMAIN.md.
pub const RELATIONS_TOML: &str = include_str!("../../../data/statements/relations.toml");

/// How the two sides of a relation compare.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum Op {
    /// The left sum is at most the right sum.
    #[serde(rename = "<=")]
    AtMost,
    /// The two sums are equal.
    #[serde(rename = "=")]
    Equal,
}

/// One relation: `sum(left) op sum(right)`, with why it holds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Relation {
    /// Stable name (`found_plus_not_found_eq_verified`).
    pub id: String,
    /// Definitions summed on the left.
    pub left: Vec<Definition>,
    /// How the sums compare.
    pub op: Op,
    /// Definitions summed on the right.
    pub right: Vec<Definition>,
    /// Why it holds (rule or source), in words.
    pub source: String,
}

/// A list of relations (`[[relation]]` tables in TOML, `{"relation": [...]}` in JSON).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Relations {
    /// The relations, checked in this order.
    pub relation: Vec<Relation>,
}

/// A relations file that cannot be read (code `relations_invalid`).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("relations file: {why}")]
pub struct RelationsError {
    /// What is wrong (the parser's message, naming the line or key).
    pub why: String,
}

impl RelationsError {
    /// Stable code: `relations_invalid`.
    pub fn code(&self) -> &'static str {
        "relations_invalid"
    }
}

impl Relations {
    /// The embedded list ([`RELATIONS_TOML`]).
    pub fn embedded() -> Relations {
        Relations::from_toml(RELATIONS_TOML).unwrap_or(Relations {
            relation: Vec::new(),
        })
    }

    /// Read a list from TOML. Error: [`RelationsError`] for text that is not such a list (a
    /// definition code not in the vocabulary, an `op` other than `<=` or `=`).
    pub fn from_toml(text: &str) -> Result<Relations, RelationsError> {
        toml::from_str(text).map_err(|e| RelationsError { why: e.to_string() })
    }

    /// Read a list from JSON. Error: as [`Relations::from_toml`].
    pub fn from_json(text: &str) -> Result<Relations, RelationsError> {
        serde_json::from_str(text).map_err(|e| RelationsError { why: e.to_string() })
    }
}

type GroupKey = (Option<String>, Option<(String, String)>, Option<Period>);

/// The counts of one region, breakdown and date, one per definition (a definition given two
/// different figures there is left out: `figures_differ` says so).
fn groups(all: &[Statement]) -> BTreeMap<GroupKey, BTreeMap<Definition, Option<&Statement>>> {
    let mut g: BTreeMap<GroupKey, BTreeMap<Definition, Option<&Statement>>> = BTreeMap::new();
    for s in all.iter().filter(|s| keys::count(s).is_some()) {
        let key = (keys::region(s), keys::breakdown(s), keys::period(s));
        let slot = g
            .entry(key)
            .or_default()
            .entry(s.definition.clone())
            .or_insert(Some(s));
        if slot.is_some_and(|x| keys::count(x) != keys::count(s)) {
            *slot = None;
        }
    }
    g
}

/// One `relation_broken` error per relation that the figures of one region, breakdown and
/// date do not satisfy. Values: the left sum, the right sum. `measure` is the relation's id.
pub fn check_relations(all: &[Statement], relations: &Relations) -> Vec<StatementFinding> {
    let mut out = Vec::new();
    for defs in groups(all).values() {
        for r in &relations.relation {
            let side = |ds: &[Definition]| -> Option<Vec<&Statement>> {
                ds.iter().map(|d| defs.get(d).copied().flatten()).collect()
            };
            let (Some(l), Some(rt)) = (side(&r.left), side(&r.right)) else {
                continue;
            };
            let sum = |xs: &[&Statement]| {
                xs.iter()
                    .filter_map(|s| keys::count(s))
                    .fold(0i64, i64::saturating_add)
            };
            let (a, b) = (sum(&l), sum(&rt));
            let holds = match r.op {
                Op::AtMost => a <= b,
                Op::Equal => a == b,
            };
            if !holds {
                out.push(broken(r, &l, &rt, a, b));
            }
        }
    }
    out
}

fn side_text(xs: &[&Statement], en: bool) -> String {
    xs.iter()
        .map(|s| {
            let label = if en {
                s.definition.label_en()
            } else {
                s.definition.label_id()
            };
            format!("{} {}", label.to_lowercase(), super::finding::cite(s, en))
        })
        .collect::<Vec<_>>()
        .join(" + ")
}

fn broken(r: &Relation, l: &[&Statement], rt: &[&Statement], a: i64, b: i64) -> StatementFinding {
    let on: Vec<&Statement> = l.iter().chain(rt).copied().collect();
    let op = match r.op {
        Op::AtMost => "<=",
        Op::Equal => "=",
    };
    let prefix = on
        .first()
        .map_or(String::new(), |s| super::finding::region_prefix(s));
    let gap = a.saturating_sub(b);
    // `x = 563` only for a sum of several figures.
    let sum = |xs: &[&Statement], n: i64, en: bool| {
        if xs.len() > 1 {
            format!(" = {}", num(n, en))
        } else {
            String::new()
        }
    };
    StatementFinding::new(
        "relation_broken",
        Severity::Error,
        &on,
        vec![a, b],
        format!(
            "{prefix}{}{} but {}{} (gap {gap:+}): the relation {} `{op}` does not hold ({})",
            side_text(l, true),
            sum(l, a, true),
            side_text(rt, true),
            sum(rt, b, true),
            r.id,
            r.source
        ),
        format!(
            "{prefix}{}{} tetapi {}{} (selisih {gap:+}): hubungan {} `{op}` tidak terpenuhi",
            side_text(l, false),
            sum(l, a, false),
            side_text(rt, false),
            sum(rt, b, false),
            r.id
        ),
    )
    .with_measure(&r.id)
}
