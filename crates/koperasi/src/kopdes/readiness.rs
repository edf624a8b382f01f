//! Loan readiness of KDMP/KKMP: a checklist ([`Checklist`], by default the preconditions of
//! PMK 49/2025; docs/DOMAIN.md 10.2) checked against each cooperative's stage
//! facts, with the items missing, and counts overall and by region.

use super::stages::{Stage, stage_marks};
use super::stages_preset::Checklist;
use crate::cooperative::Koperasi;
use crate::register::{Field, record_key};
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::BTreeMap;

/// The checklist of one cooperative.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CoopReadiness {
    /// Index of the record in the input.
    pub index: usize,
    /// 1-based line of the source file, when read from a file.
    pub line: Option<u64>,
    /// Name of the cooperative.
    pub name: String,
    /// The region key ([`crate::register::record_key`] of the breakdown field, else the most
    /// precise region written).
    pub region: Option<String>,
    /// True when every item is met.
    pub ready: bool,
    /// Codes of the items met, in checklist order.
    pub met: Vec<String>,
    /// Codes of the items missing, in checklist order.
    pub missing: Vec<String>,
}

/// How many cooperatives of a region miss one item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ItemCount {
    /// The item's code.
    pub code: String,
    /// Cooperatives that meet it.
    pub met: u64,
    /// Cooperatives that miss it.
    pub missing: u64,
    /// True when at least one record (of all, not only of this region) has a fact for one of
    /// the item's stages. An item no record speaks of (the file has no column for it) is
    /// missing for every coop, but as "not known", which the output says.
    pub covered: bool,
}

/// Readiness counts of one region (or of all).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ReadinessCount {
    /// The region key; `None` for unknown region (and for the overall row of
    /// [`ReadinessReport::overall`]).
    pub region: Option<String>,
    /// Cooperatives.
    pub coops: u64,
    /// Cooperatives meeting every item.
    pub ready: u64,
    /// One count per checklist item, in order.
    pub items: Vec<ItemCount>,
}

/// Everything [`readiness_report`] computes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ReadinessReport {
    /// Facts dated after this date are not counted; `None`: every fact of the file.
    pub as_of: Option<NaiveDate>,
    /// The checklist's name.
    pub checklist: String,
    /// The breakdown of `by_region`, if any.
    pub by: Option<Field>,
    /// Counts over all cooperatives.
    pub overall: ReadinessCount,
    /// Counts by region (sorted by key, unknown first); empty without a breakdown.
    pub by_region: Vec<ReadinessCount>,
    /// Each cooperative's checklist, in input order.
    pub coops: Vec<CoopReadiness>,
}

impl ReadinessReport {
    /// True when every checklist item has data in the file (some coop has a fact for it).
    /// Otherwise no coop can be shown ready, for want of a column, and `overall.ready` (0) is
    /// not a figure: readiness is not known (a coop missing an item that has data is still
    /// known not ready: [`ReadinessReport::coop_ready`]).
    pub fn known(&self) -> bool {
        self.overall.items.iter().all(|i| i.covered)
    }

    /// False when no checklist item has data at all (the file has no checklist column).
    pub fn any_data(&self) -> bool {
        self.overall.items.iter().any(|i| i.covered)
    }

    /// The codes of the checklist items without data in the file (no column for them?).
    pub fn uncovered(&self) -> Vec<&str> {
        self.overall
            .items
            .iter()
            .filter(|i| !i.covered)
            .map(|i| i.code.as_str())
            .collect()
    }

    /// Whether `coop` is ready: `Some(true)` ready, `Some(false)` missing an item the file has
    /// data for, `None` not known (it misses only items without data in the file).
    pub fn coop_ready(&self, coop: &CoopReadiness) -> Option<bool> {
        if coop.ready {
            return Some(true);
        }
        let uncovered = self.uncovered();
        if coop
            .missing
            .iter()
            .any(|m| !uncovered.contains(&m.as_str()))
        {
            Some(false)
        } else {
            None
        }
    }
}

/// Check each record against `checklist`: an item is met when any of its stages is reached
/// (as of `as_of` when given: dated on or before it, or undated; else any fact).
pub fn readiness_report(
    records: &[Koperasi],
    checklist: &Checklist,
    as_of: Option<NaiveDate>,
    by: Option<Field>,
) -> ReadinessReport {
    let mut overall = counter(None, checklist);
    let mut regions: BTreeMap<Option<String>, ReadinessCount> = BTreeMap::new();
    let mut coops = Vec::with_capacity(records.len());
    let mut seen = [false; Stage::ALL.len()];
    for (index, k) in records.iter().enumerate() {
        let facts = stage_marks(k);
        for (x, f) in seen.iter_mut().zip(&facts) {
            *x |= f.is_some();
        }
        let met_flags: Vec<bool> = checklist
            .items
            .iter()
            .map(|item| {
                item.stages.iter().any(|s| {
                    facts
                        .get(*s as usize)
                        .copied()
                        .flatten()
                        .is_some_and(|f| f.reached && as_of.is_none_or(|d| f.reached_by(d)))
                })
            })
            .collect();
        let region = by.and_then(|f| record_key(k, f));
        add(&mut overall, &met_flags);
        if by.is_some() {
            let row = regions
                .entry(region.clone())
                .or_insert_with(|| counter(region.clone(), checklist));
            add(row, &met_flags);
        }
        let codes = |want: bool| -> Vec<String> {
            checklist
                .items
                .iter()
                .zip(&met_flags)
                .filter(|(_, m)| **m == want)
                .map(|(i, _)| i.code.clone())
                .collect()
        };
        coops.push(CoopReadiness {
            index,
            line: k.source_line,
            name: k.name.clone(),
            region: region.or_else(|| {
                [
                    Field::Desa,
                    Field::Kecamatan,
                    Field::KabKota,
                    Field::Provinsi,
                ]
                .into_iter()
                .find_map(|f| record_key(k, f))
            }),
            ready: met_flags.iter().all(|m| *m),
            met: codes(true),
            missing: codes(false),
        });
    }
    let mut by_region: Vec<ReadinessCount> = regions.into_values().collect();
    for c in std::iter::once(&mut overall).chain(by_region.iter_mut()) {
        for (count, item) in c.items.iter_mut().zip(&checklist.items) {
            count.covered = item
                .stages
                .iter()
                .any(|s| seen.get(*s as usize).copied().unwrap_or(false));
        }
    }
    ReadinessReport {
        as_of,
        checklist: checklist.name.clone(),
        by,
        overall,
        by_region,
        coops,
    }
}

fn counter(region: Option<String>, checklist: &Checklist) -> ReadinessCount {
    ReadinessCount {
        region,
        coops: 0,
        ready: 0,
        items: checklist
            .items
            .iter()
            .map(|i| ItemCount {
                code: i.code.clone(),
                met: 0,
                missing: 0,
                covered: false,
            })
            .collect(),
    }
}

fn add(c: &mut ReadinessCount, met: &[bool]) {
    c.coops += 1;
    c.ready += u64::from(met.iter().all(|m| *m));
    for (item, m) in c.items.iter_mut().zip(met) {
        if *m {
            item.met += 1;
        } else {
            item.missing += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kopdes::StageFact;

    #[test]
    fn missing_items_are_listed() {
        let d = NaiveDate::from_ymd_opt(2025, 8, 1);
        let mut k = Koperasi::new("Koperasi Desa Merah Putih Sukamaju");
        k.tanggal_badan_hukum = d;
        k.stages = [
            Stage::NikKoperasi,
            Stage::BankAccount,
            Stage::Npwp,
            Stage::Nib,
            Stage::BusinessProposal,
        ]
        .into_iter()
        .map(|s| StageFact::reached(s, None))
        .collect();
        let c = Checklist::pmk_49_2025().unwrap();
        let r = readiness_report(&[k.clone()], &c, None, None);
        assert_eq!(r.coops[0].missing, vec!["approval".to_string()]);
        let approval = r
            .overall
            .items
            .iter()
            .find(|i| i.code == "approval")
            .unwrap();
        assert!(!approval.covered, "no record speaks of an approval");
        assert!(r.overall.items[0].covered);
        assert!(!r.coops[0].ready);
        k.stages.push(StageFact::reached(Stage::LoanApproval, d));
        let r = readiness_report(&[k.clone()], &c, None, None);
        assert!(r.coops[0].ready);
        assert_eq!(r.overall.ready, 1);
        // Before the SK date, the legal entity and the approval are missing.
        let early = NaiveDate::from_ymd_opt(2025, 7, 31);
        let r = readiness_report(&[k], &c, early, None);
        assert_eq!(r.coops[0].missing, vec!["legal_entity", "approval"]);
    }
}
