//! Koperasi Desa/Kelurahan Merah Putih (issue 19): the SIMKOPDES statistics exports, stages,
//! loan readiness, the wave in growth figures, and coverage when the build has the desa level.
//! Only conversion: every figure comes from `koperasi::kopdes`; results cross as JS values in
//! the serde shape of the core's result types.
//!
//! The npm package is built without the cargo feature `desa` (the 83,762 desa/kelurahan add
//! 3.3 MB raw, 0.63 MB gzipped, to a 6.0 MB WASM): it ships the desa level as a separate file,
//! `pkg-web/wilayah_2025_desa.csv` (the same bytes the feature embeds), which JS passes in as
//! `desa` when it needs it ([`koperasi::wilayah::Table::with_desa_csv`], parsed once and kept).
//! Without it, coverage fails with the code `kopdes_desa_unavailable`, and `coops_per_desa` of
//! the statistics is `null`.

use crate::convert::{js, opt_code};
use crate::{ErrorPayload, PanelHandle, RegisterHandle, fail, from_js, iso_date, to_js};
use koperasi::kopdes::coverage::{CoverageOptions, KopdesEntry, coverage, entries_from_register};
use koperasi::kopdes::simkopdes::{StatsOptions, StatsSnapshot, read_statistics};
use koperasi::kopdes::statistics_report;
use koperasi::kopdes::{
    Checklist, StagesError, StallPreset, WaveOptions, explain_jump, readiness_report,
    stages_report, wave_growth,
};
use koperasi::register::Field;
use koperasi::wilayah::{RegionLevel, Table, TableRef, table_with_desa};
use wasm_bindgen::prelude::*;

fn preset_err(e: StagesError) -> JsValue {
    ErrorPayload::new("koperasi", e.code(), e.to_string()).into()
}

/// The Kemendagri table: the embedded one, or with `desa` (CSV bytes of the desa level) the
/// embedded one plus those rows, kept while the same bytes come again
/// ([`koperasi::wilayah::table_with_desa`]).
fn with_desa(desa: Option<Vec<u8>>) -> Result<TableRef, JsValue> {
    table_with_desa(desa.as_deref()).map_err(fail)
}

fn region_field(by: Option<String>) -> Result<Option<Field>, JsValue> {
    let Some(name) = by else { return Ok(None) };
    match Field::parse(&name) {
        Some(f @ (Field::Provinsi | Field::KabKota | Field::Kecamatan | Field::Desa)) => {
            Ok(Some(f))
        }
        _ => Err(ErrorPayload::new(
            "koperasi",
            "invalid_field",
            format!("`{name}` is not a region field; use provinsi, kab_kota, kecamatan or desa"),
        )
        .into()),
    }
}

fn snapshot(data: &[u8], data_as_of: Option<&str>, tbl: &Table) -> Result<StatsSnapshot, JsValue> {
    let options = StatsOptions {
        data_as_of: data_as_of.map(iso_date).transpose()?,
        ..Default::default()
    };
    read_statistics(data, tbl, &options).map_err(fail)
}

/// `kopdes_statistics(data, parent, previous, data_as_of, desa)` -> `{snapshot, level_check,
/// change, coops_per_desa}` (the JSON of `koperasi kopdes statistics`; `coops_per_desa` is
/// `null` without the desa level, embedded or given as `desa`, the CSV bytes of
/// `wilayah_2025_desa.csv`).
#[wasm_bindgen]
pub fn kopdes_statistics(
    data: &[u8],
    parent: Option<Vec<u8>>,
    previous: Option<Vec<u8>>,
    data_as_of: Option<String>,
    desa: Option<Vec<u8>>,
) -> Result<JsValue, JsValue> {
    let t = &with_desa(desa)?;
    let when = data_as_of.as_deref();
    let snap = snapshot(data, when, t)?;
    let parent = parent.map(|p| snapshot(&p, when, t)).transpose()?;
    let previous = previous.map(|p| snapshot(&p, None, t)).transpose()?;
    to_js(&statistics_report(
        snap,
        parent.as_ref(),
        previous.as_ref(),
        t,
    ))
}

fn coverage_of(
    entries: Vec<KopdesEntry>,
    level: &str,
    region: Option<String>,
    tbl: &Table,
) -> Result<JsValue, JsValue> {
    let level: RegionLevel = from_js("level", JsValue::from_str(level))?;
    let options = CoverageOptions {
        level,
        region: opt_code(region)?,
    };
    to_js(&coverage(&entries, tbl, &options))
}

/// The table for coverage: it must have the desa level, embedded or given.
fn coverage_table(desa: Option<Vec<u8>>) -> Result<TableRef, JsValue> {
    let tbl = with_desa(desa)?;
    if tbl.has_desa() {
        return Ok(tbl);
    }
    Err(ErrorPayload::new(
        "koperasi",
        "kopdes_desa_unavailable",
        "coverage counts desa/kelurahan, and this build has no desa level of the Kemendagri \
         table (the npm package ships it apart, for size): pass the bytes of \
         wilayah_2025_desa.csv as `desa` (loadDesaTable())"
            .into(),
    )
    .into())
}

/// `kopdes_coverage_register(register, level, region, desa)` -> `Coverage` (needs the desa
/// level: embedded, or `desa`, the CSV bytes of `wilayah_2025_desa.csv`).
#[wasm_bindgen]
pub fn kopdes_coverage_register(
    register: &RegisterHandle,
    level: &str,
    region: Option<String>,
    desa: Option<Vec<u8>>,
) -> Result<JsValue, JsValue> {
    let t = &coverage_table(desa)?;
    coverage_of(
        entries_from_register(&register.inner.records),
        level,
        region,
        t,
    )
}

/// `kopdes_coverage_table(data, level, region, desa)`: the village table of a SIMKOPDES
/// statistics export -> `Coverage` (needs the desa level, as above).
#[wasm_bindgen]
pub fn kopdes_coverage_table(
    data: &[u8],
    level: &str,
    region: Option<String>,
    desa: Option<Vec<u8>>,
) -> Result<JsValue, JsValue> {
    let t = &coverage_table(desa)?;
    coverage_of(snapshot(data, None, t)?.entries(), level, region, t)
}

/// `kopdes_stages(register, as_of, by, stall_days, per_coop)` -> `StagesReport`; `stall_days`:
/// TOML text of a stall preset (default the embedded one). Without `per_coop` the list of
/// stalled coops is left empty: at national scale (90,000 coops, ~92,000 stalled) turning it
/// into JS objects takes several times the computation (BENCHMARKS.md), and the counts do not
/// need it.
#[wasm_bindgen]
pub fn kopdes_stages(
    register: &RegisterHandle,
    as_of: &str,
    by: Option<String>,
    stall_days: Option<String>,
    per_coop: bool,
) -> Result<JsValue, JsValue> {
    let preset = match stall_days {
        Some(t) => StallPreset::from_toml(&t),
        None => StallPreset::default_preset(),
    }
    .map_err(preset_err)?;
    let mut r = stages_report(
        &register.inner.records,
        iso_date(as_of)?,
        region_field(by)?,
        &preset,
    );
    if !per_coop {
        r.stalled = Vec::new();
    }
    to_js(&r)
}

/// `kopdes_readiness(register, checklist, as_of, by, per_coop)` -> `ReadinessReport`;
/// `checklist`: TOML text (default PMK 49/2025). Without `per_coop` the checklist of each coop
/// (`coops`) is left empty, as the stalled list of [`kopdes_stages`].
#[wasm_bindgen]
pub fn kopdes_readiness(
    register: &RegisterHandle,
    checklist: Option<String>,
    as_of: Option<String>,
    by: Option<String>,
    per_coop: bool,
) -> Result<JsValue, JsValue> {
    let list = match checklist {
        Some(t) => Checklist::from_toml(&t),
        None => Checklist::pmk_49_2025(),
    }
    .map_err(preset_err)?;
    let when = as_of.as_deref().map(iso_date).transpose()?;
    let mut r = readiness_report(&register.inner.records, &list, when, region_field(by)?);
    if !per_coop {
        r.coops = Vec::new();
    }
    to_js(&r)
}

/// `kopdes_wave_register(register, from_year, to_year, founding_window)` -> `WaveGrowth`.
#[wasm_bindgen]
pub fn kopdes_wave_register(
    register: &RegisterHandle,
    from_year: i32,
    to_year: i32,
    founding_window: bool,
) -> Result<JsValue, JsValue> {
    let opts = WaveOptions {
        founding_window,
        ..WaveOptions::default()
    };
    js(wave_growth(
        &register.inner.records,
        from_year,
        to_year,
        &opts,
    ))
}

/// `kopdes_wave_panel(panel, kdmp_count, at, region, measure)` -> `WaveFinding` (how much of
/// the jump at `at`, default the last period, the count explains).
#[wasm_bindgen]
pub fn kopdes_wave_panel(
    panel: &PanelHandle,
    kdmp_count: u32,
    at: Option<String>,
    region: Option<String>,
    measure: Option<String>,
) -> Result<JsValue, JsValue> {
    let p = &panel.inner;
    let when = match at.as_deref() {
        Some(a) => koperasi::stats::Period::parse(a).map_err(fail)?,
        None => p.periods().last().copied().ok_or_else(|| {
            JsValue::from(ErrorPayload::new(
                "koperasi",
                "stats_empty",
                "the panel has no period".into(),
            ))
        })?,
    };
    let m = measure.as_deref().unwrap_or(koperasi::stats::TOTAL);
    let f = explain_jump(p, region.as_deref(), when, m, i64::from(kdmp_count)).map_err(fail)?;
    to_js(&f)
}
