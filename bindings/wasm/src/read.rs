//! Reading: the reader options as JS passes them (`koperasi::io::ReadArgs`), `read_register`,
//! `read_panel`, `read_any` (CSV or a workbook) and `detect_layout`; the handles of what was
//! read. Only conversion: `koperasi::io`.

use crate::convert::{ErrorPayload, fail, js, opt_js, to_js};
use koperasi::io::{Layout, ReadArgs, ReadArgsError, ReadOptions, Table, read_input_as};
use koperasi::register::Register;
use koperasi::stats::Panel;
use wasm_bindgen::prelude::*;

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

/// The core's [`ReadOptions`] and the sheet asked for from the JS options ([`ReadArgs`],
/// `None` = defaults): a malformed option is `argument_invalid`, a bad region its core error.
pub fn read_args(options: Option<ReadArgs>) -> Result<(ReadOptions, Option<String>), JsValue> {
    options.unwrap_or_default().resolve().map_err(|e| match e {
        ReadArgsError::Invalid(why) => ErrorPayload::argument(why).into(),
        ReadArgsError::Region(e) => fail(e),
    })
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
/// first bytes) as `koperasi::io::read_input_as` reads it (`options.sheet`).
#[wasm_bindgen]
pub fn read_register(data: &[u8], options: JsValue) -> Result<ReadResult, JsValue> {
    read_as(data, options, Layout::Register)
}

/// `read_panel(source, options)`: CSV, or a workbook as [`read_register`] reads it.
#[wasm_bindgen]
pub fn read_panel(data: &[u8], options: JsValue) -> Result<ReadResult, JsValue> {
    read_as(data, options, Layout::Panel)
}

fn read_as(data: &[u8], options: JsValue, layout: Layout) -> Result<ReadResult, JsValue> {
    let (o, sheet) = read_args(opt_js("read options", options)?)?;
    read_result(read_input_as(data, None, sheet.as_deref(), Some(layout), &o).map_err(fail)?)
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
    js(koperasi::io::detect_layout_of(csv, &read_options(options)?))
}
