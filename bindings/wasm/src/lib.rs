//! JavaScript (WASM) bindings of koperasi: the raw wasm-bindgen layer.
//!
//! JavaScript users do not call this layer: the npm package `koperasi` wraps it
//! (`bindings/wasm/js/api.mjs`) into camelCase functions, classes and a `KoperasiError`.
//! This crate only converts; every figure comes from the core crate `koperasi`.
//!
//! Conventions of this layer:
//! - results cross as JSON text (the serde JSON of the core's result, the same shape as
//!   Python's `to_dict()`), which the wrapper parses into plain objects;
//! - every integer in a result must be exact in a JS `number`: a value past 2^53 - 1 (money in
//!   sen, say) is refused with a `range` error instead of being rounded ([`to_json`]);
//! - dates cross as ISO `YYYY-MM-DD` text; money in sen as `i64` (a JS `BigInt` at this layer);
//! - CSV input crosses as bytes (UTF-8);
//! - errors cross as JSON text `{"kind", "code", "message", "line", "column", "value",
//!   "details"}` ([`ErrorPayload`]; a core error's fields from `Error::details`, the map Python
//!   uses too), `kind` being `koperasi` (a core error with its stable code), `range`
//!   or `type` (a bad argument), which the wrapper turns into `KoperasiError`, `RangeError` or
//!   `TypeError`.
#![forbid(unsafe_code)]

mod export;
pub mod kopdes;
pub mod statements;

use koperasi::demography::{
    DemographyOptions, DemographyParams, Frequency, GrowthUnit, HighGrowthParams, KaplanMeier,
    Lifeline, StatusSeries,
};
use koperasi::error::{DateError, WilayahError};
use koperasi::identity::{BadanHukumKind, Nib, NikKoperasi, NomorBadanHukum};
use koperasi::io::{Layout, Opened, ReadOptions, Table, open_input};
use koperasi::register::{Field, Register};
use koperasi::report::{ReportOptions, build_report_from};
use koperasi::shu::{AllocationPlan, Member, Rounding};
use koperasi::stats::checks::CheckParams;
use koperasi::stats::{Panel, Period};
use koperasi::status::StatusPolicy;
use koperasi::wilayah::{KodeWilayah, Level, Wilayah};
use koperasi::{Koperasi, NaiveDate, Rupiah};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use wasm_bindgen::prelude::*;

/// Largest integer a JS `number` holds exactly: 2^53 - 1 (`Number.MAX_SAFE_INTEGER`).
pub const MAX_SAFE_INTEGER: i64 = 9_007_199_254_740_991;

/// What a failed call throws to the wrapper, as JSON text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ErrorPayload {
    /// `koperasi` (a core error), `range` (a number out of range) or `type` (a bad argument).
    pub kind: String,
    /// Stable snake_case code: the core's `Error::code()`, or a binding code
    /// (`number_unsafe_integer`, `argument_invalid`, `missing_as_of`,
    /// `result_not_serialisable`).
    pub code: String,
    /// Human-readable message (English), naming the value and why.
    pub message: String,
    /// 1-based line of the input, when the error is about a line of a file.
    pub line: Option<u64>,
    /// The column (header) concerned, when known.
    pub column: Option<String>,
    /// The offending value as given, when known.
    pub value: Option<String>,
    /// Every named field of a core error under its Rust name, as text
    /// ([`koperasi::error::ErrorDetails`]); empty for a binding error.
    pub details: std::collections::BTreeMap<String, String>,
}

impl ErrorPayload {
    fn new(kind: &str, code: &str, message: String) -> ErrorPayload {
        ErrorPayload {
            kind: kind.into(),
            code: code.into(),
            message,
            line: None,
            column: None,
            value: None,
            details: std::collections::BTreeMap::new(),
        }
    }

    /// A bad argument (wrong shape or type): thrown as a `TypeError` in JS.
    pub fn argument(message: String) -> ErrorPayload {
        ErrorPayload::new("type", "argument_invalid", message)
    }

    /// The payload as JSON text (never fails: plain strings and integers).
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

impl From<ErrorPayload> for JsValue {
    fn from(e: ErrorPayload) -> JsValue {
        JsValue::from_str(&e.to_json())
    }
}

/// The payload of a core error: its code and message, and its details as
/// [`koperasi::Error::details`] gives them (the one error map, which Python uses too).
pub fn core_error(e: koperasi::Error) -> ErrorPayload {
    let mut p = ErrorPayload::new("koperasi", e.code(), e.to_string());
    let d = e.details();
    p.details = d
        .fields_map()
        .into_iter()
        .map(|(k, v)| (k.to_string(), v))
        .collect();
    (p.line, p.column, p.value) = (d.line, d.column, d.value);
    p
}

fn fail(e: impl Into<koperasi::Error>) -> JsValue {
    core_error(e.into()).into()
}

/// Check that every integer in `v` is exact in a JS `number` (|n| <= 2^53 - 1).
pub fn check_safe(v: &Value, path: &str) -> Result<(), Box<ErrorPayload>> {
    match v {
        Value::Number(n) => {
            let unsafe_int = match (n.as_i64(), n.as_u64()) {
                (Some(i), _) => i.unsigned_abs() > MAX_SAFE_INTEGER.unsigned_abs(),
                (None, Some(_)) => true,
                _ => false,
            };
            if unsafe_int {
                let mut p = ErrorPayload::new(
                    "range",
                    "number_unsafe_integer",
                    format!(
                        "{n} at {} is past 2^53 - 1 and cannot be a JS number without rounding",
                        if path.is_empty() { "the result" } else { path }
                    ),
                );
                p.value = Some(n.to_string());
                return Err(Box::new(p));
            }
            Ok(())
        }
        Value::Array(a) => a
            .iter()
            .enumerate()
            .try_for_each(|(i, x)| check_safe(x, &format!("{path}[{i}]"))),
        Value::Object(o) => o
            .iter()
            .try_for_each(|(k, x)| check_safe(x, &format!("{path}.{k}"))),
        _ => Ok(()),
    }
}

/// The serde JSON of `x` as text, after [`check_safe`].
pub fn to_json<T: Serialize + ?Sized>(x: &T) -> Result<String, JsValue> {
    let v = serde_json::to_value(x).map_err(|e| {
        ErrorPayload::new(
            "koperasi",
            "result_not_serialisable",
            format!("the result cannot be turned into JSON: {e}"),
        )
    })?;
    check_safe(&v, "").map_err(|e| JsValue::from(*e))?;
    Ok(v.to_string())
}

/// Core columns (`koperasi::columns::Columns`) as the JSON text of an object of arrays.
pub fn columns_json(c: &koperasi::columns::Columns) -> Result<String, JsValue> {
    let m: serde_json::Map<String, Value> = c
        .iter()
        .map(|(k, v)| (k.clone(), Value::Array(v.clone())))
        .collect();
    to_json(&Value::Object(m))
}

/// Rows as columns (`koperasi::columns::to_columns`), as JSON text.
fn rows_columns<T: Serialize>(rows: &[T]) -> Result<String, JsValue> {
    let c = koperasi::columns::to_columns(rows).map_err(|e| {
        JsValue::from(ErrorPayload::new(
            "koperasi",
            "result_not_serialisable",
            format!("the rows cannot be turned into columns: {e}"),
        ))
    })?;
    columns_json(&c)
}

/// `toColumns(rows)`: any JSON array of rows as columns (`koperasi::columns::to_columns`):
/// one column per field in key order, nested objects flattened with dotted names, `null`
/// where a row lacks the field. `rows_json` must be a JSON array (`argument_invalid` if not).
#[wasm_bindgen]
pub fn rows_to_columns(rows_json: &str) -> Result<String, JsValue> {
    let rows: Vec<Value> = from_json("rows", rows_json)?;
    rows_columns(&rows)
}

/// An ISO `YYYY-MM-DD` argument; anything else is a `date_invalid` error naming it.
pub fn iso_date(s: &str) -> Result<NaiveDate, JsValue> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").map_err(|e| {
        fail(DateError::Invalid {
            value: s.to_string(),
            why: format!("expected an ISO date YYYY-MM-DD ({e})"),
        })
    })
}

fn code(s: &str) -> Result<KodeWilayah, JsValue> {
    KodeWilayah::parse(s).map_err(fail)
}

fn opt_code(s: Option<String>) -> Result<Option<KodeWilayah>, JsValue> {
    s.as_deref().map(code).transpose()
}

fn from_json<T: for<'de> Deserialize<'de>>(what: &str, s: &str) -> Result<T, JsValue> {
    serde_json::from_str(s).map_err(|e| ErrorPayload::argument(format!("{what}: {e}")).into())
}

/// The policy given as JSON text (`None`: the `national` preset).
pub fn policy_arg(policy_json: Option<String>) -> Result<StatusPolicy, JsValue> {
    match policy_json {
        None => Ok(StatusPolicy::national()),
        Some(s) => StatusPolicy::from_json(&s).map_err(fail),
    }
}

// ---------------------------------------------------------------------------------------------
// locale / money

/// `parse_date`: an Indonesian or ISO date -> ISO text (JSON string).
#[wasm_bindgen]
pub fn parse_date(text: &str) -> Result<String, JsValue> {
    let d = koperasi::locale::parse_date(text).map_err(fail)?;
    to_json(&d)
}

/// `format_date`: ISO date -> `6 November 2019`.
#[wasm_bindgen]
pub fn format_date(date: &str) -> Result<String, JsValue> {
    to_json(&koperasi::locale::format_date(iso_date(date)?))
}

/// `format_date_numeric`: ISO date -> `06/11/2019`.
#[wasm_bindgen]
pub fn format_date_numeric(date: &str) -> Result<String, JsValue> {
    to_json(&koperasi::locale::format_date_numeric(iso_date(date)?))
}

/// `parse_decimal`: Indonesian number -> canonical decimal text.
#[wasm_bindgen]
pub fn parse_decimal(text: &str) -> Result<String, JsValue> {
    let d = koperasi::locale::parse_decimal(text).map_err(fail)?;
    to_json(&d.to_string())
}

/// `parse_count`: a non-negative integer count.
#[wasm_bindgen]
pub fn parse_count(text: &str) -> Result<String, JsValue> {
    to_json(&koperasi::locale::parse_count(text).map_err(fail)?)
}

/// `parse_rupiah`: money text -> integer sen.
#[wasm_bindgen]
pub fn parse_rupiah(text: &str) -> Result<String, JsValue> {
    to_json(&koperasi::locale::parse_rupiah(text).map_err(fail)?.sen())
}

/// `format_rupiah`: sen -> `Rp 1.234.567,89`.
#[wasm_bindgen]
pub fn format_rupiah(sen: i64) -> Result<String, JsValue> {
    to_json(&koperasi::locale::format_rupiah(Rupiah::from_sen(sen)))
}

/// `format_rupiah_whole`: sen -> `Rp 1.234.568` (whole rupiah).
#[wasm_bindgen]
pub fn format_rupiah_whole(sen: i64) -> Result<String, JsValue> {
    to_json(&koperasi::locale::format_rupiah_whole(Rupiah::from_sen(
        sen,
    )))
}

/// `format_int`: `1234567` -> `1.234.567`.
#[wasm_bindgen]
pub fn format_int(n: i64) -> Result<String, JsValue> {
    to_json(&koperasi::locale::format_int(n))
}

/// `is_missing`: true for the placeholders Indonesian files use for "no value".
#[wasm_bindgen]
pub fn is_missing(text: &str) -> Result<String, JsValue> {
    to_json(&koperasi::locale::is_missing(text))
}

// ---------------------------------------------------------------------------------------------
// wilayah

/// A region with its parent code: the shape of `Wilayah` in Python and JS.
#[derive(Debug, Clone, Serialize)]
pub struct WilayahOut {
    /// Dotted code.
    pub code: KodeWilayah,
    /// Official name.
    pub name: String,
    /// Level.
    pub level: Level,
    /// Parent code (`None` for a province).
    pub parent: Option<KodeWilayah>,
}

impl From<&Wilayah> for WilayahOut {
    fn from(w: &Wilayah) -> WilayahOut {
        WilayahOut {
            code: w.code,
            name: w.name.clone(),
            level: w.level,
            parent: w.code.parent(),
        }
    }
}

fn wilayah_list(ws: Vec<&Wilayah>) -> Result<String, JsValue> {
    to_json(&ws.into_iter().map(WilayahOut::from).collect::<Vec<_>>())
}

/// `wilayah_get`: the region of a code (error `wilayah_not_found` when the table lacks it).
#[wasm_bindgen]
pub fn wilayah_get(code_text: &str) -> Result<String, JsValue> {
    let k = code(code_text)?;
    let w = koperasi::wilayah::table().get(&k).ok_or_else(|| {
        fail(WilayahError::NotFound {
            name: code_text.to_string(),
        })
    })?;
    to_json(&WilayahOut::from(w))
}

/// `find_provinsi`.
#[wasm_bindgen]
pub fn find_provinsi(name: &str) -> Result<String, JsValue> {
    let w = koperasi::wilayah::table()
        .find_provinsi(name)
        .map_err(fail)?;
    to_json(&WilayahOut::from(w))
}

/// `find_kab_kota` (within: a region code or `None`).
#[wasm_bindgen]
pub fn find_kab_kota(name: &str, within: Option<String>) -> Result<String, JsValue> {
    let within = opt_code(within)?;
    let w = koperasi::wilayah::table()
        .find_kab_kota(name, within.as_ref())
        .map_err(fail)?;
    to_json(&WilayahOut::from(w))
}

/// `find_kecamatan` (within: a region code or `None`).
#[wasm_bindgen]
pub fn find_kecamatan(name: &str, within: Option<String>) -> Result<String, JsValue> {
    let within = opt_code(within)?;
    let w = koperasi::wilayah::table()
        .find_kecamatan(name, within.as_ref())
        .map_err(fail)?;
    to_json(&WilayahOut::from(w))
}

/// `wilayah_search`: [`koperasi::wilayah::Table::search`] (code or name, best first), kept to
/// the regions of `level` and inside `within` when given.
#[wasm_bindgen]
pub fn wilayah_search(
    name: &str,
    level: Option<String>,
    within: Option<String>,
) -> Result<String, JsValue> {
    let level = match level {
        None => None,
        Some(l) => Some(Level::from_label(&l).ok_or_else(|| {
            let mut e = ErrorPayload::new(
                "koperasi",
                "invalid_level",
                format!(
                    "level `{l}`: expected provinsi, kabupaten_kota, kecamatan or desa_kelurahan"
                ),
            );
            e.value = Some(l.clone());
            JsValue::from(e)
        })?),
    };
    let within = opt_code(within)?;
    let hits = koperasi::wilayah::table().search_in(name, level, within.as_ref());
    wilayah_list(hits)
}

/// `wilayah_children`: the regions one level below a code.
#[wasm_bindgen]
pub fn wilayah_children(code_text: &str) -> Result<String, JsValue> {
    wilayah_list(koperasi::wilayah::table().children(&code(code_text)?))
}

/// `normalize_name`: the name key used for region look-ups.
#[wasm_bindgen]
pub fn normalize_name(text: &str) -> Result<String, JsValue> {
    to_json(&koperasi::wilayah::normalize_name(text))
}

/// `parse_kode_wilayah` -> `{code, level}`.
#[wasm_bindgen]
pub fn parse_kode_wilayah(text: &str) -> Result<String, JsValue> {
    #[derive(Serialize)]
    struct Out {
        code: KodeWilayah,
        level: Level,
    }
    let k = code(text)?;
    to_json(&Out {
        code: k,
        level: k.level(),
    })
}

// ---------------------------------------------------------------------------------------------
// identity

/// `parse_nomor_badan_hukum` -> `{raw, kind, year, month, is_ahu, is_amendment, key}`, or
/// `null` for a placeholder (`-`, `0`, empty).
#[wasm_bindgen]
pub fn parse_nomor_badan_hukum(text: &str) -> Result<String, JsValue> {
    #[derive(Serialize)]
    struct Out {
        raw: String,
        kind: BadanHukumKind,
        year: Option<i32>,
        month: Option<u32>,
        is_ahu: bool,
        is_amendment: bool,
        key: String,
    }
    let out = NomorBadanHukum::parse(text).map(|n| Out {
        key: n.key(),
        raw: n.raw,
        kind: n.kind,
        year: n.year,
        month: n.month,
        is_ahu: n.is_ahu,
        is_amendment: n.is_amendment,
    });
    to_json(&out)
}

/// `parse_nik_koperasi` -> the digits, or `null` for a placeholder.
#[wasm_bindgen]
pub fn parse_nik_koperasi(text: &str) -> Result<String, JsValue> {
    to_json(&NikKoperasi::parse(text).map_err(fail)?)
}

/// `parse_nib` -> the digits, or `null` for a placeholder.
#[wasm_bindgen]
pub fn parse_nib(text: &str) -> Result<String, JsValue> {
    to_json(&Nib::parse(text).map_err(fail)?)
}

// ---------------------------------------------------------------------------------------------
// status

/// `StatusPolicy.preset(name)` -> the policy object.
#[wasm_bindgen]
pub fn policy_preset(name: &str) -> Result<String, JsValue> {
    to_json(&StatusPolicy::preset(name).map_err(fail)?)
}

/// `policy_presets()` -> the preset names.
#[wasm_bindgen]
pub fn policy_presets() -> Result<String, JsValue> {
    to_json(StatusPolicy::PRESETS)
}

/// `StatusPolicy.fromJson(text)` (also `fromObject`, after `JSON.stringify`).
#[wasm_bindgen]
pub fn policy_from_json(text: &str) -> Result<String, JsValue> {
    to_json(&StatusPolicy::from_json(text).map_err(fail)?)
}

/// `StatusPolicy.fromToml(text)`.
#[wasm_bindgen]
pub fn policy_from_toml(text: &str) -> Result<String, JsValue> {
    to_json(&StatusPolicy::from_toml(text).map_err(fail)?)
}

/// `Koperasi.fromObject(o)`: the record checked by the core's serde shape, returned as the
/// canonical object.
#[wasm_bindgen]
pub fn koperasi_from_json(text: &str) -> Result<String, JsValue> {
    let k: Koperasi = from_json("koperasi record", text)?;
    to_json(&k)
}

/// `assess(koperasi, as_of, policy)` -> `Assessment`.
#[wasm_bindgen]
pub fn assess(
    koperasi_json: &str,
    as_of: &str,
    policy_json: Option<String>,
) -> Result<String, JsValue> {
    let k: Koperasi = from_json("koperasi record", koperasi_json)?;
    let a = koperasi::status::assess(&k, iso_date(as_of)?, &policy_arg(policy_json)?);
    to_json(&a)
}

/// `rat_deadline(book_year, policy)` -> ISO date.
#[wasm_bindgen]
pub fn rat_deadline(book_year: i32, policy_json: Option<String>) -> Result<String, JsValue> {
    let p = policy_arg(policy_json)?;
    let d = koperasi::status::rat_deadline(book_year, p.rat_deadline_months).ok_or_else(|| {
        fail(DateError::Invalid {
            value: book_year.to_string(),
            why: "the RAT deadline of this book year is outside the calendar".into(),
        })
    })?;
    to_json(&d)
}

// ---------------------------------------------------------------------------------------------
// io

/// Reader options as JS passes them: `{mapping: {field: header}, delimiter: ";", region: "32.71",
/// sheet: "Data" | 2, decimal: "comma" | "point" | "auto", period: "2026-08-05", wide: true}`.
#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct JsReadOptions {
    /// Field name -> header as in the file.
    pub mapping: std::collections::BTreeMap<String, String>,
    /// One ASCII character.
    pub delimiter: Option<String>,
    /// Region code of the whole file.
    pub region: Option<String>,
    /// The sheet of a workbook: a name (string) or a 1-based number.
    pub sheet: Option<serde_json::Value>,
    /// The decimal mark of the file's numbers ([`koperasi::locale::DecimalMark`]).
    pub decimal: Option<String>,
    /// The period of every row of a table with no period column (`"2026-08-05"`, `"2024"`).
    pub period: Option<String>,
    /// Read a table with a single period column (`2024`) as a wide table.
    pub wide: bool,
    /// A register's data date (`"2024-12-31"`), when its title does not say it.
    #[serde(rename = "dataAsOf", alias = "data_as_of")]
    pub data_as_of: Option<String>,
}

/// The core's [`ReadOptions`] from the JS options of a CSV-only reader (JSON text; `None` =
/// defaults); a `sheet` is an argument error there.
pub fn read_options(options_json: Option<String>) -> Result<ReadOptions, JsValue> {
    match read_args(options_json)? {
        (o, None) => Ok(o),
        (_, Some(sheet)) => Err(ErrorPayload::argument(format!(
            "sheet `{sheet}`: this function reads CSV only (readAny, readRegister, readPanel \
             and buildReport read workbooks)"
        ))
        .into()),
    }
}

/// The core's [`ReadOptions`] and the sheet asked for (a name, or a 1-based number as text)
/// from the JS options (JSON text; `None` = defaults).
pub fn read_args(options_json: Option<String>) -> Result<(ReadOptions, Option<String>), JsValue> {
    let o: JsReadOptions = match options_json {
        None => JsReadOptions::default(),
        Some(s) => from_json("read options", &s)?,
    };
    let sheet = match o.sheet {
        None | Some(serde_json::Value::Null) => None,
        Some(serde_json::Value::String(s)) => Some(s),
        Some(serde_json::Value::Number(n)) if n.as_u64().is_some_and(|n| n >= 1) => {
            Some(n.to_string())
        }
        Some(v) => {
            return Err(ErrorPayload::argument(format!(
                "sheet `{v}`: expected a sheet name (string) or a 1-based number"
            ))
            .into());
        }
    };
    let delimiter = match o.delimiter.as_deref() {
        None => None,
        Some(d) => match d.as_bytes() {
            [b] if b.is_ascii() => Some(*b),
            _ => {
                return Err(ErrorPayload::argument(format!(
                    "delimiter `{d}`: expected one ASCII character such as `;`"
                ))
                .into());
            }
        },
    };
    let decimal = match o.decimal.as_deref() {
        None => None,
        Some(d) => Some(koperasi::locale::DecimalMark::from_name(d).ok_or_else(|| {
            ErrorPayload::argument(format!(
                "decimal `{d}`: expected one of {}",
                koperasi::locale::DecimalMark::NAMES.join(", ")
            ))
        })?),
    };
    Ok((
        ReadOptions {
            mapping: o.mapping.into_iter().collect(),
            delimiter,
            region: opt_code(o.region)?,
            decimal,
            period: match o.period.as_deref() {
                None => None,
                Some(p) => Some(
                    koperasi::stats::Period::parse(p)
                        .map_err(|e| ErrorPayload::argument(format!("period `{p}`: {e}")))?,
                ),
            },
            wide: o.wide,
            data_as_of: match o.data_as_of.as_deref() {
                None => None,
                Some(d) => Some(
                    koperasi::locale::parse_date(d)
                        .map_err(|e| ErrorPayload::argument(format!("dataAsOf `{d}`: {e}")))?,
                ),
            },
            ..ReadOptions::default()
        },
        sheet,
    ))
}

/// The error for a workbook whose sheet has the other layout than the reader asked for.
fn other_layout(wanted: &str, found: &str) -> koperasi::error::ReadError {
    let f = if found == "panel" {
        "Panel"
    } else {
        "Register"
    };
    koperasi::error::ReadError::UnknownLayout {
        why: format!("the sheet is a {found}, not a {wanted}; read it with read{f} or readAny"),
    }
}

/// A register read into WASM memory, with methods (the JS `Register` class wraps it).
#[wasm_bindgen]
pub struct RegisterHandle {
    inner: Register,
}

/// A panel read into WASM memory (the JS `Panel` class wraps it).
#[wasm_bindgen]
pub struct PanelHandle {
    inner: Panel,
}

/// What `read_register` / `read_panel` / `read_any` return: a handle and the read report.
#[wasm_bindgen]
pub struct ReadResult {
    register: Option<Register>,
    panel: Option<Panel>,
    report: String,
}

#[wasm_bindgen]
impl ReadResult {
    /// `register` or `panel`.
    #[wasm_bindgen(getter)]
    pub fn kind(&self) -> String {
        if self.register.is_some() {
            "register".into()
        } else {
            "panel".into()
        }
    }

    /// The `ReadReport` as JSON text.
    #[wasm_bindgen(getter)]
    pub fn report(&self) -> String {
        self.report.clone()
    }

    /// The register (once); `undefined` for a panel.
    pub fn take_register(&mut self) -> Option<RegisterHandle> {
        self.register.take().map(|inner| RegisterHandle { inner })
    }

    /// The panel (once); `undefined` for a register.
    pub fn take_panel(&mut self) -> Option<PanelHandle> {
        self.panel.take().map(|inner| PanelHandle { inner })
    }
}

fn read_result(t: Table) -> Result<ReadResult, JsValue> {
    Ok(match t {
        Table::Register(r, rep) => ReadResult {
            report: to_json(&rep)?,
            register: Some(r),
            panel: None,
        },
        Table::Panel(p, rep) => ReadResult {
            report: to_json(&rep)?,
            register: None,
            panel: Some(p),
        },
    })
}

/// `read_register(source, options)`: CSV, or a workbook (XLSX, XLS, ODS: told apart by its
/// first bytes) as `koperasi::io::open_input` reads it (`options.sheet`).
#[wasm_bindgen]
pub fn read_register(data: &[u8], options_json: Option<String>) -> Result<ReadResult, JsValue> {
    let (o, sheet) = read_args(options_json)?;
    read_result(
        match open_input(data, None, sheet.as_deref(), &o).map_err(fail)? {
            Opened::Table(Table::Panel(..)) => return Err(fail(other_layout("register", "panel"))),
            Opened::Table(t) => t,
            Opened::Text(text) => {
                let (r, rep) = koperasi::io::read_register(text, &o).map_err(fail)?;
                Table::Register(r, rep)
            }
        },
    )
}

/// `read_panel(source, options)`: CSV, or a workbook as [`read_register`] reads it.
#[wasm_bindgen]
pub fn read_panel(data: &[u8], options_json: Option<String>) -> Result<ReadResult, JsValue> {
    let (o, sheet) = read_args(options_json)?;
    read_result(
        match open_input(data, None, sheet.as_deref(), &o).map_err(fail)? {
            Opened::Table(Table::Register(..)) => {
                return Err(fail(other_layout("panel", "register")));
            }
            Opened::Table(t) => t,
            Opened::Text(text) => {
                let (p, rep) = koperasi::io::read_panel(text, &o).map_err(fail)?;
                Table::Panel(p, rep)
            }
        },
    )
}

/// `read_any(source, options)`: register or panel, told apart by the header, from CSV or a
/// workbook (`koperasi::io::read_input`; `options.sheet`: name or 1-based number).
#[wasm_bindgen]
pub fn read_any(data: &[u8], options_json: Option<String>) -> Result<ReadResult, JsValue> {
    let (o, sheet) = read_args(options_json)?;
    read_result(koperasi::io::read_input(data, None, sheet.as_deref(), &o).map_err(fail)?)
}

/// `detect_layout(csv_text)` -> `"register"` or `"panel"`.
#[wasm_bindgen]
pub fn detect_layout(csv: &[u8], options_json: Option<String>) -> Result<String, JsValue> {
    let l: Layout =
        koperasi::io::detect_layout_of(csv, &read_options(options_json)?).map_err(fail)?;
    to_json(&l)
}

// ---------------------------------------------------------------------------------------------
// register

fn fields_arg(fields_json: &str) -> Result<Vec<Field>, JsValue> {
    let names: Vec<String> = from_json("fields", fields_json)?;
    names
        .iter()
        .map(|n| {
            Field::parse(n).ok_or_else(|| {
                let mut e = ErrorPayload::new(
                    "koperasi",
                    "invalid_field",
                    format!(
                        "field `{n}`: expected one of {}",
                        Field::ALL.map(Field::as_str).join(", ")
                    ),
                );
                e.value = Some(n.clone());
                e.into()
            })
        })
        .collect()
}

#[wasm_bindgen]
impl RegisterHandle {
    /// `Register.fromObject`: a register from its serde JSON (`{records: [...]}`).
    pub fn from_json(text: &str) -> Result<RegisterHandle, JsValue> {
        Ok(RegisterHandle {
            inner: from_json("register", text)?,
        })
    }

    /// Number of records.
    pub fn len(&self) -> usize {
        self.inner.records.len()
    }

    /// True when there is no record.
    pub fn is_empty(&self) -> bool {
        self.inner.records.is_empty()
    }

    /// The records (serde JSON array of `Koperasi`).
    pub fn records(&self) -> Result<String, JsValue> {
        to_json(&self.inner.records)
    }

    /// The whole register (`{records: [...]}`).
    pub fn to_json(&self) -> Result<String, JsValue> {
        to_json(&self.inner)
    }

    /// `assess_all(as_of, policy)` -> array of `Assessment`.
    pub fn assess_all(&self, as_of: &str, policy_json: Option<String>) -> Result<String, JsValue> {
        to_json(
            &self
                .inner
                .assess_all(iso_date(as_of)?, &policy_arg(policy_json)?),
        )
    }

    /// `status_counts(as_of, policy)` -> `{status: count}`.
    pub fn status_counts(
        &self,
        as_of: &str,
        policy_json: Option<String>,
    ) -> Result<String, JsValue> {
        to_json(
            &self
                .inner
                .status_counts(iso_date(as_of)?, &policy_arg(policy_json)?),
        )
    }

    /// `count_by(fields, as_of, policy)` -> `CountTable`.
    pub fn count_by(
        &self,
        fields_json: &str,
        as_of: &str,
        policy_json: Option<String>,
    ) -> Result<String, JsValue> {
        to_json(&self.inner.count_by(
            &fields_arg(fields_json)?,
            iso_date(as_of)?,
            &policy_arg(policy_json)?,
        ))
    }

    /// `count_by(fields, as_of, policy)` as columns (`koperasi::columns::count_table_columns`):
    /// one column per field, then `count`.
    pub fn count_by_columns(
        &self,
        fields_json: &str,
        as_of: &str,
        policy_json: Option<String>,
    ) -> Result<String, JsValue> {
        let t = self.inner.count_by(
            &fields_arg(fields_json)?,
            iso_date(as_of)?,
            &policy_arg(policy_json)?,
        );
        columns_json(&koperasi::columns::count_table_columns(&t))
    }

    /// The records as columns (`koperasi::columns::to_columns`; nested objects flattened with
    /// dotted names such as `location.kecamatan`).
    pub fn records_columns(&self) -> Result<String, JsValue> {
        rows_columns(&self.inner.records)
    }

    /// `reason_counts(as_of, policy)`.
    pub fn reason_counts(
        &self,
        as_of: &str,
        policy_json: Option<String>,
    ) -> Result<String, JsValue> {
        to_json(
            &self
                .inner
                .reason_counts(iso_date(as_of)?, &policy_arg(policy_json)?),
        )
    }

    /// `duplicates()` -> duplicate groups.
    pub fn duplicates(&self) -> Result<String, JsValue> {
        to_json(&self.inner.duplicates())
    }

    /// `registrations_by_year()`.
    pub fn registrations_by_year(&self) -> Result<String, JsValue> {
        to_json(&self.inner.registrations_by_year())
    }
}

// ---------------------------------------------------------------------------------------------
// stats

fn period(s: &str) -> Result<Period, JsValue> {
    Period::parse(s).map_err(fail)
}

#[wasm_bindgen]
impl PanelHandle {
    /// `Panel.fromObject`: a panel from its serde JSON (`{rows: [...]}`).
    pub fn from_json(text: &str) -> Result<PanelHandle, JsValue> {
        Ok(PanelHandle {
            inner: from_json("panel", text)?,
        })
    }

    /// Number of rows.
    pub fn len(&self) -> usize {
        self.inner.len()
    }

    /// True when there is no row.
    pub fn is_empty(&self) -> bool {
        self.inner.is_empty()
    }

    /// The whole panel (serde JSON).
    pub fn to_json(&self) -> Result<String, JsValue> {
        to_json(&self.inner)
    }

    /// The panel as columns (`koperasi::columns::panel_columns`): `line`, `region`,
    /// `region_code`, `period`, `period_end`, then one column per measure.
    pub fn to_columns(&self) -> Result<String, JsValue> {
        columns_json(&koperasi::columns::panel_columns(&self.inner))
    }

    /// `periods()` -> canonical period texts, in order.
    pub fn periods(&self) -> Result<String, JsValue> {
        to_json(&self.inner.periods())
    }

    /// `regions()`.
    pub fn regions(&self) -> Result<String, JsValue> {
        to_json(&self.inner.regions())
    }

    /// `measures()`.
    pub fn measures(&self) -> Result<String, JsValue> {
        to_json(&self.inner.measures())
    }

    /// `totals_by_period(measures)` -> `[[period, {measure: sum}], ...]`.
    pub fn totals_by_period(&self, measures_json: &str) -> Result<String, JsValue> {
        let m: Vec<String> = from_json("measures", measures_json)?;
        let refs: Vec<&str> = m.iter().map(String::as_str).collect();
        to_json(&self.inner.totals_by_period(&refs))
    }

    /// `totals_by_period(measures)` as columns (`koperasi::columns::totals_columns`):
    /// `period`, then one column per measure of `measures`.
    pub fn totals_by_period_columns(&self, measures_json: &str) -> Result<String, JsValue> {
        let m: Vec<String> = from_json("measures", measures_json)?;
        let refs: Vec<&str> = m.iter().map(String::as_str).collect();
        columns_json(&koperasi::columns::totals_columns(
            &self.inner.totals_by_period(&refs),
            &refs,
        ))
    }

    /// `growth(panel, measure, from_period, to_period)` -> `GrowthRow`s.
    pub fn growth(&self, measure: &str, from: &str, to: &str) -> Result<String, JsValue> {
        to_json(&self.inner.growth(measure, period(from)?, period(to)?))
    }

    /// `run_checks(panel, params)` -> `Finding`s.
    pub fn run_checks(&self, params_json: Option<String>) -> Result<String, JsValue> {
        let params: CheckParams = match params_json {
            None => CheckParams::default(),
            Some(s) => serde_json::from_str(&s).map_err(|e| {
                JsValue::from(ErrorPayload::new(
                    "koperasi",
                    "invalid_check_params",
                    format!("check parameters: {e}"),
                ))
            })?,
        };
        params.validate().map_err(fail)?;
        to_json(&koperasi::stats::checks::run_checks(&self.inner, &params))
    }
}

/// `cagr(from, to, years)` in percent.
#[wasm_bindgen]
pub fn cagr(from: i64, to: i64, years: f64) -> Result<String, JsValue> {
    to_json(&koperasi::stats::growth::cagr(from, to, years).map_err(fail)?)
}

/// `pct_change(from, to)` in percent.
#[wasm_bindgen]
pub fn pct_change(from: i64, to: i64) -> Result<String, JsValue> {
    to_json(&koperasi::stats::growth::pct_change(from, to).map_err(fail)?)
}

/// `parse_period(text)` -> canonical text (`2021-Q3`).
#[wasm_bindgen]
pub fn parse_period(text: &str) -> Result<String, JsValue> {
    to_json(&period(text)?)
}

// ---------------------------------------------------------------------------------------------
// report

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
    pub read: Option<serde_json::Value>,
}

/// `build_report(source, as_of, policy, options)` -> `Report` (the JSON of
/// `koperasi report --format json`). `as_of` may be omitted for a panel; a register without
/// it is an `missing_as_of` error (the library never reads the clock).
#[wasm_bindgen]
pub fn build_report(
    csv: &[u8],
    as_of: Option<String>,
    policy_json: Option<String>,
    options_json: Option<String>,
) -> Result<String, JsValue> {
    let o: JsReportOptions = match options_json {
        None => JsReportOptions::default(),
        Some(s) => from_json("report options", &s)?,
    };
    let as_of = as_of.as_deref().map(iso_date).transpose()?;
    let (read, sheet) = read_args(o.read.map(|v| v.to_string()))?;
    // The panel report reads no date; the options carry one only because registers need it.
    let mut options = ReportOptions::new(as_of.unwrap_or_default());
    options.policy = policy_arg(policy_json)?;
    options.read = read;
    if let Some(by) = o.by {
        options.by = fields_arg(&serde_json::to_string(&by).unwrap_or_default())?;
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
    to_json(&report)
}

/// The embedded real samples: `jatim_panel` (East Java quarterly panel) and `bogor_register`
/// (Kota Bogor register) -> `{name, csv, source}`.
#[wasm_bindgen]
pub fn sample(name: &str) -> Result<String, JsValue> {
    let Some(s) = koperasi::samples::get(name) else {
        return Err(ErrorPayload::argument(format!(
            "sample `{name}`: expected jatim_panel or bogor_register"
        ))
        .into());
    };
    to_json(&serde_json::json!({ "name": s.name, "csv": s.csv, "source": s.source }))
}

// ---------------------------------------------------------------------------------------------
// shu

fn plan_arg(plan_json: &str) -> Result<AllocationPlan, JsValue> {
    AllocationPlan::from_json(plan_json).map_err(fail)
}

/// `shu_plan_from_toml(text)` -> the validated plan (serde shape).
#[wasm_bindgen]
pub fn shu_plan_from_toml(text: &str) -> Result<String, JsValue> {
    to_json(&AllocationPlan::from_toml(text).map_err(fail)?)
}

/// `AllocationPlan.fromJson(text)` / `fromObject(o)` -> the validated plan.
#[wasm_bindgen]
pub fn shu_plan_from_json(text: &str) -> Result<String, JsValue> {
    to_json(&plan_arg(text)?)
}

/// `shu_allocate(plan, shu_sen, non_member_shu_sen)` -> `Allocation`.
#[wasm_bindgen]
pub fn shu_allocate(
    plan_json: &str,
    shu_sen: i64,
    non_member_shu_sen: Option<i64>,
) -> Result<String, JsValue> {
    let a = koperasi::shu::shu_allocate(
        &plan_arg(plan_json)?,
        Rupiah::from_sen(shu_sen),
        non_member_shu_sen.map(Rupiah::from_sen),
    )
    .map_err(fail)?;
    to_json(&a)
}

/// `shu_distribute(plan, members, shu_sen, book_year, non_member_shu_sen)` -> `Distribution`,
/// membership evaluated on 31 December of `book_year`.
#[wasm_bindgen]
pub fn shu_distribute(
    plan_json: &str,
    members_json: &str,
    shu_sen: i64,
    book_year: i32,
    non_member_shu_sen: Option<i64>,
) -> Result<String, JsValue> {
    let members: Vec<Member> = from_json("members", members_json)?;
    let year_end = koperasi::shu::book_year_end(book_year).ok_or_else(|| {
        fail(DateError::Invalid {
            value: book_year.to_string(),
            why: "the end of this book year is outside the calendar".into(),
        })
    })?;
    let d = koperasi::shu::shu_distribute(
        &plan_arg(plan_json)?,
        &members,
        Rupiah::from_sen(shu_sen),
        non_member_shu_sen.map(Rupiah::from_sen),
        year_end,
    )
    .map_err(fail)?;
    to_json(&d)
}

/// `shu_apportion(total_sen, bases, rounding, reconcile, granularity_sen)` -> `Apportionment`
/// (`bases`: JSON array of integers, so that bigints cross exactly).
#[wasm_bindgen]
pub fn shu_apportion(
    total_sen: i64,
    bases_json: &str,
    rounding: &str,
    reconcile: bool,
    granularity_sen: i64,
) -> Result<String, JsValue> {
    let bases: Vec<i64> = from_json("bases", bases_json)?;
    let rounding: Rounding = from_json(
        "rounding",
        &serde_json::to_string(rounding).unwrap_or_default(),
    )?;
    let a = koperasi::shu::apportion(
        Rupiah::from_sen(total_sen),
        &bases,
        rounding,
        reconcile,
        granularity_sen,
    )
    .map_err(fail)?;
    to_json(&a)
}

/// `shu_pseudonym(key, member_id)` -> the member's stable pseudonym.
#[wasm_bindgen]
pub fn shu_pseudonym(key: &str, member_id: &str) -> Result<String, JsValue> {
    to_json(&koperasi::shu::shu_pseudonym(key, member_id).map_err(fail)?)
}

/// `shu_read_members(source, options)` -> `{members, report}`.
#[wasm_bindgen]
pub fn shu_read_members(csv: &[u8], options_json: Option<String>) -> Result<String, JsValue> {
    let (members, report) =
        koperasi::shu::read_members(csv, &read_options(options_json)?).map_err(fail)?;
    to_json(&serde_json::json!({ "members": members, "report": report }))
}

// ---------------------------------------------------------------------------------------------
// demography

/// Arguments of `kaplan_meier`, as JS passes them.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct JsKaplanMeierArgs {
    /// Durations (finite, >= 0).
    pub durations: Vec<f64>,
    /// Whether each unit's event was observed.
    pub event_observed: Vec<bool>,
    /// Entry times (left truncation), one per duration.
    #[serde(default)]
    pub entry: Option<Vec<f64>>,
    /// Alpha of the interval (default 0.05).
    #[serde(default)]
    pub alpha: Option<f64>,
}

/// `kaplan_meier(durations, event_observed, entry, alpha)` -> `KaplanMeier` (arguments as one
/// JSON object [`JsKaplanMeierArgs`]).
#[wasm_bindgen]
pub fn kaplan_meier(args_json: &str) -> Result<String, JsValue> {
    let a: JsKaplanMeierArgs = from_json("kaplan_meier arguments", args_json)?;
    let km = koperasi::demography::kaplan_meier(
        &a.durations,
        &a.event_observed,
        a.entry.as_deref(),
        a.alpha.unwrap_or(0.05),
    )
    .map_err(fail)?;
    to_json(&km)
}

/// `KaplanMeier.survivalAt(t)`: S at `t` of a fitted curve (its JSON).
#[wasm_bindgen]
pub fn kaplan_meier_survival_at(km_json: &str, t: f64) -> Result<String, JsValue> {
    let km: KaplanMeier = from_json("KaplanMeier", km_json)?;
    to_json(&km.survival_at(t))
}

/// `demography_rates(active, births, deaths)` -> `Rates` (percent).
#[wasm_bindgen]
pub fn demography_rates(active: u32, births: u32, deaths: u32) -> Result<String, JsValue> {
    to_json(
        &koperasi::demography::demography_rates(
            u64::from(active),
            u64::from(births),
            u64::from(deaths),
        )
        .map_err(fail)?,
    )
}

fn lifelines_arg(json: &str) -> Result<Vec<Lifeline>, JsValue> {
    from_json("lifelines", json)
}

/// `yearly_demography(lifelines, from_year, to_year, last_observed_year, params)`.
#[wasm_bindgen]
pub fn yearly_demography(
    lifelines_json: &str,
    from_year: i32,
    to_year: i32,
    last_observed_year: i32,
    params_json: Option<String>,
) -> Result<String, JsValue> {
    let params: DemographyParams = match params_json {
        None => DemographyParams::default(),
        Some(s) => from_json("params", &s)?,
    };
    let rows = koperasi::demography::yearly_demography(
        &lifelines_arg(lifelines_json)?,
        from_year,
        to_year,
        last_observed_year,
        &params,
    )
    .map_err(fail)?;
    to_json(&rows)
}

/// `cohort_survival(lifelines, from_year, to_year, last_observed_year, horizon)`.
#[wasm_bindgen]
pub fn cohort_survival(
    lifelines_json: &str,
    from_year: i32,
    to_year: i32,
    last_observed_year: i32,
    horizon: Option<u32>,
) -> Result<String, JsValue> {
    let c = koperasi::demography::cohort_survival(
        &lifelines_arg(lifelines_json)?,
        from_year,
        to_year,
        last_observed_year,
        horizon.unwrap_or(5),
    )
    .map_err(fail)?;
    to_json(&c)
}

/// `survival_data(lifelines, first_observed_year, last_observed_year, death_window_years)`.
#[wasm_bindgen]
pub fn survival_data(
    lifelines_json: &str,
    first_observed_year: i32,
    last_observed_year: i32,
    death_window_years: Option<u32>,
) -> Result<String, JsValue> {
    to_json(&koperasi::demography::survival_data(
        &lifelines_arg(lifelines_json)?,
        first_observed_year,
        last_observed_year,
        death_window_years.unwrap_or(2),
    ))
}

/// `high_growth(units, year, params)`.
#[wasm_bindgen]
pub fn high_growth(
    units_json: &str,
    year: i32,
    params_json: Option<String>,
) -> Result<String, JsValue> {
    let units: Vec<GrowthUnit> = from_json("units", units_json)?;
    let params: HighGrowthParams = match params_json {
        None => HighGrowthParams::default(),
        Some(s) => from_json("params", &s)?,
    };
    to_json(&koperasi::demography::high_growth(&units, year, &params).map_err(fail)?)
}

/// The dates of a status series as JS passes them: a list of ISO dates, or
/// `{start, end, frequency}` (period ends).
#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub enum JsSeriesDates {
    /// Explicit dates.
    List(Vec<NaiveDate>),
    /// Period ends from `start` to `end`.
    Span {
        /// First date (its period's end is the first date).
        start: NaiveDate,
        /// Last date (its period's end is the last date).
        end: NaiveDate,
        /// `monthly` or `yearly`.
        frequency: Frequency,
    },
}

#[wasm_bindgen]
impl RegisterHandle {
    /// `demography_report(register, from_year, to_year, as_of, policy, population,
    /// death_window)` -> `DemographyReport` (what `koperasi demography --format json` shows).
    pub fn demography_report(
        &self,
        from_year: i32,
        to_year: i32,
        as_of: &str,
        policy_json: Option<String>,
        population: Option<String>,
        death_window: Option<u32>,
    ) -> Result<String, JsValue> {
        let mut o = DemographyOptions::new(from_year, to_year, iso_date(as_of)?);
        o.policy = policy_arg(policy_json)?;
        if let Some(p) = population {
            o.population = from_json(
                "population (auto, active or registered)",
                &serde_json::to_string(&p).unwrap_or_default(),
            )?;
        }
        if let Some(w) = death_window {
            o.death_window_years = w;
        }
        to_json(&koperasi::demography::demography_report(&self.inner, &o).map_err(fail)?)
    }

    /// `Register.status_series(dates, policy, fields)` -> `StatusSeries`; `dates_json` is a
    /// [`JsSeriesDates`].
    pub fn status_series(
        &self,
        dates_json: &str,
        policy_json: Option<String>,
        fields_json: Option<String>,
    ) -> Result<String, JsValue> {
        let dates = match from_json::<JsSeriesDates>(
            "dates (an array of ISO dates or {start, end, frequency})",
            dates_json,
        )? {
            JsSeriesDates::List(d) => d,
            JsSeriesDates::Span {
                start,
                end,
                frequency,
            } => koperasi::demography::period_ends(start, end, frequency).map_err(fail)?,
        };
        let fields = match fields_json {
            None => Vec::new(),
            Some(f) => fields_arg(&f)?,
        };
        let s = koperasi::demography::status_series(
            &self.inner.records,
            &dates,
            &policy_arg(policy_json)?,
            &fields,
        )
        .map_err(fail)?;
        to_json(&s)
    }

    /// `Register.compare_policies(as_of, policies)` -> `PolicyComparison`; `policies_json` is
    /// a JSON array of policy objects (the JS layer turns preset names into their objects).
    pub fn compare_policies(&self, as_of: &str, policies_json: &str) -> Result<String, JsValue> {
        let values: Vec<serde_json::Value> =
            from_json("policies (an array of policies)", policies_json)?;
        let policies = values
            .iter()
            .map(|v| policy_arg(Some(v.to_string())))
            .collect::<Result<Vec<_>, _>>()?;
        let c =
            koperasi::status::compare_policies(&self.inner.records, iso_date(as_of)?, &policies)
                .map_err(fail)?;
        to_json(&c)
    }
}

/// `StatusSeries.toColumns()`: a series (its JSON) in long form (`StatusSeriesColumns`).
#[wasm_bindgen]
pub fn status_series_columns(series_json: &str) -> Result<String, JsValue> {
    let s: StatusSeries = from_json("StatusSeries", series_json)?;
    to_json(&s.to_columns())
}
