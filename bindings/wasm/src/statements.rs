//! Published statements (issue 18): reading, the checks, the funnel of a register, the
//! statements to publish and the comparison. Only conversion: every figure comes from
//! `koperasi::statements`. Statements and funnels cross as plain objects in the serde shape of
//! the core's `Statement` and `Funnel` (what these functions return), so that a result can be
//! edited in JS and given back.

use crate::convert::{ErrorPayload, fail, from_js, iso_date, opt_js, policy_arg, to_js};
use crate::read::RegisterHandle;
use crate::register::opt_fields;
use koperasi::io::{ReadOptions, ReadReport};
use koperasi::statements::{self as st, Funnel, Relations, Statement};
use wasm_bindgen::prelude::*;

/// `read_statements(data, kind, sheet)`: a table (CSV text or an XLSX/ODS workbook, by its
/// first bytes), or JSON / TOML text when `kind` is `json` / `toml` -> `StatementsRead`.
#[wasm_bindgen]
pub fn read_statements(
    data: &[u8],
    kind: Option<String>,
    sheet: Option<String>,
) -> Result<JsValue, JsValue> {
    let o = ReadOptions::default();
    let text = || String::from_utf8_lossy(data).into_owned();
    let read = match kind.as_deref() {
        Some("json") => st::read::statements_from_json(&text(), &o),
        Some("toml") => st::read::statements_from_toml(&text(), &o),
        None | Some("table") => st::read_statements_bytes(data, sheet.as_deref(), &o),
        Some(k) => {
            return Err(ErrorPayload::argument(format!(
                "kind `{k}`: expected table, json or toml"
            ))
            .into());
        }
    }
    .map_err(fail)?;
    to_js(&read)
}

/// The relations given as JSON (text starting with `{` or `[`) or TOML text; `None`: the
/// embedded list.
fn relations_arg(relations: Option<String>) -> Result<Relations, JsValue> {
    let Some(text) = relations else {
        return Ok(Relations::embedded());
    };
    let t = text.trim_start();
    let r = if t.starts_with('{') || t.starts_with('[') {
        Relations::from_json(t)
    } else {
        Relations::from_toml(t)
    };
    r.map_err(|e| ErrorPayload::new("koperasi", e.code(), e.to_string()).into())
}

fn statements_arg(statements: JsValue) -> Result<Vec<Statement>, JsValue> {
    from_js("statements", statements)
}

/// `check_statements(statements, relations)` -> the findings (`StatementFinding`s).
#[wasm_bindgen]
pub fn check_statements(
    statements: JsValue,
    relations: Option<String>,
) -> Result<JsValue, JsValue> {
    let all = statements_arg(statements)?;
    to_js(&st::check_statements(&all, &relations_arg(relations)?))
}

/// `funnel(register, as_of, policy, by, report)` -> the register's `Funnel`; `report`,
/// the read report of the register's file, names the columns each figure rests on and tells
/// an empty NIK or dissolution column (0) from none (unknown).
#[wasm_bindgen]
pub fn funnel(
    register: &RegisterHandle,
    as_of: &str,
    policy: JsValue,
    by: JsValue,
    report: JsValue,
) -> Result<JsValue, JsValue> {
    let (by, p) = (opt_fields("by", by)?, policy_arg(policy)?);
    let read: Option<ReadReport> = opt_js("report", report)?;
    let f = st::funnel_by(&register.inner, iso_date(as_of)?, &p, &by, read.as_ref());
    to_js(&f)
}

/// `funnel_statements(funnel, said_on, region)` -> the statements to publish.
#[wasm_bindgen]
pub fn funnel_statements(
    funnel: JsValue,
    said_on: &str,
    region: Option<String>,
) -> Result<JsValue, JsValue> {
    let f: Funnel = from_js("funnel", funnel)?;
    to_js(&f.to_statements(iso_date(said_on)?, region.as_deref()))
}

/// `compare_statements(statements, funnel)` -> each statement against the funnel.
#[wasm_bindgen]
pub fn compare_statements(statements: JsValue, funnel: JsValue) -> Result<JsValue, JsValue> {
    let all = statements_arg(statements)?;
    let f: Funnel = from_js("funnel", funnel)?;
    to_js(&st::compare(&all, &f))
}

/// `statements_csv(statements)` -> CSV text in the layout `read_statements`
/// reads.
#[wasm_bindgen]
pub fn statements_csv(statements: JsValue) -> Result<JsValue, JsValue> {
    let all = statements_arg(statements)?;
    let mut out = Vec::new();
    st::write_statements_csv(&all, &mut out).map_err(fail)?;
    to_js(&String::from_utf8_lossy(&out))
}
