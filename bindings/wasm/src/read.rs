//! Reading: the reader options as JS passes them, `read_register`, `read_panel`, `read_any`
//! (CSV or a workbook) and `detect_layout`; the handles of what was read. Only conversion:
//! `koperasi::io`.

use crate::convert::{ErrorPayload, fail, opt_code, opt_js, to_js};
use koperasi::io::{Layout, Opened, ReadOptions, Table, open_input};
use koperasi::register::Register;
use koperasi::stats::Panel;
use serde::Deserialize;
use wasm_bindgen::prelude::*;

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

/// The core's [`ReadOptions`] from the JS options of a CSV-only reader (`undefined` =
/// defaults); a `sheet` is an argument error there.
pub fn read_options(options: JsValue) -> Result<ReadOptions, JsValue> {
    match read_args(opt_js("read options", options)?)? {
        (o, None) => Ok(o),
        (_, Some(sheet)) => Err(ErrorPayload::argument(format!(
            "sheet `{sheet}`: this function reads CSV only (readAny, readRegister, readPanel \
             and buildReport read workbooks)"
        ))
        .into()),
    }
}

/// The core's [`ReadOptions`] and the sheet asked for (a name, or a 1-based number as text)
/// from the JS options (`None` = defaults).
pub fn read_args(options: Option<JsReadOptions>) -> Result<(ReadOptions, Option<String>), JsValue> {
    let o = options.unwrap_or_default();
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
    pub(crate) inner: Register,
}

/// A panel read into WASM memory (the JS `Panel` class wraps it).
#[wasm_bindgen]
pub struct PanelHandle {
    pub(crate) inner: Panel,
}

/// What `read_register` / `read_panel` / `read_any` return: a handle and the read report.
#[wasm_bindgen]
pub struct ReadResult {
    register: Option<Register>,
    panel: Option<Panel>,
    report: JsValue,
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

    /// The `ReadReport` (a plain object).
    #[wasm_bindgen(getter)]
    pub fn report(&self) -> JsValue {
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
            report: to_js(&rep)?,
            register: Some(r),
            panel: None,
        },
        Table::Panel(p, rep) => ReadResult {
            report: to_js(&rep)?,
            register: None,
            panel: Some(p),
        },
    })
}

/// `read_register(source, options)`: CSV, or a workbook (XLSX, XLS, ODS: told apart by its
/// first bytes) as `koperasi::io::open_input` reads it (`options.sheet`).
#[wasm_bindgen]
pub fn read_register(data: &[u8], options: JsValue) -> Result<ReadResult, JsValue> {
    let (o, sheet) = read_args(opt_js("read options", options)?)?;
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
pub fn read_panel(data: &[u8], options: JsValue) -> Result<ReadResult, JsValue> {
    let (o, sheet) = read_args(opt_js("read options", options)?)?;
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
pub fn read_any(data: &[u8], options: JsValue) -> Result<ReadResult, JsValue> {
    let (o, sheet) = read_args(opt_js("read options", options)?)?;
    read_result(koperasi::io::read_input(data, None, sheet.as_deref(), &o).map_err(fail)?)
}

/// `detect_layout(csv_text)` -> `"register"` or `"panel"`.
#[wasm_bindgen]
pub fn detect_layout(csv: &[u8], options: JsValue) -> Result<JsValue, JsValue> {
    let l: Layout = koperasi::io::detect_layout_of(csv, &read_options(options)?).map_err(fail)?;
    to_js(&l)
}
