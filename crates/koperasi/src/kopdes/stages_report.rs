//! Progress of KDMP/KKMP through their stages as of a date: the funnel (how many reached each
//! stage, overall and by region), the time between stages (median days), and the stalled
//! cooperatives (a stage reached, the next not within the days of a [`StallPreset`]).

use super::stages::{Mark, Stage, stage_marks};
use super::stages_preset::{StallPreset, StallStep};
use crate::cooperative::Koperasi;
use crate::register::{Field, record_key};
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::BTreeMap;

/// How many cooperatives reached one stage by the as-of date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct StageCount {
    /// The stage.
    pub stage: Stage,
    /// Cooperatives that reached it on or before the as-of date, or on an unknown date.
    pub reached: u64,
    /// Of `reached`, those whose date is not known (counted at any as-of date).
    pub undated: u64,
    /// True when at least one record has a fact for the stage (any date, reached or not). A
    /// stage no record speaks of (the file has no column for it) is not known, not "0 reached".
    pub covered: bool,
}

/// The funnel of one region.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct FunnelRow {
    /// The region key ([`crate::register::record_key`] of the breakdown field); `None` for
    /// records whose region is not known.
    pub region: Option<String>,
    /// Cooperatives in the region.
    pub coops: u64,
    /// One count per stage of [`Stage::ALL`], in that order.
    pub stages: Vec<StageCount>,
}

/// Days from one stage to the next among the cooperatives that reached both, with dates, by
/// the as-of date.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct StepDuration {
    /// The earlier stage.
    pub from: Stage,
    /// The later stage.
    pub to: Stage,
    /// Cooperatives with both dates (on or before the as-of date), including out of order.
    pub n: u64,
    /// Median of the days `to - from` over the `n` (the mean of the two middle values when `n`
    /// is even, as pandas computes it); `None` when `n` is 0.
    pub median_days: Option<f64>,
    /// Shortest and longest, in days.
    pub min_days: Option<i64>,
    /// Longest, in days.
    pub max_days: Option<i64>,
    /// Of `n`, those whose later stage is dated before the earlier one (a data error to check).
    pub out_of_order: u64,
}

/// A cooperative stalled at one step: `from` reached on `since`, `to` not reached by the
/// as-of date, more than `allowed_days` later.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Stalled {
    /// Index of the record in the input.
    pub index: usize,
    /// 1-based line of the source file, when read from a file.
    pub line: Option<u64>,
    /// Name of the cooperative.
    pub name: String,
    /// The region key, as in the funnel.
    pub region: Option<String>,
    /// The stage reached.
    pub from: Stage,
    /// The stage not reached.
    pub to: Stage,
    /// When `from` was reached.
    pub since: NaiveDate,
    /// Days from `since` to the as-of date.
    pub days_waiting: i64,
    /// Days the preset allows for the step.
    pub allowed_days: u32,
}

/// Stalled cooperatives at one step.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct StallCount {
    /// The step.
    pub step: StallStep,
    /// Cooperatives stalled at it.
    pub stalled: u64,
    /// Cooperatives that reached `from` on an unknown date and not `to`: whether they are
    /// stalled cannot be told.
    pub undated: u64,
    /// False when no record has a fact for `to` (the file has no column for it): no coop is
    /// judged stalled at the step, and `stalled` and `undated` are 0.
    pub covered: bool,
}

/// Everything [`stages_report`] computes.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct StagesReport {
    /// The as-of date.
    pub as_of: NaiveDate,
    /// The breakdown of `by_region`, if any.
    pub by: Option<Field>,
    /// Cooperatives counted.
    pub coops: u64,
    /// Cooperatives with no stage fact at all (the file has no stage columns for them).
    pub without_facts: u64,
    /// The funnel over all cooperatives (one count per stage of [`Stage::ALL`]).
    pub funnel: Vec<StageCount>,
    /// The funnel by region (sorted by key, unknown first); empty without a breakdown.
    pub by_region: Vec<FunnelRow>,
    /// Days between stages, one per step of the preset.
    pub durations: Vec<StepDuration>,
    /// The preset's name.
    pub preset: String,
    /// Stalled cooperatives per step of the preset.
    pub stall_counts: Vec<StallCount>,
    /// The stalled cooperatives, by step then input order.
    pub stalled: Vec<Stalled>,
}

/// The funnel, durations and stalled cooperatives of `records` as of `as_of`, optionally by
/// a region field (`by`: provinsi, kab/kota, kecamatan or desa), with the steps and days of
/// `preset`. Facts dated after `as_of` are not counted; undated facts are counted at any date
/// and reported as undated. Runs in one pass over the records.
pub fn stages_report(
    records: &[Koperasi],
    as_of: NaiveDate,
    by: Option<Field>,
    preset: &StallPreset,
) -> StagesReport {
    let mut funnel = Tally::default();
    let mut regions: BTreeMap<Option<String>, Tally> = BTreeMap::new();
    let mut days: Vec<Vec<i64>> = vec![Vec::new(); preset.steps.len()];
    let mut stall_counts: Vec<StallCount> = preset
        .steps
        .iter()
        .map(|s| StallCount {
            step: *s,
            stalled: 0,
            undated: 0,
            covered: true,
        })
        .collect();
    let mut stalled: Vec<Vec<Stalled>> = vec![Vec::new(); preset.steps.len()];
    let mut without_facts = 0u64;
    for (index, k) in records.iter().enumerate() {
        let facts = stage_marks(k);
        without_facts += u64::from(facts.iter().all(Option::is_none));
        funnel.add(&facts, as_of);
        let region = by.and_then(|f| record_key(k, f));
        if by.is_some() {
            regions
                .entry(region.clone())
                .or_default()
                .add(&facts, as_of);
        }
        for (i, step) in preset.steps.iter().enumerate() {
            let mark = |s: Stage| facts.get(s as usize).copied().flatten();
            let from = mark(step.from).filter(|f| f.reached_by(as_of));
            let to = mark(step.to).filter(|f| f.reached_by(as_of));
            match (from.map(|f| f.date), to.map(|f| f.date)) {
                (Some(Some(a)), Some(Some(b))) => {
                    if let Some(v) = days.get_mut(i) {
                        v.push((b - a).num_days());
                    }
                }
                (Some(None), None) => {
                    if let Some(c) = stall_counts.get_mut(i) {
                        c.undated += 1;
                    }
                }
                (Some(Some(since)), None) => {
                    let waiting = (as_of - since).num_days();
                    if waiting > i64::from(step.days) {
                        if let (Some(c), Some(list)) = (stall_counts.get_mut(i), stalled.get_mut(i))
                        {
                            c.stalled += 1;
                            list.push(Stalled {
                                index,
                                line: k.source_line,
                                name: k.name.clone(),
                                region: region.clone().or_else(|| region_of(k)),
                                from: step.from,
                                to: step.to,
                                since,
                                days_waiting: waiting,
                                allowed_days: step.days,
                            });
                        }
                    }
                }
                _ => {}
            }
        }
    }
    // A step towards a stage no record speaks of is not judged.
    for (c, list) in stall_counts.iter_mut().zip(stalled.iter_mut()) {
        c.covered = funnel.covers(c.step.to);
        if !c.covered {
            (c.stalled, c.undated) = (0, 0);
            list.clear();
        }
    }
    let covered = funnel.seen;
    StagesReport {
        as_of,
        by,
        coops: funnel.coops,
        without_facts,
        funnel: funnel.counts(&covered),
        by_region: regions
            .into_iter()
            .map(|(region, t)| FunnelRow {
                region,
                coops: t.coops,
                stages: t.counts(&covered),
            })
            .collect(),
        durations: preset
            .steps
            .iter()
            .zip(days)
            .map(|(s, d)| duration(s, d))
            .collect(),
        preset: preset.name.clone(),
        stall_counts,
        stalled: stalled.into_iter().flatten().collect(),
    }
}

/// The most precise region written on the record (for the stalled list without a breakdown).
fn region_of(k: &Koperasi) -> Option<String> {
    [
        Field::Desa,
        Field::Kecamatan,
        Field::KabKota,
        Field::Provinsi,
    ]
    .into_iter()
    .find_map(|f| record_key(k, f))
}

/// Counts of one funnel: (reached, undated) per stage of [`Stage::ALL`], and whether any
/// record has a fact for it.
#[derive(Default)]
struct Tally {
    coops: u64,
    reached: [u64; Stage::ALL.len()],
    undated: [u64; Stage::ALL.len()],
    seen: [bool; Stage::ALL.len()],
}

impl Tally {
    fn covers(&self, s: Stage) -> bool {
        self.seen.get(s as usize).copied().unwrap_or(false)
    }

    fn add(&mut self, facts: &[Option<Mark>], as_of: NaiveDate) {
        self.coops += 1;
        for (i, f) in facts.iter().enumerate() {
            let Some(f) = f else { continue };
            if let Some(x) = self.seen.get_mut(i) {
                *x = true;
            }
            if !f.reached_by(as_of) {
                continue;
            }
            if let Some(n) = self.reached.get_mut(i) {
                *n += 1;
            }
            if let (None, Some(n)) = (f.date, self.undated.get_mut(i)) {
                *n += 1;
            }
        }
    }

    /// The counts, with `covered` from the whole funnel's `seen`.
    fn counts(&self, covered: &[bool]) -> Vec<StageCount> {
        Stage::ALL
            .iter()
            .zip(self.reached.iter().zip(&self.undated))
            .zip(covered)
            .map(|((s, (r, u)), c)| StageCount {
                stage: *s,
                reached: *r,
                undated: *u,
                covered: *c,
            })
            .collect()
    }
}

fn duration(step: &StallStep, mut d: Vec<i64>) -> StepDuration {
    d.sort_unstable();
    let n = d.len();
    let median_days = match n {
        0 => None,
        _ if n % 2 == 1 => d.get(n / 2).map(|x| *x as f64),
        _ => match (d.get(n / 2 - 1), d.get(n / 2)) {
            (Some(a), Some(b)) => Some((*a + *b) as f64 / 2.0),
            _ => None,
        },
    };
    StepDuration {
        from: step.from,
        to: step.to,
        n: n as u64,
        median_days,
        min_days: d.first().copied(),
        max_days: d.last().copied(),
        out_of_order: d.iter().filter(|x| **x < 0).count() as u64,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kopdes::StageFact;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap_or(NaiveDate::MIN)
    }

    #[test]
    fn funnel_durations_and_stalls() {
        let mut a = Koperasi::new("Koperasi Desa Merah Putih A");
        a.stages = vec![
            StageFact::reached(Stage::Akta, Some(d(2025, 6, 1))),
            StageFact::reached(Stage::SkAhu, Some(d(2025, 6, 21))),
        ];
        let mut b = Koperasi::new("Koperasi Desa Merah Putih B");
        b.stages = vec![StageFact::reached(Stage::Akta, Some(d(2025, 6, 1)))];
        let mut c = Koperasi::new("Koperasi Desa Merah Putih C");
        c.stages = vec![
            StageFact::reached(Stage::Akta, None),
            StageFact::reached(Stage::SkAhu, Some(d(2025, 9, 1))),
        ];
        let preset = StallPreset::default_preset().unwrap();
        let r = stages_report(&[a, b, c], d(2025, 8, 1), None, &preset);
        let akta = r.funnel.iter().find(|s| s.stage == Stage::Akta).unwrap();
        assert_eq!((akta.reached, akta.undated), (3, 1));
        let sk = r.funnel.iter().find(|s| s.stage == Stage::SkAhu).unwrap();
        assert_eq!(sk.reached, 1, "C's SK is dated after the as-of date");
        let step = r
            .durations
            .iter()
            .find(|s| s.from == Stage::Akta && s.to == Stage::SkAhu)
            .unwrap();
        assert_eq!((step.n, step.median_days), (1, Some(20.0)));
        // B waits 61 days for its SK (30 allowed); C's akta has no date; A waits 41 days for
        // its NIB, NPWP and bank account, but no record speaks of them: not judged.
        assert_eq!(r.stalled.len(), 1, "{:?}", r.stalled);
        let b_stall = r.stalled.iter().find(|s| s.to == Stage::SkAhu).unwrap();
        assert_eq!((b_stall.index, b_stall.days_waiting), (1, 61));
        let count = r
            .stall_counts
            .iter()
            .find(|c| c.step.to == Stage::SkAhu)
            .unwrap();
        assert_eq!((count.stalled, count.undated), (1, 1));
        // No record speaks of the NIB: the step towards it is not judged, the stage not known.
        let nib = r
            .stall_counts
            .iter()
            .find(|c| c.step.to == Stage::Nib)
            .unwrap();
        assert_eq!((nib.covered, nib.stalled), (false, 0));
        assert!(
            !r.funnel
                .iter()
                .find(|c| c.stage == Stage::Nib)
                .unwrap()
                .covered
        );
        assert!(
            r.funnel
                .iter()
                .find(|c| c.stage == Stage::Akta)
                .unwrap()
                .covered
        );
    }
}
