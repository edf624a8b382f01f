//! Which bases and savings kinds the members provide, checked against the plan before anything
//! is shared (a misspelt base must not leave a pool silently undistributed).

use super::members::Member;
use super::plan::{AllocationPlan, CAPITAL};
use crate::error::ShuError;
use std::collections::BTreeSet;

/// Savings kinds that a plan may count as capital even when no member column gives them: the
/// statutory simpanan pokok and wajib (UU 25/1992 art. 41), the default `capital_savings`. A
/// register that keeps only one of them (or both in one column) is common, so their absence is
/// reported by [`shu_check_bases`] rather than refused, as long as some listed kind exists.
pub const STATUTORY_SAVINGS: [&str; 2] = ["pokok", "wajib"];

/// The savings kinds and transaction bases a member list provides: every key of any member's
/// `savings` / `transactions` map (a member file gives every column it has, also for members
/// whose cell is blank: [`super::read_members`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ProvidedBases {
    /// Savings kinds (`pokok`, `wajib`, `sukarela`, ...).
    pub savings: BTreeSet<String>,
    /// Transaction bases (`purchases`, `sales`, `loans`, `interest`, ...).
    pub transactions: BTreeSet<String>,
}

impl ProvidedBases {
    /// The union of the members' map keys.
    pub fn of(members: &[Member]) -> ProvidedBases {
        let mut p = ProvidedBases::default();
        for m in members {
            p.savings.extend(m.savings.keys().cloned());
            p.transactions.extend(m.transactions.keys().cloned());
        }
        p
    }
}

fn list(names: impl IntoIterator<Item = String>) -> String {
    let v: Vec<String> = names.into_iter().collect();
    if v.is_empty() {
        "none".into()
    } else {
        v.join(", ")
    }
}

/// `; did you mean `x`?` for the closest candidate within a small edit distance.
fn suggestion<'a>(name: &str, candidates: impl IntoIterator<Item = &'a str>) -> String {
    let name = name.trim().to_lowercase();
    candidates
        .into_iter()
        .map(|c| (crate::wilayah::edit_distance(&name, &c.to_lowercase()), c))
        .filter(|(d, c)| *d <= 2 || d * 3 <= c.chars().count())
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| format!("; did you mean `{c}`?"))
        .unwrap_or_default()
}

/// Check that every member pool's base, and every savings kind counted as `capital`, is
/// provided by the members (docs/DOMAIN.md 3.6). Returns the statutory kinds
/// ([`STATUTORY_SAVINGS`]) in `capital_savings` that no member provides, for a warning (e.g. a
/// register without a simpanan pokok column); empty when all are there.
///
/// With no members at all there is nothing to check against: `Ok` (every pool is then
/// undistributed with reason `zero_total_base`).
///
/// Errors: [`ShuError::UnknownBase`] naming the base or kind, what the members have, and a
/// close name when there is one: a transaction base no member has (`base = "intrest"`), a
/// non-statutory savings kind no member has (`capital_savings = ["pokok", "wajbi"]`), or a
/// `capital` pool none of whose kinds any member has.
pub fn shu_check_bases(plan: &AllocationPlan, members: &[Member]) -> Result<Vec<String>, ShuError> {
    if members.is_empty() {
        return Ok(Vec::new());
    }
    let has_savings = |k: &str| members.iter().any(|m| m.savings.contains_key(k));
    let has_tx = |k: &str| members.iter().any(|m| m.transactions.contains_key(k));
    let mut missing_statutory = Vec::new();
    let mut capital_checked = false;
    for line in plan.pools() {
        let Some(base) = line.base.as_deref() else {
            continue;
        };
        if base == CAPITAL {
            if capital_checked {
                continue;
            }
            capital_checked = true;
            let mut any = false;
            for kind in &plan.capital_savings {
                if has_savings(kind) {
                    any = true;
                } else if STATUTORY_SAVINGS.contains(&kind.as_str()) {
                    missing_statutory.push(kind.clone());
                } else {
                    return Err(unknown_kind(kind, members));
                }
            }
            if !any {
                let kind = plan.capital_savings.first().cloned().unwrap_or_default();
                return Err(unknown_kind(&kind, members));
            }
        } else if !has_tx(base) {
            let p = ProvidedBases::of(members);
            let mut candidates: Vec<&str> = p.transactions.iter().map(String::as_str).collect();
            candidates.push(CAPITAL);
            let suggestion = suggestion(base, candidates);
            return Err(ShuError::UnknownBase {
                what: format!("base of pool `{}`", line.component),
                name: base.to_string(),
                available: format!(
                    "transaction bases {} (and `capital`: savings {})",
                    list(p.transactions),
                    list(p.savings)
                ),
                suggestion,
            });
        }
    }
    Ok(missing_statutory)
}

fn unknown_kind(kind: &str, members: &[Member]) -> ShuError {
    let p = ProvidedBases::of(members);
    let suggestion = suggestion(kind, p.savings.iter().map(String::as_str));
    ShuError::UnknownBase {
        what: "savings kind in capital_savings".into(),
        name: kind.to_string(),
        available: format!("savings kinds {}", list(p.savings)),
        suggestion,
    }
}
