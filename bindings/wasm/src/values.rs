//! Values: Indonesian dates and numbers, money in sen, the identifiers of a cooperative
//! (nomor badan hukum, NIK koperasi, NIB). Only conversion: `koperasi::locale`,
//! `koperasi::identity`.

use crate::convert::{fail, iso_date, to_js};
use koperasi::Rupiah;
use koperasi::identity::{BadanHukumKind, Nib, NikKoperasi, NomorBadanHukum};
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// `parse_date`: an Indonesian or ISO date -> ISO text.
#[wasm_bindgen]
pub fn parse_date(text: &str) -> Result<JsValue, JsValue> {
    to_js(&koperasi::locale::parse_date(text).map_err(fail)?)
}

/// `format_date`: ISO date -> `6 November 2019`.
#[wasm_bindgen]
pub fn format_date(date: &str) -> Result<JsValue, JsValue> {
    to_js(&koperasi::locale::format_date(iso_date(date)?))
}

/// `format_date_numeric`: ISO date -> `06/11/2019`.
#[wasm_bindgen]
pub fn format_date_numeric(date: &str) -> Result<JsValue, JsValue> {
    to_js(&koperasi::locale::format_date_numeric(iso_date(date)?))
}

/// `parse_decimal`: Indonesian number -> canonical decimal text.
#[wasm_bindgen]
pub fn parse_decimal(text: &str) -> Result<JsValue, JsValue> {
    let d = koperasi::locale::parse_decimal(text).map_err(fail)?;
    to_js(&d.to_string())
}

/// `parse_count`: a non-negative integer count.
#[wasm_bindgen]
pub fn parse_count(text: &str) -> Result<JsValue, JsValue> {
    to_js(&koperasi::locale::parse_count(text).map_err(fail)?)
}

/// `parse_rupiah`: money text -> integer sen (`number_unsafe_integer` past 2^53 - 1).
#[wasm_bindgen]
pub fn parse_rupiah(text: &str) -> Result<JsValue, JsValue> {
    to_js(&koperasi::locale::parse_rupiah(text).map_err(fail)?.sen())
}

/// `format_rupiah`: sen -> `Rp 1.234.567,89`.
#[wasm_bindgen]
pub fn format_rupiah(sen: i64) -> Result<JsValue, JsValue> {
    to_js(&koperasi::locale::format_rupiah(Rupiah::from_sen(sen)))
}

/// `format_rupiah_whole`: sen -> `Rp 1.234.568` (whole rupiah).
#[wasm_bindgen]
pub fn format_rupiah_whole(sen: i64) -> Result<JsValue, JsValue> {
    to_js(&koperasi::locale::format_rupiah_whole(Rupiah::from_sen(
        sen,
    )))
}

/// `format_int`: `1234567` -> `1.234.567`.
#[wasm_bindgen]
pub fn format_int(n: i64) -> Result<JsValue, JsValue> {
    to_js(&koperasi::locale::format_int(n))
}

/// `is_missing`: true for the placeholders Indonesian files use for "no value".
#[wasm_bindgen]
pub fn is_missing(text: &str) -> Result<JsValue, JsValue> {
    to_js(&koperasi::locale::is_missing(text))
}

/// `parse_nomor_badan_hukum` -> `{raw, kind, year, month, is_ahu, is_amendment, key}`, or
/// `null` for a placeholder (`-`, `0`, empty).
#[wasm_bindgen]
pub fn parse_nomor_badan_hukum(text: &str) -> Result<JsValue, JsValue> {
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
    to_js(&out)
}

/// `parse_nik_koperasi` -> the digits, or `null` for a placeholder.
#[wasm_bindgen]
pub fn parse_nik_koperasi(text: &str) -> Result<JsValue, JsValue> {
    to_js(&NikKoperasi::parse(text).map_err(fail)?)
}

/// `parse_nib` -> the digits, or `null` for a placeholder.
#[wasm_bindgen]
pub fn parse_nib(text: &str) -> Result<JsValue, JsValue> {
    to_js(&Nib::parse(text).map_err(fail)?)
}
