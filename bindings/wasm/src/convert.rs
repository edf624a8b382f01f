//! Errors and the value bridge: what a failed call throws ([`ErrorPayload`]), and results and
//! arguments as JS values through `serde-wasm-bindgen` ([`to_js`], [`from_js`]).
//!
//! The number rule: results never carry a `BigInt`. Every integer is a JS `number`; one past
//! 2^53 - 1 (Rp 90 trillion in sen, past any one cooperative's figure) is refused by the
//! serializer and thrown as a `range` error `number_unsafe_integer` with the digits, never
//! rounded. BigInt results would type every count and amount as `bigint` (the option is per
//! serializer, not per field) and `JSON.stringify` throws on them. In arguments an integer may
//! be a safe `number` or a `bigint`; an unsafe `number` is refused the same way.

use koperasi::error::DateError;
use koperasi::status::StatusPolicy;
use koperasi::wilayah::KodeWilayah;
use koperasi::{NaiveDate, columns::Columns};
use serde::Serialize;
use serde::de::DeserializeOwned;
use std::collections::BTreeMap;
use wasm_bindgen::prelude::*;

/// Largest integer a JS `number` holds exactly: 2^53 - 1 (`Number.MAX_SAFE_INTEGER`).
pub const MAX_SAFE_INTEGER: i64 = 9_007_199_254_740_991;

/// What a failed call throws to the wrapper, as a plain JS object.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct ErrorPayload {
    /// `koperasi` (a core error), `range` (a number out of range) or `type` (a bad argument).
    pub kind: String,
    /// Stable snake_case code: the core's `Error::code()`, or a binding code
    /// (`number_unsafe_integer`, `number_out_of_range`, `argument_invalid`, `missing_as_of`,
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
    pub details: BTreeMap<String, String>,
}

impl ErrorPayload {
    /// A payload of `kind` and `code` with a message and no fields.
    pub fn new(kind: &str, code: &str, message: String) -> ErrorPayload {
        ErrorPayload {
            kind: kind.into(),
            code: code.into(),
            message,
            line: None,
            column: None,
            value: None,
            details: BTreeMap::new(),
        }
    }

    /// A bad argument (wrong shape or type): thrown as a `TypeError` in JS.
    pub fn argument(message: String) -> ErrorPayload {
        ErrorPayload::new("type", "argument_invalid", message)
    }

    /// A number that a JS `number` or an `i64` cannot hold exactly: a `RangeError` in JS.
    fn range(code: &str, value: String, message: String) -> ErrorPayload {
        let mut p = ErrorPayload::new("range", code, message);
        p.value = Some(value);
        p
    }
}

impl From<ErrorPayload> for JsValue {
    fn from(e: ErrorPayload) -> JsValue {
        // Strings, integers and a string map: the serializer cannot fail on them.
        to_js(&e).unwrap_or_else(|_| JsValue::from_str(&e.message))
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

/// A core error as the JS value thrown.
pub fn fail(e: impl Into<koperasi::Error>) -> JsValue {
    core_error(e.into()).into()
}

/// Results: `null` for `None` and maps as plain objects, as the JSON of the CLI and Python's
/// `to_dict()` show them; integers as `number` (see the number rule above).
const SERIALIZER: serde_wasm_bindgen::Serializer = serde_wasm_bindgen::Serializer::new()
    .serialize_missing_as_null(true)
    .serialize_maps_as_objects(true);

/// The JS value of a result (the serde shape of the core's type).
///
/// Serialised directly; when that fails, again through a `serde_json::Value` tree (no text):
/// a map with numbers as keys (a year, say) then has them as strings, as in the JSON of the CLI
/// (`serde-wasm-bindgen` refuses a number as an object key), and an unsafe integer is told
/// apart from other failures. The direct path is the fast one: on 9,950 records, `assessAll`
/// and `records` take about 0.7x the time of the former JSON text, the tree path 1.3-1.5x.
///
/// Errors: `number_unsafe_integer` (`range`) for an integer past 2^53 - 1;
/// `result_not_serialisable` otherwise.
pub fn to_js<T: Serialize + ?Sized>(x: &T) -> Result<JsValue, JsValue> {
    let not_serialisable = |why: String| {
        JsValue::from(ErrorPayload::new(
            "koperasi",
            "result_not_serialisable",
            format!("the result cannot be turned into a JS value: {why}"),
        ))
    };
    if let Ok(v) = x.serialize(&SERIALIZER) {
        return Ok(v);
    }
    let tree = serde_json::to_value(x).map_err(|e| not_serialisable(e.to_string()))?;
    tree.serialize(&SERIALIZER).map_err(|e| {
        let why = e.to_string();
        match why.split_once(" can't be represented as a JavaScript number") {
            Some((head, _)) => {
                let n = head.rsplit(' ').next().unwrap_or(head).to_string();
                let message = format!(
                    "{n} in the result is past 2^53 - 1 and cannot be a JS number without rounding"
                );
                ErrorPayload::range("number_unsafe_integer", n, message).into()
            }
            None => not_serialisable(why),
        }
    })
}

/// The JS value of a core result ([`to_js`]), or its error thrown ([`fail`]).
pub fn js<T: Serialize, E: Into<koperasi::Error>>(r: Result<T, E>) -> Result<JsValue, JsValue> {
    to_js(&r.map_err(fail)?)
}

/// An argument deserialised from its JS value; `what` names it in the error.
///
/// Errors: `number_unsafe_integer` (`range`) for a `number` past 2^53 - 1 where an integer is
/// expected; `number_out_of_range` (`range`) for a `bigint` outside `i64`/`u64`;
/// `argument_invalid` (`type`) for any other shape.
pub fn from_js<T: DeserializeOwned>(what: &str, v: JsValue) -> Result<T, JsValue> {
    serde_wasm_bindgen::from_value(v).map_err(|e| arg_error(what, &e.to_string()).into())
}

/// The payload of a deserialisation error of argument `what` (see [`from_js`]).
fn arg_error(what: &str, why: &str) -> ErrorPayload {
    let why = why.strip_prefix("Error: ").unwrap_or(why);
    let unsafe_number = why
        .split_once("floating point `")
        .and_then(|(_, rest)| rest.split_once('`'))
        .and_then(|(n, _)| n.parse::<f64>().ok())
        .filter(|n| n.fract() == 0.0 && n.abs() > MAX_SAFE_INTEGER as f64);
    if let Some(n) = unsafe_number {
        let digits = format!("{n:.0}");
        return ErrorPayload::range(
            "number_unsafe_integer",
            digits.clone(),
            format!(
                "{what}: {digits} is past 2^53 - 1 and may already have been rounded: pass a bigint"
            ),
        );
    }
    if why.contains("from a BigInt outside") {
        return ErrorPayload::range(
            "number_out_of_range",
            String::new(),
            format!("{what}: {why}"),
        );
    }
    ErrorPayload::argument(format!("{what}: {why}"))
}

/// An optional argument: `undefined` or `null` is `None`.
pub fn opt_js<T: DeserializeOwned>(what: &str, v: JsValue) -> Result<Option<T>, JsValue> {
    if v.is_undefined() || v.is_null() {
        return Ok(None);
    }
    from_js(what, v).map(Some)
}

/// Core columns (`koperasi::columns::Columns`, pairs of name and values) as a JS object of
/// arrays, in column order.
pub fn columns_js(c: &Columns) -> Result<JsValue, JsValue> {
    struct AsMap<'a>(&'a Columns);
    impl Serialize for AsMap<'_> {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.collect_map(self.0.iter().map(|(k, v)| (k, v)))
        }
    }
    to_js(&AsMap(c))
}

/// Rows as columns (`koperasi::columns::to_columns`).
pub fn rows_columns<T: Serialize>(rows: &[T]) -> Result<JsValue, JsValue> {
    let c = koperasi::columns::to_columns(rows).map_err(|e| {
        JsValue::from(ErrorPayload::new(
            "koperasi",
            "result_not_serialisable",
            format!("the rows cannot be turned into columns: {e}"),
        ))
    })?;
    columns_js(&c)
}

/// `toColumns(rows)`: any array of rows as columns (`koperasi::columns::to_columns`): one
/// column per field in key order, nested objects flattened with dotted names, `null` where a
/// row lacks the field. `rows` must be an array (`argument_invalid` if not).
#[wasm_bindgen]
pub fn rows_to_columns(rows: JsValue) -> Result<JsValue, JsValue> {
    let rows: Vec<serde_json::Value> = from_js("rows", rows)?;
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

/// A region code argument (`wilayah_*` errors of the core).
pub fn code(s: &str) -> Result<KodeWilayah, JsValue> {
    KodeWilayah::parse(s).map_err(fail)
}

/// An optional region code argument.
pub fn opt_code(s: Option<String>) -> Result<Option<KodeWilayah>, JsValue> {
    s.as_deref().map(code).transpose()
}

/// The policy given as a JS object (`undefined`/`null`: the `national` preset), checked by
/// the core (`policy_parse` for a wrong shape, the validation codes otherwise).
pub fn policy_arg(policy: JsValue) -> Result<StatusPolicy, JsValue> {
    if policy.is_undefined() || policy.is_null() {
        return Ok(StatusPolicy::national());
    }
    let p: StatusPolicy = policy_shape(policy)?;
    p.validate().map_err(fail)?;
    Ok(p)
}

/// An array of policy objects, each checked as [`policy_arg`] checks one.
pub fn policies_arg(policies: JsValue) -> Result<Vec<StatusPolicy>, JsValue> {
    let all: Vec<StatusPolicy> = policy_shape(policies)?;
    all.iter().try_for_each(|p| p.validate().map_err(fail))?;
    Ok(all)
}

/// Policies deserialised from JS; a wrong shape is the core's `policy_parse`.
fn policy_shape<T: DeserializeOwned>(v: JsValue) -> Result<T, JsValue> {
    serde_wasm_bindgen::from_value(v).map_err(|e| {
        fail(koperasi::error::PolicyError::Parse {
            why: e.to_string().trim_start_matches("Error: ").to_string(),
        })
    })
}
