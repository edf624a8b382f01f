//! A stated percentage ("about 70 % of the 109 active held RAT") against the counts it is a
//! percentage of.

use super::finding::{StatementFinding, cite, num, pct, region_prefix};
use super::keys;
use crate::statements::{Definition, StatedValue, Statement};
use crate::stats::checks::Severity;

/// How far a stated percentage may be from the exact one, by how it is rounded: a whole
/// multiple of 10 (`70 %`, "sekitar 70 persen") is read as rounded to tens (± 5), of 5 as
/// rounded to fives (± 2.5), another whole number ± 0.5, one decimal ± 0.05, two ± 0.005.
pub fn rounding_tolerance(stated: f64) -> f64 {
    if stated.fract() == 0.0 {
        let whole = stated.abs();
        if whole % 10.0 == 0.0 && whole > 0.0 {
            5.0
        } else if whole % 5.0 == 0.0 && whole > 0.0 {
            2.5
        } else {
            0.5
        }
    } else {
        let decimals = format!("{stated}")
            .split_once('.')
            .map_or(0, |(_, d)| d.len())
            .min(6);
        0.5 / 10f64.powi(decimals as i32)
    }
}

/// The count of `definition` at the place and date of `s`.
fn count_of<'a>(
    all: &'a [Statement],
    s: &Statement,
    definition: &Definition,
) -> Option<&'a Statement> {
    all.iter().find(|x| {
        &x.definition == definition
            && keys::count(x).is_some()
            && keys::region(x) == keys::region(s)
            && keys::breakdown(x) == keys::breakdown(s)
            && keys::period(x) == keys::period(s)
    })
}

/// For each percentage statement (of its `percent_of`, else of `on_record`):
/// - `percent_out_of_range` (error) below 0 or above 100;
/// - `percent_not_matching_count` (error) when a count of the same definition is stated for
///   the same region, breakdown and date, and it is not within the rounding of the percentage
///   ([`rounding_tolerance`]) of the base count. Values: the count, the base, then the lowest
///   and highest counts the percentage allows.
pub fn check_percentages(all: &[Statement]) -> Vec<StatementFinding> {
    let mut out = Vec::new();
    for s in all {
        let StatedValue::Percent(p) = s.value else {
            continue;
        };
        if !(0.0..=100.0).contains(&p) {
            out.push(out_of_range(s, p));
            continue;
        }
        let base_def = s.percent_of.clone().unwrap_or(Definition::OnRecord);
        let (Some(part), Some(base)) =
            (count_of(all, s, &s.definition), count_of(all, s, &base_def))
        else {
            continue;
        };
        let (Some(n), Some(b)) = (keys::count(part), keys::count(base)) else {
            continue;
        };
        let tol = rounding_tolerance(p);
        let lo = (((p - tol).max(0.0) * b as f64 / 100.0) - 1e-9).ceil() as i64;
        let hi = (((p + tol).min(100.0) * b as f64 / 100.0) + 1e-9).floor() as i64;
        if n < lo || n > hi {
            out.push(not_matching(s, part, base, p, [n, b, lo, hi]));
        }
    }
    out
}

fn out_of_range(s: &Statement, p: f64) -> StatementFinding {
    StatementFinding::new(
        "percent_out_of_range",
        Severity::Error,
        &[s],
        Vec::new(),
        format!(
            "{}{}: {} is not a share (0 to 100 %)",
            region_prefix(s),
            cite(s, true),
            pct(p, true)
        ),
        format!(
            "{}{}: {} bukan persentase (0 sampai 100 %)",
            region_prefix(s),
            cite(s, false),
            pct(p, false)
        ),
    )
}

fn not_matching(
    s: &Statement,
    part: &Statement,
    base: &Statement,
    p: f64,
    v: [i64; 4],
) -> StatementFinding {
    let [n, b, lo, hi] = v;
    let range = |en: bool| {
        if lo == hi {
            num(lo, en)
        } else if en {
            format!("{} to {}", num(lo, true), num(hi, true))
        } else {
            format!("{} sampai {}", num(lo, false), num(hi, false))
        }
    };
    StatementFinding::new(
        "percent_not_matching_count",
        Severity::Error,
        &[s, part, base],
        v.to_vec(),
        format!(
            "{}{} of {} {} would be {} cooperatives, but {} are stated ({})",
            region_prefix(s),
            pct(p, true),
            num(b, true),
            base.definition.label_en().to_lowercase(),
            range(true),
            num(n, true),
            cite(part, true)
        ),
        format!(
            "{}{} dari {} {} berarti {} koperasi, tetapi yang disebut {} ({})",
            region_prefix(s),
            pct(p, false),
            num(b, false),
            base.definition.label_id().to_lowercase(),
            range(false),
            num(n, false),
            cite(part, false)
        ),
    )
}
