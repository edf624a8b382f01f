//! A stated change ("growth of nine") against the difference of two figures of the same
//! series: same definition, region, breakdown, policy and book year.

use super::finding::{StatementFinding, cite, label, num, region_prefix};
use super::keys;
use crate::statements::Statement;
use crate::stats::checks::Severity;

/// The series of `s`: the counts of the same series with a described period, in order of that
/// period (then of the file).
fn series_of<'a>(all: &'a [Statement], s: &Statement) -> Vec<&'a Statement> {
    let key = keys::series(s);
    let mut v: Vec<&Statement> = all
        .iter()
        .filter(|x| x.describes.is_some() && keys::count(x).is_some() && keys::series(x) == key)
        .collect();
    v.sort_by_key(|x| (x.describes, x.line));
    v
}

/// The figure the change of `s` is counted from: the one describing `change_from` when said,
/// else the one before `s` in its series.
fn start<'a>(series: &[&'a Statement], s: &Statement) -> Option<&'a Statement> {
    match s.change_from {
        Some(from) => {
            let end = from.end_date().ok();
            series
                .iter()
                .copied()
                .find(|x| x.describes.and_then(|p| p.end_date().ok()) == end)
        }
        None => {
            let i = series.iter().position(|x| std::ptr::eq(*x, s))?;
            series.get(i.checked_sub(1)?).copied()
        }
    }
}

/// A step of the series (two figures next to each other) other than `from -> to` whose
/// difference is `change`.
fn fitting_step<'a>(
    series: &[&'a Statement],
    change: i64,
    from: &Statement,
    to: &Statement,
) -> Option<(&'a Statement, &'a Statement)> {
    series.windows(2).find_map(|w| match w {
        [a, b] if !(std::ptr::eq(*a, from) && std::ptr::eq(*b, to)) => {
            let d = keys::count(b)?.checked_sub(keys::count(a)?)?;
            (d == change).then_some((*a, *b))
        }
        _ => None,
    })
}

/// Every statement with a stated change, checked against its series.
///
/// - `stated_change_mismatch` (error) when the stated change is not `to - from`; values: stated,
///   from, to, then the two figures of the step it fits when one does (its statements are then
///   named too). The message says which step it fits, or that none does.
/// - `stated_change_unchecked` (info) when the series has no earlier figure to count from.
pub fn check_stated_changes(all: &[Statement]) -> Vec<StatementFinding> {
    let mut out = Vec::new();
    for s in all {
        let (Some(change), Some(to)) = (s.stated_change, keys::count(s)) else {
            continue;
        };
        let series = series_of(all, s);
        match start(&series, s) {
            None => out.push(unchecked(s, change)),
            Some(from) => {
                let Some(f) = keys::count(from) else { continue };
                if to.checked_sub(f) != Some(change) {
                    out.push(mismatch(
                        from,
                        s,
                        change,
                        fitting_step(&series, change, from, s),
                    ));
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
