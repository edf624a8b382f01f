//! A stated change ("growth of nine") against the difference of two figures of the same
//! series: same definition, region, breakdown, policy and book year.

use super::finding::{StatementFinding, cite, label, num, region_prefix};
use super::keys;
use crate::statements::Statement;
use crate::stats::checks::Severity;
use std::collections::{BTreeMap, HashMap};

/// One series: its counts with a described period, in order of that period (then of the
/// file), and indexes so that each stated change is checked in about constant time.
struct Series<'a> {
    figures: Vec<&'a Statement>,
    /// Position of each figure (by address).
    position: HashMap<usize, usize>,
    /// First figure describing each end date.
    by_end: BTreeMap<chrono::NaiveDate, usize>,
    /// For each difference between neighbours, the first two steps (their first index).
    steps: HashMap<i64, Vec<usize>>,
}

fn address(s: &Statement) -> usize {
    std::ptr::from_ref(s) as usize
}

impl<'a> Series<'a> {
    fn new(mut figures: Vec<&'a Statement>) -> Series<'a> {
        figures.sort_by_key(|x| (x.describes, x.line));
        let mut series = Series {
            position: HashMap::new(),
            by_end: BTreeMap::new(),
            steps: HashMap::new(),
            figures: Vec::new(),
        };
        for (i, x) in figures.iter().enumerate() {
            series.position.insert(address(x), i);
            if let Some(end) = x.describes.and_then(|p| p.end_date().ok()) {
                series.by_end.entry(end).or_insert(i);
            }
        }
        for (i, w) in figures.windows(2).enumerate() {
            if let [a, b] = w {
                if let Some(d) = keys::count(b).and_then(|b| b.checked_sub(keys::count(a)?)) {
                    let v = series.steps.entry(d).or_default();
                    if v.len() < 2 {
                        v.push(i);
                    }
                }
            }
        }
        series.figures = figures;
        series
    }

    /// The figure the change of `s` is counted from: the one describing `change_from` when
    /// said, else the one before `s`.
    fn start(&self, s: &Statement) -> Option<&'a Statement> {
        let i = match s.change_from {
            Some(from) => *self.by_end.get(&from.end_date().ok()?)?,
            None => self.position.get(&address(s))?.checked_sub(1)?,
        };
        self.figures.get(i).copied()
    }

    /// A step (two neighbours) other than `from -> to` whose difference is `change`.
    fn fitting_step(
        &self,
        change: i64,
        from: &Statement,
        to: &Statement,
    ) -> Option<(&'a Statement, &'a Statement)> {
        self.steps.get(&change)?.iter().find_map(|&i| {
            let (a, b) = (*self.figures.get(i)?, *self.figures.get(i + 1)?);
            (!(std::ptr::eq(a, from) && std::ptr::eq(b, to))).then_some((a, b))
        })
    }
}

/// Every series of `all`, by key.
fn all_series(all: &[Statement]) -> BTreeMap<keys::SeriesKey, Series<'_>> {
    let mut m: BTreeMap<keys::SeriesKey, Vec<&Statement>> = BTreeMap::new();
    for x in all
        .iter()
        .filter(|x| x.describes.is_some() && keys::count(x).is_some())
    {
        m.entry(keys::series(x)).or_default().push(x);
    }
    m.into_iter().map(|(k, v)| (k, Series::new(v))).collect()
}

/// Every statement with a stated change, checked against its series.
///
/// - `stated_change_mismatch` (error) when the stated change is not `to - from`; values: stated,
///   from, to, then the two figures of the step it fits when one does (its statements are then
///   named too). The message says which step it fits, or that none does.
/// - `stated_change_unchecked` (info) when the series has no earlier figure to count from.
pub fn check_stated_changes(all: &[Statement]) -> Vec<StatementFinding> {
    let mut out = Vec::new();
    let mut series_map = None;
    for s in all {
        let (Some(change), Some(to)) = (s.stated_change, keys::count(s)) else {
            continue;
        };
        let map = series_map.get_or_insert_with(|| all_series(all));
        let series = map.get(&keys::series(s));
        match series.and_then(|x| x.start(s)) {
            None => out.push(unchecked(s, change)),
            Some(from) => {
                let Some(f) = keys::count(from) else { continue };
                if to.checked_sub(f) != Some(change) {
                    let fits = series.and_then(|x| x.fitting_step(change, from, s));
                    out.push(mismatch(from, s, change, fits));
                }
            }
        }
    }
    out
}

fn unchecked(s: &Statement, change: i64) -> StatementFinding {
    StatementFinding::new(
        "stated_change_unchecked",
        Severity::Info,
        &[s],
        vec![change],
        format!(
            "{}the stated change of {} at {} cannot be checked: no earlier figure of the same \
             definition ({}), region and breakdown",
            region_prefix(s),
            num(change, true),
            cite(s, true),
            label(s, true)
        ),
        format!(
            "{}perubahan {} pada {} tidak dapat diperiksa: tidak ada angka sebelumnya dengan \
             definisi ({}), wilayah dan rincian yang sama",
            region_prefix(s),
            num(change, false),
            cite(s, false),
            label(s, false)
        ),
    )
}

fn mismatch(
    from: &Statement,
    to: &Statement,
    change: i64,
    fits: Option<(&Statement, &Statement)>,
) -> StatementFinding {
    let (f, t) = (keys::count(from).unwrap_or(0), keys::count(to).unwrap_or(0));
    let actual = t.saturating_sub(f);
    let mut on = vec![from, to];
    let mut values = vec![change, f, t];
    let (fit_en, fit_id) = match fits {
        Some((a, b)) => {
            for x in [a, b] {
                if !on.iter().any(|y| std::ptr::eq(*y, x)) {
                    on.push(x);
                }
            }
            values.extend([keys::count(a).unwrap_or(0), keys::count(b).unwrap_or(0)]);
            (
                format!("; it fits the step {} -> {}", cite(a, true), cite(b, true)),
                format!(
                    "; angka itu cocok dengan langkah {} -> {}",
                    cite(a, false),
                    cite(b, false)
                ),
            )
        }
        None => (
            "; it fits no other step of the series".to_string(),
            "; angka itu tidak cocok dengan langkah lain mana pun".to_string(),
        ),
    };
    StatementFinding::new(
        "stated_change_mismatch",
        Severity::Error,
        &on,
        values,
        format!(
            "{}{}: the stated change of {} does not fit {} -> {}, a change of {:+}{fit_en}",
            region_prefix(to),
            label(to, true),
            num(change, true),
            cite(from, true),
            cite(to, true),
            actual
        ),
        format!(
            "{}{}: perubahan yang disebut {} tidak cocok dengan {} -> {}, perubahan {:+}{fit_id}",
            region_prefix(to),
            label(to, false),
            num(change, false),
            cite(from, false),
            cite(to, false),
            actual
        ),
    )
}
