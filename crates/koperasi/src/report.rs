//! Reports: what `koperasi report` shows, as data. Rendering (terminal table, markdown, CSV,
//! JSON) is the caller's job, so that the CLI, Python and the browser show the same figures.
//!
//! [`build_report`] reads a CSV, tells a register from a panel, and builds a [`PanelReport`] or
//! a [`RegisterReport`].

use crate::cooperative::Koperasi;
use crate::error::ReadError;
use crate::io::{Opened, ReadOptions, ReadReport, Streamed, Table, open_input, stream_any};
use crate::register::{
    CountTable, Counter, DuplicateFinder, DuplicateGroup, Field, ReasonTally, Register,
    RegistrationsByYear,
};
use crate::stats::checks::{CheckParams, Finding, run_checks};
use crate::stats::growth::{GrowthRow, cagr};
use crate::stats::levels::{Levels, Node};
use crate::stats::panel::{AKTIF, TIDAK_AKTIF, TOTAL};
use crate::stats::read_as::{ReadAs, read_as};
use crate::stats::series::comparable;
use crate::stats::{Panel, Period};
use crate::status::{PolicyComparer, PolicyComparison, Status, StatusPolicy};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Options of a report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ReportOptions {
    /// Reference date for status (registers). Required: the library never reads the clock.
    pub as_of: NaiveDate,
    /// Status policy for registers.
    pub policy: StatusPolicy,
    /// Breakdown for registers (default: kecamatan).
    pub by: Vec<Field>,
    /// Thresholds of the consistency checks (panels).
    pub checks: CheckParams,
    /// How many regions to list as grew most / shrank most (panels).
    pub top: usize,
    /// Reader options (column mapping, delimiter, region of the file).
    pub read: ReadOptions,
    /// Status policies to compare on a register ([`crate::status::compare_policies`]), e.g.
    /// `national`, `office`, `permenkop_25_2015`; empty (the default): no comparison. A list
    /// that [`PolicyComparer::new`] refuses (two policies with one name, an invalid policy)
    /// gives no comparison either: check it with [`PolicyComparer::new`] first.
    #[serde(default)]
    pub compare: Vec<StatusPolicy>,
}

impl ReportOptions {
    /// Defaults: national policy, breakdown by kecamatan, default check thresholds, top 5.
    pub fn new(as_of: NaiveDate) -> ReportOptions {
        ReportOptions {
            as_of,
            policy: StatusPolicy::national(),
            by: vec![Field::Kecamatan],
            checks: CheckParams::default(),
            top: 5,
            read: ReadOptions::default(),
            compare: Vec::new(),
        }
    }
}

/// A report on either kind of file. Each variant is boxed: the two reports differ in size, and
/// a report is built once per call.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Report {
    /// A panel of published counts.
    Panel(Box<PanelReport>),
    /// A register of cooperatives.
    Register(Box<RegisterReport>),
}

/// Totals of one period over all regions of a panel.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PeriodTotals {
    /// The period.
    pub period: Period,
    /// Distinct regions with a row in this period (a region listed in several breakdowns of a
    /// hierarchical table, or repeated by the file, counts once).
    pub regions: u64,
    /// Regions the period's figures cover: the rows summed, a total row (national, province,
    /// `JUMLAH`) counting as the regions it totals.
    #[serde(default)]
    pub summed: u64,
    /// Rows of this period that are totals of other rows, not summed with them.
    #[serde(default)]
    pub total_rows: u64,
    /// False when this period's figures cover other regions than the previous period's (a
    /// `series_break` finding says which): `change` and `pct_change` are then over the regions
    /// present in both. True for the first period.
    #[serde(default = "yes")]
    pub comparable: bool,
    /// Sum of `aktif` (None when no row has it).
    pub aktif: Option<i64>,
    /// Sum of `tidak_aktif`.
    pub tidak_aktif: Option<i64>,
    /// Sum of `total`.
    pub total: Option<i64>,
    /// Change of `total` from the previous period (over the regions present in both when
    /// `comparable` is false).
    pub change: Option<i64>,
    /// Percent change of `total` from the previous period, over the same regions as `change`
    /// (None when the base is not positive).
    pub pct_change: Option<f64>,
    /// Share of aktif in the total, in percent: `aktif / total * 100`.
    pub active_share: Option<f64>,
}

/// Growth over the whole span of a panel.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Span {
    /// First period.
    pub from: Period,
    /// Last period.
    pub to: Period,
    /// Length in years (see [`Period::years_between`]).
    pub years: f64,
    /// Total at the first period.
    pub total_from: Option<i64>,
    /// Total at the last period.
    pub total_to: Option<i64>,
    /// `aktif` at the first period.
    pub aktif_from: Option<i64>,
    /// `aktif` at the last period.
    pub aktif_to: Option<i64>,
    /// Compound annual growth rate of the total, in percent.
    pub cagr_total: Option<f64>,
    /// Compound annual growth rate of `aktif`, in percent.
    pub cagr_aktif: Option<f64>,
    /// Regions compared: those both ends cover.
    #[serde(default)]
    pub regions: u64,
    /// False when the first and last periods cover different regions: the figures and CAGRs
    /// above are then over the regions present at both ends only (never a CAGR across a
    /// change of coverage).
    #[serde(default = "yes")]
    pub comparable: bool,
}

fn yes() -> bool {
    true
}

/// The report on a panel.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PanelReport {
    /// How the file was read (layout, columns, region levels, measures, total rows), stated
    /// before any figure.
    pub read_as: ReadAs,
    /// Where the figures come from (file name, or the embedded sample and its source).
    pub source: String,
    /// What the reader did.
    pub read: ReadReport,
    /// Number of regions.
    pub regions: u64,
    /// Region names that could not be matched to a Kemendagri code at any level (ambiguous,
    /// or no Indonesian region); the nation and `JUMLAH`/`TOTAL` rows are not listed.
    pub unresolved_regions: Vec<String>,
    /// Totals per period, in order.
    pub periods: Vec<PeriodTotals>,
    /// Growth over the span.
    pub span: Option<Span>,
    /// Regions whose total grew most over the span.
    pub grew_most: Vec<GrowthRow>,
    /// Regions whose total shrank most over the span.
    pub shrank_most: Vec<GrowthRow>,
    /// Consistency findings.
    pub findings: Vec<Finding>,
}

/// A sum of members over the records that state them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MembersSum {
    /// Sum of members.
    pub total: u64,
    /// Records whose member count is known.
    pub records_with_members: u64,
}

/// How many badan hukum numbers are of each kind, and how many state a year.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct BadanHukumSummary {
    /// Records with a nomor badan hukum.
    pub with_number: u64,
    /// Records without one.
    pub without_number: u64,
    /// Numbers in the AHU form.
    pub ahu: u64,
    /// Amendment (PAD) numbers.
    pub amendments: u64,
    /// Numbers from which a year could be read.
    pub with_year: u64,
}

/// The report on a register.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RegisterReport {
    /// Where the records come from.
    pub source: String,
    /// What the reader did.
    pub read: ReadReport,
    /// Reference date of the status.
    pub as_of: NaiveDate,
    /// Name of the status policy.
    pub policy: String,
    /// Number of records.
    pub records: u64,
    /// Records on the register as of the date: founded by then (or founding unknown) and not
    /// dissolved ([`crate::status::on_register`]). The breakdown counts these.
    pub on_register: u64,
    /// Records founded after the date (not yet on the register then).
    pub founded_later: u64,
    /// Counts by the requested breakdown, of the records on the register as of the date.
    pub counts: CountTable,
    /// Counts by status.
    pub status_counts: BTreeMap<Status, u64>,
    /// Counts by status and deciding reason.
    pub reasons: Vec<crate::register::ReasonCount>,
    /// Active cooperatives with no RAT for the latest closed book year in the window
    /// (Kemenkop "KA – tidak RAT").
    pub active_without_latest_rat: u64,
    /// Region names (kecamatan, kab/kota, provinsi as written) that could not be matched to a
    /// Kemendagri code at their level, with how many records carry them, most frequent first.
    pub unresolved_regions: Vec<UnresolvedRegion>,
    /// Members of the cooperatives on the register as of the date, summed over those whose
    /// member count is known (`total`, else male + female), and how many those are.
    pub members: MembersSum,
    /// Records identified (found at address and board known) by a field check.
    pub identified: u64,
    /// Registrations by year, from the tanggal badan hukum or the year in the number.
    pub registrations: RegistrationsByYear,
    /// Badan hukum numbers by kind.
    pub badan_hukum: BadanHukumSummary,
    /// Duplicate groups (reported, never dropped), with the names of their records.
    pub duplicates: Vec<DuplicateReport>,
    /// Records by the office's own status column x the assessed status
    /// ([`crate::office`]); `None` when the register has no office status column.
    #[serde(default)]
    pub office_status: Option<crate::office::OfficeStatusCross>,
    /// Values of the jenis column that are neither one of the five jenis nor a legacy kelompok
    /// (KSU, KUD), each once with how many rows carry it (the rows are `jenis_unrecognised`
    /// cell errors; the value is kept as the kelompok).
    #[serde(default)]
    pub unknown_jenis: Vec<crate::office::ValueCount>,
    /// Findings on the records, in line order within each code: first the facts in an
    /// impossible order ([`crate::fact_order`]: dissolved before founded, an RAT before the
    /// founding or after the dissolution, a last RAT after the register's data date), then
    /// `office_status_disagrees`
    /// ([`crate::office`]), `coordinates_outside_indonesia` ([`crate::geo`]).
    #[serde(default)]
    pub findings: Vec<Finding>,
    /// The register under each policy of [`ReportOptions::compare`] as of the report's date:
    /// counts under each, and for each pair the coops that change status, grouped by why
    /// ([`crate::status::compare_policies`]). `None` (and left out of the JSON) when no
    /// comparison was asked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub policy_comparison: Option<PolicyComparison>,
    /// Records whose identification is unknown as of the date (no field check by then, or a
    /// check that did not record both the address and the board), so that `identified` is
    /// never read as "none identified" when nobody checked: `identified + identified_unknown`
    /// is at most `records`.
    #[serde(default)]
    pub identified_unknown: u64,
    /// The figures of every published definition the register supports as of the date, each
    /// with the facts it rests on, and what it cannot support
    /// ([`crate::statements::funnel`]), without breakdown (the counts give the parts).
    #[serde(default)]
    pub funnel: Option<crate::statements::Funnel>,
}

/// A duplicate group with the names and lines of its records.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DuplicateReport {
    /// The group.
    pub group: DuplicateGroup,
    /// (source line, name) of each record.
    pub members: Vec<(Option<u64>, String)>,
}

/// Read `input` (a register or a panel CSV) and build its report.
///
/// A register is not held: its records are counted as they are read
/// ([`RegisterReportBuilder`]), so memory grows with what the report keeps per record (the
/// keys and name used to find duplicates), not with the records.
///
/// `source` names the input in the report (a path, or a description of embedded data).
/// Errors: those of [`crate::io::read_any`] (unreadable file, unknown layout, missing column).
pub fn build_report<R: std::io::Read>(
    input: R,
    source: &str,
    options: &ReportOptions,
) -> Result<Report, ReadError> {
    let mut builder = RegisterReportBuilder::new(options);
    Ok(
        match stream_any(input, &options.read, |i, k| builder.add(i, &k))? {
            Streamed::Panel(p, read) => {
                Report::Panel(Box::new(panel_report(&p, read, source, options)))
            }
            Streamed::Register(read) => Report::Register(Box::new(builder.finish(read, source))),
        },
    )
}

/// Read any input (a workbook or CSV, told apart as [`crate::io::open_input`] does: by its
/// first bytes, or a workbook extension of `name`) and build its report: the one report entry
/// point of the CLI, Python and JavaScript. A CSV register is not held ([`build_report`]); a
/// workbook is read whole (`sheet`: a name or 1-based number, `None` the first sheet with a
/// header).
///
/// `name` is the input's path or file name when known (only its extension is used); `source`
/// names the input in the report. Errors: those of [`crate::io::open_input`] and
/// [`build_report`].
pub fn build_report_from<R: std::io::Read>(
    input: R,
    name: Option<&str>,
    sheet: Option<&str>,
    source: &str,
    options: &ReportOptions,
) -> Result<Report, ReadError> {
    Ok(match open_input(input, name, sheet, &options.read)? {
        Opened::Text(text) => return build_report(text, source, options),
        Opened::Table(t) => report_of_table(t, source, options),
    })
}

/// The report of a register or panel already read (a workbook sheet, or a DataFrame handed
/// over as cells by a binding): [`panel_report`] or [`register_report`].
pub fn report_of_table(table: Table, source: &str, options: &ReportOptions) -> Report {
    match table {
        Table::Panel(p, read) => Report::Panel(Box::new(panel_report(&p, read, source, options))),
        Table::Register(r, read) => {
            Report::Register(Box::new(register_report(&r, read, source, options)))
        }
    }
}

/// Build the report on a panel already read.
///
/// The figure of a period sums its top rows, a total row (national, province among its
/// kab/kota, `JUMLAH`) standing for its parts and never added to them
/// ([`crate::stats::levels`]); `options.checks.parent_region`, when set, is left out. Changes
/// and the CAGR are over the regions present at both ends ([`crate::stats::series`]).
pub fn panel_report(
    panel: &Panel,
    read: ReadReport,
    source: &str,
    options: &ReportOptions,
) -> PanelReport {
    let parent = options.checks.parent_region.as_deref();
    let within = options.read.region.as_ref();
    let lv = Levels::new(panel, parent, within);
    let periods = period_totals(panel, &lv);
    let span = span_of(&lv, &periods);
    let (grew_most, shrank_most) = match &span {
        Some(s) => movers(panel, &lv, parent, s, options.top),
        None => (Vec::new(), Vec::new()),
    };
    let mut unresolved: Vec<String> = lv
        .index
        .regions
        .iter()
        .zip(&lv.nodes)
        .filter(|(_, n)| matches!(n, Node::Ambiguous(_) | Node::Unknown))
        .flat_map(|(r, _)| r.rows.iter().map(|x| x.region.clone()))
        // The file's own region of a table that names none (`--region` names it).
        .filter(|name| name != crate::io::shapes::FILE_REGION)
        .collect();
    unresolved.sort();
    unresolved.dedup();
    PanelReport {
        read_as: read_as(panel, &read, parent, within),
        source: source.to_string(),
        read,
        regions: panel.regions().len() as u64,
        unresolved_regions: unresolved,
        periods,
        span,
        grew_most,
        shrank_most,
        findings: run_checks(panel, &options.checks),
    }
}

/// The regions whose total grew and shrank most over the span; total rows (national,
/// province, `JUMLAH`) and the `parent` region left out.
fn movers(
    panel: &Panel,
    lv: &Levels<'_>,
    parent: Option<&str>,
    s: &Span,
    top: usize,
) -> (Vec<GrowthRow>, Vec<GrowthRow>) {
    use crate::stats::panel::region_key;
    let totals: std::collections::BTreeSet<String> = lv
        .total_regions()
        .into_iter()
        .filter_map(|i| lv.region(i).map(|r| region_key(r.name)))
        .collect();
    let all = match parent {
        Some(name) => panel.without_region(name).growth(TOTAL, s.from, s.to),
        None => panel.growth(TOTAL, s.from, s.to),
    };
    let g: Vec<GrowthRow> = all
        .into_iter()
        .filter(|g| !totals.contains(&region_key(&g.region)))
        .collect();
    (
        crate::stats::growth::grew_most(&g, top),
        crate::stats::growth::shrank_most(&g, top),
    )
}

/// Totals per period, each change over the regions present in both periods.
fn period_totals(panel: &Panel, lv: &Levels<'_>) -> Vec<PeriodTotals> {
    let mut out: Vec<PeriodTotals> = Vec::with_capacity(lv.periods.len());
    let mut prev: Option<Period> = None;
    for (period, tree) in &lv.periods {
        let sum = |m: &str| lv.period_sum(*period, m, None);
        let (total, aktif) = (sum(TOTAL), sum(AKTIF));
        let (from, to, _, same) = match prev {
            Some(p) => comparable(lv, p, *period, TOTAL),
            None => (None, None, 0, true),
        };
        let growth = crate::stats::growth::pct_change;
        out.push(PeriodTotals {
            period: *period,
            regions: regions_in(panel, *period),
            summed: crate::stats::series::coverage(lv, *period).len() as u64,
            total_rows: tree.members.iter().filter(|m| tree.is_total(**m)).count() as u64,
            comparable: same,
            aktif,
            tidak_aktif: sum(TIDAK_AKTIF),
            total,
            change: to
                .zip(from)
                .map(|(t, f)| crate::stats::growth::change(f, t)),
            pct_change: to.zip(from).and_then(|(t, f)| growth(f, t).ok()),
            active_share: aktif
                .zip(total)
                .and_then(|(a, t)| crate::stats::growth::active_share(a, t).ok())
                .map(|x| x * 100.0),
        });
        prev = Some(*period);
    }
    out
}

/// Distinct regions (by code and name) with a row in `period`.
fn regions_in(panel: &Panel, period: Period) -> u64 {
    use crate::stats::panel::region_key;
    let set: std::collections::BTreeSet<_> = panel
        .rows
        .iter()
        .filter(|r| r.period == period)
        .map(|r| (r.region_code, region_key(&r.region)))
        .collect();
    set.len() as u64
}

/// Growth from the first to the last period, over the regions present at both ends.
fn span_of(lv: &Levels<'_>, periods: &[PeriodTotals]) -> Option<Span> {
    let (a, b) = match (periods.first(), periods.last()) {
        (Some(a), Some(b)) if a.period != b.period => (a.period, b.period),
        _ => return None,
    };
    let years = Period::years_between(&a, &b);
    let (total_from, total_to, regions, same) = comparable(lv, a, b, TOTAL);
    let (aktif_from, aktif_to, _, _) = comparable(lv, a, b, AKTIF);
    let rate = |x: Option<i64>, y: Option<i64>| x.zip(y).and_then(|(x, y)| cagr(x, y, years).ok());
    Some(Span {
        from: a,
        to: b,
        years,
        total_from,
        total_to,
        aktif_from,
        aktif_to,
        cagr_total: rate(total_from, total_to),
        cagr_aktif: rate(aktif_from, aktif_to),
        regions: regions as u64,
        comparable: same,
    })
}

/// A region name of a register that matched no Kemendagri code at its level.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct UnresolvedRegion {
    /// The name as written.
    pub name: String,
    /// The level it was written as (the column: kecamatan, kab/kota or provinsi).
    pub level: crate::wilayah::Level,
    /// How many records carry it.
    pub count: u64,
    /// Close official names ("did you mean"), as `"<code> <name>"`, best first, searched
    /// within what the records' codes already say (e.g. their kab/kota).
    pub suggestions: Vec<String>,
}

/// Region names of a register that did not resolve to a code at their own level (a kecamatan
/// name whose record has no kecamatan code, ...), with counts and spelling suggestions, most
/// frequent first.
pub fn unresolved_regions(register: &Register) -> Vec<UnresolvedRegion> {
    let mut t = UnresolvedTally::default();
    for k in &register.records {
        t.add(k);
    }
    t.finish()
}

/// [`unresolved_regions`] one record at a time.
#[derive(Debug, Default)]
pub(crate) struct UnresolvedTally {
    counts: BTreeMap<
        (
            String,
            crate::wilayah::Level,
            Option<crate::wilayah::KodeWilayah>,
        ),
        u64,
    >,
}

impl UnresolvedTally {
    /// Count the region name of `k` that did not resolve at its own level, if any.
    pub fn add(&mut self, k: &Koperasi) {
        use crate::wilayah::Level;
        let level = k.location.code.map(|c| c.level());
        let reached = |l: Level| level.is_some_and(|x| x >= l);
        let loc = &k.location;
        let named = [
            (loc.kecamatan.as_deref(), Level::Kecamatan),
            (loc.kab_kota.as_deref(), Level::KabupatenKota),
            (loc.provinsi.as_deref(), Level::Provinsi),
        ];
        if let Some((Some(name), l)) = named.into_iter().find(|(n, l)| n.is_some() && !reached(*l))
        {
            *self
                .counts
                .entry((name.to_string(), l, k.location.code))
                .or_default() += 1;
        }
    }

    /// The names with counts and suggestions, most frequent first.
    pub fn finish(self) -> Vec<UnresolvedRegion> {
        use crate::wilayah::Level;
        let t = crate::wilayah::table();
        let mut merged: BTreeMap<(String, Level), UnresolvedRegion> = BTreeMap::new();
        for ((name, level, within), n) in self.counts {
            let e = merged
                .entry((name.clone(), level))
                .or_insert_with(|| UnresolvedRegion {
                    name: name.clone(),
                    level,
                    count: 0,
                    suggestions: Vec::new(),
                });
            e.count += n;
            for w in t.suggest(&name, level, within.as_ref()) {
                let label = format!("{} {}", w.code, w.name);
                if !e.suggestions.contains(&label) {
                    e.suggestions.push(label);
                }
            }
        }
        let mut v: Vec<UnresolvedRegion> = merged.into_values().collect();
        v.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.name.cmp(&b.name)));
        v
    }
}

/// One cooperative's status as of a date, flat for a table or a CSV row.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct StatusRow {
    /// 1-based line in the source file.
    pub line: Option<u64>,
    /// Identifier from the source.
    pub source_id: Option<String>,
    /// Name.
    pub name: String,
    /// Resolved region code and official name (`32.71.03 Bogor Tengah`), else the name as
    /// written (kecamatan, kab/kota or provinsi, the most precise given).
    pub region: Option<String>,
    /// Desa/kelurahan as written.
    pub desa: Option<String>,
    /// The assessment (status, reasons with details, identified, RAT window).
    pub assessment: crate::status::Assessment,
    /// The record's columns the reader did not use (e.g. `Keterangan`), as (header, value), so
    /// that a list of statuses carries them along.
    pub extra: Vec<(String, String)>,
}

/// Assess every record of a register as of a date: one [`StatusRow`] per record, in file order.
pub fn status_rows(register: &Register, as_of: NaiveDate, policy: &StatusPolicy) -> Vec<StatusRow> {
    register
        .records
        .iter()
        .map(|k| {
            let region = crate::register::region_label(k);
            StatusRow {
                line: k.source_line,
                source_id: k.source_id.clone(),
                name: k.name.clone(),
                region,
                desa: k.location.desa.clone(),
                assessment: crate::status::assess(k, as_of, policy),
                extra: k.extra.clone(),
            }
        })
        .collect()
}

/// How many assessments were decided by the reason `code`.
fn status_counts_reason(reasons: &[crate::register::ReasonCount], code: &str) -> u64 {
    reasons
        .iter()
        .filter(|r| r.code == code)
        .map(|r| r.count)
        .sum()
}

/// Build the report on a register already read: [`RegisterReportBuilder`] over its records.
pub fn register_report(
    register: &Register,
    read: ReadReport,
    source: &str,
    options: &ReportOptions,
) -> RegisterReport {
    let mut builder = RegisterReportBuilder::new(options);
    for (i, k) in register.records.iter().enumerate() {
        builder.add(i, k);
    }
    builder.finish(read, source)
}

/// A [`RegisterReport`] built one record at a time, without holding the register: give each
/// record with its index in the register ([`RegisterReportBuilder::add`], in any order, e.g.
/// from [`crate::io::register::for_each_register_record`]), then
/// [`RegisterReportBuilder::finish`]. Per record it keeps only what the duplicate search needs
/// (NIK, badan hukum key, kab/kota and normalised name, source line and name); the rest are
/// counts.
pub struct RegisterReportBuilder<'o> {
    options: &'o ReportOptions,
    records: u64,
    status_counts: BTreeMap<Status, u64>,
    reasons: ReasonTally,
    active_without_latest_rat: u64,
    on_register: u64,
    members: MembersSum,
    identified: u64,
    identified_unknown: u64,
    badan_hukum: BadanHukumSummary,
    counts: Counter<'o>,
    registrations: RegistrationsByYear,
    unresolved: UnresolvedTally,
    duplicates: DuplicateFinder,
    /// Name by record index, for the duplicate groups (their lines are in the groups).
    names: Vec<String>,
    /// Fact-order findings by record index.
    findings: Vec<(usize, Finding)>,
    office: crate::office::OfficeTally,
    coordinate_findings: Vec<Finding>,
    comparer: Option<PolicyComparer>,
    funnel: crate::statements::FunnelTally,
}

impl<'o> RegisterReportBuilder<'o> {
    /// An empty report under `options` (as-of date, policy, breakdown).
    pub fn new(options: &'o ReportOptions) -> Self {
        RegisterReportBuilder {
            options,
            records: 0,
            status_counts: Status::ALL.iter().map(|s| (*s, 0)).collect(),
            reasons: ReasonTally::default(),
            active_without_latest_rat: 0,
            on_register: 0,
            members: MembersSum::default(),
            identified: 0,
            identified_unknown: 0,
            badan_hukum: BadanHukumSummary::default(),
            counts: Counter::new(&options.by, options.as_of, &options.policy),
            registrations: RegistrationsByYear::default(),
            unresolved: UnresolvedTally::default(),
            duplicates: DuplicateFinder::default(),
            names: Vec::new(),
            findings: Vec::new(),
            office: crate::office::OfficeTally::default(),
            coordinate_findings: Vec::new(),
            comparer: match options.compare.as_slice() {
                [] => None,
                policies => PolicyComparer::new(options.as_of, policies).ok(),
            },
            funnel: crate::statements::FunnelTally::new(options.as_of, &options.policy, &[]),
        }
    }

    /// Count the record at `index` of the register.
    pub fn add(&mut self, index: usize, k: &Koperasi) {
        let as_of = self.options.as_of;
        self.records += 1;
        let a = crate::status::assess(k, as_of, &self.options.policy);
        *self.status_counts.entry(a.status).or_default() += 1;
        if a.status == Status::Active && a.rat_for_last_closed_year == Some(false) {
            self.active_without_latest_rat += 1;
        }
        self.reasons.add(&a);
        self.funnel.add(k, &a);
        // The office status is compared with the status as of the report's date, not yet as of
        // the register's data date (`ReadReport::data_as_of`, known only once the title block
        // is read): an office status written on 31 December 2024 may be judged by RATs due
        // later. Left open on issue 15.
        self.office.add(k, &a);
        self.coordinate_findings
            .extend(crate::geo::check_coordinates(k));
        if let Some(c) = &mut self.comparer {
            c.add(index, k);
        }
        if crate::status::on_register(k, as_of) {
            self.on_register += 1;
            self.counts.add_assessed(k, a.status);
            let n = k.members.and_then(|m| {
                m.total.or(match (m.male, m.female) {
                    (Some(a), Some(b)) => a.checked_add(b),
                    _ => None,
                })
            });
            if let Some(n) = n {
                self.members.total = self.members.total.saturating_add(n);
                self.members.records_with_members += 1;
            }
        }
        match k.identified(as_of) {
            Some(true) => self.identified += 1,
            Some(false) => {}
            None => self.identified_unknown += 1,
        }
        let bh = &mut self.badan_hukum;
        match &k.badan_hukum {
            None => bh.without_number += 1,
            Some(b) => {
                bh.with_number += 1;
                bh.ahu += u64::from(b.is_ahu);
                bh.amendments += u64::from(b.is_amendment);
                bh.with_year += u64::from(b.year.is_some());
            }
        }
        self.registrations.add(k);
        self.unresolved.add(k);
        self.duplicates.add(index, k);
        if self.names.len() <= index {
            self.names.resize(index + 1, String::new());
        }
        if let Some(slot) = self.names.get_mut(index) {
            slot.clone_from(&k.name);
        }
        self.findings.extend(
            crate::fact_order::fact_order_findings(k)
                .into_iter()
                .map(|f| (index, f)),
        );
    }

    /// The report, with the read report of the file and a name for its source.
    pub fn finish(self, read: ReadReport, source: &str) -> RegisterReport {
        let names = self.names;
        let duplicates = self
            .duplicates
            .finish()
            .into_iter()
            .map(|g| {
                let members = g
                    .records
                    .iter()
                    .zip(&g.lines)
                    .filter_map(|(&i, line)| names.get(i).map(|n| (*line, n.clone())))
                    .collect();
                DuplicateReport { group: g, members }
            })
            .collect();
        let reasons = self.reasons.finish();
        let mut order_findings = self.findings;
        order_findings.sort_by_key(|(i, _)| *i);
        let (office_status, office_findings) = self.office.finish(&read);
        let mut findings: Vec<Finding> = order_findings.into_iter().map(|(_, f)| f).collect();
        findings.extend(office_findings);
        let mut coordinate_findings = self.coordinate_findings;
        coordinate_findings.sort_by_key(|f| f.lines.first().copied());
        findings.extend(coordinate_findings);
        let unknown_jenis = crate::office::unrecognised_values(&read, "jenis_unrecognised");
        let funnel = Some(self.funnel.finish(Some(&read)));
        RegisterReport {
            source: source.to_string(),
            read,
            as_of: self.options.as_of,
            policy: self.options.policy.name.clone(),
            records: self.records,
            counts: self.counts.finish(),
            on_register: self.on_register,
            founded_later: status_counts_reason(&reasons, "not_yet_founded"),
            status_counts: self.status_counts,
            reasons,
            active_without_latest_rat: self.active_without_latest_rat,
            members: self.members,
            unresolved_regions: self.unresolved.finish(),
            identified: self.identified,
            identified_unknown: self.identified_unknown,
            registrations: self.registrations,
            badan_hukum: self.badan_hukum,
            duplicates,
            office_status,
            unknown_jenis,
            findings,
            policy_comparison: self.comparer.map(PolicyComparer::finish),
            funnel,
        }
    }
}
