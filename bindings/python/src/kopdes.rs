//! Koperasi Desa/Kelurahan Merah Putih (issue 19): coverage of every desa/kelurahan, the
//! SIMKOPDES statistics exports, stages, loan readiness and the wave in growth figures. Only
//! conversion: every figure comes from `koperasi::kopdes`; results cross the boundary in the
//! serde shape of the core's result types (dicts).

use crate::convert::{date, fields, named, opt_date, opt_kode, period, ser};
use crate::errors::{OrRaise, invalid};
use crate::read::source;
use crate::register::PyRegister;
use crate::stats::PyPanel;
use koperasi::kopdes::coverage::{CoverageOptions, coverage, entries_from_register};
use koperasi::kopdes::simkopdes::{StatsOptions, StatsSnapshot, read_statistics};
use koperasi::kopdes::statistics_report;
use koperasi::kopdes::{
    Checklist, StagesError, StallPreset, WaveOptions, explain_jump, readiness_report,
    stages_report, wave_growth,
};
use koperasi::register::Field;
use koperasi::wilayah::{RegionLevel, table};
use pyo3::prelude::*;

fn preset_err(py: Python<'_>, e: StagesError) -> PyErr {
    invalid(py, e.code(), None, e.to_string())
}

/// One region field (`provinsi`, `kab_kota`, `kecamatan`, `desa`) or none.
fn region_field(py: Python<'_>, by: Option<String>) -> PyResult<Option<Field>> {
    let Some(name) = by else { return Ok(None) };
    match fields(py, vec![name.clone()])?.first() {
        Some(f @ (Field::Provinsi | Field::KabKota | Field::Kecamatan | Field::Desa)) => {
            Ok(Some(*f))
        }
        _ => {
            let m = format!(
                "`{name}` is not a region field; use provinsi, kab_kota, kecamatan or desa"
            );
            Err(invalid(py, "invalid_field", Some(name), m))
        }
    }
}

/// A statistics table read from bytes or a path (the file name may carry the date).
fn snapshot(
    py: Python<'_>,
    data: Option<&[u8]>,
    path: Option<&str>,
    data_as_of: Option<&str>,
) -> PyResult<StatsSnapshot> {
    let options = StatsOptions {
        data_as_of: opt_date(py, data_as_of)?,
        file_name: path.map(|p| {
            let name = std::path::Path::new(p).file_name();
            name.map_or_else(|| p.to_string(), |n| n.to_string_lossy().into_owned())
        }),
        ..Default::default()
    };
    read_statistics(source(py, data, path)?, table(), &options).or_raise(py)
}

/// `kopdes_coverage(register | data | path, level, region)`: the serde shape of `Coverage`.
/// A table with a `cooperatives` column is read as a SIMKOPDES village statistics table.
#[pyfunction]
#[pyo3(signature = (register=None, data=None, path=None, level="provinsi", region=None))]
pub fn kopdes_coverage<'py>(
    py: Python<'py>,
    register: Option<&Bound<'py, PyRegister>>,
    data: Option<&[u8]>,
    path: Option<&str>,
    level: &str,
    region: Option<&str>,
) -> PyResult<Bound<'py, PyAny>> {
    let names = "nasional, provinsi, kabupaten_kota, kecamatan, desa_kelurahan";
    let level: RegionLevel = named(py, level, "invalid_level", names)?;
    let region = opt_kode(py, region)?;
    if let Some(r) = region.filter(|r| table().get(r).is_none()) {
        let m = format!("no region {r} in the Kemendagri 2025 table");
        return Err(invalid(py, "wilayah_unknown_code", Some(r.to_string()), m));
    }
    let entries = match register {
        Some(r) => entries_from_register(&r.get().0.records),
        None => {
            let snap = snapshot(py, data, path, None)?;
            if snap.level != RegionLevel::DesaKelurahan {
                let m = "this table counts coops above village level, not a list of \
                         cooperatives: use kopdes_statistics for it";
                return Err(invalid(py, "kopdes_not_a_list", None, m.into()));
            }
            snap.entries()
        }
    };
    let options = CoverageOptions { level, region };
    ser(py, &py.detach(|| coverage(&entries, table(), &options)))
}

/// `kopdes_statistics(data | path, parent, previous, data_as_of)`: `{"snapshot",
/// "level_check", "change", "coops_per_desa"}` (the JSON of `koperasi kopdes statistics`).
#[pyfunction]
#[pyo3(signature = (data=None, path=None, parent=None, parent_path=None, previous=None, previous_path=None, data_as_of=None))]
#[allow(clippy::too_many_arguments)]
pub fn kopdes_statistics<'py>(
    py: Python<'py>,
    data: Option<&[u8]>,
    path: Option<&str>,
    parent: Option<&[u8]>,
    parent_path: Option<&str>,
    previous: Option<&[u8]>,
    previous_path: Option<&str>,
    data_as_of: Option<&str>,
) -> PyResult<Bound<'py, PyAny>> {
    let snap = snapshot(py, data, path, data_as_of)?;
    let parent = match (parent, parent_path) {
        (None, None) => None,
        (d, p) => Some(snapshot(py, d, p, data_as_of)?),
    };
    let previous = match (previous, previous_path) {
        (None, None) => None,
        (d, p) => Some(snapshot(py, d, p, None)?),
    };
    let report = py.detach(|| statistics_report(snap, parent.as_ref(), previous.as_ref(), table()));
    ser(py, &report)
}

/// `kopdes_stages(register, as_of, by, stall_days)`: the serde shape of `StagesReport`;
/// `stall_days`, TOML text of a `StallPreset` (default: the embedded preset).
#[pyfunction]
#[pyo3(signature = (register, as_of, by=None, stall_days=None))]
pub fn kopdes_stages<'py>(
    py: Python<'py>,
    register: &Bound<'py, PyRegister>,
    as_of: &str,
    by: Option<String>,
    stall_days: Option<&str>,
) -> PyResult<Bound<'py, PyAny>> {
    let when = date(py, as_of)?;
    let by = region_field(py, by)?;
    let preset = match stall_days {
        Some(t) => StallPreset::from_toml(t),
        None => StallPreset::default_preset(),
    }
    .map_err(|e| preset_err(py, e))?;
    let r = &register.get().0;
    ser(
        py,
        &py.detach(|| stages_report(&r.records, when, by, &preset)),
    )
}

/// `kopdes_readiness(register, checklist, as_of, by)`: the serde shape of `ReadinessReport`;
/// `checklist`, TOML text of a `Checklist` (default: PMK 49/2025).
#[pyfunction]
#[pyo3(signature = (register, checklist=None, as_of=None, by=None))]
pub fn kopdes_readiness<'py>(
    py: Python<'py>,
    register: &Bound<'py, PyRegister>,
    checklist: Option<&str>,
    as_of: Option<&str>,
    by: Option<String>,
) -> PyResult<Bound<'py, PyAny>> {
    let when = as_of.map(|d| date(py, d)).transpose()?;
    let by = region_field(py, by)?;
    let list = match checklist {
        Some(t) => Checklist::from_toml(t),
        None => Checklist::pmk_49_2025(),
    }
    .map_err(|e| preset_err(py, e))?;
    let r = &register.get().0;
    ser(
        py,
        &py.detach(|| readiness_report(&r.records, &list, when, by)),
    )
}

/// `kopdes_wave_register(register, from_year, to_year, founding_window)`: the serde shape of
/// `WaveGrowth`.
#[pyfunction]
#[pyo3(signature = (register, from_year=2022, to_year=2025, founding_window=false))]
pub fn kopdes_wave_register<'py>(
    py: Python<'py>,
    register: &Bound<'py, PyRegister>,
    from_year: i32,
    to_year: i32,
    founding_window: bool,
) -> PyResult<Bound<'py, PyAny>> {
    let opts = WaveOptions {
        founding_window,
        ..WaveOptions::default()
    };
    let g = wave_growth(&register.get().0.records, from_year, to_year, &opts).or_raise(py)?;
    ser(py, &g)
}

/// `kopdes_wave_panel(panel, kdmp_count, at, region, measure)`: the serde shape of
/// `WaveFinding` (how much of the jump at `at`, default the last period, the count explains).
#[pyfunction]
#[pyo3(signature = (panel, kdmp_count, at=None, region=None, measure=koperasi::stats::TOTAL))]
pub fn kopdes_wave_panel<'py>(
    py: Python<'py>,
    panel: &Bound<'py, PyPanel>,
    kdmp_count: i64,
    at: Option<&str>,
    region: Option<&str>,
    measure: &str,
) -> PyResult<Bound<'py, PyAny>> {
    let p = &panel.get().0;
    let when =
        match at {
            Some(a) => period(py, a)?,
            None => p.periods().last().copied().ok_or_else(|| {
                invalid(py, "stats_empty", None, "the panel has no period".into())
            })?,
        };
    ser(
        py,
        &explain_jump(p, region, when, measure, kdmp_count).or_raise(py)?,
    )
}
