//! Regions (Kemendagri wilayah codes): look-ups by code and name, search, children. Only
//! conversion: `koperasi::wilayah`.

use crate::convert::{ErrorPayload, code, js, opt_code, to_js};
use koperasi::error::WilayahError;
use koperasi::wilayah::{KodeWilayah, Level, Wilayah, table};
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// A region with its parent code (`null` for a province): the shape of `Wilayah` in Python
/// and JS, `{code, name, level, parent}`.
#[derive(Debug, Clone, Serialize)]
pub struct WilayahOut<'a> {
    /// The core's region.
    #[serde(flatten)]
    pub wilayah: &'a Wilayah,
    /// Parent code (`None` for a province).
    pub parent: Option<KodeWilayah>,
}

fn out(w: &Wilayah) -> WilayahOut<'_> {
    let parent = w.code.parent();
    WilayahOut { wilayah: w, parent }
}

fn one(w: Result<&Wilayah, WilayahError>) -> Result<JsValue, JsValue> {
    js(w.map(out))
}

fn list(ws: Vec<&Wilayah>) -> Result<JsValue, JsValue> {
    to_js(&ws.into_iter().map(out).collect::<Vec<_>>())
}

/// `wilayah_get`: the region of a code (error `wilayah_not_found` when the table lacks it).
#[wasm_bindgen]
pub fn wilayah_get(code_text: &str) -> Result<JsValue, JsValue> {
    let name = code_text.to_string();
    one(table()
        .get(&code(code_text)?)
        .ok_or(WilayahError::NotFound { name }))
}

/// `find_provinsi`.
#[wasm_bindgen]
pub fn find_provinsi(name: &str) -> Result<JsValue, JsValue> {
    one(table().find_provinsi(name))
}

/// `find_kab_kota` (within: a region code or `None`).
#[wasm_bindgen]
pub fn find_kab_kota(name: &str, within: Option<String>) -> Result<JsValue, JsValue> {
    one(table().find_kab_kota(name, opt_code(within)?.as_ref()))
}

/// `find_kecamatan` (within: a region code or `None`).
#[wasm_bindgen]
pub fn find_kecamatan(name: &str, within: Option<String>) -> Result<JsValue, JsValue> {
    one(table().find_kecamatan(name, opt_code(within)?.as_ref()))
}

/// `wilayah_search`: [`koperasi::wilayah::Table::search`] (code or name, best first), kept to
/// the regions of `level` and inside `within` when given.
#[wasm_bindgen]
pub fn wilayah_search(
    name: &str,
    level: Option<String>,
    within: Option<String>,
) -> Result<JsValue, JsValue> {
    let level = match level {
        None => None,
        Some(l) => Some(Level::from_label(&l).ok_or_else(|| {
            let why = "expected provinsi, kabupaten_kota, kecamatan or desa_kelurahan";
            let mut e =
                ErrorPayload::new("koperasi", "invalid_level", format!("level `{l}`: {why}"));
            e.value = Some(l.clone());
            JsValue::from(e)
        })?),
    };
    list(table().search_in(name, level, opt_code(within)?.as_ref()))
}

/// `wilayah_children`: the regions one level below a code.
#[wasm_bindgen]
pub fn wilayah_children(code_text: &str) -> Result<JsValue, JsValue> {
    list(table().children(&code(code_text)?))
}

/// `normalize_name`: the name key used for region look-ups.
#[wasm_bindgen]
pub fn normalize_name(text: &str) -> String {
    koperasi::wilayah::normalize_name(text)
}

/// `parse_kode_wilayah` -> `{code, level}`.
#[wasm_bindgen]
pub fn parse_kode_wilayah(text: &str) -> Result<JsValue, JsValue> {
    #[derive(Serialize)]
    struct Out {
        code: KodeWilayah,
        level: Level,
    }
    let k = code(text)?;
    to_js(&Out {
        code: k,
        level: k.level(),
    })
}
