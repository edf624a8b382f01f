//! Consistency checks on published figures (DOMAIN.md §5.2: parts vs total, stated change vs
//! difference of the stocks, children vs parent), and detection of implausible swings.
//!
//! Every check returns a list of [`Finding`]s; an empty list means the figures passed. A
//! finding names the region, periods, measure, the source lines and the values it comes from,
//! with a message in English and in Indonesian. Finding codes are stable:
//!
//! | code | severity | values |
//! |---|---|---|
//! | `parts_not_equal_total` | error | the parts in the order given, then the total |
//! | `child_sum_not_equal_parent` | error | parent value, sum of the children |
//! | `children_missing` | warning | parent value |
//! | `stated_change_mismatch` | error | stated change, from, to |
//! | `stated_pct_change_mismatch` | error | from, to (the stated percentage is in the message) |
//! | `implausible_swing` | warning | the series from the level before to the level it reverts to |
//! | `duplicate_row` | warning | (none) |
//! | `uneven_periods` | info | (none; the periods are the first and last of each run of equal spacing) |
//! | `large_change_at_end` | info | panel total in the second-last period, then in the last |
//! | `partial_coverage` | info | parent value, sum of the listed parts |
//! | `wrong_parent` | warning | (none) |
//! | `unknown_region` | warning | (none) |
//! | `series_break` | warning | (none; from the report: the regions summed change between periods) |
//!
//! Regions are grouped as in [`crate::stats::panel`]: by resolved code, else by name.

use super::panel::{AKTIF, Panel, PanelIndex, PanelRow, TIDAK_AKTIF, TOTAL, region_key};
use super::period::Period;
use crate::error::StatsError;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Worth knowing; nothing is necessarily wrong.
    Info,
    /// Probably wrong; look at the source.
    Warning,
    /// The figures contradict each other.
    Error,
}

impl Severity {
    /// The stable snake_case name: `info`, `warning`, `error`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// One problem found in published figures.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Finding {
    /// Stable snake_case code (see the module documentation for the list).
    pub code: String,
    /// How serious it is.
    pub severity: Severity,
    /// Region concerned, as published; `None` when not about one region.
    pub region: Option<String>,
    /// Periods concerned, chronological.
    pub periods: Vec<Period>,
    /// Measure concerned (e.g. `total`); `None` when about several.
    pub measure: Option<String>,
    /// Source lines (1-based, header = 1) of the rows the finding comes from.
    pub lines: Vec<u64>,
    /// The values involved, in the order documented per code.
    pub values: Vec<i64>,
    /// What is wrong, in English.
    pub message_en: String,
    /// What is wrong, in Indonesian.
    pub message_id: String,
}

/// `1234567` -> `1,234,567`.
fn en(n: i64) -> String {
    crate::locale::format_int_grouped(n, ',')
}

/// `1234567` -> `1.234.567`.
fn id(n: i64) -> String {
    crate::locale::format_int(n)
}

fn pct_en(x: f64) -> String {
    format!("{x:.1} %")
}

fn pct_id(x: f64) -> String {
    pct_en(x).replace('.', ",")
}

fn label(region: Option<&str>, measure: Option<&str>) -> String {
    match (region, measure) {
        (Some(r), Some(m)) => format!("{r}, {m}"),
        (Some(r), None) => r.to_string(),
        (None, Some(m)) => m.to_string(),
        (None, None) => String::new(),
    }
}

/// Parts must add up to the total in every row (e.g. `aktif + tidak_aktif = total`).
///
/// Rows lacking the total or any part are skipped. One `parts_not_equal_total` error per row
/// that does not add up; values: each part in the order given, then the total.
pub fn check_parts_vs_total(panel: &Panel, parts: &[&str], total: &str) -> Vec<Finding> {
    let mut out = Vec::new();
    for r in &panel.rows {
        let Some(t) = r.get(total) else { continue };
        let vals: Option<Vec<i64>> = parts.iter().map(|p| r.get(p)).collect();
        let Some(vals) = vals else { continue };
        let sum = vals.iter().fold(0i64, |a, v| a.saturating_add(*v));
        if sum == t {
            continue;
        }
        let expr_en = parts
            .iter()
            .zip(&vals)
            .map(|(p, v)| format!("{p} {}", en(*v)))
            .collect::<Vec<_>>()
            .join(" + ");
        let expr_id = parts
            .iter()
            .zip(&vals)
            .map(|(p, v)| format!("{p} {}", id(*v)))
            .collect::<Vec<_>>()
            .join(" + ");
        let mut values = vals.clone();
        values.push(t);
        out.push(Finding {
            code: "parts_not_equal_total".into(),
            severity: Severity::Error,
            region: Some(r.region.clone()),
            periods: vec![r.period],
            measure: Some(total.to_string()),
            lines: vec![r.line],
            values,
            message_en: format!(
                "{} {}: {expr_en} = {} but {total} is {} (difference {})",
                r.region,
                r.period,
                en(sum),
                en(t),
                en(sum.saturating_sub(t))
            ),
            message_id: format!(
                "{} {}: {expr_id} = {} tetapi {total} tercatat {} (selisih {})",
                r.region,
                r.period,
                id(sum),
                id(t),
                id(sum.saturating_sub(t))
            ),
        });
    }
    out
}

/// The sum of the children (e.g. all kabupaten/kota) must equal the parent (the province) in
/// every period of the parent.
///
/// For each parent row having `measure` (chronological): if no child row of that period has
/// the measure, a `children_missing` warning (values: parent); if the sum differs, a
/// `child_sum_not_equal_parent` error (values: parent, children sum; lines: the parent row's
/// line, then the children's). The message gives the number of children summed, so a missing
/// kabupaten shows.
pub fn check_children_vs_parent(children: &Panel, parent: &Panel, measure: &str) -> Vec<Finding> {
    let mut sums: BTreeMap<Period, (i64, Vec<u64>)> = BTreeMap::new();
    for r in &children.rows {
        if let Some(v) = r.get(measure) {
            let e = sums.entry(r.period).or_insert((0, Vec::new()));
            e.0 = e.0.saturating_add(v);
            e.1.push(r.line);
        }
    }
    let mut parents: Vec<&PanelRow> = parent
        .rows
        .iter()
        .filter(|r| r.get(measure).is_some())
        .collect();
    parents.sort_by_key(|r| r.period);
    let mut out = Vec::new();
    for p in parents {
        let Some(pv) = p.get(measure) else { continue };
        match sums.get(&p.period) {
            None => out.push(Finding {
                code: "children_missing".into(),
                severity: Severity::Warning,
                region: Some(p.region.clone()),
                periods: vec![p.period],
                measure: Some(measure.to_string()),
                lines: vec![p.line],
                values: vec![pv],
                message_en: format!(
                    "{} {}: {measure} is {} but no region below it has a figure for this period",
                    p.region,
                    p.period,
                    en(pv)
                ),
                message_id: format!(
                    "{} {}: {measure} tercatat {} tetapi tidak ada wilayah di bawahnya yang punya angka untuk periode ini",
                    p.region,
                    p.period,
                    id(pv)
                ),
            }),
            Some((sum, lines)) if *sum != pv => {
                let mut all = vec![p.line];
                all.extend(lines);
                out.push(Finding {
                    code: "child_sum_not_equal_parent".into(),
                    severity: Severity::Error,
                    region: Some(p.region.clone()),
                    periods: vec![p.period],
                    measure: Some(measure.to_string()),
                    lines: all,
                    values: vec![pv, *sum],
                    message_en: format!(
                        "{} {}: {measure} is {} but the {} regions below it sum to {} (difference {})",
                        p.region,
                        p.period,
                        en(pv),
                        lines.len(),
                        en(*sum),
                        en(sum.saturating_sub(pv))
                    ),
                    message_id: format!(
                        "{} {}: {measure} tercatat {} tetapi jumlah {} wilayah di bawahnya {} (selisih {})",
                        p.region,
                        p.period,
                        id(pv),
                        lines.len(),
                        id(*sum),
                        id(sum.saturating_sub(pv))
                    ),
                });
            }
            Some(_) => {}
        }
    }
    out
}

/// Like [`check_children_vs_parent`] when the parent figures are rows of the same panel: rows
/// whose region is named `parent_region` (case and spaces ignored, e.g. `Provinsi Jawa Timur`)
/// are the parent, all other rows the children.
pub fn check_children_vs_parent_region(
    panel: &Panel,
    parent_region: &str,
    measure: &str,
) -> Vec<Finding> {
    let key = region_key(parent_region);
    let parent = panel.filter(|r| region_key(&r.region) == key);
    let children = panel.filter(|r| region_key(&r.region) != key);
    check_children_vs_parent(&children, &parent, measure)
}

/// Where a stated figure comes from, for the findings of [`check_stated_change`] and
/// [`check_stated_pct_change`]. Every field is optional.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct StatedContext {
    /// Region the statement is about.
    pub region: Option<String>,
    /// Period of the start stock.
    pub from_period: Option<Period>,
    /// Period of the end stock.
    pub to_period: Option<Period>,
    /// Measure (e.g. `aktif`).
    pub measure: Option<String>,
    /// Source lines of the stocks or of the statement.
    pub lines: Vec<u64>,
}

impl StatedContext {
    fn periods(&self) -> Vec<Period> {
        let mut v: Vec<Period> = self.from_period.into_iter().chain(self.to_period).collect();
        v.sort();
        v.dedup();
        v
    }

    fn span(&self) -> String {
        match (self.from_period, self.to_period) {
            (Some(a), Some(b)) => format!(" {a} -> {b}"),
            _ => String::new(),
        }
    }
}

/// A stated change (e.g. "bertambah 120 koperasi") must equal the difference of the stocks
/// `to - from` (DOMAIN.md §5.2: `stated_growth != end - start`).
///
/// One `stated_change_mismatch` error when it does not (values: stated, from, to), else none.
pub fn check_stated_change(
    stated: i64,
    from: i64,
    to: i64,
    context: &StatedContext,
) -> Vec<Finding> {
    let actual = to.saturating_sub(from);
    if stated == actual {
        return Vec::new();
    }
    let what = label(context.region.as_deref(), context.measure.as_deref());
    let span = context.span();
    vec![Finding {
        code: "stated_change_mismatch".into(),
        severity: Severity::Error,
        region: context.region.clone(),
        periods: context.periods(),
        measure: context.measure.clone(),
        lines: context.lines.clone(),
        values: vec![stated, from, to],
        message_en: format!(
            "{what}{span}: stated change {} but the stocks go from {} to {} (change {})",
            en(stated),
            en(from),
            en(to),
            en(actual)
        ),
        message_id: format!(
            "{what}{span}: perubahan yang dinyatakan {} tetapi angka berubah dari {} ke {} (perubahan {})",
            id(stated),
            id(from),
            id(to),
            id(actual)
        ),
    }]
}

/// A stated percentage change must match `(to - from) / from × 100` within `tolerance_pp`
/// percentage points (use 0.005 for a figure rounded to 2 decimals, 0.05 for 1 decimal).
///
/// One `stated_pct_change_mismatch` error when it does not, or when `from <= 0` (no percentage
/// can be stated); values: from, to.
pub fn check_stated_pct_change(
    stated_pct: f64,
    from: i64,
    to: i64,
    tolerance_pp: f64,
    context: &StatedContext,
) -> Vec<Finding> {
    let actual = super::growth::pct_change(from, to).ok();
    if let Some(a) = actual {
        if (a - stated_pct).abs() <= tolerance_pp.abs() {
            return Vec::new();
        }
    }
    let what = label(context.region.as_deref(), context.measure.as_deref());
    let span = context.span();
    let (act_en, act_id) = match actual {
        Some(a) => (format!("{a:.2} %"), format!("{a:.2} %").replace('.', ",")),
        None => (
            "undefined (base not positive)".into(),
            "tidak terdefinisi (basis tidak positif)".into(),
        ),
    };
    vec![Finding {
        code: "stated_pct_change_mismatch".into(),
        severity: Severity::Error,
        region: context.region.clone(),
        periods: context.periods(),
        measure: context.measure.clone(),
        lines: context.lines.clone(),
        values: vec![from, to],
        message_en: format!(
            "{what}{span}: stated change {stated_pct} % but {} -> {} is {act_en}",
            en(from),
            en(to)
        ),
        message_id: format!(
            "{what}{span}: perubahan yang dinyatakan {} % tetapi {} -> {} adalah {act_id}",
            format!("{stated_pct}").replace('.', ","),
            id(from),
            id(to)
        ),
    }]
}

/// Thresholds of [`check_swings`].
///
/// A swing is a jump or drop from the level before (`L0`, the previous published period of the
/// same region) that is larger than **both** `min_relative × L0` and `min_absolute`, followed
/// within `max_revert_periods` published periods by a value within `revert_tolerance × L0` of
/// `L0`. A stock that falls by half and comes straight back is almost always a data error
/// (Kabupaten Mojokerto, Jawa Timur, total: 949 (2021-Q3) -> 356 (2021-Q4) -> 925 (2022-Q1)).
/// Periods are counted as published (2018-Q4, 2019-Q4, 2020-Q4, 2021-Q1, ... are consecutive).
///
/// Source of the defaults: none in any regulation. They are this library's defaults, chosen by
/// looking at the Jawa Timur kabupaten/kota file (2018-Q4 to 2025-Q2, `data/samples`): large
/// enough to leave ordinary quarterly movement alone, small enough to catch the Mojokerto
/// glitch. They are parameters: set them for other data.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct SwingParams {
    /// Minimum relative size of the jump, as a fraction of the level before. Default 0.4 (40 %).
    pub min_relative: f64,
    /// Minimum absolute size of the jump (count). Default 50.
    pub min_absolute: i64,
    /// Periods within which the series must come back. Default 2.
    pub max_revert_periods: usize,
    /// How close to the level before counts as "back", as a fraction of it. Default 0.15.
    pub revert_tolerance: f64,
}

impl Default for SwingParams {
    fn default() -> Self {
        SwingParams {
            min_relative: 0.4,
            min_absolute: 50,
            max_revert_periods: 2,
            revert_tolerance: 0.15,
        }
    }
}

impl SwingParams {
    /// `Ok(())` when every threshold is usable: `min_relative` and `revert_tolerance` finite
    /// and >= 0, `min_absolute` >= 0, `max_revert_periods` >= 1.
    /// Error: [`StatsError::BadParameter`] naming the parameter.
    pub fn validate(&self) -> Result<(), StatsError> {
        let bad = |name: &'static str, value: String, why: &'static str| {
            Err(StatsError::BadParameter { name, value, why })
        };
        if !self.min_relative.is_finite() || self.min_relative < 0.0 {
            return bad(
                "min_relative",
                format!("{}", self.min_relative),
                "must be a finite number >= 0",
            );
        }
        if !self.revert_tolerance.is_finite() || self.revert_tolerance < 0.0 {
            return bad(
                "revert_tolerance",
                format!("{}", self.revert_tolerance),
                "must be a finite number >= 0",
            );
        }
        if self.min_absolute < 0 {
            return bad(
                "min_absolute",
                self.min_absolute.to_string(),
                "must be >= 0",
            );
        }
        if self.max_revert_periods == 0 {
            return bad("max_revert_periods", "0".into(), "must be >= 1");
        }
        Ok(())
    }
}

/// Implausible swings of `measure` in each region's series (see [`SwingParams`]).
///
/// One `implausible_swing` warning per swing, with the periods, lines and values from the
/// level before to the value that reverts. A level of 0 before counts any jump above
/// `min_absolute` as relatively large. After a swing is found the search resumes after its
/// end, so one glitch gives one finding. With thresholds that fail
/// [`SwingParams::validate`] (e.g. NaN), comparisons fail and nothing is flagged. Regions are
/// grouped by code, else by name (rows `Kab. Malang` and `Kabupaten Malang` resolved to the
/// same code are one series) and named after their first row; with duplicate rows for a
/// period the first having the measure is used. The rows are indexed once.
pub fn check_swings(panel: &Panel, measure: &str, params: &SwingParams) -> Vec<Finding> {
    let index = PanelIndex::new(panel);
    let mut out = Vec::new();
    for region in &index.regions {
        let s = region.series(measure);
        let mut i = 1;
        while i < s.len() {
            let found = swing_at(&s, i, params);
            match found {
                Some(j) => {
                    if let Some(seq) = s.get(i - 1..=j) {
                        out.push(swing_finding(region.name, measure, seq));
                    }
                    i = j + 1;
                }
                None => i += 1,
            }
        }
    }
    out
}

/// If a swing starts at index `i` (jump from `s[i-1]` to `s[i]`), the index where it reverts.
fn swing_at(s: &[(Period, i64, u64)], i: usize, p: &SwingParams) -> Option<usize> {
    let (_, l0, _) = *s.get(i.checked_sub(1)?)?;
    let (_, v, _) = *s.get(i)?;
    let jump = (v as f64 - l0 as f64).abs();
    let base = l0 as f64;
    let relative_ok = if l0 > 0 {
        jump > p.min_relative * base
    } else {
        jump > 0.0
    };
    if !(relative_ok && jump > p.min_absolute as f64) {
        return None;
    }
    let tolerance = p.revert_tolerance * base.abs();
    (i + 1..=i.saturating_add(p.max_revert_periods)).find(|&j| {
        s.get(j)
            .is_some_and(|(_, w, _)| (*w as f64 - base).abs() <= tolerance)
    })
}

fn swing_finding(region: &str, measure: &str, seq: &[(Period, i64, u64)]) -> Finding {
    let path_en = seq
        .iter()
        .map(|(p, v, _)| format!("{} ({p})", en(*v)))
        .collect::<Vec<_>>()
        .join(" -> ");
    let path_id = seq
        .iter()
        .map(|(p, v, _)| format!("{} ({p})", id(*v)))
        .collect::<Vec<_>>()
        .join(" -> ");
    let (l0, v) = match seq {
        [(_, a, _), (_, b, _), ..] => (*a, *b),
        _ => (0, 0),
    };
    let rel = if l0 > 0 {
        Some((v as f64 - l0 as f64) / l0 as f64 * 100.0)
    } else {
        None
    };
    let back = seq.len().saturating_sub(2);
    let (dir_en, dir_id) = if v < l0 {
        ("drop", "turun")
    } else {
        ("jump", "naik")
    };
    let size_en = rel
        .map(|r| format!(" of {}", pct_en(r.abs())))
        .unwrap_or_default();
    let size_id = rel
        .map(|r| format!(" {}", pct_id(r.abs())))
        .unwrap_or_default();
    Finding {
        code: "implausible_swing".into(),
        severity: Severity::Warning,
        region: Some(region.to_string()),
        periods: seq.iter().map(|(p, _, _)| *p).collect(),
        measure: Some(measure.to_string()),
        lines: seq.iter().map(|(_, _, l)| *l).collect(),
        values: seq.iter().map(|(_, v, _)| *v).collect(),
        message_en: format!(
            "{region}, {measure}: {path_en}: a {dir_en}{size_en} that comes back within {back} period(s); probably a data error"
        ),
        message_id: format!(
            "{region}, {measure}: {path_id}: {dir_id}{size_id} lalu kembali dalam {back} periode; kemungkinan kesalahan data"
        ),
    }
}

/// Rows published twice for the same region and period: one `duplicate_row` warning per
/// repeated (region, period), with all its lines, in order of first appearance of the region,
/// then chronological. Regions are grouped by code, else by name, so `Kab. Malang` and
/// `Kabupaten Malang` (both `35.07`) in the same period are a duplicate; the finding names the
/// region's first row.
pub fn check_duplicates(panel: &Panel) -> Vec<Finding> {
    let index = PanelIndex::new(panel);
    let by = index
        .regions
        .iter()
        .flat_map(|r| r.by_period.iter().map(move |(p, rows)| (r.name, *p, rows)));
    let mut out = Vec::new();
    for (name, period, rows) in by {
        let Some(first) = rows.first() else { continue };
        if rows.len() < 2 || measures_disjoint(rows) {
            continue;
        }
        let lines: Vec<u64> = rows.iter().map(|r| r.line).collect();
        let same = rows.iter().all(|r| r.values == first.values);
        let lines_txt = lines
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(", ");
        out.push(Finding {
            code: "duplicate_row".into(),
            severity: Severity::Warning,
            region: Some(name.to_string()),
            periods: vec![period],
            measure: None,
            lines,
            values: Vec::new(),
            message_en: format!(
                "{} {period} appears {} times (lines {lines_txt}){}",
                name,
                rows.len(),
                if same {
                    ", with the same values"
                } else {
                    ", with different values"
                }
            ),
            message_id: format!(
                "{} {period} muncul {} kali (baris {lines_txt}){}",
                name,
                rows.len(),
                if same {
                    ", dengan angka yang sama"
                } else {
                    ", dengan angka yang berbeda"
                }
            ),
        });
    }
    out
}

/// True when rows of one region and period each hold figures and no two hold the same
/// measure: pieces of one row (`aktif` on one line, `tidak_aktif` on the next, as hierarchical
/// and long tables publish them), not a row published twice.
fn measures_disjoint(rows: &[&PanelRow]) -> bool {
    rows.iter().all(|r| !r.values.is_empty())
        && rows.iter().enumerate().all(|(i, a)| {
            rows.iter()
                .skip(i + 1)
                .all(|b| a.values.keys().all(|k| !b.values.contains_key(k)))
        })
}

/// Parameters of [`run_checks`]; every field has a default, so `{}` in JSON is valid.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct CheckParams {
    /// Measures that must add up to `total`. Default `["aktif", "tidak_aktif"]`.
    pub parts: Vec<String>,
    /// The total measure. Default `"total"`.
    pub total: String,
    /// Measures checked for implausible swings. Default `["aktif", "tidak_aktif", "total"]`.
    pub swing_measures: Vec<String>,
    /// Swing thresholds. Default [`SwingParams::default`].
    pub swing: SwingParams,
    /// Region whose rows are the parent (e.g. `Provinsi Jawa Timur`) of all other rows, for
    /// [`check_children_vs_parent_region`]. Default `None` (not checked).
    pub parent_region: Option<String>,
    /// Measures checked against the parent. Default `["aktif", "tidak_aktif", "total"]`.
    pub parent_measures: Vec<String>,
    /// Report rows repeated for the same region and period. Default `true`.
    pub duplicates: bool,
    /// Report periods that are not evenly spaced ([`check_period_spacing`]). Default `true`.
    pub spacing: bool,
    /// Report a change of the panel total of `total` in the last period larger than this
    /// fraction ([`check_change_at_end`]); `None` to skip. Default `Some(0.2)` (20 %).
    pub end_change_relative: Option<f64>,
    /// Check every total row (national, province, kab/kota, `JUMLAH`) against the rows below
    /// it, regions listed under the wrong parent and names that are no region
    /// ([`crate::stats::check_levels`]). Default `true`.
    pub levels: bool,
}

impl Default for CheckParams {
    fn default() -> Self {
        let status = vec![
            AKTIF.to_string(),
            TIDAK_AKTIF.to_string(),
            TOTAL.to_string(),
        ];
        CheckParams {
            parts: vec![AKTIF.to_string(), TIDAK_AKTIF.to_string()],
            total: TOTAL.to_string(),
            swing_measures: status.clone(),
            swing: SwingParams::default(),
            parent_region: None,
            parent_measures: status,
            duplicates: true,
            spacing: true,
            end_change_relative: Some(0.2),
            levels: true,
        }
    }
}

impl CheckParams {
    /// `Ok(())` when the parameters are usable (see [`SwingParams::validate`];
    /// `end_change_relative` must be finite and positive).
    pub fn validate(&self) -> Result<(), StatsError> {
        if let Some(x) = self.end_change_relative {
            if !(x.is_finite() && x > 0.0) {
                return Err(StatsError::BadParameter {
                    name: "end_change_relative",
                    value: format!("{x}"),
                    why: "a finite fraction above 0",
                });
            }
        }
        self.swing.validate()
    }
}

/// Run the panel-level checks in this order:
/// 1. duplicates ([`check_duplicates`], if `duplicates`);
/// 2. parts vs total ([`check_parts_vs_total`], if `parts` is not empty);
/// 3. swings ([`check_swings`]) for each measure of `swing_measures`;
/// 4. children vs parent ([`check_children_vs_parent_region`]) for each of `parent_measures`,
///    if `parent_region` is set;
/// 5. period spacing ([`check_period_spacing`], if `spacing`);
/// 6. region levels ([`crate::stats::check_levels`], if `levels`): totals against their
///    parts, partial coverage, wrong parents, names that are no region; then breaks of the
///    series ([`crate::stats::check_series_breaks`]);
/// 7. a large change of the panel total of `total` in the last period
///    ([`check_change_at_end`], if `end_change_relative` is set), computed without the
///    `parent_region` rows so a parent is not added to its children.
pub fn run_checks(panel: &Panel, params: &CheckParams) -> Vec<Finding> {
    let mut out = Vec::new();
    if params.duplicates {
        out.extend(check_duplicates(panel));
    }
    if !params.parts.is_empty() {
        let parts: Vec<&str> = params.parts.iter().map(String::as_str).collect();
        out.extend(check_parts_vs_total(panel, &parts, &params.total));
    }
    for m in &params.swing_measures {
        out.extend(check_swings(panel, m, &params.swing));
    }
    if let Some(parent) = &params.parent_region {
        for m in &params.parent_measures {
            out.extend(check_children_vs_parent_region(panel, parent, m));
        }
    }
    if params.levels {
        out.extend(super::hierarchy::check_levels(panel, params, None));
        out.extend(super::series::check_series_breaks(panel));
    }
    if params.spacing {
        out.extend(check_period_spacing(panel));
    }
    if let Some(x) = params.end_change_relative {
        match &params.parent_region {
            Some(parent) => out.extend(check_change_at_end(
                &panel.without_region(parent),
                &params.total,
                x,
            )),
            None => out.extend(check_change_at_end(panel, &params.total, x)),
        }
    }
    out
}

/// Periods that are not evenly spaced (e.g. yearly 2018-Q4, 2019-Q4, 2020-Q4, then
/// quarterly): changes between consecutive periods then cover different spans and are not
/// comparable. One `info` finding `uneven_periods` naming where the spacing changes.
pub fn check_period_spacing(panel: &Panel) -> Vec<Finding> {
    let periods = panel.periods();
    let gaps: Vec<(Period, Period, f64)> = periods
        .windows(2)
        .filter_map(|w| match w {
            [a, b] => Some((*a, *b, Period::years_between(a, b))),
            _ => None,
        })
        .collect();
    let Some(&(_, _, first_gap)) = gaps.first() else {
        return Vec::new();
    };
    if gaps.iter().all(|g| (g.2 - first_gap).abs() < 1e-9) {
        return Vec::new();
    }
    // Runs of equal spacing: (from, to, gap in years).
    let mut runs: Vec<(Period, Period, f64)> = Vec::new();
    for (a, b, g) in gaps {
        match runs.last_mut() {
            Some(run) if (run.2 - g).abs() < 1e-9 => run.1 = b,
            _ => runs.push((a, b, g)),
        }
    }
    let text = |id: bool| {
        runs.iter()
            .map(|(a, b, g)| {
                let g = if id {
                    format!("{g}").replace('.', ",")
                } else {
                    format!("{g}")
                };
                if id {
                    format!("{a} s.d. {b} berjarak {g} tahun")
                } else {
                    format!("{a} to {b} every {g} year(s)")
                }
            })
            .collect::<Vec<_>>()
            .join("; ")
    };
    vec![Finding {
        code: "uneven_periods".into(),
        severity: Severity::Info,
        region: None,
        periods: runs.iter().flat_map(|r| [r.0, r.1]).collect(),
        measure: None,
        lines: Vec::new(),
        values: Vec::new(),
        message_en: format!(
            "periods are not evenly spaced ({}): a change between two periods covers a different span in each part",
            text(false)
        ),
        message_id: format!(
            "jarak antarperiode tidak sama ({}): perubahan antarperiode mencakup rentang waktu yang berbeda",
            text(true)
        ),
    }]
}

/// How many regions the message of [`check_change_at_end`] names (those with the largest
/// change).
pub const END_CHANGE_REGIONS: usize = 5;

/// A change of the panel total of `measure` (summed over regions as in [`Panel::total`]) from
/// the second-last to the last period larger than `min_relative` (a fraction): the swing check
/// cannot yet tell whether it comes back, so it is reported as `info` (`large_change_at_end`;
/// values: the total before, the total in the last period).
///
/// `lines` are the last-period lines of every row summed into the last total (one per region),
/// in source order. The message names the [`END_CHANGE_REGIONS`] regions whose value changed
/// most, with their change (largest absolute change first, ties in order of first appearance;
/// a region without a value in the second-last period counts from 0), so the reader knows
/// where to look. Nothing when there are fewer than two periods, a
/// total is missing, or the total before is not positive.
pub fn check_change_at_end(panel: &Panel, measure: &str, min_relative: f64) -> Vec<Finding> {
    let periods = panel.periods();
    let [.., before, last] = periods.as_slice() else {
        return Vec::new();
    };
    let (Some(a), Some(b)) = (panel.total(*before, measure), panel.total(*last, measure)) else {
        return Vec::new();
    };
    if a <= 0 {
        return Vec::new();
    }
    let rel = (b as f64 - a as f64) / a as f64;
    if rel.abs() < min_relative {
        return Vec::new();
    }
    let pct = rel * 100.0;
    let index = PanelIndex::new(panel);
    // (change, region, line in the last period); a stable sort keeps ties in region order.
    let mut moved: Vec<(i64, &str, u64)> = index
        .regions
        .iter()
        .filter_map(|r| {
            let (to, line) = r.get(*last, measure)?;
            let from = r.get(*before, measure).map_or(0, |(v, _)| v);
            Some((to.saturating_sub(from), r.name, line))
        })
        .collect();
    let mut lines: Vec<u64> = moved.iter().map(|(_, _, l)| *l).collect();
    lines.sort_unstable();
    moved.sort_by_key(|(c, _, _)| std::cmp::Reverse(c.unsigned_abs()));
    moved.truncate(END_CHANGE_REGIONS);
    let most = |fmt: fn(i64) -> String| {
        moved
            .iter()
            .map(|(c, name, _)| {
                let sign = if *c > 0 { "+" } else { "" };
                format!("{name} {sign}{}", fmt(*c))
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    vec![Finding {
        code: "large_change_at_end".into(),
        severity: Severity::Info,
        region: None,
        periods: vec![*before, *last],
        measure: Some(measure.to_string()),
        lines,
        values: vec![a, b],
        message_en: format!(
            "{measure} over all regions: {} ({before}) -> {} ({last}), {pct:+.1} % in the last period; too recent to tell whether it lasts; largest changes: {}",
            en(a),
            en(b),
            most(en)
        ),
        message_id: format!(
            "{measure} seluruh wilayah: {} ({before}) -> {} ({last}), {} % pada periode terakhir; terlalu baru untuk dinilai apakah bertahan; perubahan terbesar: {}",
            id(a),
            id(b),
            format!("{pct:+.1}").replace('.', ","),
            most(id)
        ),
    }]
}
