//! Files out of the dashboard and of `koperasi` in JavaScript: the blank register template and
//! a table as an XLSX workbook or an Excel CSV. The bytes are built by the core
//! ([`koperasi::io::template_xlsx`], [`koperasi::io::export`]), as for the CLI and Python.

use crate::convert::{ErrorPayload, fail};
use koperasi::io::export::{RawTable, export_csv, export_excel_csv, export_xlsx};
use wasm_bindgen::prelude::*;

/// The table argument: `{headers: [..], rows: [[..], ..]}` of text cells.
fn table_arg(table: JsValue) -> Result<RawTable, JsValue> {
    serde_wasm_bindgen::from_value(table).map_err(|e| {
        ErrorPayload::argument(format!(
            "table must be {{headers: string[], rows: string[][]}} of text cells: {e}"
        ))
        .into()
    })
}

/// `locale` `id` or `en` as "Indonesian?".
fn indonesian(locale: &str) -> Result<bool, JsValue> {
    match locale {
        "id" => Ok(true),
        "en" => Ok(false),
        other => Err(ErrorPayload::argument(format!("locale `{other}`: expected id or en")).into()),
    }
}

/// The blank register template (an XLSX workbook's bytes) with the RAT example column of
/// `rat_book_year`, sheet names and instructions in `locale` (`id` or `en`).
/// Errors: `export_write` for a year outside 1900..=2100; `argument_invalid` for a locale.
#[wasm_bindgen]
pub fn template_register(rat_book_year: i32, locale: &str) -> Result<Vec<u8>, JsValue> {
    koperasi::io::template_xlsx::template_register_xlsx(rat_book_year, indonesian(locale)?)
        .map_err(fail)
}

/// The blank KDMP/KKMP register template (an XLSX workbook's bytes: a column per stage),
/// sheet names and instructions in `locale` (`id` or `en`). Errors: `argument_invalid`.
#[wasm_bindgen]
pub fn template_kopdes(locale: &str) -> Result<Vec<u8>, JsValue> {
    koperasi::io::template_xlsx::template_kopdes_xlsx(indonesian(locale)?).map_err(fail)
}

/// A table (see [`table_arg`]) as an XLSX workbook of one sheet named `sheet`: text
/// cells stay text, never formulas; cells that read as numbers become numbers.
/// Errors: `export_cell_too_long`, `export_too_large`, `export_write`; `argument_invalid`.
#[wasm_bindgen]
pub fn table_xlsx(table: JsValue, sheet: &str) -> Result<Vec<u8>, JsValue> {
    export_xlsx(&table_arg(table)?, sheet).map_err(fail)
}

/// A table (see [`table_arg`]) as CSV bytes: with `excel`, a byte-order mark and `;`
/// (a spreadsheet set to Indonesian), else plain `,` CSV; formula-like cells neutralised.
/// Errors: `export_write`; `argument_invalid`.
#[wasm_bindgen]
pub fn table_csv(table: JsValue, excel: bool) -> Result<Vec<u8>, JsValue> {
    let table = table_arg(table)?;
    let mut out = Vec::new();
    if excel {
        export_excel_csv(&table, &mut out).map_err(fail)?;
    } else {
        export_csv(&table, &mut out).map_err(fail)?;
    }
    Ok(out)
}
