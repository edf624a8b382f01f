//! Regions (Kemendagri wilayah codes): look-ups by code and name, search, children. Only
//! conversion: `koperasi::wilayah`.

use crate::convert::{ErrorPayload, code, fail, opt_code, to_js};
use koperasi::error::WilayahError;
use koperasi::wilayah::{KodeWilayah, Level, Wilayah};
use serde::Serialize;
use wasm_bindgen::prelude::*;

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

fn wilayah_list(ws: Vec<&Wilayah>) -> Result<JsValue, JsValue> {
    to_js(&ws.into_iter().map(WilayahOut::from).collect::<Vec<_>>())
}

/// `wilayah_get`: the region of a code (error `wilayah_not_found` when the table lacks it).
#[wasm_bindgen]
pub fn wilayah_get(code_text: &str) -> Result<JsValue, JsValue> {
    let k = code(code_text)?;
    let w = koperasi::wilayah::table().get(&k).ok_or_else(|| {
        fail(WilayahError::NotFound {
            name: code_text.to_string(),
        })
    })?;
    to_js(&WilayahOut::from(w))
}

/// `find_provinsi`.
#[wasm_bindgen]
pub fn find_provinsi(name: &str) -> Result<JsValue, JsValue> {
    let w = koperasi::wilayah::table()
        .find_provinsi(name)
        .map_err(fail)?;
    to_js(&WilayahOut::from(w))
}

/// `find_kab_kota` (within: a region code or `None`).
#[wasm_bindgen]
pub fn find_kab_kota(name: &str, within: Option<String>) -> Result<JsValue, JsValue> {
    let within = opt_code(within)?;
    let w = koperasi::wilayah::table()
        .find_kab_kota(name, within.as_ref())
        .map_err(fail)?;
    to_js(&WilayahOut::from(w))
}

/// `find_kecamatan` (within: a region code or `None`).
#[wasm_bindgen]
pub fn find_kecamatan(name: &str, within: Option<String>) -> Result<JsValue, JsValue> {
    let within = opt_code(within)?;
    let w = koperasi::wilayah::table()
        .find_kecamatan(name, within.as_ref())
        .map_err(fail)?;
    to_js(&WilayahOut::from(w))
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
pub fn wilayah_children(code_text: &str) -> Result<JsValue, JsValue> {
    wilayah_list(koperasi::wilayah::table().children(&code(code_text)?))
}

/// `normalize_name`: the name key used for region look-ups.
#[wasm_bindgen]
pub fn normalize_name(text: &str) -> Result<JsValue, JsValue> {
    to_js(&koperasi::wilayah::normalize_name(text))
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
