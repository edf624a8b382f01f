//! Maps vector `function` names of the `kopdes` module (issue 19) to the Rust functions, as
//! the Python and JS packages call them.
//!
//! | function | args | result |
//! |---|---|---|
//! | `kopdes_statistics` | `source` (CSV), `parent`? (CSV), `previous`? (CSV), `data_as_of`? | `{snapshot, level_check, change, coops_per_desa}` |
//! | `kopdes_coverage` | `source` (register CSV or village statistics CSV), `level`?, `region`? | `Coverage` |
//! | `kopdes_stages` | `source` (register CSV), `as_of`, `by`? | `StagesReport` |
//! | `kopdes_readiness` | `source` (register CSV), `by`? | `ReadinessReport` |
//! | `kopdes_wave` | `source` (panel CSV), `kdmp_count`, `at`? | `WaveFinding` |
use crate::Outcome;
use koperasi::io::Table;
use koperasi::kopdes::coverage::{CoverageOptions, coverage, entries_from_register};
use koperasi::kopdes::simkopdes::{StatsOptions, StatsSnapshot, read_statistics};
use koperasi::kopdes::statistics_report;
use koperasi::kopdes::{Checklist, StallPreset, explain_jump, readiness_report, stages_report};
use koperasi::register::{Field, Register};
use koperasi::wilayah::{KodeWilayah, RegionLevel, table};
use serde_json::Value;

fn text<'a>(args: &'a Value, key: &str) -> Option<&'a str> {
    args.get(key).and_then(Value::as_str)
}

fn source(args: &Value) -> &str {
    text(args, "source").unwrap_or_else(|| panic!("argument `source` must be CSV text"))
}

fn snapshot(csv: &str, args: &Value) -> Result<StatsSnapshot, String> {
    let options = StatsOptions {
        data_as_of: text(args, "data_as_of").map(|d| d.parse().unwrap()),
        ..Default::default()
    };
    read_statistics(csv.as_bytes(), table(), &options).map_err(|e| e.code().to_string())
}

fn register(args: &Value) -> Result<Register, String> {
    match koperasi::io::read_input(
        source(args).as_bytes(),
        None,
        None,
        &crate::read_options(args),
    ) {
        Ok(Table::Register(r, _)) => Ok(r),
        Ok(Table::Panel(..)) => Err("read_unknown_layout".into()),
        Err(e) => Err(e.code().to_string()),
    }
}

fn by(args: &Value) -> Option<Field> {
    text(args, "by").map(|b| Field::parse(b).unwrap())
}

fn statistics(args: &Value) -> Result<Value, String> {
    let snap = snapshot(source(args), args)?;
    let parent = text(args, "parent")
        .map(|p| snapshot(p, args))
        .transpose()?;
    let previous = text(args, "previous")
        .map(|p| snapshot(p, &Value::Null))
        .transpose()?;
    serde_json::to_value(statistics_report(
        snap,
        parent.as_ref(),
        previous.as_ref(),
        table(),
    ))
    .map_err(|e| e.to_string())
}

fn kopdes_coverage(args: &Value) -> Result<Value, String> {
    let csv = source(args);
    let entries = match snapshot(csv, args) {
        Ok(s) if s.level == RegionLevel::DesaKelurahan => s.entries(),
        Ok(_) => return Err("kopdes_not_a_list".into()),
        Err(_) => entries_from_register(&register(args)?.records),
    };
    let options = CoverageOptions {
        level: serde_json::from_value(args.get("level").cloned().unwrap_or("provinsi".into()))
            .unwrap(),
        region: text(args, "region").map(|r| KodeWilayah::parse(r).unwrap()),
    };
    Ok(serde_json::to_value(coverage(&entries, table(), &options)).unwrap())
}

fn wave(args: &Value) -> Result<Value, String> {
    let Ok(Table::Panel(panel, _)) = koperasi::io::read_input(
        source(args).as_bytes(),
        None,
        None,
        &crate::read_options(args),
    ) else {
        panic!("kopdes_wave vectors give a panel")
    };
    let at = match text(args, "at") {
        Some(p) => koperasi::stats::Period::parse(p).unwrap(),
        None => *panel.periods().last().unwrap(),
    };
    let count = args["kdmp_count"].as_i64().unwrap();
    explain_jump(
        &panel,
        text(args, "region"),
        at,
        koperasi::stats::TOTAL,
        count,
    )
    .map(|f| serde_json::to_value(f).unwrap())
    .map_err(|e| e.code().to_string())
}

/// `None` when `function` is not one of this module's.
pub fn call(function: &str, args: &Value) -> Outcome {
    Some(match function {
        "kopdes_statistics" => statistics(args),
        "kopdes_coverage" => kopdes_coverage(args),
        "kopdes_stages" => register(args).map(|r| {
            let as_of = text(args, "as_of").unwrap().parse().unwrap();
            let preset = StallPreset::default_preset().unwrap();
            serde_json::to_value(stages_report(&r.records, as_of, by(args), &preset)).unwrap()
        }),
        "kopdes_readiness" => register(args).map(|r| {
            let list = Checklist::pmk_49_2025().unwrap();
            serde_json::to_value(readiness_report(&r.records, &list, None, by(args))).unwrap()
        }),
        "kopdes_wave" => wave(args),
        _ => return None,
    })
}
