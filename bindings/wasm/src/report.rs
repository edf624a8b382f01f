//! The everyday report of a file (`koperasi report --format json`) and the embedded real
//! samples. Only conversion: `koperasi::report`, `koperasi::samples`.

use crate::convert::{ErrorPayload, fail, iso_date, opt_js, policy_arg, to_js};
use crate::read::read_args;
use crate::register::field_names;
use koperasi::report::{ReportOptions, build_report_from};
use koperasi::stats::checks::CheckParams;
use serde::Deserialize;
use wasm_bindgen::prelude::*;

/// Options of `build_report` besides as_of and policy, as JS passes them.
#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct JsReportOptions {
    /// Breakdown fields for registers (default `["kecamatan"]`).
    pub by: Option<Vec<String>>,
    /// How many regions to list as grew / shrank most.
    pub top: Option<usize>,
    /// Name of the input in the report (a file name).
    pub source: Option<String>,
    /// Check thresholds (panels).
    pub checks: Option<CheckParams>,
    /// Reader options.
    pub read: Option<koperasi::io::ReadArgs>,
}

/// `build_report(source, as_of, policy, options)` -> `Report` (the JSON of
/// `koperasi report --format json`). `as_of` may be omitted for a panel; a register without
/// it is an `missing_as_of` error (the library never reads the clock).
#[wasm_bindgen]
pub fn build_report(
    csv: &[u8],
    as_of: Option<String>,
    policy: JsValue,
    options: JsValue,
) -> Result<JsValue, JsValue> {
    let o: JsReportOptions = opt_js("report options", options)?.unwrap_or_default();
    let as_of = as_of.as_deref().map(iso_date).transpose()?;
    let (read, sheet) = read_args(o.read)?;
    // The panel report reads no date; the options carry one only because registers need it.
    let mut options = ReportOptions::new(as_of.unwrap_or_default());
    options.policy = policy_arg(policy)?;
    options.read = read;
    if let Some(by) = o.by {
        options.by = field_names(&by)?;
    }
    if let Some(top) = o.top {
        options.top = top;
    }
    if let Some(c) = o.checks {
        c.validate().map_err(fail)?;
        options.checks = c;
    }
    let source = o.source.unwrap_or_else(|| "input".into());
    let name = Some(source.as_str());
    let report = build_report_from(csv, name, sheet.as_deref(), &source, &options).map_err(fail)?;
    if as_of.is_none() && matches!(report, koperasi::report::Report::Register(_)) {
        return Err(ErrorPayload::new(
            "koperasi",
            "missing_as_of",
            "this file is a register: give the as-of date of the status (asOf, YYYY-MM-DD)".into(),
        )
        .into());
    }
    to_js(&report)
}

/// The embedded real samples: `jatim_panel` (East Java quarterly panel) and `bogor_register`
/// (Kota Bogor register) -> `{name, file_name, csv, source}`.
#[wasm_bindgen]
pub fn sample(name: &str) -> Result<JsValue, JsValue> {
    let Some(s) = koperasi::samples::get(name) else {
        return Err(ErrorPayload::argument(format!(
            "sample `{name}`: expected jatim_panel or bogor_register"
        ))
        .into());
    };
    to_js(&s)
}
