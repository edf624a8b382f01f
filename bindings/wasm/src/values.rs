//! Values: Indonesian dates and numbers, money in sen, the identifiers of a cooperative
//! (nomor badan hukum, NIK koperasi, NIB). Only conversion: `koperasi::locale`,
//! `koperasi::identity`.

use crate::convert::{iso_date, js, to_js};
use koperasi::identity::{Nib, NikKoperasi, NomorBadanHukum};
use koperasi::{Rupiah, locale};
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// `parse_date`: an Indonesian or ISO date -> ISO text.
#[wasm_bindgen]
pub fn parse_date(text: &str) -> Result<JsValue, JsValue> {
    js(locale::parse_date(text))
}

/// `format_date`: ISO date -> `6 November 2019`.
#[wasm_bindgen]
pub fn format_date(date: &str) -> Result<String, JsValue> {
    Ok(locale::format_date(iso_date(date)?))
}

/// `format_date_numeric`: ISO date -> `06/11/2019`.
#[wasm_bindgen]
pub fn format_date_numeric(date: &str) -> Result<String, JsValue> {
    Ok(locale::format_date_numeric(iso_date(date)?))
}

/// `parse_decimal`: Indonesian number -> canonical decimal text.
#[wasm_bindgen]
pub fn parse_decimal(text: &str) -> Result<JsValue, JsValue> {
    js(locale::parse_decimal(text).map(|d| d.to_string()))
}

/// `parse_count`: a non-negative integer count.
#[wasm_bindgen]
pub fn parse_count(text: &str) -> Result<JsValue, JsValue> {
    js(locale::parse_count(text))
}

/// `parse_rupiah`: money text -> integer sen (`number_unsafe_integer` past 2^53 - 1).
#[wasm_bindgen]
pub fn parse_rupiah(text: &str) -> Result<JsValue, JsValue> {
    js(locale::parse_rupiah(text).map(Rupiah::sen))
}

/// `format_rupiah`: sen -> `Rp 1.234.567,89`.
#[wasm_bindgen]
pub fn format_rupiah(sen: i64) -> String {
    locale::format_rupiah(Rupiah::from_sen(sen))
}

/// `format_rupiah_whole`: sen -> `Rp 1.234.568` (whole rupiah).
#[wasm_bindgen]
pub fn format_rupiah_whole(sen: i64) -> String {
    locale::format_rupiah_whole(Rupiah::from_sen(sen))
}

/// `format_int`: `1234567` -> `1.234.567`.
#[wasm_bindgen]
pub fn format_int(n: i64) -> String {
    locale::format_int(n)
}

/// `is_missing`: true for the placeholders Indonesian files use for "no value".
#[wasm_bindgen]
pub fn is_missing(text: &str) -> bool {
    locale::is_missing(text)
}

/// `parse_nomor_badan_hukum` -> `{raw, kind, year, month, is_ahu, is_amendment, key}` (the
/// core's `NomorBadanHukum` and its `key()`), or `null` for a placeholder (`-`, `0`, empty).
#[wasm_bindgen]
pub fn parse_nomor_badan_hukum(text: &str) -> Result<JsValue, JsValue> {
    #[derive(Serialize)]
    struct WithKey {
        #[serde(flatten)]
        n: NomorBadanHukum,
        key: String,
    }
    to_js(&NomorBadanHukum::parse(text).map(|n| WithKey { key: n.key(), n }))
}

/// `parse_nik_koperasi` -> the digits, or `null` for a placeholder.
#[wasm_bindgen]
pub fn parse_nik_koperasi(text: &str) -> Result<JsValue, JsValue> {
    js(NikKoperasi::parse(text))
}

/// `parse_nib` -> the digits, or `null` for a placeholder.
#[wasm_bindgen]
pub fn parse_nib(text: &str) -> Result<JsValue, JsValue> {
    js(Nib::parse(text))
}
