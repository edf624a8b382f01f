//! Definition sensitivity: the same register under several status policies, as of one date.
//!
//! An office that publishes "aktif" under one reading and compares with a neighbour who used
//! another compares different things (DOMAIN.md 9.1). [`compare_policies`] gives the counts
//! under each policy and, for each pair of policies, the cross table of statuses and the
//! cooperatives that change status, grouped by why: the RAT pattern of the last book years
//! (e.g. "RAT held for 2 of the last 3 book years"), the business activity, and the deciding
//! reason under each policy. The groups of a pair explain its count differences coop by coop:
//! for each status, `to` count − `from` count = coops changing into it − coops changing out.

use super::{REASONS, RatFacts, Status, StatusPolicy, assess, assess_status, business, rat_facts};
use crate::cooperative::Koperasi;
use crate::error::PolicyError;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashSet};

/// The result of [`compare_policies`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PolicyComparison {
    /// The date assessed.
    pub as_of: NaiveDate,
    /// Number of records assessed (every record of the register).
    pub records: u64,
    /// The counts under each policy, in the order given.
    pub policies: Vec<PolicyCounts>,
    /// Every pair of policies `(i, j)` with `i < j`, in the order given.
    pub pairs: Vec<PairComparison>,
}

/// The counts by status under one policy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PolicyCounts {
    /// The policy's name.
    pub policy: String,
    /// Its source ([`StatusPolicy::source`]).
    pub source: String,
    /// Records per status; every [`Status`] is present (0 when none).
    pub counts: BTreeMap<Status, u64>,
}

/// Two policies side by side.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PairComparison {
    /// The first policy's name.
    pub from: String,
    /// The second policy's name.
    pub to: String,
    /// Records with the same status under both.
    pub same: u64,
    /// Records whose status differs.
    pub changed: u64,
    /// The cross table: every non-empty cell `(status under from, status under to)`, in the
    /// order of [`Status::ALL`] (diagonal cells included).
    pub cross: Vec<CrossCell>,
    /// The records that change status, grouped by why; largest group first (ties: by
    /// statuses, then signature).
    pub changes: Vec<ChangeGroup>,
}

/// One cell of a cross table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CrossCell {
    /// Status under the first policy.
    pub from_status: Status,
    /// Status under the second policy.
    pub to_status: Status,
    /// Number of records.
    pub count: u64,
}

/// Records that change status between two policies for the same reason signature.
///
/// The RAT pattern is read over the last `rat_window` book years (the longer window of the two
/// policies, ending where the first policy's window ends: the latest book year whose RAT is due
/// or held).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ChangeGroup {
    /// Status under the first policy.
    pub from_status: Status,
    /// Status under the second policy.
    pub to_status: Status,
    /// Deciding reason code under the first policy (e.g. `rat_within_window`).
    pub from_reason: String,
    /// Deciding reason code under the second policy (e.g. `rat_missing_for_year`).
    pub to_reason: String,
    /// Book years the RAT pattern is read over.
    pub rat_window: u32,
    /// Of those, the book years required of the cooperative (founded by then; all when the
    /// founding is unknown).
    pub rat_required: u32,
    /// Book years of the window with an RAT counted as held.
    pub rat_held: u32,
    /// Required book years the record does not say anything about (no RAT, not covered).
    pub rat_unknown: u32,
    /// Business running (`true`), known not running (`false`), or unknown (`None`), read as
    /// [`StatusPolicy::require_business_activity`] reads it, when it matters to the change: a
    /// deciding reason is `no_business_activity`, or the status is `active` under a policy
    /// that requires business activity. `None` otherwise.
    pub business: Option<bool>,
    /// The signature in English, e.g. `RAT held for 2 of the last 3 book years; business
    /// unknown; active under national (RAT held within the window) -> inactive under
    /// permenkop_25_2015 (No RAT for a book year)`.
    pub signature: String,
    /// The same in Indonesian.
    pub signature_id: String,
    /// Number of records.
    pub count: u64,
    /// Their 0-based positions in the register, ascending.
    pub records: Vec<u64>,
}

/// The group key: everything of a [`ChangeGroup`] but the texts, count and records.
type Key = (
    Status,
    Status,
    String,
    String,
    u32,
    u32,
    u32,
    u32,
    Option<bool>,
);

/// Compare `policies` on `records` as of `as_of` (see the module documentation): a
/// [`PolicyComparer`] given every record.
///
/// Errors: [`PolicyError::Invalid`] (field `policies`) when none is given or two share a name,
/// or the first invalid parameter of a policy ([`StatusPolicy::validate`]).
pub fn compare_policies(
    records: &[Koperasi],
    as_of: NaiveDate,
    policies: &[StatusPolicy],
) -> Result<PolicyComparison, PolicyError> {
    let mut c = PolicyComparer::new(as_of, policies)?;
    for (i, k) in records.iter().enumerate() {
        c.add(i, k);
    }
    Ok(c.finish())
}

/// [`compare_policies`] one record at a time, without holding the register (as
/// [`crate::report::RegisterReportBuilder`] does): per record it keeps only its position in
/// the groups it changes in.
pub struct PolicyComparer {
    as_of: NaiveDate,
    policies: Vec<StatusPolicy>,
    /// `(i, j, pattern)` of every pair `i < j`, in the order given.
    pairs: Vec<(usize, usize, Pattern)>,
    records: u64,
    /// Records per status, by policy.
    counts: Vec<BTreeMap<Status, u64>>,
    /// Cross table cells, by pair.
    cells: Vec<BTreeMap<(Status, Status), u64>>,
    /// Positions of the records that change, by pair and group key.
    groups: Vec<BTreeMap<Key, Vec<u64>>>,
}

impl PolicyComparer {
    /// An empty comparison of `policies` as of `as_of`.
    ///
    /// Errors: those of [`compare_policies`].
    pub fn new(as_of: NaiveDate, policies: &[StatusPolicy]) -> Result<Self, PolicyError> {
        check_policies(policies)?;
        let mut pairs = Vec::new();
        for (i, a) in policies.iter().enumerate() {
            for (j, b) in policies.iter().enumerate().skip(i + 1) {
                pairs.push((i, j, Pattern::new(a, b)));
            }
        }
        let zero: BTreeMap<Status, u64> = Status::ALL.iter().map(|s| (*s, 0)).collect();
        Ok(PolicyComparer {
            as_of,
            policies: policies.to_vec(),
            records: 0,
            counts: vec![zero; policies.len()],
            cells: vec![BTreeMap::new(); pairs.len()],
            groups: vec![BTreeMap::new(); pairs.len()],
            pairs,
        })
    }

    /// Count the record at position `index` of the register (records may come in any order).
    pub fn add(&mut self, index: usize, k: &Koperasi) {
        self.records += 1;
        let statuses: Vec<Status> = self
            .policies
            .iter()
            .map(|p| assess_status(k, self.as_of, p))
            .collect();
        for (s, counts) in statuses.iter().zip(&mut self.counts) {
            *counts.entry(*s).or_default() += 1;
        }
        let pairs = self.pairs.iter().zip(&mut self.cells).zip(&mut self.groups);
        for (((i, j, pattern), cells), groups) in pairs {
            let (Some(x), Some(y)) = (statuses.get(*i), statuses.get(*j)) else {
                continue;
            };
            *cells.entry((*x, *y)).or_default() += 1;
            if x != y {
                let (Some(a), Some(b)) = (self.policies.get(*i), self.policies.get(*j)) else {
                    continue;
                };
                groups
                    .entry(pattern.key(k, self.as_of, (a, b)))
                    .or_default()
                    .push(index as u64);
            }
        }
    }

    /// The comparison of the records added.
    pub fn finish(self) -> PolicyComparison {
        let policies = self
            .policies
            .iter()
            .zip(self.counts)
            .map(|(p, counts)| PolicyCounts {
                policy: p.name.clone(),
                source: p.source.clone(),
                counts,
            })
            .collect();
        let mut pairs = Vec::new();
        let all = self.pairs.iter().zip(self.cells).zip(self.groups);
        for (((i, j, _), cells), groups) in all {
            if let (Some(a), Some(b)) = (self.policies.get(*i), self.policies.get(*j)) {
                pairs.push(pair((a, b), self.records, cells, groups));
            }
        }
        PolicyComparison {
            as_of: self.as_of,
            records: self.records,
            policies,
            pairs,
        }
    }
}

fn check_policies(policies: &[StatusPolicy]) -> Result<(), PolicyError> {
    let invalid = |why: String| PolicyError::Invalid {
        field: "policies".into(),
        why,
    };
    if policies.is_empty() {
        return Err(invalid(
            "give at least one policy, e.g. national, office, permenkop_25_2015".into(),
        ));
    }
    let mut seen = HashSet::new();
    for p in policies {
        p.validate()?;
        if !seen.insert(p.name.as_str()) {
            return Err(invalid(format!(
                "two policies are named `{}`; give each a distinct name",
                p.name
            )));
        }
    }
    Ok(())
}

fn pair(
    (a, b): (&StatusPolicy, &StatusPolicy),
    records: u64,
    cells: BTreeMap<(Status, Status), u64>,
    groups: BTreeMap<Key, Vec<u64>>,
) -> PairComparison {
    let same = cells
        .iter()
        .filter(|((x, y), _)| x == y)
        .map(|(_, n)| n)
        .sum();
    let mut changes: Vec<ChangeGroup> = groups
        .into_iter()
        .map(|(key, mut recs)| {
            recs.sort_unstable();
            group(key, recs, (a, b))
        })
        .collect();
    changes.sort_by_key(|g| std::cmp::Reverse(g.count));
    PairComparison {
        from: a.name.clone(),
        to: b.name.clone(),
        same,
        changed: records.saturating_sub(same),
        cross: cells
            .into_iter()
            .map(|((from_status, to_status), count)| CrossCell {
                from_status,
                to_status,
                count,
            })
            .collect(),
        changes,
    }
}

/// How the RAT pattern and business of a record are read for a pair.
struct Pattern {
    /// The first policy with the longer window of the two.
    policy: StatusPolicy,
}

impl Pattern {
    fn new(a: &StatusPolicy, b: &StatusPolicy) -> Pattern {
        let mut policy = a.clone();
        policy.rat_window_years = a.rat_window_years.max(b.rat_window_years);
        Pattern { policy }
    }

    fn key(&self, k: &Koperasi, as_of: NaiveDate, (a, b): (&StatusPolicy, &StatusPolicy)) -> Key {
        let f = rat_facts(k, as_of, &self.policy);
        let (window, required, held, unknown) = rat_pattern(k, &f, self.policy.rat_deadline_months);
        let (ra, rb) = (assess(k, as_of, a), assess(k, as_of, b));
        let code = |r: &super::Assessment| r.reasons.first().map(|x| x.code.clone());
        let (ca, cb) = (code(&ra).unwrap_or_default(), code(&rb).unwrap_or_default());
        let business = if business_matters((a, ra.status, &ca), (b, rb.status, &cb)) {
            business::business(k, as_of, &self.policy, &f).map(|x| x.running)
        } else {
            None
        };
        (
            ra.status, rb.status, ca, cb, window, required, held, unknown, business,
        )
    }
}

/// Whether business activity matters to a change: a deciding reason is `no_business_activity`,
/// or a policy that requires business activity gives `active`.
fn business_matters(
    (a, sa, ca): (&StatusPolicy, Status, &str),
    (b, sb, cb): (&StatusPolicy, Status, &str),
) -> bool {
    let one = |p: &StatusPolicy, s: Status, c: &str| {
        c == "no_business_activity" || (p.require_business_activity && s == Status::Active)
    };
    one(a, sa, ca) || one(b, sb, cb)
}

/// `(window years, required, held, unknown)` of the RAT window of `f`, RATs being due `months`
/// months after their book year.
fn rat_pattern(k: &Koperasi, f: &RatFacts, months: u32) -> (u32, u32, u32, u32) {
    let Some((s, e)) = f.window else {
        return (0, 0, 0, 0);
    };
    let first = f.first_required.map_or(s, |fr| fr.max(s));
    let window = u32::try_from(i64::from(e) - i64::from(s) + 1).unwrap_or(0);
    let required = u32::try_from((i64::from(e) - i64::from(first) + 1).max(0)).unwrap_or(0);
    let held = f.held_in_window.count_ones();
    let unknown = (first..=e).filter(|y| !f.year_known(k, *y, months)).count();
    (window, required, held, u32::try_from(unknown).unwrap_or(0))
}

/// A reason code's label (English, Indonesian).
fn reason_label(code: &str) -> (&'static str, &'static str) {
    REASONS
        .iter()
        .find(|(c, _, _)| *c == code)
        .map_or(("", ""), |(_, id, en)| (*en, *id))
}

fn group(key: Key, records: Vec<u64>, (a, b): (&StatusPolicy, &StatusPolicy)) -> ChangeGroup {
    let (from_status, to_status, from_reason, to_reason, window, required, held, unknown, biz) =
        key;
    let says_business =
        business_matters((a, from_status, &from_reason), (b, to_status, &to_reason));
    let mut en = format!("RAT held for {held} of the last {window} book years");
    let mut id = format!("RAT diadakan untuk {held} dari {window} tahun buku terakhir");
    if required < window {
        let n = window - required;
        en.push_str(&format!("; {n} before the founding year"));
        id.push_str(&format!("; {n} sebelum tahun pendirian"));
    }
    if unknown > 0 {
        en.push_str(&format!("; {unknown} unknown"));
        id.push_str(&format!("; {unknown} tidak diketahui"));
    }
    if says_business {
        let (x, y) = match biz {
            Some(true) => ("business running", "usaha berjalan"),
            Some(false) => ("no business activity", "tidak ada kegiatan usaha"),
            None => ("business unknown", "kegiatan usaha tidak diketahui"),
        };
        en.push_str(&format!("; {x}"));
        id.push_str(&format!("; {y}"));
    }
    let ((fa_en, fa_id), (fb_en, fb_id)) = (reason_label(&from_reason), reason_label(&to_reason));
    en.push_str(&format!(
        "; {} under {} ({fa_en}) -> {} under {} ({fb_en})",
        from_status.label_en().to_lowercase(),
        a.name,
        to_status.label_en().to_lowercase(),
        b.name
    ));
    id.push_str(&format!(
        "; {} menurut {} ({fa_id}) -> {} menurut {} ({fb_id})",
        from_status.label_id(),
        a.name,
        to_status.label_id(),
        b.name
    ));
    ChangeGroup {
        from_status,
        to_status,
        from_reason,
        to_reason,
        rat_window: window,
        rat_required: required,
        rat_held: held,
        rat_unknown: unknown,
        business: biz,
        signature: en,
        signature_id: id,
        count: records.len() as u64,
        records,
    }
}
