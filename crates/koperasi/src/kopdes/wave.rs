//! The KDMP/KKMP wave in growth figures (Inpres 9/2025, 27 March 2025; DOMAIN.md 10).
//!
//! In a register, the cohort is recognised on each record ([`kdmp_mark`]: the name pattern
//! `Koperasi Desa/Kelurahan Merah Putih ...`, `KDMP`/`KKMP`, a flag column, or, when asked,
//! a founding date in the programme window) and growth is shown with and without it
//! ([`wave_growth`]). A panel of counts has no records: [`explain_jump`] says how much of the
//! change of one period a given KDMP/KKMP count explains (East Java, 2025-Q2: +8,570 coops).

use crate::cooperative::Koperasi;
use crate::error::StatsError;
use crate::io::headers::normalize_header;
use crate::io::register::parse_yes_no;
use crate::locale::format_int_grouped;
use crate::stats::{Panel, Period, pct_change};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Why a record is counted in the KDMP/KKMP cohort.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum KdmpMark {
    /// The name: `Koperasi Desa Merah Putih ...`, `Koperasi Kelurahan Merah Putih ...`,
    /// `Kopdes Merah Putih ...`, or the word `KDMP`/`KKMP`.
    Name,
    /// A flag column (`kdmp`, `kkmp`, `merah_putih`, `program`, ...) says so.
    Flag,
    /// Founded on or after the start of the programme window (only with
    /// [`WaveOptions::founding_window`]).
    FoundingWindow,
}

/// How the cohort is recognised.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct WaveOptions {
    /// Also count every cooperative founded on or after `window_start` (a cohort by date:
    /// it takes in ordinary coops founded since; off by default).
    pub founding_window: bool,
    /// Start of the programme window: Inpres 9/2025 of 27 March 2025 by default.
    pub window_start: NaiveDate,
}

impl Default for WaveOptions {
    fn default() -> WaveOptions {
        WaveOptions {
            founding_window: false,
            window_start: inpres_9_2025(),
        }
    }
}

/// The date of Inpres 9/2025 (27 March 2025), which started the programme.
pub fn inpres_9_2025() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 3, 27).unwrap_or(NaiveDate::MIN)
}

/// Headers (normalised) of flag columns.
const FLAG_HEADERS: [&str; 10] = [
    "kdmp",
    "kkmp",
    "kdmp_kkmp",
    "is_kdmp",
    "merah_putih",
    "kopdes_merah_putih",
    "koperasi_merah_putih",
    "program",
    "program_koperasi",
    "kopdes_mp",
];

/// Why `k` is in the KDMP/KKMP cohort, or `None`. The name is looked at first, then the flag
/// columns kept in [`Koperasi::extra`], then (with [`WaveOptions::founding_window`]) the
/// founding date ([`Koperasi::founded`]).
pub fn kdmp_mark(k: &Koperasi, opts: &WaveOptions) -> Option<KdmpMark> {
    if is_kdmp_name(&k.name) {
        return Some(KdmpMark::Name);
    }
    let flagged = k.extra.iter().any(|(h, v)| {
        FLAG_HEADERS.contains(&normalize_header(h).as_str())
            && (parse_yes_no(v) == Some(true) || is_kdmp_name(v) || is_programme_word(v))
    });
    if flagged {
        return Some(KdmpMark::Flag);
    }
    (opts.founding_window && k.founded().is_some_and(|d| d >= opts.window_start))
        .then_some(KdmpMark::FoundingWindow)
}

/// True for a KDMP/KKMP name: `Merah Putih` with `desa`, `kelurahan`, `kopdes` or `kopkel`
/// (so `KSP Merah Putih`, an older coop, is not), or the word `KDMP`/`KKMP`.
pub fn is_kdmp_name(name: &str) -> bool {
    let norm = normalize_header(name);
    let words: Vec<&str> = norm.split('_').collect();
    if words.iter().any(|w| matches!(*w, "kdmp" | "kkmp")) {
        return true;
    }
    let merah_putih = words.windows(2).any(|w| w == ["merah", "putih"]);
    merah_putih
        && words
            .iter()
            .any(|w| matches!(*w, "desa" | "kelurahan" | "kopdes" | "kopkel" | "kel"))
}

/// Which of the programme's two kinds a name says: a Koperasi Desa Merah Putih (KDMP) or a
/// Koperasi Kelurahan Merah Putih (KKMP).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum KdmpKind {
    /// Koperasi Desa Merah Putih (`KDMP`, `Kopdes Merah Putih`).
    Kdmp,
    /// Koperasi Kelurahan Merah Putih (`KKMP`, `Kopkel Merah Putih`).
    Kkmp,
}

/// The kind a KDMP/KKMP name says ([`is_kdmp_name`]): `KDMP`/`kopdes` or `KKMP`/`kopkel`, else
/// the first of `desa` and `kelurahan` (`kel`) among its words (`KOPERASI KELURAHAN MERAH PUTIH
/// MIMBAAN` is a KKMP, `KOPERASI DESA MERAH PUTIH KELURAHAN X` a KDMP). `None` for any other
/// name.
pub fn kdmp_kind(name: &str) -> Option<KdmpKind> {
    if !is_kdmp_name(name) {
        return None;
    }
    let norm = normalize_header(name);
    let words: Vec<&str> = norm.split('_').collect();
    if words.iter().any(|w| matches!(*w, "kkmp" | "kopkel")) {
        return Some(KdmpKind::Kkmp);
    }
    if words.iter().any(|w| matches!(*w, "kdmp" | "kopdes")) {
        return Some(KdmpKind::Kdmp);
    }
    words.iter().find_map(|w| match *w {
        "desa" => Some(KdmpKind::Kdmp),
        "kelurahan" | "kel" => Some(KdmpKind::Kkmp),
        _ => None,
    })
}

/// `KopdesMerahPutih`, `KopkelMerahPutih` (DOMAIN.md: the programme tag) in a program column.
fn is_programme_word(v: &str) -> bool {
    let n = normalize_header(v).replace('_', "");
    n.contains("merahputih")
}

/// One year of [`wave_growth`].
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct WaveYear {
    /// The year.
    pub year: i32,
    /// Cooperatives founded in the year ([`Koperasi::founding_year`]), all.
    pub births: u64,
    /// Of `births`, in the cohort.
    pub births_cohort: u64,
    /// On the register on 31 December ([`crate::status::on_register`]), all.
    pub stock: u64,
    /// Of `stock`, in the cohort.
    pub stock_cohort: u64,
    /// `stock` minus the previous year's; `None` for the first year.
    pub change: Option<i64>,
    /// The same without the cohort.
    pub change_without: Option<i64>,
    /// Percentage change of `stock` ([`crate::stats::pct_change`]); `None` for the first
    /// year or from zero.
    pub pct_change: Option<f64>,
    /// The same without the cohort.
    pub pct_change_without: Option<f64>,
}

/// Growth of a register with and without the KDMP/KKMP cohort.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct WaveGrowth {
    /// How the cohort was recognised.
    pub options: WaveOptions,
    /// Records.
    pub coops: u64,
    /// Records in the cohort.
    pub cohort: u64,
    /// Of `cohort`, recognised by name.
    pub by_name: u64,
    /// Of `cohort`, by a flag column.
    pub by_flag: u64,
    /// Of `cohort`, by the founding date only.
    pub by_founding_window: u64,
    /// Of `cohort`, with no founding date (counted in every year's stock, as
    /// [`crate::status::on_register`] counts a record whose founding is unknown).
    pub cohort_founding_unknown: u64,
    /// One row per year, `from_year..=to_year`.
    pub years: Vec<WaveYear>,
}

/// Births and stock by year, all and without the cohort, from `from_year` to `to_year`.
///
/// Error: [`StatsError::EmptySpan`] when `to_year < from_year` or the span exceeds 200 years.
pub fn wave_growth(
    records: &[Koperasi],
    from_year: i32,
    to_year: i32,
    opts: &WaveOptions,
) -> Result<WaveGrowth, StatsError> {
    if to_year < from_year || to_year - from_year > 200 {
        return Err(StatsError::EmptySpan {
            from: from_year.to_string(),
            to: to_year.to_string(),
        });
    }
    let marks: Vec<Option<KdmpMark>> = records.iter().map(|k| kdmp_mark(k, opts)).collect();
    let count = |m: KdmpMark| marks.iter().filter(|x| **x == Some(m)).count() as u64;
    let mut years: Vec<WaveYear> = Vec::new();
    for year in from_year..=to_year {
        let end = NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or(NaiveDate::MAX);
        let mut y = WaveYear {
            year,
            births: 0,
            births_cohort: 0,
            stock: 0,
            stock_cohort: 0,
            change: None,
            change_without: None,
            pct_change: None,
            pct_change_without: None,
        };
        for (k, m) in records.iter().zip(&marks) {
            let born = k.founding_year() == Some(year);
            let on = crate::status::on_register(k, end);
            y.births += u64::from(born);
            y.stock += u64::from(on);
            if m.is_some() {
                y.births_cohort += u64::from(born);
                y.stock_cohort += u64::from(on);
            }
        }
        if let Some(prev) = years.last() {
            let (a, b) = (to_i64(prev.stock), to_i64(y.stock));
            let (a0, b0) = (
                to_i64(prev.stock - prev.stock_cohort),
                to_i64(y.stock - y.stock_cohort),
            );
            y.change = Some(b - a);
            y.change_without = Some(b0 - a0);
            y.pct_change = pct_change(a, b).ok();
            y.pct_change_without = pct_change(a0, b0).ok();
        }
        years.push(y);
    }
    Ok(WaveGrowth {
        options: *opts,
        coops: records.len() as u64,
        cohort: marks.iter().filter(|m| m.is_some()).count() as u64,
        by_name: count(KdmpMark::Name),
        by_flag: count(KdmpMark::Flag),
        by_founding_window: count(KdmpMark::FoundingWindow),
        cohort_founding_unknown: records
            .iter()
            .zip(&marks)
            .filter(|(k, m)| m.is_some() && k.founding_year().is_none())
            .count() as u64,
        years,
    })
}

fn to_i64(n: u64) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// How much of one period's change in a panel a known KDMP/KKMP count explains.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct WaveFinding {
    /// Stable code: `kdmp_wave`.
    pub code: String,
    /// The region (as given), or `None` for the panel's total.
    pub region: Option<String>,
    /// The measure (e.g. `total`).
    pub measure: String,
    /// The period before (the panel's latest period before `period`).
    pub previous: Period,
    /// The period of the jump.
    pub period: Period,
    /// The figure in `previous`.
    pub before: i64,
    /// The figure in `period`.
    pub after: i64,
    /// `after - before`.
    pub change: i64,
    /// Percentage change; `None` from zero.
    pub pct_change: Option<f64>,
    /// The KDMP/KKMP count given (e.g. from SIMKOPDES), taken as new in the period.
    pub kdmp_count: i64,
    /// `kdmp_count / change × 100`: the share of the change the count explains; `None` when
    /// the change is not positive.
    pub explained_pct: Option<f64>,
    /// `change - kdmp_count`: the change without the cohort.
    pub change_without: i64,
    /// Percentage change without the cohort; `None` from zero.
    pub pct_change_without: Option<f64>,
    /// The finding in English.
    pub detail: String,
    /// The finding in Indonesian.
    pub detail_id: String,
}

/// How much of the change of `measure` from the period before `period` to `period` (for
/// `region`, or the panel's total when `None`: [`Panel::total`], a total row counted once) a
/// KDMP/KKMP count of `kdmp_count` explains, taking the count as coops new in the period.
///
/// Errors: [`StatsError::NegativeValue`] for a negative count; [`StatsError::BadParameter`]
/// when the panel has no figure for the period or for a period before it.
pub fn explain_jump(
    panel: &Panel,
    region: Option<&str>,
    period: Period,
    measure: &str,
    kdmp_count: i64,
) -> Result<WaveFinding, StatsError> {
    if kdmp_count < 0 {
        return Err(StatsError::NegativeValue {
            what: "KDMP/KKMP count",
            value: kdmp_count,
        });
    }
    let figure = |p: Period| match region {
        Some(r) => panel.value(r, p, measure),
        None => panel.total(p, measure),
    };
    let missing = |why: &'static str, p: Period| StatsError::BadParameter {
        name: "period",
        value: p.to_string(),
        why,
    };
    let after = figure(period).ok_or(missing("the panel has no figure for this period", period))?;
    let previous = panel
        .periods()
        .into_iter()
        .filter(|p| *p < period)
        .filter(|p| figure(*p).is_some())
        .max()
        .ok_or(missing(
            "the panel has no figure for a period before it",
            period,
        ))?;
    let before = figure(previous).unwrap_or(0);
    let change = after.saturating_sub(before);
    let change_without = change.saturating_sub(kdmp_count);
    let explained_pct = (change > 0).then(|| kdmp_count as f64 / change as f64 * 100.0);
    let mut f = WaveFinding {
        code: "kdmp_wave".into(),
        region: region.map(str::to_string),
        measure: measure.to_string(),
        previous,
        period,
        before,
        after,
        change,
        pct_change: pct_change(before, after).ok(),
        kdmp_count,
        explained_pct,
        change_without,
        pct_change_without: pct_change(before, before.saturating_add(change_without)).ok(),
        detail: String::new(),
        detail_id: String::new(),
    };
    (f.detail, f.detail_id) = finding_texts(&f);
    Ok(f)
}

/// The finding in English and Indonesian (the same figures).
fn finding_texts(f: &WaveFinding) -> (String, String) {
    let signed = |n: i64, sep: char| {
        let s = format_int_grouped(n, sep);
        if n > 0 { format!("+{s}") } else { s }
    };
    let pct = |p: Option<f64>, comma: bool| match p {
        Some(p) if comma => format!(" ({p:+.1} %)").replace('.', ","),
        Some(p) => format!(" ({p:+.1} %)"),
        None => String::new(),
    };
    let where_en = f.region.as_deref().unwrap_or("the panel's total");
    let where_id = f.region.as_deref().unwrap_or("total panel");
    let share_en = f.explained_pct.map_or_else(
        || "the change is not an increase".to_string(),
        |s| format!("it explains {s:.1} % of the change"),
    );
    let share_id = f.explained_pct.map_or_else(
        || "perubahannya bukan kenaikan".to_string(),
        |s| format!("jumlah itu menjelaskan {s:.1} % dari perubahan").replace('.', ","),
    );
    let en = format!(
        "{where_en} ({}), {} -> {}: {}{}; a KDMP/KKMP count of {}: {share_en}; without it, {}{}",
        f.measure,
        f.previous,
        f.period,
        signed(f.change, ','),
        pct(f.pct_change, false),
        format_int_grouped(f.kdmp_count, ','),
        signed(f.change_without, ','),
        pct(f.pct_change_without, false),
    );
    let id = format!(
        "{where_id} ({}), {} -> {}: {}{}; jumlah KDMP/KKMP {}: {share_id}; tanpa KDMP/KKMP, {}{}",
        f.measure,
        f.previous,
        f.period,
        signed(f.change, '.'),
        pct(f.pct_change, true),
        format_int_grouped(f.kdmp_count, '.'),
        signed(f.change_without, '.'),
        pct(f.pct_change_without, true),
    );
    (en, id)
}
